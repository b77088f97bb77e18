"""The full-screen view, ``roadmap tui`` (Textual; imported only by that command)."""
