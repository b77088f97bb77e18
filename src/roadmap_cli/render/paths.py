"""The text of ``roadmap paths``: where the roadmap, progress and backups are."""

from __future__ import annotations

from rich.text import Text

from roadmap_cli.actions.paths import PathsResult
from roadmap_cli.render.console import make_console
from roadmap_cli.support.textsafe import clean_line


def render_paths(result: PathsResult, lang: str) -> None:
    """Print ``result`` on stdout (``lang``: "zh"/"en")."""
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
