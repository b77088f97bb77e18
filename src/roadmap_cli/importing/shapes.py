"""What a block of an imported Markdown roadmap looks like: small predicates the
block reader (:mod:`roadmap_cli.importing.builder`) decides by.

* :func:`named_by_bold`: an item named by a bold lead (``**Hooks** useState``), not a
  sentence whose subject is bold (``**X** is optional and covers….``).
* :func:`in_prose`: links inside a sentence ("Please check [NOTES](…) first.") are
  references, not study items.
* :func:`catalogue`: an awesome-list category (``- [name](url) - what it is``, 3 or more).
* :func:`only_in_page_links`: "⬆ back to top" and other text made of in-page links only.
* :func:`bare_url`: a link written as a bare URL.
* :func:`study_item`: whether a topic is a study item or part of an introduction.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from roadmap_cli.importing.inline import InlineLink, InlineText, tidy
from roadmap_cli.importing.items import is_prose
from roadmap_cli.importing.rules import text_width

if TYPE_CHECKING:
    from roadmap_cli.importing.markdown import ImportedTopic
    from roadmap_cli.importing.tree import Node

__all__ = [
    "bare_url",
    "catalogue",
    "in_prose",
    "named_by_bold",
    "only_in_page_links",
    "study_item",
]


def only_in_page_links(inline: InlineText) -> bool:
    """True for text made only of links inside the page (``[⬆ back to top](#top)``)."""
    if inline.links or not inline.internal or not all(u.startswith("#") for u in inline.internal):
        return False
    text = inline.text
    for start, end in sorted(inline.spans, reverse=True):
        text = text[:start] + " " + text[end:]
    return not any(ch.isalnum() for ch in text)


def bare_url(link: InlineLink) -> bool:
    """True for a link written as a bare URL (its text is its address)."""
    title = link.title.strip()
    return title == link.url or title.startswith(("http://", "https://", "www."))


def study_item(topic: ImportedTopic) -> bool:
    """False for a topic made only of links in running text or a stage's text."""
    if topic.origin in ("item", "label", "row", "link", "task"):
        return True
    if topic.origin == "overview" and not topic.resources:
        return False
    return not topic.resources or not all(r.prose for r in topic.resources)


def catalogue(node: Node) -> bool:
    """True for a list most of whose items (three or more) are ``[name](url) - what it
    is``: an awesome-list category, whose items are topics of their own."""
    count = 0
    for item in node.children:
        first = item.children[0] if item.children else None
        inline = first.children[0] if first is not None and first.children else None
        kids = inline.children if inline is not None else []
        if len(kids) >= 2 and kids[0].type == "link" and kids[1].type == "text":
            rest = kids[1].content.strip(" -–—:：")
            count += len(rest) >= 3
    return count >= 3 and count * 5 >= len(node.children) * 3


def in_prose(inline: InlineText) -> bool:
    """True when the links of a paragraph or item sit inside a sentence ("Please check
    [NOTES](…) for general information.") rather than name it ("[Tool](…) - does X.")."""
    first = min(link.start for link in inline.links) if inline.links else 0
    if sum(1 for ch in inline.text[:first] if ch.isalnum()) < 2:
        return False
    text = inline.text
    for link in sorted(inline.links, key=lambda k: k.start, reverse=True):
        text = text[: link.start] + " " + text[link.end :]
    rest = tidy(text)
    return len(rest) >= 12 and is_prose(inline.plain)


def named_by_bold(inline: InlineText) -> bool:
    """True when the item starts with a bold name: ``**Hooks** useState``, ``**Name**:
    remark``; not when the bold words are the subject of a sentence (``**X** is optional
    and covers….``)."""
    lead, rest = inline.bold_lead()
    if not lead or is_prose(lead) or text_width(lead) > 60:
        return False
    after = (
        inline.plain[inline.plain.find(lead) + len(lead) :].lstrip()
        if lead in inline.plain
        else rest
    )
    plain_end = inline.plain.rstrip()
    ends = plain_end.endswith((".", "。", "!", "！", "?", "？")) and not plain_end.endswith("..")
    word = rest.split(" ", 1)[0] if rest else ""
    sentence = word.isascii() and word.isalpha() and word.islower() and ends
    return not sentence or after[:1] in ":：—-(（"
