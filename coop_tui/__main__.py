"""``python -m coop_tui`` runs the ``coop-tui`` command."""

from coop_tui.shell.cli import main

main()
