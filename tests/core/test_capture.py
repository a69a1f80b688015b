"""Quick capture: D:/A: lines read as decisions and actions, @names and dates, flags, and
records that keep their ids while the lines are edited."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coop_tui.core.capture import (
    Backing,
    CaptureKind,
    People,
    apply_captures,
    capture_kind,
    find_backing,
    mention,
    mention_being_typed,
    parse_line,
    parse_notes,
    strip_captures,
    unresolved_mentions,
)
from coop_tui.store.models import ActionStatus, AgendaItem, Meeting, Vote

DAY = date(2026, 11, 26)
MARTINE, MARTIN, JULIE = ("11111111-1111-4111-8111-111111111111",
                          "22222222-2222-4222-8222-222222222222",
                          "33333333-3333-4333-8333-333333333333")
PEOPLE = People([(MARTINE, "Martine Roux"), (MARTIN, "Martin Dupuis"),
                 (JULIE, "Julie Petit-Lefèvre")], attendees={MARTINE, JULIE})


def line(text: str):  # type: ignore[no-untyped-def]
    capture = parse_line(text, 0, PEOPLE, DAY)
    assert capture is not None
    return capture


@pytest.mark.parametrize("text", ["D: adopter le budget", "Décision : adopter le budget",
                                  "decision: adopter le budget", "d : adopter le budget",
                                  "- D: adopter le budget", "  Décision\u00a0: adopter le budget"])
def test_decision_prefixes(text: str) -> None:
    capture = line(text)
    assert capture.kind is CaptureKind.DECISION
    assert capture.text == "adopter le budget"


@pytest.mark.parametrize("text", ["A: relancer la CAF", "Action : relancer la CAF",
                                  "a: relancer la CAF", "* Action: relancer la CAF"])
def test_action_prefixes(text: str) -> None:
    capture = line(text)
    assert capture.kind is CaptureKind.ACTION
    assert capture.text == "relancer la CAF"


@pytest.mark.parametrize("text", ["Adopté à l'unanimité", "Débat: vif", "D:", "A:   ",
                                  "le point D: reporté", "Avis : favorable"])
def test_not_a_capture(text: str) -> None:
    assert parse_line(text, 0, PEOPLE, DAY) is None
    assert capture_kind(text) is None


@pytest.mark.parametrize(("text", "owner", "due", "rest"), [
    ("A: envoyer le PV @Martine avant le 15/12 aux communes", MARTINE, date(2026, 12, 15),
     "envoyer le PV aux communes"),
    ("A: relance de la CAF par @julie fin janvier", JULIE, date(2027, 1, 31),
     "relance de la CAF"),
    ("A: @martin_dupuis prépare la note pour le 2026-12-15", MARTIN, date(2026, 12, 15),
     "prépare la note"),
    ("A: réserver la salle @Julie_Petit-Lefèvre 15/12/2026.", JULIE, date(2026, 12, 15),
     "réserver la salle."),
    ("Action : consolider les effectifs, échéance 3/1", None, date(2027, 1, 3),
     "consolider les effectifs"),
])
def test_owner_and_due_date_leave_the_text(text: str, owner: str | None, due: date,
                                            rest: str) -> None:
    capture = line(text)
    assert capture.owner_id == owner
    assert capture.due == due
    assert capture.text == rest
    assert not capture.flagged


def test_a_whole_word_beats_an_attendee_who_only_starts_like_it() -> None:
    assert line("A: appeler @Martin").owner_id == MARTIN
    tie = line("A: appeler @Mart")  # a tie: no longer settled silently for the attendee
    assert (tie.owner_id, tie.ambiguous, tie.flagged) == (None, ("Mart",), True)


def test_unknown_name_is_flagged_and_kept() -> None:
    capture = line("A: @Zoé_Marchand envoie le compte rendu")
    assert capture.owner_id is None
    assert capture.owner_name == "Zoé Marchand"
    assert capture.unknown == ("Zoé Marchand",)
    assert capture.flagged


def test_other_names_stay_in_the_text() -> None:
    capture = line("A: @Martine voit avec @Julie le budget")
    assert capture.owner_id == MARTINE
    assert capture.text == "voit avec Julie le budget"


def test_names_in_a_decision_stay_in_it() -> None:
    capture = line("D: @Martine est désignée secrétaire de séance")
    assert capture.text == "Martine est désignée secrétaire de séance"
    assert capture.owner_id is None


def test_a_date_in_a_decision_stays_in_it() -> None:
    capture = line("D: le pacte entre en vigueur le 1er janvier 2027")
    assert capture.text == "le pacte entre en vigueur le 1er janvier 2027"
    assert capture.due is None


def test_a_date_that_does_not_exist_is_flagged() -> None:
    capture = line("A: relancer la CAF le 31/02")
    assert capture.due is None
    assert capture.bad_date == "31/02"
    assert "31/02" in capture.text
    assert capture.flagged


def test_e_mail_addresses_are_not_names() -> None:
    capture = line("A: écrire à secretariat@mairie.fr")
    assert capture.owner_id is None
    assert capture.unknown == ()
    assert capture.text == "écrire à secretariat@mairie.fr"


def test_dates_read_against_the_meeting_day() -> None:
    assert line("A: relancer 15/01").due == date(2027, 1, 15)
    later = parse_line("A: relancer 15/01", 0, PEOPLE, date(2027, 2, 1))
    assert later is not None and later.due == date(2028, 1, 15)


def test_parse_notes_gives_line_numbers() -> None:
    notes = "- tour de table\nD: adopter le budget\n\nA: envoyer le PV @Martine"
    captures = parse_notes(notes, PEOPLE, DAY)
    assert [(c.kind, c.line) for c in captures] == [(CaptureKind.DECISION, 1),
                                                    (CaptureKind.ACTION, 3)]


def test_strip_captures_keeps_the_rest() -> None:
    notes = "- tour de table\nD: adopter le budget\n- débat\nA: envoyer le PV"
    assert strip_captures(notes) == "- tour de table\n- débat"


def test_mentions_for_completion() -> None:
    assert mention("Mairie de L'Isle (DGS)") == "@Mairie_de_L'Isle_DGS"
    assert mention_being_typed("A: envoyer @mar") == (11, "mar")
    assert mention_being_typed("A: envoyer @") == (11, "")
    assert mention_being_typed("écrire à jean@mai") is None
    assert mention_being_typed("A: envoyer @mar et") is None
    suggestions = PEOPLE.suggest("mar")
    assert {MARTINE, MARTIN} <= {actor_id for actor_id, _name in suggestions}
    assert PEOPLE.resolve(mention("Julie Petit-Lefèvre")[1:]) == JULIE


# ---------------------------------------------------------------------------- records


def meeting_with(notes: str) -> tuple[Meeting, AgendaItem]:
    item = AgendaItem(title="Point", notes=notes)
    return Meeting(title="COPIL", on=DAY, agenda=[item]), item


def typed(meeting: Meeting, item: AgendaItem, notes: str, backing: Backing) -> Backing:
    item.notes = notes
    return apply_captures(meeting, item, parse_notes(notes, PEOPLE, DAY), backing)


def test_lines_become_records_and_keep_their_ids_while_edited() -> None:
    meeting, item = meeting_with("")
    backing = typed(meeting, item, "D: adopter\nA: envoyer le PV @Martine 15/12", Backing())
    decision_id, action_id = meeting.decisions[0].id, meeting.actions[0].id
    assert meeting.actions[0].owner_id == MARTINE
    assert meeting.actions[0].agenda_item_id == item.id
    meeting.decisions[0].vote = Vote(yes=10)
    meeting.actions[0].status = ActionStatus.DONE
    backing = typed(meeting, item, "D: adopter le budget\nA: envoyer le PV @Julie 15/12",
                    backing)
    assert [d.id for d in meeting.decisions] == [decision_id]
    assert meeting.decisions[0].text == "adopter le budget"
    assert meeting.decisions[0].vote == Vote(yes=10)
    assert [a.id for a in meeting.actions] == [action_id]
    assert meeting.actions[0].owner_id == JULIE
    assert meeting.actions[0].status is ActionStatus.DONE
    backing = typed(meeting, item, "D: un nouveau point\nD: adopter le budget", backing)
    assert [d.text for d in meeting.decisions] == ["un nouveau point", "adopter le budget"]
    assert meeting.decisions[1].id == decision_id
    assert meeting.actions == []


def test_a_deleted_line_typed_again_gets_its_record_back() -> None:
    meeting, item = meeting_with("")
    backing = typed(meeting, item, "A: envoyer le PV", Backing())
    meeting.actions[0].status = ActionStatus.DONE
    action_id = meeting.actions[0].id
    backing = typed(meeting, item, "", backing)
    assert meeting.actions == []
    typed(meeting, item, "A: envoyer le PV", backing)
    assert meeting.actions[0].id == action_id
    assert meeting.actions[0].status is ActionStatus.DONE


def test_a_date_moved_by_hand_stays_until_the_line_changes_it() -> None:
    meeting, item = meeting_with("")
    backing = typed(meeting, item, "A: envoyer le PV 15/12\nD: adopter", Backing())
    meeting.actions[0].due = date(2027, 2, 1)  # postponed through a form
    backing = typed(meeting, item, "A: envoyer le PV 15/12\nD: adopter le budget", backing)
    assert meeting.actions[0].due == date(2027, 2, 1)
    typed(meeting, item, "A: envoyer le PV 20/12\nD: adopter le budget", backing)
    assert meeting.actions[0].due == date(2026, 12, 20)


def test_records_typed_in_forms_are_left_alone() -> None:
    from coop_tui.store.models import Decision

    meeting, item = meeting_with("D: adopter")
    by_form = Decision(text="ajouté par formulaire", agenda_item_id=item.id)
    meeting.decisions.append(by_form)
    backing = find_backing(meeting, item, parse_notes(item.notes, PEOPLE, DAY))
    assert backing.decisions == []  # "adopter" has no record yet
    backing = typed(meeting, item, "D: adopter", backing)
    assert by_form in meeting.decisions
    typed(meeting, item, "", backing)
    assert meeting.decisions == [by_form]


def test_backing_is_found_again_from_the_stored_text() -> None:
    meeting, item = meeting_with("")
    typed(meeting, item, "D: adopter\nA: envoyer le PV @Martine 15/12", Backing())
    found = find_backing(meeting, item, parse_notes(item.notes, PEOPLE, DAY))
    assert found.decisions == [meeting.decisions[0].id]
    assert found.actions == [meeting.actions[0].id]


# ---------------------------------------------------------------- owner first, no prefix


def test_a_line_that_starts_with_an_owner_is_an_action_without_a_prefix() -> None:
    capture = line("@Martine envoyer les simulations, 15/12")
    assert capture.kind is CaptureKind.ACTION
    assert (capture.text, capture.owner_id, capture.due) == (
        "envoyer les simulations", MARTINE, date(2026, 12, 15))
    assert capture_kind("- @Julie relancer la DDT, fin janvier") is CaptureKind.ACTION


def test_an_at_sign_inside_a_line_or_alone_is_still_a_note() -> None:
    assert capture_kind("on en reparle avec @Martine") is None
    assert capture_kind("@ la mairie") is None
    assert parse_line("écrire à contact@exemple.fr", 0, PEOPLE, DAY) is None


_WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéè ", min_size=1, max_size=30)


@given(what=_WORDS.filter(lambda text: text.strip()), day=st.integers(1, 28),
       month=st.integers(1, 12))
def test_owner_first_reads_as_the_prefixed_action(what: str, day: int, month: int) -> None:
    """``@owner what, date`` and ``A: what @owner date`` say the same action."""
    bare = parse_line(f"@Martine {what}, {day}/{month}", 0, PEOPLE, DAY)
    prefixed = parse_line(f"A: @Martine {what}, {day}/{month}", 0, PEOPLE, DAY)
    assert bare is not None and prefixed is not None
    assert (bare.kind, bare.text, bare.owner_id, bare.due) == (
        prefixed.kind, prefixed.text, prefixed.owner_id, prefixed.due)
    assert bare.owner_id == MARTINE


@given(notes=st.lists(_WORDS, max_size=6), owner=st.sampled_from(["Martine", "Julie"]))
def test_an_owner_after_the_first_word_never_makes_an_action(notes: list[str],
                                                              owner: str) -> None:
    text = "\n".join(f"x{note} @{owner}" for note in notes)
    assert parse_notes(text, PEOPLE, DAY) == []


# ---------------------------------------------------------------- defect 5: ambiguous names


def test_an_ambiguous_name_is_not_settled_silently() -> None:
    """Issue 21, defect 5: two actors match « @Petit » as well: no owner is chosen, the
    candidates are offered (attendees first), and the whole name settles it."""
    bruno, julie = "44444444-4444-4444-8444-444444444444", "55555555-5555-4555-8555-555555555555"
    people = People([(bruno, "Bruno Petit"), (julie, "Julie Petit")], attendees={julie})
    capture = parse_line("@Petit relancer la DDT, 15/12", 0, people, DAY)
    assert capture is not None
    assert (capture.owner_id, capture.ambiguous, capture.unknown) == (None, ("Petit",), ())
    assert people.candidates("Petit") == [(julie, "Julie Petit"), (bruno, "Bruno Petit")]
    [choice] = unresolved_mentions("@Petit relancer la DDT, 15/12", people)
    assert (choice.start, choice.end, choice.typed) == (0, 6, "Petit")
    assert [name for _id, name in choice.candidates] == ["Julie Petit", "Bruno Petit"]
    settled = parse_line("@Bruno_Petit relancer la DDT", 0, people, DAY)
    assert settled is not None and settled.owner_id == bruno
    assert unresolved_mentions("@Bruno_Petit relancer la DDT", people) == []


def test_an_unknown_name_is_offered_as_a_new_actor() -> None:
    [choice] = unresolved_mentions("D: voir avec @Dupont", PEOPLE)
    assert (choice.typed, choice.candidates) == ("Dupont", ())
    assert unresolved_mentions("on verra avec @Dupont", PEOPLE) == []  # not a capture line
