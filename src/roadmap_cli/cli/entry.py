"""The ``roadmap`` console script: answers TAB completion of ids directly
(:mod:`roadmap_cli.cli.fastcomplete`), the hot reading commands without typer
(:mod:`roadmap_cli.cli.fastpath`), everything else through the typer app in
:mod:`roadmap_cli.cli.app`."""

from __future__ import annotations

import os
import sys

from roadmap_cli.errors import ExitStatus


def main() -> None:
    """Console-script entry point (``roadmap``). Ctrl-C while the program is still
    starting exits 130 with one line, like Ctrl-C later on."""
    try:
        if os.environ.get("_ROADMAP_COMPLETE"):
            from roadmap_cli.cli.fastcomplete import complete

            if complete():
                return
        else:
            from roadmap_cli.cli.fastpath import answer
            from roadmap_cli.cli.guard import open_closed_streams

            open_closed_streams()
            code = answer(sys.argv[1:])
            if code is not None:
                sys.exit(code)
        from roadmap_cli.cli.app import main as cli_main

        cli_main()
    except KeyboardInterrupt:
        from roadmap_cli.cli.localize import preread_language
        from roadmap_cli.support.i18n import _, set_language

        set_language(preread_language(sys.argv[1:]))  # Ctrl-C may come before it was set
        error, interrupted = _("error:"), _("interrupted")
        sys.stderr.write(f"roadmap: {error} {interrupted}\n")
        sys.exit(ExitStatus.INTERRUPTED)
