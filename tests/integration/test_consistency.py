"""Domain, actions, training data, categories and sample offers agree with each other."""

from __future__ import annotations

import inspect
import pkgutil
import re
import subprocess
import sys
from importlib import import_module
from pathlib import Path

import yaml
from rasa_sdk import Action

import actions
from bot.model import rasa_environment
from offers_db.categories import AGE_GROUPS, categories
from offers_db.loader import load_offers
from tests.tracker import domain

ROOT = Path(__file__).parents[2]
MIN_EXAMPLES_PER_NEED = 25


def action_classes() -> dict[str, type[Action]]:
    found = {}
    for module_info in pkgutil.iter_modules(actions.__path__):
        module = import_module(f"actions.{module_info.name}")
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, Action) and cls.__module__ == module.__name__:
                found[cls().name()] = cls
    return found


def nlu_examples(path: Path) -> dict[str, list[str]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))["nlu"]
    examples: dict[str, list[str]] = {}
    for block in data:
        if "intent" in block:
            lines = [line.strip()[2:] for line in block["examples"].splitlines() if line.strip()]
            examples.setdefault(block["intent"], []).extend(re.sub(r"\[([^\]]+)\]\(\w+\)", r"\1", t) for t in lines)
    return examples


def test_every_domain_action_is_a_class_and_every_class_is_in_the_domain() -> None:
    custom = {a for a in domain()["actions"] if not a.startswith("utter_")}
    assert custom == set(action_classes())


def test_need_intents_and_slot_values_match_the_taxonomy() -> None:
    ids = list(categories())
    need_intents = [i for i in domain()["intents"] if str(i).startswith("need_")]
    assert need_intents == [f"need_{c}" for c in ids]
    slot = domain()["slots"]["need"]
    assert slot["values"] == ids
    assert {(m["intent"], m["value"]) for m in slot["mappings"]} == {(f"need_{c}", c) for c in ids}


def test_every_need_has_enough_training_examples() -> None:
    examples = nlu_examples(ROOT / "data" / "nlu.yml")
    short = {c: len(examples.get(f"need_{c}", [])) for c in categories()}
    assert {c: n for c, n in short.items() if n < MIN_EXAMPLES_PER_NEED} == {}


def test_held_out_messages_are_never_trained_on() -> None:
    trained = {t.lower() for texts in nlu_examples(ROOT / "data" / "nlu.yml").values() for t in texts}
    held_out = [
        t
        for name in ("nlu_heldout.yml", "nlu_out_of_scope.yml")
        for texts in nlu_examples(ROOT / "tests" / name).values()
        for t in texts
    ]
    assert len(held_out) >= 250
    assert [t for t in held_out if t.lower() in trained] == []


def test_held_out_set_covers_every_category() -> None:
    held_out = nlu_examples(ROOT / "tests" / "nlu_heldout.yml")
    assert {c for c in categories() if len(held_out.get(f"need_{c}", [])) < 5} == set()


def test_sample_offers_cover_every_category_and_age_group() -> None:
    offers = [o for o in load_offers().offers if o.audience == "public"]
    assert len(offers) >= 40
    gaps = []
    for category in categories().values():
        in_category = [o for o in offers if category.id in o.categories]
        if not in_category:
            gaps.append((category.id, "alle"))
            continue
        if not category.age_relevant:
            continue
        for group, low, high in AGE_GROUPS:
            fits = [o for o in in_category if (o.min_age or 0) < high and (o.max_age is None or o.max_age >= low)]
            if not fits and category.id not in ("jugendbeteiligung", "fruehe_hilfen"):
                gaps.append((category.id, group))
    assert gaps == []


def test_rasa_data_validate_is_clean() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "rasa", "data", "validate", "--fail-on-warnings"],
        cwd=ROOT, env=rasa_environment(), capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    unused = set(re.findall(r"The utterance '(\w+)' is not used in any story or rule", result.stderr))
    # responses sent only from custom actions or the form are listed under `actions:` on purpose
    assert unused <= {a for a in domain()["actions"] if a.startswith("utter_")}
    assert "Found intent" not in result.stderr and "conflict" not in result.stdout.replace(
        "No story structure conflicts", ""
    )
