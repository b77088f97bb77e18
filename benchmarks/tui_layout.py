"""Textual alone drawing the screen of ``roadmap tui``, with the same widgets, CSS and
footer (``roadmap_cli.tui.layout`` and ``roadmap_cli.tui.footer``, which hold none of
roadmap's code): a header with a subtitle, a tree of 5 stages and 57 topics with the first
stage open and its fourth topic selected, a scrolling detail pane, a hidden input line and
the footer with 14 keys; fixed text instead of a roadmap, no progress file. Quits once that
first screen is painted, as ``roadmap tui`` does with ``ROADMAP_TUI_EXIT_AFTER_FIRST_FRAME=1``.

``benchmarks/startup.py`` runs it in the same terminal as ``roadmap tui``: the difference
between the two is what ``roadmap`` itself adds (its imports, reading the roadmap and
progress, building the tree and the detail); this, minus ``import textual.app``, is what
Textual takes to lay out and paint that screen.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Header, Static, Tree

from roadmap_cli.tui import layout
from roadmap_cli.tui.footer import KeysFooter

KEYS = "s start,d done,x skip,r reset,u undo,n note,o open,slash search,f filter,R review"
KEYS += ",N next,question_mark help,q quit"
STAGES = (9, 14, 22, 3, 9)
DETAIL = "A topic · 一个主题  (topic-0-3)\n[ ] to do   Stage: Stage 0\n\n" + "Advice. " * 60


class Layout(App[None]):
    """The screen of ``roadmap tui`` with fixed text."""

    TITLE = "How I would relearn AI"
    CSS = layout.CSS
    AUTO_FOCUS = "#topics"
    BINDINGS: ClassVar[list[Any]] = [
        Binding(key, "quit" if key == "q" else f"key('{key}')", text)
        for key, text in (pair.split(" ", 1) for pair in KEYS.split(","))
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield from layout.panes()
        yield KeysFooter()

    def on_mount(self) -> None:
        tree = self.query_one(Tree)
        target = None
        for s, count in enumerate(STAGES):
            label = Text(f"Stage {s}", style="bold")
            label.append(f"  {'░' * 10} 0/{count}")
            node = tree.root.add(label, expand=s == 0)
            for t in range(count):
                leaf = node.add_leaf(Text(f"[ ] topic-{s}-{t}  Topic {t}"))
                target = leaf if (s, t) == (0, 3) else target
        self.sub_title = "0/57 finished"
        _ = tree.last_line
        tree.move_cursor(target)
        self.query_one("#detail-text", Static).update(Text(DETAIL))
        self.call_after_refresh(self._exit_once_drawn)

    def action_key(self, key: str) -> None:
        """Every key but q does nothing."""

    def _exit_once_drawn(self) -> None:
        if self.query_one(KeysFooter).children:
            layout.exit_after_paint(self)
        else:
            self.call_after_refresh(self._exit_once_drawn)


if __name__ == "__main__":
    Layout().run()
