"""Text fields whose editing keys are handled in the order they were typed.

Every field where people type goes through these, never Textual's ``Input`` and ``TextArea``
directly: see ``key_order`` for what goes wrong otherwise.
"""

from __future__ import annotations

from textual.widgets import Input, TextArea

from coop_tui.ui.widgets.key_order import KeysInOrder


class TextInput(KeysInOrder, Input):
    """A one-line text field."""


class TextEditor(KeysInOrder, TextArea):
    """A multi-line text field."""
