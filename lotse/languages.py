"""The family's languages: one file per language under languages/, and an offline guess of a message's language.

German lives in domain.yml and offers_db/categories.yml (the reference). Every other language is a file
`languages/<code>.yml` (format: languages/README.md) with its responses, category names and widget labels;
adding a language = adding its file (the build turns it into Rasa's conditional responses, see
bot/languages.py). `lotse languages check` lists what a file lacks or has too much.

Language of a message: langid.py (BSD licence, its model ships inside the package, no download),
restricted to German and the languages we have files for, and only for messages of three words or more.
"""

from __future__ import annotations

import importlib.util
import runpy
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from lotse.settings import PROJECT_ROOT

LANGUAGES_DIR = PROJECT_ROOT / "languages"
GERMAN = "de"
# the NLU's detect_language result in a message's parse data, for the actions (they do not load the detector)
DETECTED_LANGUAGE = "detected_language"
MIN_WORDS = 3
MIN_CONFIDENCE = 0.9
GERMAN_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzäöüß")
FOREIGN_LETTERS = 2  # "Café" is German enough; "eşim … bıçakla" is not
LABEL_KEYS = (
    "open",
    "close",
    "restart",
    "language_button",
    "history",
    "you",
    "bot",
    "replies",
    "typing",
    "input_label",
    "input_placeholder",
    "send",
    "too_long",
    "offline",
    "offline_contact",
    "reconnected",
    "privacy",
    "conversation_id",
    "privacy_page",
    "more_info",
    "hint",
    "cost",
    "phone",
    "email",
    "opening_hours",
    "map",
    "switch_invitation",
)


@dataclass(frozen=True)
class LanguagePack:
    code: str
    name: str
    direction: str
    reviewed: bool
    path: Path
    html_lang: str = ""  # the HTML `lang` value (BCP 47); "de" for Einfache Sprache
    responses: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    categories: dict[str, str] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)


def read_pack(path: Path) -> LanguagePack:
    """One language file; raises ValueError with file and field in German when the header is unusable."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    header = data.get("language") or {}
    for key in ("code", "name"):
        if not isinstance(header.get(key), str) or not header[key].strip():
            raise ValueError(f"{path.name}: language.{key}: fehlt oder ist leer")
    direction = header.get("dir", "ltr")
    if direction not in ("ltr", "rtl"):
        raise ValueError(f"{path.name}: language.dir: 'ltr' oder 'rtl', nicht {direction!r}")
    return LanguagePack(
        code=header["code"].strip(),
        name=header["name"].strip(),
        direction=direction,
        reviewed=bool(header.get("reviewed", False)),
        path=path,
        html_lang=str(header.get("lang") or header["code"]).strip(),
        responses=dict(data.get("responses") or {}),
        categories={str(k): str(v) for k, v in (data.get("categories") or {}).items()},
        labels={str(k): str(v) for k, v in (data.get("labels") or {}).items()},
    )


@cache
def language_packs(folder: Path = LANGUAGES_DIR) -> dict[str, LanguagePack]:
    """Every language file by code, in file-name order."""
    packs = [read_pack(path) for path in sorted(folder.glob("*.yml"))]
    return {pack.code: pack for pack in packs}


def ui_language(code: str | None) -> dict[str, Any]:
    """What the widget needs to switch its own texts: {"type": "language", lang, dir, labels}.

    German (or an unknown code) gives empty labels: the widget's own German texts.
    """
    pack = language_packs().get(code or GERMAN)
    if pack is None:
        return {"type": "language", "code": GERMAN, "lang": GERMAN, "dir": "ltr", "labels": {}}
    return {
        "type": "language",
        "code": pack.code,
        "lang": pack.html_lang or pack.code,
        "dir": pack.direction,
        "labels": {key: pack.labels[key] for key in LABEL_KEYS if key in pack.labels},
    }


def choose_payload(code: str) -> str:
    """The button payload that switches the chat to `code`."""
    return '/choose_language{"language": "' + code + '"}'


def category_label(category_id: str, language: str | None, german: str) -> str:
    """The category's name in `language`, or the German one."""
    pack = language_packs().get(language or GERMAN)
    return pack.categories.get(category_id, german) if pack else german


@cache
def _identifier() -> Any:
    from langid.langid import LanguageIdentifier, model

    identifier = LanguageIdentifier.from_modelstring(model, norm_probs=True)
    # only languages we could answer in (Einfache Sprache is German to the detector)
    identifier.set_languages(sorted(_codes()))
    return identifier


def _codes() -> set[str]:
    """German and every language with a file whose code is an ISO 639-1 code (langid's codes)."""
    return {GERMAN} | {code for code in language_packs() if len(code) == 2}


@cache
def _stop_words(code: str) -> frozenset[str]:
    """spaCy's stop-word list of a language, or nothing.

    Read from spaCy's file (spacy/lang/<code>/stop_words.py, plain data without imports) instead of
    importing it: importing anything under `spacy` loads spaCy and thinc, about 4 s in the action server.
    """
    spec = importlib.util.find_spec("spacy")
    locations = list(spec.submodule_search_locations or []) if spec else []
    path = Path(locations[0], "lang", code, "stop_words.py") if locations else None
    if path is None or not path.is_file():
        return frozenset()
    return frozenset(runpy.run_path(str(path)).get("STOP_WORDS", ()))


def _mostly_non_latin(text: str) -> bool:
    """True when most letters are not Latin ones (Cyrillic, Arabic …): then the script alone is telling."""
    letters = [c for c in text if c.isalpha()]
    latin = sum(1 for c in letters if "LATIN" in unicodedata.name(c, ""))
    return bool(letters) and latin * 2 < len(letters)


def warm_up() -> None:
    """Loads langid's model and the stop-word lists now (about 2 s), not on a family's first message."""
    _identifier()
    for code in _codes():
        _stop_words(code)


def detect_language(text: str) -> str | None:
    """The message's language code when it is fairly sure, else None (offline: langid + stop words).

    Another script (Cyrillic, Arabic) is telling from one word on. In Latin script langid alone is not
    enough: it takes short lower-case German for English ("welche themen gibt es" -> en). So a Latin
    text needs three words, and the language wins that has the most of its common small words (spaCy's
    stop-word lists: "ich", "mein", "gibt" / "my", "the", "we" / "bir", "ne", "bu"); without any such
    word the text stays undecided. Unless German leads, letters German does not write ("ş", "ğ", "ı", two
    or more) rule German out. A tie goes to German (the chat's own language), else to langid's guess.
    """
    if not text.strip() or text.lstrip().startswith("/"):
        return None
    if _mostly_non_latin(text):
        code, confidence = _identifier().classify(text)
        return str(code) if confidence >= MIN_CONFIDENCE else None
    words = [w.strip(".,!?;:()\"'…-").lower() for w in text.split()]
    words = [w for w in words if w]
    if len(words) < MIN_WORDS:
        return None
    scores = {code: sum(w in _stop_words(code) for w in words) for code in _codes()}
    best = max(scores.values())
    german_first = scores[GERMAN] == best and list(scores.values()).count(best) == 1
    if not german_first and sum(c.isalpha() and c not in GERMAN_LETTERS for c in text.lower()) >= FOREIGN_LETTERS:
        ranked = [str(code) for code, _ in _identifier().rank(text) if code != GERMAN]
        return ranked[0] if ranked else None
    if best == 0:
        return None
    tied = {code for code, score in scores.items() if score == best}
    if GERMAN in tied:
        return GERMAN
    guess = str(_identifier().classify(text)[0])
    return guess if guess in tied else min(tied)
