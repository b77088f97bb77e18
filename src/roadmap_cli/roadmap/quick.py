"""A pydantic-free check of roadmap data built by the program itself (``roadmap import``).

:func:`roadmap_cli.roadmap.checks.check_parsed` validates each field with the pydantic
models of :mod:`roadmap_cli.roadmap.schema`: importing and building them costs ~100 ms,
and validating a roadmap of thousands of topics as much again. Data the program built
itself is almost always valid, so :func:`quick_check` checks it with the same per-field
rules in plain Python — the same field names, required fields, types (exact ``str``,
``bool``, ``int``, ``list``, ``dict``: stricter than pydantic's strict mode), id and URL
checks, kinds and length limits — and builds the plain :class:`~roadmap_cli.roadmap.model.
Roadmap` directly. It gives no verdict (None) as soon as anything is unusual; the caller
then runs :func:`check_parsed`, whose messages are the only ones ever shown. So the quick
check can only say "valid" where pydantic says so too; a test keeps its tables equal to
the pydantic models' fields and compares both on the whole import corpus.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from roadmap_cli.roadmap.checks import Problem, _check_cross_references
from roadmap_cli.roadmap.model import (
    RESOURCE_KINDS,
    RESOURCE_ORIGINS,
    ROADMAP_SCHEMA,
    Resource,
    Roadmap,
    Stage,
    Topic,
    is_valid_id,
)
from roadmap_cli.support.urls import check_url

__all__ = ["MAX_SUMMARY_LENGTH", "MAX_TITLE_LENGTH", "quick_check"]

#: The same limits as :mod:`roadmap_cli.roadmap.schema` (a test holds them equal).
MAX_TITLE_LENGTH = 5_000
MAX_SUMMARY_LENGTH = 20_000

_Check = Callable[[Any], bool]


def _text(value: Any) -> bool:
    return type(value) is str and bool(value.strip()) and len(value) <= MAX_TITLE_LENGTH


def _title_en(value: Any) -> bool:
    return type(value) is str and len(value) <= MAX_TITLE_LENGTH


def _long(value: Any) -> bool:
    return type(value) is str and len(value) <= MAX_SUMMARY_LENGTH


def _plain_str(value: Any) -> bool:
    return type(value) is str


def _id(value: Any) -> bool:
    return type(value) is str and is_valid_id(value)


def _url(value: Any) -> bool:
    return type(value) is str and check_url(value) is None


def _ids(value: Any) -> bool:
    return type(value) is list and all(_id(item) for item in value)


def _kind(value: Any) -> bool:
    return type(value) is str and value in RESOURCE_KINDS


def _origin(value: Any) -> bool:
    return type(value) is str and value in RESOURCE_ORIGINS


def _flag(value: Any) -> bool:
    return type(value) is bool


#: Each model's fields as the file names them: field -> its check. ``None`` values are
#: never accepted here (a TOML file cannot hold them), nor are nested lists checked by
#: these tables (stages, topics, resources: see :func:`quick_check`).
RESOURCE_FIELDS: dict[str, _Check] = {
    "title": _text,
    "url": _url,
    "kind": _kind,
    "lang": _plain_str,
    "note": _long,
    "note_en": _long,
    "origin": _origin,
    "editor_note": _long,
    "editor_note_en": _long,
}
#: What stages and topics both have.
_GUIDED_FIELDS: dict[str, _Check] = {
    "id": _id,
    "title": _text,
    "title_en": _title_en,
    "summary": _long,
    "summary_en": _long,
    "editor_note": _long,
    "editor_note_en": _long,
}
TOPIC_FIELDS: dict[str, _Check] = {
    **_GUIDED_FIELDS,
    "requires": _ids,
    "optional": _flag,
    "aliases": _ids,
    "duration": _plain_str,
    "effort": _plain_str,
}
STAGE_FIELDS: dict[str, _Check] = dict(_GUIDED_FIELDS)
ROADMAP_FIELDS: dict[str, _Check] = {
    "id": _id,
    "title": _text,
    "title_en": _title_en,
    "language": _plain_str,
    "source": _url,
    "description": _long,
    "description_en": _long,
}
#: Fields without a default.
REQUIRED = {
    "resource": ("title", "url", "kind"),
    "topic": ("id", "title"),
    "stage": ("id", "title"),
    "roadmap": ("schema", "id", "title", "stages"),
}


def _fields(item: Any, table: dict[str, _Check], nested: str, required: tuple[str, ...]) -> bool:
    """True when ``item`` is a dict whose keys are ``table``'s (or ``nested``), holding
    every ``required`` one, and every value in ``table`` passes its check."""
    if type(item) is not dict:
        return False
    for name in required:
        if name not in item:
            return False
    for name, value in item.items():
        check = table.get(name)
        if check is None:
            if name != nested:
                return False
        elif not check(value):
            return False
    return True


def _lists_of_dicts(item: dict[str, Any], key: str) -> list[dict[str, Any]] | None:
    value = item.get(key, [])
    if type(value) is not list or not all(type(v) is dict for v in value):
        return None
    return value


def _topic(raw: dict[str, Any]) -> Topic | None:
    if not _fields(raw, TOPIC_FIELDS, "resources", REQUIRED["topic"]):
        return None
    items = _lists_of_dicts(raw, "resources")
    if items is None:
        return None
    resources = []
    for item in items:
        if not _fields(item, RESOURCE_FIELDS, "", REQUIRED["resource"]):
            return None
        resources.append(Resource(**item))
    values = {**raw, "resources": resources}
    for key in ("requires", "aliases"):
        if key in values:
            values[key] = list(values[key])
    return Topic(**values)


def _roadmap(raw: dict[str, Any]) -> Roadmap | None:
    if raw.get("schema") != ROADMAP_SCHEMA or type(raw.get("schema")) is not int:
        return None
    rest = {k: v for k, v in raw.items() if k != "schema"}
    if not _fields(rest, ROADMAP_FIELDS, "stages", REQUIRED["roadmap"][1:]):
        return None
    stages_raw = _lists_of_dicts(rest, "stages")
    if not stages_raw:  # at least one stage
        return None
    stages = []
    for stage_raw in stages_raw:
        if not _fields(stage_raw, STAGE_FIELDS, "topics", REQUIRED["stage"]):
            return None
        topics_raw = _lists_of_dicts(stage_raw, "topics")
        if topics_raw is None:
            return None
        topics = []
        for topic_raw in topics_raw:
            topic = _topic(topic_raw)
            if topic is None:
                return None
            topics.append(topic)
        stages.append(Stage(**{**stage_raw, "topics": topics}))
    return Roadmap(schema_version=ROADMAP_SCHEMA, **{**rest, "stages": stages})


def quick_check(raw: dict[str, Any]) -> tuple[Roadmap | None, list[Problem]] | None:
    """What :func:`roadmap_cli.roadmap.checks.check_parsed` returns for ``raw``, found
    without pydantic, or None when ``raw`` is not plainly valid field by field (then call
    ``check_parsed``, which names each problem). Never raises for bad input."""
    try:
        roadmap = _roadmap(raw)
    except (TypeError, ValueError, RecursionError):
        return None
    if roadmap is None:
        return None
    problems = _check_cross_references(roadmap)
    if any(p.severity == "error" for p in problems):
        return None, problems
    return roadmap, problems
