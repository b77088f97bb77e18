"""Text of ``roadmap validate`` (every problem with its location) and ``roadmap init``."""

from __future__ import annotations

import shlex

from roadmap_cli.actions.validate import InitResult, ValidateResult
from roadmap_cli.render.console import make_console
from roadmap_cli.render.prose import NBSP, hang, say, whole
from roadmap_cli.render.text import Text
from roadmap_cli.support.i18n import N_, _
from roadmap_cli.support.textsafe import cell_width, clean_line
from roadmap_cli.support.words import plural

__all__: list[str] = []

#: Problem severities as the interface names them (English msgids).
SEVERITIES = {"error": N_("error"), "warning": N_("warning")}


def render_validate(result: ValidateResult, lang: str) -> None:
    """Print ``result`` on stdout, titles in ``lang`` ("zh"/"en")."""
    console = make_console()
    name = whole(clean_line(str(result.path)))
    if result.valid and result.roadmap is not None:
        c = result.counts()
        head = Text(f"{name}: " + _("valid roadmap") + " ", style="done")
        head.append(repr(clean_line(result.roadmap.id)), style="id")
        counted = [
            plural(c["stages"], "stage", glue=NBSP),
            plural(c["topics"], "topic", glue=NBSP),
            plural(c["resources"], "resource", glue=NBSP),
        ]
        head.append(_(" ({items})").format(items=_(", ").join(counted)))
    else:
        head = Text(f"{name}: {plural(len(result.errors), 'error', glue=NBSP)}", style="error")
    if result.warnings:
        warnings = plural(len(result.warnings), "warning", glue=NBSP)
        head.append(_(", ") + warnings, style="warning")
    say(console, head)
    if result.problems:
        rows = []
        for item in result.problems:
            problem = item.problem
            text = Text(clean_line(problem.shown_location()), style="id")
            text.append(": " + clean_line(problem.shown_message()))
            at = ""
            if item.line and not problem.location.startswith("line"):
                at = _("line {n}").format(n=item.line)
            rows.append((problem.severity, at, text))
        words = {s: _(SEVERITIES.get(s, s)) for s, _at, _text in rows}
        severity_width = max(cell_width(words[s]) for s, _at, _text in rows)
        at_width = max(cell_width(at) for _s, at, _text in rows)
        for severity, at, text in rows:
            word = words[severity]
            head = Text(word + " " * (severity_width + 2 - cell_width(word)), style=severity)
            if at_width:
                head.append(at + " " * (at_width + 2 - cell_width(at)), style="muted")
            console.print(hang(head, text, console.width, split_long=False), soft_wrap=True)
    if result.valid:
        arg = shlex.quote(name)
        say(
            console,
            Text(
                _("Use it: {command}   (or {env})").format(
                    command=f"roadmap --roadmap {arg} next", env=f"ROADMAP_FILE={arg}"
                ),
                style="muted",
            ),
        )


def render_init(result: InitResult, lang: str) -> None:
    """Print ``result`` on stdout, titles in ``lang`` ("zh"/"en")."""
    console = make_console()
    name = whole(clean_line(str(result.path)))
    if result.replaced:
        template = _("Replaced {path}: an example roadmap with id '{id}'.")
    else:
        template = _("Wrote {path}: an example roadmap with id '{id}'.")
    say(console, Text(template.format(path=name, id=result.roadmap_id)))
    say(console, Text(_("Edit it, then:"), style="muted"))
    arg = shlex.quote(name)
    for line in (f"roadmap validate {arg}", f"roadmap --roadmap {arg} next"):
        say(console, Text(f"  {line}"))
