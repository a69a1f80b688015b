"""Fuzzy matching of what people type against names: ``@mart`` finds « Martine Roux ».

Accents and case are folded, so ``helene`` finds « Hélène ». Used by the pickers, the
capture parser and search.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TypeVar

from rapidfuzz import fuzz, process, utils

from coop_tui.core.dates import fold

K = TypeVar("K")

# Below this score (0-100) a candidate is not a match.
THRESHOLD = 60.0


def _prepare(text: str) -> str:
    return str(utils.default_process(fold(text)))


def rank(
    query: str, candidates: Iterable[tuple[K, str]], limit: int = 20,
    threshold: float = THRESHOLD,
) -> list[tuple[K, float]]:
    """The candidates that match ``query``, best first, as (key, score)."""
    pairs: Sequence[tuple[K, str]] = list(candidates)
    prepared_query = _prepare(query)
    if not prepared_query:
        return [(key, 100.0) for key, _text in pairs[:limit]]
    choices = [_prepare(text) for _key, text in pairs]
    found = process.extract(prepared_query, choices, scorer=fuzz.WRatio, limit=limit,
                            score_cutoff=threshold, processor=None)
    return [(pairs[index][0], float(score)) for _choice, score, index in found]


def best(query: str, candidates: Iterable[tuple[K, str]],
         threshold: float = THRESHOLD) -> K | None:
    found = rank(query, candidates, limit=1, threshold=threshold)
    return found[0][0] if found else None
