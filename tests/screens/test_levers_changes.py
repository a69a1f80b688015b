"""What the keys of the levers screen do to the records, without the screen."""

from __future__ import annotations

from datetime import date

from coop_tui.screens.levers.changes import (
    STATUS_CYCLE,
    add_item,
    cycle_status,
    differs_from_catalogue,
    move_item,
    move_lever,
    next_position,
    next_status,
    ordered,
    remove_item,
    rename_item,
    rename_lever,
    restore_catalogue,
    serving,
    toggle_item,
    unlinked,
    with_text,
)
from coop_tui.store.catalogue import catalogue_levers, catalogue_spec
from coop_tui.store.models import (
    Lever,
    LeverCategory,
    LeverStatus,
    LocalizedText,
    RoadmapItem,
)

TODAY = date(2026, 11, 26)


def catalogue(key: str) -> Lever:
    return next(lever for lever in catalogue_levers() if lever.key == key)


def own(title: str = "Pacte de gouvernance", position: int = 9,
        category: LeverCategory = LeverCategory.REGULATORY) -> Lever:
    return Lever(category=category, position=position, title=LocalizedText(fr=title))


def test_the_status_cycle_comes_back_to_the_start() -> None:
    status = LeverStatus.TODO
    seen = []
    for _step in STATUS_CYCLE:
        status = next_status(status)
        seen.append(status)
    assert seen == [LeverStatus.IN_PROGRESS, LeverStatus.DONE, LeverStatus.NOT_APPLICABLE,
                    LeverStatus.TODO]
    lever = catalogue("power_games")
    changed = cycle_status(lever)
    assert changed.status is LeverStatus.IN_PROGRESS
    assert lever.status is LeverStatus.TODO  # the live record is left alone


def test_ticking_dates_the_item_and_starts_the_lever() -> None:
    lever = catalogue("power_games")
    item_id = lever.items[1].id
    ticked = toggle_item(lever, item_id, TODAY)
    assert ticked.items[1].done and ticked.items[1].done_on == TODAY
    assert ticked.status is LeverStatus.IN_PROGRESS
    assert not lever.items[1].done
    unticked = toggle_item(ticked, item_id, TODAY)
    assert not unticked.items[1].done and unticked.items[1].done_on is None
    assert unticked.status is LeverStatus.IN_PROGRESS  # never moved back on its own
    done = lever.model_copy(update={"status": LeverStatus.DONE})
    assert toggle_item(done, item_id, TODAY).status is LeverStatus.DONE


def test_the_words_shown_are_the_ones_edited() -> None:
    both = LocalizedText(fr="Pacte financier et fiscal", en="Financial and fiscal pact")
    assert with_text(both, "en", "Fiscal pact") == LocalizedText(
        fr="Pacte financier et fiscal", en="Fiscal pact")
    assert with_text(both, "fr", "Pacte fiscal").fr == "Pacte fiscal"
    french_only = LocalizedText(fr="Pacte de gouvernance")
    # Read in English, a lever typed in French shows its French words: those are edited.
    assert with_text(french_only, "en", "Pacte de gouvernance 2026") == LocalizedText(
        fr="Pacte de gouvernance 2026")
    assert with_text(LocalizedText(), "en", "New") == LocalizedText(en="New")


def test_rename_a_lever_and_an_item() -> None:
    lever = catalogue("common_culture")
    renamed = rename_lever(lever, "fr", "Une culture commune")
    assert renamed.title.fr == "Une culture commune"
    assert renamed.title.en == lever.title.en
    item_id = lever.items[2].id
    changed = rename_item(lever, item_id, "en", "Our own signature")
    assert changed.items[2].text.en == "Our own signature"
    assert changed.items[2].text.fr == lever.items[2].text.fr
    assert changed.items[2].key == lever.items[2].key
    assert lever.items[2].text.en != "Our own signature"


def test_add_and_remove_items_of_ones_own() -> None:
    lever = catalogue("power_games")
    at_end, item = add_item(lever, "fr", "Cartographier les financeurs")
    assert at_end.items[-1] == item and item.key == "" and item.text.fr.startswith("Carto")
    after_first, second = add_item(lever, "en", "Map the funders", lever.items[0].id)
    assert after_first.items[1] == second
    assert len(lever.items) == 4
    removed = remove_item(after_first, second.id)
    assert [i.id for i in removed.items] == [i.id for i in lever.items]


def test_move_an_item() -> None:
    lever = catalogue("power_games")
    first, second = lever.items[0].id, lever.items[1].id
    down = move_item(lever, first, 1)
    assert down is not None and [i.id for i in down.items[:2]] == [second, first]
    assert move_item(lever, first, -1) is None
    assert move_item(lever, lever.items[-1].id, 1) is None
    assert move_item(lever, "missing", 1) is None


def test_move_a_lever_within_its_category() -> None:
    levers = [*catalogue_levers(), own()]
    regulatory = ordered(levers, LeverCategory.REGULATORY)
    assert [lever.key for lever in regulatory] == ["mutualisation_scheme",
                                                   "financial_fiscal_pact", ""]
    changed = move_lever(levers, regulatory[2].id, -1)
    by_id = {lever.id: lever for lever in levers}
    for lever in changed:
        by_id[lever.id] = lever
    after = ordered(list(by_id.values()), LeverCategory.REGULATORY)
    assert [lever.key for lever in after] == ["mutualisation_scheme", "", "financial_fiscal_pact"]
    assert {lever.id for lever in changed} == {regulatory[1].id, regulatory[2].id}
    # Other categories keep their order and positions.
    assert ordered(list(by_id.values()), LeverCategory.HUMAN) == ordered(levers,
                                                                         LeverCategory.HUMAN)
    assert move_lever(levers, regulatory[0].id, -1) == []
    assert move_lever(levers, "missing", 1) == []


def test_ties_in_position_are_spread_out_when_moving() -> None:
    first, second, third = ordered([own("A", 3), own("B", 3), own("C", 3)])
    changed = move_lever([first, second, third], third.id, -1)
    positions = {lever.id: lever.position for lever in [first, second, third]}
    positions.update({lever.id: lever.position for lever in changed})
    assert sorted(positions.values()) == [3, 4, 5]
    order = sorted(positions, key=positions.__getitem__)
    assert order.index(third.id) < order.index(second.id)


def test_a_new_lever_goes_last() -> None:
    assert next_position([]) == 0
    assert next_position([*catalogue_levers(), own(position=12)]) == 13


def test_restore_the_catalogue_text() -> None:
    lever = catalogue("financial_fiscal_pact")
    assert not differs_from_catalogue(lever)
    assert not differs_from_catalogue(own())
    edited = rename_lever(lever, "fr", "Pacte")
    edited = rename_item(edited, edited.items[0].id, "en", "Shared review")
    edited.items[0].done = True
    edited.notes = "Bilan présenté"
    edited.status = LeverStatus.IN_PROGRESS
    edited, mine = add_item(edited, "fr", "Simulations commune par commune")
    edited = remove_item(edited, edited.items[2].id)  # a catalogue item, gone
    assert differs_from_catalogue(edited)
    restored = restore_catalogue(edited)
    assert not differs_from_catalogue(restored)
    spec = catalogue_spec("financial_fiscal_pact")
    assert spec is not None
    assert restored.title == spec.title.localized()
    assert restored.description == spec.description.localized()
    assert [item.key for item in restored.items if item.key] == [i.key for i in spec.items]
    assert restored.items[0].done and restored.notes == "Bilan présenté"
    assert restored.status is LeverStatus.IN_PROGRESS
    assert mine in restored.items
    users = own()
    assert restore_catalogue(users) is users  # nothing to restore on the user's own lever


def test_description_edits_count_as_edited() -> None:
    lever = catalogue("cooperation_time")
    lever.description = LocalizedText(fr="Autre texte", en=lever.description.en)
    assert differs_from_catalogue(lever)
    assert not differs_from_catalogue(restore_catalogue(lever))


def test_roadmap_items_serving_a_lever_are_unlinked_on_delete() -> None:
    mine = own()
    linked = RoadmapItem(objective="Adopter le pacte", lever_id=mine.id)
    other = RoadmapItem(objective="Autre")
    assert serving([linked, other], mine.id) == [linked]
    (copy,) = unlinked([linked, other], mine.id)
    assert copy.id == linked.id and copy.lever_id is None
    assert linked.lever_id == mine.id
