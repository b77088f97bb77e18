"""Text of ``roadmap import`` when it wrote a file: what was imported, what to do next."""

from __future__ import annotations

import shlex

from rich.text import Text

from roadmap_cli.actions.import_ import ImportResult
from roadmap_cli.render.console import make_console
from roadmap_cli.render.prose import say, whole
from roadmap_cli.support.textsafe import clean_line
from roadmap_cli.support.words import plural

__all__: list[str] = []


def render_import(result: ImportResult, lang: str) -> None:
    """Print ``result`` on stdout, titles in ``lang`` ("zh"/"en")."""
    console = make_console()
    target = whole(clean_line(str(result.output))) if result.output else "stdout"
    head = Text(f"{'Replaced' if result.replaced else 'Wrote'} {target}: ", style="done")
    head.append("roadmap ")
    head.append(clean_line(result.roadmap_id), style="id")
    head.append(
        f" with {plural(result.stages, 'stage')}, {plural(result.topics, 'topic')}, "
        f"{plural(result.resources, 'resource')} from {whole(clean_line(str(result.source)))}"
    )
    say(console, head)
    if result.replaced:
        say(console, Text(f"kept the ids of {plural(result.kept_ids, 'topic')}", style="muted"))
    for notice in result.notices:
        say(console, Text(clean_line(notice), style="warning"))
    if result.skipped:
        say(
            console,
            Text(f"{plural(len(result.skipped), 'link')} not imported:", style="warning"),
        )
        for line in result.skipped[:10]:
            say(console, Text(f"  {clean_line(line)}", style="muted"))
        if len(result.skipped) > 10:
            say(console, Text(f"  … and {len(result.skipped) - 10} more", style="muted"))
    if result.warnings:
        say(
            console,
            Text(
                f"{plural(len(result.warnings), 'warning')} (e.g. no English titles): "
                f"see 'roadmap validate {shlex.quote(target)}'",
                style="muted",
            ),
        )
    if result.output is not None:
        arg = shlex.quote(target)
        say(console, Text(f"Use it: roadmap --roadmap {arg} next", style="muted"))
