"""Which actors the table shows, and in which order."""

from __future__ import annotations

from datetime import date

from coop_tui.core.insights.actors import Quadrant, actor_figures
from coop_tui.screens.actors.filters import (
    NONE,
    NOT_ASSESSED,
    ActorFilter,
    Focus,
    SortColumn,
    all_tags,
    apply,
    sort_columns,
    sorted_actors,
    text_matches,
)
from coop_tui.store.models import (
    Actor,
    ActorKind,
    Channel,
    ContactEntry,
    PrivateReading,
    Relation,
    RelationKind,
    Role,
    Thresholds,
)

TODAY = date(2026, 11, 26)


def actor(name: str, kind: ActorKind = ActorKind.ELECTED, role: Role | None = None,
          influence: int | None = None, interest: int | None = None,
          tags: tuple[str, ...] = (), channels: tuple[Channel, ...] = (),
          last: date | None = None) -> Actor:
    return Actor(
        name=name, kind=kind, tags=list(tags), channels=list(channels),
        private=PrivateReading(role=role, influence=influence, interest=interest),
        contact_log=[ContactEntry(on=last, channel=Channel.PHONE)] if last else [],
    )


BERTRAND = actor("Gérard Bertrand", role=Role.DRIVER, influence=3, interest=5,
                 tags=("maire", "bureau"), channels=(Channel.PHONE,), last=date(2026, 10, 28))
HELENE = actor("Hélène Giraud", role=Role.FOLLOWER, influence=2, interest=4, tags=("maire",),
               last=date(2026, 5, 1))
VERNAY = actor("Vernay", ActorKind.COMMUNE, Role.COUNTERWEIGHT, 5, 2, tags=("commune",),
               channels=(Channel.EMAIL,), last=date(2026, 11, 13))
CAF = actor("Caisse d'allocations familiales (CAF)", ActorKind.PUBLIC_BODY,
            channels=(Channel.MAIL,))
ALL = [BERTRAND, HELENE, VERNAY, CAF]


def names(actors: list[Actor]) -> list[str]:
    return [a.name for a in actors]


def shown(wanted: ActorFilter, relations: list[Relation] | None = None) -> list[str]:
    figures = actor_figures(ALL, relations or [], TODAY, Thresholds())
    return names(apply(wanted, ALL, figures))


def test_no_filter_shows_everyone() -> None:
    assert shown(ActorFilter()) == names(ALL)
    assert not ActorFilter().active


def test_text_ignores_accents_and_case() -> None:
    assert shown(ActorFilter(text="helene")) == ["Hélène Giraud"]
    assert shown(ActorFilter(text="BERT")) == ["Gérard Bertrand"]
    assert shown(ActorFilter(text="caf")) == [CAF.name]


def test_text_finds_tags_and_every_word() -> None:
    assert shown(ActorFilter(text="maire")) == ["Gérard Bertrand", "Hélène Giraud"]
    assert shown(ActorFilter(text="maire bureau")) == ["Gérard Bertrand"]


def test_text_forgives_a_typo_once_long_enough() -> None:
    assert shown(ActorFilter(text="bertrnad")) == ["Gérard Bertrand"]
    assert shown(ActorFilter(text="zzz")) == []
    assert text_matches("", ALL) == {a.id for a in ALL}


def test_kind_role_tag_and_quadrant() -> None:
    assert shown(ActorFilter(kind=ActorKind.COMMUNE.value)) == ["Vernay"]
    assert shown(ActorFilter(role=Role.FOLLOWER.value)) == ["Hélène Giraud"]
    assert shown(ActorFilter(role=NONE)) == [CAF.name]
    assert shown(ActorFilter(tag="maire")) == ["Gérard Bertrand", "Hélène Giraud"]
    assert shown(ActorFilter(quadrant=Quadrant.KEEP_SATISFIED.value)) == ["Vernay"]
    assert shown(ActorFilter(quadrant=Quadrant.KEEP_INFORMED.value)) == ["Hélène Giraud"]
    assert shown(ActorFilter(quadrant=NOT_ASSESSED)) == [CAF.name]


def test_filters_combine() -> None:
    wanted = ActorFilter(tag="maire", role=Role.DRIVER.value, text="gerard")
    assert wanted.active
    assert shown(wanted) == ["Gérard Bertrand"]


def test_focus_on_a_figure() -> None:
    assert shown(ActorFilter(focus=Focus.NO_CHANNEL.value)) == ["Hélène Giraud"]
    assert shown(ActorFilter(focus=Focus.TO_CONTACT.value)) == ["Hélène Giraud"]
    tension = Relation(source_id=BERTRAND.id, target_id=VERNAY.id, kind=RelationKind.TENSION)
    assert shown(ActorFilter(focus=Focus.TENSION.value), [tension]) == ["Gérard Bertrand",
                                                                         "Vernay"]


def test_tags_in_alphabetical_order() -> None:
    assert all_tags(ALL) == ["bureau", "commune", "maire"]


def column(key: str) -> SortColumn:
    return next(c for c in sort_columns(TODAY) if c.key == key)


def test_sort_by_name_ignores_accents() -> None:
    assert names(sorted_actors(ALL, column("name"), False)) == [
        CAF.name, "Gérard Bertrand", "Hélène Giraud", "Vernay"]
    assert names(sorted_actors(ALL, column("name"), True))[0] == "Vernay"


def test_scores_sort_highest_first_unknown_last() -> None:
    assert names(sorted_actors(ALL, column("influence"), False)) == [
        "Vernay", "Gérard Bertrand", "Hélène Giraud", CAF.name]
    assert names(sorted_actors(ALL, column("interest"), True))[0] == CAF.name


def test_last_contact_sorts_the_longest_silence_first() -> None:
    assert names(sorted_actors(ALL, column("contact"), False)) == [
        CAF.name, "Hélène Giraud", "Gérard Bertrand", "Vernay"]


def test_role_sorts_in_the_roles_order() -> None:
    assert names(sorted_actors(ALL, column("role"), False)) == [
        "Gérard Bertrand", "Hélène Giraud", "Vernay", CAF.name]
