"""Text fields whose editing keys are handled in the order they were typed.

Every field where people type goes through these, never Textual's ``Input`` and ``TextArea``
directly: see ``key_order`` for what goes wrong otherwise.
"""

from __future__ import annotations

from textual.dom import NoScreen
from textual.widgets import Input, TextArea

from coop_tui.ui.widgets.key_order import KeysInOrder


class TextInput(KeysInOrder, Input):
    """A one-line text field. Enter is first offered to its screen's ``enter_in_field``
    (a form moving to its next field), at once: a message would arrive after the keys
    typed behind the enter, which would land in this field."""

    async def action_submit(self) -> None:
        try:
            handler = getattr(self.screen, "enter_in_field", None)
        except NoScreen:
            handler = None
        if handler is not None and handler(self):
            return
        await super().action_submit()


class TextEditor(KeysInOrder, TextArea):
    """A multi-line text field."""
