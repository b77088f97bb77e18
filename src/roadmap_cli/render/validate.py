"""Text of ``roadmap validate`` (every problem with its location) and ``roadmap init``."""

from __future__ import annotations

import shlex

from rich.text import Text

from roadmap_cli.actions.validate import InitResult, ValidateResult
from roadmap_cli.render.console import make_console
from roadmap_cli.render.prose import NBSP, hang, say, whole
from roadmap_cli.support.textsafe import clean_line
from roadmap_cli.support.words import plural

__all__: list[str] = []


def render_validate(result: ValidateResult, lang: str) -> None:
    """Print ``result`` on stdout, titles in ``lang`` ("zh"/"en")."""
    console = make_console()
    name = whole(clean_line(str(result.path)))
    if result.valid and result.roadmap is not None:
        c = result.counts()
        head = Text(f"{name}: valid roadmap ", style="done")
        head.append(repr(clean_line(result.roadmap.id)), style="id")
        head.append(
            f" ({plural(c['stages'], 'stage', glue=NBSP)}, "
            f"{plural(c['topics'], 'topic', glue=NBSP)}, "
            f"{plural(c['resources'], 'resource', glue=NBSP)})"
        )
    else:
        head = Text(f"{name}: {plural(len(result.errors), 'error', glue=NBSP)}", style="error")
    if result.warnings:
        head.append(f", {plural(len(result.warnings), 'warning', glue=NBSP)}", style="warning")
    say(console, head)
    if result.problems:
        rows = []
        for item in result.problems:
            problem = item.problem
            text = Text(clean_line(problem.location), style="id")
            text.append(": " + clean_line(problem.message))
            at = "" if not item.line or problem.location.startswith("line") else f"line {item.line}"
            rows.append((problem.severity, at, text))
        severity_width = max(len(severity) for severity, _, _ in rows)
        at_width = max(len(at) for _, at, _ in rows)
        for severity, at, text in rows:
            head = Text(severity.ljust(severity_width + 2), style=severity)
            head.append(at.ljust(at_width + 2) if at_width else "", style="muted")
            console.print(hang(head, text, console.width, split_long=False), soft_wrap=True)
    if result.valid:
        arg = shlex.quote(name)
        say(
            console,
            Text(f"Use it: roadmap --roadmap {arg} next   (or ROADMAP_FILE={arg})", style="muted"),
        )


def render_init(result: InitResult, lang: str) -> None:
    """Print ``result`` on stdout, titles in ``lang`` ("zh"/"en")."""
    console = make_console()
    name = whole(clean_line(str(result.path)))
    verb = "Replaced" if result.replaced else "Wrote"
    say(console, Text(f"{verb} {name}: an example roadmap with id '{result.roadmap_id}'."))
    say(console, Text("Edit it, then:", style="muted"))
    arg = shlex.quote(name)
    for line in (f"roadmap validate {arg}", f"roadmap --roadmap {arg} next"):
        say(console, Text(f"  {line}"))
