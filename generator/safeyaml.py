"""YAML written by contributors, loaded as plain data with every failure named.

Front matter and `content/actors.yml` are written by hand and may be careless or hostile. A value
the YAML constructor rejects (`date: 2024-13-45`, `title: !!int`) must be an error naming its key,
not an exception that stops the build; a few hundred bytes of nested aliases must not expand into
gigabytes. So the document is composed first (aliases stay shared nodes, nothing is expanded),
its expanded size is bounded, and each value is then built on its own. Dates stay text: the
reader checks them and says which key is wrong.
"""

from __future__ import annotations

from typing import Any

import yaml

# Nodes a document may expand to, aliases followed: far above any real front matter or
# actors.yml, far below what an alias bomb needs to hurt.
MAX_NODES = 20_000
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML has it: faster


class _Loader(_BASE):  # type: ignore[misc, valid-type]
    """The safe loader without implicit timestamps: "2024-13-45" stays the text it is."""

    yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != _TIMESTAMP]
        for first, resolvers in _BASE.yaml_implicit_resolvers.items()
    }


class YamlError(ValueError):
    """What is wrong with a YAML text, naming the key (dotted path) at fault when there is one."""

    def __init__(self, message: str, key: str = "", line: int | None = None) -> None:
        self.message, self.key, self.line = message, key, line
        super().__init__(f"{key!r}: {message}" if key else message)


def load_yaml(text: str) -> Any:
    """The document of `text` as plain data (dicts, lists, text, numbers, booleans, None)."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        where = f" (line {line})" if line is not None else ""
        raise YamlError(f"not valid YAML{where}: fix it or remove it", line=line) from exc
    if node is None:
        return None
    _check_size(node)
    return _build(node, _Loader(""), "")


def _check_size(root: yaml.Node) -> None:
    """Refuse a document whose aliases expand beyond `MAX_NODES` nodes (or loop)."""
    count, stack = 0, [root]
    while stack:
        node = stack.pop()
        count += 1
        if count > MAX_NODES:
            raise YamlError(f"expands to more than {MAX_NODES} values through aliases (&/*): write it out plainly")
        if isinstance(node, yaml.MappingNode):
            stack.extend(part for pair in node.value for part in pair)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)


def _build(node: yaml.Node, loader: Any, key: str) -> Any:
    """Plain data of one node, each scalar built on its own so a failure names its key."""
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            name = _build(key_node, loader, key)
            if not isinstance(name, (str, int, float, bool)) or name is None:
                raise YamlError("a key must be a word, not a list or a mapping", key)
            path = f"{key}.{name}" if key else str(name)
            out[name] = _build(value_node, loader, path)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, loader, f"{key}[{n}]") for n, item in enumerate(node.value)]
    try:
        return loader.construct_object(node, deep=True)
    except (yaml.YAMLError, ValueError, TypeError, IndexError, OverflowError) as exc:
        raise YamlError(f"value {node.value!r} cannot be read as {node.tag.rsplit(':', 1)[-1]}", key) from exc
