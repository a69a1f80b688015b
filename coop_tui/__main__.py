"""``python -m coop_tui`` runs the ``coop-tui`` command."""

from coop_tui.cli import main

main()
