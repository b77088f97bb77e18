"""Where progress files live, answered without importing the store (TAB completion asks)."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["default_data_dir"]


def default_data_dir() -> Path:
    """The folder progress lives in: ``ROADMAP_DATA_DIR`` if set, else
    ``platformdirs.user_data_path("roadmap-cli")``. Raises nothing."""
    env = os.environ.get("ROADMAP_DATA_DIR")
    if env:
        return Path(env).expanduser()
    from roadmap_cli.support.userdirs import user_data_path

    return user_data_path()
