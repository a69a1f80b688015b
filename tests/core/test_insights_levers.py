"""The evidence rules of the levers, one by one, on small stores built for each case."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from coop_tui.core.insights.levers import (
    MEETING_KIND_LEVERS,
    RULE_LEVERS,
    Evidence,
    Facts,
    Progress,
    category_lag,
    category_progress,
    channel_coverage,
    commune_knowledge,
    counterweights,
    evidence_by_lever,
    follower_contact,
    investment,
    last_met,
    last_presence,
    lever_deadline,
    lever_progress,
    lever_roadmap,
    meeting_cadence,
    meeting_rhythm,
    needs_attention,
    overall_progress,
    overdue_actions,
    percent,
    roadmap_completeness,
    roadmap_late,
    role_assessment,
    shared_follow_up,
    territory_evidence,
    usual_interval,
)
from coop_tui.core.target import Target
from coop_tui.store.catalogue import CATALOGUE, catalogue_levers
from coop_tui.store.models import (
    Action,
    ActionStatus,
    Actor,
    ActorKind,
    Attendance,
    Channel,
    ChecklistItem,
    CommuneProfile,
    ContactEntry,
    Lever,
    LeverCategory,
    LeverStatus,
    LocalizedText,
    Means,
    Meeting,
    MeetingKind,
    Presence,
    PrivateReading,
    Relation,
    RelationKind,
    RoadmapItem,
    RoadmapStatus,
    Role,
    Territory,
    Thresholds,
)
from coop_tui.store.repository import Repository

TODAY = date(2026, 11, 26)


def territory(**changes: object) -> Territory:
    fields: dict[str, object] = {"name": "CC test", "mandate_start": date(2026, 3, 15),
                                 "mandate_end": date(2032, 3, 15)}
    fields.update(changes)
    return Territory.model_validate(fields)


def facts(**records: object) -> Facts:
    place = records.pop("territory", None) or territory()
    assert isinstance(place, Territory)
    return Facts(today=TODAY, territory=place, **records)  # type: ignore[arg-type]


def days_ago(count: int) -> date:
    return TODAY - timedelta(days=count)


def actor(name: str, kind: ActorKind = ActorKind.ELECTED, role: Role | None = None,
          **changes: object) -> Actor:
    return Actor(name=name, kind=kind, private=PrivateReading(role=role), **changes)  # type: ignore[arg-type]


def meeting(on: date, kind: MeetingKind = MeetingKind.COPIL, **changes: object) -> Meeting:
    return Meeting(title=f"{kind.value} {on}", kind=kind, on=on, **changes)  # type: ignore[arg-type]


def item(objective: str, **changes: object) -> RoadmapItem:
    return RoadmapItem(objective=objective, **changes)  # type: ignore[arg-type]


def lever(title: str = "Mon levier", key: str = "", **changes: object) -> Lever:
    fields: dict[str, object] = {"category": LeverCategory.HUMAN,
                                 "title": LocalizedText(fr=title)}
    fields.update(changes)
    return Lever(key=key, **fields)  # type: ignore[arg-type]


# ---------------------------------------------------------------------------- meetings


def test_usual_interval_is_the_median_gap() -> None:
    assert usual_interval([]) is None
    assert usual_interval([date(2026, 1, 1)]) is None
    days = [date(2026, 1, 1), date(2026, 1, 31), date(2026, 3, 2), date(2026, 9, 1)]
    assert usual_interval(days) == 30.0
    assert usual_interval(list(reversed(days))) == 30.0


def test_a_kind_of_meeting_silent_too_long_needs_attention() -> None:
    copils = [meeting(days_ago(130)), meeting(days_ago(100)), meeting(days_ago(70))]
    (found,) = meeting_cadence(facts(meetings=copils))
    assert found.rule == "meeting_cadence"
    assert found.value == 70
    assert found.threshold == 45  # every 30 days, 1.5 times
    assert found.attention
    assert found.levers == ("lasting_facilitation",)
    assert found.target == Target("meetings", copils[-1].id)
    assert "70 days since the last one" in found.figure
    assert "Usually every 30 days" in found.explanation


def test_a_meeting_planned_lifts_the_attention() -> None:
    copils = [meeting(days_ago(130)), meeting(days_ago(100)), meeting(days_ago(70))]
    planned = meeting(TODAY + timedelta(days=3))
    (found,) = meeting_cadence(facts(meetings=[*copils, planned]))
    assert not found.attention
    assert "Next one planned" in found.explanation
    announced = copils[-1].model_copy(update={"next_meeting_on": TODAY + timedelta(days=9)})
    (found,) = meeting_cadence(facts(meetings=[*copils[:2], announced]))
    assert not found.attention


def test_within_its_interval_a_kind_of_meeting_is_fine() -> None:
    copils = [meeting(days_ago(90)), meeting(days_ago(60)), meeting(days_ago(30))]
    (found,) = meeting_cadence(facts(meetings=copils))
    assert not found.attention


def test_the_cadence_factor_is_a_setting() -> None:
    copils = [meeting(days_ago(90)), meeting(days_ago(60)), meeting(days_ago(36))]
    strict = territory(thresholds=Thresholds(meeting_cadence_factor=1.0))
    (lenient,) = meeting_cadence(facts(meetings=copils))
    (flagged,) = meeting_cadence(facts(meetings=copils, territory=strict))
    assert not lenient.attention and lenient.threshold == 40  # every 27 days, 1.5 times
    assert flagged.attention and flagged.threshold == 27


def test_a_single_meeting_has_no_usual_interval() -> None:
    (found,) = meeting_cadence(facts(meetings=[meeting(days_ago(400), MeetingKind.WORKSHOP)]))
    assert not found.attention
    assert found.threshold is None
    assert found.levers == ("common_culture",)
    assert "Only one held so far" in found.explanation


def test_meetings_to_come_do_not_count_as_held() -> None:
    assert meeting_cadence(facts(meetings=[meeting(TODAY + timedelta(days=1))])) == []


def test_the_rhythm_sums_up_every_kind() -> None:
    silent = [meeting(days_ago(300), MeetingKind.COTECH), meeting(days_ago(280),
                                                                   MeetingKind.COTECH)]
    regular = [meeting(days_ago(20)), meeting(days_ago(10))]
    found = meeting_rhythm(facts(meetings=silent + regular))
    assert found.attention
    assert found.value == 1
    assert found.figure == "1 kind of meeting has gone silent too long"
    assert "technical committee (COTECH): last one 280 days ago" in found.explanation
    assert found.target == Target("meetings", silent[-1].id)
    assert found.levers == RULE_LEVERS["meeting_rhythm"]
    calm = meeting_rhythm(facts(meetings=regular))
    assert not calm.attention and calm.figure == "Meetings keep their usual rhythm"
    empty = meeting_rhythm(facts())
    assert not empty.attention and empty.figure == "No meeting held yet"


# ---------------------------------------------------------------------------- actors


def test_channel_coverage_against_its_threshold() -> None:
    people = [actor(f"Personne {n}", preferred_channel=Channel.EMAIL) for n in range(7)]
    people += [actor("Sans préférence", channels=[Channel.PHONE]), actor("Injoignable"),
               actor("Aussi injoignable")]
    found = channel_coverage(facts(actors=people))
    assert found.value == 70.0 and found.threshold == 80
    assert found.attention
    assert found.figure == "7 of 10 actors have a preferred channel (70%)"
    assert found.explanation.startswith("2 have no channel known at all.")
    assert found.target == Target("actors", people[-1].id)  # "Aussi injoignable" comes first
    relaxed = territory(thresholds=Thresholds(channel_coverage_percent=70))
    assert not channel_coverage(facts(actors=people, territory=relaxed)).attention


def test_channel_coverage_without_actors() -> None:
    found = channel_coverage(facts())
    assert not found.attention and found.target is None


def test_role_assessment_counts_each_role() -> None:
    people = [actor("A", role=Role.DRIVER), actor("B", role=Role.FOLLOWER),
              actor("C", role=Role.FOLLOWER), actor("D", role=Role.COUNTERWEIGHT),
              actor("E", role=Role.RELUCTANT), actor("F", role=Role.NEUTRAL),
              actor("G"), actor("H")]
    found = role_assessment(facts(actors=people))
    assert found.value == 75.0
    assert not found.attention
    assert found.figure == "6 of 8 actors assessed (75%)"
    assert "drivers: 1 · followers: 2 · counterweights: 1 · reluctant: 1 · neutral: 1" in (
        found.explanation)
    assert found.target == Target("actors", people[6].id)
    below = territory(thresholds=Thresholds(assessed_percent=80))
    assert role_assessment(facts(actors=people, territory=below)).attention


def test_no_driver_needs_attention_whatever_the_share() -> None:
    people = [actor("A", role=Role.FOLLOWER), actor("B", role=Role.NEUTRAL)]
    assert role_assessment(facts(actors=people)).attention


def test_counterweights_balance_reluctance_and_tension() -> None:
    a, b = actor("A", role=Role.RELUCTANT), actor("B", role=Role.DRIVER)
    tension = Relation(source_id=a.id, target_id=b.id, kind=RelationKind.TENSION)
    assert counterweights(facts(actors=[a, b])).attention
    assert counterweights(facts(actors=[actor("C"), b], relations=[tension])).attention
    weight = actor("D", role=Role.COUNTERWEIGHT)
    found = counterweights(facts(actors=[a, b, weight], relations=[tension]))
    assert not found.attention
    assert found.figure == "Counterweights: 1 · reluctant: 1 · tensions: 1"
    assert found.target == Target("actors", weight.id)
    assert not counterweights(facts(actors=[b])).attention


def test_last_met_reads_the_log_and_the_meetings_attended() -> None:
    person = actor("A", contact_log=[ContactEntry(on=days_ago(50), channel=Channel.PHONE),
                                     ContactEntry(on=TODAY + timedelta(days=2),
                                                  channel=Channel.EMAIL)])
    assert last_met(person, {}, TODAY) == days_ago(50)
    earlier = meeting(days_ago(30), attendance=[Attendance(actor_id=person.id)])
    present = meeting(days_ago(10), attendance=[Attendance(actor_id=person.id)])
    excused = meeting(days_ago(5), attendance=[Attendance(actor_id=person.id,
                                                          status=Presence.EXCUSED)])
    presence = last_presence([present, earlier, excused])
    assert presence == {person.id: days_ago(10)}
    assert last_met(person, presence, TODAY) == days_ago(10)
    assert last_met(actor("B"), presence, TODAY) is None
    # Only meetings held count: a presence recorded ahead of time is not an exchange.
    ahead = meeting(TODAY + timedelta(days=3), attendance=[Attendance(actor_id=person.id)])
    assert facts(meetings=[ahead]).last_present == {}


def test_followers_without_contact_need_attention() -> None:
    recent = actor("Récente", role=Role.FOLLOWER,
                   contact_log=[ContactEntry(on=days_ago(10), channel=Channel.PHONE)])
    old = actor("Ancienne", role=Role.FOLLOWER,
                contact_log=[ContactEntry(on=days_ago(90), channel=Channel.PHONE)])
    never = actor("Jamais", role=Role.FOLLOWER)
    found = follower_contact(facts(actors=[recent, old, never, actor("Moteur",
                                                                       role=Role.DRIVER)]))
    assert found.attention and found.value == 2 and found.threshold == 60
    assert found.figure == "2 of 3 followers without contact for over 60 days"
    assert "Longest without contact: Jamais, Ancienne." in found.explanation
    assert found.target == Target("actors", never.id)
    patient = territory(thresholds=Thresholds(follower_contact_days=100))
    later = follower_contact(facts(actors=[recent, old], territory=patient))
    assert not later.attention and later.value == 0


def test_a_meeting_attended_counts_as_contact_for_a_follower() -> None:
    follower = actor("Suiveuse", role=Role.FOLLOWER)
    held = meeting(days_ago(5), attendance=[Attendance(actor_id=follower.id)])
    assert not follower_contact(facts(actors=[follower], meetings=[held])).attention


def test_many_names_end_with_how_many_more() -> None:
    people = [actor(f"Suiveur {n}", role=Role.FOLLOWER) for n in range(5)]
    found = follower_contact(facts(actors=people))
    assert "Suiveur 0, Suiveur 1, Suiveur 2 and 2 more." in found.explanation


def test_commune_knowledge() -> None:
    profile = CommuneProfile(mayor="Mme la maire", council_rhythm="mensuel")
    known = actor("Vernay", ActorKind.COMMUNE, commune=profile,
                  contact_log=[ContactEntry(on=days_ago(3), channel=Channel.VISIT)])
    unmet = actor("Cressy", ActorKind.COMMUNE, commune=profile)
    place = territory(communes=["Vernay", "cressy"])
    found = commune_knowledge(facts(actors=[known, unmet], territory=place))
    assert found.attention
    assert found.figure == "1 of 2 member communes met · 2 described"
    assert "Still to know: Cressy." in found.explanation
    assert found.target == Target("actors", unmet.id)
    met = unmet.model_copy(update={"contact_log": known.contact_log})
    assert not commune_knowledge(facts(actors=[known, met], territory=place)).attention
    missing = territory(communes=["Vernay", "Cressy", "Belleroche"])
    unmapped = commune_knowledge(facts(actors=[known, met], territory=missing))
    assert unmapped.attention
    assert "1 listed commune is not in the actor map: Belleroche." in unmapped.explanation
    undescribed = met.model_copy(update={"commune": CommuneProfile(mayor="M. le maire")})
    assert commune_knowledge(facts(actors=[known, undescribed], territory=place)).attention
    assert not commune_knowledge(facts()).attention


# ---------------------------------------------------------------------------- roadmap


def test_roadmap_completeness() -> None:
    full = item("Complet", due=TODAY, means=Means(budget_eur=1000))
    no_means = item("Sans moyens", due=TODAY)
    no_due = item("Sans échéance", means=Means(text="Une délibération"))
    cancelled = item("Annulé", status=RoadmapStatus.CANCELLED)
    found = roadmap_completeness(facts(roadmap=[full, no_means, no_due, cancelled]))
    assert found.value == pytest.approx(33.3)
    assert found.attention
    assert found.figure == "1 of 3 roadmap items have a deadline and means (33%)"
    assert found.target == Target("roadmap", no_means.id)
    lenient = territory(thresholds=Thresholds(roadmap_complete_percent=30))
    assert not roadmap_completeness(facts(roadmap=[full, no_means, no_due],
                                          territory=lenient)).attention
    assert not roadmap_completeness(facts()).attention


def test_late_roadmap_items() -> None:
    late = item("En retard", due=days_ago(30), status=RoadmapStatus.IN_PROGRESS)
    later = item("Un peu en retard", due=days_ago(3))
    done = item("Fait à temps", due=days_ago(60), status=RoadmapStatus.DONE)
    coming = item("À venir", due=TODAY + timedelta(days=30))
    found = roadmap_late(facts(roadmap=[later, late, done, coming]))
    assert found.attention and found.value == 2
    assert found.figure == "2 of 4 roadmap items are late"
    assert "The most overdue: En retard" in found.explanation
    assert found.target == Target("roadmap", late.id)
    fine = roadmap_late(facts(roadmap=[done, coming]))
    assert not fine.attention and fine.figure == "No roadmap item is late"


def test_the_roadmap_items_serving_a_lever() -> None:
    mine = lever()
    late = item("En retard", due=days_ago(2), lever_id=mine.id)
    done = item("Fait", status=RoadmapStatus.DONE, lever_id=mine.id)
    other = item("Autre levier", due=days_ago(2))
    found = lever_roadmap(mine, facts(roadmap=[late, done, other]))
    assert found.attention and found.value == 1
    assert found.figure == "2 roadmap items serve this lever · 1 completed · 1 late"
    assert found.target == Target("roadmap", late.id)
    calm = lever_roadmap(mine, facts(roadmap=[done]))
    assert not calm.attention and calm.target == Target("roadmap", done.id)
    none = lever_roadmap(mine, facts(roadmap=[other]))
    assert not none.attention and none.target is None


def test_a_lever_past_its_own_due_date() -> None:
    overdue = lever(due=days_ago(16), status=LeverStatus.IN_PROGRESS)
    found = lever_deadline(overdue, facts())
    assert found is not None and found.attention and found.value == 16
    assert "16 days ago" in found.figure
    assert lever_deadline(lever(due=days_ago(16), status=LeverStatus.DONE), facts()) is None
    assert lever_deadline(lever(due=TODAY), facts()) is None
    assert lever_deadline(lever(), facts()) is None


# ---------------------------------------------------------------------------- meetings' work


def test_overdue_actions() -> None:
    old = Action(text="Relancer la DGS", due=days_ago(40))
    postponed = Action(text="Réserver la salle", due=days_ago(5), status=ActionStatus.POSTPONED)
    fine = Action(text="Envoyer l'ordre du jour", due=TODAY + timedelta(days=4))
    done = Action(text="Fait", due=days_ago(90), status=ActionStatus.DONE)
    held = meeting(days_ago(60), actions=[postponed, old, fine, done])
    found = overdue_actions(facts(meetings=[held]))
    assert found.attention and found.value == 2
    assert found.figure == "2 of 3 open actions are overdue"
    assert "The oldest: Relancer la DGS" in found.explanation
    assert found.target == Target("meetings", held.id, old.id)
    calm = overdue_actions(facts(meetings=[meeting(days_ago(60), actions=[fine, done])]))
    assert not calm.attention
    assert not overdue_actions(facts()).attention


def test_investment_counts_actions_done_per_owner() -> None:
    claire = actor("Claire Martin")
    held = meeting(days_ago(20), actions=[
        Action(text="a", owner_id=claire.id, status=ActionStatus.DONE),
        Action(text="b", owner_id=claire.id, status=ActionStatus.DONE),
        Action(text="c", owner_name="Le garde champêtre", status=ActionStatus.DONE),
        Action(text="d", status=ActionStatus.DONE),
        Action(text="e", owner_id=claire.id),
    ])
    found = investment(facts(actors=[claire], meetings=[held]))
    assert not found.attention
    assert found.value == 4
    assert found.figure == "4 actions done · owners: 3"
    assert found.explanation.startswith("Most done: Claire Martin (2), ")
    assert "Le garde champêtre (1)" in found.explanation
    assert found.target == Target("actors", claire.id)
    assert investment(facts()).figure == "No action done yet"


def test_shared_follow_up() -> None:
    held = [meeting(days_ago(45)), meeting(days_ago(10))]
    never = shared_follow_up(facts(meetings=held))
    assert never.attention and never.value == 45
    assert never.figure == "Minutes last exported: never · status report: never"
    assert never.target == Target("meetings", held[0].id)
    exported = territory(last_minutes_export=datetime.combine(days_ago(40), datetime.min.time(),
                                                              UTC))
    recent = shared_follow_up(facts(meetings=held, territory=exported))
    assert not recent.attention and recent.value == 10
    assert "1 meeting held since the last export" in recent.explanation
    report = territory(last_status_report=datetime.combine(days_ago(5), datetime.min.time(),
                                                           UTC))
    shared = shared_follow_up(facts(meetings=held, territory=report))
    assert not shared.attention and shared.target is None
    strict = territory(thresholds=Thresholds(follow_up_days=5), last_minutes_export=(
        datetime.combine(days_ago(40), datetime.min.time(), UTC)))
    assert shared_follow_up(facts(meetings=held, territory=strict)).attention
    assert not shared_follow_up(facts()).attention


# ---------------------------------------------------------------------------- per lever


def test_every_rule_names_catalogue_levers_only() -> None:
    keys = {spec.key for spec in CATALOGUE}
    for rule, levers in RULE_LEVERS.items():
        assert levers, rule
        assert set(levers) <= keys, rule
    for kind_levers in MEETING_KIND_LEVERS.values():
        assert set(kind_levers) <= keys
    covered = {key for levers in (*RULE_LEVERS.values(), *MEETING_KIND_LEVERS.values())
               for key in levers}
    # The pact is followed through the roadmap items serving it (a rule of every lever).
    assert covered | {"financial_fiscal_pact"} == keys


def test_evidence_goes_to_the_levers_it_names_attention_first() -> None:
    levers = catalogue_levers()
    by_key = {lever.key: lever for lever in levers}
    mine = lever()
    people = [actor("Sans canal")]
    found = evidence_by_lever([*levers, mine], facts(actors=people))
    posture = found[by_key["facilitation_posture"].id]
    rules = [evidence.rule for evidence in posture]
    assert {"channel_coverage", "role_assessment", "follower_contact", "lever_roadmap"} <= set(
        rules)
    attention = [evidence.attention for evidence in posture]
    assert attention == sorted(attention, reverse=True)
    assert [e.rule for e in found[mine.id]] == ["lever_roadmap"]
    assert "channel_coverage" not in [e.rule for e in found[by_key["financial_fiscal_pact"].id]]


def test_not_applicable_levers_never_call_for_attention() -> None:
    flagged = Evidence("x", "figure", "why", True)
    assert needs_attention(lever(), [flagged])
    assert not needs_attention(lever(status=LeverStatus.NOT_APPLICABLE), [flagged])
    assert not needs_attention(lever(), [Evidence("x", "figure", "why", False)])


def test_on_the_demo_territory(repository: Repository) -> None:
    """The demo tells a story: late roadmap, followers to call, nothing exported yet."""
    read = Facts.of(repository, TODAY)
    flagged = {e.rule for e in territory_evidence(read) if e.attention}
    assert {"roadmap_late", "follower_contact", "shared_follow_up", "channel_coverage",
            "overdue_actions"} <= flagged
    assert "commune_knowledge" not in flagged
    by_key = {lever.key: lever for lever in repository.levers}
    found = evidence_by_lever(repository.levers, read)
    assert needs_attention(by_key["mutualisation_scheme"],
                           found[by_key["mutualisation_scheme"].id])
    # Power games: the statement endorsed by a third of the communes, tensions with no
    # counterweight (the human levers of issue 18).
    power = {e.rule for e in found[by_key["power_games"].id] if e.attention}
    assert power == {"project_endorsement", "counterweight_suggestions"}


def test_figures_read_in_french(french: None) -> None:
    people = [actor(f"Personne {n}", preferred_channel=Channel.EMAIL) for n in range(3)]
    people.append(actor("Injoignable"))
    found = channel_coverage(facts(actors=people))
    assert found.figure == "Canal préféré connu pour 3 acteurs sur 4 (75\u00a0%)"
    assert percent(0.5) == "50\u00a0%"
    late = roadmap_late(facts(roadmap=[item("x", due=days_ago(1))]))
    assert late.figure == "1 élément de la feuille de route sur 1 est en retard"
    copils = [meeting(days_ago(60)), meeting(days_ago(30))]
    (cadence,) = meeting_cadence(facts(meetings=copils))
    assert cadence.figure == "comité de pilotage (COPIL)\u00a0: 30 jours depuis la dernière"


# ---------------------------------------------------------------------------- progress


def test_lever_progress() -> None:
    items = [ChecklistItem(text=LocalizedText(fr="a"), done=True),
             ChecklistItem(text=LocalizedText(fr="b"))]
    assert lever_progress(lever(items=items)) == Progress(1, 2)
    assert lever_progress(lever()) == Progress(0, 1)
    assert lever_progress(lever(status=LeverStatus.DONE)) == Progress(1, 1)
    assert lever_progress(lever(items=items, status=LeverStatus.NOT_APPLICABLE)) == Progress(0,
                                                                                              0)
    assert Progress(0, 0).ratio == 0.0
    assert Progress(1, 4).ratio == 0.25


def test_category_and_overall_progress() -> None:
    levers = catalogue_levers()
    for spec_lever in levers[:2]:
        for checklist_item in spec_lever.items:
            checklist_item.done = True
    progress = category_progress(levers)
    assert set(progress) == set(LeverCategory)
    assert progress[LeverCategory.REGULATORY].ratio == 1.0
    assert progress[LeverCategory.HUMAN].done == 0
    overall = overall_progress(levers)
    assert overall.total == sum(len(spec.items) for spec in CATALOGUE)
    assert overall.done == progress[LeverCategory.REGULATORY].done


def test_a_category_far_behind_lags() -> None:
    progress = {LeverCategory.REGULATORY: Progress(8, 10),
                LeverCategory.METHODOLOGICAL: Progress(6, 10),
                LeverCategory.HUMAN: Progress(2, 10)}
    lag = category_lag(progress, Thresholds())
    assert lag is not None
    assert lag.lagging == (LeverCategory.HUMAN,)
    assert lag.leader is LeverCategory.REGULATORY
    assert lag.gap_points == 60
    both = category_lag(progress, Thresholds(category_gap_percent=20))
    assert both is not None and both.lagging == (LeverCategory.METHODOLOGICAL,
                                                 LeverCategory.HUMAN)
    assert category_lag(progress, Thresholds(category_gap_percent=61)) is None


def test_no_lag_when_categories_move_together_or_are_empty() -> None:
    even = {category: Progress(3, 10) for category in LeverCategory}
    assert category_lag(even, Thresholds(category_gap_percent=0)) is None
    alone = {LeverCategory.REGULATORY: Progress(10, 10),
             LeverCategory.METHODOLOGICAL: Progress(0, 0),
             LeverCategory.HUMAN: Progress(0, 0)}
    assert category_lag(alone, Thresholds()) is None
