"""Text of ``roadmap sync``."""

from __future__ import annotations

from roadmap_cli.actions.sync import SyncResult
from roadmap_cli.render.console import make_console
from roadmap_cli.render.prose import say, whole
from roadmap_cli.render.text import Text
from roadmap_cli.support.i18n import _
from roadmap_cli.support.textsafe import clean_line
from roadmap_cli.support.words import plural

__all__: list[str] = []


def render_sync(result: SyncResult, lang: str) -> None:
    """Print ``result`` on stdout: what was committed, received and pushed, in the
    interface language (``lang``, "zh" or "en", is not used)."""
    console = make_console()
    folder = whole(clean_line(str(result.data_dir)))
    remote = f"{clean_line(result.remote)} ({whole(clean_line(result.url))})"
    for notice in result.notices:
        say(console, Text(clean_line(notice.translated()), style="muted"))
    if result.initialized:
        say(
            console,
            Text(
                _("Made {folder} a git repository, syncing with {remote}.").format(
                    folder=folder, remote=remote
                )
            ),
        )
    if result.committed:
        what = plural(result.committed_events, "event") if result.committed_events else _("files")
        say(console, Text(_("Committed {what} of this machine.").format(what=what)))
    if result.received_events:
        say(
            console,
            Text(
                _("Received {events} from {remote}.").format(
                    events=plural(result.received_events, "event"), remote=remote
                )
            ),
        )
    if result.pushed:
        say(
            console,
            Text(
                _("Pushed to {remote}, branch {branch}.").format(
                    remote=remote, branch=clean_line(result.branch)
                )
            ),
        )
    if not (result.committed or result.received_events or result.pushed):
        say(
            console,
            Text(_("Up to date with {remote}: nothing to send or receive.").format(remote=remote)),
        )
