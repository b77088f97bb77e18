"""Builders for the small roadmaps tests need, instead of TOML written out by hand (and
a few text helpers):

    make_roadmap(stages=[("s1", [topic("a"), topic("b", requires=["a"])])], id="demo")

returns the TOML text of a valid roadmap (and writes it when given ``path=``). Titles
default to ``Stage <id>`` / ``Topic <id>``; any other field is passed as a keyword and
written as given, in that order, so a test can also build a roadmap that is wrong in one
field. Tests about TOML syntax or about where validation finds a problem keep literal TOML.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

Table = dict[str, Any]


def toml_value(value: Any) -> str:
    """``value`` (str, bool, int, float or a list of them) as a TOML value. Strings are
    basic strings: JSON's escapes are TOML's, and DEL, which JSON keeps, is escaped."""
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    raise TypeError(f"no TOML for {value!r}")


def resource(url: str, title: str = "r", kind: str = "site", **fields: Any) -> Table:
    """One ``[[stages.topics.resources]]`` entry."""
    return {"title": title, "url": url, "kind": kind, **fields}


def topic(
    id: str,
    title: str | None = None,
    *,
    resources: Iterable[Table] = (),
    **fields: Any,
) -> Table:
    """One ``[[stages.topics]]`` entry; ``fields`` such as ``requires=["a"]``,
    ``aliases=[...]``, ``title_en=...``, ``optional=True``, ``summary=...``."""
    return {"id": id, "title": f"Topic {id}" if title is None else title, **fields} | {
        "resources": list(resources)
    }


def stage(id: str, topics: Iterable[Table], title: str | None = None, **fields: Any) -> Table:
    """One ``[[stages]]`` entry with its topics."""
    return {"id": id, "title": f"Stage {id}" if title is None else title, **fields} | {
        "topics": list(topics)
    }


def _lines(header: str | None, table: Table, skip: str) -> list[str]:
    out = [] if header is None else ["", header]
    out += [f"{key} = {toml_value(value)}" for key, value in table.items() if key != skip]
    return out


def make_roadmap(
    stages: Sequence[Table | tuple[str, Iterable[Table]]],
    *,
    id: str = "demo",
    title: str | None = None,
    language: str | None = "en",
    path: Path | None = None,
    **fields: Any,
) -> str:
    """The TOML text of a roadmap (schema 1) with these stages: each a :func:`stage` or a
    ``(stage id, [topic, ...])`` pair. ``language=None`` leaves the field out; ``fields``
    are further top-level fields (``title_en``, ``source``, ...). With ``path``, the text
    is also written there (UTF-8)."""
    head: Table = {"schema": 1, "id": id, "title": f"Roadmap {id}" if title is None else title}
    if language is not None:
        head["language"] = language
    lines = _lines(None, head | fields, skip="")
    for entry in stages:
        table = stage(*entry) if isinstance(entry, tuple) else entry
        lines += _lines("[[stages]]", table, skip="topics")
        for item in table["topics"]:
            lines += _lines("[[stages.topics]]", item, skip="resources")
            for link in item["resources"]:
                lines += _lines("[[stages.topics.resources]]", link, skip="")
    text = "\n".join(lines) + "\n"
    if path is not None:
        path.write_text(text, encoding="utf-8")
    return text


#: A roadmap with exactly three problems (an unknown field, an unknown prerequisite, an ftp
#: link), in this file order; literal TOML, since the tests that use it are about problems.
BROKEN = """schema = 1
id = "b1"
title = "B1"
colour = "red"

[[stages]]
id = "s"
title = "S"

[[stages.topics]]
id = "a"
title = "A"
requires = ["nope"]

[[stages.topics.resources]]
title = "r"
url = "ftp://example.com/x"
kind = "site"
"""


def flat(text: str) -> str:
    """``text`` with every run of white space (a folded line break too) as one space."""
    return " ".join(text.split())
