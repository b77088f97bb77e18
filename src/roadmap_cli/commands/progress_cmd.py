"""``roadmap progress export|merge|restore``: carry progress to another machine, merge
it back, bring back the newest readable backup."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from roadmap_cli.commands._common import JsonOption, app_context
from roadmap_cli.render import emit

#: Position of this command group in 'roadmap --help'.
ORDER = 85

FileArgument = Annotated[
    Path, typer.Argument(metavar="FILE", help="A progress copy (JSON).", show_default=False)
]


def export(
    ctx: typer.Context,
    file: FileArgument,
    force: Annotated[bool, typer.Option("--force", help="Replace FILE if it exists.")] = False,
    as_json: JsonOption = False,
) -> None:
    """Write a copy of your progress (of the roadmap in use) to FILE.

    FILE '-' prints the copy (a JSON document) on stdout instead.

    Examples:

      roadmap progress export ~/Dropbox/roadmap-laptop.json

      roadmap progress export - | ssh desktop 'cat > laptop.json'
    """
    app = app_context(ctx)
    if str(file) == "-":
        import sys

        from roadmap_cli.streams import fit_json
        from roadmap_cli.sync import export_document

        sys.stdout.write(
            fit_json(export_document(app.store()))
        )  # the document alone, even with --json
        return
    from roadmap_cli.sync import export_progress

    emit(export_progress(app.store(), file, force), as_json=as_json, lang=app.lang)


def merge(ctx: typer.Context, file: FileArgument, as_json: JsonOption = False) -> None:
    """Merge a progress copy into yours: every event of either, once.

    Merging the same copy again changes nothing; a sync service's conflict
    copy merges the same way.

    Examples:

      roadmap progress merge ~/Dropbox/roadmap-laptop.json

      roadmap progress merge "relearn-ai (conflicted copy).json"
    """
    from roadmap_cli.sync import merge_progress

    app = app_context(ctx)
    emit(merge_progress(app.store(), file), as_json=as_json, lang=app.lang)


def restore(
    ctx: typer.Context,
    force: Annotated[
        bool,
        typer.Option(
            "--force", help="Replace a readable progress file too (it is kept as a backup)."
        ),
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """Bring back the newest readable backup of your progress file.

    For a progress file that cannot be read: it is set aside (renamed, never
    deleted). A readable file is replaced only with --force; it then becomes
    the newest backup, so restoring again undoes a restore.

    Examples:

      roadmap progress restore

      roadmap progress restore --force
    """
    from roadmap_cli.sync import restore_progress

    app = app_context(ctx)
    emit(restore_progress(app.store(), force), as_json=as_json, lang=app.lang)


def register(app: typer.Typer) -> None:
    """Add the ``progress`` group (``export``, ``merge``, ``restore``) to ``app``."""
    group = typer.Typer(
        name="progress",
        help="Copy, merge and restore your progress file (for a second machine, or a mishap).",
        no_args_is_help=True,
    )
    group.command("export")(export)
    group.command("merge")(merge)
    group.command("restore")(restore)
    app.add_typer(group, name="progress")
