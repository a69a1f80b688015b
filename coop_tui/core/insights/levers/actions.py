"""The rules on the meetings' work: actions overdue, actions done per owner, and the
follow-up (minutes, status report) shared in time."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from coop_tui.core.i18n import _, format_days, ngettext
from coop_tui.core.insights.levers.facts import RULE_LEVERS, Evidence, Facts
from coop_tui.core.insights.levers.wording import _date, _names
from coop_tui.core.target import Target
from coop_tui.store.models import Action, ActionStatus, Meeting


@dataclass(frozen=True)
class _Overdue:
    meeting: Meeting
    action: Action


def overdue_actions(facts: Facts) -> Evidence:
    """Actions decided in meetings, still open past their due date: time was short."""
    open_actions = [(m, a) for m in facts.meetings for a in m.actions if a.is_open]
    overdue = sorted((_Overdue(m, a) for m, a in open_actions
                      if a.due is not None and a.due < facts.today),
                     key=lambda found: (found.action.due or facts.today, found.meeting.on,
                                        found.action.id))
    if not open_actions:
        return Evidence("overdue_actions", _("No open action"),
                        _("Actions decided in meetings show here while they are open."), False,
                        RULE_LEVERS["overdue_actions"], 0, 0)
    figure = ngettext("{count} of {total} open actions is overdue",
                      "{count} of {total} open actions are overdue", len(overdue)).format(
        count=len(overdue), total=len(open_actions))
    if overdue:
        first = overdue[0]
        explanation = _("The oldest: {action} (due {date}, {meeting}).").format(
            action=first.action.text, date=_date(first.action.due or facts.today),
            meeting=first.meeting.title)
        target = Target("meetings", first.meeting.id, first.action.id)
    else:
        explanation = _("Every open action is within its due date.")
        target = None
    return Evidence("overdue_actions", figure, explanation, bool(overdue),
                    RULE_LEVERS["overdue_actions"], len(overdue), 0, target)


def investment(facts: Facts) -> Evidence:
    """Actions done per owner: whose investment to recognise."""
    counts: Counter[tuple[str, str]] = Counter()
    for meeting in facts.meetings:
        for action in meeting.actions:
            if action.status is ActionStatus.DONE:
                mapped = facts.actor_name(action.owner_id)
                known = action.owner_id or "" if mapped else ""
                counts[(known, mapped or action.owner_name or _("no owner"))] += 1
    total = sum(counts.values())
    if not total:
        return Evidence("investment", _("No action done yet"),
                        _("Actions done in meetings show here, per owner."), False,
                        RULE_LEVERS["investment"], 0, None)
    figure = ngettext("{count} action done · owners: {owners}",
                      "{count} actions done · owners: {owners}", total).format(
        count=total, owners=len(counts))
    ranked = sorted(counts.items(), key=lambda pair: (-pair[1], pair[0][1].casefold(),
                                                      pair[0][0] or ""))
    leaders = [f"{name} ({count})" for (_id, name), count in ranked]
    explanation = _("Most done: {names}.").format(names=_names(leaders))
    top = next((actor_id for (actor_id, _name), _count in ranked if actor_id), "")
    return Evidence("investment", figure, explanation, False, RULE_LEVERS["investment"],
                    total, None, Target("actors", top) if top else None)


def shared_follow_up(facts: Facts) -> Evidence:
    """Meetings whose minutes or a status report have not gone out within the delay."""
    days = facts.thresholds.follow_up_days
    last_minutes, last_report = facts.last_minutes_export, facts.last_status_report
    exports = [d for d in (last_minutes, last_report) if d]
    last_shared = max(exports).astimezone().date() if exports else None
    unshared = [m for m in facts.held if last_shared is None or m.on > last_shared]
    minutes = _date(last_minutes) if last_minutes else _("never")
    report = _date(last_report) if last_report else _("never")
    figure = _("Minutes last exported: {minutes} · status report: {report}").format(
        minutes=minutes, report=report)
    waiting = (facts.today - unshared[0].on).days if unshared else 0
    if unshared and last_shared is None:
        explanation = ngettext(
            "{count} meeting held and nothing exported yet; the first {days} ago.",
            "{count} meetings held and nothing exported yet; the first {days} ago.",
            len(unshared)).format(count=len(unshared), days=format_days(waiting))
    elif unshared:
        explanation = ngettext(
            "{count} meeting held since the last export, the first {days} ago.",
            "{count} meetings held since the last export, the first {days} ago.",
            len(unshared)).format(count=len(unshared), days=format_days(waiting))
    else:
        explanation = _("Nothing held since the last export.")
    explanation += " " + _("Attention when a meeting waits more than {days} for its follow-up "
                           "to be shared.").format(days=format_days(days))
    return Evidence("shared_follow_up", figure, explanation, waiting > days,
                    RULE_LEVERS["shared_follow_up"], waiting, days,
                    Target("meetings", unshared[0].id) if unshared else None)
