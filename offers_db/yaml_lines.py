"""Strict YAML loading that remembers line numbers, so every problem can name file:line."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml


class LineDict(dict):
    """A mapping that knows the line of itself and of each key."""

    line: int
    key_lines: dict[Any, int]

    def line_of(self, key: Any) -> int:
        """Line of `key`, or of the mapping when the key is absent."""
        return self.key_lines.get(key, self.line)


class LineList(list):
    """A sequence that knows the line of itself and of each item."""

    line: int
    item_lines: list[int]

    def line_of(self, index: int) -> int:
        """Line of item `index`."""
        return self.item_lines[index] if index < len(self.item_lines) else self.line


@dataclass(frozen=True)
class YamlProblem(Exception):
    """A YAML document that cannot be read, with the 1-based line where it fails."""

    line: int
    message: str


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader without anchors/aliases, duplicate keys, yes/no booleans or date objects."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        """Refuse anchors and aliases before they can expand (billion-laughs bombs)."""
        event = self.peek_event()
        line = event.start_mark.line + 1 if event.start_mark else 1
        if isinstance(event, yaml.AliasEvent):
            raise YamlProblem(line, "YAML-Aliase (*name) sind nicht erlaubt")
        if getattr(event, "anchor", None):
            raise YamlProblem(line, "YAML-Anker (&name) sind nicht erlaubt")
        return super().compose_node(parent, index)


# Only true/false are booleans: `no` stays the ISO code for Norwegian, `ja`/`yes` stay text.
_StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
for _first in "tTfF":
    _StrictLoader.yaml_implicit_resolvers.setdefault(_first, []).insert(
        0, ("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"))
    )


def _construct_mapping(loader: _StrictLoader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if not isinstance(key, str | int | float | bool) and key is not None:
            raise YamlProblem(line, "Schlüssel muss ein einfacher Text sein")
        if key in result:
            raise YamlProblem(line, f"Feld '{key}' steht doppelt (zuerst in Zeile {result.key_lines[key]})")
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = line
    return result


def _construct_sequence(loader: _StrictLoader, node: yaml.SequenceNode) -> LineList:
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


def _construct_timestamp_as_text(loader: _StrictLoader, node: yaml.ScalarNode) -> str:
    return str(loader.construct_scalar(node))


_StrictLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
_StrictLoader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)
_StrictLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp_as_text)


def load_yaml(text: str) -> Any:
    """Parse one YAML document strictly; raise YamlProblem with the failing line."""
    try:
        return yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - _StrictLoader is a SafeLoader
    except YamlProblem:
        raise
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        message = f"YAML-Syntaxfehler: {error.problem or error.context}"
        if error.context and error.context_mark and error.context_mark.line + 1 != line:
            message += f" ({error.context}, Zeile {error.context_mark.line + 1})"
        raise YamlProblem(line, message) from error
    except yaml.YAMLError as error:
        raise YamlProblem(1, f"YAML-Fehler: {error}") from error
