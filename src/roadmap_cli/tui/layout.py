"""The panes of ``roadmap tui``, their CSS, and the first-frame mode's quit, with none of
roadmap's code: the app uses them, and so does "Textual alone" in the start-up benchmark
(``benchmarks/tui_layout.py``), which draws the same screen with fixed text."""

from __future__ import annotations

from typing import Any

from textual.app import App, ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Input, Static, Tree

__all__ = ["CSS", "exit_after_paint", "panes"]

CSS = """
#main { height: 1fr; }
#topics { width: 45%; min-width: 28; border-right: solid $accent; }
#detail { width: 1fr; padding: 0 1; }
#prompt { dock: bottom; display: none; }
#prompt.visible { display: block; }
"""


def panes() -> ComposeResult:
    """For a ``compose()``: side by side in ``#main``, the tree of stages and topics
    (``#topics``, empty, its root hidden) and the detail pane (``#detail``, holding the
    ``#detail-text`` Static); then the prompt line (``#prompt``, hidden)."""
    with Horizontal(id="main"):
        tree: Tree[tuple[str, str]] = Tree("roadmap", id="topics")
        tree.show_root = False
        tree.guide_depth = 2
        yield tree
        with VerticalScroll(id="detail"):
            yield Static(id="detail-text")
    yield Input(id="prompt")


def exit_after_paint(app: App[Any]) -> None:
    """Lay ``app``'s screen out again and quit once that is painted (in a batch update the
    paint is queued on the screen, so the exit is queued behind it): the first-frame mode,
    once everything the first screen shows is in place."""
    screen = app.screen
    screen.screen_layout_refresh_signal.subscribe(
        app, lambda _screen: screen.call_later(app.exit), immediate=True
    )
    screen.refresh(layout=True)
