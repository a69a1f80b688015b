"""The floor: a hello-world Textual app, to which coop-tui's start-up is compared."""

from textual.app import App, ComposeResult
from textual.widgets import Static


class Floor(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("floor-ready")


if __name__ == "__main__":
    Floor().run()
