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
MIN_EXAMPLES_PER_NEED = 60
MIN_STORIES_PER_NEED = MIN_EXAMPLES_PER_NEED // 3  # stories of two sentences or more (issue 9)


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


def training_examples() -> dict[str, list[str]]:
    """Every intent's examples from all NLU files under data/ and languages/nlu/ (the other languages)."""
    examples: dict[str, list[str]] = {}
    for path in [*sorted((ROOT / "data").glob("nlu*.yml")), *sorted((ROOT / "languages" / "nlu").glob("*.yml"))]:
        for intent, texts in nlu_examples(path).items():
            examples.setdefault(intent, []).extend(texts)
    return examples


def is_story(text: str) -> bool:
    """Two sentences or more: a sentence end inside the text, not only at its end."""
    return len([s for s in re.split(r"[.!?]+\s+", text.strip()) if s]) >= 2


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


def test_every_need_has_enough_training_examples_and_a_third_are_stories() -> None:
    examples = training_examples()
    short = {c: len(examples.get(f"need_{c}", [])) for c in categories()}
    assert {c: n for c, n in short.items() if n < MIN_EXAMPLES_PER_NEED} == {}
    few_stories = {
        c: n for c in categories() if (n := sum(map(is_story, examples[f"need_{c}"]))) < MIN_STORIES_PER_NEED
    }
    assert few_stories == {}


def held_out_texts() -> list[str]:
    """Every held-out text: the NLU sets, the family messages of issue 9 (held-out, development and the eleven probe
    sets), the emergency guard's cases."""
    texts = [
        t
        for name in ("nlu_heldout.yml", "nlu_out_of_scope.yml")
        for examples in nlu_examples(ROOT / "tests" / name).values()
        for t in examples
    ]
    families = [
        message
        for name in (
            "heldout_families.yml",
            "dev_families.yml",
            *(f"probe{n}_families.yml" for n in ("", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11")),
        )
        for message in yaml.safe_load((ROOT / "tests" / name).read_text(encoding="utf-8"))["messages"]
    ]
    cases = yaml.safe_load((ROOT / "tests" / "emergency_cases.yml").read_text(encoding="utf-8"))
    languages = yaml.safe_load((ROOT / "tests" / "heldout_languages.yml").read_text(encoding="utf-8"))
    foreign = [item["text"] for items in languages.values() for item in items]
    return texts + [m["text"] for m in families] + cases["emergency"] + cases["not_emergency"] + foreign


def normalised(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def test_held_out_messages_are_never_trained_on() -> None:
    trained = {normalised(t) for texts in training_examples().values() for t in texts}
    held_out = held_out_texts()
    assert len(held_out) >= 250 + 330 + 200 + 120 + 120 + 100 + 80 + 100 + 120 + 100 + 100 + 100 + 120 + 160
    assert [t for t in held_out if normalised(t) in trained] == []


def test_family_held_out_set_has_the_kinds_issue_9_asks_for() -> None:
    messages = yaml.safe_load((ROOT / "tests" / "heldout_families.yml").read_text(encoding="utf-8"))["messages"]
    assert len(messages) >= 200
    assert sum(m["emergency"] for m in messages) >= 40
    assert sum(len(m["needs"]) > 1 for m in messages) >= 40
    assert {n for m in messages for n in m["needs"]} == set(categories())


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
