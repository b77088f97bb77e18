"""``roadmap roadmaps``, ``roadmap use ID`` and ``roadmap remove ID``: the installed
roadmaps side by side, the one in use, and taking one out (its progress stays)."""

from __future__ import annotations

from dataclasses import field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from roadmap_cli.actions.context import AppContext
from roadmap_cli.actions.library import _known
from roadmap_cli.errors import RoadmapError, UsageError
from roadmap_cli.library.index import Summary
from roadmap_cli.library.store import BUNDLED_ID, Library
from roadmap_cli.support.i18n import _
from roadmap_cli.support.records import record

if TYPE_CHECKING:
    pass


@record(frozen=False)
class UseResult:
    """What ``roadmap use`` chose."""

    roadmap_id: str
    title: str
    title_en: str
    language: str
    path: Path
    config: Path
    overridden_by: str | None = None

    def display_title(self, lang: str) -> str:
        """``title_en`` under English for a roadmap in another language, else ``title``."""
        if lang == "en" and self.language != "en" and self.title_en:
            return self.title_en
        return self.title

    def to_json(self) -> dict[str, Any]:
        """``{id, title, title_en, path, config, overridden_by}``: ``overridden_by`` names
        the ``--roadmap`` / ``ROADMAP_FILE`` value that still wins for now, or null."""
        return {
            "id": self.roadmap_id,
            "title": self.title,
            "title_en": self.title_en,
            "path": str(self.path),
            "config": str(self.config),
            "overridden_by": self.overridden_by,
        }


@record(frozen=False)
class RoadmapsResult:
    """``roadmap roadmaps``: every roadmap of the library, the bundled one first."""

    summaries: list[Summary]
    in_use: str | None
    sources: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """``{in_use, roadmaps: [{id, title, title_en, bundled, in_use, path, source,
        progress: {topics, done, skipped, in_progress, percent}, last_activity,
        error}]}``."""
        rows = []
        for s in self.summaries:
            finished = s.done + s.skipped
            rows.append(
                {
                    "id": s.id,
                    "title": s.title,
                    "title_en": s.title_en,
                    "bundled": s.id == BUNDLED_ID,
                    "in_use": s.id == self.in_use,
                    "path": s.path,
                    "source": self.sources.get(s.id),
                    "progress": {
                        "topics": s.topics,
                        "done": s.done,
                        "skipped": s.skipped,
                        "in_progress": s.in_progress,
                        "percent": round(100 * finished / s.topics, 1) if s.topics else 0.0,
                    },
                    "last_activity": s.last_activity,
                    "error": s.error,
                }
            )
        return {"in_use": self.in_use, "roadmaps": rows}


@record(frozen=False)
class RemoveResult:
    """What ``roadmap remove`` removed and what it left."""

    roadmap_id: str
    path: Path
    progress: Path
    progress_exists: bool
    source: str | None
    was_in_use: bool

    def to_json(self) -> dict[str, Any]:
        """``{id, removed, progress, progress_exists, source, was_in_use}``."""
        return {
            "id": self.roadmap_id,
            "removed": str(self.path),
            "progress": str(self.progress),
            "progress_exists": self.progress_exists,
            "source": self.source,
            "was_in_use": self.was_in_use,
        }


def use(app: AppContext, roadmap_id: str) -> UseResult:
    """Make ``roadmap_id`` (installed, or the bundled one) the default roadmap.

    Raises:
        UsageError: not installed (exit 2; the installed ids are suggested).
        RoadmapFileError: the roadmap does not load (exit 1; nothing changed).
        RoadmapError: the config file cannot be written (exit 1).
    """
    from roadmap_cli.library.config import write_default
    from roadmap_cli.roadmap.cache import cache_dir
    from roadmap_cli.roadmap.catalog import load_catalog

    _, path = _known(app, roadmap_id)
    catalog = load_catalog(path, cache_dir())
    config = write_default(None if roadmap_id == BUNDLED_ID else roadmap_id)
    overridden = str(app.roadmap_file) if app.roadmap_file is not None else None
    roadmap = catalog.roadmap
    return UseResult(
        roadmap_id,
        roadmap.title,
        roadmap.title_en or "",
        roadmap.language,
        path,
        config,
        overridden,
    )


def list_roadmaps(app: AppContext) -> RoadmapsResult:
    """Every installed roadmap and the bundled one, from the cached summaries.

    Raises:
        nothing a user causes: a roadmap that cannot be read shows its error.
    """
    from roadmap_cli.library.index import Index, roadmap_files

    library = Library(app.data_folder)
    try:
        current = app.roadmap_path.resolve()
    except RoadmapError:
        current = None
    index = Index(library)
    summaries = []
    in_use = None
    sources = {}
    for roadmap_id, path in roadmap_files(library):
        summaries.append(index.summary(roadmap_id, path))
        if current is not None and path.resolve() == current:
            in_use = roadmap_id
        record = library.read_source(roadmap_id)
        if record is not None:
            sources[roadmap_id] = record.source
    index.save()
    return RoadmapsResult(summaries, in_use, sources)


def remove(app: AppContext, roadmap_id: str) -> RemoveResult:
    """Delete the installed roadmap ``roadmap_id`` (file and source record); its progress
    file stays. When it was the default, the bundled roadmap becomes the default.

    Raises:
        UsageError: not installed, or the bundled roadmap (exit 2).
        RoadmapError: a file cannot be deleted or the config written (exit 1).
    """
    from roadmap_cli.library.config import read_default, write_default

    if roadmap_id == BUNDLED_ID:
        raise UsageError(
            _("ID: {id} is the bundled roadmap; it cannot be removed").format(id=BUNDLED_ID),
            _("switch to another roadmap with {command}").format(command="'roadmap use ID'"),
        )
    library, path = _known(app, roadmap_id)
    record = library.read_source(roadmap_id)
    in_use = read_default() == roadmap_id
    library.uninstall(roadmap_id)
    if in_use:
        write_default(None)
    store = app.store_for(roadmap_id)
    return RemoveResult(
        roadmap_id,
        path,
        store.path,
        store.exists(),
        record.source if record else None,
        in_use,
    )
