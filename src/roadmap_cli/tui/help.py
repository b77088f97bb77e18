"""The keys of ``roadmap tui``, shown over the main screen by ``?``."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.screen import ModalScreen
from textual.widgets import Static

from roadmap_cli.support.i18n import N_, _

__all__ = ["HELP", "HelpScreen"]

HELP = N_("""\
j / k, arrows   move            enter   open or close a stage
s  start     d  done     x  skip     r  reset     u  undo
n  add a note ($EDITOR when set, else a line here)
o  open the first resource      1-9  open resource N
/  search       f  filter: all / to do / in progress / done
N  jump to what 'roadmap next' suggests
R  review topics that are due (1-4 rates)
?  this help    q  quit

Any key closes this help.""")


class HelpScreen(ModalScreen[None]):
    """The keys, over the main screen; any key closes it."""

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > Static { width: auto; max-width: 90%; padding: 1 2; border: round $accent;
                          background: $panel; }
    """

    def compose(self) -> ComposeResult:
        yield Static(_(HELP))

    def on_key(self, event: events.Key) -> None:
        """Close the help; the key does nothing else (``x`` closes it, it skips nothing)."""
        event.stop()
        event.prevent_default()
        self.dismiss()
