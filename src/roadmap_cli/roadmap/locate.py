"""Where in a roadmap TOML file a problem is: the line a location such as
``stages[2].topics[5].resources[0].url`` points at."""

from __future__ import annotations

import re

__all__ = ["locate_line"]

_HEADER = re.compile(r"^\s*\[\[\s*([A-Za-z0-9_.\s]+?)\s*\]\]")

_TABLE = re.compile(r"^\s*\[[^\[]")

_KEY = re.compile(r"^\s*([A-Za-z0-9_-]+)\s*=")

_PART = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)((?:\[\d+\])*)")

_TABLES = ("stages", "topics", "resources")


def locate_line(text: str, location: str) -> int | None:
    """The 1-based line of ``text`` that a problem ``location`` such as
    ``stages[2].topics[5].resources[0].url`` points at, or None if it cannot be found.

    Follows ``[[stages]]``, ``[[stages.topics]]`` and ``[[stages.topics.resources]]``
    headers in order; finds the key's line within the table, else the table's header
    line. Best effort: files written with inline tables get None.
    """
    syntax = re.match(r"line (\d+)", location)
    if syntax:
        return int(syntax.group(1))
    tables: list[tuple[str, int]] = []
    key: str | None = None
    for part in location.split("."):
        match = _PART.fullmatch(part)
        if match is None:
            return None
        indexes = [int(i) for i in re.findall(r"\d+", match.group(2))]
        if indexes and match.group(1) in _TABLES and key is None:
            tables.append((match.group(1), indexes[0]))
        else:
            key = key or match.group(1)
            break
    want_path = ".".join(name for name, _ in tables)
    want_index = [index for _, index in tables]
    seen: dict[tuple[str, tuple[int, ...]], int] = {}
    current: list[int] = []
    path = ""
    found: int | None = None
    for number, line in enumerate(text.splitlines(), 1):
        header = _HEADER.match(line)
        if header or _TABLE.match(line):
            if found is not None:
                return found
            path = header.group(1).replace(" ", "") if header else "?"
            depth = path.count(".") + 1
            parent = tuple(current[: depth - 1])
            seen[(path, parent)] = seen.get((path, parent), -1) + 1
            current = [*parent, seen[(path, parent)]]
            if tables and path == want_path and current == want_index:
                found = number
                if key is None:
                    return number
            continue
        in_target = found is not None or (not tables and path == "")
        if in_target and key is not None:
            match = _KEY.match(line)
            if match and match.group(1) == key:
                return number
    return found
