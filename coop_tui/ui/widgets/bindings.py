"""Binding descriptions in the current language.

Textual reads ``BINDINGS`` when a class is defined, before the language is known; so the
descriptions are English msgids (marked ``N_``) and each instance translates its own copy.
"""

from __future__ import annotations

from dataclasses import replace

from textual.binding import Binding, BindingsMap
from textual.dom import DOMNode

from coop_tui.core.i18n import N_, _

# Textual's own keys worth listing for a person, by Textual's (English) description, in
# the words of the app; Textual's other keys (cursor moves in a field...) are not listed.
TEXTUAL_KEYS = {
    "Focus Next": N_("Next field"),
    "Focus Previous": N_("Previous field"),
    "Copy selected text": N_("Copy the selected text"),
    "Paste text from the clipboard": N_("Paste"),
    "Cut selected text": N_("Cut the selected text"),
    "Select all": N_("Select all"),
    "Undo": N_("Undo the typing"),
    "Redo": N_("Redo the typing"),
}


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


def from_textual(node: DOMNode, key: str) -> bool:
    """Whether ``key`` is bound on ``node`` by Textual's own classes (Input, Screen...),
    whose descriptions are English: the class nearest ``node`` that binds it decides."""
    for cls in type(node).__mro__:
        for spec in vars(cls).get("BINDINGS", ()):
            keys = spec.key if isinstance(spec, Binding) else spec[0]
            if key in (part.strip() for part in keys.split(",")):
                return cls.__module__.startswith("textual.")
    return False


def described(node: DOMNode, key: str, binding: Binding) -> str:
    """What a key does, in the current language; "" for a key not worth listing."""
    if not binding.description:
        return ""
    if from_textual(node, key):
        known = TEXTUAL_KEYS.get(binding.description)
        return _(known) if known else ""
    return binding.description
