"""The demo's meetings: schedule, attendance, agenda, decisions and actions."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING

from coop_tui.store.models import (
    Action,
    ActionStatus,
    Actor,
    ActorKind,
    AgendaItem,
    Attendance,
    Decision,
    Meeting,
    MeetingFormat,
    MeetingKind,
    MinutesStatus,
    Presence,
    RoadmapStatus,
    Role,
    Vote,
)

if TYPE_CHECKING:
    pass
from coop_tui.store.demo.base import french_date, working_day
from coop_tui.store.demo.plans import PlansBuilder
from coop_tui.store.demo.pools_work import (
    ACTIONS,
    AGENDA,
    APPROVED_KINDS,
    CLOSING_ITEM,
    KIND_CADENCE,
    KIND_FORMATS,
    KIND_TIMES,
    LARGE_KIND_WEIGHTS,
    PRIVATE_NOTES,
    PUBLIC_THEMES,
    SMALL_KINDS,
    UNLISTED_OWNERS,
    UPCOMING_NOTES,
    WORKSHOP_THEMES,
    AgendaTemplate,
)


class MeetingsBuilder(PlansBuilder):
    """The demo's meetings: schedule, attendance, agenda, decisions and actions."""

    def meeting_schedule(self) -> list[tuple[MeetingKind, date, bool]]:
        """Kind, day and whether it is still to come, oldest first."""
        plan = self.plan
        past = plan.meetings - plan.upcoming
        span = plan.history_days - 5
        days: list[date] = []
        for index in range(past):
            back = 5 + (span * (past - 1 - index) // max(1, past - 1))
            jitter = min(3, span // max(1, past) // 4)
            back = max(3, back + self.rng.randint(-jitter, jitter))
            days.append(working_day(self.today - timedelta(days=back)))
        days.sort()
        ahead = [working_day(self.today + timedelta(days=8 + 9 * index + self.rng.randint(0, 3)))
                 for index in range(plan.upcoming)]
        if plan.curated:
            kinds = list(SMALL_KINDS)
        else:
            kinds = [self.weighted(LARGE_KIND_WEIGHTS) for _ in range(plan.meetings)]
        return [(kind, day, day > self.today)
                for kind, day in zip(kinds, days + sorted(ahead), strict=True)]

    def invitees(self, kind: MeetingKind, commune: Actor) -> list[tuple[Actor, bool]]:
        """Who is expected, and whether they vote."""
        named = self.named
        staff = [(named[key], False) for key in ("dgs", "mission")]
        bureau = [a for a in self.mayors if "bureau" in a.tags]
        others = [a for a in self.mayors if "bureau" not in a.tags]
        if kind is MeetingKind.COUNCIL:
            rows = [(a, True) for a in self.councillors] + staff
        elif kind is MeetingKind.BUREAU:
            rows = [(a, True) for a in bureau] + staff
        elif kind is MeetingKind.MAYORS_CONFERENCE:
            rows = [(a, True) for a in self.mayors] + staff
        elif kind is MeetingKind.COPIL:
            rows = [(a, False) for a in bureau[:3] + self.sample(others, self.rng.randint(3, 5))]
            rows += staff + [(a, False) for a in self.sample(self.by_kind[ActorKind.PUBLIC_BODY],
                                                             2)]
        elif kind is MeetingKind.COTECH:
            services = [a for a in self.by_kind[ActorKind.SERVICE]
                        if a.parent_id == named["community"].id]
            rows = staff + [(a, False) for a in self.sample(services, self.rng.randint(2, 5))]
            rows += [(a, False) for a in self.sample(list(self.commune_services.values()),
                                                     self.rng.randint(1, 3))]
        elif kind is MeetingKind.WORKSHOP:
            rows = [(named["mission"], False), (named["vp_culture"], False)]
            for group, low, high in ((ActorKind.ASSOCIATION, 2, 5),
                                     (ActorKind.CITIZEN_GROUP, 1, 2),
                                     (ActorKind.COMPANY, 0, 2)):
                rows += [(a, False) for a in self.sample(self.by_kind[group],
                                                         self.rng.randint(low, high))]
            rows += [(a, False) for a in self.sample(others, self.rng.randint(1, 3))]
        elif kind is MeetingKind.BILATERAL:
            rows = [(named["vp_mutualisation"], False), (named["mission"], False),
                    (self.mayor_of[commune.name], False)]
            service = self.commune_services.get(commune.name)
            if service is not None:
                rows.append((service, False))
        else:
            rows = [(named["president"], False), (named["vp_mutualisation"], False),
                    (named["mission"], False)]
            rows += [(a, False) for a in self.sample(self.by_kind[ActorKind.CITIZEN_GROUP], 2)]
            rows += [(a, False) for a in self.sample(self.by_kind[ActorKind.ASSOCIATION], 3)]
        unique: dict[str, tuple[Actor, bool]] = {}
        for actor, voting in rows:
            unique.setdefault(actor.id, (actor, voting))
        return list(unique.values())

    def attendance(
        self, rows: list[tuple[Actor, bool]], kind: MeetingKind, keep: set[str],
        forced: Sequence[Presence],
    ) -> list[Attendance]:
        """Who came: ``keep`` (facilitator, note taker) always does; ``forced`` statuses go
        to the first voting officials, so a meeting can show every case."""
        proxies_allowed = kind in (MeetingKind.COUNCIL, MeetingKind.BUREAU)
        statuses: list[Presence] = []
        pending = list(forced)
        for actor, voting in rows:
            if actor.id in keep:
                statuses.append(Presence.PRESENT)
                continue
            if pending and voting and actor.kind is ActorKind.ELECTED:
                statuses.append(pending.pop(0))
                continue
            status = self.weighted([(Presence.PRESENT, 78), (Presence.EXCUSED, 10),
                                    (Presence.ABSENT, 4), (Presence.REPRESENTED, 5),
                                    (Presence.SUBSTITUTED, 3)])
            if status is Presence.REPRESENTED and not (voting and proxies_allowed):
                status = Presence.EXCUSED
            if status is Presence.SUBSTITUTED and actor.kind not in (ActorKind.ELECTED,
                                                                      ActorKind.PUBLIC_BODY):
                status = Presence.PRESENT
            statuses.append(status)
        holders = [actor.id for (actor, voting), status in zip(rows, statuses, strict=True)
                   if voting and status is Presence.PRESENT]
        self.rng.shuffle(holders)
        result: list[Attendance] = []
        for (actor, voting), status in zip(rows, statuses, strict=True):
            proxy_id: str | None = None
            substitute = ""
            if status is Presence.REPRESENTED:
                if holders:
                    proxy_id = holders.pop()
                else:
                    status = Presence.EXCUSED
            elif status is Presence.SUBSTITUTED:
                # The PV says « suppléé·e par … »: the name alone for an elected member.
                substitute = (self.passer_by() if actor.kind is ActorKind.ELECTED
                              else f"{self.passer_by()}, adjoint·e")
            result.append(Attendance(actor_id=actor.id, status=status, proxy_id=proxy_id,
                                     substitute=substitute, voting=voting))
        return result

    def vote(self, rows: list[Attendance]) -> Vote:
        # A member replaced by a suppléant: the suppléant is the one who votes.
        voters = [row.substitute if row.status is Presence.SUBSTITUTED and row.substitute
                  else self.actor_by_id[row.actor_id].name for row in rows if row.voting
                  and row.status in (Presence.PRESENT, Presence.REPRESENTED,
                                     Presence.SUBSTITUTED)]
        count = len(voters)
        no = self.rng.randint(0, count // 6)
        abstain = self.rng.randint(0, count // 8)
        yes = count - no - abstain
        if not self.chance(0.4):
            return Vote(yes=yes, no=no, abstain=abstain)
        self.rng.shuffle(voters)
        return Vote(yes=yes, no=no, abstain=abstain, public=True, yes_names=voters[:yes],
                    no_names=voters[yes:yes + no], abstain_names=voters[yes + no:])

    def agenda(
        self, kind: MeetingKind, previous: Meeting | None, held: bool, host: Actor
    ) -> list[tuple[AgendaItem, str]]:
        """The agenda, each item with the decision it led to ("" for none)."""
        templates: list[AgendaTemplate] = []
        if previous is not None:
            what = ("procès-verbal de la séance" if kind is MeetingKind.COUNCIL
                    else "compte rendu de la réunion")
            when = french_date(previous.on)
            templates.append((f"Approbation du {what} du {when}", 5,
                              "- Aucune remarque", f"Le {what} du {when} est approuvé"))
        pool = AGENDA[kind]
        chosen = sorted(self.sample(range(len(pool)), self.rng.randint(2, min(4, len(pool)))))
        templates += [pool[index] for index in chosen]
        if kind in APPROVED_KINDS and self.chance(0.6):
            templates.append(CLOSING_ITEM)
        items: list[tuple[AgendaItem, str]] = []
        for title, minutes, notes, decision in templates:
            context = (self.context(commune=host.name) if kind is MeetingKind.BILATERAL
                       else self.context())
            elapsed = 0
            if held:
                elapsed = int(minutes * 60 * self.rng.uniform(0.6, 1.5)) // 10 * 10
            item = AgendaItem(id=self.uid(), title=title, planned_minutes=minutes,
                              notes=notes.format_map(context) if held else "",
                              elapsed_seconds=elapsed)
            items.append((item, decision.format_map(context)))
        return items

    def actions(self, kind: MeetingKind, on: date, rows: list[Attendance],
                agenda: list[AgendaItem]) -> list[Action]:
        low, high = {MeetingKind.COUNCIL: (1, 2), MeetingKind.BILATERAL: (1, 2),
                     MeetingKind.OTHER: (0, 1), MeetingKind.COPIL: (2, 4),
                     MeetingKind.COTECH: (2, 4)}.get(kind, (1, 3))
        present = [row.actor_id for row in rows if row.status is Presence.PRESENT]
        actions: list[Action] = []
        for text in self.sample(ACTIONS, self.rng.randint(low, high)):
            due = on + timedelta(days=self.rng.randint(7, 60))
            if due < self.today:
                status = self.weighted([(ActionStatus.DONE, 70), (ActionStatus.OPEN, 16),
                                        (ActionStatus.POSTPONED, 8), (ActionStatus.CANCELLED, 6)])
            else:
                status = self.weighted([(ActionStatus.OPEN, 80), (ActionStatus.DONE, 20)])
            done_on = None
            if status is ActionStatus.DONE:
                latest = min(due, self.today)
                span = max(0, (latest - on).days)
                done_on = on + timedelta(days=self.rng.randint(min(1, span), span))
            owner_id = self.pick(present) if present and self.chance(0.85) else None
            actions.append(Action(
                id=self.uid(),
                text=self.fill(text),
                owner_id=owner_id,
                owner_name="" if owner_id else self.fill(self.pick(UNLISTED_OWNERS)),
                due=due,
                status=status,
                done_on=done_on,
                agenda_item_id=(self.pick(agenda).id if agenda and self.chance(0.6) else None),
            ))
        return actions

    def decisions(self, kind: MeetingKind, rows: list[Attendance],
                  agenda: list[tuple[AgendaItem, str]]) -> list[Decision]:
        """The decisions the agenda items led to; the council votes on each of its own."""
        decisions: list[Decision] = []
        for item, text in agenda:
            if not text or (kind is not MeetingKind.COUNCIL and not self.chance(0.75)):
                continue
            voted = kind is MeetingKind.COUNCIL or (kind is MeetingKind.BUREAU
                                                     and self.chance(0.5))
            decisions.append(Decision(id=self.uid(), text=text, agenda_item_id=item.id,
                                      vote=self.vote(rows) if voted else None))
        return decisions

    def title(self, kind: MeetingKind, on: date, number: int, commune: Actor) -> str:
        if kind is MeetingKind.COUNCIL:
            return f"Conseil communautaire du {french_date(on)}"
        if kind is MeetingKind.BUREAU:
            return f"Bureau communautaire du {french_date(on)}"
        if kind is MeetingKind.MAYORS_CONFERENCE:
            return f"Conférence des maires n°{number}"
        if kind is MeetingKind.COPIL:
            return f"COPIL mutualisation n°{number}"
        if kind is MeetingKind.COTECH:
            return f"COTECH mutualisation n°{number}"
        if kind is MeetingKind.WORKSHOP:
            return f"Atelier « {WORKSHOP_THEMES[(number - 1) % len(WORKSHOP_THEMES)]} »"
        if kind is MeetingKind.BILATERAL:
            return f"Rencontre bilatérale — {commune.name}"
        return f"Réunion publique — {self.pick(PUBLIC_THEMES)}"

    def place(self, kind: MeetingKind, meeting_format: MeetingFormat, commune: Actor) -> str:
        central = self.commune_names[0]
        if meeting_format is MeetingFormat.VIDEO:
            return "Visioconférence"
        if kind in (MeetingKind.COUNCIL, MeetingKind.COPIL):
            return f"Salle du conseil communautaire, {central}"
        if kind in (MeetingKind.BUREAU, MeetingKind.COTECH):
            return f"Siège de la communauté, {central}"
        if kind is MeetingKind.BILATERAL:
            return f"Mairie de {commune.name}"
        if kind is MeetingKind.WORKSHOP:
            return f"Salle polyvalente de {commune.name}"
        return f"Salle des fêtes de {commune.name}"

    def host_commune(self, kind: MeetingKind) -> Actor:
        """Where a meeting goes: bilaterals go to the communes that hold back."""
        if kind is MeetingKind.BILATERAL:
            wary = [c for c in self.communes[1:]
                    if self.mayor_of[c.name].private.role in (Role.RELUCTANT, Role.FOLLOWER)]
            if wary:
                return self.pick(wary)
        return self.pick(self.communes[1:])


    def session_secretary(self, kind: MeetingKind, attendance: Sequence[Attendance],
                          chair_id: str) -> str | None:
        """The secrétaire de séance of a council or bureau: the first elected member
        present other than the chair (no draw, so the rest of the demo stays the same)."""
        if kind not in (MeetingKind.COUNCIL, MeetingKind.BUREAU):
            return None
        for row in attendance:
            actor = self.actor_by_id.get(row.actor_id)
            if (row.status is Presence.PRESENT and row.voting and row.actor_id != chair_id
                    and actor is not None and actor.kind is ActorKind.ELECTED):
                return row.actor_id
        return None
    def build_meetings(self) -> None:
        named = self.named
        leads: dict[MeetingKind, tuple[str, str]] = {
            MeetingKind.COUNCIL: ("president", "mission"),
            MeetingKind.BUREAU: ("president", "dgs"),
            MeetingKind.MAYORS_CONFERENCE: ("president", "mission"),
            MeetingKind.COPIL: ("vp_mutualisation", "mission"),
            MeetingKind.COTECH: ("dgs", "mission"),
            MeetingKind.WORKSHOP: ("mission", "dgs"),
            MeetingKind.BILATERAL: ("vp_mutualisation", "mission"),
            MeetingKind.OTHER: ("president", "mission"),
        }
        numbers: dict[MeetingKind, int] = {}
        previous: dict[MeetingKind, Meeting] = {}
        forced_done = not self.plan.curated
        for kind, on, upcoming in self.meeting_schedule():
            numbers[kind] = numbers.get(kind, 0) + 1
            commune = self.host_commune(kind)
            meeting_format = self.weighted(KIND_FORMATS[kind])
            facilitator, note_taker = (named[key] for key in leads[kind])
            rows = self.invitees(kind, commune)
            earlier = previous.get(kind) if kind in APPROVED_KINDS else None
            agenda = self.agenda(kind, earlier, not upcoming, commune)
            start, end = KIND_TIMES[kind]
            meeting_id = self.uid()
            if upcoming:
                attendance: list[Attendance] = []
                decisions: list[Decision] = []
                actions: list[Action] = []
                notes = self.fill(UPCOMING_NOTES)
                created_on = self.today - timedelta(days=self.rng.randint(1, 20))
                updated_on = created_on
            else:
                forced: Sequence[Presence] = ()
                if not forced_done and kind is MeetingKind.COUNCIL:
                    forced, forced_done = list(Presence), True
                attendance = self.attendance(rows, kind, {facilitator.id, note_taker.id},
                                             forced)
                decisions = self.decisions(kind, attendance, agenda)
                actions = self.actions(kind, on, attendance, [item for item, _text in agenda])
                notes = "\n".join(f"- {self.fill(line)}" for line in
                                   self.sample(PRIVATE_NOTES, self.rng.randint(0, 2)))
                created_on = on - timedelta(days=self.rng.randint(7, 30))
                updated_on = min(self.today, on + timedelta(days=self.rng.randint(0, 5)))
                if earlier is not None:
                    earlier.minutes_status = MinutesStatus.APPROVED
                    earlier.approved_in_id = meeting_id
            meta = self.meta(created_on, updated_on)
            meta["id"] = meeting_id
            voting = sum(row.voting for row in attendance)
            meeting = Meeting(
                **meta,
                title=self.title(kind, on, numbers[kind], commune),
                kind=kind,
                on=on,
                start=start,
                end=end,
                place=self.place(kind, meeting_format, commune),
                format=meeting_format,
                facilitator_id=facilitator.id,
                note_taker_id=note_taker.id,
                secretary_id=self.session_secretary(kind, attendance, facilitator.id),
                voting_members=(voting or None) if kind in (MeetingKind.COUNCIL,
                                                            MeetingKind.BUREAU) else None,
                attendance=attendance,
                agenda=[item for item, _decision in agenda],
                decisions=decisions,
                actions=actions,
                private_notes=notes,
                approves_id=earlier.id if earlier is not None and not upcoming else None,
            )
            self.meetings.append(meeting)
            if not upcoming and kind in APPROVED_KINDS:
                previous[kind] = meeting
        following: dict[MeetingKind, date] = {}
        for meeting in reversed(self.meetings):
            cadence = timedelta(days=KIND_CADENCE[meeting.kind])
            next_on = following.get(meeting.kind, working_day(meeting.on + cadence))
            meeting.next_meeting_on = next_on
            meeting.next_meeting_note = ("Même lieu, même heure" if self.chance(0.5)
                                         else "Lieu à confirmer")
            following[meeting.kind] = meeting.on

    def link_roadmap_to_meetings(self) -> None:
        """A few objectives came out of a meeting, through one of its actions."""
        sources = [m for m in self.meetings if m.on < self.today and m.kind in (
            MeetingKind.COUNCIL, MeetingKind.BUREAU, MeetingKind.COPIL,
            MeetingKind.MAYORS_CONFERENCE)]
        if not sources:
            return
        candidates = [item for item in self.roadmap if item.start is not None
                      and item.start >= sources[0].on
                      and item.status is not RoadmapStatus.CANCELLED]
        for item in self.sample(candidates, self.plan.linked_roadmap):
            start = item.start or self.today
            meeting = max((m for m in sources if m.on <= start), key=lambda m: m.on)
            action = Action(
                id=self.uid(),
                text=f"Inscrire à la feuille de route : {item.objective}",
                owner_id=item.owner_ids[0] if item.owner_ids else None,
                due=start,
                status=ActionStatus.DONE if start <= self.today else ActionStatus.OPEN,
                done_on=start if start <= self.today else None,
                roadmap_item_id=item.id,
            )
            meeting.actions.append(action)
            item.meeting_id = meeting.id
            item.action_id = action.id

