"""Reading YAML safely and remembering where each value was written.

The document is composed once with PyYAML's SafeLoader, keeping the node tree (which carries line
numbers) and building plain Python data from it. Schema errors from pydantic come with a location
such as `('topics', 2, 'pages', 0)`; `line_of` walks the node tree along that location so the
message can name the line a nurse has to change.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import yaml


class _PackYamlLoader(yaml.SafeLoader):
    """SafeLoader that leaves dates as text, so pydantic reports a wrong date with its line number
    (PyYAML would raise a bare ValueError for 2026-13-45)."""


_PackYamlLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

MAX_NODES = 20_000
MAX_DEPTH = 32
"""A pack.yaml with more values than this is refused: no real pack needs it, and it bounds work."""


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
        issue = _check_events(text, first_line)
        if issue is not None:
            return issue
        loader = _PackYamlLoader(text)
        try:
            root = loader.get_single_node()
            if root is None:
                return YamlDocument(None, None, first_line)
            duplicate = _duplicate_key(root)
            if duplicate is not None:
                return YamlIssue(
                    first_line + duplicate[1],
                    f"'{duplicate[0]}' is written twice at the same level",
                    "keep only one of them",
                )
            if _count_nodes(root) > MAX_NODES:
                return YamlIssue(first_line, "the file is far too long", "split or shorten it")
            data = loader.construct_document(root)
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = first_line + (mark.line if mark else 0)
        what = error.problem or error.context or "the text is not valid YAML"
        return YamlIssue(
            line,
            f"this line cannot be read: {what}",
            "check the indentation, with spaces and not tabs, that each ':' is followed by a space, "
            "and put text containing ':' or '#' in quotes",
        )
    except (yaml.YAMLError, ValueError, TypeError, RecursionError) as error:
        return YamlIssue(
            first_line,
            f"the file cannot be read as YAML ({error.__class__.__name__})",
            "compare it with the example in docs/pack-format.md",
        )
    return YamlDocument(data, root, first_line)


def _check_events(text: str, first_line: int) -> YamlIssue | None:
    """Refuse aliases, deep nesting and huge documents while streaming, before building anything.

    PyYAML slows down sharply with nesting depth (a file of 100 000 '[' takes minutes), so parsing
    stops as soon as the document is nested deeper than any real pack needs.
    """
    depth = 0
    for count, event in enumerate(yaml.parse(text, Loader=_PackYamlLoader)):
        line = first_line + (event.start_mark.line if event.start_mark else 0)
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            return YamlIssue(
                line,
                "anchors and aliases (& and *) are not supported",
                "write each value out in full instead of repeating it with & and *",
            )
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                return YamlIssue(
                    line,
                    "the settings are nested far too deeply",
                    "compare the indentation with the example in docs/pack-format.md",
                )
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
        if count > 2 * MAX_NODES:
            return YamlIssue(line, "the file is far too long", "shorten it")
    return None


def _count_nodes(root: yaml.Node) -> int:
    count = 0
    stack: list[yaml.Node] = [root]
    while stack:
        node = stack.pop()
        count += 1
        if count > MAX_NODES:
            break
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.extend((key, value))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return count


def _duplicate_key(root: yaml.Node) -> tuple[str, int] | None:
    stack: list[yaml.Node] = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.MappingNode):
            seen: set[str] = set()
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    if key.value in seen:
                        return str(key.value), key.start_mark.line
                    seen.add(key.value)
                stack.append(value)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return None


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
