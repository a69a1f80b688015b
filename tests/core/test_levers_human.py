"""The human levers' evidence rules (issue 18), each on a small territory built for it:
endorsements, commitment, blockages answered, counterweights, meeting conditions and the
investment to recognise."""

from __future__ import annotations

from datetime import date, timedelta

from coop_tui.core.insights.levers import RULE_LEVERS, Facts, territory_evidence
from coop_tui.core.insights.levers.blockages import (
    QUIET_WEEKS,
    quiet_blockages,
    quiet_blockages_evidence,
)
from coop_tui.core.insights.levers.communes import commune_of, communes_by_actor
from coop_tui.core.insights.levers.counterweight_suggestions import (
    counterweight_evidence,
    counterweight_suggestions,
    tensions_without_counterweight,
)
from coop_tui.core.insights.levers.meeting_conditions import (
    absent_communes,
    commune_attendance,
    meeting_formats,
    meeting_venues,
)
from coop_tui.core.insights.levers.recognition import recognition, recognition_evidence
from coop_tui.core.insights.levers.shared_meaning import (
    commitment_gaps,
    communes_below,
    project_endorsement,
)
from coop_tui.core.target import Target
from coop_tui.store.models import (
    Action,
    ActionStatus,
    Actor,
    ActorKind,
    Attendance,
    Blockage,
    BlockageAnswer,
    BlockageState,
    Commitment,
    CommuneProfile,
    Endorsement,
    Meeting,
    MeetingFormat,
    MeetingKind,
    PrivateReading,
    Relation,
    RelationKind,
    SharedProject,
    Territory,
)

TODAY = date(2026, 11, 26)
COMMUNES = ["Aubry", "Belval", "Cernay", "Dompierre"]


def territory() -> Territory:
    return Territory(name="CC test", communes=COMMUNES, mandate_start=date(2026, 3, 15),
                     mandate_end=date(2032, 3, 15))


def commune(name: str, mayor: str = "") -> Actor:
    return Actor(name=name, kind=ActorKind.COMMUNE,
                 commune=CommuneProfile(mayor=mayor) if mayor else None)


def person(name: str, parent: Actor | None = None, kind: ActorKind = ActorKind.ELECTED,
           **reading: object) -> Actor:
    return Actor(name=name, kind=kind, parent_id=parent.id if parent else None,
                 private=PrivateReading.model_validate(reading))


def facts(actors: list[Actor], **more: object) -> Facts:
    return Facts(today=TODAY, territory=territory(), actors=actors, **more)  # type: ignore[arg-type]


# ------------------------------------------------------------------ which commune


def test_an_actor_belongs_to_the_first_commune_above_it() -> None:
    aubry = commune("Aubry")
    mayor = person("Anne Mayor", aubry)
    service = person("Service technique", mayor, ActorKind.SERVICE)
    community = Actor(name="CC", kind=ActorKind.COMMUNITY)
    by_id = {a.id: a for a in (aubry, mayor, service, community)}
    assert commune_of(service, by_id) is aubry
    assert commune_of(aubry, by_id) is aubry
    assert commune_of(community, by_id) is None
    assert set(communes_by_actor(by_id.values())) == {aubry.id, mayor.id, service.id}


# ------------------------------------------------------------------ shared meaning


def test_no_statement_calls_for_one() -> None:
    evidence = project_endorsement(facts([commune("Aubry")]))
    assert evidence.attention
    assert evidence.figure == "No shared project statement yet"


def test_endorsement_share_counts_communes_through_their_mayor_or_delegate() -> None:
    aubry, belval, cernay, dompierre = (commune(name) for name in COMMUNES)
    mayor_aubry = person("Anne Mayor", aubry)
    delegate_belval = person("Bruno Delegate", belval)
    service_cernay = person("Service Cernay", cernay, ActorKind.SERVICE)
    project = SharedProject(statement="Share the services", endorsements=[
        Endorsement(actor_id=mayor_aubry.id, day=TODAY),
        Endorsement(actor_id=delegate_belval.id, day=TODAY),
        # A service is neither the mayor nor a delegate: Cernay has not endorsed.
        Endorsement(actor_id=service_cernay.id, day=TODAY),
    ])
    actors = [aubry, belval, cernay, dompierre, mayor_aubry, delegate_belval, service_cernay]
    evidence = project_endorsement(facts(actors, project=project))
    # 2 of 4 communes = 50 %: not below the threshold.
    assert evidence.figure == ("2 of 4 member communes endorsed the project statement (50%)")
    assert evidence.value == 50.0
    assert not evidence.attention
    assert "Not yet: Cernay, Dompierre." in evidence.explanation
    assert evidence.target == Target("actors", cernay.id)
    project.endorsements.pop(1)
    assert project_endorsement(facts(actors, project=project)).attention


def test_communes_with_nobody_committed() -> None:
    aubry, belval, cernay, _dompierre = communes = [commune(name) for name in COMMUNES]
    actors = [*communes,
              person("Anne", aubry, commitment="champion"),
              person("Bruno", belval, commitment="informed"),
              person("Chloé", cernay, commitment="committed"),
              # Committed but at no commune: counts for none.
              person("Département", None, ActorKind.PUBLIC_BODY, commitment="champion")]
    below = communes_below(actors, Commitment.COMMITTED)
    assert [a.name for a in below] == ["Belval", "Dompierre"]
    assert [a.name for a in communes_below(actors, Commitment.CHAMPION)] == [
        "Belval", "Cernay", "Dompierre"]
    evidence = commitment_gaps(facts(actors))
    assert evidence.figure == "2 of 4 member communes have nobody « committed » or beyond"
    assert evidence.attention
    assert "To win over: Belval, Dompierre." in evidence.explanation
    assert "4 actors have a commitment level read." in evidence.explanation


def test_commitment_steps_compare_in_order() -> None:
    ranks = [level.rank for level in Commitment]
    assert ranks == [0, 1, 2, 3, 4]
    assert Commitment.CHAMPION.rank > Commitment.COMMITTED.rank > Commitment.UNAWARE.rank


# ------------------------------------------------------------------ blockages


def test_blockages_quiet_for_weeks_are_flagged_answered_ones_not() -> None:
    long_ago = TODAY - timedelta(weeks=QUIET_WEEKS)
    recently = TODAY - timedelta(weeks=QUIET_WEEKS - 1)
    actor = person("Anne", blockages=[
        Blockage(text="Never answered", noted_on=long_ago),
        Blockage(text="Answered lately", noted_on=long_ago, state=BlockageState.ADDRESSING,
                 answers=[BlockageAnswer(text="A visit", on=recently)]),
        Blockage(text="Answered long ago", noted_on=long_ago - timedelta(days=30),
                 state=BlockageState.ADDRESSING,
                 answers=[BlockageAnswer(text="A letter", on=long_ago - timedelta(days=1))]),
        Blockage(text="Lifted", noted_on=long_ago - timedelta(days=300),
                 state=BlockageState.LIFTED),
        Blockage(text="Noted lately", noted_on=recently),
        Blockage(text="No day known"),
    ])
    quiet = quiet_blockages([actor], TODAY)
    # Oldest first; a blockage with no day known comes first.
    assert [q.blockage.text for q in quiet] == ["No day known", "Answered long ago",
                                                "Never answered"]
    evidence = quiet_blockages_evidence(facts([actor]))
    assert evidence.figure == "Blockages: 3 open · 2 being addressed · 1 lifted"
    assert evidence.explanation.startswith("3 have had no answer for 6 weeks or more: ")
    assert evidence.attention
    assert "facilitation_posture" in evidence.levers
    assert evidence.target == Target("actors", actor.id)


def test_no_blockage_no_flag() -> None:
    evidence = quiet_blockages_evidence(facts([person("Anne")]))
    assert not evidence.attention
    assert evidence.figure == "No blockage recorded"


# ------------------------------------------------------------------ counterweights


def _tension_world() -> dict[str, Actor]:
    aubry, belval, cernay = (commune(name, mayor) for name, mayor in
                             (("Aubry", ""), ("Belval", ""), ("Cernay", "Claire Mayor")))
    people = {
        "aubry": aubry, "belval": belval, "cernay": cernay,
        "anne": person("Anne", aubry, influence=5, role="reluctant"),
        "bruno": person("Bruno", belval, influence=3, role="driver"),
        "claire": person("Claire Mayor", cernay, influence=4, interest=4),
        "denis": person("Denis", cernay, influence=4, interest=2),
        "eve": person("Eve", aubry, influence=5),  # same commune as Anne
        "fred": person("Fred", belval, influence=2),  # too little influence
    }
    return people


def _relations(p: dict[str, Actor], *pairs: tuple[str, str, RelationKind]) -> list[Relation]:
    return [Relation(source_id=p[a].id, target_id=p[b].id, kind=kind) for a, b, kind in pairs]


def test_a_tension_without_counterweight_gets_ranked_candidates_with_reasons() -> None:
    p = _tension_world()
    coop = RelationKind.COOPERATION
    relations = _relations(p, ("anne", "bruno", RelationKind.TENSION),
                           ("claire", "anne", coop), ("claire", "bruno", coop),
                           ("denis", "anne", coop), ("eve", "anne", coop), ("eve", "bruno", coop),
                           ("fred", "anne", coop))
    actors = list(p.values())
    tensions = tensions_without_counterweight(actors, relations)
    # The relation, then no blocker apart: Anne is already a party of it.
    assert [t.key for t in tensions] == [f"relation:{relations[0].id}"]
    suggestions = counterweight_suggestions(actors, relations)
    # Claire works with both sides; Denis with one; Eve is of Anne's commune; Fred's
    # influence (2) is below Anne's (5) minus one.
    assert [s.candidate.name for s in suggestions] == ["Claire Mayor", "Denis"]
    assert suggestions[0].reason == ("Claire Mayor, mayor of Cernay, influence 4, works with "
                                     "Anne and Bruno")
    assert suggestions[1].reason == "Denis (Cernay), influence 4, works with Anne"
    accepted = suggestions[0].relation()
    assert (accepted.source_id, accepted.target_id, accepted.kind) == (
        p["claire"].id, p["anne"].id, RelationKind.COUNTERWEIGHT)
    # Once a counterweight touches a party, the tension is balanced.
    assert tensions_without_counterweight(actors, [*relations, accepted]) == []


def test_a_dismissed_candidate_stays_dismissed_for_that_tension() -> None:
    p = _tension_world()
    relations = _relations(p, ("anne", "bruno", RelationKind.TENSION),
                           ("claire", "anne", RelationKind.COOPERATION),
                           ("denis", "anne", RelationKind.COOPERATION))
    key = f"relation:{relations[0].id}"
    p["claire"].private.dismissed_counterweights.append(key)
    suggestions = counterweight_suggestions(list(p.values()), relations)
    assert [s.candidate.name for s in suggestions] == ["Denis"]


def test_an_influential_blocker_alone_is_a_tension() -> None:
    p = _tension_world()
    relations = _relations(p, ("claire", "anne", RelationKind.COOPERATION))
    tensions = tensions_without_counterweight(list(p.values()), relations)
    assert [t.key for t in tensions] == [f"blocker:{p['anne'].id}"]
    evidence = counterweight_evidence(facts(list(p.values()), relations=relations))
    assert evidence.attention
    assert evidence.figure == "1 tension without a counterweight · 1 suggestions"
    assert evidence.explanation == ("For the Anne blocks, influence 5: Claire Mayor, mayor "
                                    "of Cernay, influence 4, works with Anne.")
    # A blocker of influence 3 is not a tension.
    p["anne"].private.influence = 3
    assert tensions_without_counterweight(list(p.values()), relations) == []
    assert not counterweight_evidence(facts(list(p.values()), relations=relations)).attention


# ------------------------------------------------------------------ meeting conditions


def meeting(days_ago: int, commune_name: str = "", fmt: MeetingFormat = MeetingFormat.IN_PERSON,
            present: tuple[Actor, ...] = (), kind: MeetingKind = MeetingKind.COPIL) -> Meeting:
    return Meeting(title="M", kind=kind, on=TODAY - timedelta(days=days_ago),
                   commune=commune_name, format=fmt,
                   attendance=[Attendance(actor_id=a.id) for a in present])


def test_venues_count_hosting_communes_and_rotation() -> None:
    meetings = [meeting(400, "Aubry"), meeting(200, "Aubry"), meeting(100, "belval"),
                meeting(50, "Cernay"), meeting(10), meeting(-5, "Dompierre")]
    evidence = meeting_venues(facts([], meetings=meetings))
    # In 12 months: Aubry, Belval (spelled as the territory does), Cernay; the meeting 400
    # days ago and the one to come are left out.
    assert evidence.figure == "3 of 4 member communes hosted a meeting in 12 months"
    assert "Hosts: Aubry (1), Belval (1), Cernay (1)." in evidence.explanation
    assert "The venue rotates." in evidence.explanation
    assert "1 meeting has no commune set." in evidence.explanation
    assert not evidence.attention
    same = [meeting(days, "Aubry") for days in (10, 20, 30)] + [meeting(40, "Belval")]
    assert meeting_venues(facts([], meetings=same)).attention


def test_formats_mix_and_no_meeting_in_person() -> None:
    meetings = [meeting(10, fmt=MeetingFormat.VIDEO), meeting(20, fmt=MeetingFormat.HYBRID),
                meeting(30, fmt=MeetingFormat.VIDEO)]
    evidence = meeting_formats(facts([], meetings=meetings))
    assert evidence.figure == "Formats in 12 months: in person 0 · video call 2 · hybrid 1"
    assert evidence.attention
    meetings.append(meeting(40))
    assert not meeting_formats(facts([], meetings=meetings)).attention


def test_communes_absent_from_the_last_three_collective_meetings() -> None:
    aubry, belval, cernay, dompierre = communes = [commune(name) for name in COMMUNES]
    anne, bruno = person("Anne", aubry), person("Bruno", belval)
    actors = [*communes, anne, bruno]
    meetings = [meeting(100, present=(cernay,)),  # older than the last three
                meeting(30, present=(anne,)), meeting(20, present=(bruno,)),
                meeting(15, present=(dompierre,), kind=MeetingKind.BILATERAL),  # left out
                meeting(10, present=(anne,))]
    assert [a.name for a in absent_communes(facts(actors, meetings=meetings))] == [
        "Cernay", "Dompierre"]
    evidence = commune_attendance(facts(actors, meetings=meetings))
    assert evidence.figure == "2 of 4 member communes absent from the last 3 meetings"
    assert evidence.explanation.startswith("Absent: Cernay, Dompierre.")
    assert evidence.attention
    # Fewer than three collective meetings held: nobody is called absent yet.
    assert absent_communes(facts(actors, meetings=meetings[-2:])) == []


# ------------------------------------------------------------------ recognition


def test_recognition_lists_who_carried_actions_and_hosted_meetings() -> None:
    anne, bruno = person("Anne"), person("Bruno")
    done, still_open = ActionStatus.DONE, ActionStatus.OPEN
    meetings = [
        meeting(10, "Aubry").model_copy(update={"actions": [
            Action(text="a", owner_id=anne.id, status=done),
            Action(text="b", owner_id=bruno.id, status=still_open),
            Action(text="c", owner_name="Someone unmapped", status=done)]}),
        meeting(20, "Belval").model_copy(update={"actions": [
            Action(text="d", owner_id=anne.id, status=done),
            Action(text="e", owner_id=bruno.id, status=done)]}),
        meeting(30, "Aubry"),
        meeting(500, "Cernay").model_copy(update={"actions": [
            Action(text="f", owner_id=bruno.id, status=done)]}),
    ]
    found = recognition(facts([anne, bruno], meetings=meetings))
    assert found.actors == (("Anne", 2), ("Bruno", 1))
    assert found.communes == (("Aubry", 2), ("Belval", 1))
    assert found.names() == ["Anne", "Bruno", "Aubry", "Belval"]
    evidence = recognition_evidence(facts([anne, bruno], meetings=meetings))
    assert evidence.figure == ("To thank: 2 actors carried actions · 2 communes hosted "
                               "meetings")
    assert not evidence.attention


def test_the_new_rules_speak_on_the_levers_the_issue_names() -> None:
    assert "facilitation_posture" in RULE_LEVERS["quiet_blockages"]
    assert "cooperation_context" in RULE_LEVERS["meeting_venues"]
    assert "cooperation_context" in RULE_LEVERS["meeting_formats"]
    assert "cooperation_context" in RULE_LEVERS["commune_attendance"]
    rules = {e.rule for e in territory_evidence(facts([commune("Aubry")]))}
    assert {"project_endorsement", "commitment_gaps", "quiet_blockages",
            "counterweight_suggestions", "meeting_venues", "meeting_formats",
            "commune_attendance", "recognition"} <= rules

