"""Hooks through which the core tells the CLI something while it works (the core itself
never prints). Tiny, so the CLI can set them at start-up for free."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

__all__ = ["SAVED", "WAIT_NOTICE"]

#: Called once, with the lock file's path, when a write has waited
#: :data:`roadmap_cli.store.LOCK_NOTICE_AFTER` s for another command's lock. None: say
#: nothing.
WAIT_NOTICE: Callable[[Path], None] | None = None

#: The files this process has replaced (progress files, written by the store once the new
#: file is in place): what Ctrl-C interrupted may already be saved.
SAVED: list[Path] = []
