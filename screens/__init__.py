"""The screens of coop-tui: a package per feature, with its screen, parts, forms and styles."""
