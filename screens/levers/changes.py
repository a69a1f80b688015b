"""What each key of the levers screen does to the records, as pure functions.

Every function takes the live records and returns changed copies (``model_copy(deep=True)``)
ready for one ``repository.save``: a refused save leaves what is shown untouched.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from coop_tui.store.catalogue import LeverSpec, catalogue_spec
from coop_tui.store.models import (
    ChecklistItem,
    Lever,
    LeverCategory,
    LeverStatus,
    LocalizedText,
    RoadmapItem,
)

# The order a key press walks the statuses in.
STATUS_CYCLE: tuple[LeverStatus, ...] = (
    LeverStatus.TODO, LeverStatus.IN_PROGRESS, LeverStatus.DONE, LeverStatus.NOT_APPLICABLE,
)


def ordered(levers: Sequence[Lever], category: LeverCategory | None = None) -> list[Lever]:
    """Levers in the order the checklist shows them (position, then creation)."""
    chosen = [lever for lever in levers if category is None or lever.category is category]
    return sorted(chosen, key=lambda lever: (lever.position, lever.created, lever.id))


def next_status(status: LeverStatus) -> LeverStatus:
    return STATUS_CYCLE[(STATUS_CYCLE.index(status) + 1) % len(STATUS_CYCLE)]


def cycle_status(lever: Lever) -> Lever:
    changed = lever.model_copy(deep=True)
    changed.status = next_status(lever.status)
    return changed


def toggle_item(lever: Lever, item_id: str, today: date) -> Lever:
    """Tick or untick an item; the first tick sets a lever still "to do" in progress."""
    changed = lever.model_copy(deep=True)
    for item in changed.items:
        if item.id == item_id:
            item.done = not item.done
            item.done_on = today if item.done else None
            if item.done and changed.status is LeverStatus.TODO:
                changed.status = LeverStatus.IN_PROGRESS
    return changed


def with_text(text: LocalizedText, language: str, value: str) -> LocalizedText:
    """``text`` with the words shown in ``language`` replaced by ``value``.

    The words shown are those of ``language``, or of the other language when ``language``
    has none (a lever a user typed in French, read in English): that is what gets edited.
    """
    other = "en" if language == "fr" else "fr"
    own = text.fr if language == "fr" else text.en
    field = language if own or not getattr(text, other) else other
    return LocalizedText.model_validate({**text.model_dump(), field: value})


def rename_lever(lever: Lever, language: str, title: str) -> Lever:
    changed = lever.model_copy(deep=True)
    changed.title = with_text(lever.title, language, title)
    return changed


def rename_item(lever: Lever, item_id: str, language: str, text: str) -> Lever:
    changed = lever.model_copy(deep=True)
    changed.items = [
        item.model_copy(update={"text": with_text(item.text, language, text)})
        if item.id == item_id else item
        for item in changed.items
    ]
    return changed


def add_item(lever: Lever, language: str, text: str, after: str | None = None) -> tuple[
        Lever, ChecklistItem]:
    """A new item of the user's, after the item ``after`` or at the end."""
    changed = lever.model_copy(deep=True)
    item = ChecklistItem(text=LocalizedText(**{language: text}))
    index = next((i + 1 for i, old in enumerate(changed.items) if old.id == after),
                 len(changed.items))
    changed.items.insert(index, item)
    return changed, item


def remove_item(lever: Lever, item_id: str) -> Lever:
    changed = lever.model_copy(deep=True)
    changed.items = [item for item in changed.items if item.id != item_id]
    return changed


def move_item(lever: Lever, item_id: str, step: int) -> Lever | None:
    """The lever with the item moved one place up (-1) or down (+1); None at an end."""
    index = next((i for i, item in enumerate(lever.items) if item.id == item_id), None)
    if index is None or not 0 <= index + step < len(lever.items):
        return None
    changed = lever.model_copy(deep=True)
    items = changed.items
    items[index], items[index + step] = items[index + step], items[index]
    return changed


def move_lever(levers: Sequence[Lever], lever_id: str, step: int) -> list[Lever]:
    """The levers whose position changes when one moves a place within its category.

    Positions already used by the category are handed out again in the new order, so the
    other categories stay as they are; ties (hand-written files) are spread out first.
    """
    lever = next((lever for lever in levers if lever.id == lever_id), None)
    if lever is None:
        return []
    siblings = ordered(levers, lever.category)
    index = siblings.index(lever)
    if not 0 <= index + step < len(siblings):
        return []
    siblings[index], siblings[index + step] = siblings[index + step], siblings[index]
    slots = sorted(sibling.position for sibling in siblings)
    if len(set(slots)) < len(slots):
        slots = list(range(slots[0], slots[0] + len(slots)))
    changed: list[Lever] = []
    for sibling, slot in zip(siblings, slots, strict=True):
        if sibling.position != slot:
            copy = sibling.model_copy(deep=True)
            copy.position = slot
            changed.append(copy)
    return changed


def next_position(levers: Sequence[Lever]) -> int:
    """A position after every lever: a new lever goes to the end of its category."""
    return max((lever.position for lever in levers), default=-1) + 1


def _spec(lever: Lever) -> LeverSpec | None:
    return catalogue_spec(lever.key) if lever.key else None


def differs_from_catalogue(lever: Lever) -> bool:
    """Whether a catalogue lever's text was edited (or a catalogue item removed)."""
    spec = _spec(lever)
    if spec is None:
        return False
    if lever.title != spec.title.localized() or lever.description != spec.description.localized():
        return True
    texts = {item.key: item.text for item in lever.items if item.key}
    return any(texts.get(item.key) != item.text.localized() for item in spec.items)


def restore_catalogue(lever: Lever) -> Lever:
    """The catalogue's title, description and item wording back, in both languages.

    Ticks, dates, notes, owner, status and the user's own items stay; a catalogue item
    missing from the lever comes back after the last catalogue item kept.
    """
    spec = _spec(lever)
    if spec is None:
        return lever
    changed = lever.model_copy(deep=True)
    changed.title = spec.title.localized()
    changed.description = spec.description.localized()
    present = {item.key for item in changed.items if item.key}
    for item in changed.items:
        found = spec.item(item.key) if item.key else None
        if found is not None:
            item.text = found.text.localized()
    for position, item_spec in enumerate(spec.items):
        if item_spec.key in present:
            continue
        earlier = {s.key for s in spec.items[:position]}
        index = max((i + 1 for i, item in enumerate(changed.items) if item.key in earlier),
                    default=0)
        changed.items.insert(index, ChecklistItem(key=item_spec.key,
                                                  text=item_spec.text.localized()))
        present.add(item_spec.key)
    return changed


def serving(roadmap: Sequence[RoadmapItem], lever_id: str) -> list[RoadmapItem]:
    """The roadmap items that name this lever."""
    return [item for item in roadmap if item.lever_id == lever_id]


def unlinked(roadmap: Sequence[RoadmapItem], lever_id: str) -> list[RoadmapItem]:
    """Copies of the items serving a lever, no longer linked: saved with its deletion."""
    found: list[RoadmapItem] = []
    for item in serving(roadmap, lever_id):
        copy = item.model_copy(deep=True)
        copy.lever_id = None
        found.append(copy)
    return found
