"""The footer of ``roadmap tui``: Textual's :class:`~textual.widgets.Footer`, recomposed
only when the keys it shows change.

Textual announces a change of bindings on every focus change and screen resume, and its
footer answers each one by removing and composing all its keys again (every key's
styles computed twice), and only after the next refresh. At start-up that happens three
times in a row with the same keys (each about 35 ms on the benchmark machine), after the
first frame; here the keys are composed at once, so they are in the first frame, and the
second and third time find nothing to do.
"""

from __future__ import annotations

from typing import Any

from textual.screen import Screen
from textual.widgets import Footer

__all__ = ["KeysFooter"]


class KeysFooter(Footer):
    """A :class:`~textual.widgets.Footer` that skips a recompose showing the same keys."""

    _composed: tuple[Any, ...] | None = None

    def _keys(self) -> tuple[Any, ...]:
        """What :meth:`Footer.compose` draws from: each shown binding (key, description,
        action, group, enabled, tooltip) and the options that change the drawing."""
        keys = tuple(
            (b.key, b.key_display, b.description, b.action, b.group, enabled, tooltip)
            for _node, b, enabled, tooltip in self.screen.active_bindings.values()
            if b.show
        )
        return (keys, self.show_command_palette, self.combine_groups, self.compact)

    def bindings_changed(self, screen: Screen[Any]) -> None:
        """Compose the keys as soon as the bindings are known (Textual's footer waits for
        the next refresh, so the first frame has no keys), and again after that refresh,
        which finds nothing to do unless the keys changed meanwhile."""
        super().bindings_changed(screen)
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self.call_later(self.recompose)

    async def recompose(self) -> None:
        """Compose the keys again, unless the footer already shows these very keys."""
        if not self.is_attached:
            await super().recompose()
            return
        keys = self._keys()
        if keys == self._composed and self.children:
            return
        await super().recompose()
        self._composed = keys if self.children else None
