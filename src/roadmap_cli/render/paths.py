"""The text of ``roadmap paths``: where the roadmap, progress and backups are."""

from __future__ import annotations

from roadmap_cli.actions.paths import PathsResult
from roadmap_cli.render.console import make_console
from roadmap_cli.render.text import Text
from roadmap_cli.support.i18n import _
from roadmap_cli.support.textsafe import cell_width, clean_line


def render_paths(result: PathsResult, lang: str) -> None:
    """Print ``result`` on stdout (``lang``: "zh"/"en")."""
    console = make_console()

    def row(label: str, value: str, extra: str = "") -> None:
        # soft_wrap: a path is never folded by us, so it can be copied whole
        text = Text(label + " " * max(1, 13 - cell_width(label)), style="heading")
        text.append(clean_line(value))
        if extra:
            text.append(f"  ({extra})", style="muted")
        console.print(text, soft_wrap=True)

    row(_("Roadmap"), str(result.roadmap_file), _("bundled") if result.bundled else "")
    row(_("Roadmap id"), result.roadmap_id)
    created = "" if result.data_dir.is_dir() else _("not created yet")
    row(_("Data folder"), str(result.data_dir), created)
    row(_("Progress"), str(result.progress_file), _exists(result.progress_exists))
    row(_("Lock file"), str(result.lock_file))
    row(_("Backups"), str(result.backup_dir), _("{n} kept").format(n=len(result.backups)))
    for backup in result.backups:
        row("", str(backup))


def _exists(flag: bool) -> str:
    return "" if flag else _("not written yet: it appears with your first change")
