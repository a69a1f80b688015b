"""Binding descriptions in the current language.

Textual reads ``BINDINGS`` when a class is defined, before the language is known; so the
descriptions are English msgids (marked ``N_``) and each instance translates its own copy.
"""

from __future__ import annotations

from dataclasses import replace

from textual.binding import Binding, BindingsMap
from textual.dom import DOMNode

from coop_tui.core.i18n import _


def _translated(binding: Binding) -> Binding:
    group = binding.group
    return replace(
        binding,
        description=_(binding.description) if binding.description else "",
        tooltip=_(binding.tooltip) if binding.tooltip else "",
        group=Binding.Group(_(group.description), group.compact) if group else None,
    )


def translate_bindings(node: DOMNode) -> None:
    """Replace ``node``'s bindings with translated copies (call from ``__init__``)."""
    groups = node._bindings.key_to_bindings.items()
    node._bindings = BindingsMap.from_keys(
        {key: [_translated(binding) for binding in group] for key, group in groups}
    )
