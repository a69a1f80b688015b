"""The pacte financier et fiscal: the view the « Diagnostic & pacte » screen mounts as its
« Pacte » tab (:class:`PactView`), its palette commands (:class:`PactCommands`), its
forms and its export."""

from coop_tui.screens.pacte.commands import PactCommands
from coop_tui.screens.pacte.view import PactView

__all__ = ["PactCommands", "PactView"]
