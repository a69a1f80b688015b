"""``coop-tui deadlines STORE [--from DATE] [--to DATE] [--format text|md|json]``: the
statutory calendar in the order obligations fall due."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import click

from coop_tui.core.i18n import N_


def parse_day(option: str, value: str | None) -> date | None:
    """An ISO date given to ``option``; ValueError with one line a person can act on."""
    from coop_tui.core.i18n import _

    if value is None:
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(_("{option}: « {value} » is not a date (YYYY-MM-DD)").format(
            option=option, value=value)) from None


def register(cli: click.Group, export: click.Group) -> None:
    # Imported here: coop_tui.shell.cli imports this package while it is being built.
    from coop_tui.shell.cli import argument, language_option, option

    @cli.command("deadlines", help=N_(
        "Print the statutory deadlines of STORE in the order they fall due, with their "
        "state and article."))
    @argument("store", type=click.Path(path_type=Path), metavar=N_("STORE"))
    @option("--from", "start", default=None, metavar=N_("YYYY-MM-DD"),
            help=N_("Only obligations due on or after this day."))
    @option("--to", "end", default=None, metavar=N_("YYYY-MM-DD"),
            help=N_("Only obligations due on or before this day."))
    @option("--format", "fmt", type=click.Choice(["text", "md", "json"]), default="text",
            show_default=True, help=N_("Plain text, Markdown, or JSON for scripts."))
    @option("--date", "on", default=None, metavar=N_("YYYY-MM-DD"),
            help=N_("The day the calendar is read on (default: today)."))
    @language_option
    def deadlines_command(store: Path, start: str | None, end: str | None, fmt: str,
                          on: str | None) -> None:
        from coop_tui.core.exports.deadlines import render
        from coop_tui.core.i18n import _, translate_error
        from coop_tui.core.insights.deadlines import store_obligations
        from coop_tui.core.obligations import between
        from coop_tui.shell.cli import fail, open_repository
        from coop_tui.store.errors import StoreError

        try:
            first, last = parse_day("--from", start), parse_day("--to", end)
            today = parse_day("--date", on) or datetime.now().date()
        except ValueError as error:
            fail(str(error))
        if first is not None and last is not None and last < first:
            fail(_("--to ({end}) is before --from ({start})").format(
                end=last.isoformat(), start=first.isoformat()))
        try:
            repository = open_repository(store)
        except StoreError as error:
            fail(translate_error(error))
        try:
            found = between(store_obligations(repository, today), first, last)
            text = render(found, "json" if fmt == "json" else "md" if fmt == "md" else "text",
                          repository.territory.name, today, first, last)
        finally:
            repository.close()
        click.echo(text, nl=False)
