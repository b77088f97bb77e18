"""Text of the small commands: ``note``, ``open`` and ``paths``."""

from __future__ import annotations

from rich.text import Text

from roadmap_cli.notes import NoteResult
from roadmap_cli.opener import OpenResult
from roadmap_cli.paths import PathsResult
from roadmap_cli.render.console import make_console
from roadmap_cli.render.prose import hang
from roadmap_cli.render.text import (
    Lang,
    emit_lines,
    local_time,
    render_text,
    resource_rows,
    title_text,
)
from roadmap_cli.textsafe import clean_block, clean_line

__all__: list[str] = []


@render_text.register
def _note(result: NoteResult, lang: str) -> None:
    console = make_console()
    names = Lang(lang, result.language)
    head = title_text(names, result.topic, style="heading")
    head.append(f" ({result.topic.id})", style="id")
    head.append(f" at {local_time(result.event.at)}", style="muted")
    note = clean_block(result.event.note or "")
    width = console.width
    emit_lines(console, hang("Note added to ", head, width), hang("  ", note, width))
    count = result.count
    console.print(
        Text(
            f"{count} note{'s' if count != 1 else ''} on this topic; "
            f"see them with 'roadmap show {result.topic.id}'.",
            style="muted",
        )
    )


@render_text.register
def _open(result: OpenResult, lang: str) -> None:
    console = make_console()
    names = Lang(lang, result.language)
    head = title_text(names, result.topic, style="heading")
    head.append(f" ({result.topic.id})", style="id")
    chosen = result.chosen
    verb = "Opening " if result.launch else "Resources of "
    rows = resource_rows(
        [c.resource for c in chosen], console.width, numbers=[c.index for c in chosen]
    )
    emit_lines(console, hang(verb, head, console.width), *rows)
    # a browser that did not start is said once, on stderr, by the command


@render_text.register
def _paths(result: PathsResult, lang: str) -> None:
    console = make_console()

    def row(label: str, value: str, extra: str = "") -> None:
        # soft_wrap: a path is never folded by us, so it can be copied whole
        text = Text(f"{label:<13}", style="heading")
        text.append(clean_line(value))
        if extra:
            text.append(f"  ({extra})", style="muted")
        console.print(text, soft_wrap=True)

    row("Roadmap", str(result.roadmap_file), "bundled" if result.bundled else "")
    row("Roadmap id", result.roadmap_id)
    row("Data folder", str(result.data_dir), "" if result.data_dir.is_dir() else "not created yet")
    row("Progress", str(result.progress_file), _exists(result.progress_exists))
    row("Lock file", str(result.lock_file))
    row("Backups", str(result.backup_dir), f"{len(result.backups)} kept")
    for backup in result.backups:
        row("", str(backup))


def _exists(flag: bool) -> str:
    return "" if flag else "not written yet: it appears with your first change"
