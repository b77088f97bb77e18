"""Where installed roadmaps live, and what each was made from.

An installed roadmap is ``<data dir>/roadmaps/<id>.toml``, a roadmap file like any other,
beside ``<id>.source.json``: ``{source, fetched_from, kind, fetched_at, sha256}`` (the
address or absolute path given to ``roadmap add``, the address really downloaded — a
GitHub page's raw form —, "markdown" or "toml", when it was read in UTC ISO 8601, and the
SHA-256 of the bytes read). Progress stays where it always is, ``<data dir>/<id>.json``.
The bundled roadmap (:data:`BUNDLED_ID`) is always available and never stored here.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Any

from roadmap_cli.errors import RoadmapError, UsageError
from roadmap_cli.roadmap.bundled import BUNDLED_ID
from roadmap_cli.support.i18n import N_, _
from roadmap_cli.support.records import record

__all__ = ["BUNDLED_ID", "Library", "SourceRecord"]

#: The id of the roadmap that ships with the program.


@record
class SourceRecord:
    """What an installed roadmap was made from (see the module docstring)."""

    source: str
    fetched_from: str
    kind: str
    fetched_at: str
    sha256: str

    @property
    def is_url(self) -> bool:
        """Whether the source is an http(s) address (else a local path)."""
        return self.source.lower().startswith(("http://", "https://"))

    def to_json(self) -> dict[str, str]:
        """The record as stored: ``{source, fetched_from, kind, fetched_at, sha256}``."""
        return asdict(self)


@record
class Library:
    """The installed roadmaps of one data folder (``data_dir``)."""

    data_dir: Path

    @property
    def folder(self) -> Path:
        """``<data dir>/roadmaps``."""
        return self.data_dir / "roadmaps"

    def path(self, roadmap_id: str) -> Path:
        """The roadmap file of ``roadmap_id`` (it may not exist)."""
        return self.folder / f"{roadmap_id}.toml"

    def source_path(self, roadmap_id: str) -> Path:
        """The source record of ``roadmap_id`` (it may not exist)."""
        return self.folder / f"{roadmap_id}.source.json"

    def progress_path(self, roadmap_id: str) -> Path:
        """The progress file of ``roadmap_id`` (it may not exist)."""
        return self.data_dir / f"{roadmap_id}.json"

    def ids(self) -> list[str]:
        """Installed roadmap ids, sorted; empty when there is no folder. Never raises."""
        from roadmap_cli.roadmap.model import is_valid_id

        try:
            names = os.listdir(self.folder)
        except OSError:
            return []
        ids = [n[:-5] for n in names if n.endswith(".toml") and not n.startswith(".")]
        return sorted(i for i in ids if is_valid_id(i))

    def has(self, roadmap_id: str) -> bool:
        """Whether ``roadmap_id`` is installed."""
        return self.path(roadmap_id).is_file()

    def require(self, roadmap_id: str, option: str = "ID") -> Path:
        """The file of the installed roadmap ``roadmap_id``.

        Raises:
            UsageError: it is not installed; the installed ids are suggested (exit 2).
        """
        if self.has(roadmap_id):
            return self.path(roadmap_id)
        raise self.unknown(roadmap_id, option)

    def unknown(self, roadmap_id: str, option: str = "ID") -> UsageError:
        """The error for an id that is not installed, naming the installed ones."""
        import difflib

        ids = self.ids()
        close = difflib.get_close_matches(roadmap_id, [*ids, BUNDLED_ID], n=3, cutoff=0.6)
        if close:
            hint = _("did you mean {ids}?").format(ids=", ".join(close))
        elif ids:
            hint = _("installed: {ids} (and the bundled {bundled})").format(
                ids=", ".join(ids), bundled=BUNDLED_ID
            )
        else:
            hint = _(
                "nothing is installed besides the bundled {bundled}; add one with {command}"
            ).format(bundled=BUNDLED_ID, command="'roadmap add SOURCE'")
        return UsageError(
            _("{option}: no installed roadmap {id!r}").format(option=option, id=roadmap_id), hint
        )

    def read_source(self, roadmap_id: str) -> SourceRecord | None:
        """The source record of ``roadmap_id``; None when missing or unreadable."""
        try:
            data: Any = json.loads(self.source_path(roadmap_id).read_text(encoding="utf-8"))
            return SourceRecord(**{k: str(data[k]) for k in SourceRecord.__dataclass_fields__})
        except (OSError, ValueError, TypeError, KeyError):
            return None

    def ensure_folder(self) -> None:
        """Create ``<data dir>/roadmaps`` if needed.

        Raises:
            RoadmapError: it cannot be created (exit 1).
        """
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise RoadmapError(
                _("{path}: cannot create the folder ({reason})").format(
                    path=self.folder, reason=exc.strerror
                ),
                _("check that the data folder is writable, or pass --data-dir"),
            ) from None

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        """Hold ``<data dir>/roadmaps/.lock`` (15 s at most to get it), so two commands
        never install or remove the same roadmap at once.

        Raises:
            RoadmapError: the lock cannot be taken (exit 1).
        """
        from roadmap_cli.support.locking import FileLock, LockTimeout

        self.ensure_folder()
        lock = FileLock(self.folder / ".lock", timeout=15)
        try:
            lock.acquire()
        except LockTimeout:
            raise RoadmapError(
                _("{path}: another roadmap command has held the library lock for 15 s").format(
                    path=self.folder
                ),
                _("wait for it to finish; if none is running, delete {lock}").format(
                    lock=self.folder / ".lock"
                ),
            ) from None
        except OSError as exc:
            raise RoadmapError(
                _("{path}: cannot take the lock ({reason})").format(
                    path=self.folder, reason=exc.strerror
                )
            ) from None
        try:
            yield
        finally:
            lock.release()

    def install(self, roadmap_id: str, text: str, record: SourceRecord, *, replace: bool) -> Path:
        """Write the roadmap file and its source record, each atomically, under the
        library lock: the record first, so a roadmap file never lacks one.

        Raises:
            RoadmapError: the file exists and ``replace`` is False, or a write fails.
        """
        from roadmap_cli.support.atomic import write_file

        path = self.path(roadmap_id)
        with self.locked():
            if path.exists() and not replace:
                raise RoadmapError(
                    _("{path}: already exists; nothing was written").format(path=path),
                    _("pass --id to install it under another id, or {command}").format(
                        command=f"'roadmap update {roadmap_id}'"
                    ),
                )
            record_text = json.dumps(record.to_json(), ensure_ascii=False, indent=2) + "\n"
            write_file(
                self.source_path(roadmap_id), record_text, force=True, what=N_("source record")
            )
            write_file(path, text, force=replace, what=N_("roadmap file"))
        return path

    def uninstall(self, roadmap_id: str) -> None:
        """Delete the roadmap file and its source record (progress is left alone), under
        the library lock.

        Raises:
            RoadmapError: the file cannot be deleted (exit 1).
        """
        with self.locked():
            for path in (self.path(roadmap_id), self.source_path(roadmap_id)):
                try:
                    path.unlink(missing_ok=True)
                except OSError as exc:
                    raise RoadmapError(
                        _("{path}: cannot delete it ({reason})").format(
                            path=path, reason=exc.strerror
                        )
                    ) from None
