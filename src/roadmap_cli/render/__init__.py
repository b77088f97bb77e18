"""Output: turns result objects into text or a JSON document. Never changes state.

One module per command family, named like its action (``render/next.py`` renders
``actions/next.py``'s result); shared pieces are in :mod:`roadmap_cli.render.widgets`.
A command prints its result with :func:`emit_json` (``--json``: no rich imported) or by
calling its renderer directly (``render_next(result, lang)``).
"""

from __future__ import annotations

import json
import sys
from typing import Any, Protocol


class Result(Protocol):
    """What every command result offers: its JSON document."""

    def to_json(self) -> dict[str, Any]:
        """The result as a JSON-compatible dict (documented in README.md "JSON output")."""
        ...


def emit_json(result: Result) -> None:
    """Print ``result.to_json()`` on stdout as one JSON document (UTF-8, indented)."""
    from roadmap_cli.support.streams import fit_json
    from roadmap_cli.support.textsafe import safe_json

    document = json.dumps(result.to_json(), ensure_ascii=False, indent=2)
    sys.stdout.write(fit_json(safe_json(document)) + "\n")
