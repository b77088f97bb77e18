"""Load a roadmap file, and resolve TOPIC and STAGE arguments against it.

A roadmap comes from the bundled ``data/roadmap.toml`` (shipped inside the wheel as
``roadmap_cli/data/roadmap.toml``) or from a user's own file (``--roadmap FILE`` or
``ROADMAP_FILE``). :func:`~roadmap_cli.roadmap.checks.check_roadmap` (re-exported here)
returns every problem with its location; :func:`load_catalog` raises
:class:`~roadmap_cli.errors.RoadmapFileError` listing them.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import InitVar, field
from pathlib import Path
from typing import Any

from roadmap_cli.errors import (
    AmbiguousTopicError,
    RoadmapFileError,
    UnknownTopicError,
    UsageError,
)
from roadmap_cli.roadmap.bundled import bundled_roadmap_path
from roadmap_cli.roadmap.checks import (
    MAX_ROADMAP_BYTES,
    Problem,
    check_roadmap,
    close_matches,
    format_location,
)
from roadmap_cli.roadmap.model import Roadmap, Stage, Topic, is_valid_id
from roadmap_cli.support.i18n import Msg, _
from roadmap_cli.support.records import record
from roadmap_cli.support.words import plural

__all__ = [
    "MAX_ROADMAP_BYTES",
    "Catalog",
    "Problem",
    "bundled_roadmap_path",
    "check_roadmap",
    "format_location",
    "load_catalog",
    "read_roadmap_bytes",
]


def read_roadmap_bytes(path: Path) -> bytes:
    """The raw contents of the roadmap file at ``path``.

    Raises:
        RoadmapFileError: missing, a folder, or unreadable (the message says which).
    """
    from roadmap_cli.support.capped import TooLargeError, read_capped

    try:
        return read_capped(path, MAX_ROADMAP_BYTES)
    except TooLargeError:
        raise RoadmapFileError(
            path,
            _("the roadmap file is larger than {n} MB (or endless, like /dev/zero)").format(
                n=MAX_ROADMAP_BYTES // (1024 * 1024)
            ),
            _("give a roadmap TOML file"),
        ) from None
    except FileNotFoundError:
        raise RoadmapFileError(
            path,
            _("no such roadmap file"),
            _("check the path, or run 'roadmap init FILE' to start one"),
        ) from None
    except IsADirectoryError:
        raise RoadmapFileError(path, _("is a folder, not a roadmap file")) from None
    except OSError as exc:
        raise RoadmapFileError(
            path, _("cannot read the roadmap file ({reason})").format(reason=exc.strerror)
        ) from None


def load_catalog(path: Path, cache: Path | None = None) -> Catalog:
    """Read, validate and index the roadmap file at ``path``.

    With ``cache`` (a folder, see :mod:`roadmap_cli.roadmap.cache`), a file whose exact
    contents validated before is taken from the cache instead of being parsed and
    validated again; a file that validates now is stored there.

    Raises:
        RoadmapFileError: the file cannot be read, is not valid TOML (the message gives the
            line and column), or does not validate (``details`` has one line per problem).
    """
    data = read_roadmap_bytes(path)
    if cache is not None:
        from roadmap_cli.roadmap.cache import cache_key, read_cached_key

        key = cache_key(data)
        del data  # a 28 MB roadmap need not stay in memory while its entry is read
        hit = read_cached_key(cache, key)
        if hit is not None and isinstance(hit[1], list):
            stored = hit[1]  # made into problems only when asked for (10,000 warnings: ~0.1 s)
            return Catalog(hit[0], path, lambda: _cached_warnings(stored) or _warnings_of(path))
        data = read_roadmap_bytes(path)  # a miss: read it again, to validate
    roadmap, problems = check_roadmap(data)
    if roadmap is None:
        from roadmap_cli.roadmap.locate import locate_line

        text = data.decode("utf-8-sig", errors="replace")
        errors = [p for p in problems if p.severity == "error"]
        errors.sort(key=lambda p: locate_line(text, p.location) or 1 << 30)  # as validate
        hint = _("fix the file, then check it with '{command}'").format(
            command=f"roadmap validate {path}"
        )
        if path.suffix.lower() in (".md", ".markdown"):
            toml = path.with_suffix(".toml")
            hint = _("this looks like Markdown: turn it into a roadmap with '{command}'").format(
                command=f"roadmap import {path} -o {toml}"
            )
        raise RoadmapFileError(
            path,
            _("invalid roadmap file ({problems})").format(problems=plural(len(errors), "problem")),
            hint,
            [p.shown() for p in errors],
            [str(p) for p in errors],
        )
    warnings = [p for p in problems if p.severity == "warning"]
    if cache is not None:
        from roadmap_cli.roadmap.cache import write_cached

        stored = [[p.location, p.text.template, dict(p.text.params), p.severity] for p in warnings]
        write_cached(cache, data, roadmap, stored)
    return Catalog(roadmap, path, warnings)


def _warnings_of(path: Path) -> list[Problem]:
    """The warnings of the roadmap file at ``path``, validated anew (a cache entry whose
    warnings are not of the expected shape). Never raises: an unreadable file has none."""
    try:
        _, problems = check_roadmap(read_roadmap_bytes(path))
    except RoadmapFileError:
        return []
    return [p for p in problems if p.severity == "warning"]


def _cached_warnings(stored: list[list[Any]]) -> list[Problem] | None:
    """The warnings of a cache entry (``[location, template, fields, severity]``) as
    problems, or None when the entry is not of that shape (then the file is validated
    again). Never raises."""
    problems = []
    for item in stored:
        if len(item) != 4:
            return None
        location, template, fields, severity = item
        if not (
            isinstance(location, str)
            and isinstance(template, str)
            and isinstance(fields, dict)
            and severity in ("error", "warning")
        ):
            return None
        problems.append(Problem(location, Msg(template, **fields), severity))
    return problems


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


@record(frozen=False)
class Catalog:
    """A validated roadmap with its indexes.

    Attributes:
        roadmap: the validated file.
        path: where it was read from.
        found_warnings: non-fatal problems (e.g. missing English titles), or a function
            that gives them when first asked for (see :attr:`warnings`).
        topics: topic id → Topic, in roadmap order.
        stage_of: topic id → its Stage.
        position: topic id → its index in roadmap order (0-based).
        alias_of: former id (alias) → current topic id.
    """

    roadmap: Roadmap
    path: Path
    found_warnings: InitVar[list[Problem] | Callable[[], list[Problem]] | None] = None
    topics: dict[str, Topic] = field(init=False)
    stage_of: dict[str, Stage] = field(init=False)
    position: dict[str, int] = field(init=False)
    alias_of: dict[str, str] = field(init=False)

    def __post_init__(
        self, found_warnings: list[Problem] | Callable[[], list[Problem]] | None
    ) -> None:
        self._warnings = found_warnings
        self.topics = {}
        self.stage_of = {}
        self.alias_of = {}
        for stage in self.roadmap.stages:
            for topic in stage.topics:
                self.topics[topic.id] = topic
                self.stage_of[topic.id] = stage
                for alias in topic.aliases:
                    self.alias_of[alias] = topic.id
        self.position = {tid: i for i, tid in enumerate(self.topics)}

    @property
    def warnings(self) -> list[Problem]:
        """Non-fatal problems (e.g. missing English titles); from a cache entry they are
        made when first asked for."""
        found = self._warnings
        if callable(found):
            found = self._warnings = found()
        return [] if found is None else found

    @property
    def stages(self) -> list[Stage]:
        """The stages in roadmap order."""
        return self.roadmap.stages

    def canonical_id(self, topic_id: str) -> str | None:
        """The current id of ``topic_id``: itself if it is a topic, the topic it is an alias
        of, or None if the topic has left the roadmap (an orphan)."""
        if topic_id in self.topics:
            return topic_id
        return self.alias_of.get(topic_id)

    def stage(self, stage_id: str) -> Stage | None:
        """The stage with exactly this id, or None."""
        return next((s for s in self.roadmap.stages if s.id == stage_id), None)

    def resolve_topic(self, query: str) -> Topic:
        """Find the topic a TOPIC argument names.

        Tried in order: exact id, former id (alias), title in either language (any case,
        Unicode-normalised), unique id prefix.

        Raises:
            UnknownTopicError: nothing matches (with "did you mean" suggestions).
            UsageError: the query is a stage id, not a topic (exit 2).
            AmbiguousTopicError: a title or prefix matches several topics.
        """
        query = query.strip()
        if query in self.topics:
            return self.topics[query]
        if query in self.alias_of:
            return self.topics[self.alias_of[query]]
        key = _norm(query)
        by_title = [t for t in self.topics.values() if key in (_norm(t.title), _norm(t.title_en))]
        if len(by_title) == 1:
            return by_title[0]
        if len(by_title) > 1:
            raise AmbiguousTopicError(query, [t.id for t in by_title])
        by_prefix = [tid for tid in self.topics if tid.startswith(key)] if key else []
        if len(by_prefix) == 1:
            return self.topics[by_prefix[0]]
        if len(by_prefix) > 1:
            raise AmbiguousTopicError(query, by_prefix)
        if self.stage(query) is not None:
            raise UsageError(
                _("{query!r} is a stage, not a topic").format(query=query),
                _("see its topics with '{command}', then name one of them").format(
                    command=f"roadmap list {query}"
                ),
            )
        close = self._suggest(key)
        if close:
            raise UnknownTopicError(query, close)
        nearest = close_matches(key, list(self.topics), n=3, cutoff=0.3)
        raise UnknownTopicError(query, nearest, close=False)

    def resolve_stage(self, query: str) -> Stage:
        """Find the stage a STAGE argument names: exact id, title in either language, or
        unique id prefix.

        Raises:
            UnknownTopicError: nothing matches (``what`` is "stage").
            AmbiguousTopicError: several stages match.
        """
        query = query.strip()
        stages = self.roadmap.stages
        exact = self.stage(query)
        if exact is not None:
            return exact
        key = _norm(query)
        matches = [s for s in stages if key in (_norm(s.title), _norm(s.title_en))]
        if not matches and key:
            matches = [s for s in stages if s.id.startswith(key)]
        if len(matches) == 1:
            return matches[0]
        if matches:
            raise AmbiguousTopicError(query, [s.id for s in matches], what="stage")
        names = [s.id for s in stages]
        close = close_matches(key, names, n=3, cutoff=0.5)
        raise UnknownTopicError(query, close or [], what="stage")

    def _suggest(self, key: str) -> list[str]:
        """Up to three topic ids close to ``key`` (by id, alias or title)."""
        if not key:
            return []
        names: dict[str, str] = {}
        for tid, topic in self.topics.items():
            names.setdefault(tid, tid)
            names.setdefault(_norm(topic.title), tid)
            if topic.title_en:
                names.setdefault(_norm(topic.title_en), tid)
        for alias, tid in self.alias_of.items():
            names.setdefault(alias, tid)
        found: list[str] = []
        for name in close_matches(key, list(names), n=6, cutoff=0.6):
            if names[name] not in found:
                found.append(names[name])
        if len(found) < 3 and len(key) >= 2:
            for name, tid in names.items():
                if key in name and tid not in found:
                    found.append(tid)
                if len(found) >= 3:
                    break
        return found[:3]


def raw_roadmap_id(path: Path) -> str | None:
    """The top-level ``id`` of the roadmap file at ``path`` when it is valid, though the
    file does not validate: read as TOML, or, in a file that is not valid TOML, from an
    ``id = "..."`` line before the first table; None otherwise."""
    import re
    import tomllib

    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    try:
        value = tomllib.loads(text).get("id")
    except (tomllib.TOMLDecodeError, RecursionError):
        top = re.split(r"(?m)^\s*\[", text, maxsplit=1)[0]
        found = re.findall(r'(?m)^\s*id\s*=\s*"([^"\\]*)"\s*(?:#.*)?$', top)
        value = found[0] if len(found) == 1 else None
    return value if is_valid_id(value) else None
