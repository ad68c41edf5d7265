"""Reads every provider file, reporting all problems at once with file and line."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from offers_db.schema import Issue, Offer, validate_file
from offers_db.yaml_lines import YamlProblem, load_yaml

DEFAULT_OFFERS_DIR = Path(__file__).with_name("offers")
MAX_FILE_BYTES = 5 * 1024 * 1024


@dataclass
class LoadResult:
    """The valid offers of all files and every problem found."""

    offers: list[Offer] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.issues


def offer_files(path: Path) -> list[Path]:
    """The YAML files at `path` (a file or a directory), sorted for stable output."""
    if path.is_file():
        return [path]
    return sorted(p for p in path.iterdir() if p.suffix in (".yml", ".yaml") and p.is_file())


def _display(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


def load_file(path: Path) -> tuple[list[Offer], list[Issue]]:
    """Read, parse and validate one provider file."""
    name = _display(path)
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        mib = MAX_FILE_BYTES // (1024 * 1024)
        return [], [Issue(name, 1, "(Datei)", f"Datei ist zu groß ({size} Bytes, höchstens {mib} MB)")]
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return [], [Issue(name, line, "(Datei)", "kein gültiges UTF-8 (bitte als UTF-8 speichern)")]
    try:
        data = load_yaml(text)
    except YamlProblem as problem:
        return [], [Issue(name, problem.line, "(YAML)", problem.message)]
    except RecursionError:
        return [], [Issue(name, 1, "(YAML)", "zu tief verschachtelt")]
    return validate_file(data, name)


def load_offers(path: Path = DEFAULT_OFFERS_DIR) -> LoadResult:
    """Load all offers below `path`; ids must be unique across files."""
    result = LoadResult()
    if not path.exists():
        result.issues.append(Issue(_display(path), 0, "(Pfad)", "Datei oder Ordner gibt es nicht"))
        return result
    files = offer_files(path)
    if not files:
        result.issues.append(Issue(_display(path), 0, "(Ordner)", "keine .yml-Dateien gefunden"))
    seen: dict[str, Offer] = {}
    for file in files:
        offers, issues = load_file(file)
        result.issues.extend(issues)
        for offer in offers:
            first = seen.get(offer.id)
            if first is not None:
                result.issues.append(
                    Issue(
                        offer.source_file,
                        offer.source_line,
                        "id",
                        f"ID '{offer.id}' gibt es schon in {first.source_file}:{first.source_line}",
                    )
                )
                continue
            seen[offer.id] = offer
            result.offers.append(offer)
    return result
