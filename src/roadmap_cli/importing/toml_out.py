"""Write an imported roadmap as a TOML roadmap file that reads like a hand-written one.

The shape is fixed (README.md "The roadmap file"), so this is a small emitter rather than
a TOML library (``tomllib`` only reads): a header comment saying where the file came from,
the top-level keys, then each stage with a comment naming its heading, its topics and
their resources, keys always in the documented order. Strings are TOML basic strings
(multi-line ``\"\"\"`` ones for text with line breaks) with ``\\``, ``"`` and control
characters escaped; empty optional fields are left out, ``title_en`` is always written
(empty when unknown) so it is easy to fill in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from roadmap_cli.importing.markdown import ImportedRoadmap, ImportedStage, ImportedTopic
from roadmap_cli.importing.rules import text_width
from roadmap_cli.roadmap.model import ROADMAP_SCHEMA

__all__ = ["roadmap_dict", "toml_string", "write_toml"]

_ESCAPES = {"\\": "\\\\", '"': '\\"', "\b": "\\b", "\t": "\\t", "\f": "\\f", "\r": "\\r"}


_NEEDS_ESCAPE = re.compile(r'[\x00-\x1f\x7f"\\]')


def _escape(text: str, *, multiline: bool) -> str:
    if _NEEDS_ESCAPE.search(text) is None:  # the common case: nothing to escape
        return text
    out = []
    for ch in text:
        if ch == "\n":
            out.append("\n" if multiline else "\\n")
        elif ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return "".join(out)


def toml_string(text: str) -> str:
    """``text`` as a TOML basic string; text with line breaks becomes a multi-line basic
    string starting on the next line. Round-trips through ``tomllib`` exactly."""
    if "\n" in text:
        return '"""\n' + _escape(text, multiline=True) + '"""'
    return '"' + _escape(text, multiline=False) + '"'


def _array(values: Iterable[str]) -> str:
    return "[" + ", ".join(toml_string(v) for v in values) + "]"


def _comment(text: str) -> str:
    return " ".join(text.split())


def _stage_lines(number: int, stage: ImportedStage) -> list[str]:
    where = f"{stage.heading}, line {stage.line}" if stage.heading else "text outside any section"
    head = f"# ── Stage {number}: {_comment(stage.title)} ({_comment(where)}) "
    lines = ["", head + "─" * max(3, 80 - text_width(head)), "", "[[stages]]"]
    lines.append(f"id = {toml_string(stage.id)}")
    lines.append(f"title = {toml_string(stage.title)}")
    lines.append(f"title_en = {toml_string(stage.title_en)}")
    if stage.summary:
        lines.append(f"summary = {toml_string(stage.summary)}")
    for topic in stage.topics:
        lines.extend(_topic_lines(topic))
    return lines


def _topic_lines(topic: ImportedTopic) -> list[str]:
    lines = ["", f"[[stages.topics]]  # line {topic.line}" if topic.line else "[[stages.topics]]"]
    lines.append(f"id = {toml_string(topic.id)}")
    lines.append(f"title = {toml_string(topic.title)}")
    lines.append(f"title_en = {toml_string(topic.title_en)}")
    if topic.summary:
        lines.append(f"summary = {toml_string(topic.summary)}")
    if topic.requires:
        lines.append(f"requires = {_array(topic.requires)}")
    if topic.optional:
        lines.append("optional = true")
    if topic.aliases:
        lines.append(f"aliases = {_array(topic.aliases)}")
    if topic.duration:
        lines.append(f"duration = {toml_string(topic.duration)}")
    if topic.effort:
        lines.append(f"effort = {toml_string(topic.effort)}")
    for resource in topic.resources:
        lines.append("")
        lines.append("[[stages.topics.resources]]")
        lines.append(f"title = {toml_string(resource.title)}")
        lines.append(f"url = {toml_string(resource.url)}")
        lines.append(f"kind = {toml_string(resource.kind)}")
        if resource.note:
            lines.append(f"note = {toml_string(resource.note)}")
    return lines


def write_toml(roadmap: ImportedRoadmap, header: list[str]) -> str:
    """The roadmap file text for ``roadmap`` (ids already assigned).

    Args:
        roadmap: an imported roadmap after :func:`roadmap_cli.importing.ids.assign_ids`.
        header: lines for the header comment (without ``#``), e.g. the source file, the
            time it was generated (UTC, ISO 8601) and the command.

    Returns:
        TOML text ending in a newline.
    """
    lines = [f"# {_comment(line)}".rstrip() for line in header]
    lines += [
        "",
        f"schema = {ROADMAP_SCHEMA}",
        f"id = {toml_string(roadmap.id)}",
        f"title = {toml_string(roadmap.title)}",
        f"title_en = {toml_string(roadmap.title_en)}",
        f"language = {toml_string(roadmap.language)}",
    ]
    if roadmap.source:
        lines.append(f"source = {toml_string(roadmap.source)}")
    if roadmap.description:
        lines.append(f"description = {toml_string(roadmap.description)}")
    for number, stage in enumerate(roadmap.stages, start=1):
        lines.extend(_stage_lines(number, stage))
    return "\n".join(lines) + "\n"


def _topic_dict(topic: ImportedTopic) -> dict[str, Any]:
    out: dict[str, Any] = {"id": topic.id, "title": topic.title, "title_en": topic.title_en}
    if topic.summary:
        out["summary"] = topic.summary
    if topic.requires:
        out["requires"] = list(topic.requires)
    if topic.optional:
        out["optional"] = True
    if topic.aliases:
        out["aliases"] = list(topic.aliases)
    if topic.duration:
        out["duration"] = topic.duration
    if topic.effort:
        out["effort"] = topic.effort
    if topic.resources:
        out["resources"] = []
        for resource in topic.resources:
            item = {"title": resource.title, "url": resource.url, "kind": resource.kind}
            if resource.note:
                item["note"] = resource.note
            out["resources"].append(item)
    return out


def roadmap_dict(roadmap: ImportedRoadmap) -> dict[str, Any]:
    """Exactly what ``tomllib.loads(write_toml(roadmap, header))`` returns, built without
    parsing: ``roadmap import`` validates this instead of parsing the text it just wrote
    (a test checks the two are equal on every file of the import corpus)."""
    out: dict[str, Any] = {
        "schema": ROADMAP_SCHEMA,
        "id": roadmap.id,
        "title": roadmap.title,
        "title_en": roadmap.title_en,
        "language": roadmap.language,
    }
    if roadmap.source:
        out["source"] = roadmap.source
    if roadmap.description:
        out["description"] = roadmap.description
    out["stages"] = []
    for stage in roadmap.stages:
        item: dict[str, Any] = {"id": stage.id, "title": stage.title, "title_en": stage.title_en}
        if stage.summary:
            item["summary"] = stage.summary
        if stage.topics:
            item["topics"] = [_topic_dict(topic) for topic in stage.topics]
        out["stages"].append(item)
    return out
