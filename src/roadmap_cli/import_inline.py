"""Flatten the inline Markdown of one block (paragraph, heading, list item, table row,
HTML block) into its text and the links in it, for :mod:`roadmap_cli.importer`.

``<br/>`` and hard breaks become line breaks, soft breaks spaces (the first one is
remembered: what follows it in a list item is continuation text); ``<a href>`` and
``<img src>`` in inline or block HTML count as links and images; inline code keeps its
backticks; emphasis, bold and strikethrough give their text. Only absolute http(s) links
are kept as links; other targets are listed in ``internal``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import TYPE_CHECKING

from roadmap_cli.textsafe import clean_block, clean_line

if TYPE_CHECKING:
    from markdown_it.tree import SyntaxTreeNode

__all__ = [
    "InlineLink",
    "InlineText",
    "inline_of",
    "join_cells",
    "tidy",
    "tidy_title",
    "title_from_url",
]

_EDGE = " \t\n-–—:：|·,，、;；"


def tidy(text: str) -> str:
    """Collapse spaces in each line, drop empty lines, trim separators at both ends."""
    lines = (" ".join(line.split()) for line in clean_block(text).split("\n"))
    out = "\n".join(line for line in lines if line)
    for empty in ("()", "（）", "[]"):
        out = out.replace(empty, "")
    while "· ·" in out:  # a table cell that held only the link
        out = out.replace("· ·", "·")
    return out.strip(_EDGE)


def tidy_title(text: str) -> str:
    """One line, spaces collapsed, control characters and trailing colons removed."""
    return " ".join(clean_line(text).split()).strip(" :：")


@dataclass
class InlineLink:
    title: str
    url: str
    image: bool
    start: int
    end: int


@dataclass
class InlineText:
    """One paragraph, heading or table row flattened: its text and the links in it."""

    text: str = ""
    links: list[InlineLink] = field(default_factory=list)
    internal: list[str] = field(default_factory=list)
    struck: int = 0  # characters inside ~~strikethrough~~
    name: str = ""  # a table row's first cell, when it holds no link
    soft: int = -1  # where the first soft line break is, or -1
    nested: list[InlineLink] = field(default_factory=list)  # images/links inside a link

    def first_line(self) -> tuple[str, str]:
        """The text up to the first line break (soft or hard), and the rest, tidied."""
        cuts = [i for i in (self.text.find("\n"), self.soft) if i >= 0]
        cut = min(cuts) if cuts else len(self.text)
        return tidy(self.text[:cut]), tidy(self.text[cut:])

    @property
    def plain(self) -> str:
        """The text, tidied (see :func:`tidy`)."""
        return tidy(self.text)

    @property
    def all_struck(self) -> bool:
        """True when all the text is struck through (a joke or a retraction, not a name)."""
        return self.struck > 0 and self.struck >= len(self.text.strip())

    def note_for(self, link: InlineLink) -> str:
        """The text around ``link``: everything but its own text."""
        return tidy(self.text[: link.start] + self.text[link.end :])


class _Tag(HTMLParser):
    """Reads inline or block HTML: its text, ``<a href>`` links, ``<img src>`` images."""

    def __init__(self, out: InlineText) -> None:
        super().__init__(convert_charrefs=True)
        self.out = out
        self.open: list[tuple[str, int]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "br":
            self.out.text += "\n"
        elif tag == "a" and values.get("href"):
            self.open.append((values["href"], len(self.out.text)))
        elif tag == "img" and values.get("src") and not self.open:
            at = len(self.out.text)
            self.out.links.append(InlineLink(values.get("alt", ""), values["src"], True, at, at))
        elif tag in ("p", "div", "li", "tr"):
            self.out.text += "\n"

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self.open:
            href, start = self.open.pop()
            title = self.out.text[start:]
            self.out.links.append(InlineLink(title, href, False, start, len(self.out.text)))

    def handle_data(self, data: str) -> None:
        self.out.text += data


def _flatten(node: SyntaxTreeNode, out: InlineText, html: _Tag) -> None:
    for child in node.children:
        kind = child.type
        if kind == "text" or kind == "code_inline":
            text = child.content
            out.text += f"`{text}`" if kind == "code_inline" else text
        elif kind == "softbreak":
            if out.soft < 0:
                out.soft = len(out.text)
            out.text += " "
        elif kind == "hardbreak":
            out.text += "\n"
        elif kind == "html_inline":
            html.feed(child.content)
        elif kind == "image":
            at = len(out.text)
            out.links.append(
                InlineLink(child.content, str(child.attrs.get("src", "")), True, at, at)
            )
        elif kind == "link":
            start = len(out.text)
            inner = InlineText()
            _flatten(child, inner, _Tag(inner))
            out.text += inner.text
            title = inner.text or " ".join(i.title for i in inner.links)
            href = str(child.attrs.get("href", ""))
            out.nested.extend(inner.links + inner.nested)
            out.links.append(InlineLink(title, href, False, start, len(out.text)))
        else:  # strong, em, s, …: their text
            before = len(out.text)
            _flatten(child, out, html)
            if kind == "s":
                out.struck += len(out.text) - before


def inline_of(node: SyntaxTreeNode) -> InlineText:
    """Flatten a block holding inline content (paragraph, heading, cell, HTML block)."""
    out = InlineText()
    html = _Tag(out)
    if node.type == "html_block":
        html.feed(node.content)
    else:
        for child in node.children:
            if child.type == "inline":
                _flatten(child, out, html)
    html.close()
    kept = []
    for link in out.links:
        url = link.url.strip().replace(" ", "%20")
        if url.lower().startswith(("http://", "https://")):
            link.url = url
            kept.append(link)
        elif url:
            out.internal.append(url)
    out.links = kept
    for link in out.nested:
        link.url = link.url.strip().replace(" ", "%20")
    return out


def join_cells(cells: list[InlineText]) -> InlineText:
    """A table row as one piece of text: its non-empty cells joined with " · "; ``name``
    is the first cell's text when that cell holds no link."""
    out = InlineText()
    if cells and not cells[0].links:
        out.name = tidy_title(cells[0].text)
    for cell in cells:
        if not cell.text.strip() and not cell.links:
            continue
        if out.text:
            out.text += " · "
        shift = len(out.text)
        out.text += cell.text
        for link in cell.links:
            link.start += shift
            link.end += shift
            out.links.append(link)
        out.internal.extend(cell.internal)
    return out


def title_from_url(url: str) -> str:
    """A title for a link that has none: ``host › last path segment``."""
    from urllib.parse import unquote, urlsplit

    parts = urlsplit(url)
    tail = unquote(parts.path.rstrip("/").rsplit("/", 1)[-1]) if parts.path.strip("/") else ""
    return clean_line(f"{parts.hostname or url}{' › ' + tail if tail else ''}")
