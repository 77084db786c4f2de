"""Reading YAML safely and remembering where each value was written.

Each document is read in one pass: PyYAML's C parser (libyaml) turns the text into events, and
a small composer builds the node tree (which carries line numbers) from them, refusing anchors,
aliases, deep nesting, duplicate keys and huge documents as it goes, before any Python data is
built. Without libyaml the pure-Python parser does the same, only slower. Schema errors from
pydantic come with a location such as `('topics', 2, 'pages', 0)`; `line_of` walks the node tree
along that location so the message can name the line a nurse has to change.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import yaml
from yaml.composer import Composer

from kiosk.content.yaml_messages import plain_words, points_at_start

MAX_NODES = 20_000
MAX_DEPTH = 32
"""A pack.yaml with more values than this is refused: no real pack needs it, and it bounds work."""

_TOO_DEEP = "the settings are nested far too deeply"
_TOO_DEEP_FIX = "compare the indentation with the example in docs/pack-format.md"


class _Refused(Exception):
    """Raised by the composer to stop reading at the first thing a pack may not contain."""

    def __init__(self, line: int, message: str, fix: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message
        self.fix = fix


class _GuardedComposer(Composer):
    """Builds the node tree from parser events, stopping at anything the pack format refuses.

    PyYAML slows down sharply with nesting depth (a file of 100 000 '[' takes minutes), and the
    C composer recurses without limit, so composing stops as soon as the document is nested
    deeper than any real pack needs. A duplicate key is remembered and reported once the whole
    document has been read, so a syntax error, alias or deep nesting anywhere is reported first.
    """

    def _start_guard(self) -> None:
        self.anchors = {}
        self.depth = 0
        self.node_count = 0
        self.duplicate: tuple[str, int] | None = None

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node:
        loader: Any = self  # the parser and resolver this composer is mixed into
        event = loader.peek_event()
        line = event.start_mark.line if event.start_mark else 0
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise _Refused(
                line,
                "anchors and aliases (& and *) are not supported",
                "write each value out in full instead of repeating it with & and *",
            )
        self.node_count += 1
        if self.node_count > MAX_NODES:
            raise _Refused(0, "the file is far too long", "split or shorten it")
        if isinstance(event, yaml.CollectionStartEvent):
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise _Refused(line, _TOO_DEEP, _TOO_DEEP_FIX)
        loader.descend_resolver(parent, index)
        if isinstance(event, yaml.ScalarEvent):
            node: yaml.Node = self.compose_scalar_node(None)  # type: ignore[arg-type]
        elif isinstance(event, yaml.SequenceStartEvent):
            node = self.compose_sequence_node(None)  # type: ignore[arg-type]
        else:
            node = self.compose_mapping_node(None)  # type: ignore[arg-type]
            self._note_duplicate(node)
        if isinstance(event, yaml.CollectionStartEvent):
            self.depth -= 1
        loader.ascend_resolver()
        return node

    def _note_duplicate(self, node: yaml.MappingNode) -> None:
        if self.duplicate is not None:
            return
        seen: set[str] = set()
        for key, _value in node.value:
            if isinstance(key, yaml.ScalarNode):
                if key.value in seen:
                    self.duplicate = (str(key.value), key.start_mark.line)
                    return
                seen.add(key.value)


def _without_timestamps(loader: type[yaml.SafeLoader]) -> dict[str, list[tuple[str, object]]]:
    """Leave dates as text, so pydantic reports a wrong date with its line number (PyYAML would
    raise a bare ValueError for 2026-13-45)."""
    return {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in loader.yaml_implicit_resolvers.items()
    }


class _PackYamlLoader(_GuardedComposer, yaml.SafeLoader):
    """Pure-Python parser; used when PyYAML was built without libyaml."""

    def __init__(self, stream: str) -> None:
        yaml.SafeLoader.__init__(self, stream)
        self._start_guard()


_PackYamlLoader.yaml_implicit_resolvers = _without_timestamps(yaml.SafeLoader)

_Loader: Callable[[str], _GuardedComposer] = _PackYamlLoader

if getattr(yaml, "__with_libyaml__", False):

    class _PackCYamlLoader(_GuardedComposer, yaml.CSafeLoader):
        """libyaml's parser with the guarded composer; several times faster than pure Python."""

        def __init__(self, stream: str) -> None:
            yaml.CSafeLoader.__init__(self, stream)
            self._start_guard()

    _PackCYamlLoader.yaml_implicit_resolvers = _without_timestamps(yaml.SafeLoader)
    _Loader = _PackCYamlLoader


@dataclass(frozen=True)
class YamlIssue:
    line: int
    message: str
    fix: str


@dataclass(frozen=True)
class YamlDocument:
    data: object
    root: yaml.Node | None
    first_line: int
    """Line number (1-based) in the file of the document's first line."""


def parse_yaml(text: str, first_line: int = 1) -> YamlDocument | YamlIssue:
    """Parse `text` with the safe loader; any mistake comes back as a YamlIssue, never raised."""
    try:
        loader = _Loader(text)
        try:
            root = loader.get_single_node()
            if root is None:
                return YamlDocument(None, None, first_line)
            if loader.duplicate is not None:
                key, line = loader.duplicate
                return YamlIssue(
                    first_line + line,
                    f"'{key}' is written twice at the same level",
                    "keep only one of them",
                )
            data = loader.construct_document(root)  # type: ignore[attr-defined]
        finally:
            loader.dispose()  # type: ignore[attr-defined]
    except _Refused as refusal:
        return YamlIssue(first_line + refusal.line, refusal.message, refusal.fix)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        if points_at_start(error.problem, error.context) and error.context_mark is not None:
            mark = error.context_mark
        line = first_line + (mark.line if mark else 0)
        if "nesting depth" in str(error.problem):
            # libyaml's own limit (1000 levels), met while it reads ahead of the composer.
            return YamlIssue(line, _TOO_DEEP, _TOO_DEEP_FIX)
        what, fix = plain_words(error.problem, error.context, _character_at(text, mark))
        return YamlIssue(line, what, fix)
    except (yaml.YAMLError, ValueError, TypeError, RecursionError) as error:
        return YamlIssue(
            first_line,
            f"the file cannot be read as YAML ({error.__class__.__name__})",
            "compare it with the example in docs/pack-format.md",
        )
    return YamlDocument(data, root, first_line)


def _character_at(text: str, mark: yaml.Mark | None) -> str:
    """The character a parser mark points at ('' past the end or without a mark). Found by line and
    column, which count the same way in libyaml and the pure-Python parser."""
    if mark is None:
        return ""
    lines = text.split("\n", mark.line + 1)
    if mark.line >= len(lines) or not 0 <= mark.column < len(lines[mark.line]):
        return ""
    return lines[mark.line][mark.column]


def line_of(document: YamlDocument, location: Sequence[int | str]) -> int:
    """The 1-based line in the file where the value at `location` was written.

    Walks as deep as the location matches; a missing key points at the mapping that should hold it.
    """
    node = document.root
    if node is None:
        return document.first_line
    line = node.start_mark.line
    for step in location:
        child: yaml.Node | None = None
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode) and key.value == str(step):
                    child = value
                    line = key.start_mark.line
                    break
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
            child = node.value[step]
            line = child.start_mark.line
        if child is None:
            break
        node = child
        if not isinstance(node, yaml.ScalarNode | yaml.MappingNode | yaml.SequenceNode):
            break
        if isinstance(node, yaml.ScalarNode):
            line = node.start_mark.line
    return document.first_line + line
