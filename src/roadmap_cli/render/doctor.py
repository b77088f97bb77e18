"""The text of ``roadmap doctor``: one line per check, marked ok / warning / error, with
what to do under each finding. Ids and paths from files pass through ``clean_line``.

A finding folds under its own column, but a path is never folded: it runs past the right
edge (the terminal wraps it softly), so it can be copied whole."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text

from roadmap_cli.actions.doctor import DoctorResult
from roadmap_cli.render.console import make_console
from roadmap_cli.render.prose import hang, whole
from roadmap_cli.render.widgets import emit_lines
from roadmap_cli.support.textsafe import clean_line
from roadmap_cli.support.words import plural

__all__: list[str] = []

Row = tuple[Text, Text, Text]


def _check(level: str, label: str, text: str) -> Row:
    """A check's row: level ("ok", "warning", "error" or "info"), label, finding."""
    style = {"ok": "done", "warning": "warning", "error": "error", "info": "muted"}[level]
    return Text(level, style=style), Text(label, style="heading"), Text(clean_line(text))


def _detail(text: str, style: str = "") -> Row:
    """A line under a check (a problem, an id, what to do)."""
    return Text(""), Text(""), Text(clean_line(text), style=style)


def _name(path: Path | None) -> str:
    """A path made safe, its spaces no-break spaces: it is never folded."""
    return whole(clean_line(str(path)))


def render_doctor(result: DoctorResult, lang: str) -> None:
    """Print ``result`` on stdout, titles in ``lang`` ("zh"/"en")."""
    console = make_console()
    out: list[Row] = []
    if result.roadmap_errors:
        out.append(_check("error", "Roadmap", f"{_name(result.roadmap_path)} is invalid"))
        out += [_detail(e) for e in result.roadmap_errors]
        validate = f"roadmap validate {_name(result.roadmap_path)}"
        out.append(_detail(f"fix it, then run '{validate}'", "muted"))
    else:
        level = "warning" if result.roadmap_warnings else "ok"
        text = f"{_name(result.roadmap_path)} ({plural(result.topics, 'topic')}"
        if result.roadmap_warnings:
            text += f", {plural(len(result.roadmap_warnings), 'warning')}"
        out.append(_check(level, "Roadmap", text + ")"))
        out += [_detail(w) for w in result.roadmap_warnings[:10]]
        if len(result.roadmap_warnings) > 10:
            more = len(result.roadmap_warnings) - 10
            out.append(_detail(f"… and {more} more ('roadmap validate')", "muted"))
    if result.progress_path is not None:
        out += _progress_lines(result)
    level_width = max(row[0].cell_len for row in out)
    label_width = max(row[1].cell_len for row in out)
    for tag, label, finding in out:
        head = Text.assemble(tag, " " * (level_width - tag.cell_len + 1))
        head.append_text(label)
        head.append(" " * (label_width - label.cell_len + 1))
        emit_lines(console, hang(head, finding, console.width, split_long=False))
    console.print()
    if result.healthy:
        console.print(Text("Healthy: your progress is readable and safe.", style="done"))
    elif result.damaged:
        console.print(Text("Damaged: see the errors above.", style="error"))
    else:
        console.print(Text("Not damaged, but out of reach: see the errors above.", style="error"))


def _progress_lines(result: DoctorResult) -> list[Row]:
    path = result.progress_path
    out: list[Row] = []
    if result.data_dir_problem is not None and result.data_dir is not None:
        out.append(_check("error", "Data", f"{_name(result.data_dir)}: {result.data_dir_problem}"))
        if result.data_dir_hint:
            out.append(_detail(result.data_dir_hint, "muted"))
        if not result.data_dir.is_dir():
            return out
    if result.progress_error is not None:
        out.append(_check("error", "Progress", f"{_name(path)}: {result.progress_error}"))
        if result.progress_hint:
            out.append(_detail(result.progress_hint, "muted"))
    elif not result.progress_exists:
        out.append(_check("ok", "Progress", f"{_name(path)} (not written yet: nothing marked)"))
    else:
        events = plural(result.events, "event")
        out.append(_check("ok", "Progress", f"{_name(path)} ({events})"))
    readable = [b for b in result.backups if b.readable]
    if result.backups:
        level = "ok" if len(readable) == len(result.backups) else "warning"
        text = f"{len(result.backups)} kept, {len(readable)} readable"
        if readable:
            text += f"; newest readable: {readable[0].path.name}"
        out.append(_check(level, "Backups", text))
    else:
        out.append(_check("info", "Backups", "none yet (one is kept at every change)"))
    if result.orphans:
        out.append(
            _check(
                "warning",
                "Orphans",
                f"{plural(len(result.orphans), 'topic')} no longer in the roadmap; "
                "their marks are kept",
            )
        )
        for o in result.orphans:
            out.append(_detail(f"{o.topic}: {o.status} ({plural(o.events, 'event')})"))
        out.append(
            _detail("if a topic was renamed, add its old id to the topic's 'aliases'", "muted")
        )
    for a in result.aliased:
        out.append(
            _check(
                "info",
                "Renamed",
                f"{plural(a.events, 'mark')} under former id {a.alias} count for {a.topic}",
            )
        )
    if result.temporaries:
        out.append(
            _check(
                "warning",
                "Temporary",
                f"{plural(len(result.temporaries), 'file')} left by an interrupted write "
                "(the next change removes them)",
            )
        )
        out += [_detail(p.name) for p in result.temporaries]
    for p in result.set_aside:
        out.append(_check("info", "Set aside", f"{_name(p)} (a damaged copy, kept)"))
    for c in result.conflict_copies:
        out.append(
            _check("warning", "Copy", f"{_name(c.path)}: {c.service} conflict copy, {c.problem}")
        )
    if result.conflict_copies:
        out.append(
            _detail(
                "not merged; check it, then merge it with 'roadmap progress merge FILE' "
                "or move it away",
                "muted",
            )
        )
    return out
