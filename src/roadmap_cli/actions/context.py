"""Options every command shares, and the roadmap and progress store they select."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from roadmap_cli.errors import UsageError
from roadmap_cli.support.i18n import _

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


@dataclass
class AppContext:
    """The global options of one ``roadmap`` invocation.

    Attributes:
        roadmap_file: ``--roadmap`` / ``ROADMAP_FILE``, or None for the bundled roadmap.
        data_dir: ``--data-dir``, or None for ``ROADMAP_DATA_DIR`` / the platform folder.
        lang: "zh" or "en", the language titles are shown in.
    """

    roadmap_file: Path | None = None
    data_dir: Path | None = None
    lang: str = "en"
    _catalog: Catalog | None = field(default=None, repr=False)

    @property
    def roadmap_path(self) -> Path:
        """The roadmap file in use."""
        if self.roadmap_file is not None:
            return self.roadmap_file
        from roadmap_cli.roadmap.bundled import bundled_roadmap_path

        return bundled_roadmap_path()

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
        return ProgressStore(folder, roadmap_id)
