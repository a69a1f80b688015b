"""Attendance: who is invited and how each one attends, by single keys; the counts, the
quorum of a council, and the proxies (one holder, one proxy).

p present · e excused · a absent · r represented (choose who holds the proxy) · s substituted
(type the substitute's name) · v voting or not · n add someone (type to filter, or name a new
actor) · i invite the mayors of the member communes · delete remove.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import DataTable, Static

from coop_tui.core.communes import mayors_of
from coop_tui.core.i18n import N_, _, ngettext
from coop_tui.core.labels import label
from coop_tui.core.meeting_rules import overloaded_holders, presence_counts, proxy_counts, quorum
from coop_tui.core.target import Target
from coop_tui.screens.meetings.actor_form import QuickActorForm
from coop_tui.screens.meetings.pane import MeetingPane, cell, fit_columns
from coop_tui.store.models import Actor, Attendance, Meeting, Presence
from coop_tui.ui.widgets.actor_picker import ActorChoice, ActorPicker
from coop_tui.ui.widgets.dialogs import TextPrompt

_VOTING_STATUSES = (Presence.PRESENT, Presence.SUBSTITUTED)


def quorum_text(meeting: Meeting) -> Content | None:
    """The quorum in one line, coloured by whether it is reached; None where none applies."""
    found = quorum(meeting)
    if found is None:
        return None
    words = _("{present} present of {in_office} in office, {needed} needed; "
              "{votes} votes with proxies").format(
        present=found.present, in_office=found.in_office, needed=found.needed,
        votes=found.votes)
    if found.reached:
        return Content.assemble((_("Quorum reached"), "bold $success"), f" ({words})")
    return Content.assemble((_("Quorum NOT reached"), "bold $error"), f" ({words})")


class AttendancePane(MeetingPane):
    BINDINGS = [
        Binding("p", "mark('present')", N_("Mark present"), id="attendance.present"),
        Binding("e", "mark('excused')", N_("Mark excused"), id="attendance.excused"),
        Binding("a", "mark('absent')", N_("Mark absent"), id="attendance.absent"),
        Binding("r", "represented", N_("Proxy"), id="attendance.represented"),
        Binding("s", "substituted", N_("Substitute"), id="attendance.substituted"),
        Binding("v", "toggle_voting", N_("Voting or not"), id="attendance.voting"),
        Binding("n,plus", "add", N_("Add someone"), id="attendance.add"),
        Binding("i", "invite_mayors", N_("Invite the mayors"), id="attendance.mayors",
                show=False),
        Binding("delete", "remove", N_("Remove"), id="attendance.remove", show=False),
        Binding("g", "open_actor", N_("Go to the actor"), id="attendance.open", show=False),
    ]
    EDITING_ACTIONS = frozenset({"mark", "represented", "substituted", "toggle_voting", "add",
                                 "remove", "invite_mayors"})

    def compose(self) -> ComposeResult:
        yield Static("", id="attendance-counts")
        yield DataTable(id="attendance-table", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        self.refresh_view()

    def _actors(self) -> dict[str, Actor]:
        return {actor.id: actor for actor in self.editor.session.repository.actors}

    def refresh_view(self) -> None:
        meeting = self.editor.meeting
        actors = self._actors()
        table = self.query_one("#attendance-table", DataTable)
        row_before = table.cursor_row
        fit_columns(table, [(_("Name"), 0, True), (_("Attendance"), 14, True),
                            (_("Proxy or substitute"), 28, True), (_("Voting"), 8, True)],
                    self.size.width)
        overloaded = set(overloaded_holders(meeting))
        held = proxy_counts(meeting.attendance)
        for row in meeting.attendance:
            actor = actors.get(row.actor_id)
            name = cell(actor.name if actor else "?")
            detail = Text()
            if row.actor_id in overloaded:
                detail = cell(ngettext("⚠ holds {count} proxy", "⚠ holds {count} proxies",
                                       held[row.actor_id]).format(count=held[row.actor_id]),
                              style="bold reverse")
            elif row.status is Presence.REPRESENTED and row.proxy_id:
                holder = actors.get(row.proxy_id)
                detail = cell(_("proxy: {name}").format(name=holder.name if holder else "?"))
            elif row.status is Presence.SUBSTITUTED:
                detail = cell(row.substitute or _("(substitute not named)"))
            table.add_row(name, Text(label(row.status), style="bold" if row.status in
                                     _VOTING_STATUSES else "dim"),
                          detail, _("yes") if row.voting else _("no"), key=row.actor_id)
        if table.row_count:
            table.move_cursor(row=min(row_before, table.row_count - 1))
        self.query_one("#attendance-counts", Static).update(self._counts(meeting, overloaded))

    def _counts(self, meeting: Meeting, overloaded: set[str]) -> Content:
        if not meeting.attendance:
            return Content(_("Nobody yet: press n to add people (type part of a name)."))
        counts = presence_counts(meeting)
        parts = [f"{label(status)} {count}" for status, count in counts.items()]
        line = Content(" · ".join(parts))
        found = quorum_text(meeting)
        if found is not None:
            line = Content.assemble(line, "  —  ", found)
        if overloaded:
            line = Content.assemble(line, "  ", (_("one member holds more than one proxy"),
                                                 "bold $warning"))
        return line

    # ------------------------------------------------------------------ keys

    def _current(self) -> Attendance | None:
        table = self.query_one("#attendance-table", DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return next((r for r in self.editor.meeting.attendance if r.actor_id == key), None)

    def _set(self, actor_id: str, **changes: object) -> bool:
        def mutate(meeting: Meeting) -> None:
            for row in meeting.attendance:
                if row.actor_id == actor_id:
                    for name, value in changes.items():
                        setattr(row, name, value)

        return self.commit(mutate)

    def action_mark(self, status: str) -> None:
        row = self._current()
        if row is not None:
            self._set(row.actor_id, status=Presence(status), proxy_id=None, substitute="")
            self._next_row()

    def _next_row(self) -> None:
        table = self.query_one("#attendance-table", DataTable)
        if table.cursor_row < table.row_count - 1:
            table.move_cursor(row=table.cursor_row + 1)

    def action_represented(self) -> None:
        row = self._current()
        if row is None:
            return
        actors = self._actors()
        holders = [actors[r.actor_id] for r in self.editor.meeting.attendance
                   if r.actor_id != row.actor_id and r.status in _VOTING_STATUSES
                   and r.voting and r.actor_id in actors]
        if not holders:
            self.notify(_("Nobody present can hold a proxy yet: mark who is present first."),
                        severity="warning")
            return
        name = actors[row.actor_id].name if row.actor_id in actors else "?"

        def chosen(choice: ActorChoice | None) -> None:
            if choice is not None and choice.actor_id is not None and self._set(
                    row.actor_id, status=Presence.REPRESENTED, proxy_id=choice.actor_id,
                    substitute=""):
                self._next_row()

        self.app.push_screen(ActorPicker(holders, _("Who holds the proxy of {name}?").format(
            name=name)), chosen)

    def action_substituted(self) -> None:
        row = self._current()
        if row is None:
            return

        def named(substitute: str | None) -> None:
            if substitute is not None and self._set(
                    row.actor_id, status=Presence.SUBSTITUTED, proxy_id=None,
                    substitute=substitute):
                self._next_row()

        self.app.push_screen(TextPrompt(_("Substituted"), _("Substitute"), row.substitute,
                                        keep=named, session=self.editor.session), named)

    def action_toggle_voting(self) -> None:
        row = self._current()
        if row is not None:
            self._set(row.actor_id, voting=not row.voting)

    def action_add(self) -> None:
        present = [row.actor_id for row in self.editor.meeting.attendance]
        actors = self.editor.session.repository.actors

        def chosen(choice: ActorChoice | None) -> None:
            if choice is None:
                return
            if choice.actor_id is not None:
                self._add(choice.actor_id)
            else:
                form = QuickActorForm(choice.new_name)
                form.keep_drafts(self.editor.session, self._created)
                self.app.push_screen(form, self._created)

        self.app.push_screen(ActorPicker(actors, _("Who attends?"), allow_new=True,
                                         exclude=present), chosen)

    def action_invite_mayors(self) -> None:
        """The mayors of the member communes, all at once, present unless marked."""
        repository = self.editor.session.repository
        invited = {row.actor_id for row in self.editor.meeting.attendance}
        mayors = [mayor for mayor in mayors_of(repository.territory.communes, repository.actors)
                  if mayor.id not in invited]
        if not mayors:
            self.notify(_("Every mayor of the member communes is invited already (a mayor is "
                          "an actor « Mayor of X », part of the commune X)."), timeout=5)
            return

        def mutate(meeting: Meeting) -> None:
            meeting.attendance += [Attendance(actor_id=mayor.id) for mayor in mayors]

        if self.commit(mutate):
            self.refresh_view()

    def _created(self, actor: Actor | None) -> None:
        if actor is not None:
            self._add(actor.id, actor)

    def _add(self, actor_id: str, new_actor: Actor | None = None) -> None:
        def mutate(meeting: Meeting) -> None:
            meeting.attendance.append(Attendance(actor_id=actor_id))

        if (self.commit(mutate, new_actor) if new_actor else self.commit(mutate)):
            # Drawn now, not when the screen hears of the change: until then the table
            # lacks the new row, and the cursor went to the row above it.
            self.refresh_view()
            table = self.query_one("#attendance-table", DataTable)
            table.move_cursor(row=table.get_row_index(actor_id))

    def action_remove(self) -> None:
        row = self._current()
        if row is None:
            return
        holders_of = [r for r in self.editor.meeting.attendance if r.proxy_id == row.actor_id]

        def mutate(meeting: Meeting) -> None:
            meeting.attendance = [r for r in meeting.attendance if r.actor_id != row.actor_id]
            for other in meeting.attendance:
                if other.proxy_id == row.actor_id:
                    other.status, other.proxy_id = Presence.EXCUSED, None

        if self.commit(mutate) and holders_of:
            self.notify(_("Their proxies are now marked excused."), timeout=5)

    def action_open_actor(self) -> None:
        row = self._current()
        if row is not None:
            self.editor.session.open(Target("actors", row.actor_id))

    @on(DataTable.RowSelected, "#attendance-table")
    def _selected(self) -> None:
        self.action_open_actor()
