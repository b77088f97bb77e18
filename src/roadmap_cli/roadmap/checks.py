"""Validate roadmap file contents: every problem with its location.

:func:`check_roadmap` parses TOML bytes, validates the fields with pydantic
(:mod:`roadmap_cli.roadmap.schema`) and then checks the roadmap as a whole: unique ids,
prerequisites and aliases that resolve, no prerequisite cycles. It never raises for bad
input; :func:`roadmap_cli.roadmap.catalog.load_catalog` turns its problems into a
:class:`~roadmap_cli.errors.RoadmapFileError`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, Literal

from roadmap_cli.roadmap.model import ROADMAP_SCHEMA, Roadmap
from roadmap_cli.support.i18n import Msg
from roadmap_cli.support.records import record

if TYPE_CHECKING:
    from pydantic import ValidationError

__all__ = [
    "MAX_ROADMAP_BYTES",
    "Problem",
    "check_parsed",
    "check_roadmap",
    "close_matches",
    "format_location",
]

#: Roadmap files larger than this are refused before parsing.
MAX_ROADMAP_BYTES = 64 * 1024 * 1024

_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")
_TOML_END = re.compile(r"\s*\(at end of document\)$")

_NO_ENGLISH_TITLE = Msg("no English title")


@record
class Problem:
    """One problem found in a roadmap file.

    ``location`` is a path into the file such as ``stages[2].topics[5].resources[0].url``,
    or ``line 3, column 7`` for a TOML syntax error; ``text`` says what is wrong (an
    English template and its fields: :attr:`message` is it in English, as ``--json``
    shows it, :meth:`shown` in the interface language); ``severity`` is "error" (the file
    is refused) or "warning" (reported, the file is still used). ``place`` is the
    location in words when it is not a path (``line 3, column 7``), for translation.
    """

    location: str
    text: Msg
    severity: Literal["error", "warning"] = "error"
    place: Msg | None = None

    @property
    def message(self) -> str:
        """What is wrong, in English whatever the interface language (``--json``)."""
        return self.text.english()

    def shown_location(self) -> str:
        """:attr:`location` in the interface language (a path stays as it is)."""
        return self.place.translated() if self.place is not None else self.location

    def shown_message(self) -> str:
        """What is wrong, in the interface language."""
        return self.text.translated()

    def shown(self) -> str:
        """``location: message`` (after ``warning:`` for a warning) in the interface
        language, for an error's details."""
        from roadmap_cli.support.i18n import _

        text = f"{self.shown_location()}: {self.shown_message()}"
        return _("warning: {problem}").format(problem=text) if self.severity == "warning" else text

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
    return out or TOP_LEVEL


#: The location of a problem with the whole document.
TOP_LEVEL = "(top level)"


def _pydantic_problems(exc: ValidationError) -> list[Problem]:
    from roadmap_cli.roadmap.problem_text import pydantic_message

    return [
        Problem(location, pydantic_message(err), place=_place(location))
        for err in exc.errors(include_url=False)
        for location in [format_location(err["loc"])]
    ]


def _place(location: str) -> Msg | None:
    """The words of a location that is not a path into the file, to be translated."""
    return _TOP_LEVEL_PLACE if location == TOP_LEVEL else None


_TOP_LEVEL_PLACE = Msg("(top level)")


def _parse_toml(data: bytes) -> tuple[dict[str, Any] | None, list[Problem]]:
    import tomllib  # here: a roadmap taken from the cache is never parsed

    if len(data) > MAX_ROADMAP_BYTES:
        size = len(data) // (1024 * 1024)
        limit = MAX_ROADMAP_BYTES // (1024 * 1024)
        too_big = Msg(
            "is {size} MiB; roadmap files are limited to {limit} MiB", size=size, limit=limit
        )
        return None, [Problem("file", too_big, place=Msg("file"))]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        byte = Msg("byte {n}", n=exc.start)
        why = Msg("is not UTF-8 text; save the file as UTF-8")
        return None, [Problem(byte.english(), why, place=byte)]
    try:
        return tomllib.loads(text), []
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        match = _TOML_POSITION.search(message)
        place: Msg | None = None
        if match:
            place = Msg(
                "line {line}, column {column}", line=int(match.group(1)), column=int(match.group(2))
            )
            message = message[: match.start()]
        elif _TOML_END.search(message):
            place = Msg("line {line} (end of file)", line=text.count(chr(10)) + 1)
            message = _TOML_END.sub("", message)
        where = place.english() if place is not None else "TOML"
        from roadmap_cli.roadmap.problem_text import toml_reason

        reason = Msg("TOML syntax error: {message}", message=toml_reason(message))
        return None, [Problem(where, reason, place=place)]
    except RecursionError:
        return None, [Problem("TOML", Msg("nesting is too deep"))]


def _check_cross_references(roadmap: Roadmap) -> list[Problem]:
    """Checks that need the whole roadmap: unique ids, resolving prerequisites and
    aliases, no prerequisite cycles, and warnings for missing English titles and English
    twins of summaries and notes (:func:`roadmap_cli.roadmap.guidance.missing_english`)."""
    problems: list[Problem] = []
    where: dict[str, str] = {}
    stage_ids: dict[str, str] = {}
    for si, stage in enumerate(roadmap.stages):
        loc = f"stages[{si}]"
        if stage.id in stage_ids:
            problems.append(
                Problem(
                    f"{loc}.id",
                    Msg(
                        "duplicate stage id {id!r} (first at {first})",
                        id=stage.id,
                        first=stage_ids[stage.id],
                    ),
                )
            )
        else:
            stage_ids[stage.id] = loc
        if not stage.title_en and roadmap.language != "en":
            problems.append(Problem(f"{loc}.title_en", _NO_ENGLISH_TITLE, "warning"))
        for ti, topic in enumerate(stage.topics):
            tloc = f"{loc}.topics[{ti}]"
            if topic.id in where:
                problems.append(
                    Problem(
                        f"{tloc}.id",
                        Msg(
                            "duplicate topic id {id!r} (first at {first})",
                            id=topic.id,
                            first=where[topic.id],
                        ),
                    )
                )
            else:
                where[topic.id] = tloc
            if not topic.title_en and roadmap.language != "en":
                problems.append(Problem(f"{tloc}.title_en", _NO_ENGLISH_TITLE, "warning"))
    for tid, tloc in where.items():
        if tid in stage_ids:
            problems.append(
                Problem(
                    f"{tloc}.id",
                    Msg(
                        "topic id {id!r} is also the id of a stage ({stage}); "
                        "give one of them another id so both can be named",
                        id=tid,
                        stage=stage_ids[tid],
                    ),
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
                        Problem(f"{tloc}.requires[{ri}]", Msg("a topic cannot require itself"))
                    )
                elif req not in where:
                    hint = close_matches(req, list(where), n=1)
                    unknown = (
                        Msg("unknown topic id {id!r}; did you mean {hint!r}?", id=req, hint=hint[0])
                        if hint
                        else Msg("unknown topic id {id!r}", id=req)
                    )
                    problems.append(Problem(f"{tloc}.requires[{ri}]", unknown))
            for ai, alias in enumerate(topic.aliases):
                if alias in where:
                    problems.append(
                        Problem(
                            f"{tloc}.aliases[{ai}]",
                            Msg(
                                "alias {alias!r} is the id of a current topic ({where})",
                                alias=alias,
                                where=where[alias],
                            ),
                        )
                    )
                elif alias in alias_owner and alias_owner[alias] != topic.id:
                    problems.append(
                        Problem(
                            f"{tloc}.aliases[{ai}]",
                            Msg(
                                "alias {alias!r} is also an alias of {owner!r}",
                                alias=alias,
                                owner=alias_owner[alias],
                            ),
                        )
                    )
                else:
                    alias_owner[alias] = topic.id
    problems.extend(_cycle_problems(roadmap, where))
    from roadmap_cli.roadmap.guidance import missing_english

    problems.extend(Problem(loc, text, "warning") for loc, text in missing_english(roadmap))
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
                        Msg("prerequisite cycle: {cycle}", cycle=" → ".join(cycle)),
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
    return check_parsed(raw)


def check_parsed(raw: dict[str, Any]) -> tuple[Roadmap | None, list[Problem]]:
    """Validate a roadmap document already parsed from TOML (or built as the exact data a
    TOML file holds, as ``roadmap import`` does for the file it writes); the rest is as
    :func:`check_roadmap`, which parses and then calls this. Never raises for bad input."""
    schema = raw.get("schema")
    if isinstance(schema, int) and not isinstance(schema, bool) and schema > ROADMAP_SCHEMA:
        return None, [
            Problem(
                "schema",
                Msg(
                    "the file is written for a newer roadmap format ({schema}; this version "
                    "reads {known}): upgrade roadmap-cli",
                    schema=schema,
                    known=ROADMAP_SCHEMA,
                ),
            )
        ]
    from pydantic import ValidationError

    from roadmap_cli.roadmap.schema import Roadmap as RoadmapSchema
    from roadmap_cli.roadmap.schema import outline, to_plain

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
        return None, [Problem(TOP_LEVEL, Msg("nesting is too deep"), place=_TOP_LEVEL_PLACE)]
    if roadmap.schema_version < 1:
        text = Msg("unknown roadmap format {schema}", schema=roadmap.schema_version)
        return None, [Problem("schema", text)]
    problems = _check_cross_references(roadmap)
    if any(p.severity == "error" for p in problems):
        return None, problems
    return roadmap, problems


def close_matches(word: str, choices: list[str], n: int, cutoff: float = 0.6) -> list[str]:
    """:func:`difflib.get_close_matches`, imported only when a suggestion is needed."""
    import difflib

    return difflib.get_close_matches(word, choices, n=n, cutoff=cutoff)
