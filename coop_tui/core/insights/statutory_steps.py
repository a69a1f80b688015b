"""The statutory steps of a lever as evidence: whether the steps the law sets for it were
taken, and on time.

The yearly report on the schéma de mutualisation (CGCT L5211-39-1) is a step of the lever
"Pooling scheme"; the debate on a governance pact and its adoption (L5211-11-2) organise
how the communes take part in the community's life, a step of the lever "Context of
cooperation" and of a lever of the user's own named after the pact, as the demo's is
(docs/evidence-rules.md). A step missed calls for attention until it is met or dismissed.
"""

from __future__ import annotations

from collections.abc import Sequence

from coop_tui.core.exports.deadlines import state, title
from coop_tui.core.i18n import _, format_date, joined, ngettext
from coop_tui.core.insights.levers.facts import Evidence
from coop_tui.core.obligations import Due, State
from coop_tui.store.models import Lever

# The statutory rules (keys of store/statutory.py) of each subject.
SUBJECT_RULES: dict[str, tuple[str, ...]] = {
    "mutualisation_scheme": ("mutualisation_report",),
    "governance_pact": ("governance_pact_debate", "governance_pact_adoption"),
}
# The catalogue lever that shows each subject's steps.
LEVER_SUBJECTS: dict[str, str] = {
    "mutualisation_scheme": "mutualisation_scheme",
    "cooperation_context": "governance_pact",
}
# A lever of the user's own about the governance pact shows its steps as well: so named.
GOVERNANCE_PACT_NAMES = ("pacte de gouvernance", "governance pact")


def lever_subject(lever: Lever) -> str | None:
    """The statutory subject a lever of the user's own is about, read from its title."""
    if lever.key:
        return None
    titles = " ".join(text for text in (lever.title.fr, lever.title.en) if text).casefold()
    return "governance_pact" if any(name in titles for name in GOVERNANCE_PACT_NAMES) \
        else None


def _step_line(due: Due) -> str:
    return _("{title} ({date}): {state}").format(title=title(due), date=format_date(due.due),
                                                  state=state(due))


def subject_steps(subject: str, dues: Sequence[Due],
                  levers: tuple[str, ...] = ()) -> Evidence | None:
    """The subject's statutory steps fallen due (or already taken) and the next one; None
    when the calendar holds none of them."""
    rules = SUBJECT_RULES[subject]
    steps = [due for due in dues if due.rule is not None and due.rule.key in rules]
    if not steps:
        return None
    passed = [due for due in steps if due.state is not State.DUE]
    counted = [due for due in passed if due.state is not State.DISMISSED]
    on_time = [due for due in counted if due.state is State.DONE and due.timing != "late"]
    late = [due for due in counted if due.state is State.LATE]
    coming = next((due for due in steps if due.state is State.DUE), None)
    if counted:
        figure = ngettext("{on_time} of {count} statutory step taken on time",
                          "{on_time} of {count} statutory steps taken on time",
                          len(counted)).format(on_time=len(on_time), count=len(counted))
    elif passed:
        figure = ngettext("{count} statutory step dismissed", "{count} statutory steps dismissed",
                          len(passed)).format(count=len(passed))
    else:
        figure = _("no statutory step due yet")
    lines = [_step_line(due) for due in passed]
    if coming is not None:
        lines.append(_("next: {step}").format(step=_step_line(coming)))
    first = late[0] if late else coming or passed[-1]
    return Evidence(rule="statutory_steps", figure=figure, explanation=joined(lines),
                    attention=bool(late), levers=levers, value=float(len(late)),
                    threshold=0.0, target=first.target)


def statutory_steps(dues: Sequence[Due]) -> list[Evidence]:
    """The statutory steps of the catalogue levers that have some."""
    found = (subject_steps(subject, dues, (key,)) for key, subject in LEVER_SUBJECTS.items())
    return [evidence for evidence in found if evidence is not None]
