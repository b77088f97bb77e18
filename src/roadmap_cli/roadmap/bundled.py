"""Where the bundled AI roadmap is (no heavy imports: shell completion uses it)."""

from __future__ import annotations

from pathlib import Path

__all__ = ["BUNDLED_ID", "bundled_roadmap_path"]

#: The bundled roadmap's id (always available; never stored in the library).
BUNDLED_ID = "relearn-ai"


def bundled_roadmap_path() -> Path:
    """Path of the bundled AI roadmap.

    Inside an installed wheel it is ``roadmap_cli/data/roadmap.toml``; in a source checkout
    (``pip install -e .``) it is ``data/roadmap.toml`` at the top of the repository.
    """
    # importlib.resources costs ~2 ms
    packaged = Path(__file__).parent.parent / "data" / "roadmap.toml"
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parents[3] / "data" / "roadmap.toml"
