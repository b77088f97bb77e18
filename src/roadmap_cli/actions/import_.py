"""``roadmap import``: read a Markdown file, build the roadmap, check it, write it.

:func:`run_import` is the whole core of the command: the Markdown is parsed
(:mod:`roadmap_cli.importing.markdown`), ids are assigned keeping those of an earlier output file
(:mod:`roadmap_cli.importing.ids`), the TOML is written out (:mod:`roadmap_cli.importing.toml_out`)
and checked before anything is written (on the data the text holds, built directly: the
produced TOML is never parsed back) — by :func:`roadmap_cli.roadmap.quick.quick_check`,
or by :func:`roadmap_cli.roadmap.checks.check_parsed` (pydantic) when the quick check
gives no verdict — so an import never leaves an invalid roadmap file; the file is written
atomically.
"""

from __future__ import annotations

import functools
import gc
import shlex
from collections.abc import Callable
from dataclasses import field
from datetime import datetime
from pathlib import Path
from typing import Any, ClassVar, ParamSpec, TypeVar

from roadmap_cli.errors import RoadmapError, RoadmapFileError, UsageError
from roadmap_cli.importing.summary import LeftOut, count_by_reason, counted
from roadmap_cli.support.i18n import N_, Msg, _
from roadmap_cli.support.records import record
from roadmap_cli.support.words import plural

__all__ = ["ImportResult", "run_import"]

P = ParamSpec("P")
R = TypeVar("R")

#: Markdown files larger than this are refused (a roadmap is a few hundred kilobytes).
MAX_MARKDOWN_BYTES = 32 * 1024 * 1024


@record(frozen=False)
class ImportResult:
    """What ``roadmap import`` produced.

    Attributes:
        source: the Markdown file read.
        output: the TOML file written, or None when the TOML went to stdout.
        text: the TOML text.
        roadmap_id, title, language: the new roadmap's.
        stages, topics, resources: how many of each it holds.
        kept_ids: topics whose id came from the earlier output file.
        replaced: an existing output file was replaced (``--force``).
        warnings: validation warnings (e.g. missing English titles), as text.
        skipped: links that did not become resources, as ``"line N: URL (reason)"``.
        notices: other things worth saying (an unreadable earlier file): English in
            ``--json``, translated where shown.
        left_out: everything read but not made a topic or resource, with its reason
            (:mod:`roadmap_cli.importing.summary`).
        ticked: ids of topics whose task-list box is ticked (``- [x]``).
        recorded: with ``--progress``, the ids newly recorded as done (else None).
    """

    RENDERER: ClassVar[str] = "roadmap_cli.render.import_"

    source: Path
    output: Path | None
    text: str
    roadmap_id: str
    title: str
    language: str
    stages: int
    topics: int
    resources: int
    kept_ids: int = 0
    replaced: bool = False
    warnings: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    notices: list[Msg] = field(default_factory=list)
    left_out: list[LeftOut] = field(default_factory=list)
    ticked: list[str] = field(default_factory=list)
    recorded: list[str] | None = None
    verbose: bool = False  # the text summary lists left-out items one by one
    to_stderr: bool = False  # the TOML went to stdout: the summary goes to stderr

    def to_json(self) -> dict[str, Any]:
        """``{source, output, id, title, language, counts: {stages, topics, resources},
        kept_ids, replaced, warnings, skipped_links, notices, left_out: {counts: {reason:
        n}, items: [{reason, line, what}]}, ticked: [ids], recorded_done: [ids] | null,
        toml}``; ``toml`` is the file text when there is no ``output``, else null."""
        return {
            "source": str(self.source),
            "output": str(self.output) if self.output else None,
            "id": self.roadmap_id,
            "title": self.title,
            "language": self.language,
            "counts": {
                "stages": self.stages,
                "topics": self.topics,
                "resources": self.resources,
            },
            "kept_ids": self.kept_ids,
            "replaced": self.replaced,
            "warnings": self.warnings,
            "skipped_links": self.skipped,
            "notices": [n.english() for n in self.notices],
            "left_out": {
                "counts": count_by_reason(self.left_out),
                "items": [item.to_json() for item in self.left_out],
            },
            "ticked": self.ticked,
            "recorded_done": self.recorded,
            "toml": None if self.output else self.text,
        }


def _read_markdown(path: Path) -> str:
    from roadmap_cli.support.capped import TooLargeError, read_capped

    try:
        if path.is_dir():
            raise RoadmapError(
                _("{path}: is a folder").format(path=path), _("give the Markdown file to import")
            )
        data = read_capped(path, MAX_MARKDOWN_BYTES)  # /dev/zero or a pipe stops too
    except TooLargeError:
        raise RoadmapError(
            _("{path}: is too large to be a roadmap (over 32 MiB)").format(path=path)
        ) from None
    except FileNotFoundError:
        raise RoadmapError(
            _("{path}: no such file").format(path=path), _("check the path of the Markdown file")
        ) from None
    except OSError as exc:
        raise RoadmapError(
            _("{path}: cannot read the file ({reason})").format(path=path, reason=exc.strerror)
        ) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RoadmapError(
            _("{path}: byte {n} is not UTF-8 text").format(path=path, n=exc.start),
            _("save the file as UTF-8 and try again"),
        ) from None


def _bundled_id() -> str | None:
    """The bundled roadmap's id, None if it cannot be read. Only the top-level keys
    (before the first ``[[stages]]``) are parsed when they parse alone."""
    import tomllib

    from roadmap_cli.roadmap.bundled import bundled_roadmap_path

    try:
        text = bundled_roadmap_path().read_text(encoding="utf-8")
        try:
            value = tomllib.loads(text.split("\n[[", 1)[0]).get("id")
        except ValueError:
            value = tomllib.loads(text).get("id")
    except (OSError, ValueError):
        return None
    return value if isinstance(value, str) else None


def _check_options(roadmap_id: str | None, source: str | None) -> None:
    from roadmap_cli.roadmap.model import is_valid_id
    from roadmap_cli.support.urls import url_problem

    if roadmap_id is not None and not is_valid_id(roadmap_id):
        raise UsageError(
            _("--id: {id!r} is not a valid roadmap id").format(id=roadmap_id),
            _("use lower-case ASCII letters, digits and '-', starting with a letter or digit"),
        )
    problem = url_problem(source) if source is not None else None
    if problem:
        raise UsageError(
            _("--source: {problem}").format(problem=problem.translated()),
            _("give the http(s) address of the original"),
        )


def _command_line(
    path: Path, output: Path | None, roadmap_id: str | None, source: str | None
) -> str:
    words = ["roadmap", "import", str(path)]
    if output is not None:
        words += ["-o", str(output)]
    if roadmap_id:
        words += ["--id", roadmap_id]
    if source:
        words += ["--source", source]
    return shlex.join(words)


def _collector_paused(function: Callable[P, R]) -> Callable[P, R]:
    """``function`` with the garbage collector paused while it runs: an import makes tens
    of thousands of tokens, nodes and topics that stay alive until it ends, and every full
    collection walked them all."""

    @functools.wraps(function)
    def paused(*args: P.args, **kwargs: P.kwargs) -> R:
        enabled = gc.isenabled()
        gc.disable()
        try:
            return function(*args, **kwargs)
        finally:
            if enabled:
                gc.enable()

    return paused


@_collector_paused
def run_import(
    path: Path,
    *,
    output: Path | None = None,
    roadmap_id: str | None = None,
    source: str | None = None,
    force: bool = False,
    now: datetime | None = None,
) -> ImportResult:
    """Import the Markdown file ``path`` as a roadmap.

    Args:
        path: the Markdown file (UTF-8).
        output: the TOML file to write, or None to only return the text.
        roadmap_id: ``--id``; default: the earlier output file's id, else one made from the
            file name (``agent.zh.md`` → ``agent``).
        source: ``--source``, the http(s) address of the original, recorded as ``source``.
        force: replace an existing ``output`` (keeping the ids of unchanged topics).
        now: the time recorded in the header (UTC; default: now).

    Raises:
        UsageError: a bad ``--id`` or ``--source``, or ``output`` is ``path`` (exit 2).
        RoadmapError: the Markdown file cannot be read or holds nothing to import; the
            output exists and ``force`` is False, or cannot be written (exit 1).
        RoadmapFileError: the result would not be a valid roadmap (exit 1; nothing written).
    """
    from roadmap_cli.importing.ids import assign_ids, read_previous
    from roadmap_cli.importing.markdown import parse_markdown, title_from_file
    from roadmap_cli.importing.toml_out import roadmap_dict, write_toml
    from roadmap_cli.roadmap.checks import check_parsed
    from roadmap_cli.roadmap.quick import quick_check
    from roadmap_cli.support.clock import now_utc

    _check_options(roadmap_id, source)
    if output is not None and output.resolve() == path.resolve():
        raise UsageError(
            _("-o: {path} is the Markdown file being imported").format(path=output),
            _("write the roadmap to another file, e.g. one ending in .toml"),
        )
    if output is not None and output.is_dir():
        raise RoadmapError(
            _("{path}: is a folder").format(path=output), _("give a file name for the roadmap file")
        )
    if output is not None and output.exists() and not force:
        raise RoadmapError(
            _("{path}: already exists; nothing was written").format(path=output),
            _("add --force to replace it (topics whose titles are unchanged keep their ids)"),
        )
    markdown = _read_markdown(path)
    file_title = title_from_file(path)
    previous = None
    notices: list[Msg] = []
    if output is not None:
        previous, reason = read_previous(output)
        if reason:
            notices.append(
                Msg(
                    "could not read the ids of the existing {file} ({reason})",
                    file=str(output),
                    reason=reason,
                )
            )
    base = source or (previous.roadmap.get("source") if previous is not None else None)
    roadmap = parse_markdown(markdown, file_title, base=base)
    if not roadmap.stages:
        counts = count_by_reason(roadmap.left_out)
        what = _(", ").join(counted(reason, n) for reason, n in counts.items())
        if what:
            nothing = _("{file}: found nothing to import (only what is left out: {what})")
        else:
            nothing = _("{file}: found nothing to import (no sections, lists or text)")
        raise RoadmapError(
            nothing.format(file=path, what=what),
            _("give a Markdown file that lists what to learn"),
        )
    assign_ids(
        roadmap, roadmap_id=roadmap_id, file_title=file_title, source=source, previous=previous
    )
    stamp = (now or now_utc()).strftime("%Y-%m-%dT%H:%M:%SZ")
    header = [
        f"{roadmap.title}: imported from a Markdown learning roadmap by 'roadmap import'.",
        f"Source:    {path}",
        f"Generated: {stamp}",
        f"Command:   {_command_line(path, output, roadmap_id, source)}",
        "",
        "Titles stay in the source's language; title_en may be filled in by hand. Run the",
        "command again with --force after editing the Markdown: topics whose titles are",
        "unchanged keep their ids (so progress carries over) and what you added to them.",
    ]
    text = write_toml(roadmap, header)
    data = roadmap_dict(roadmap)  # the data of ``text``
    quick = quick_check(data)  # without pydantic; None: let check_parsed say what is wrong
    checked, problems = quick if quick is not None else check_parsed(data)
    if checked is None:
        errors = [p.shown() for p in problems if p.severity == "error"]
        raise RoadmapFileError(
            output or path,
            _("the imported roadmap would be invalid ({problems}); nothing written").format(
                problems=plural(len(errors), "problem")
            ),
            _("check the ids named below (an earlier output file may hold bad ones), or use --id"),
            errors,
            [str(p) for p in problems if p.severity == "error"],
        )
    if not force and checked.id == _bundled_id():
        raise UsageError(
            _(
                "--id: {id!r} is the bundled roadmap's id: both would share one "
                "progress file, and marks of one would show in the other"
            ).format(id=checked.id),
            _("choose another id with --id, or add --force to share its progress on purpose"),
        )
    existed = output is not None and output.exists()
    if output is not None:
        from roadmap_cli.support.atomic import write_file

        write_file(output, text, force=force, what=N_("roadmap file"))
    topics = [t for s in checked.stages for t in s.topics]
    kept = {t.id for t in topics} & (previous.topic_ids if previous is not None else set())
    return ImportResult(
        source=path,
        output=output,
        text=text,
        roadmap_id=checked.id,
        title=checked.title,
        language=checked.language,
        stages=len(checked.stages),
        topics=len(topics),
        resources=sum(len(t.resources) for t in topics),
        kept_ids=len(kept),
        replaced=existed,
        warnings=[str(p) for p in problems if p.severity == "warning"],
        skipped=roadmap.skipped,
        notices=notices,
        left_out=roadmap.left_out,
        ticked=[t.id for t in roadmap.topics() if t.done],
    )
