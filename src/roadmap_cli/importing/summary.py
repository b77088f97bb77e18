"""What an import left out, and why: the import summary's counts.

Nothing the Markdown importer reads is dropped silently. Every link that does not become
a resource, every section that is not turned into topics and every item read as a remark
instead of a topic is recorded as a :class:`LeftOut` with one of the :data:`REASONS`;
``roadmap import`` prints the counts by reason (``-v`` lists them one by one, ``--json``
gives both).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from roadmap_cli.support.records import record
from roadmap_cli.support.words import plural

__all__ = ["REASONS", "LeftOut", "count_by_reason", "counted"]

#: Reasons, in the order the summary lists them, with what each means.
REASONS: dict[str, str] = {
    "badge": "badge or banner image (shields.io, a linked image, a star-count chart)",
    "image": "image that is not a study resource (in a table cell, decoration)",
    "social": "sponsor, advert or 'follow me' link",
    "translation": "link to the document in another language",
    "intro link": "link in the introduction (About, How to use…), kept in the description",
    "boilerplate": "section that is not study material (License, Contributing, 目录…)",
    "table of contents": "list of links inside the page",
    "in-page link": "link inside the page standing alone ('back to top')",
    "empty heading": "heading with nothing under it",
    "relative link": "link to a file beside the Markdown that --source could not resolve",
    "not http": "link that is not http(s) (mailto:, ftp:…)",
    "bad url": "http(s) link that is not a valid URL",
    "remark": "list item read as a remark (kept as a summary or note), not a topic",
}


@record
class LeftOut:
    """One thing the import did not turn into a topic or resource.

    Attributes:
        reason: one of the keys of :data:`REASONS`.
        line: 1-based line of the Markdown file (0 when unknown).
        what: the URL, heading or text concerned (one line).
    """

    reason: str
    line: int
    what: str

    def to_json(self) -> dict[str, Any]:
        """``{reason, line, what}``."""
        return {"reason": self.reason, "line": self.line, "what": self.what}

    def __str__(self) -> str:
        return f"line {self.line}: {self.what} ({self.reason})"


def count_by_reason(items: list[LeftOut]) -> dict[str, int]:
    """How many items have each reason, in the order of :data:`REASONS` (unknown reasons
    last, alphabetically); reasons with no item are left out."""
    counts = Counter(item.reason for item in items)
    order = [r for r in REASONS if r in counts] + sorted(set(counts) - set(REASONS))
    return {reason: counts[reason] for reason in order}


#: Each reason (:data:`REASONS`) -> the noun its items are
#: counted with (a key of :data:`roadmap_cli.support.words.NOUNS`).
_COUNTED_AS = {
    "badge": "badge",
    "image": "image",
    "social": "social link",
    "translation": "link to a translation",
    "intro link": "link in the introduction",
    "boilerplate": "boilerplate section",
    "table of contents": "table of contents",
    "in-page link": "in-page link",
    "empty heading": "empty heading",
    "relative link": "relative link",
    "not http": "non-http link",
    "bad url": "bad URL",
    "remark": "item read as a remark",
}


def counted(reason: str, n: int) -> str:
    """``n`` items left out for ``reason``, in the interface language ("2 badges");
    a reason not known here is shown as it is ("2 reason")."""
    noun = _COUNTED_AS.get(reason)
    return plural(n, noun) if noun is not None else f"{n} {reason}"
