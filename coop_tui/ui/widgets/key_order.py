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

`KeysHeldForFocus` covers a screen being opened: keys typed before any of its widgets has
the focus would run the screen's own keys or be dropped; they wait for the widget that
takes the focus first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Self

from textual import events
from textual.dom import NoScreen

if TYPE_CHECKING:
    from textual.screen import Screen
    from textual.widget import Widget

    _WidgetMixin = Widget
    _ScreenMixin = Screen[Any]
else:
    # Not a Widget at run time: Textual takes a widget's CSS, type name and component
    # classes from its first base only, which must stay the widget this is mixed into.
    _WidgetMixin = object
    _ScreenMixin = object

# How long keys typed as a screen opens may wait for the widget that takes them.
HOLD_KEYS_SECONDS = 1.0


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
        """Take the focus now when on the screen shown, so that the next key comes here;
        scrolled into view once laid out. Otherwise (not mounted yet, hidden) as Textual
        does, from the app's queue."""
        try:
            shown = self.is_mounted and self.screen is self.app.screen
        except NoScreen:
            shown = False
        if shown:
            self.screen.set_focus(self, scroll_visible=False)
        if self.app.focused is not self:
            return super().focus(scroll_visible)
        if scroll_visible:
            self.call_after_refresh(self.scroll_visible, animate=False)
        return self


class KeysHeldForFocus(_ScreenMixin):
    """Mixin for screens (put it first): keys typed as the screen opens, before a widget
    that takes them has the focus, wait for it in the order typed ("n" and a title typed
    at once fill in the new form's title); one second at most, then they go to the
    screen as they would have."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._held_keys: list[events.Key] | None = []

    def takes_held_keys(self, widget: Widget) -> bool:
        """Whether ``widget``, given the focus, is the one the held keys are for."""
        return True

    def _on_mount(self, event: events.Mount) -> None:
        self.set_timer(HOLD_KEYS_SECONDS, self._release_held_keys)

    def _forward_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and self._held_keys is not None:
            self._held_keys.append(event)
            return
        super()._forward_event(event)

    def set_focus(self, widget: Widget | None, scroll_visible: bool = True,
                  from_app_focus: bool = False) -> None:
        super().set_focus(widget, scroll_visible, from_app_focus)
        if self.focused is not None and self.takes_held_keys(self.focused):
            self._release_held_keys()

    def _release_held_keys(self) -> None:
        held, self._held_keys = self._held_keys, None
        forward = self.focused._forward_event if self.focused else super()._forward_event
        for key in held or ():
            forward(key)
