"""domain.yml (German) + languages/*.yml -> the domain the model is trained with; and the files' check.

Every translated variant becomes a Rasa conditional response on the slot `language` (Rasa 3.6 OSS):
- German variants that already have a condition (e.g. utter_emergency per emergency_type) get
  `language: de` added, so they never answer a family that chose another language;
- a translated variant keeps the German variant's conditions plus `language: <code>`; where the German
  variant has no condition but its siblings have, it gets `<slot>: null` for their slots, so it answers
  only where the German default would (Rasa picks at random among matching conditional variants);
- button payloads stay the German ones, only the titles are translated;
- German variants without condition stay the fallback for anything a language file lacks.
Responses that stay German everywhere: the staff channel's (utter_staff_*).
"""

from __future__ import annotations

import copy
import string
from pathlib import Path
from typing import Any

import yaml

from lotse.languages import GERMAN, LABEL_KEYS, LanguagePack, choose_payload, language_packs
from offers_db.categories import category_ids

UNTRANSLATED_PREFIXES = ("utter_staff_",)
LANGUAGE_SLOT = "language"
CHOOSE_LANGUAGE = "utter_choose_language"
CHOOSE_PREFIX = "/choose_language"


def translated(name: str) -> bool:
    return not name.startswith(UNTRANSLATED_PREFIXES) and name != CHOOSE_LANGUAGE


def translatable_buttons(variant: dict[str, Any]) -> list[dict[str, Any]]:
    """Buttons whose titles a language file translates; the language switch keeps its own title everywhere."""
    return [b for b in variant.get("buttons") or [] if not str(b.get("payload", "")).startswith(CHOOSE_PREFIX)]


def placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}


def check(domain: dict[str, Any], packs: dict[str, LanguagePack]) -> list[str]:
    """Every problem of every language file, as German lines naming file and key."""
    problems: list[str] = []
    german = {name: variants for name, variants in domain["responses"].items() if translated(name)}
    for pack in packs.values():
        where = pack.path.name
        problems += [f"{where}: responses.{name}: fehlt" for name in german if name not in pack.responses]
        problems += [
            f"{where}: responses.{name}: gibt es auf Deutsch nicht" for name in pack.responses if name not in german
        ]
        for name, variants in german.items():
            theirs = pack.responses.get(name)
            if theirs is None:
                continue
            if len(theirs) != len(variants):
                problems.append(f"{where}: responses.{name}: {len(theirs)} Varianten, auf Deutsch {len(variants)}")
                continue
            for index, (ours, other) in enumerate(zip(variants, theirs, strict=True)):
                key = f"{where}: responses.{name}[{index}]"
                if not isinstance(other, dict) or not str(other.get("text", "")).strip():
                    problems.append(f"{key}.text: fehlt")
                    continue
                if placeholders(str(other["text"])) != placeholders(str(ours.get("text", ""))):
                    problems.append(
                        f"{key}.text: Platzhalter {sorted(placeholders(str(other['text'])))}, "
                        f"auf Deutsch {sorted(placeholders(str(ours.get('text', ''))))}"
                    )
                expected = len(translatable_buttons(ours))
                if len(other.get("buttons") or []) != expected:
                    problems.append(f"{key}.buttons: {len(other.get('buttons') or [])} Titel, auf Deutsch {expected}")
        problems += [f"{where}: categories.{c}: fehlt" for c in category_ids() if c not in pack.categories]
        problems += [f"{where}: categories.{c}: keine Kategorie" for c in pack.categories if c not in category_ids()]
        problems += [f"{where}: labels.{label}: fehlt" for label in LABEL_KEYS if label not in pack.labels]
    return problems


def _language_condition(code: str) -> dict[str, Any]:
    return {"type": "slot", "name": LANGUAGE_SLOT, "value": code}


def build_domain(domain: dict[str, Any], packs: dict[str, LanguagePack]) -> dict[str, Any]:
    """The German domain with every language's variants added (see the module docstring)."""
    built = copy.deepcopy(domain)
    built["slots"][LANGUAGE_SLOT]["values"] = [GERMAN, *packs]
    for name, variants in built["responses"].items():
        if not translated(name):
            continue
        conditioned_slots = sorted({c["name"] for v in variants for c in v.get("condition") or []})
        originals = [copy.deepcopy(v) for v in variants]
        for variant in variants:
            if variant.get("condition"):
                variant["condition"] = [*variant["condition"], _language_condition(GERMAN)]
        for code, pack in packs.items():
            theirs = pack.responses.get(name)
            if not theirs or len(theirs) != len(originals):
                continue  # `lotse languages check` reports it; German answers meanwhile
            for ours, other in zip(originals, theirs, strict=True):
                variant = {k: v for k, v in ours.items() if k not in ("text", "buttons", "condition")}
                variant["text"] = other["text"]
                titles = iter(other.get("buttons") or [])
                if ours.get("buttons"):
                    translatable = translatable_buttons(ours)
                    variant["buttons"] = [
                        {**button, "title": next(titles, button["title"])} if button in translatable else button
                        for button in ours["buttons"]
                    ]
                nulls = (
                    [{"type": "slot", "name": slot, "value": None} for slot in conditioned_slots]
                    if not ours.get("condition")
                    else []
                )
                variant["condition"] = [*(ours.get("condition") or []), *nulls, _language_condition(code)]
                variants.append(variant)
    choose = built["responses"].get(CHOOSE_LANGUAGE)
    if choose:
        buttons = [{"title": "Deutsch", "payload": choose_payload(GERMAN)}]
        buttons += [{"title": pack.name, "payload": choose_payload(code)} for code, pack in packs.items()]
        for variant in choose:
            variant["buttons"] = buttons
    return built


def write_built_domain(source: Path, target: Path, packs: dict[str, LanguagePack] | None = None) -> Path:
    """Write the built domain for training; returns `target`."""
    domain = yaml.safe_load(source.read_text(encoding="utf-8"))
    built = build_domain(domain, language_packs() if packs is None else packs)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(
        "# Generated by bot/languages.py from domain.yml and languages/*.yml — edit those, not this file.\n"
        + yaml.safe_dump(built, sort_keys=False, allow_unicode=True, width=200),
        encoding="utf-8",
    )
    return target
