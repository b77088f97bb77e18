"""Which roadmap file a command uses: ``--roadmap`` / ``ROADMAP_FILE`` (a path, or the id
of an installed roadmap), else the one chosen with ``roadmap use``, else the bundled one.

Light on purpose (json and os only; the library's store only for an installed roadmap):
shell completion uses it too.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from roadmap_cli.roadmap.bundled import BUNDLED_ID, bundled_roadmap_path
from roadmap_cli.support.i18n import _

if TYPE_CHECKING:
    from roadmap_cli.library.store import Library

__all__ = ["as_roadmap_id", "resolve_roadmap"]


def as_roadmap_id(given: Path) -> str | None:
    """``given`` as a roadmap id when it is one bare name that is a valid id
    (``agent``, not ``agent.toml`` or ``./agent``); else None."""
    from roadmap_cli.roadmap.model import is_valid_id

    name = str(given)
    return name if is_valid_id(name) and given.parts == (name,) else None


def resolve_roadmap(given: Path | None, data_dir: Path, *, strict: bool = True) -> Path:
    """The roadmap file to use.

    Args:
        given: ``--roadmap`` / ``ROADMAP_FILE``, or None.
        data_dir: the data folder (installed roadmaps are in its ``roadmaps/``).
        strict: raise for an id that is not installed; False: answer the bundled roadmap
            instead (shell completion, which must never fail).

    Raises:
        UsageError: ``given`` is a bare id that is neither installed, the bundled one,
            nor an existing file (exit 2; the installed ids are suggested).
        RoadmapError: the config file is damaged, or names a roadmap no longer installed.
    """
    if given is not None:
        roadmap_id = as_roadmap_id(given)
        if roadmap_id is None or given.is_file():
            return given
        if roadmap_id == BUNDLED_ID:
            return bundled_roadmap_path()
        library = _library(data_dir)
        if library.has(roadmap_id) or not strict:
            return library.path(roadmap_id) if library.has(roadmap_id) else bundled_roadmap_path()
        raise library.unknown(roadmap_id, "--roadmap")
    from roadmap_cli.errors import RoadmapError
    from roadmap_cli.library.config import config_path, read_default

    try:
        chosen = read_default()
    except RoadmapError:
        if strict:
            raise
        chosen = None
    if chosen is None or chosen == BUNDLED_ID:
        return bundled_roadmap_path()
    library = _library(data_dir)
    if library.has(chosen):
        return library.path(chosen)
    if not strict:
        return bundled_roadmap_path()
    raise RoadmapError(
        _("{path}: the roadmap in use, {id!r}, is not installed").format(
            path=config_path(), id=chosen
        ),
        _("choose another with {command} ({bundled} for the bundled one)").format(
            command="'roadmap use ID'", bundled=f"'roadmap use {BUNDLED_ID}'"
        ),
    )


def _library(data_dir: Path) -> Library:
    from roadmap_cli.library.store import Library

    return Library(data_dir)
