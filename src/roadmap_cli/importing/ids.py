"""Ids for an imported roadmap, keeping those of an earlier import.

:func:`assign_ids` gives every stage and topic of an
:class:`~roadmap_cli.importing.markdown.ImportedRoadmap` an id. Re-importing over an earlier output
file (``roadmap import FILE.md -o out.toml --force``) first reads that file with
:func:`read_previous`; then a topic whose title occurs more than once (“YouTube video
lecture” ×7) keeps the id of the earlier topic of that title that shares a link with it;
other topics keep the id they had when they have the same title in the same stage, else the
same title anywhere (if that title was unique), else exactly the same links (a renamed
topic). A new id is made from the title; for a repeated title, from its parent's title
(the heading, label or item it sits under, or its stage) and its own:
``lecture-2-youtube-video-lecture``, so removing or moving one block never hands its id to
another. A kept topic also keeps what was added to it by hand: ``title_en``,
``aliases``, ``requires`` (those that still resolve) and ``optional``. Stages keep their
id and ``title_en`` by title; the roadmap keeps its ``id``, ``title_en`` and ``source``.
Everything else gets a new id made from its title (:func:`roadmap_cli.importing.rules.slugify`).

A topic never gets the id of a stage: a new topic id that would equal one is qualified
with its stage's id (``planning-overview-of-agents``), or with ``overview`` for a topic
in the stage of the same name; a kept id that equals a stage id (made by an older
version) is replaced so, and kept as an alias, so progress follows the topic.
"""

from __future__ import annotations

import tomllib
from collections import Counter
from dataclasses import field
from pathlib import Path
from typing import Any

from roadmap_cli.importing.markdown import ImportedRoadmap, ImportedTopic
from roadmap_cli.importing.rules import slugify, unique_id
from roadmap_cli.support.records import record

__all__ = ["Previous", "assign_ids", "read_previous"]

#: A repeated title's id starts with its parent's, cut to this many characters.
PARENT_LENGTH = 24


@record(frozen=False)
class _OldTopic:
    id: str
    title_en: str = ""
    aliases: list[str] = field(default_factory=list)
    requires: list[str] = field(default_factory=list)
    optional: bool | None = None
    title: str = ""


@record(frozen=False)
class Previous:
    """What an earlier import (or a hand-edited copy of it) held, by title.

    Attributes:
        roadmap: the top-level ``id``, ``title_en`` and ``source`` (strings, may be absent).
        stages: stage title → ``(id, title_en)``.
        by_place: ``(stage title, topic title)`` → the topic's id and hand-made fields.
        by_title: topic title → the same, for titles that occurred once.
        by_links: the topic's resource URLs (in order) → the same, when unique.
        by_url: one resource URL → the topic that has it, when only one has it.
        topic_ids: every topic id the file held.
    """

    roadmap: dict[str, str] = field(default_factory=dict)
    stages: dict[str, tuple[str, str]] = field(default_factory=dict)
    by_place: dict[tuple[str, str], _OldTopic | None] = field(default_factory=dict)
    by_title: dict[str, _OldTopic | None] = field(default_factory=dict)
    by_links: dict[tuple[str, ...], _OldTopic | None] = field(default_factory=dict)
    by_url: dict[str, _OldTopic | None] = field(default_factory=dict)
    topic_ids: set[str] = field(default_factory=set)


def _strings(value: Any) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _text(table: dict[str, Any], key: str) -> str:
    value = table.get(key)
    return value if isinstance(value, str) else ""


def read_previous(path: Path) -> tuple[Previous | None, str | None]:
    """Read the ids of an earlier output file.

    Returns:
        ``(previous, None)``; ``(None, None)`` when ``path`` does not exist; ``(None,
        reason)`` when it cannot be read as TOML (the import then makes fresh ids).
        Fields of the wrong type are ignored; never raises for bad content.
    """
    try:
        data = tomllib.loads(path.read_bytes().decode("utf-8-sig"))
    except FileNotFoundError:
        return None, None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return None, str(exc)
    previous = Previous()
    for key in ("id", "title_en", "source"):
        if _text(data, key):
            previous.roadmap[key] = _text(data, key)
    stages = data.get("stages")
    for stage in stages if isinstance(stages, list) else []:
        if not isinstance(stage, dict):
            continue
        stage_title = _text(stage, "title")
        if _text(stage, "id"):
            previous.stages.setdefault(stage_title, (_text(stage, "id"), _text(stage, "title_en")))
        topics = stage.get("topics")
        for topic in topics if isinstance(topics, list) else []:
            if not isinstance(topic, dict) or not _text(topic, "id"):
                continue
            optional = topic.get("optional")
            old = _OldTopic(
                _text(topic, "id"),
                _text(topic, "title_en"),
                _strings(topic.get("aliases")),
                _strings(topic.get("requires")),
                optional if isinstance(optional, bool) else None,
                _text(topic, "title"),
            )
            title = old.title
            previous.topic_ids.add(old.id)
            place = (stage_title, title)
            previous.by_place[place] = None if place in previous.by_place else old
            previous.by_title[title] = None if title in previous.by_title else old
            resources = topic.get("resources")
            links = tuple(
                _text(r, "url")
                for r in (resources if isinstance(resources, list) else [])
                if isinstance(r, dict)
            )
            if links:
                previous.by_links[links] = None if links in previous.by_links else old
            for url in dict.fromkeys(links):
                previous.by_url[url] = None if url in previous.by_url else old
    return previous, None


def _keep(topic: ImportedTopic, old: _OldTopic) -> None:
    topic.id = old.id
    topic.title_en = old.title_en
    topic.aliases = list(old.aliases)
    topic.requires = list(old.requires)
    if old.optional is not None:
        topic.optional = old.optional


def assign_ids(
    roadmap: ImportedRoadmap,
    *,
    roadmap_id: str | None,
    file_title: str,
    source: str | None = None,
    previous: Previous | None = None,
) -> None:
    """Fill in the ids of ``roadmap`` (and what ``previous`` carries over), in place.

    Args:
        roadmap: the parsed roadmap; its stages and topics get ``id`` (unique, ASCII).
        roadmap_id: ``--id``, or None for the earlier file's id, else one made from
            ``file_title``.
        file_title: the Markdown file's name without extensions.
        source: ``--source``, or None for the earlier file's.
        previous: what the earlier output file held, or None.
    """
    from roadmap_cli.roadmap.model import is_valid_id as valid

    old = previous or Previous()
    roadmap.id = roadmap_id or old.roadmap.get("id", "") or slugify(file_title)
    if not valid(roadmap.id):
        roadmap.id = slugify(file_title)
    roadmap.title_en = old.roadmap.get("title_en", "")
    roadmap.source = source or old.roadmap.get("source")

    stage_ids: set[str] = set()
    for stage in roadmap.stages:
        kept_id, title_en = old.stages.get(stage.title, ("", ""))
        if valid(kept_id) and kept_id not in stage_ids:
            stage.id, stage.title_en = kept_id, title_en
            stage_ids.add(kept_id)
        else:  # a new stage id avoids the earlier file's topic ids too
            stage.id = unique_id(slugify(stage.title), "", stage_ids | old.topic_ids)
            stage_ids.add(stage.id)

    # A topic never gets a stage's id (else 'roadmap show ID' could not tell them apart).
    taken: set[str] = set(stage_ids)
    used: set[int] = set()
    kept: set[int] = set()  # topics matched to an earlier one, whether or not its id is kept

    def keep(topic: ImportedTopic, match: _OldTopic | None) -> bool:
        if match is None or id(match) in used or not valid(match.id):
            return False
        if match.id in taken and match.id not in stage_ids:
            return False
        _keep(topic, match)
        used.add(id(match))
        kept.add(id(topic))
        if topic.id in stage_ids:  # an id an older import gave: a new one, the old an alias
            topic.aliases.append(topic.id)
            topic.id = ""
        else:
            taken.add(topic.id)
        return True

    counts = Counter(t.title.casefold() for t in roadmap.topics())
    repeated = {title for title, n in counts.items() if n > 1}
    for topic in roadmap.topics():  # 0: a repeated title: by its links first
        if topic.title.casefold() in repeated:
            matches = {id(m): m for r in topic.resources if (m := old.by_url.get(r.url))}
            same = [m for m in matches.values() if m.title == topic.title]
            if len(same) == 1:
                keep(topic, same[0])
    for stage in roadmap.stages:  # 1: same title in the same stage, or a unique title
        for topic in stage.topics:
            if id(topic) in kept or topic.title.casefold() in repeated:
                continue
            if not keep(topic, old.by_place.get((stage.title, topic.title))):
                keep(topic, old.by_title.get(topic.title))
    for topic in roadmap.topics():  # 2: the same links (a renamed topic)
        links = tuple(r.url for r in topic.resources)
        if links and id(topic) not in kept:
            keep(topic, old.by_links.get(links))
    taken.update(alias for t in roadmap.topics() for alias in t.aliases)
    for stage in roadmap.stages:  # 3: new ids from titles (and parents, for repeated ones)
        for topic in stage.topics:
            if not topic.id:
                base = slugify(topic.title)
                qualifier = stage.id if stage.id != base else "overview"
                if topic.title.casefold() in repeated and topic.parent:
                    parent = slugify(topic.parent, PARENT_LENGTH)
                    base = base if parent == base else f"{parent}-{base}"
                    qualifier = ""
                topic.id = unique_id(base, qualifier, taken)

    ids = {t.id for t in roadmap.topics()}
    seen_aliases: set[str] = set()
    for topic in roadmap.topics():
        topic.requires = [r for r in dict.fromkeys(topic.requires) if r in ids and r != topic.id]
        topic.aliases = [
            a
            for a in dict.fromkeys(topic.aliases)
            if valid(a) and a not in ids and a not in seen_aliases
        ]
        seen_aliases.update(topic.aliases)
