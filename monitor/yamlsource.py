"""YAML loading that keeps node marks, so every config error can name ``file:line:key``.

The loader is ``yaml.SafeLoader`` (no python tags, CVE-2017-18342) with four changes:

- booleans are YAML 1.2 style: only ``true``/``false``, so an organisation called ``NO`` or
  ``On`` stays a string instead of silently becoming ``False``/``True``;
- integers are decimal only, so ``1:30`` is not read as sexagesimal 90 and ``010`` is not octal;
- a mapping that repeats a key is an error (PyYAML silently keeps the last one);
- alias use is capped (count and expanded size) against billion-laughs documents (pyyaml #235).

The composed node tree is kept next to the data, so configplaces.py can map a pydantic error
location such as ``("sources", 2, "interval")`` back to the line it came from.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import ConstructorError
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from monitor.configplaces import node_path, render_key
from monitor.errors import ConfigError

MAX_BYTES = 1024 * 1024
# A watch list file has its own cap: 50,000 organisations with aliases are tens of MB.
WATCHLIST_MAX_BYTES = 64 * 1024 * 1024
MAX_ALIASES = 100
MAX_ALIAS_NODES = 10_000

_BOOL_TAG = "tag:yaml.org,2002:bool"
_INT_TAG = "tag:yaml.org,2002:int"
_MERGE_TAG = "tag:yaml.org,2002:merge"
_BOM = b"\xef\xbb\xbf"

Resolvers = dict[Any, list[tuple[str, re.Pattern[str]]]]


def _yaml12_resolvers() -> Resolvers:
    """SafeLoader's implicit resolvers with YAML 1.2 booleans and decimal-only integers."""
    table: Resolvers = {}
    for first, entries in yaml.SafeLoader.yaml_implicit_resolvers.items():
        kept = [(tag, rx) for tag, rx in entries if tag not in (_BOOL_TAG, _INT_TAG)]
        if kept:
            table[first] = kept
    extra = [
        (_BOOL_TAG, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), "tTfF"),
        (_INT_TAG, re.compile(r"^[-+]?(?:0|[1-9][0-9_]*)$"), "-+0123456789"),
    ]
    for tag, regexp, firsts in extra:
        for first in firsts:
            table.setdefault(first, []).append((tag, regexp))
    return table


class DuplicateKeyError(ConstructorError):
    """A mapping repeats a key; carries the mapping node so the caller can name its path."""

    def __init__(self, mapping: MappingNode, key: str, first: Node, again: Node) -> None:
        self.mapping = mapping
        self.key = key
        super().__init__(
            None, None,
            f"duplicate key '{key}' (first defined on line {first.start_mark.line + 1})",
            again.start_mark,
        )


class MarkedLoader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2 scalars, duplicate-key detection and an alias cap."""

    yaml_implicit_resolvers = _yaml12_resolvers()

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.alias_count = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        """Count aliases as they are met, before any expansion can happen."""
        if self.check_event(yaml.AliasEvent):
            self.alias_count += 1
            if self.alias_count > MAX_ALIASES:
                event = self.peek_event()  # type: ignore[no-untyped-call]
                raise yaml.composer.ComposerError(
                    None, None, f"too many aliases (more than {MAX_ALIASES})", event.start_mark,
                )
        return super().compose_node(parent, index)

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict[Any, Any]:
        """Reject repeated keys; keys brought in by a ``<<`` merge may still be overridden."""
        if isinstance(node, MappingNode):
            seen: dict[tuple[str, str], Node] = {}
            for key_node, _ in node.value:
                if key_node.tag == _MERGE_TAG or not isinstance(key_node, ScalarNode):
                    continue
                ident = (key_node.tag, key_node.value)
                if ident in seen:
                    raise DuplicateKeyError(node, key_node.value, seen[ident], key_node)
                seen[ident] = key_node
        return super().construct_mapping(node, deep=deep)


def _fast_loader() -> type[MarkedLoader] | None:
    """MarkedLoader with libyaml's parser and composer, if PyYAML was built with libyaml:
    the same resolvers and duplicate-key check, ten times faster on a large watch list."""
    try:
        from yaml._yaml import CParser
    except ImportError:
        return None

    class Fast(CParser, MarkedLoader):
        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            yaml.constructor.SafeConstructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)
            self.alias_count = 0

    return Fast


FastMarkedLoader = _fast_loader()


@dataclass(frozen=True)
class YamlDocument:
    """Parsed data together with the node tree it was constructed from."""

    path: str
    data: Any
    root: Node | None


def load_yaml(path: str | Path, *, max_bytes: int = MAX_BYTES, fast: bool = False
              ) -> YamlDocument:
    """Read, size-check and decode ``path`` (UTF-8, BOM allowed), then parse it.

    ``fast`` parses with libyaml when PyYAML has it (a large watch list: seconds instead
    of minutes); the rules are the same, except that aliases are limited by their
    expanded size only."""
    return parse_yaml(read_text(path, max_bytes), str(path), fast=fast)


def load_json(path: str | Path, *, max_bytes: int = MAX_BYTES) -> Any:
    """Read and parse a JSON file (a large watch list loads in a fraction of YAML's time);
    a syntax error names its line."""
    text = read_text(path, max_bytes)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ConfigError(f"invalid JSON: {exc.msg} (column {exc.colno})", path=str(path),
                          line=exc.lineno) from exc


def read_text(path: str | Path, max_bytes: int) -> str:
    """The file as text: at most ``max_bytes``, UTF-8 (a BOM is allowed)."""
    label = str(path)
    try:
        with open(path, "rb") as handle:
            raw = handle.read(max_bytes + 1)
    except OSError as exc:
        raise ConfigError(f"cannot read file: {exc.strerror or exc}", path=label) from exc
    if len(raw) > max_bytes:
        raise ConfigError(f"file is larger than {max_bytes} bytes", path=label, line=1)
    if raw.startswith(_BOM):
        raw = raw[len(_BOM):]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        bad = raw[exc.start:exc.start + 1].hex()
        raise ConfigError(
            f"file is not valid UTF-8 (byte 0x{bad}); save it as UTF-8", path=label, line=line,
        ) from exc


def parse_yaml(text: str, label: str, *, fast: bool = False) -> YamlDocument:
    """Parse one YAML document from ``text``; every failure becomes a located ConfigError."""
    root: Node | None = None
    try:
        loader = FastMarkedLoader(text) if fast and FastMarkedLoader is not None \
            else MarkedLoader(text)
    except yaml.reader.ReaderError as exc:
        raise _from_reader(exc, text, label) from exc
    try:
        root = loader.get_single_node()
        data = None if root is None else _construct(loader, root)
    except DuplicateKeyError as exc:
        mark = exc.problem_mark
        parent = node_path(root, exc.mapping) if root is not None else None
        key = render_key([*(parent or []), exc.key])
        raise ConfigError(exc.problem or "duplicate key", path=label,
                          line=mark.line + 1 if mark else None, key=key) from exc
    except yaml.MarkedYAMLError as exc:
        raise _from_marked(exc, label) from exc
    except yaml.reader.ReaderError as exc:
        raise _from_reader(exc, text, label) from exc
    except RecursionError as exc:
        raise ConfigError("document is nested too deeply", path=label, line=1) from exc
    finally:
        loader.dispose()
    return YamlDocument(path=label, data=data, root=root)


def _construct(loader: MarkedLoader, root: Node) -> Any:
    _check_expansion(root)
    return loader.construct_document(root)


def _from_reader(exc: yaml.reader.ReaderError, text: str, label: str) -> ConfigError:
    """PyYAML refuses control characters; report the line, not the offset."""
    line = text.count("\n", 0, exc.position) + 1
    return ConfigError(f"unacceptable character #x{exc.character:04x}", path=label, line=line)


def _from_marked(exc: yaml.MarkedYAMLError, label: str) -> ConfigError:
    """``problem`` at ``problem_mark`` (1-based), with the context PyYAML gives, if any."""
    mark = exc.problem_mark or exc.context_mark
    message = exc.problem or exc.context or "invalid YAML"
    if mark is not None:
        message = f"{message} (column {mark.column + 1})"
    if exc.context and exc.context_mark is not None and exc.problem:
        message = f"{message}, {exc.context} at line {exc.context_mark.line + 1}"
    if "python/" in message:
        message += "; python tags are not allowed"
    return ConfigError(message, path=label, line=mark.line + 1 if mark else None)


def _check_expansion(root: Node) -> None:
    """Refuse documents whose aliases expand to too many nodes, or refer to themselves."""
    sizes: dict[int, int] = {}
    active: set[int] = set()
    unique: set[int] = set()

    def size(node: Node) -> int:
        ident = id(node)
        if ident in sizes:
            return sizes[ident]
        if ident in active:
            raise yaml.composer.ComposerError(
                None, None, "recursive alias", node.start_mark)
        active.add(ident)
        unique.add(ident)
        total = 1
        for child in _children(node):
            total += size(child)
        active.discard(ident)
        sizes[ident] = total
        return total

    expanded = size(root)
    if expanded - len(unique) > MAX_ALIAS_NODES:
        raise yaml.composer.ComposerError(
            None, None,
            f"aliases expand to more than {MAX_ALIAS_NODES} extra nodes", root.start_mark,
        )


def _children(node: Node) -> list[Node]:
    if isinstance(node, MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, SequenceNode):
        return list(node.value)
    return []
