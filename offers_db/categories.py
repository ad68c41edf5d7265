"""The fixed need taxonomy from categories.yml, shared by validation, conversation and reports."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

CATEGORIES_FILE = Path(__file__).with_name("categories.yml")

# The town's age groups (Sozialraumkonferenz 2024); upper bounds exclusive.
AGE_GROUPS: tuple[tuple[str, float, float], ...] = (
    ("0-3", 0, 3),
    ("3-6", 3, 6),
    ("6-10", 6, 11),
    ("11-18", 11, 19),
)


@dataclass(frozen=True)
class Category:
    """One need category: fixed id, German label and whether the child's age matters."""

    id: str
    label: str
    description: str
    age_relevant: bool
    synonyms: tuple[str, ...]


@cache
def categories() -> dict[str, Category]:
    """All categories by id, in file order."""
    raw = yaml.safe_load(CATEGORIES_FILE.read_text(encoding="utf-8"))
    return {
        cid: Category(
            id=cid,
            label=entry["label"],
            description=entry["description"],
            age_relevant=bool(entry["age_relevant"]),
            synonyms=tuple(entry.get("synonyms", ())),
        )
        for cid, entry in raw.items()
    }


def age_matters(need: str | None) -> bool:
    """Whether the offers of a need depend on the child's age (unknown needs: no)."""
    return need in categories() and categories()[need].age_relevant


def category_ids() -> list[str]:
    """The fixed category ids."""
    return list(categories())


def age_group(age: float | None) -> str:
    """The town's age group for an age in years, for anonymous statistics."""
    if age is None:
        return "unbekannt"
    for name, low, high in AGE_GROUPS:
        if low <= age < high:
            return name
    return "ueber-18"
