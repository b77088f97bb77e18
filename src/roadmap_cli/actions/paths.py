"""``roadmap paths``: where the roadmap in use, the progress file and its backups are."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from roadmap_cli.support.records import record

if TYPE_CHECKING:
    from roadmap_cli.actions.context import AppContext

__all__ = ["PathsResult", "gather_paths"]


@record(frozen=False)
class PathsResult:
    """The files ``roadmap`` uses for the roadmap in use (absolute paths)."""

    roadmap_file: Path
    bundled: bool
    roadmap_id: str
    data_dir: Path
    progress_file: Path
    progress_exists: bool
    lock_file: Path
    backup_dir: Path
    backups: list[Path]

    def to_json(self) -> dict[str, Any]:
        """``{roadmap: {file, bundled, id}, data_dir, progress: {file, exists},
        lock_file, backups: {folder, files: [path, newest first]}}``."""
        return {
            "roadmap": {
                "file": str(self.roadmap_file),
                "bundled": self.bundled,
                "id": self.roadmap_id,
            },
            "data_dir": str(self.data_dir),
            "progress": {"file": str(self.progress_file), "exists": self.progress_exists},
            "lock_file": str(self.lock_file),
            "backups": {"folder": str(self.backup_dir), "files": [str(p) for p in self.backups]},
        }


def _roadmap_id(app: AppContext) -> str:
    """The id of the roadmap in use. A roadmap file that does not validate still names
    its progress file when its ``id`` is well formed, so ``paths`` helps repair it."""
    from roadmap_cli.errors import RoadmapFileError

    try:
        return app.catalog().roadmap.id
    except RoadmapFileError:
        from roadmap_cli.roadmap.catalog import raw_roadmap_id

        found = raw_roadmap_id(app.roadmap_path)
        if found is not None:
            return found
        raise


def gather_paths(app: AppContext) -> PathsResult:
    """Collect the paths for the roadmap and data folder ``app`` selects.

    Raises:
        RoadmapFileError: the roadmap file cannot be read or has no valid ``id``.
    """
    from roadmap_cli.progress.store import ProgressStore, default_data_dir
    from roadmap_cli.roadmap.bundled import bundled_roadmap_path

    roadmap_id = _roadmap_id(app)
    folder = app.data_dir.expanduser() if app.data_dir else default_data_dir()
    store = ProgressStore(folder.absolute(), roadmap_id)
    roadmap_file = app.roadmap_path.absolute()
    return PathsResult(
        roadmap_file=roadmap_file,
        bundled=roadmap_file == bundled_roadmap_path().absolute(),
        roadmap_id=roadmap_id,
        data_dir=store.data_dir,
        progress_file=store.path,
        progress_exists=store.path.is_file(),
        lock_file=store.lock_path,
        backup_dir=store.backup_dir,
        backups=store.backup_paths(),
    )
