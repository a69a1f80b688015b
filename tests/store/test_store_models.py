"""The models at the door of the store: cleaning, constraints, custom errors, round trips."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, time, timedelta, timezone
from typing import Any

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from coop_tui.store.models import (
    ERROR_MESSAGES,
    Action,
    ActionStatus,
    Actor,
    ActorKind,
    AgendaItem,
    AreaCommune,
    Attendance,
    Blockage,
    Channel,
    ChecklistItem,
    CommuneProfile,
    Contact,
    ContactEntry,
    Decision,
    Lever,
    LeverCategory,
    LeverStatus,
    LocalizedText,
    Means,
    Meeting,
    MeetingFormat,
    MeetingKind,
    MinutesStatus,
    Obligation,
    Presence,
    PrivateReading,
    Record,
    Relation,
    RelationKind,
    RoadmapItem,
    RoadmapStatus,
    Role,
    Territory,
    Thresholds,
    Vote,
    new_id,
)
from coop_tui.store.text import clean_line

# ---------------------------------------------------------------------------- helpers


def error_of(call: Any) -> dict[str, Any]:
    """The single error a model raises when built by ``call``."""
    with pytest.raises(ValidationError) as caught:
        call()
    errors = caught.value.errors(include_url=False)
    assert len(errors) == 1, errors
    return dict(errors[0])


def territory(**fields: Any) -> Territory:
    base: dict[str, Any] = {
        "name": "CC du Val Test",
        "mandate_start": date(2020, 7, 1),
        "mandate_end": date(2026, 3, 31),
    }
    return Territory(**(base | fields))


def meeting(**fields: Any) -> Meeting:
    return Meeting(**({"title": "COPIL mutualisation", "on": date(2026, 3, 12)} | fields))


# ---------------------------------------------------------------------------- text


def test_names_are_trimmed_and_never_empty() -> None:
    assert Actor(name="  Mairie de Brêves \t", kind="commune").name == "Mairie de Brêves"
    for blank in ("", "   ", "\t\n", "\x1b[31m", "\x07\x00"):
        error = error_of(lambda blank=blank: Actor(name=blank, kind="commune"))
        assert error["type"] == "empty_text"
        assert error["loc"] == ("name",)
        assert error["msg"] == ERROR_MESSAGES["empty_text"]


def test_escape_sequences_and_controls_are_stripped_from_names() -> None:
    raw = (
        "A\x1b[2JB"  # CSI: clear screen
        "\x07C"  # BEL
        "\x1b]0;window title\x07D"  # OSC ended by BEL
        "\x1b]8;;https://evil.example\x1b\\E\x1b]8;;\x1b\\"  # OSC 8 hyperlink, ended by ST
        "\x9b31mF"  # 8-bit CSI
        "\x1bPq#0\x1b\\G"  # DCS
        "\x1bcH"  # two-character escape (reset)
        "\x00\x7f\x85I"
    )
    assert Actor(name=raw, kind="service").name == "ABCDEFGH I"


def test_names_are_one_line_and_notes_keep_their_lines() -> None:
    actor = Actor(
        name="Direction\ngénérale\r\ndes services\u2028DGS",
        kind="service",
        responsibilities="Ligne 1\r\nLigne 2\rLigne 3\u2029\tretrait\x1b[1m gras\x1b[0m\x0c",
    )
    assert actor.name == "Direction générale des services DGS"
    assert actor.responsibilities == "Ligne 1\nLigne 2\nLigne 3\n\tretrait gras"
    # A note keeps blank lines and leading spaces: only control characters go.
    assert Meeting(title="t", on=date(2026, 1, 5), private_notes="\n  a\n\n").private_notes == (
        "\n  a\n\n"
    )


def test_lone_surrogates_are_not_text() -> None:
    # A lone surrogate cannot be encoded in UTF-8, so it could never reach the file.
    assert Actor(name="Élu\ud800 X", kind="elected").name == "Élu X"
    assert Blockage(text="x", reason="a\udfffb").reason == "ab"


# ---------------------------------------------------------------------------- numbers


@pytest.mark.parametrize("field", ["influence", "interest"])
def test_influence_and_interest_are_one_to_five(field: str) -> None:
    assert getattr(PrivateReading(**{field: 1}), field) == 1
    assert getattr(PrivateReading(**{field: 5}), field) == 5
    assert error_of(lambda: PrivateReading(**{field: 0}))["type"] == "greater_than_equal"
    assert error_of(lambda: PrivateReading(**{field: 6}))["type"] == "less_than_equal"


def test_other_bounded_numbers() -> None:
    assert error_of(lambda: Relation(source_id=str(uuid.uuid4()), target_id=str(uuid.uuid4()),
                                     kind="tension", strength=4))["loc"] == ("strength",)
    assert error_of(lambda: RoadmapItem(objective="o", progress=101))["loc"] == ("progress",)
    assert error_of(lambda: Means(budget_eur=-1))["loc"] == ("budget_eur",)
    assert error_of(lambda: Thresholds(channel_coverage_percent=120))["type"] == (
        "less_than_equal"
    )
    assert error_of(lambda: meeting(voting_members=0))["loc"] == ("voting_members",)


# ---------------------------------------------------------------------------- dates


def test_dates_must_be_real_calendar_dates() -> None:
    error = error_of(lambda: ContactEntry(on="2026-02-31", channel="email"))
    assert error["loc"] == ("on",)
    assert error_of(lambda: meeting(on="2026-13-01"))["loc"] == ("on",)
    assert error_of(lambda: RoadmapItem(objective="o", due="2025-02-29"))["loc"] == ("due",)
    assert ContactEntry(on="2024-02-29", channel="email").on == date(2024, 2, 29)


def test_roadmap_due_before_start_is_refused() -> None:
    error = error_of(lambda: RoadmapItem(objective="Pacte financier", start=date(2026, 5, 1),
                                         due=date(2026, 4, 30)))
    assert error["type"] == "date_order"
    assert error["msg"] == ERROR_MESSAGES["date_order"].format(start="2026-05-01",
                                                               due="2026-04-30")
    same_day = RoadmapItem(objective="o", start=date(2026, 5, 1), due=date(2026, 5, 1))
    assert same_day.due == same_day.start


def test_meeting_must_end_after_it_starts() -> None:
    for end in (time(9, 0), time(8, 59)):
        error = error_of(lambda end=end: meeting(start=time(9, 0), end=end))
        assert error["type"] == "time_order"
        assert error["msg"] == ERROR_MESSAGES["time_order"].format(
            start="09:00", end=end.strftime("%H:%M"))
    assert meeting(start=time(9, 0), end=time(9, 1)).duration_minutes() == 1


def test_mandate_must_end_after_it_starts() -> None:
    error = error_of(lambda: territory(mandate_start=date(2026, 1, 1),
                                       mandate_end=date(2025, 12, 31)))
    assert error["type"] == "mandate_order"


def test_a_commune_is_listed_once_whatever_its_case() -> None:
    error = error_of(lambda: territory(communes=["Saint-Brès", "Lunel", "SAINT-BRÈS"]))
    assert error["type"] == "duplicate_name"
    assert error["loc"] == ("communes",)
    assert error["msg"] == ERROR_MESSAGES["duplicate_name"].format(name="SAINT-BRÈS")
    assert territory(communes=["Saint-Brès", "Saint-Brès-le-Haut"]).communes[1] == \
        "Saint-Brès-le-Haut"


# ---------------------------------------------------------------------------- enums, ids


def test_unknown_enum_values_are_refused() -> None:
    assert error_of(lambda: Actor(name="x", kind="mayor"))["type"] == "enum"
    assert error_of(lambda: Actor(name="x", kind="commune", channels=["pigeon"]))["loc"] == (
        "channels", 0)
    assert error_of(lambda: meeting(kind="party"))["type"] == "enum"
    assert error_of(lambda: Attendance(actor_id=str(uuid.uuid4()), status="late"))["loc"] == (
        "status",)
    assert error_of(lambda: PrivateReading(role="boss"))["type"] == "enum"


def test_ids_must_be_uuids() -> None:
    for bad in ("", "12", "not-a-uuid", "0123456789abcdef0123456789abcdeg"):
        error = error_of(lambda bad=bad: Actor(id=bad, name="x", kind="commune"))
        assert error["type"] == "bad_id"
        assert error["msg"] == ERROR_MESSAGES["bad_id"]
    assert error_of(lambda: Actor(name="x", kind="commune", parent_id="x"))["type"] == "bad_id"
    assert error_of(lambda: AgendaItem(id="1", title="t"))["type"] == "bad_id"
    # Any spelling of a UUID is kept in its canonical form.
    raw = uuid.uuid4()
    assert Actor(id=raw.hex.upper(), name="x", kind="commune").id == str(raw)


def test_a_relation_cannot_link_an_actor_to_itself() -> None:
    same = str(uuid.uuid4())
    error = error_of(lambda: Relation(source_id=same, target_id=same, kind="cooperation"))
    assert error["type"] == "self_reference"
    assert error["msg"] == ERROR_MESSAGES["self_reference"]


def test_an_actor_cannot_be_its_own_parent() -> None:
    actor_id = str(uuid.uuid4())
    error = error_of(lambda: Actor(id=actor_id, name="x", kind="service", parent_id=actor_id))
    assert error["type"] == "self_reference"
    actor = Actor(name="x", kind="service")
    with pytest.raises(ValidationError):
        actor.parent_id = actor.id  # assignments are validated too


def test_an_objective_cannot_depend_on_itself_or_list_twice() -> None:
    item_id = str(uuid.uuid4())
    assert error_of(lambda: RoadmapItem(id=item_id, objective="o", depends_on=[item_id]))[
        "type"] == "self_reference"
    owner = str(uuid.uuid4())
    assert error_of(lambda: RoadmapItem(objective="o", owner_ids=[owner, owner]))[
        "type"] == "duplicate_item"


def test_a_represented_member_needs_a_proxy() -> None:
    member = str(uuid.uuid4())
    error = error_of(lambda: meeting(attendance=[Attendance(actor_id=member,
                                                            status="represented")]))
    assert error["type"] == "proxy_missing"
    assert error["msg"] == ERROR_MESSAGES["proxy_missing"]
    ok = meeting(attendance=[Attendance(actor_id=member, status="represented",
                                        proxy_id=str(uuid.uuid4()))])
    assert ok.attendance[0].status is Presence.REPRESENTED
    twice = [Attendance(actor_id=member), Attendance(actor_id=member, status="absent")]
    assert error_of(lambda: meeting(attendance=twice))["type"] == "duplicate_item"


def test_emails_unknown_fields_and_assignments() -> None:
    assert error_of(lambda: Contact(email="mairie.example.fr"))["type"] == "bad_email"
    assert error_of(lambda: Contact(email="a@b"))["type"] == "bad_email"
    assert Contact(email="  dgs@cc-val.fr ").email == "dgs@cc-val.fr"
    unknown = {"name": "x", "kind": "commune", "nickname": "y"}
    assert error_of(lambda: Actor.model_validate(unknown))["type"] == "extra_forbidden"
    actor = Actor(name="x", kind="commune")
    with pytest.raises(ValidationError):
        actor.name = "  "
    assert actor.name == "x"


def test_preferred_channel_is_a_known_channel() -> None:
    actor = Actor(name="x", kind="elected", channels=["email"], preferred_channel="phone")
    assert actor.channels == [Channel.PHONE, Channel.EMAIL]
    assert actor.known_channel() is Channel.PHONE


def test_custom_error_types_are_all_known() -> None:
    """Every custom type a model raises has a message template for the interface."""
    same = str(uuid.uuid4())
    cases = [
        lambda: Actor(name="", kind="commune"),
        lambda: Actor(id="x", name="a", kind="commune"),
        lambda: RoadmapItem(objective="o", start=date(2026, 2, 2), due=date(2026, 2, 1)),
        lambda: meeting(start=time(10), end=time(9)),
        lambda: territory(mandate_start=date(2026, 1, 2), mandate_end=date(2026, 1, 1)),
        lambda: Relation(source_id=same, target_id=same, kind="funding"),
        lambda: Contact(email="x"),
        lambda: meeting(attendance=[Attendance(actor_id=same, status="represented")]),
        lambda: RoadmapItem(objective="o", partner_ids=[same, same]),
        lambda: territory(communes=["Lunel", "lunel"]),
        lambda: Obligation(title="Rapport"),
        lambda: Obligation(rule="convocation", met_on=date(2026, 1, 1), dismissed="why"),
        lambda: AreaCommune(actor_id=same, insee="123"),
    ]
    raised = {error_of(case)["type"] for case in cases}
    assert raised == set(ERROR_MESSAGES)


# ---------------------------------------------------------------------------- properties

# Pieces a hostile or careless paste may carry, mixed with arbitrary text.
_NASTY = [
    "\x1b", "\x1b[", "\x1b[31m", "\x1b[2J", "\x1b]8;;http://x\x07", "\x1b]0;t\x1b\\",
    "\x1bP", "\x1b\\", "\x9b", "\x9b1;2H", "\x9d", "\x90", "\x07", "\x00", "\x7f", "\x85",
    "\r", "\r\n", "\n", "\t", "\x0b", "\x0c", "\u2028", "\u2029", "\ud800", "\udfff",
    "[", "]", ";", " ", "é", "œ", "🙂", "\u200b",
]
hostile_text = st.lists(
    st.one_of(st.text(st.characters(exclude_categories=())), st.sampled_from(_NASTY)),
    max_size=12,
).map("".join)


def _forbidden(char: str, keep: str) -> bool:
    point = ord(char)
    return char not in keep and (
        point < 0x20 or 0x7F <= point <= 0x9F or 0xD800 <= point <= 0xDFFF
    )


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_text)
def test_text_fields_never_hold_escapes_or_controls(raw: str) -> None:
    try:
        name = Blockage(text=raw).text  # a Name
    except ValidationError as error:
        assert [e["type"] for e in error.errors()] == ["empty_text"]
        assert clean_line(raw) == ""
    else:
        assert name and name == name.strip()
        assert not any(_forbidden(char, keep="") for char in name)
        assert Blockage(text=name).text == name  # cleaning is stable
        name.encode()  # whatever came in can be written as UTF-8
    line = Contact(phone=raw).phone  # a Line, may be empty
    assert not any(_forbidden(char, keep="") for char in line)
    line.encode()
    note = Blockage(text="x", reason=raw).reason  # a Text
    assert not any(_forbidden(char, keep="\n\t") for char in note)
    assert Blockage(text="x", reason=note).reason == note
    note.encode()


# Strategies for valid records, every field drawn.

names = st.text(min_size=1, max_size=24).filter(lambda s: clean_line(s) != "")
texts = st.text(max_size=40)
ids = st.uuids().map(str)
days = st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31))
zones = st.sampled_from([UTC, timezone(timedelta(hours=2)), timezone(-timedelta(hours=9,
                                                                               minutes=30))])
moments = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2099, 1, 1),
                       timezones=zones)
finite = st.floats(min_value=0, max_value=1e12, allow_nan=False, allow_infinity=False)
staff = st.floats(min_value=0, max_value=1e6, allow_nan=False, allow_infinity=False)
emails = st.sampled_from(["", "dgs@cc-val.fr", "élu.maire@commune-exemple.fr"])
localized = st.builds(LocalizedText, fr=texts, en=texts)


def record_fields(draw: st.DrawFn) -> dict[str, Any]:
    return {"id": draw(ids), "created": draw(moments), "updated": draw(moments)}


def commune_key(name: str) -> str:
    """What the model compares communes by: two names with the same key are one commune."""
    return clean_line(name).casefold()


@st.composite
def territories(draw: st.DrawFn) -> Territory:
    start = draw(days)
    return Territory(
        **record_fields(draw),
        name=draw(names),
        communes=draw(st.lists(names, max_size=4, unique_by=commune_key)),
        mandate_start=start,
        mandate_end=start + timedelta(days=draw(st.integers(0, 3000))),
        language=draw(st.sampled_from(["fr", "en"])),
        thresholds=Thresholds(
            follower_contact_days=draw(st.integers(1, 3650)),
            meeting_cadence_factor=draw(st.floats(1.0, 10.0)),
            channel_coverage_percent=draw(st.integers(0, 100)),
            assessed_percent=draw(st.integers(0, 100)),
            category_gap_percent=draw(st.integers(0, 100)),
        ),
        last_minutes_export=draw(st.none() | moments),
        last_status_report=draw(st.none() | moments),
    )


@st.composite
def actors(draw: st.DrawFn, parents: tuple[str, ...] = ()) -> Actor:
    fields = record_fields(draw)
    channels = draw(st.lists(st.sampled_from(Channel), unique=True, max_size=4))
    parent = draw(st.none() | (st.sampled_from(parents) if parents else ids))
    if parent == fields["id"]:
        parent = None
    return Actor(
        **fields,
        name=draw(names),
        kind=draw(st.sampled_from(ActorKind)),
        parent_id=parent,
        responsibilities=draw(texts),
        competences=draw(texts),
        channels=channels,
        preferred_channel=draw(st.none() | st.sampled_from(channels)) if channels else None,
        contact=Contact(email=draw(emails), phone=draw(texts), address=draw(texts)),
        tags=draw(st.lists(names, max_size=3)),
        contact_log=draw(st.lists(st.builds(ContactEntry, id=ids, on=days,
                                            channel=st.sampled_from(Channel), subject=texts),
                                  max_size=3)),
        commune=draw(st.none() | st.builds(
            CommuneProfile, population=st.none() | st.integers(0, 10**8),
            council_rhythm=texts, mayor=texts, deputies=st.lists(names, max_size=3),
            secretary=texts, shared_services=texts)),
        private=PrivateReading(
            role=draw(st.none() | st.sampled_from(Role)),
            influence=draw(st.none() | st.integers(1, 5)),
            interest=draw(st.none() | st.integers(1, 5)),
            blockages=draw(st.lists(st.builds(Blockage, id=ids, text=names, reason=texts),
                                    max_size=2)),
            stance=draw(texts),
        ),
    )


@st.composite
def relations(draw: st.DrawFn, actor_ids: tuple[str, ...] = ()) -> Relation:
    pool = st.sampled_from(actor_ids) if len(actor_ids) >= 2 else ids
    source = draw(pool)
    target = draw(pool.filter(lambda ref: ref != source))
    return Relation(**record_fields(draw), source_id=source, target_id=target,
                    kind=draw(st.sampled_from(RelationKind)), strength=draw(st.integers(1, 3)),
                    note=draw(texts))


@st.composite
def levers(draw: st.DrawFn, owners: tuple[str, ...] = ()) -> Lever:
    return Lever(
        **record_fields(draw),
        key=draw(st.sampled_from(["", "schema_mutualisation", "pacte_financier"])),
        category=draw(st.sampled_from(LeverCategory)),
        position=draw(st.integers(-5, 500)),
        title=draw(localized),
        description=draw(localized),
        items=draw(st.lists(st.builds(ChecklistItem, id=ids, key=texts, text=localized,
                                      done=st.booleans(), done_on=st.none() | days),
                            max_size=3)),
        status=draw(st.sampled_from(LeverStatus)),
        owner_id=draw(st.none() | (st.sampled_from(owners) if owners else ids)),
        due=draw(st.none() | days),
        notes=draw(texts),
        evidence=draw(st.lists(texts, max_size=3)),
    )


@st.composite
def roadmap_items(draw: st.DrawFn) -> RoadmapItem:
    fields = record_fields(draw)
    start = draw(st.none() | days)
    due = draw(st.none() | days)
    if start and due and due < start:
        start, due = due, start
    return RoadmapItem(
        **fields,
        objective=draw(names),
        description=draw(texts),
        start=start,
        due=due,
        means=Means(budget_eur=draw(st.none() | finite), staff_fte=draw(st.none() | staff),
                    text=draw(texts)),
        status=draw(st.sampled_from(RoadmapStatus)),
        progress=draw(st.integers(0, 100)),
        milestone=draw(st.booleans()),
        indicator=draw(texts),
    )


@st.composite
def meetings(draw: st.DrawFn, members: tuple[str, ...] = ()) -> Meeting:
    fields = record_fields(draw)
    start = draw(st.none() | st.times())
    end = draw(st.none() | st.times())
    if start is not None and end is not None and end <= start:
        end = None
    people = st.sampled_from(members) if members else ids
    attendance = []
    for actor_id in draw(st.lists(people, unique=True, max_size=4)):
        status = draw(st.sampled_from(Presence))
        proxy = draw(people) if status is Presence.REPRESENTED else draw(st.none() | people)
        attendance.append(Attendance(actor_id=actor_id, status=status, proxy_id=proxy,
                                     substitute=draw(texts), voting=draw(st.booleans())))
    agenda = draw(st.lists(st.builds(AgendaItem, id=ids, title=names,
                                     planned_minutes=st.integers(0, 24 * 60), notes=texts,
                                     elapsed_seconds=st.integers(0, 10**6)), max_size=3))
    counts = st.integers(0, 500)
    votes = st.none() | st.builds(Vote, yes=counts, no=counts, abstain=counts,
                                  public=st.booleans(), yes_names=st.lists(names, max_size=2))
    return Meeting(
        **fields,
        title=draw(names),
        kind=draw(st.sampled_from(MeetingKind)),
        on=draw(days),
        start=start,
        end=end,
        place=draw(texts),
        format=draw(st.sampled_from(MeetingFormat)),
        facilitator_id=draw(st.none() | people),
        note_taker_id=draw(st.none() | people),
        voting_members=draw(st.none() | st.integers(1, 200)),
        attendance=attendance,
        agenda=agenda,
        decisions=draw(st.lists(st.builds(Decision, id=ids, text=names,
                                          agenda_item_id=st.none() | ids, vote=votes),
                                max_size=3)),
        actions=draw(st.lists(st.builds(Action, id=ids, text=names,
                                        owner_id=st.none() | people, owner_name=texts,
                                        due=st.none() | days,
                                        status=st.sampled_from(ActionStatus),
                                        done_on=st.none() | days), max_size=3)),
        private_notes=draw(texts),
        next_meeting_on=draw(st.none() | days),
        next_meeting_note=draw(texts),
        minutes_status=draw(st.sampled_from(MinutesStatus)),
    )


any_record = st.one_of(territories(), actors(), relations(), levers(), roadmap_items(),
                       meetings())


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_record)
def test_json_dump_and_validate_round_trip(record: Record) -> None:
    kind = type(record)
    document = record.model_dump(mode="json")
    assert kind.model_validate(document) == record
    # Through the bytes of a file, as the store writes and reads them.
    assert kind.model_validate(orjson.loads(orjson.dumps(document))) == record
    assert kind.model_validate_json(record.model_dump_json()) == record


def test_round_trip_notices_a_changed_field() -> None:
    """The equality the round trip relies on does see every field."""
    actor = Actor(name="x", kind="commune", private=PrivateReading(influence=3))
    document = actor.model_dump(mode="json")
    document["private"]["influence"] = 4
    assert Actor.model_validate(document) != actor


def test_records_read_with_every_field_share_one_set_of_field_names() -> None:
    """The memory saving of reading a store: full records share their class's set of
    names, and sharing it changes nothing a record says or does."""
    stored = Actor(name="Hélène", kind=ActorKind.ELECTED).model_dump(mode="json")
    first = Actor.model_validate(stored)
    second = Actor.model_validate(stored | {"id": new_id(), "name": "Paul"})
    assert first.model_fields_set is second.model_fields_set
    assert first.model_fields_set == set(Actor.model_fields)
    first.name = "Hélène Giraud"
    first.private.influence = 4
    assert second.name == "Paul" and second.private.influence is None
    assert first.model_fields_set == second.model_fields_set == set(Actor.model_fields)
    partial = Actor(name="Zoé", kind=ActorKind.ELECTED)
    assert partial.model_fields_set == {"name", "kind"}
    assert partial.model_dump(exclude_unset=True) == {"name": "Zoé", "kind": "elected"}
