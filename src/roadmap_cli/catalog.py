"""Load and validate a roadmap file, and resolve TOPIC and STAGE arguments against it.

A roadmap comes from the bundled ``data/roadmap.toml`` (shipped inside the wheel as
``roadmap_cli/data/roadmap.toml``) or from a user's own file (``--roadmap FILE`` or
``ROADMAP_FILE``). :func:`check_roadmap` returns every problem with its location;
:func:`load_catalog` raises :class:`~roadmap_cli.errors.RoadmapFileError` listing them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from roadmap_cli.bundled import bundled_roadmap_path
from roadmap_cli.errors import AmbiguousTopicError, RoadmapFileError, UnknownTopicError
from roadmap_cli.models import ROADMAP_SCHEMA, Roadmap, Stage, Topic

if TYPE_CHECKING:
    from pydantic import ValidationError

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

#: Roadmap files larger than this are refused before parsing.
MAX_ROADMAP_BYTES = 64 * 1024 * 1024

_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")
_TOML_END = re.compile(r"\s*\(at end of document\)$")


@dataclass(frozen=True)
class Problem:
    """One problem found in a roadmap file.

    ``location`` is a path into the file such as ``stages[2].topics[5].resources[0].url``,
    or ``line 3, column 7`` for a TOML syntax error; ``severity`` is "error" (the file is
    refused) or "warning" (reported, the file is still used).
    """

    location: str
    message: str
    severity: Literal["error", "warning"] = "error"

    def __str__(self) -> str:
        prefix = "warning: " if self.severity == "warning" else ""
        return f"{prefix}{self.location}: {self.message}"


def format_location(loc: Iterable[str | int]) -> str:
    """Turn a pydantic error location ``("stages", 2, "topics", 5)`` into
    ``stages[2].topics[5]``; the ``schema_version`` field is shown as ``schema``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            name = "schema" if part == "schema_version" else part
            out += f".{name}" if out else name
    return out or "(top level)"


def _pydantic_problems(exc: ValidationError) -> list[Problem]:
    problems = []
    for err in exc.errors(include_url=False):
        message = err["msg"]
        if message.startswith("Value error, "):
            message = message[len("Value error, ") :]
        if err["type"] == "extra_forbidden":
            message = "unknown field (check its spelling against the documented format)"
        elif err["type"] == "missing":
            message = "required field is missing"
        problems.append(Problem(format_location(err["loc"]), message))
    return problems


def _parse_toml(data: bytes) -> tuple[dict[str, Any] | None, list[Problem]]:
    import tomllib  # here: a roadmap taken from the cache is never parsed

    if len(data) > MAX_ROADMAP_BYTES:
        size = len(data) // (1024 * 1024)
        limit = MAX_ROADMAP_BYTES // (1024 * 1024)
        return None, [Problem("file", f"is {size} MiB; roadmap files are limited to {limit} MiB")]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return None, [Problem(f"byte {exc.start}", "is not UTF-8 text; save the file as UTF-8")]
    try:
        return tomllib.loads(text), []
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        match = _TOML_POSITION.search(message)
        if match:
            where = f"line {match.group(1)}, column {match.group(2)}"
            message = message[: match.start()]
        elif _TOML_END.search(message):
            where = f"line {text.count(chr(10)) + 1} (end of file)"
            message = _TOML_END.sub("", message)
        else:
            where = "TOML"
        return None, [Problem(where, f"TOML syntax error: {message}")]
    except RecursionError:
        return None, [Problem("TOML", "nesting is too deep")]


def _check_cross_references(roadmap: Roadmap) -> list[Problem]:
    """Checks that need the whole roadmap: unique ids, resolving prerequisites and
    aliases, no prerequisite cycles, and warnings for missing English titles."""
    problems: list[Problem] = []
    where: dict[str, str] = {}
    stage_ids: dict[str, str] = {}
    for si, stage in enumerate(roadmap.stages):
        loc = f"stages[{si}]"
        if stage.id in stage_ids:
            problems.append(
                Problem(
                    f"{loc}.id", f"duplicate stage id {stage.id!r} (first at {stage_ids[stage.id]})"
                )
            )
        else:
            stage_ids[stage.id] = loc
        if not stage.title_en and roadmap.language != "en":
            problems.append(Problem(f"{loc}.title_en", "no English title", "warning"))
        for ti, topic in enumerate(stage.topics):
            tloc = f"{loc}.topics[{ti}]"
            if topic.id in where:
                problems.append(
                    Problem(
                        f"{tloc}.id",
                        f"duplicate topic id {topic.id!r} (first at {where[topic.id]})",
                    )
                )
            else:
                where[topic.id] = tloc
            if not topic.title_en and roadmap.language != "en":
                problems.append(Problem(f"{tloc}.title_en", "no English title", "warning"))
    for tid, tloc in where.items():
        if tid in stage_ids:
            problems.append(
                Problem(
                    f"{tloc}.id",
                    f"topic id {tid!r} is also the id of a stage ({stage_ids[tid]}); "
                    "give one of them another id so both can be named",
                    "warning",
                )
            )
    alias_owner: dict[str, str] = {}
    for si, stage in enumerate(roadmap.stages):
        for ti, topic in enumerate(stage.topics):
            tloc = f"stages[{si}].topics[{ti}]"
            for ri, req in enumerate(topic.requires):
                if req == topic.id:
                    problems.append(
                        Problem(f"{tloc}.requires[{ri}]", "a topic cannot require itself")
                    )
                elif req not in where:
                    hint = _close_matches(req, list(where), n=1)
                    extra = f"; did you mean {hint[0]!r}?" if hint else ""
                    problems.append(
                        Problem(f"{tloc}.requires[{ri}]", f"unknown topic id {req!r}{extra}")
                    )
            for ai, alias in enumerate(topic.aliases):
                if alias in where:
                    problems.append(
                        Problem(
                            f"{tloc}.aliases[{ai}]",
                            f"alias {alias!r} is the id of a current topic ({where[alias]})",
                        )
                    )
                elif alias in alias_owner and alias_owner[alias] != topic.id:
                    problems.append(
                        Problem(
                            f"{tloc}.aliases[{ai}]",
                            f"alias {alias!r} is also an alias of {alias_owner[alias]!r}",
                        )
                    )
                else:
                    alias_owner[alias] = topic.id
    problems.extend(_cycle_problems(roadmap, where))
    return problems


def _cycle_problems(roadmap: Roadmap, where: dict[str, str]) -> list[Problem]:
    requires: dict[str, list[str]] = {}
    for stage in roadmap.stages:
        for topic in stage.topics:  # a duplicated id keeps the prerequisites of both
            requires.setdefault(topic.id, []).extend(r for r in topic.requires if r in where)
    state: dict[str, int] = {}  # 1 = on the stack, 2 = finished
    problems: list[Problem] = []
    for start in requires:
        if start in state:
            continue
        stack: list[tuple[str, Iterator[str]]] = [(start, iter(requires[start]))]
        path = [start]
        state[start] = 1
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                path.pop()
                state[node] = 2
            elif state.get(child) == 1:
                cycle = [*path[path.index(child) :], child]
                problems.append(
                    Problem(
                        f"{where[child]}.requires",
                        "prerequisite cycle: " + " → ".join(cycle),
                    )
                )
            elif child not in state:
                state[child] = 1
                path.append(child)
                stack.append((child, iter(requires[child])))
    return problems


def check_roadmap(data: bytes) -> tuple[Roadmap | None, list[Problem]]:
    """Parse and validate roadmap file contents.

    Args:
        data: the raw bytes of a TOML roadmap file (UTF-8).

    Returns:
        ``(roadmap, problems)``: ``roadmap`` is None when any problem is an error;
        ``problems`` lists every error and warning found: field errors first, then the
        whole-roadmap ones (found even when fields are wrong). Never raises for bad input.
    """
    raw, problems = _parse_toml(data)
    if raw is None:
        return None, problems
    schema = raw.get("schema")
    if isinstance(schema, int) and not isinstance(schema, bool) and schema > ROADMAP_SCHEMA:
        return None, [
            Problem(
                "schema",
                f"the file is written for a newer roadmap format ({schema}; this version "
                f"reads {ROADMAP_SCHEMA}): upgrade roadmap-cli",
            )
        ]
    from pydantic import ValidationError

    from roadmap_cli.roadmap_schema import Roadmap as RoadmapSchema
    from roadmap_cli.roadmap_schema import outline, to_plain

    try:
        roadmap = to_plain(RoadmapSchema.model_validate(raw))
    except ValidationError as exc:  # the whole-roadmap checks still run, on the outline
        problems = _pydantic_problems(exc)
        seen = {(p.location, p.message) for p in problems}
        try:
            more = _check_cross_references(outline(raw))
        except RecursionError:
            more = []
        return None, problems + [p for p in more if (p.location, p.message) not in seen]
    except RecursionError:
        return None, [Problem("(top level)", "nesting is too deep")]
    if roadmap.schema_version < 1:
        return None, [Problem("schema", f"unknown roadmap format {roadmap.schema_version}")]
    problems = _check_cross_references(roadmap)
    if any(p.severity == "error" for p in problems):
        return None, problems
    return roadmap, problems


def read_roadmap_bytes(path: Path) -> bytes:
    """The raw contents of the roadmap file at ``path``.

    Raises:
        RoadmapFileError: missing, a folder, or unreadable (the message says which).
    """
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise RoadmapFileError(
            path, "no such roadmap file", "check the path, or run 'roadmap init FILE' to start one"
        ) from None
    except IsADirectoryError:
        raise RoadmapFileError(path, "is a folder, not a roadmap file") from None
    except OSError as exc:
        raise RoadmapFileError(path, f"cannot read the roadmap file ({exc.strerror})") from None


def load_catalog(path: Path, cache: Path | None = None) -> Catalog:
    """Read, validate and index the roadmap file at ``path``.

    With ``cache`` (a folder, see :mod:`roadmap_cli.roadmap_cache`), a file whose exact
    contents validated before is taken from the cache instead of being parsed and
    validated again; a file that validates now is stored there.

    Raises:
        RoadmapFileError: the file cannot be read, is not valid TOML (the message gives the
            line and column), or does not validate (``details`` has one line per problem).
    """
    data = read_roadmap_bytes(path)
    if cache is not None:
        from roadmap_cli.roadmap_cache import read_cached

        hit = read_cached(cache, data)
        if hit is not None:
            return Catalog(hit[0], path, [Problem(*w) for w in hit[1]])  # type: ignore[arg-type]
    roadmap, problems = check_roadmap(data)
    if roadmap is None:
        from roadmap_cli.starter import locate_line

        text = data.decode("utf-8-sig", errors="replace")
        errors = [p for p in problems if p.severity == "error"]
        errors.sort(key=lambda p: locate_line(text, p.location) or 1 << 30)  # as validate
        noun = "problem" if len(errors) == 1 else "problems"
        hint = f"fix the file, then check it with 'roadmap validate {path}'"
        if path.suffix.lower() in (".md", ".markdown"):
            toml = path.with_suffix(".toml")
            hint = (
                "this looks like Markdown: turn it into a roadmap with "
                f"'roadmap import {path} -o {toml}'"
            )
        raise RoadmapFileError(
            path, f"invalid roadmap file ({len(errors)} {noun})", hint, [str(p) for p in errors]
        )
    warnings = [p for p in problems if p.severity == "warning"]
    if cache is not None:
        from roadmap_cli.roadmap_cache import write_cached

        write_cached(cache, data, roadmap, [[p.location, p.message, p.severity] for p in warnings])
    return Catalog(roadmap, path, warnings)


def _close_matches(word: str, choices: list[str], n: int, cutoff: float = 0.6) -> list[str]:
    """:func:`difflib.get_close_matches`, imported only when a suggestion is needed."""
    import difflib

    return difflib.get_close_matches(word, choices, n=n, cutoff=cutoff)


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


@dataclass
class Catalog:
    """A validated roadmap with its indexes.

    Attributes:
        roadmap: the validated file.
        path: where it was read from.
        warnings: non-fatal problems (e.g. missing English titles).
        topics: topic id → Topic, in roadmap order.
        stage_of: topic id → its Stage.
        position: topic id → its index in roadmap order (0-based).
        alias_of: former id (alias) → current topic id.
    """

    roadmap: Roadmap
    path: Path
    warnings: list[Problem] = field(default_factory=list)
    topics: dict[str, Topic] = field(init=False)
    stage_of: dict[str, Stage] = field(init=False)
    position: dict[str, int] = field(init=False)
    alias_of: dict[str, str] = field(init=False)

    def __post_init__(self) -> None:
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
        close = self._suggest(key)
        if close:
            raise UnknownTopicError(query, close)
        nearest = _close_matches(key, list(self.topics), n=3, cutoff=0.3)
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
        close = _close_matches(key, names, n=3, cutoff=0.5)
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
        for name in _close_matches(key, list(names), n=6, cutoff=0.6):
            if names[name] not in found:
                found.append(names[name])
        if len(found) < 3 and len(key) >= 2:
            for name, tid in names.items():
                if key in name and tid not in found:
                    found.append(tid)
                if len(found) >= 3:
                    break
        return found[:3]
