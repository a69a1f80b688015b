"""The screens of coop-tui, one module each, with their forms and styles."""
