"""The demo's levers and roadmap over the mandate."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from coop_tui.store.catalogue import catalogue_levers
from coop_tui.store.models import (
    ActorKind,
    ChecklistItem,
    Lever,
    LeverCategory,
    LeverStatus,
    LocalizedText,
    Means,
    RoadmapItem,
    RoadmapStatus,
)

if TYPE_CHECKING:
    pass
from coop_tui.store.demo.actors import ActorsBuilder
from coop_tui.store.demo.pools_people import MANDATE_END, MANDATE_START
from coop_tui.store.demo.pools_work import LEVER_STATES, MILESTONES, ROADMAP, ROADMAP_VARIANTS


class PlansBuilder(ActorsBuilder):
    """The demo's levers and roadmap over the mandate."""

    def build_levers(self) -> None:
        created = self.stamp(max(self.history_start, MANDATE_START))
        levers = catalogue_levers(make_id=self.uid, now=created)
        for lever in levers:
            status, done, owner, due, notes, evidence = LEVER_STATES[lever.key]
            for position, item in enumerate(lever.items[:done]):
                item.done = True
                item.done_on = min(self.today, MANDATE_START + timedelta(
                    days=30 + 25 * position + self.rng.randint(0, 20)))
            lever.status = status
            lever.owner_id = self.named[owner].id
            lever.due = MANDATE_START + timedelta(days=due) if due is not None else None
            lever.notes = notes
            lever.evidence = list(evidence)
            lever.updated = max(created, self.stamp(
                self.today - timedelta(days=self.rng.randint(0, 40))))
            self.levers[lever.key] = lever
        own = Lever(
            **self.meta(MANDATE_START + timedelta(days=60), self.today - timedelta(days=12)),
            category=LeverCategory.REGULATORY,
            position=len(levers),
            # The demo's own lever, written in both languages like the catalogue's, so the
            # demo read in English shows no lever in French.
            title=LocalizedText(fr="Pacte de gouvernance", en="Governance pact"),
            description=LocalizedText(
                fr="Organiser les relations entre les communes et la communauté : place de "
                   "la conférence des maires, délégations, information des conseils "
                   "municipaux.",
                en="Organise the relations between the communes and the community: role of "
                   "the conference of mayors, delegations, information of the municipal "
                   "councils."),
            items=[
                ChecklistItem(id=self.uid(), text=LocalizedText(fr=french, en=english),
                              done=done,
                              done_on=MANDATE_START + timedelta(days=95) if done else None)
                for french, english, done in (
                    ("Débat en conseil communautaire sur l'élaboration du pacte",
                     "Debate in the community council on drawing up the pact", True),
                    ("Avis des conseils municipaux", "Opinion of the municipal councils",
                     False),
                    ("Adoption du pacte de gouvernance", "Adoption of the governance pact",
                     False),
                )
            ],
            status=LeverStatus.IN_PROGRESS,
            owner_id=self.named["president"].id,
            due=MANDATE_START + timedelta(days=360),
            notes="Ajouté par l'équipe : demandé par les maires des petites communes.",
        )
        self.levers[""] = own

    # ------------------------------------------------------------------ roadmap

    def roadmap_status(self, start: date, due: date) -> tuple[RoadmapStatus, int]:
        today = self.today
        if due < today:
            status = self.weighted([(RoadmapStatus.DONE, 60), (RoadmapStatus.IN_PROGRESS, 25),
                                    (RoadmapStatus.BLOCKED, 8), (RoadmapStatus.PLANNED, 2),
                                    (RoadmapStatus.CANCELLED, 5)])
        elif start <= today:
            status = self.weighted([(RoadmapStatus.IN_PROGRESS, 80),
                                    (RoadmapStatus.BLOCKED, 10), (RoadmapStatus.DONE, 5),
                                    (RoadmapStatus.PLANNED, 5)])
        else:
            status = self.weighted([(RoadmapStatus.PLANNED, 96), (RoadmapStatus.CANCELLED, 4)])
        if status is RoadmapStatus.DONE:
            return status, 100
        if status is RoadmapStatus.IN_PROGRESS:
            if due < today:
                return status, self.rng.randint(30, 85)
            elapsed = (today - start).days / max(1, (due - start).days)
            return status, max(5, min(95, int(elapsed * 100) + self.rng.randint(-20, 10)))
        if status is RoadmapStatus.BLOCKED:
            return status, self.rng.randint(10, 60)
        if status is RoadmapStatus.CANCELLED:
            return status, self.rng.randint(0, 40)
        return status, 0

    def build_roadmap(self) -> None:
        plan = self.plan
        window_start = min(MANDATE_START, self.history_start)
        window_days = (MANDATE_END - window_start).days
        owners = [self.named[key] for key in ("mission", "dgs", "ads", "finance", "hr")
                  if key in self.named]
        owners += [a for a in self.mayors if "bureau" in a.tags]
        partners = (self.communes + self.by_kind[ActorKind.PUBLIC_BODY]
                    + self.by_kind[ActorKind.ASSOCIATION] + self.by_kind[ActorKind.COMPANY]
                    + self.by_kind[ActorKind.CITIZEN_GROUP])
        base = min(plan.roadmap, len(ROADMAP))
        for index in range(plan.roadmap):
            template = ROADMAP[index % len(ROADMAP)]
            objective, lever_key, start_day, length, indicator, means, description, after = (
                template)
            if index < base:
                start = MANDATE_START + timedelta(days=start_day + self.rng.randint(-10, 10))
                depends = [self.roadmap[i].id for i in after if i < len(self.roadmap)]
            else:
                objective = f"{objective} — {self.pick(ROADMAP_VARIANTS)}"
                start = window_start + timedelta(
                    days=int(window_days * 0.9 * self.rng.random() ** 1.3))
                length = self.rng.randint(45, 540)
                earlier = [item for item in self.roadmap
                           if item.due is not None and item.due <= start]
                depends = ([item.id for item in self.sample(earlier, self.rng.randint(1, 2))]
                           if earlier and self.chance(0.25) else [])
            due = min(MANDATE_END, start + timedelta(days=max(1, length
                                                                + self.rng.randint(-15, 15))))
            milestone = index % len(ROADMAP) in MILESTONES
            status, progress = self.roadmap_status(start, due)
            owner_ids = [a.id for a in self.sample(owners, self.rng.randint(1, 2))]
            partner_ids = [a.id for a in self.sample(partners, self.rng.randint(0, 4))
                           if a.id not in owner_ids]
            lever = self.levers.get(lever_key)
            created_on = min(start, self.today) - timedelta(days=self.rng.randint(5, 40))
            self.roadmap.append(RoadmapItem(
                **self.meta(created_on, min(self.today, created_on
                                            + timedelta(days=self.rng.randint(0, 200)))),
                objective=objective,
                description=description,
                lever_id=lever.id if lever and not (index >= base and self.chance(0.03))
                else None,
                owner_ids=owner_ids,
                partner_ids=partner_ids,
                start=start,
                due=due,
                means=Means(
                    budget_eur=(float(self.rng.randrange(0, 150_000, 2_500))
                                if self.chance(0.7) else None),
                    staff_fte=self.pick((0.1, 0.2, 0.3, 0.5, 0.8, 1.0, 1.5))
                    if self.chance(0.6) else None,
                    text=means,
                ),
                status=status,
                progress=progress,
                milestone=milestone,
                depends_on=depends,
                indicator=indicator,
            ))
        self.ensure_late_roadmap()

    def ensure_late_roadmap(self) -> None:
        """Some objectives must be late at ``today``, whatever the draws gave."""
        late = [item for item in self.roadmap if item.is_late(self.today)]
        overdue_done = [item for item in self.roadmap if item.due is not None
                        and item.due < self.today and item.status is RoadmapStatus.DONE]
        for item in sorted(overdue_done, key=lambda i: i.due or self.today, reverse=True):
            if len(late) >= self.plan.min_late_roadmap:
                break
            item.status = RoadmapStatus.IN_PROGRESS
            item.progress = self.rng.randint(60, 90)
            late.append(item)

    # ------------------------------------------------------------------ meetings

