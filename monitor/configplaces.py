"""Where in a YAML config an error is (``file:line:key``), and its message in the config's terms.

pydantic reports a location such as ``("sources", 2, "interval")``; :func:`locate` follows it
through the node tree yamlsource.py keeps, so the error names the line it came from.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pydantic import ValidationError
from pydantic_core import ErrorDetails
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from monitor.errors import ConfigError

if TYPE_CHECKING:
    from monitor.yamlsource import YamlDocument


def render_key(parts: Sequence[str | int]) -> str:
    """``("sources", 2, "interval")`` -> ``sources[2].interval``."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def _find_key(node: MappingNode, key: str) -> tuple[Node, Node] | None:
    for key_node, value_node in node.value:
        if isinstance(key_node, ScalarNode) and key_node.value == key:
            return key_node, value_node
    return None


@dataclass(frozen=True)
class Located:
    """Where a validation error points: the 1-based line, the rendered key, the node if any."""

    line: int | None
    key: str
    node: Node | None


def locate(root: Node | None, loc: Sequence[str | int]) -> Located:
    """Follow a pydantic ``loc`` through the node tree.

    Steps that have no node (a discriminated union's tag) are skipped; a final missing key
    (a required field) is reported on the line of the mapping that lacks it.
    """
    if root is None:
        return Located(1, render_key(loc), None)
    node: Node = root
    line = root.start_mark.line + 1
    parts: list[str | int] = []
    for index, step in enumerate(loc):
        if isinstance(node, SequenceNode) and isinstance(step, int) \
                and 0 <= step < len(node.value):
            node = node.value[step]
            line = node.start_mark.line + 1
            parts.append(step)
            continue
        if isinstance(node, MappingNode) and isinstance(step, str) and step != "[key]":
            found = _find_key(node, step)
            if found is not None:
                line = found[0].start_mark.line + 1
                node = found[1]
                parts.append(step)
                continue
            if index < len(loc) - 1:
                continue
            line = node.start_mark.line + 1
            tag = _find_key(node, "type")
            if tag is not None and getattr(tag[1], "value", None) == step:
                return Located(line, render_key(parts), None)  # a model-level error of a union
        if step != "[key]":
            parts.append(step)
        return Located(line, render_key(parts), None)
    return Located(line, render_key(parts), node)


def node_path(root: Node, target: Node) -> list[str | int] | None:
    """The key path from ``root`` to ``target`` (by identity), for errors raised mid-construct."""
    seen: set[int] = set()

    def walk(node: Node, path: list[str | int]) -> list[str | int] | None:
        if node is target:
            return path
        if id(node) in seen:
            return None
        seen.add(id(node))
        if isinstance(node, MappingNode):
            for key_node, value_node in node.value:
                name = key_node.value if isinstance(key_node, ScalarNode) else "?"
                hit = walk(value_node, [*path, name])
                if hit is not None:
                    return hit
        elif isinstance(node, SequenceNode):
            for i, item in enumerate(node.value):
                hit = walk(item, [*path, i])
                if hit is not None:
                    return hit
        return None

    return walk(root, [])


_TYPE_NAMES = {bool: "a boolean", int: "a number", float: "a number", type(None): "an empty value"}
_MAX_REPORTED = 10


def located_error(exc: ValidationError, doc: YamlDocument) -> ConfigError:
    """Turn pydantic's errors into one ConfigError; the first line is the earliest error."""
    found: list[tuple[int, str, str]] = []
    for err in exc.errors():
        loc = list(err["loc"])
        if err["type"] == "unknown_key":
            loc.append(str((err.get("ctx") or {})["key"]))
        elif err["type"] in ("union_tag_invalid", "union_tag_not_found"):
            loc.append("type")
        where = locate(doc.root, loc)
        found.append((where.line or 0, where.key, _describe(err, where)))
    found.sort(key=lambda item: item[0])
    line, key, message = found[0]
    extra = [ConfigError(m, path=doc.path, line=ln, key=k).located()
             for ln, k, m in found[1:_MAX_REPORTED]]
    return ConfigError("\n".join([message, *extra]), path=doc.path, line=line or None,
                       key=key or None)


def _describe(err: ErrorDetails, where: Located) -> str:
    """A message in the config's terms rather than pydantic's."""
    kind, ctx, value = err["type"], err.get("ctx") or {}, err.get("input")
    if kind == "value_error":
        return str(ctx.get("error", err["msg"]))
    if kind in ("unknown_key", "extra_forbidden"):
        return err["msg"] if kind == "unknown_key" else "unknown key"
    if kind in ("missing", "union_tag_not_found"):
        return "required key is missing"
    if kind == "union_tag_invalid":
        return f"unknown type '{ctx.get('tag')}'; expected {ctx.get('expected_tags')}"
    if kind == "string_type":
        got = _TYPE_NAMES.get(type(value), f"a {type(value).__name__}")
        raw = where.node.value if isinstance(where.node, ScalarNode) else None
        hint = f"; quote it if you mean the text: \"{raw}\"" if raw else ""
        return f"expected text, got {got}{hint}"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return "expected a mapping of keys"
    if kind in ("tuple_type", "list_type"):
        return "expected a list"
    if kind == "string_too_short":
        return "must not be empty"
    got = f" (got {value!r})" if isinstance(value, str | int | float | bool) else ""
    return f"{err['msg']}{got}"
