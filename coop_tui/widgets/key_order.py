"""Keys handled in the order they were typed, even when several arrive at once.

Textual hands each key to the focused widget, which takes text keys itself; a key it does
not take (backspace, the arrows, Tab, ctrl+s) runs its binding only once it has bubbled
back up to the app. Keys that arrive together (over a slow SSH link, or typed while the
app is busy) are by then already queued for the widget, which handles them first:
"Wordx⌫s" became "Wordxs" in the notes, text typed right after Tab went into the field
just left, and "/cressy" on the actor map logged a contact (``c``) instead of filtering
(Textual issue #6605).

`KeysInOrder` runs those bindings where the key arrives, before the next key; moves the
focus at once when asked to (Textual's ``focus()`` waits for the app's queue, behind the
keys already typed); and passes a key that arrives after the focus moved on to the widget
that has the focus now.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Self

from textual import events
from textual.dom import NoScreen

if TYPE_CHECKING:
    from textual.widget import Widget

    _WidgetMixin = Widget
else:
    # Not a Widget at run time: Textual takes a widget's CSS, type name and component
    # classes from its first base only, which must stay the widget this is mixed into.
    _WidgetMixin = object


class KeysInOrder(_WidgetMixin):
    """Mixin for focusable widgets (put it first): keys take effect in the order typed."""

    async def _on_key(self, event: events.Key) -> None:
        focused = self.app.focused
        if focused is self:
            return
        # Queued here before an earlier key moved the focus: it belongs where the focus
        # is now, as it would have gone there had it come a moment later.
        event.stop()
        event.prevent_default()
        (focused or self.app.screen)._forward_event(events.Key(event.key, event.character))

    async def handle_key(self, event: events.Key) -> bool:
        """Called for a key this widget did not take as text: its binding runs now."""
        if await super().handle_key(event):
            return True
        if await self.app._check_bindings(event.key):
            event.stop()
            return True
        return False

    def focus(self, scroll_visible: bool = True) -> Self:
        """Take the focus now when already drawn on the screen shown, so the next key
        comes here; otherwise (being mounted, hidden) as Textual does, once laid out."""
        try:
            drawn = self.screen is self.app.screen and bool(self.region)
        except NoScreen:
            drawn = False
        if not drawn:
            return super().focus(scroll_visible)
        self.screen.set_focus(self, scroll_visible=scroll_visible)
        return self
