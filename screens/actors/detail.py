"""The detail panel of the actor map: who an actor is, how to reach them, how the
facilitator reads them (private), their contact log and their neighbourhood.

The panel only shows and asks: its lists post messages (edit, delete, go to an actor) and
the screen does the writing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import OptionList, Static, TabbedContent, TabPane
from textual.widgets.option_list import Option

from coop_tui.core.diagnostic import (
    format_fte,
    is_organisation,
    lines_by_organisation,
    mission_name,
)
from coop_tui.core.exports.status import due_in
from coop_tui.core.i18n import N_, _, format_date, format_number
from coop_tui.core.insights.actors import (
    Neighbour,
    actor_quadrant,
    days_since_contact,
    needs_contact,
    neighbourhood,
    quadrant_label,
)
from coop_tui.core.labels import label
from coop_tui.screens.actors.commitment import blockage_lines, commitment_text
from coop_tui.store.models import (
    Actor,
    ContactEntry,
    Mission,
    OrganisationMissions,
    Relation,
    RelationKind,
)
from coop_tui.ui.widgets.bindings import translate_bindings
from coop_tui.ui.widgets.key_order import KeysInOrder
from coop_tui.ui.widgets.power_grid import role_glyph, role_name, role_rich_style
from coop_tui.ui.widgets.text import plain

PROFILE, CONTACTS, RELATIONS = "tab-profile", "tab-contacts", "tab-relations"

# How a relation reads from the actor's side: (kind, outgoing) -> heading.
NEIGHBOUR_HEADINGS: dict[tuple[RelationKind, bool], str] = {
    (RelationKind.COOPERATION, True): N_("Works with"),
    (RelationKind.TENSION, True): N_("In tension with"),
    (RelationKind.HIERARCHY, True): N_("Has authority over"),
    (RelationKind.HIERARCHY, False): N_("Reports to"),
    (RelationKind.FUNDING, True): N_("Funds"),
    (RelationKind.FUNDING, False): N_("Funded by"),
    (RelationKind.COUNTERWEIGHT, True): N_("Counterweight to"),
    (RelationKind.COUNTERWEIGHT, False): N_("Balanced by"),
    (RelationKind.INFORMATION, True): N_("Informs"),
    (RelationKind.INFORMATION, False): N_("Informed by"),
}

STRENGTHS: dict[int, str] = {1: N_("weak"), 2: N_("medium"), 3: N_("strong")}


def strength_marks(strength: int) -> str:
    return "●" * strength + "○" * (3 - strength)


def neighbour_heading(neighbour: Neighbour) -> str:
    return _(NEIGHBOUR_HEADINGS[(neighbour.relation.kind, neighbour.outgoing)])


@dataclass(frozen=True)
class DetailContext:
    """What the panel needs beside the actor: the other actors, the relations, the day."""

    actors: Mapping[str, Actor]
    relations: Sequence[Relation]
    today: date
    contact_days: int
    meeting_titles: Mapping[str, str] = field(default_factory=dict)
    diagnostic: Sequence[OrganisationMissions] = ()
    own_missions: Sequence[Mission] = ()


def _fields(rows: Sequence[tuple[str, RenderableType]]) -> Table:
    """Label / value lines; values wrap under themselves."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    for name, value in rows:
        grid.add_row(Text(name), value)
    return grid


def _channels(actor: Actor) -> Text:
    """The channels known, the preferred one first."""
    preferred = actor.preferred_channel
    ordered = sorted(actor.channels, key=lambda channel: channel != preferred)
    text = Text()
    for index, channel in enumerate(ordered):
        if index:
            text.append(" · ")
        text.append(label(channel))
        if channel == actor.preferred_channel:
            text.append(" " + _("(preferred)"), style="italic")
    if not actor.channels:
        text.append(_("none known"), style="italic")
    return text


def profile_table(actor: Actor, context: DetailContext) -> Table:
    """Who the actor is and how to reach them (nothing private here)."""
    rows: list[tuple[str, RenderableType]] = [(_("Kind"), Text(label(actor.kind)))]
    parent = context.actors.get(actor.parent_id or "")
    if parent is not None:
        rows.append((_("Part of"), plain(parent.name)))
    if actor.tags:
        rows.append((_("Tags"), plain(", ".join(actor.tags))))
    rows.append((_("Channels"), _channels(actor)))
    contact = actor.contact
    for name, value in ((_("E-mail"), contact.email), (_("Phone"), contact.phone),
                        (_("Address"), contact.address)):
        if value:
            rows.append((name, plain(value)))
    for name, value in ((_("Responsibilities"), actor.responsibilities),
                        (_("Competences"), actor.competences)):
        if value:
            rows.append((name, plain(value)))
    return _fields(rows)


def commune_table(actor: Actor) -> Table | None:
    """How a member commune works; None for the other kinds of actors."""
    profile = actor.commune
    if profile is None:
        return None
    rows: list[tuple[str, RenderableType]] = []
    if profile.population is not None:
        rows.append((_("Population"), Text(format_number(profile.population))))
    for name, value in ((_("Council"), profile.council_rhythm), (_("Mayor"), profile.mayor),
                        (_("Deputies"), ", ".join(profile.deputies)),
                        (_("Secretary / DGS"), profile.secretary),
                        (_("Shared services"), profile.shared_services)):
        if value:
            rows.append((name, plain(value)))
    if not rows:
        rows.append(("", Text(_("Nothing recorded yet."), style="italic")))
    return _fields(rows)


def missions_table(actor: Actor, context: DetailContext) -> Table | None:
    """The missions the shared diagnostic holds for an organisation, with their staff;
    None for an actor that is no organisation, or has none yet."""
    if not is_organisation(actor):
        return None
    lines = lines_by_organisation(context.diagnostic).get(actor.id, [])
    rows: list[tuple[str, RenderableType]] = []
    for line in lines:
        value = Text(_("{fte} FTE").format(fte=format_fte(line.fte)))
        if line.shared:
            value.append(" · " + _("already shared"), style="italic")
        rows.append((mission_name(line.mission, context.own_missions), value))
    if rows:
        total = sum(line.fte for line in lines)
        rows.append((_("Total"), Text(_("{fte} FTE").format(fte=format_fte(total)),
                                      style="bold")))
    else:
        rows.append(("", Text(_("No mission in the diagnostic yet: i opens it."),
                              style="italic")))
    return _fields(rows)


def private_table(actor: Actor, context: DetailContext | None = None) -> Table:
    """The facilitator's own reading: role, scores, quadrant, stance, commitment to the
    shared project, blockages with their state and answers."""
    reading = actor.private
    role = Text(f"{role_glyph(reading.role)} {role_name(reading.role)}",
                style=role_rich_style(reading.role))
    rows: list[tuple[str, RenderableType]] = [(_("Role"), role)]

    def score(value: int | None) -> Text:
        return Text(f"{value} / 5") if value is not None else Text(_("not assessed"),
                                                                    style="italic")

    rows += [(_("Influence"), score(reading.influence)), (_("Interest"), score(reading.interest))]
    found = actor_quadrant(actor)
    if found is not None:
        rows.append((_("Quadrant"), Text(quadrant_label(found))))
    if reading.stance:
        rows.append((_("Stance"), plain(reading.stance)))
    commitment = commitment_text(reading)
    if commitment is not None:
        rows.append((_("Commitment"), commitment))
    if reading.project_interests:
        rows.append((_("Interests in the project"), plain(reading.project_interests)))
    if reading.blockages:
        names = {a.id: a.name for a in context.actors.values()} if context else {}
        meetings = context.meeting_titles if context else {}
        rows.append((_("Blockages"), Text("\n").join(
            blockage_lines(reading.blockages, names, meetings))))
    return _fields(rows)


def contact_status(actor: Actor, context: DetailContext) -> Text:
    """When the actor was last contacted, and a warning for a follower left too long."""
    since = days_since_contact(actor, context.today)
    last = actor.last_contact()
    if last is None or since is None:
        text = Text(_("No contact logged yet."), style="italic")
    else:
        text = Text(_("Last contact: {date}").format(date=format_date(last, "medium")))
        text.append(f" ({due_in(-since)})")
    if needs_contact(actor, context.today, context.contact_days):
        text.append("\n")
        text.append(_("Follower to contact: no contact for {days} days or more.")
                    .format(days=context.contact_days), style="bold")
    return text


def contact_line(entry: ContactEntry) -> Text:
    line = Text(format_date(entry.on, "medium").ljust(13), style="bold")
    line.append(label(entry.channel).ljust(19))
    line.append(entry.subject or "—")
    return line


class ContactLog(KeysInOrder, OptionList):
    """The contact log of one actor, newest first."""

    BINDINGS = [
        Binding("e,enter", "edit", N_("Edit contact"), id="contacts.edit"),
        Binding("d,delete", "delete", N_("Delete contact"), id="contacts.delete"),
    ]

    read_only: reactive[bool] = reactive(False)

    @dataclass
    class EditRequested(Message):
        """The user asked to edit a contact."""

        entry_id: str
        """The contact entry to edit."""

    @dataclass
    class DeleteRequested(Message):
        """The user asked to delete a contact."""

        entry_id: str
        """The contact entry to delete."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        translate_bindings(self)

    def show(self, entries: Sequence[ContactEntry]) -> None:
        newest = sorted(entries, key=lambda entry: entry.on, reverse=True)
        self.set_options(Option(contact_line(entry), id=entry.id) for entry in newest)
        if newest:
            self.highlighted = 0

    def _current(self) -> str | None:
        option = self.highlighted_option
        return option.id if option is not None else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("edit", "delete"):
            if self.read_only:
                return None
            return self._current() is not None
        return True

    def action_edit(self) -> None:
        current = self._current()
        if current is not None:
            self.post_message(self.EditRequested(current))

    def action_delete(self) -> None:
        current = self._current()
        if current is not None:
            self.post_message(self.DeleteRequested(current))


class Neighbourhood(KeysInOrder, OptionList):
    """Who an actor works with, is in tension with…: grouped by kind, one key to go there."""

    BINDINGS = [
        Binding("enter", "go", N_("Go to actor"), id="relations.go"),
        Binding("e", "edit", N_("Edit relation"), id="relations.edit"),
        Binding("d,delete", "delete", N_("Delete relation"), id="relations.delete"),
    ]

    read_only: reactive[bool] = reactive(False)

    @dataclass
    class JumpRequested(Message):
        """The user asked to go to the actor at the other end of a relation."""

        actor_id: str
        """The actor to show."""

    @dataclass
    class EditRequested(Message):
        """The user asked to edit a relation."""

        relation_id: str
        """The relation to edit."""

    @dataclass
    class DeleteRequested(Message):
        """The user asked to delete a relation."""

        relation_id: str
        """The relation to delete."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        translate_bindings(self)
        self._others: dict[str, str] = {}

    def show(self, neighbours: Sequence[Neighbour], actors: Mapping[str, Actor]) -> None:
        options: list[Option] = []
        self._others = {}
        heading = ""
        for neighbour in neighbours:
            other = actors.get(neighbour.other_id)
            if other is None:
                continue
            title = neighbour_heading(neighbour)
            if title != heading:
                heading = title
                options.append(Option(Text(title, style="bold underline"), disabled=True))
            line = Text("  ")
            line.append(other.name, style=role_rich_style(other.private.role))
            line.append("  " + strength_marks(neighbour.relation.strength), style="dim")
            if neighbour.relation.note:
                line.append("  " + neighbour.relation.note.replace("\n", " "), style="italic")
            options.append(Option(line, id=neighbour.relation.id))
            self._others[neighbour.relation.id] = other.id
        self.set_options(options)
        first = next((i for i, option in enumerate(options) if not option.disabled), None)
        self.highlighted = first

    def _current(self) -> str | None:
        option = self.highlighted_option
        return option.id if option is not None and not option.disabled else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("go", "edit", "delete"):
            if action != "go" and self.read_only:
                return None
            return self._current() is not None
        return True

    def action_go(self) -> None:
        current = self._current()
        if current is not None:
            self.post_message(self.JumpRequested(self._others[current]))

    def action_edit(self) -> None:
        current = self._current()
        if current is not None:
            self.post_message(self.EditRequested(current))

    def action_delete(self) -> None:
        current = self._current()
        if current is not None:
            self.post_message(self.DeleteRequested(current))

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_go()


class ActorDetail(Vertical):
    """Everything about the selected actor, in three tabs (styled by actors.tcss)."""

    read_only: reactive[bool] = reactive(False)

    def compose(self) -> ComposeResult:
        yield Static(id="detail-title", markup=False)
        with TabbedContent(id="detail-tabs", initial=PROFILE):
            with TabPane(_("Profile"), id=PROFILE), VerticalScroll(id="profile-scroll"):
                yield Static(id="profile-main", markup=False)
                commune = Static(id="profile-commune", markup=False)
                commune.border_title = _("How the commune works")
                yield commune
                missions = Static(id="profile-missions", markup=False)
                missions.border_title = _("Missions in the diagnostic (i)")
                yield missions
                private = Static(id="profile-private", markup=False, classes="private")
                private.border_title = _("Private reading")
                private.border_subtitle = _("private · not exported unless asked")
                yield private
            with TabPane(_("Contacts"), id=CONTACTS):
                yield Static(id="contacts-status", markup=False)
                yield ContactLog(id="contacts-list")
            with TabPane(_("Relations"), id=RELATIONS):
                yield Static(id="relations-empty", markup=False)
                yield Neighbourhood(id="relations-list")

    def watch_read_only(self, read_only: bool) -> None:
        self.query_one(ContactLog).read_only = read_only
        self.query_one(Neighbourhood).read_only = read_only

    def show(self, actor: Actor | None, context: DetailContext) -> None:
        """Fill the panel for ``actor`` (or say there is none)."""
        title = self.query_one("#detail-title", Static)
        tabs = self.query_one(TabbedContent)
        tabs.display = actor is not None
        if actor is None:
            title.update(Text(_("No actor selected."), style="italic"))
            return
        heading = Text(actor.name, style="bold")
        heading.append("  " + label(actor.kind), style="italic")
        title.update(heading)
        self.query_one("#profile-main", Static).update(profile_table(actor, context))
        commune = self.query_one("#profile-commune", Static)
        commune_info = commune_table(actor)
        commune.display = commune_info is not None
        if commune_info is not None:
            commune.update(commune_info)
        missions = self.query_one("#profile-missions", Static)
        missions_info = missions_table(actor, context)
        missions.display = missions_info is not None
        if missions_info is not None:
            missions.update(missions_info)
        self.query_one("#profile-private", Static).update(private_table(actor, context))
        self.query_one("#contacts-status", Static).update(contact_status(actor, context))
        self.query_one(ContactLog).show(actor.contact_log)
        neighbours = neighbourhood(actor.id, context.relations)
        self.query_one(Neighbourhood).show(neighbours, context.actors)
        empty = self.query_one("#relations-empty", Static)
        empty.display = not neighbours
        empty.update(Text(_("No relation yet: press l to add one."), style="italic"))
        self._label(CONTACTS, _("Contacts ({count})").format(count=len(actor.contact_log)))
        self._label(RELATIONS, _("Relations ({count})").format(count=len(neighbours)))

    def _label(self, pane: str, text: str) -> None:
        """Relabel a tab only when its text changes (it moves the tabs' underline)."""
        tab = self.query_one(TabbedContent).get_tab(pane)
        if tab.label.plain != text:
            tab.label = text

    def show_tab(self, tab: str, focus: bool = True) -> None:
        """Bring a tab forward and put the focus in it."""
        tabs = self.query_one(TabbedContent)
        tabs.active = tab
        if not focus:
            return
        if tab == CONTACTS:
            self.query_one(ContactLog).focus()
        elif tab == RELATIONS:
            self.query_one(Neighbourhood).focus()
        else:
            self.query_one("#profile-scroll", VerticalScroll).focus()

    @property
    def active_tab(self) -> str:
        return self.query_one(TabbedContent).active
