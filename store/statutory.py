"""The statutory obligations of an intercommunality's council, as data.

Each rule says what triggers it, how its delay is counted, what it does on a weekend or
a public holiday, and which article of the CGCT sets it; its wording is in French and
English. The computing lives in ``coop_tui/core/obligations.py``; what each article says,
and why each rule reads it so, is in docs/statutory-calendar.md. Keys never change once
published: a store records the state of an obligation under its rule's key.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from coop_tui.store.catalogue import Phrase
from coop_tui.store.models import NonWorkingDay


class Trigger(StrEnum):
    """What starts the count of a rule."""

    COUNCIL_SESSION = "council_session"  # each session of the conseil communautaire
    MINUTES_APPROVAL = "minutes_approval"  # the session where a PV was arrêté
    MANDATE_START = "mandate_start"  # the general renewal of the municipal councils
    BUDGET_VOTE = "budget_vote"  # each budget vote date of the territory's settings


class Unit(StrEnum):
    """How a delay is counted."""

    CLEAR_DAYS = "clear_days"  # jours francs: the day it starts and the day it ends excluded
    DAYS = "days"
    WEEKS = "weeks"
    MONTHS = "months"  # calendar months, the last day of a shorter month when needed
    NEXT_SESSION = "next_session"  # due on the next session of the council


class Direction(StrEnum):
    BEFORE = "before"  # due before the trigger: the last day to act
    AFTER = "after"  # due after the trigger: within the delay
    WITHIN_BEFORE = "within_before"  # in the window of the delay before the trigger


@dataclass(frozen=True, slots=True)
class Delay:
    """``amount`` of ``unit`` in ``direction``; ``setting`` names the territory's calendar
    setting that gives the amount instead, when the territory chooses it."""

    amount: int
    unit: Unit
    direction: Direction
    setting: str = ""


@dataclass(frozen=True, slots=True)
class RuleSpec:
    """One statutory obligation. ``condition`` names the calendar setting that must be set
    (true, or ``drafting`` for the pacte) for the rule to apply; empty: always."""

    key: str
    trigger: Trigger
    delay: Delay
    non_working_day: NonWorkingDay
    article: str
    title: Phrase
    condition: str = ""


RULES: tuple[RuleSpec, ...] = (
    RuleSpec(
        key="convocation",
        trigger=Trigger.COUNCIL_SESSION,
        delay=Delay(5, Unit.CLEAR_DAYS, Direction.BEFORE, setting="convocation_clear_days"),
        non_working_day=NonWorkingDay.KEEP,
        article="CGCT L2121-12 (L5211-1)",
        title=Phrase("Envoyer la convocation et la note de synthèse",
                     "Send the notice of meeting and the explanatory note"),
    ),
    RuleSpec(
        key="deliberations_list",
        trigger=Trigger.COUNCIL_SESSION,
        delay=Delay(1, Unit.WEEKS, Direction.AFTER),
        non_working_day=NonWorkingDay.KEEP,
        article="CGCT L2121-25 (L5211-1)",
        title=Phrase("Afficher et mettre en ligne la liste des délibérations",
                     "Post and put online the list of deliberations"),
    ),
    RuleSpec(
        key="minutes_adopted",
        trigger=Trigger.COUNCIL_SESSION,
        delay=Delay(1, Unit.NEXT_SESSION, Direction.AFTER),
        non_working_day=NonWorkingDay.KEEP,
        article="CGCT L2121-15 (L5211-1)",
        title=Phrase("Arrêter le procès-verbal à la séance suivante",
                     "Adopt the minutes at the next session"),
    ),
    RuleSpec(
        key="minutes_published",
        trigger=Trigger.MINUTES_APPROVAL,
        delay=Delay(1, Unit.WEEKS, Direction.AFTER),
        non_working_day=NonWorkingDay.KEEP,
        article="CGCT L2121-15 (L5211-1)",
        title=Phrase("Publier le procès-verbal arrêté sur le site internet",
                     "Publish the adopted minutes on the website"),
    ),
    RuleSpec(
        key="governance_pact_debate",
        trigger=Trigger.MANDATE_START,
        delay=Delay(9, Unit.MONTHS, Direction.AFTER),
        non_working_day=NonWorkingDay.KEEP,
        article="CGCT L5211-11-2",
        title=Phrase("Débattre et délibérer sur l'élaboration d'un pacte de gouvernance",
                     "Debate and decide on drawing up a governance pact"),
    ),
    RuleSpec(
        key="governance_pact_adoption",
        trigger=Trigger.MANDATE_START,
        delay=Delay(9, Unit.MONTHS, Direction.AFTER),
        non_working_day=NonWorkingDay.KEEP,
        article="CGCT L5211-11-2",
        title=Phrase("Adopter le pacte de gouvernance",
                     "Adopt the governance pact"),
        condition="governance_pact",
    ),
    RuleSpec(
        key="budget_debate",
        trigger=Trigger.BUDGET_VOTE,
        delay=Delay(2, Unit.MONTHS, Direction.WITHIN_BEFORE),
        non_working_day=NonWorkingDay.KEEP,
        article="CGCT L2312-1 (L5211-36)",
        title=Phrase("Tenir le débat d'orientation budgétaire",
                     "Hold the budget orientation debate"),
        condition="commune_of_3500",
    ),
    RuleSpec(
        key="mutualisation_report",
        trigger=Trigger.BUDGET_VOTE,
        delay=Delay(0, Unit.DAYS, Direction.BEFORE),
        non_working_day=NonWorkingDay.KEEP,
        article="CGCT L5211-39-1",
        title=Phrase("Présenter l'avancement du schéma de mutualisation",
                     "Report on the progress of the mutualisation scheme"),
        condition="mutualisation_scheme",
    ),
)

RULES_BY_KEY: dict[str, RuleSpec] = {rule.key: rule for rule in RULES}
