"""Hooks through which the core tells the CLI something while it works (the core itself
never prints). Tiny, so the CLI can set them at start-up for free."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

__all__ = ["WAIT_NOTICE"]

#: Called once, with the lock file's path, when a write has waited
#: :data:`roadmap_cli.store.LOCK_NOTICE_AFTER` s for another command's lock. None: say
#: nothing.
WAIT_NOTICE: Callable[[Path], None] | None = None
