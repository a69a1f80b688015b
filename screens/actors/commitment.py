"""The shared project as the actor form and the detail panel read it: the actor's
interests in the project, its commitment now and wanted (private), and its blockages with
their state and the answers tried."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Select, TextArea

from coop_tui.core.i18n import _, format_date
from coop_tui.core.labels import choices, label
from coop_tui.store.models import Blockage, BlockageState, Commitment, PrivateReading
from coop_tui.ui.forms import form_row
from coop_tui.ui.widgets.text_fields import TextEditor

# How many steps of the scale a gauge shows.
STEPS = len(Commitment)


def commitment_rows(reading: PrivateReading | None) -> ComposeResult:
    """The form rows: commitment now, commitment wanted, interests in the project."""
    yield form_row(_("Commitment"), Select(
        choices(Commitment), prompt=_("not set"), compact=True, id="f-commitment",
        value=reading.commitment.value if reading and reading.commitment else Select.NULL,
    ), "private.commitment")
    yield form_row(_("Commitment wanted"), Select(
        choices(Commitment), prompt=_("not set"), compact=True, id="f-commitment-wanted",
        value=(reading.commitment_wanted.value if reading and reading.commitment_wanted
               else Select.NULL)), "private.commitment_wanted")
    yield form_row(_("Interests in the project"), TextEditor(
        reading.project_interests if reading else "", compact=True, id="f-project-interests",
        classes="short"), "private.project_interests")


def commitment_data(form: Widget) -> dict[str, Any]:
    """What the rows hold, as the private reading takes it."""
    def selected(selector: str) -> str | None:
        value = form.query_one(selector, Select).value
        return value if isinstance(value, str) else None

    return {"commitment": selected("#f-commitment"),
            "commitment_wanted": selected("#f-commitment-wanted"),
            "project_interests": form.query_one("#f-project-interests", TextArea).text}


def gauge(current: Commitment | None, wanted: Commitment | None) -> str:
    """Five marks: ● up to the level now, ○ up to the level wanted, · beyond."""
    if current is None:
        return "·" * STEPS if wanted is None else "○" * (wanted.rank + 1) + "·" * (
            STEPS - wanted.rank - 1)
    reach = max(current.rank, wanted.rank if wanted else current.rank)
    return "●" * (current.rank + 1) + "○" * (reach - current.rank) + "·" * (STEPS - reach - 1)


def commitment_text(reading: PrivateReading) -> Text | None:
    """« informed → committed (wanted) », with the gauge; None when nothing is read."""
    current, wanted = reading.commitment, reading.commitment_wanted
    if current is None and wanted is None:
        return None
    text = Text(gauge(current, wanted) + "  ")
    text.append(label(current) if current else _("not set"))
    if wanted is not None and wanted != current:
        text.append(" → " + _("{level} wanted").format(level=label(wanted)), style="italic")
    return text


STATE_MARKS: dict[BlockageState, str] = {
    BlockageState.OPEN: "○", BlockageState.ADDRESSING: "◐", BlockageState.LIFTED: "●"}


def blockage_lines(blockages: list[Blockage], actors: Mapping[str, str],
                   meetings: Mapping[str, str]) -> Iterator[Text]:
    """Each blockage: its state, text and reason, then its answers (day, what, by whom,
    at which meeting). ``actors`` and ``meetings`` give names by id."""
    for blockage in blockages:
        line = Text(f"{STATE_MARKS[blockage.state]} ")
        line.append(blockage.text, style="bold")
        line.append(f"  [{label(blockage.state)}]", style="italic")
        if blockage.reason:
            line.append(" — " + blockage.reason)
        if blockage.noted_on is not None:
            line.append("  " + _("noted {date}").format(
                date=format_date(blockage.noted_on, "medium")), style="dim")
        yield line
        for answer in blockage.answers:
            row = Text("    ↳ " + format_date(answer.on, "medium") + "  ")
            row.append(answer.text)
            who = actors.get(answer.by_id or "")
            if who:
                row.append("  " + _("by {name}").format(name=who), style="italic")
            where = meetings.get(answer.meeting_id or "")
            if where:
                row.append("  " + _("at « {meeting} »").format(meeting=where), style="dim")
            yield row
