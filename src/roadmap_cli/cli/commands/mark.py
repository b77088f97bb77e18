"""``roadmap start|done|skip|reset TOPIC…``: change topics' status.

Every change is appended as an event; nothing is overwritten. All TOPIC arguments are
resolved before anything is written, so one bad argument changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

import typer

from roadmap_cli.cli.commands._common import JsonOption, app_context, complete_topic
from roadmap_cli.cli.fastpath import run_mark

TopicsArgument = Annotated[
    list[str],
    typer.Argument(
        metavar="TOPIC",
        help="Topics: id, unique id prefix, or title (Chinese or English).",
        autocompletion=complete_topic,
        show_default=False,
    ),
]
NoteOption = Annotated[
    str | None, typer.Option("--note", "-m", help="Attach this note.", show_default=False)
]
DateOption = Annotated[
    str | None,
    typer.Option(
        "--date",
        "-d",
        help="When it happened: YYYY-MM-DD, 'yesterday', or an ISO date-time (default: now).",
        show_default=False,
    ),
]


def _make(verb: str, summary: str, examples: list[str]) -> Callable[..., None]:
    def command(
        ctx: typer.Context,
        topics: TopicsArgument,
        note: NoteOption = None,
        when: DateOption = None,
        as_json: JsonOption = False,
    ) -> None:
        run_mark(app_context(ctx), verb, topics, when, note, as_json)

    shown = "\n\n".join(f"  {e}" for e in examples)
    command.__doc__ = f"{summary}\n\nExamples:\n\n{shown}\n"
    command.__name__ = verb
    return command


start = _make(
    "start",
    "Mark topics as in progress (they come first in 'roadmap next'). Prerequisites not"
    " done yet are named, not enforced.",
    ["roadmap start attention", 'roadmap start ddpm -m "watching the lecture first"'],
)
done = _make(
    "done",
    "Mark topics as done. --date records work done earlier; --note attaches a note.",
    [
        "roadmap done flash-attention",
        "roadmap done numpy pandas matplotlib",
        'roadmap done ddpm --date 2026-11-01 --note "derived the ELBO by hand"',
    ],
)
skip = _make(
    "skip",
    "Mark topics as skipped: they count as finished and unblock what requires them.",
    ["roadmap skip seaborn", 'roadmap skip cuda -m "no GPU for now"'],
)
reset = _make(
    "reset",
    "Mark topics as to do again (their history is kept).",
    ["roadmap reset attention"],
)
