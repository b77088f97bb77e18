"""Counting words: the one place a number and its noun are put together."""

from __future__ import annotations

__all__ = ["plural"]


def plural(n: int, word: str, *, glue: str = " ") -> str:
    """``"1 topic"``, ``"3 topics"``: ``n``, ``glue`` (a space, or a no-break space to keep
    "1 error" on one line) and ``word``, with an "s" added unless ``n`` is 1."""
    return f"{n}{glue}{word}{'' if n == 1 else 's'}"
