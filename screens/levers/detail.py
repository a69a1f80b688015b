"""What the levers screen's detail panel says: about a checklist item, a lever (head,
due date, text) or a category (its levers, what needs attention, its figures)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from textual.content import Content

from coop_tui.core.exports.status import due_in
from coop_tui.core.i18n import N_, _, format_date, language, ngettext
from coop_tui.core.insights.levers import Evidence, category_progress, needs_attention, percent
from coop_tui.core.labels import label
from coop_tui.screens.levers.changes import differs_from_catalogue, ordered
from coop_tui.screens.levers.tree import ATTENTION, STATUS_ICONS, TICKED, UNTICKED, heading
from coop_tui.store.models import ChecklistItem, Lever, LeverCategory, LeverStatus

# What the seed says of each category, shown when a category is under the cursor.
CATEGORY_INTROS: dict[LeverCategory, str] = {
    LeverCategory.REGULATORY: N_(
        "The pooling scheme and the financial and fiscal pact organise the implementation of "
        "the territorial project over the mandate."),
    LeverCategory.METHODOLOGICAL: N_(
        "Work in 'project mode' needs cross-cutting, cooperative working methods, from which "
        "a culture of the intercommunal project grows."),
    LeverCategory.HUMAN: N_(
        "Power games, a common culture and a posture of coordination and facilitation: "
        "cooperation is supported, never rushed."),
}


def item_detail(item: ChecklistItem) -> Content:
    """A checklist item, ticked or not."""
    text = item.text.get(language())
    if item.done:
        state = (_("Ticked on {date}").format(date=format_date(item.done_on, "medium"))
                 if item.done_on else _("Ticked"))
    else:
        state = _("Not ticked yet: space to tick")
    return Content.assemble(
        (f"{TICKED if item.done else UNTICKED} ", "$success" if item.done else ""),
        (text, "bold"), "\n", (state, "$text-muted"),
    )


def relative(day: date, today: date) -> str:
    """How far ``day`` is from ``today``, in words."""
    return due_in((day - today).days)


def due(lever: Lever, today: date) -> Content:
    """A lever's due date, in the error colour when it is past and the lever still open."""
    if lever.due is None:
        return Content.styled(_("none"), "italic $text-muted")
    text = f"{format_date(lever.due, 'medium')} ({relative(lever.due, today)})"
    late = (lever.due < today
            and lever.status in (LeverStatus.TODO, LeverStatus.IN_PROGRESS))
    return Content.styled(text, "$error bold" if late else "")


def lever_head(lever: Lever) -> Content:
    """A lever's title, category, status, progress and origin."""
    lang = language()
    done, total = lever.progress()
    meta = [label(lever.category), f"{STATUS_ICONS[lever.status]} {label(lever.status)}"]
    if total:
        meta.append(ngettext("{done}/{total} item", "{done}/{total} items", total).format(
            done=done, total=total))
    meta.append(_("catalogue lever") if lever.from_catalogue else _("your own lever"))
    if differs_from_catalogue(lever):
        meta.append(_("text edited (x restores it)"))
    return Content.assemble((lever.title.get(lang), "bold"), "\n",
                            (" · ".join(meta), "$text-muted"))


def lever_text(lever: Lever) -> Content:
    """What the lever is and what the facilitator wrote about it."""
    parts: list[Content | str | tuple[str, str]] = ["\n"]
    description = lever.description.get(language())
    parts.append(description if description
                 else (_("No description."), "italic $text-muted"))
    if lever.notes:
        parts += ["\n\n", (_("Notes"), "bold"), "\n", lever.notes]
    if lever.evidence:
        parts += ["\n\n", (_("Evidence (links and files)"), "bold")]
        for line in lever.evidence:
            parts += ["\n", ("• ", "$text-muted"), line]
    return Content.assemble(*parts)


def category_head(category: LeverCategory, all_levers: Sequence[Lever],
                  evidence: Mapping[str, Sequence[Evidence]]) -> Content:
    """A category: how far its levers are, what the seed says of it, which need attention."""
    levers = [lever for lever in all_levers if lever.category is category]
    progress = category_progress(levers)[category]
    attention = [lever.title.get(language()) for lever in ordered(levers)
                 if needs_attention(lever, evidence.get(lever.id, ()))]
    counts = ngettext("{count} lever", "{count} levers", len(levers)).format(
        count=len(levers))
    if progress.total:
        counts += " · " + _("{done}/{total} steps done ({percent})").format(
            done=progress.done, total=progress.total, percent=percent(progress.ratio))
    parts: list[Content | str | tuple[str, str]] = [
        (heading(label(category)), "bold"), "\n", (counts, "$text-muted"), "\n\n",
        _(CATEGORY_INTROS[category]),
    ]
    if attention:
        parts += ["\n\n", (f"{ATTENTION} " + _("Needing attention:"), "$warning bold")]
        for title in attention:
            parts += ["\n", ("• ", "$text-muted"), title]
    return Content.assemble(*parts)


def category_evidence(category: LeverCategory, levers: Sequence[Lever],
                      evidence: Mapping[str, Sequence[Evidence]]) -> list[Evidence]:
    """The figures about a category's levers, each once, those calling for attention first."""
    seen: set[tuple[str, str]] = set()
    found: list[Evidence] = []
    for lever in ordered(list(levers), category):
        for figure in evidence.get(lever.id, []):
            key = (figure.rule, figure.figure)
            if figure.levers and key not in seen:
                seen.add(key)
                found.append(figure)
    return sorted(found, key=lambda figure: not figure.attention)
