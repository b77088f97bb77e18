"""Options every command shares, and the roadmap and progress store they select."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import field
from pathlib import Path
from typing import TYPE_CHECKING

from roadmap_cli.errors import UsageError
from roadmap_cli.support.i18n import _
from roadmap_cli.support.records import record

if TYPE_CHECKING:
    from roadmap_cli.progress.store import ProgressStore
    from roadmap_cli.roadmap.catalog import Catalog

__all__ = ["LANGUAGES", "AppContext", "default_language"]

LANGUAGES = ("zh", "en")


def default_language() -> str:
    """``ROADMAP_LANG`` if set, else "zh" when the locale (``LC_ALL``, ``LC_MESSAGES``,
    ``LANG``) is Chinese (``zh_*``), else "en".

    Raises:
        UsageError: ``ROADMAP_LANG`` names another language (the message names it).
    """
    env = os.environ.get("ROADMAP_LANG")
    if env:
        return check_language(env, "ROADMAP_LANG")
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def check_language(lang: str, source: str = "--lang") -> str:
    """Normalise a language ("zh", "zh-CN", "en_US"…) to "zh" or "en"; ``source`` names
    where it came from ("--lang" or "ROADMAP_LANG") in the error.

    Raises:
        UsageError: any other language.
    """
    key = lang.strip().lower().replace("_", "-").split("-")[0]
    if key not in LANGUAGES:
        if source == "ROADMAP_LANG":
            hint = _("set ROADMAP_LANG to zh or en, or unset it (or give --lang zh or --lang en)")
        else:
            hint = _("use --lang zh or --lang en (or ROADMAP_LANG)")
        raise UsageError(
            _("{option}: unknown language {lang!r}").format(option=source, lang=lang), hint
        )
    return key


@record(frozen=False)
class AppContext:
    """The global options of one ``roadmap`` invocation.

    Attributes:
        roadmap_file: ``--roadmap`` / ``ROADMAP_FILE`` (a path or an installed roadmap's
            id), or None for the roadmap chosen with ``roadmap use`` (default: bundled).
        data_dir: ``--data-dir``, or None for ``ROADMAP_DATA_DIR`` / the platform folder.
        lang: "zh" or "en", the language titles are shown in.
        notify: called with one line (no newline) for what happened on the side, such
            as a sync service's conflict copy merged; the CLI writes it on stderr.
        notices: every such line, in order (for callers without ``notify``).
        keep_copies: conflict copies not to merge on sight (``progress merge FILE``).
    """

    roadmap_file: Path | None = None
    data_dir: Path | None = None
    lang: str = "en"
    notify: Callable[[str], None] | None = field(default=None, repr=False)
    notices: list[str] = field(default_factory=list, repr=False)
    keep_copies: list[Path] = field(default_factory=list, repr=False)
    _catalog: Catalog | None = field(default=None, repr=False)
    _checked: set[Path] = field(default_factory=set, repr=False)

    @property
    def roadmap_path(self) -> Path:
        """The roadmap file in use (see :func:`roadmap_cli.library.select.resolve_roadmap`).

        Raises:
            UsageError: ``--roadmap`` names an id that is not installed.
            RoadmapError: the roadmap chosen with ``roadmap use`` is gone.
        """
        from roadmap_cli.library.select import resolve_roadmap

        return resolve_roadmap(self.roadmap_file, self.data_folder)

    @property
    def data_folder(self) -> Path:
        """The data folder in use: ``--data-dir``, ``ROADMAP_DATA_DIR`` or the platform's."""
        from roadmap_cli.progress.store import default_data_dir

        return self.data_dir.expanduser() if self.data_dir else default_data_dir()

    def catalog(self) -> Catalog:
        """Load (once) and return the roadmap in use.

        Raises:
            RoadmapFileError: the roadmap file is missing or invalid.
        """
        if self._catalog is None:
            from roadmap_cli.roadmap.cache import cache_dir
            from roadmap_cli.roadmap.catalog import load_catalog

            self._catalog = load_catalog(self.roadmap_path, cache_dir())
        return self._catalog

    def store(self) -> ProgressStore:
        """The progress store of the roadmap in use."""
        return self.store_for(self.catalog().roadmap.id)

    def store_for(self, roadmap_id: str) -> ProgressStore:
        """The progress store of the roadmap with id ``roadmap_id`` (a valid id), in the
        data folder in use; for when the roadmap file itself does not validate."""
        from roadmap_cli.progress.store import ProgressStore, default_data_dir

        folder = self.data_dir.expanduser() if self.data_dir else default_data_dir()
        store = ProgressStore(folder, roadmap_id)
        if store.path not in self._checked:  # once per command: one listing of the folder
            self._checked.add(store.path)
            from roadmap_cli.progress.conflicts import absorb_conflict_copies

            absorb_conflict_copies(folder, roadmap_id, self._notice, keep=self.keep_copies)
        return store

    def _notice(self, line: str) -> None:
        self.notices.append(line)
        if self.notify is not None:
            self.notify(line)
