"""The emergency guard in English, Ukrainian, Turkish and Arabic (issue 11).

Cases: tests/emergency_cases_languages.yml (hand-written, never trained on). Also: no non-emergency training example
in data/*.yml alarms (German ones that alarmed before these rules are listed as known exceptions).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from bot.nlu.emergency import EMERGENCY_TYPES, PATTERNS_OTHER_LANGUAGES, danger_kind, fold_other, pattern_script

ROOT = Path(__file__).parents[2]
CASES = yaml.safe_load((ROOT / "tests" / "emergency_cases_languages.yml").read_text(encoding="utf-8"))
LANGUAGES = ("en", "uk", "tr", "ar")
_ANNOTATION = re.compile(r"\[([^\]]+)\](?:\([^)]*\)|\{[^}]*\})")

# German non-emergency examples that alarmed already before the rules for other languages (hard cases the German
# rules lean towards alarm on); nothing else may alarm.
KNOWN_GERMAN_ALARMS = {
    # a teenager's "kills me", neighbours' small children alone until midnight, a toddler's head-banging: numbers
    # rather than none (stop 18)
    "47 bewerbungen, 47 absagen. ich bin 17 und mein vater bringt mich um wenn ich nix finde. gibt es die"
    " jugendberufsagentur oder hilfe bei bewerbungen",
    "die kinder von nebenan, 3 und 5 jahre, sind seit wochen oft bis spät abend allein in wohnung, die mutter kommt"
    " erst um mitternacht. heute sie ist da. ich will kein ärger, wem ich sage das anonym?",
    "Wenn sie sich ärgert, stößt unsere Vierjährige den Kopf gegen die Wand, nicht doll, aber regelmäßig. Gibt es eine"
    " Frühförderstelle, die sich das mal anschaut?",
    "missbrauch beratung",
    "ich wurde als kind missbraucht und will endlich darüber reden",
    "meine eltern schlagen mich manchmal, wem kann ich das erzählen",
    "häusliche gewalt",
    "was ist der sinn des lebens",
    "Meine Nachbarin fängt am Montag im Altenheim an und ist ganz allein mit ihren zwei Schulkindern. Sie spricht nicht"
    " so"
    " gut Deutsch, deshalb frag ich für sie, wo sie einen Hortplatz bekommt.",
    "Meine Nachbarin ist allein mit ihren 3 Kindern und hat am Monatsende nie was übrig. Sie traut sich nicht aufs Amt,"
    " Anträge zu stellen. Welche Leistungen könnte sie bekommen?",
    "meine nachbarin hat vor 3 wochen ein baby bekommen, sie ist ganz allein und hat niemanden hier. sie sieht so"
    " erschöpft"
    " aus. kann da mal jemand bei ihr vorbeikommen",
    "Bei uns im Haus wohnt eine Familie, da schreit der Vater jeden Abend und die Kleine sitzt oft noch um 22 Uhr"
    " allein im"
    " Treppenhaus. Ich will niemanden falsch beschuldigen. Wo kann ich mich erstmal beraten lassen, ob das ein Fall"
    " fürs"
    " Jugendamt ist?",
    "Ich passe nachmittags manchmal auf den Sohn meiner Nachbarin auf. Er hat seit Wochen blaue Flecken an den Armen"
    " und"
    " zuckt zusammen, wenn man die Hand hebt. Ich bin unsicher, was ich tun soll, wer berät da beim Kinderschutz?",
    "Als ich klein war, hat mich ein Onkel missbraucht. Ich habe das nie jemandem erzählt, aber jetzt, wo meine Tochter"
    " in"
    " dem Alter ist, kommt alles wieder hoch. Gibt es eine Beratungsstelle für Betroffene von sexueller Gewalt in der"
    " Nähe?",
    "Mein Mann trinkt seit Jahren und wird dann aggressiv, er hat schon Sachen kaputt gemacht und mich gestoßen. Diese"
    " Woche"
    " ist er auf Montage und ich habe endlich Ruhe zum Nachdenken. Ich möchte wissen, welche Möglichkeiten ich habe,"
    " mit den"
    " Kindern wegzugehen.",
    "Ich wurde vor zwei Jahren von meinem Ex vergewaltigt und habe nie Anzeige erstattet. Jetzt sehe ich ihn manchmal"
    " in der"
    " Stadt und kriege Panik. Gibt es hier jemanden, mit dem ich darüber sprechen kann, auch anonym?",
    "mein chef ist genervt weil ich ständig früher gehen muss und ich könnt mich ohrfeigen weil ich alles versaue. die"
    " schule ist um 12 aus. gibt es ganztag oder irgendwas bis 16 uhr",
    "Ich könnte mich selbst schütteln, weil ich vergessen hab, den Schulranzen rechtzeitig zu kaufen, und jetzt ist"
    " kein"
    " Geld mehr da. Einschulung ist in zwei Wochen. Gibt es Hilfe für Schulbedarf?",
    "bin seit der geburt nur noch zuhause und fühl mich wie eingesperrt, weine oft ohne grund. ich möchte mit meinem"
    " baby"
    " unter leute. gibt es eine eltern kind gruppe",
    "Mein Sohn hat mir erzählt, dass ihn ein Trainer früher mal komisch angefasst hat, der Verein ist längst"
    " gewechselt."
    " Ich mache mir riesige Vorwürfe, dass ich nichts gemerkt habe. Wo gibt es Fachberatung bei Missbrauchsverdacht?",
}


def _examples(path: Path) -> list[str]:
    """The non-emergency intent examples of one NLU file, entity annotations removed."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    texts = []
    for item in data.get("nlu") or []:
        if "intent" not in item or item["intent"] == "emergency":
            continue
        for line in item["examples"].splitlines():
            line = line.strip()
            if line.startswith("- "):
                texts.append(_ANNOTATION.sub(r"\1", line[2:]))
    return texts


EMERGENCIES = [(lang, text, kind) for lang in LANGUAGES for text, kind in CASES[lang]["emergency"]]
SAFE = [(lang, text) for lang in LANGUAGES for text in CASES[lang]["not_emergency"]]


@pytest.mark.parametrize(("lang", "text", "kind"), EMERGENCIES)
def test_danger_in_other_languages_is_found_with_its_kind(lang: str, text: str, kind: str) -> None:
    assert kind in EMERGENCY_TYPES
    assert danger_kind(text) == kind


@pytest.mark.parametrize(("lang", "text"), SAFE)
def test_hard_but_safe_messages_in_other_languages_are_no_emergency(lang: str, text: str) -> None:
    assert danger_kind(text) is None


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_language_has_enough_cases(lang: str) -> None:
    assert len(CASES[lang]["emergency"]) >= 15
    assert len({kind for _, kind in CASES[lang]["emergency"]}) == len(EMERGENCY_TYPES)
    assert len(CASES[lang]["not_emergency"]) >= 12


def test_no_non_emergency_example_of_the_other_languages_alarms() -> None:
    alarms = [text for text in _examples(ROOT / "languages" / "nlu" / "examples.yml") if danger_kind(text)]
    assert alarms == []


def test_german_non_emergency_examples_alarm_no_more_than_before() -> None:
    paths = [path for path in sorted((ROOT / "data").glob("nlu*.yml")) if path.name != "nlu_languages.yml"]
    alarms = {text for path in paths for text in _examples(path) if danger_kind(text)}
    assert alarms <= KNOWN_GERMAN_ALARMS


@pytest.mark.parametrize(
    "text",
    ["احيانا يضربني بس مو هلق", "bazen dövüyor ama şu an değil", "this rent is killing me", "بموت من الملل"],
)
def test_safe_phrases_apply_in_each_script(text: str) -> None:
    """The safe phrases are split by script like the patterns; one written in several scripts serves each of them."""
    assert danger_kind(text) is None


def test_each_pattern_is_written_in_one_script() -> None:
    """Cyrillic and Arabic patterns are searched only in messages with such letters: a pattern may not mix scripts."""
    mixed = []
    for patterns in PATTERNS_OTHER_LANGUAGES.values():
        for pattern in patterns:
            letters = re.sub(r"\\.", "", pattern)
            scripts = {
                name
                for name, found in (("latin", "[a-z]"), ("cyrillic", "[\u0400-\u04ff]"), ("arabic", "[\u0600-\u06ff]"))
                if re.search(found, letters)
            }
            if len(scripts) > 1:
                mixed.append(pattern)
    assert mixed == []
    assert pattern_script("б'?(?:ють|є)\\b") == "cyrillic"
    assert pattern_script("يضربني\\w*") == "arabic"
    assert pattern_script("\\bhits? (?:me|us)") == "latin"


@pytest.mark.parametrize(
    ("typed", "folded"),
    [
        ("ÖLMEK İSTİYORUM", "olmek istiyorum"),
        ("ölmek  istiyorum", "olmek istiyorum"),
        ("أنا   خائفة", "انا خائفه"),
        ("б’є мене", "б'є мене"),
        ("He’ll KILL us", "he'll kill us"),
    ],
)
def test_other_language_folding_keeps_scripts_and_drops_marks(typed: str, folded: str) -> None:
    assert fold_other(typed) == folded
