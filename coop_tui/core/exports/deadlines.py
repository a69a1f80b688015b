"""The statutory calendar worded: what each obligation is, what it concerns and where it
stands, as plain text, Markdown or JSON (``coop-tui deadlines``), and the same wording for
the calendar file and the status report.

The JSON is for scripts and is stable: its keys and state values are documented in
docs/statutory-calendar.md and never change meaning; only titles follow ``--lang``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import Any, Literal

from coop_tui.core.i18n import N_, _, format_date, language
from coop_tui.core.obligations import Due, State
from coop_tui.store.statutory import Trigger

Format = Literal["text", "md", "json"]
FORMATS: tuple[Format, ...] = ("text", "md", "json")
JSON_VERSION = 1

NON_WORKING_NAMES: dict[str, str] = {
    "saturday": N_("a Saturday"),
    "sunday": N_("a Sunday"),
    "new_year": N_("New Year's Day"),
    "easter_monday": N_("Easter Monday"),
    "labour_day": N_("Labour Day (1 May)"),
    "victory_1945": N_("Victory Day (8 May)"),
    "ascension": N_("Ascension Day"),
    "whit_monday": N_("Whit Monday"),
    "national_day": N_("the National Day (14 July)"),
    "assumption": N_("Assumption Day (15 August)"),
    "all_saints": N_("All Saints' Day"),
    "armistice_1918": N_("Armistice Day (11 November)"),
    "christmas": N_("Christmas Day"),
    "good_friday": N_("Good Friday"),
    "st_stephen": N_("St Stephen's Day (26 December)"),
}

STATE_NAMES: dict[str, str] = {
    "done": N_("met"),
    "done_late": N_("met late"),
    "done_early": N_("met too early"),
    "due": N_("due"),
    "late": N_("late"),
    "dismissed": N_("dismissed"),
}


def title(due: Due) -> str:
    """What must be done, in the current language."""
    return due.rule.title.get(language()) if due.rule is not None else due.title


def concerns_kind(due: Due) -> str:
    """What triggered it, as a stable key: meeting, mandate, budget_vote or deadline."""
    if due.rule is None:
        return "deadline"
    if due.meeting is not None:
        return "meeting"
    return "mandate" if due.rule.trigger is Trigger.MANDATE_START else "budget_vote"


def concerns(due: Due) -> str:
    """What it concerns: the session, the renewal, the budget vote; "" for a deadline."""
    kind = concerns_kind(due)
    if kind == "meeting" and due.meeting is not None:
        return _("{title}, {date}").format(title=due.meeting.title,
                                          date=format_date(due.meeting.on))
    if kind == "mandate" and due.trigger_on is not None:
        return _("renewal of {date}").format(date=format_date(due.trigger_on))
    if kind == "budget_vote" and due.trigger_on is not None:
        return _("budget vote of {date}").format(date=format_date(due.trigger_on))
    return ""


def state_key(due: Due) -> str:
    """The state as a stable key: done, done_late, done_early, due, late, dismissed."""
    if due.state is State.DONE and due.timing in ("late", "early"):
        return f"done_{due.timing}"
    return due.state.value


def state(due: Due) -> str:
    worded = _(STATE_NAMES[state_key(due)])
    if due.state is State.DONE and due.met_on is not None:
        worded = _("{state} on {date}").format(state=worded, date=format_date(due.met_on))
    if due.state is State.DISMISSED:
        worded = _("{state}: {reason}").format(state=worded, reason=due.dismissed)
    return worded


def non_working_note(due: Due) -> str:
    """ "falls on a Sunday" when the due day is not a working day; "" otherwise."""
    if not due.non_working:
        return ""
    return _("falls on {day}").format(day=_(NON_WORKING_NAMES[due.non_working]))


def summary(due: Due) -> str:
    """One line of details: what it concerns, the article, a non-working due day."""
    return " · ".join(part for part in (concerns(due), due.article, non_working_note(due))
                      if part)


def deadlines_text(found: Sequence[Due], heading: str) -> str:
    lines = [heading, "=" * len(heading)]
    if not found:
        lines.append(_("No obligation falls due in this period."))
    for due in found:
        lines.append(f"{due.due.isoformat()}  {state(due)} — {title(due)}")
        details = summary(due)
        if details:
            lines.append(f"            {details}")
    return "\n".join(lines) + "\n"


def deadlines_markdown(found: Sequence[Due], heading: str) -> str:
    from coop_tui.core.exports import markdown as md

    out = [md.heading(1, heading)]
    if not found:
        out.append(md.inline(_("No obligation falls due in this period.")))
    else:
        out.append(md.table(
            [md.cell(_("Due")), md.cell(_("State")), md.cell(_("Obligation")),
             md.cell(_("Concerns")), md.cell(_("Article"))],
            [[md.cell(format_date(due.due)), md.cell(state(due)),
              md.cell(title(due) + (f" ({non_working_note(due)})" if due.non_working else "")),
              md.cell(concerns(due)), md.cell(due.article)] for due in found]))
    return "\n\n".join(out) + "\n"


def _day(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def as_json(due: Due) -> dict[str, Any]:
    """One obligation as the stable JSON of docs/statutory-calendar.md."""
    return {
        "key": due.key,
        "rule": due.rule.key if due.rule is not None else None,
        "title": title(due),
        "due": due.due.isoformat(),
        "opens": _day(due.opens),
        "state": due.state.value,
        "timing": due.timing or None,
        "met_on": _day(due.met_on),
        "dismissed": due.dismissed or None,
        "article": due.article or None,
        "concerns": {
            "kind": concerns_kind(due),
            "meeting_id": due.meeting.id if due.meeting is not None else None,
            "date": _day(due.meeting.on if due.meeting is not None else due.trigger_on),
            "label": concerns(due) or None,
        },
        "non_working_day": due.non_working or None,
        "target": {"mode": due.target.mode, "record_id": due.target.record_id},
    }


def deadlines_json(found: Sequence[Due], territory: str, today: date,
                   start: date | None, end: date | None) -> str:
    document = {
        "version": JSON_VERSION,
        "territory": territory,
        "today": today.isoformat(),
        "from": _day(start),
        "to": _day(end),
        "obligations": [as_json(due) for due in found],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def render(found: Sequence[Due], fmt: Format, territory: str, today: date,
           start: date | None = None, end: date | None = None) -> str:
    if fmt == "json":
        return deadlines_json(found, territory, today, start, end)
    heading = _("Deadlines: {territory}").format(territory=territory)
    return deadlines_markdown(found, heading) if fmt == "md" else \
        deadlines_text(found, heading)
