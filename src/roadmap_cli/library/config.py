"""The roadmap in use by default (``roadmap use ID``), kept in a small JSON file.

``<config dir>/config.json`` holds ``{"roadmap": "agent"}``; the folder is
``platformdirs.user_config_path("roadmap-cli")`` unless ``ROADMAP_CONFIG_DIR`` names
another. Keys this version does not know are kept when the file is written.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from roadmap_cli.errors import RoadmapError
from roadmap_cli.support.i18n import N_, _

__all__ = ["config_dir", "config_path", "read_config", "read_default", "write_default"]


def config_dir() -> Path:
    """``ROADMAP_CONFIG_DIR`` if set, else the platform's user config folder for
    ``roadmap-cli``."""
    env = os.environ.get("ROADMAP_CONFIG_DIR")
    if env:
        return Path(env).expanduser()
    from roadmap_cli.support.userdirs import user_config_path

    return user_config_path()


def config_path() -> Path:
    """The config file, ``<config dir>/config.json`` (it may not exist)."""
    return config_dir() / "config.json"


def read_config(path: Path | None = None) -> dict[str, Any]:
    """The config file's contents; ``{}`` when there is none.

    Raises:
        RoadmapError: the file exists but is not a JSON object (exit 1; names the file).
    """
    path = path or config_path()
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return {}
    except OSError as exc:
        raise RoadmapError(
            _("{path}: cannot read the config file ({reason})").format(
                path=path, reason=exc.strerror
            )
        ) from None
    try:
        value = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        value = None
    if not isinstance(value, dict):
        raise RoadmapError(
            _("{path}: the config file is not a JSON object").format(path=path),
            _("fix it, or delete it and choose a roadmap again with {command}").format(
                command="'roadmap use ID'"
            ),
        )
    return value


def read_default(path: Path | None = None) -> str | None:
    """The id chosen with ``roadmap use`` (a string), or None for the bundled roadmap.

    Raises:
        RoadmapError: the config file is damaged (see :func:`read_config`).
    """
    value = read_config(path).get("roadmap")
    return value if isinstance(value, str) and value else None


def write_default(roadmap_id: str | None, path: Path | None = None) -> Path:
    """Record ``roadmap_id`` as the default roadmap (None: back to the bundled one),
    atomically, keeping the file's other keys; None with no config file writes nothing.
    Returns the config file's path.

    Raises:
        RoadmapError: the config file is damaged or cannot be written (exit 1).
    """
    from roadmap_cli.support.atomic import write_file

    path = path or config_path()
    if roadmap_id is None and not path.exists():
        return path  # the bundled roadmap is the default already: no file to make
    config = read_config(path)
    if roadmap_id is None:
        config.pop("roadmap", None)
    else:
        config["roadmap"] = roadmap_id
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise RoadmapError(
            _("{path}: cannot create the folder ({reason})").format(
                path=path.parent, reason=exc.strerror
            )
        ) from None
    text = json.dumps(config, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    write_file(path, text, force=True, what=N_("config file"))
    return path
