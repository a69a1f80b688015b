"""The pacte's forms: a commitment of the charter, an endorsement of one, a criterion of
the council, a project with its financing plan, its scores, and the council's decision.
Each saves through the session and hands back the record saved."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pydantic import ValidationError
from textual.app import ComposeResult
from textual.widgets import Input, Select, TextArea

from coop_tui.core.i18n import _, format_date
from coop_tui.core.pacte.wording import pact_choices
from coop_tui.store.models import (
    Actor,
    ActorKind,
    CharterCommitment,
    CommitmentLevel,
    CriterionScore,
    Endorsement,
    FinancingLine,
    PactCriterion,
    PactProject,
    ProjectScope,
    Record,
    SelectionStatus,
)
from coop_tui.ui.forms import ActorField, DateField, RecordForm, field_errors, form_row
from coop_tui.ui.session import Session
from coop_tui.ui.widgets.text_fields import TextEditor, TextInput


def commune_or_community(actors: Sequence[Actor]) -> list[Actor]:
    """Who can commit, carry or pay: the communes and the community."""
    return [a for a in actors if a.kind in (ActorKind.COMMUNE, ActorKind.COMMUNITY)]


class PactForm(RecordForm[Record]):
    """A pacte form: builds its record from the fields, saves it, hands it back."""

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self.session = session

    def build(self) -> Record | None:
        raise NotImplementedError

    def value(self, field_id: str) -> str:
        return self.query_one(f"#{field_id}", Input).value.strip()

    def save_record(self) -> Record | None:
        try:
            record = self.build()
        except ValidationError as error:
            self.show_errors(field_errors(error))
            return None
        if record is None:
            return None
        refusal = self.session.save([record])
        if refusal is not None:
            self.show_errors(refusal.fields)
            return None
        return record


class CommitmentForm(PactForm):
    """A commitment of the charter: who commits, to what, how firmly."""

    def form_title(self) -> str:
        return _("New commitment of the charter")

    def compose_fields(self) -> ComposeResult:
        actors = commune_or_community(self.session.repository.actors)
        yield form_row(_("Who commits"), ActorField(actors, _("Commune or community"),
                                                    clearable=False, id="actor_id"), "actor_id")
        yield form_row(_("Commitment"), TextInput(id="text", compact=True), "text")
        yield form_row(_("Theme"), TextInput(id="theme", compact=True), "theme")
        yield form_row(_("Level"), Select(pact_choices(CommitmentLevel), id="level",
                                          value=CommitmentLevel.INTENT.value,
                                          allow_blank=False, compact=True), "level")
        yield form_row(_("Detail"), TextEditor(id="detail", compact=True, classes="short"),
                       "detail")

    def build(self) -> Record | None:
        actor_id = self.query_one("#actor_id", ActorField).value
        if actor_id is None:
            self.show_errors({"actor_id": _("must not be empty")})
            return None
        return CharterCommitment(actor_id=actor_id, text=self.value("text"),
                                 theme=self.value("theme"),
                                 level=self.query_one("#level", Select).value,
                                 detail=self.query_one("#detail", TextArea).text)


def meeting_choices(session: Session) -> list[tuple[str, str]]:
    """The meetings, latest first, as (title and day, id)."""
    meetings = sorted(session.repository.meetings, key=lambda m: (m.on, m.id), reverse=True)
    return [(f"{m.title} ({format_date(m.on, 'short')})", m.id) for m in meetings]


class EndorsementForm(PactForm):
    """Who endorsed a commitment, on which day, at which meeting."""

    def __init__(self, session: Session, commitment: CharterCommitment) -> None:
        super().__init__(session)
        self.commitment = commitment

    def form_title(self) -> str:
        return _("Endorsement of « {text} »").format(text=self.commitment.text)

    def compose_fields(self) -> ComposeResult:
        yield form_row(_("Endorsed by"), ActorField(self.session.repository.actors,
                                                    _("Who endorsed"), clearable=False,
                                                    id="actor_id"), "endorsements.0.actor_id")
        yield form_row(_("Day"), DateField(self.session.today(), id="day"),
                       "endorsements.0.day")
        yield form_row(_("Meeting"), Select(meeting_choices(self.session), id="meeting",
                                            compact=True), "endorsements.0.meeting_id")
        yield form_row(_("Note"), TextInput(id="note", compact=True), "endorsements.0.note")

    def build(self) -> Record | None:
        actor_id = self.query_one("#actor_id", ActorField).value
        day, problem = self.query_one("#day", DateField).read_required(self.session.today())
        if actor_id is None or day is None:
            errors = {"endorsements.0.day": problem} if problem else {}
            if actor_id is None:
                errors["endorsements.0.actor_id"] = _("must not be empty")
            self.show_errors(errors)
            return None
        meeting = self.query_one("#meeting", Select).value
        endorsement = Endorsement(actor_id=actor_id, day=day,
                                  meeting_id=meeting if isinstance(meeting, str) else None,
                                  note=self.value("note"))
        return self.commitment.model_copy(
            update={"endorsements": [*self.commitment.endorsements, endorsement]}, deep=True)


class CriterionForm(PactForm):
    """A criterion of the council and its weight."""

    def form_title(self) -> str:
        return _("New criterion of the council")

    def compose_fields(self) -> ComposeResult:
        yield form_row(_("Criterion"), TextInput(id="name", compact=True), "name")
        yield form_row(_("Weight (1-10)"), TextInput("1", id="weight", compact=True,
                                                     type="integer"), "weight")
        yield form_row(_("How to score"), TextInput(id="description", compact=True),
                       "description")

    def build(self) -> Record | None:
        return PactCriterion(name=self.value("name"), weight=self.value("weight") or 0,
                             description=self.value("description"))


def financing_lines(text: str) -> tuple[list[FinancingLine], str]:
    """« source; amount » per line, or the message about the first line that is not."""
    lines = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        source, _sep, amount = line.rpartition(";")
        if not source.strip() or not amount.strip().isdigit():
            return [], _("line {line}: {message}").format(line=number, message=_(
                "write « source; amount in euros », such as « DETR; 250000 »"))
        lines.append(FinancingLine(source=source.strip(), amount=int(amount.strip())))
    return lines, ""


class ProjectForm(PactForm):
    """A project: title, scope, carrier, cost and financing plan."""

    def form_title(self) -> str:
        return _("New project")

    def compose_fields(self) -> ComposeResult:
        actors = commune_or_community(self.session.repository.actors)
        yield form_row(_("Project"), TextInput(id="title", compact=True), "title")
        yield form_row(_("Scope"), Select(pact_choices(ProjectScope), id="scope",
                                          value=ProjectScope.COMMUNITY.value,
                                          allow_blank=False, compact=True), "scope")
        yield form_row(_("Carried by"), ActorField(actors, _("Commune or community"),
                                                   id="carrier_id"), "carrier_id")
        yield form_row(_("Cost (€)"), TextInput(id="cost", compact=True, type="integer"),
                       "cost")
        yield form_row(_("Financing"), TextEditor(id="financing", compact=True,
                                                  classes="short"), "financing")

    def build(self) -> Record | None:
        lines, problem = financing_lines(self.query_one("#financing", TextArea).text)
        if problem:
            self.show_errors({"financing": problem})
            return None
        return PactProject(title=self.value("title"),
                           scope=self.query_one("#scope", Select).value,
                           carrier_id=self.query_one("#carrier_id", ActorField).value,
                           cost=self.value("cost") or 0, financing=lines)


class ScoreForm(PactForm):
    """A project's score, 0 to 5, on each criterion of the council, and why."""

    def __init__(self, session: Session, project: PactProject,
                 criteria: Sequence[PactCriterion]) -> None:
        super().__init__(session)
        self.project = project
        self.criteria = list(criteria)

    def form_title(self) -> str:
        return _("Scores of « {title} » (0 to 5)").format(title=self.project.title)

    def compose_fields(self) -> ComposeResult:
        for index, criterion in enumerate(self.criteria):
            found = self.project.score_of(criterion.id)
            yield form_row(f"{criterion.name} (×{criterion.weight})", TextInput(
                str(found.score) if found else "", id=f"score-{index}", compact=True,
                type="integer"), f"scores.{index}.score")
            yield form_row(_("Why"), TextInput(found.reason if found else "",
                                               id=f"reason-{index}", compact=True),
                           f"scores.{index}.reason")

    def build(self) -> Record | None:
        scores: list[dict[str, Any]] = []
        for index, criterion in enumerate(self.criteria):
            typed = self.value(f"score-{index}")
            if typed and (not typed.isdigit() or int(typed) > 5):
                self.show_errors({f"scores.{index}.score": _(
                    "must be a whole number from 0 to 5")})
                return None
            if typed:
                scores.append({"criterion_id": criterion.id, "score": typed,
                               "reason": self.value(f"reason-{index}")})
        others = [s for s in self.project.scores
                  if s.criterion_id not in {c.id for c in self.criteria}]
        return PactProject.model_validate({
            **self.project.model_dump(), "scores": [
                *(s.model_dump() for s in others),
                *(CriterionScore.model_validate(s).model_dump() for s in scores)]})


class SelectionForm(PactForm):
    """The council's decision on a project, the day and the meeting that made it."""

    def __init__(self, session: Session, project: PactProject) -> None:
        super().__init__(session)
        self.project = project

    def form_title(self) -> str:
        return _("Decision on « {title} »").format(title=self.project.title)

    def compose_fields(self) -> ComposeResult:
        project = self.project
        choices = meeting_choices(self.session)
        meeting = project.selection_meeting_id
        yield form_row(_("Decision"), Select(pact_choices(SelectionStatus), id="selection",
                                             value=project.selection.value,
                                             allow_blank=False, compact=True), "selection")
        yield form_row(_("Day"), DateField(project.selection_day or self.session.today(),
                                           id="day"), "selection_day")
        yield form_row(_("Meeting"), Select(
            choices, id="meeting", compact=True,
            value=meeting if meeting in {value for _t, value in choices} else Select.NULL),
            "selection_meeting_id")

    def build(self) -> Record | None:
        try:
            day = self.query_one("#day", DateField).read(self.session.today())
        except ValueError:
            self.show_errors({"selection_day": _("is not a real date (such as 26/11/2026)")})
            return None
        meeting = self.query_one("#meeting", Select).value
        return PactProject.model_validate({
            **self.project.model_dump(),
            "selection": self.query_one("#selection", Select).value,
            "selection_day": day,
            "selection_meeting_id": meeting if isinstance(meeting, str) else None})
