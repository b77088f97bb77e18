"""The text of ``roadmap doctor``: one line per check, marked ok / warning / error, with
what to do under each finding. Ids and paths from files pass through ``clean_line``.

A finding folds under its own column, but a path is never folded: it runs past the right
edge (the terminal wraps it softly), so it can be copied whole."""

from __future__ import annotations

from pathlib import Path

from roadmap_cli.actions.doctor import DoctorResult
from roadmap_cli.render.console import make_console
from roadmap_cli.render.prose import hang, whole
from roadmap_cli.render.text import Text
from roadmap_cli.render.widgets import emit_lines
from roadmap_cli.support.i18n import N_, _
from roadmap_cli.support.textsafe import clean_line
from roadmap_cli.support.words import plural

__all__: list[str] = []

Row = tuple[Text, Text, Text]

#: The level words of the first column (English msgids).
LEVELS = {"ok": N_("ok"), "warning": N_("warning"), "error": N_("error"), "info": N_("info")}


def _check(level: str, label: str, text: str) -> Row:
    """A check's row: level ("ok", "warning", "error" or "info"), label, finding."""
    style = {"ok": "done", "warning": "warning", "error": "error", "info": "muted"}[level]
    return Text(_(LEVELS[level]), style=style), Text(label, style="heading"), Text(clean_line(text))


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
        invalid = _("{path} is invalid").format(path=_name(result.roadmap_path))
        out.append(_check("error", _("Roadmap"), invalid))
        out += [_detail(e) for e in result.shown_errors or result.roadmap_errors]
        validate = f"roadmap validate {_name(result.roadmap_path)}"
        out.append(_detail(_("fix it, then run '{command}'").format(command=validate), "muted"))
    else:
        level = "warning" if result.roadmap_warnings else "ok"
        counted = [plural(result.topics, "topic")]
        if result.roadmap_warnings:
            counted.append(plural(len(result.roadmap_warnings), "warning"))
        text = _name(result.roadmap_path) + _(" ({items})").format(items=_(", ").join(counted))
        out.append(_check(level, _("Roadmap"), text))
        out += [_detail(w) for w in (result.shown_warnings or result.roadmap_warnings)[:10]]
        if len(result.roadmap_warnings) > 10:
            more = len(result.roadmap_warnings) - 10
            out.append(_detail(_("… and {n} more ('roadmap validate')").format(n=more), "muted"))
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
        console.print(Text(_("Healthy: your progress is readable and safe."), style="done"))
    elif result.damaged:
        console.print(Text(_("Damaged: see the errors above."), style="error"))
    else:
        console.print(
            Text(_("Not damaged, but out of reach: see the errors above."), style="error")
        )


def _progress_lines(result: DoctorResult) -> list[Row]:
    path = result.progress_path
    out: list[Row] = []
    if result.data_dir_problem is not None and result.data_dir is not None:
        problem = result.data_dir_problem.translated()
        out.append(_check("error", _("Data"), f"{_name(result.data_dir)}: {problem}"))
        if result.data_dir_hint:
            out.append(_detail(result.data_dir_hint.translated(), "muted"))
        if not result.data_dir.is_dir():
            return out
    if result.progress_error is not None:
        out.append(_check("error", _("Progress"), f"{_name(path)}: {result.progress_error}"))
        if result.progress_hint:
            out.append(_detail(result.progress_hint, "muted"))
    elif not result.progress_exists:
        unwritten = _("(not written yet: nothing marked)")
        out.append(_check("ok", _("Progress"), f"{_name(path)} {unwritten}"))
    else:
        events = plural(result.events, "event")
        out.append(_check("ok", _("Progress"), _name(path) + _(" ({items})").format(items=events)))
    readable = [b for b in result.backups if b.readable]
    if result.backups:
        level = "ok" if len(readable) == len(result.backups) else "warning"
        text = _("{kept} kept, {readable} readable").format(
            kept=len(result.backups), readable=len(readable)
        )
        if readable:
            text += _("; newest readable: {name}").format(name=readable[0].path.name)
        out.append(_check(level, _("Backups"), text))
    else:
        out.append(_check("info", _("Backups"), _("none yet (one is kept at every change)")))
    if result.orphans:
        out.append(
            _check(
                "warning",
                _("Orphans"),
                _("{topics} no longer in the roadmap; their marks are kept").format(
                    topics=plural(len(result.orphans), "topic")
                ),
            )
        )
        for o in result.orphans:
            events = _(" ({items})").format(items=plural(o.events, "event"))
            out.append(_detail(f"{o.topic}: {o.status}{events}"))
        out.append(
            _detail(_("if a topic was renamed, add its old id to the topic's 'aliases'"), "muted")
        )
    for a in result.aliased:
        out.append(
            _check(
                "info",
                _("Renamed"),
                _("{marks} under former id {alias} count for {topic}").format(
                    marks=plural(a.events, "mark"), alias=a.alias, topic=a.topic
                ),
            )
        )
    if result.temporaries:
        out.append(
            _check(
                "warning",
                _("Temporary"),
                _("{files} left by an interrupted write (the next change removes them)").format(
                    files=plural(len(result.temporaries), "file")
                ),
            )
        )
        out += [_detail(p.name) for p in result.temporaries]
    for p in result.set_aside:
        kept = _("(a damaged copy, kept)")
        out.append(_check("info", _("Set aside"), f"{_name(p)} {kept}"))
    for c in result.conflict_copies:
        copy = _("{file}: {service} conflict copy, {problem}").format(
            file=_name(c.path), service=c.service, problem=c.problem
        )
        out.append(_check("warning", _("Copy"), copy))
    if result.conflict_copies:
        out.append(
            _detail(
                _(
                    "not merged; check it, then merge it with 'roadmap progress merge FILE' "
                    "or move it away"
                ),
                "muted",
            )
        )
    return out
