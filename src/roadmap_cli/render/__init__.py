"""Output: turns result objects into rich text or a JSON document. Never changes state.

``emit(result, as_json=...)`` is the one way a command prints its result: with
``as_json`` it writes ``result.to_json()`` as one JSON document on stdout and never
imports rich; otherwise it hands the result to the text renderer registered for its type
(:mod:`roadmap_cli.render.text`, or the module named by the result's ``RENDERER``
attribute, which registers its renderer with ``@render_text.register``).
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


def emit(result: Result, *, as_json: bool, lang: str = "en") -> None:
    """Print ``result`` on stdout: a JSON document, or rich text in ``lang`` ("zh"/"en")."""
    if as_json:
        from roadmap_cli.streams import fit_json
        from roadmap_cli.textsafe import safe_json

        document = json.dumps(result.to_json(), ensure_ascii=False, indent=2)
        sys.stdout.write(fit_json(safe_json(document)) + "\n")
        return
    import importlib

    from roadmap_cli.render.text import render_text

    # the module holding the result's text renderer registers it when imported
    importlib.import_module(getattr(result, "RENDERER", "roadmap_cli.render.text"))
    render_text(result, lang)
