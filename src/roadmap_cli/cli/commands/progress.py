"""``roadmap progress export|merge|restore``: carry progress to another machine, merge
it back, bring back the newest readable backup."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from roadmap_cli.cli.commands._common import JsonOption, app_context
from roadmap_cli.render import emit_json

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

        from roadmap_cli.actions.progress import export_document
        from roadmap_cli.support.streams import fit_json

        sys.stdout.write(
            fit_json(export_document(app.store()))
        )  # the document alone, even with --json
        return
    from roadmap_cli.actions.progress import export_progress

    result = export_progress(app.store(), file, force)
    if as_json:
        emit_json(result)
        return
    from roadmap_cli.render.progress import render_export

    render_export(result, app.lang)


def merge(ctx: typer.Context, file: FileArgument, as_json: JsonOption = False) -> None:
    """Merge a progress copy into yours: every event of either, once.

    Merging the same copy again changes nothing; a sync service's conflict
    copy merges the same way.

    Examples:

      roadmap progress merge ~/Dropbox/roadmap-laptop.json

      roadmap progress merge "relearn-ai (conflicted copy).json"
    """
    from roadmap_cli.actions.progress import merge_progress

    app = app_context(ctx)
    app.keep_copies.append(file)  # merged here, not on sight
    result = merge_progress(app.store(), file)
    if as_json:
        emit_json(result)
        return
    from roadmap_cli.render.progress import render_merge

    render_merge(result, app.lang)


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
    from roadmap_cli.actions.progress import restore_progress

    app = app_context(ctx)
    result = restore_progress(app.store(), force)
    if as_json:
        emit_json(result)
        return
    from roadmap_cli.render.progress import render_restore

    render_restore(result, app.lang)


def merge_driver(
    base: Annotated[Path, typer.Argument(metavar="BASE", help="The common ancestor (%O).")],
    ours: Annotated[
        Path, typer.Argument(metavar="OURS", help="This side (%A); the result is written here.")
    ],
    theirs: Annotated[Path, typer.Argument(metavar="THEIRS", help="The other side (%B).")],
    name: Annotated[
        str | None,
        typer.Argument(metavar="[PATH]", help="The file's path in the repository (%P)."),
    ] = None,
) -> None:
    """Git's merge driver for progress files: writes the union of both sides into OURS.

    Every event of either side is kept once, so the merge never conflicts. A
    side that cannot be read exits 1: git then reports a conflict and nothing
    is lost. Installed roadmaps are merged whole (the side that changed).
    'roadmap sync --init' registers it; you do not run it yourself.

    Examples:

      git config merge.roadmap.driver 'roadmap progress merge-driver %O %A %B %P'

      echo '/*.json merge=roadmap' >> .gitattributes
    """
    import sys

    from roadmap_cli.actions.merge_driver import merge_driver as merge_files

    result = merge_files(base, ours, theirs, name)
    for line in result.notices:
        sys.stderr.write(f"roadmap: {line}\n")


def group() -> typer.Typer:
    """The ``progress`` group: ``export``, ``merge``, ``restore`` and ``merge-driver``."""
    progress = typer.Typer(
        name="progress",
        help="Copy, merge and restore your progress file (for a second machine, or a mishap).",
        no_args_is_help=True,
    )
    progress.command("export")(export)
    progress.command("merge")(merge)
    progress.command("restore")(restore)
    progress.command("merge-driver")(merge_driver)
    return progress
