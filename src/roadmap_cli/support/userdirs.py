"""The user's data, config and cache folders for ``roadmap-cli``, as ``platformdirs``
gives them, without importing it on Linux.

Importing ``platformdirs`` costs ~7 ms (its Unix module imports ``tempfile``), paid by
every command of a learner who has not set ``ROADMAP_DATA_DIR``/``ROADMAP_CONFIG_DIR``/
``ROADMAP_CACHE_DIR``, that is by every real learner. On Linux its answer for
``appauthor=False`` is a few lines of the XDG base directory rules, written out here the
way platformdirs 4.14 computes them (``platformdirs/unix.py`` and ``_xdg.py``): an
``XDG_*_HOME`` that is an absolute path (verbatim: no stripping, no ``~``), else ``~/...``
expanded with ``HOME`` (a relative or empty ``HOME`` counts as unset: the password
database's home). Anything else (another system, Android, a home that cannot be found)
asks platformdirs itself, so the answer is always platformdirs'. A unit test compares the
two in many environments.
"""

from __future__ import annotations

import os
import posixpath
import sys
from pathlib import Path

__all__ = ["APP", "user_cache_path", "user_config_path", "user_data_path"]

#: The application name the folders are named after.
APP = "roadmap-cli"


def user_data_path() -> Path:
    """``platformdirs.user_data_path("roadmap-cli", appauthor=False)``
    (``~/.local/share/roadmap-cli`` on Linux).

    Raises:
        RuntimeError: as platformdirs, when no home folder can be found.
    """
    return _linux("XDG_DATA_HOME", "~/.local/share") or _platformdirs("user_data_path")


def user_config_path() -> Path:
    """``platformdirs.user_config_path("roadmap-cli", appauthor=False)``
    (``~/.config/roadmap-cli`` on Linux).

    Raises:
        RuntimeError: as platformdirs, when no home folder can be found.
    """
    return _linux("XDG_CONFIG_HOME", "~/.config") or _platformdirs("user_config_path")


def user_cache_path() -> Path:
    """``platformdirs.user_cache_path("roadmap-cli", appauthor=False)``
    (``~/.cache/roadmap-cli`` on Linux).

    Raises:
        RuntimeError: as platformdirs, when no home folder can be found.
    """
    return _linux("XDG_CACHE_HOME", "~/.cache") or _platformdirs("user_cache_path")


def _linux(variable: str, default: str) -> Path | None:
    """The folder on Linux, or None when platformdirs must answer."""
    if sys.platform != "linux" or hasattr(sys, "getandroidapilevel"):
        return None
    if os.environ.get("ANDROID_DATA") or os.environ.get("ANDROID_ROOT"):
        return None  # platformdirs may take this for an Android app
    base = os.environ.get(variable, "")
    if not posixpath.isabs(base):
        home = os.environ.get("HOME")
        if home is not None and not posixpath.isabs(home):
            return None  # platformdirs asks the password database (or gives up)
        base = posixpath.expanduser(default)
        if not posixpath.isabs(base):
            return None
    return Path(posixpath.join(base, APP))


def _platformdirs(name: str) -> Path:
    import platformdirs

    path: Path = getattr(platformdirs, name)(APP, appauthor=False)
    return path
