"""The floor for typing: a bare Textual app with one focused TextArea, to which typing in
coop-tui's notes editor is compared."""

from textual.app import App, ComposeResult
from textual.widgets import Static, TextArea


class FloorEditor(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("editor-ready")
        yield TextArea(soft_wrap=True)

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()


if __name__ == "__main__":
    FloorEditor().run()
