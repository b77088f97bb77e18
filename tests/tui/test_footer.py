"""The tui's footer composes its keys again only when they change (Textual's footer does it
on every focus change and screen resume)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.widget import Widget
from textual.widgets import Button

from roadmap_cli.tui.footer import KeysFooter


class _Keys(App[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "save", "save"),
        Binding("q", "quit", "quit"),
    ]
    can_save = True

    def compose(self) -> ComposeResult:
        yield Button("one", id="one")
        yield Button("two", id="two")
        yield KeysFooter()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return None if action == "save" and not self.can_save else True  # None: shown dim

    def action_save(self) -> None:
        self.can_save = False


def _keys(app: App[None]) -> list[Widget]:
    return list(app.query("FooterKey"))


async def test_same_keys_keep_their_widgets_and_a_change_recomposes() -> None:
    app = _Keys()
    async with app.run_test(size=(60, 10)) as pilot:
        await pilot.pause()
        first = _keys(app)
        assert [k.key for k in first] == ["s", "q", "ctrl+p"]  # type: ignore[attr-defined]
        await pilot.press("tab")  # focus moves: Textual announces new bindings
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "two"
        assert _keys(app) == first  # the same widgets: nothing was composed again
        await pilot.press("s")  # save is no longer possible: its key is shown disabled
        app.screen.refresh_bindings()
        await pilot.pause()
        again = _keys(app)
        assert again != first
        assert [k.key for k in again if k.has_class("-disabled")] == ["s"]  # type: ignore[attr-defined]
