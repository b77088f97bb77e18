"""The line at the bottom of ``roadmap tui`` and what it asks for: a note (or $EDITOR),
a search, a review rating. :class:`Prompts` is that part of
:class:`~roadmap_cli.tui.app.RoadmapApp`; it calls the same actions as the commands."""

from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.app import App
from textual.widgets import Input, Tree

from roadmap_cli.actions.context import AppContext
from roadmap_cli.errors import RoadmapError
from roadmap_cli.progress.snapshot import Snapshot
from roadmap_cli.support.i18n import _

__all__ = ["Prompts"]


class Prompts(App[None]):
    """The prompt line of the main screen (see the module docstring)."""

    if TYPE_CHECKING:
        context: AppContext
        catalog: Any
        snap: Snapshot
        lang: str
        filter: str | None
        matches: set[str] | None
        prompt_mode: str | None
        review_queue: list[str]

        @property
        def topics_tree(self) -> Tree[tuple[str, str]]: ...

        def selected_topic(self) -> str | None: ...

        def rebuild(self, select: str | None = None) -> None: ...

        def reload(self, select: str | None = None) -> None: ...

        def _run(self, action: Any, *args: Any) -> Any: ...

    def action_note(self) -> None:
        topic = self.selected_topic()
        if topic is None:
            self.notify(_("choose a topic first"), severity="warning")
            return
        editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
        if editor:
            text = self._edit_in(editor)
            if text:
                self._add_note(topic, text)
            return
        self._ask("note", _("Note on {topic} (enter saves, esc cancels)").format(topic=topic))

    def _edit_in(self, editor: str) -> str | None:
        """Let the learner write in ``editor`` (the screen is suspended meanwhile)."""
        import shlex

        handle, name = tempfile.mkstemp(prefix="roadmap-note-", suffix=".md")
        os.close(handle)
        try:
            with self.suspend():
                subprocess.run([*shlex.split(editor), name], check=False)
            return Path(name).read_text(encoding="utf-8").strip() or None
        except (OSError, ValueError) as exc:
            self.notify(
                _("could not run {editor}: {problem}").format(editor=editor, problem=exc),
                severity="error",
            )
            return None
        finally:
            Path(name).unlink(missing_ok=True)

    def _add_note(self, topic: str, text: str) -> None:
        from roadmap_cli.actions.note import add_note

        if self._run(add_note, topic, text) is not None:
            self.notify(_("note added to {topic}").format(topic=topic))
            self.reload(topic)

    def action_search(self) -> None:
        self._ask("search", _("Search titles, summaries, notes and links (esc clears)"))

    def action_review(self) -> None:
        from roadmap_cli.actions.review import due_reviews

        due = self._run(due_reviews, None)
        if due is None:
            return
        if not due.items:
            self.notify(_("nothing is due for review"))
            return
        self.filter, self.matches = None, None
        self.review_queue = [item.topic.id for item in due.items]
        self._next_review()

    def _next_review(self) -> None:
        if not self.review_queue:
            self.notify(_("review done for now"))
            self._hide_prompt()
            return
        topic = self.review_queue[0]
        self.rebuild(topic)
        self._ask(
            "review",
            _("Recall {topic}, then rate: 1 again · 2 hard · 3 good · 4 easy").format(topic=topic),
        )

    def _ask(self, mode: str, placeholder: str) -> None:
        prompt = self.query_one("#prompt", Input)
        self.prompt_mode = mode
        prompt.value = ""
        prompt.placeholder = placeholder
        prompt.add_class("visible")
        prompt.focus()

    def _hide_prompt(self) -> None:
        prompt = self.query_one("#prompt", Input)
        prompt.remove_class("visible")
        self.prompt_mode = None
        self.topics_tree.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        mode, text = self.prompt_mode, event.value.strip()
        if mode == "review":
            self._rate(text)
            return
        self._hide_prompt()
        if not text:
            return
        if mode == "note":
            topic = self.selected_topic()
            if topic is not None:
                self._add_note(topic, text)
        elif mode == "search":
            from roadmap_cli.actions.search import search

            try:
                found = search(self.catalog, self.snap, text, self.lang)
            except RoadmapError as exc:
                self.notify(exc.message, severity="error")
                return
            self.matches = {hit.topic.id for hit in found.hits}
            if not self.matches:
                self.notify(_("nothing matches {text!r}").format(text=text))
                self.matches = None
                return
            first = found.hits[0].topic.id
            self.filter = None
            self.rebuild(first)

    def _rate(self, text: str) -> None:
        ratings = {"1": "again", "2": "hard", "3": "good", "4": "easy"}
        rating = ratings.get(text, text.lower())
        if rating not in ratings.values():
            self.notify(_("rate with 1 again, 2 hard, 3 good or 4 easy"), severity="warning")
            self.query_one("#prompt", Input).value = ""
            return
        from roadmap_cli.actions.review import rate

        topic = self.review_queue.pop(0)
        result = self._run(rate, topic, rating, None)
        if result is not None:
            self.notify(f"{topic}: {rating}")
        self.reload(topic)
        self._next_review()
