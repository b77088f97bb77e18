"""``roadmap tui``: the whole study loop in one full-screen view (Textual).

Left, the stages as a tree of topics with status marks and a progress bar per stage;
right, the selected topic (:mod:`roadmap_cli.tui.detail`); the header carries overall
progress, the footer the keys. Every change goes through the same actions as the
commands (:mod:`roadmap_cli.actions`): the same events, lock, atomic write and messages,
so what is done here shows in ``roadmap list`` as if typed. When the progress file
changes underneath (another terminal, a sync), the screen reloads it.

Only this command imports Textual.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Header, Static, Tree
from textual.widgets.tree import TreeNode

from roadmap_cli.actions.context import AppContext
from roadmap_cli.errors import RoadmapError
from roadmap_cli.progress.snapshot import Snapshot, snapshot
from roadmap_cli.render.widgets import MARKS, Lang, label
from roadmap_cli.support.i18n import N_, _, set_language
from roadmap_cli.tui import layout
from roadmap_cli.tui.detail import stage_detail, topic_detail
from roadmap_cli.tui.footer import KeysFooter
from roadmap_cli.tui.help import HelpScreen
from roadmap_cli.tui.prompts import Prompts

__all__ = ["FILTERS", "MIN_SIZE", "RoadmapApp"]

#: The smallest terminal (columns, rows) the layout is drawn in.
MIN_SIZE = (60, 16)
#: What ``f`` cycles through: None shows every topic.
FILTERS: tuple[str | None, ...] = (None, "todo", "in_progress", "done")


Row = tuple[str, str]  # ("stage" | "topic", id)


def _bar(done: int, total: int, width: int = 10) -> str:
    filled = round(width * done / total) if total else 0
    return "█" * filled + "░" * (width - filled)


def _file_signature(path: Path) -> tuple[int, int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


class RoadmapApp(Prompts):
    """The full-screen view of one roadmap and its progress.

    Args:
        context: the global options (roadmap, data folder, language) of the invocation.
        watch_interval: seconds between checks of the progress file for outside changes.
        exit_after_first_frame: quit once the first complete screen is drawn: the tree
            with the selection, its detail, the header and the footer's keys (the
            start-up benchmark).
    """

    TITLE = "roadmap"
    #: Textual's command palette (ctrl+p) offers its own English commands; every action
    #: here has a key shown in the footer and in ``?``.
    ENABLE_COMMAND_PALETTE = False
    AUTO_FOCUS = "#topics"
    CSS = (
        layout.CSS
        + """
    #too-small { display: none; padding: 1 2; }
    .small #too-small { display: block; }
    .small #main, .small Footer { display: none; }
    """
    )
    BINDINGS: ClassVar[list[Any]] = [
        # help and quit first: the footer is cut at the terminal's width
        Binding("question_mark", "help", N_("help")),
        Binding("q", "quit", N_("quit")),
        Binding("j", "down", N_("down"), show=False),
        Binding("k", "up", N_("up"), show=False),
        Binding("s", "mark('start')", N_("start")),
        Binding("d", "mark('done')", N_("done")),
        Binding("x", "mark('skip')", N_("skip")),
        Binding("r", "mark('reset')", N_("reset")),
        Binding("u", "undo", N_("undo")),
        Binding("n", "note", N_("note")),
        Binding("o", "open(1)", N_("open")),
        *(Binding(str(n), f"open({n})", f"open {n}", show=False) for n in range(1, 10)),
        Binding("slash", "search", N_("search")),
        Binding("f", "filter", N_("filter")),
        Binding("R", "review", N_("review")),
        Binding("N", "jump_next", N_("next")),
        Binding("escape", "cancel", N_("cancel"), show=False),
    ]

    def __init__(
        self,
        context: AppContext,
        *,
        watch_interval: float = 1.0,
        exit_after_first_frame: bool = False,
    ) -> None:
        super().__init__()
        self.context = context
        self.lang = context.lang
        set_language(self.lang)  # the interface speaks the screen's language, however started
        self.catalog = context.catalog()
        self.store = context.store()
        self.snap: Snapshot = snapshot(self.catalog, self.store.load())
        self.names = Lang(self.lang, self.catalog.roadmap.language)
        self.filter: str | None = None
        self.matches: set[str] | None = None  # topic ids a search found
        self.prompt_mode: str | None = None  # "note" | "search" | "review"
        self.review_queue: list[str] = []
        self._watch_interval = watch_interval
        self._exit_after_first_frame = exit_after_first_frame
        self._shown: Row | None = None  # the row whose detail the pane shows, and of
        self._shown_snap: Snapshot | None = None  # which snapshot
        self._signature = _file_signature(self.store.path)
        roadmap = self.catalog.roadmap
        self.title = roadmap.display_title(self.lang)
        self._translate_bindings()

    def _translate_bindings(self) -> None:
        """The footer's key descriptions in the interface language (the class's
        ``BINDINGS`` are English msgids; this instance's copy is translated)."""
        from dataclasses import replace

        keys = self._bindings.key_to_bindings
        for key, bindings in keys.items():
            keys[key] = [replace(b, description=_(b.description)) for b in bindings]

    # ----------------------------------------------------------------- layout
    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(
            _("The terminal is too small: {command} needs at least {size}.").format(
                command="roadmap tui", size=f"{MIN_SIZE[0]}x{MIN_SIZE[1]}"
            ),
            id="too-small",
        )
        yield from layout.panes()
        yield KeysFooter()

    def on_mount(self) -> None:
        self._fit(self.size.width, self.size.height)
        self.topics_tree.focus()
        self.rebuild(select=self._suggested())
        self.set_interval(self._watch_interval, self.check_outside_changes)
        if self._exit_after_first_frame:
            self.call_after_refresh(self._exit_once_drawn)

    def _exit_once_drawn(self) -> None:
        """Quit once the first complete screen is on the terminal: once the pane shows the
        row under the cursor (or nothing, when no row is selected) and the footer has
        composed its keys, after one more paint. Until then, check after each refresh."""
        shown = self._shown_snap is self.snap and self._shown == self.selected()
        if shown and self.query_one(Footer).children:
            layout.exit_after_paint(self)
        else:
            self.call_after_refresh(self._exit_once_drawn)

    def on_resize(self, event: Any) -> None:
        self._fit(event.size.width, event.size.height)

    def _fit(self, width: int, height: int) -> None:
        self.set_class(width < MIN_SIZE[0] or height < MIN_SIZE[1], "small")

    # ------------------------------------------------------------------- tree
    @property
    def topics_tree(self) -> Tree[Row]:
        """The tree of stages and topics on the left."""
        return self.query_one("#topics", Tree)

    def _suggested(self) -> str | None:
        from roadmap_cli.progress.snapshot import next_topics

        plan = next_topics(self.snap, 1)
        return plan.items[0].topic.id if plan.items else None

    def _visible(self, topic_id: str) -> bool:
        if self.matches is not None and topic_id not in self.matches:
            return False
        return self.filter is None or self.snap.status(topic_id) == self.filter

    def rebuild(self, select: str | None = None) -> None:
        """Redraw the tree from the current snapshot, keeping (or moving to) ``select``,
        expanding the stages that were open and the one holding the selection."""
        tree = self.topics_tree
        current = select or self.selected_topic()
        was_open = {n.data[1] for n in tree.root.children if n.data is not None and n.is_expanded}
        tree.clear()
        target: TreeNode[Row] | None = None
        for stage in self.catalog.roadmap.stages:
            topics = [t for t in stage.topics if self._visible(t.id)]
            if not topics:
                continue
            finished = sum(self.snap.status(t.id) in ("done", "skipped") for t in stage.topics)
            label = Text(self.names.title(stage), style="bold")
            label.append(f"  {_bar(finished, len(stage.topics))} {finished}/{len(stage.topics)}")
            holds = any(t.id == current for t in topics)
            node = tree.root.add(
                label, data=("stage", stage.id), expand=holds or stage.id in was_open
            )
            for topic in topics:
                status = self.snap.status(topic.id)
                row = Text(f"{MARKS[status]} ")
                row.append(topic.id, style="cyan")
                row.append(f"  {self.names.title(topic)}")
                leaf = node.add_leaf(row, data=("topic", topic.id))
                if topic.id == current:
                    target = leaf
        self.sub_title = self._progress_line()
        if target is not None:
            # the selection and its detail are drawn with the tree, not a refresh later:
            # reading last_line lays the new lines out, which gives target its line
            _ = tree.last_line
            tree.move_cursor(target)
            self.show_detail()
            self.call_after_refresh(tree.scroll_to_node, target, animate=False)  # laid out
        self.call_after_refresh(self.show_detail)

    def _progress_line(self) -> str:
        from roadmap_cli.actions.plan import plan_for
        from roadmap_cli.support.clock import local_zone, now_utc

        statuses = [self.snap.status(t) for t in self.catalog.topics]
        finished = sum(s in ("done", "skipped") for s in statuses)
        parts = [_("{finished}/{total} finished").format(finished=finished, total=len(statuses))]
        # the plan's code (and the time zone) only when the progress holds a plan event
        has_plan = any(e.extra and e.extra[0][0] == "plan" for e in self.snap.progress.events)
        plan = plan_for(self.snap, now_utc(), local_zone()) if has_plan else None
        if plan is not None:
            parts.append(
                _("This week: {done}/{quota} · plan to {date}").format(
                    done=plan.done_this_week, quota=plan.quota, date=plan.target.isoformat()
                )
            )
        if self.filter:
            parts.append(_("showing {status}").format(status=label(self.filter)))
        if self.matches is not None:
            parts.append(_("{n} found (esc clears)").format(n=len(self.matches)))
        return " · ".join(parts)

    def selected(self) -> Row | None:
        node = self.topics_tree.cursor_node
        return node.data if node is not None else None

    def selected_topic(self) -> str | None:
        row = self.selected()
        return row[1] if row is not None and row[0] == "topic" else None

    def show_detail(self) -> None:
        """Show the row under the cursor in the right-hand pane; nothing is redrawn when
        the pane already shows that row of the current snapshot."""
        row = self.selected()
        if row == self._shown and self.snap is self._shown_snap:
            return
        pane = self.query_one("#detail-text", Static)
        self._shown, self._shown_snap = row, self.snap
        if row is None:
            pane.update("")
        elif row[0] == "topic":
            pane.update(topic_detail(self.snap, self.catalog.topics[row[1]], self.lang))
        else:
            stage = next(s for s in self.catalog.roadmap.stages if s.id == row[1])
            pane.update(stage_detail(self.snap, stage, self.lang))

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted[Row]) -> None:
        self.show_detail()

    # ---------------------------------------------------------------- reload
    def reload(self, select: str | None = None) -> None:
        """Read the progress file again and redraw."""
        self.snap = snapshot(self.catalog, self.store.load())
        self._signature = _file_signature(self.store.path)
        self.rebuild(select)

    def check_outside_changes(self) -> None:
        """Reload when the progress file changed on disk since we last read or wrote it."""
        if _file_signature(self.store.path) != self._signature:
            try:
                self.reload()
            except RoadmapError as exc:
                self.notify(exc.message, title=_("progress file"), severity="error")

    def _run(self, action: Any, *args: Any) -> Any:
        """Call an action; a RoadmapError becomes a notification (nothing changed)."""
        try:
            return action(self.context, *args)
        except RoadmapError as exc:
            self.notify(exc.message + (f"\n{exc.hint}" if exc.hint else ""), severity="error")
            return None

    # ---------------------------------------------------------------- actions
    def action_down(self) -> None:
        self.topics_tree.action_cursor_down()

    def action_up(self) -> None:
        self.topics_tree.action_cursor_up()

    def action_mark(self, verb: str) -> None:
        topic = self.selected_topic()
        if topic is None:
            self.notify(_("choose a topic first (enter opens a stage)"), severity="warning")
            return
        from roadmap_cli.actions.mark import mark

        result = self._run(mark, verb, [topic], None, None)
        if result is None:
            return
        for change in result.changes:
            if change.before == change.after:
                self.notify(
                    _("{id}: already {status}").format(
                        id=change.topic.id, status=label(change.after)
                    )
                )
            else:
                self.notify(f"{change.topic.id}: {label(change.before)} → {label(change.after)}")
            if change.unmet:
                self.notify(
                    _("Prerequisites of {topic} not done yet: ").format(topic=change.topic.id)
                    + ", ".join(change.unmet),
                    severity="warning",
                )
        self.reload(topic)

    def action_undo(self) -> None:
        from roadmap_cli.actions.undo import undo

        result = self._run(undo)
        if result is None:
            return
        undone = ", ".join(sorted({e.topic for e in result.undone if e.topic})) or _("a change")
        self.notify(_("undid the last change ({what})").format(what=undone))
        self.reload()

    def action_open(self, number: int) -> None:
        topic = self.selected_topic()
        if topic is None:
            return
        from roadmap_cli.actions.open import open_resources

        result = self._run(open_resources, topic, number, False, True)
        if result is None:
            return
        for chosen in result.chosen:
            if chosen.opened:
                self.notify(_("opened {url}").format(url=chosen.resource.url))
            else:
                self.notify(
                    _("no browser started; the link: {url}").format(url=chosen.resource.url),
                    severity="warning",
                )

    def action_filter(self) -> None:
        self.filter = FILTERS[(FILTERS.index(self.filter) + 1) % len(FILTERS)]
        self.rebuild()

    def action_jump_next(self) -> None:
        suggested = self._suggested()
        if suggested is None:
            self.notify(_("nothing is ready: every remaining topic waits for another"))
            return
        self.filter, self.matches = None, None
        self.rebuild(suggested)

    def action_help_quit(self) -> None:
        """Ctrl-C (Textual keeps it for copying): say, in the interface language, which
        key quits."""
        self.notify(_("Press q to quit."), title=_("Quit?"))

    def action_help(self) -> None:
        self.push_screen(HelpScreen())

    def action_cancel(self) -> None:
        if self.prompt_mode is not None:
            self._hide_prompt()
        elif self.matches is not None or self.filter is not None:
            self.matches, self.filter = None, None
            self.rebuild()

    # ----------------------------------------------------------------- prompt
