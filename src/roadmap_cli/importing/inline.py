"""Flatten the inline Markdown of one block (paragraph, heading, list item, table row,
HTML block) into its text and the links in it, for :mod:`roadmap_cli.importing.markdown`.

``<br/>`` and hard breaks become line breaks, soft breaks spaces (the first one is
remembered: what follows it in a list item is continuation text); ``<a href>`` and
``<img src>`` in inline or block HTML count as links and images; inline code keeps its
backticks; emphasis, bold and strikethrough give their text. Only absolute http(s) links
are kept as links; relative targets are resolved against ``base`` (the ``--source``
address) when one is given; other targets are listed in ``internal``. A task-list box
(``- [x]``, read by mdit-py-plugins' tasklists) sets ``task``; bold runs are remembered
(``bolds``) so a bold lead can name a topic; a link whose only content is an image is titled
by the image's alt text and marked ``badge`` when the image is a badge.
"""

from __future__ import annotations

import re
from dataclasses import field
from functools import lru_cache
from html.parser import HTMLParser
from typing import TYPE_CHECKING

from roadmap_cli.importing.boilerplate import is_badge_url
from roadmap_cli.importing.cleanup import strip_invisible, strip_markers
from roadmap_cli.support.records import record
from roadmap_cli.support.textsafe import clean_block, clean_line

if TYPE_CHECKING:
    from roadmap_cli.importing.tree import Node

__all__ = [
    "InlineLink",
    "InlineText",
    "inline_of",
    "tidy",
    "tidy_title",
    "title_from_url",
]

_EDGE = " \t\n-–—:：|·,，、;；"


def tidy(text: str) -> str:
    """Collapse spaces in each line, drop empty lines, trim separators at both ends;
    invisible characters, alert markers (``[!NOTE]``) and emoji shortcodes removed."""
    if not text:
        return ""
    cleaned = strip_markers(strip_invisible(clean_block(text)), code=False)
    lines = (" ".join(line.split()) for line in cleaned.split("\n"))
    out = "\n".join(line for line in lines if line)
    for empty in ("()", "（）", "[]"):
        out = out.replace(empty, "")
    while "· ·" in out:  # a table cell that held only the link
        out = out.replace("· ·", "·")
    return out.strip(_EDGE)


@lru_cache(maxsize=4096)
def tidy_title(text: str) -> str:
    """One line, spaces collapsed; control and invisible characters, alert markers, emoji
    shortcodes, backticks and trailing colons removed. (Cached: a link's title is tidied
    for the topic it names and again for the resource.)"""
    text = strip_markers(strip_invisible(clean_line(text)))
    return " ".join(text.split()).strip(" :：-–—|·")


@record(frozen=False)
class InlineLink:
    title: str
    url: str
    image: bool
    start: int
    end: int
    badge: bool = False  # a link around a badge image (or a badge image)
    images: list[str] = field(default_factory=list)  # URLs of images inside the link


@record(frozen=False)
class InlineText:
    """One paragraph, heading or table row flattened: its text and the links in it."""

    text: str = ""
    links: list[InlineLink] = field(default_factory=list)
    internal: list[str] = field(default_factory=list)
    struck: int = 0  # characters inside ~~strikethrough~~
    name: str = ""  # a table row's first cell, when it holds no link
    soft: int = -1  # where the first soft line break is, or -1
    nested: list[InlineLink] = field(default_factory=list)  # images/links inside a link
    task: bool | None = None  # a task-list box: True ticked, False empty
    bolds: list[tuple[int, int]] = field(default_factory=list)  # bold runs outside links
    heading: str = ""  # the first <h1>…<h3> of an HTML block
    spans: list[tuple[int, int]] = field(default_factory=list)  # text of non-http links
    _plain: tuple[str, str] | None = field(default=None, repr=False, compare=False)

    def bold_lead(self) -> tuple[str, str]:
        """``(name, rest)`` when the text starts with a bold run (after links, emoji and
        spaces only: ``[Chapter 1](x.md) **Name** (remark)``), else ``("", "")``. ``rest``
        is the text after the bold run, parentheses and separators trimmed."""
        for start, end in self.bolds[:1]:
            if not _only_link_text(self, start):
                return "", ""
            name = tidy_title(self.text[start:end])
            rest = tidy(self.text[end:])
            if rest.startswith(("(", "（")) and rest.endswith((")", "）")):
                rest = rest[1:-1].strip()
            return name, rest
        return "", ""

    @property
    def bold_only(self) -> bool:
        """True when all the text is one bold run (a label: ``**Lecture 1: Intro**``)."""
        if len(self.bolds) != 1:
            return False
        start, end = self.bolds[0]
        return not tidy(self.text[:start] + self.text[end:])

    def first_line(self) -> tuple[str, str]:
        """The text up to the first line break (soft or hard), and the rest, tidied."""
        cuts = [i for i in (self.text.find("\n"), self.soft) if i >= 0]
        if not cuts:  # one line: the whole text, tidied once already
            return self.plain, ""
        cut = min(cuts)
        return tidy(self.text[:cut]), tidy(self.text[cut:])

    def first_line_raw(self) -> str:
        """The text up to the first line break, spaces inside kept (two spaces can
        separate a name from a remark), ends trimmed."""
        cuts = [i for i in (self.text.find("\n"), self.soft) if i >= 0]
        cut = min(cuts) if cuts else len(self.text)
        return strip_markers(strip_invisible(clean_line(self.text[:cut]))).strip(_EDGE)

    @property
    def plain(self) -> str:
        """The text, tidied (see :func:`tidy`); computed once per text."""
        if self._plain is None or self._plain[0] != self.text:
            self._plain = (self.text, tidy(self.text))
        return self._plain[1]

    @property
    def all_struck(self) -> bool:
        """True when all the text is struck through (a joke or a retraction, not a name)."""
        return self.struck > 0 and self.struck >= len(self.text.strip())

    def note_for(self, link: InlineLink) -> str:
        """The text around ``link``: everything but its own text, unless cutting it out
        would leave a hole in a sentence ("check out the ."): then the whole text."""
        before, after = self.text[: link.start], self.text[link.end :]
        left, right = before.rstrip(" \t"), after.lstrip(" \t")
        if left and right and left[-1] not in _HOLE_EDGES and right[0] not in _HOLE_EDGES:
            return tidy(self.text)
        return tidy(before + after)


_HOLE_EDGES = " \t\n-–—:：|·,，、;；()（）[]【】@/"


def _only_link_text(inline: InlineText, start: int) -> bool:
    """True when everything before ``start`` with a letter in it is link text."""
    covered = [False] * start
    spans = [(link.start, link.end) for link in inline.links] + inline.spans
    for first, last in spans:
        for i in range(max(0, first), min(start, last)):
            covered[i] = True
    return all(covered[i] or not inline.text[i].isalnum() for i in range(start))


class _Tag(HTMLParser):
    """Reads inline or block HTML: its text, ``<a href>`` links, ``<img src>`` images."""

    def __init__(self, out: InlineText) -> None:
        super().__init__(convert_charrefs=True)
        self.out = out
        self.open: list[tuple[str, int]] = []
        self.images: list[tuple[str, str]] = []  # (src, alt) inside the open <a>
        self.heading_at = -1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "br":
            self.out.text += "\n"
        elif tag == "a" and values.get("href"):
            self.open.append((values["href"], len(self.out.text)))
            self.images = []
        elif tag == "img" and values.get("src"):
            if self.open:
                self.images.append((values["src"], values.get("alt", "")))
            else:
                at = len(self.out.text)
                image = InlineLink(values.get("alt", ""), values["src"], True, at, at)
                image.badge = is_badge_url(values["src"])
                self.out.links.append(image)
        elif tag == "input" and values.get("type") == "checkbox":
            self.out.task = "checked" in values
        elif tag in ("h1", "h2", "h3") and not self.out.heading and self.heading_at < 0:
            self.out.text += "\n"
            self.heading_at = len(self.out.text)
        elif tag in ("p", "div", "li", "tr"):
            self.out.text += "\n"

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self.open:
            href, start = self.open.pop()
            title = self.out.text[start:]
            link = InlineLink(title, href, False, start, len(self.out.text))
            link.images = [src for src, _ in self.images]
            if not title.strip() and self.images:
                link.title = " ".join(alt for _, alt in self.images if alt)
                link.badge = all(is_badge_url(src) for src, _ in self.images)
            self.images = []
            self.out.links.append(link)
        elif tag in ("h1", "h2", "h3") and self.heading_at >= 0:
            self.out.heading = tidy_title(self.out.text[self.heading_at :])
            self.out.text = self.out.text[: self.heading_at] + "\n"
            self.heading_at = len(self.out.text) + 10**9  # only the first heading

    def handle_data(self, data: str) -> None:
        self.out.text += data


class _LazyTag:
    """An HTML reader made only when a block holds inline HTML (most hold none)."""

    def __init__(self, out: InlineText) -> None:
        self.out = out
        self.tag: _Tag | None = None

    def feed(self, data: str) -> None:
        if self.tag is None:
            self.tag = _Tag(self.out)
        self.tag.feed(data)

    def close(self) -> None:
        if self.tag is not None:
            self.tag.close()


#: How a bare address a reader would follow starts: a scheme, or ``www.``; or an
#: e-mail address (linkify makes it a ``mailto:`` link).
_SCHEMED = re.compile(r"(?i)(?:https?://|www\.|mailto:|[^\s@/]+@[^\s@/]+$)")


def _flatten(node: Node, out: InlineText, html: _LazyTag, top: bool = False) -> None:
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
            src = str(child.attrs.get("src", ""))
            image = InlineLink(child.content, src, True, at, at)
            image.badge = is_badge_url(src)
            out.links.append(image)
        elif kind == "link":
            start = len(out.text)
            inner = InlineText()
            inner_html = _LazyTag(inner)
            _flatten(child, inner, inner_html)
            inner_html.close()
            out.text += inner.text
            href = str(child.attrs.get("href", ""))
            if child.markup == "linkify" and not _SCHEMED.match(inner.text or href):
                continue  # linkify's guess: "README.md", "example.com" are names, not links
            images = [i for i in inner.links if i.image]
            title = inner.text if inner.text.strip() else " ".join(i.title for i in images)
            end = len(out.text)
            if child.markup == "linkify":  # a bare URL: sentence punctuation is not part of it
                cut = href.rstrip(".,:;!?'\"。，：；！？")
                end -= len(href) - len(cut)
                href, title = cut, title[: len(title) - (len(href) - len(cut))] or cut
            link = InlineLink(title, href, False, start, end)
            link.images = [i.url for i in images]
            link.badge = bool(images) and not inner.text.strip() and all(i.badge for i in images)
            out.nested.extend(inner.links + inner.nested)
            out.links.append(link)
        else:  # strong, em, s, …: their text
            before = len(out.text)
            _flatten(child, out, html)
            if kind == "s":
                out.struck += len(out.text) - before
            elif kind == "strong" and top:
                out.bolds.append((before, len(out.text)))


def inline_of(node: Node, base: str | None = None) -> InlineText:
    """Flatten a block holding inline content (paragraph, heading, cell, HTML block);
    relative link targets are resolved against ``base`` (an http(s) URL) when given."""
    out = InlineText()
    html = _LazyTag(out)
    if node.type == "html_block":
        html.feed(node.content)
    else:
        for child in node.children:
            if child.type == "inline":
                _flatten(child, out, html, top=True)
    html.close()
    kept = []
    for link in out.links:
        url = link.url.strip().replace(" ", "%20")
        if base and url and not url.startswith("#") and _is_relative(url):
            url = resolve(base, url)
        if url.lower().startswith(("http://", "https://")):
            link.url = url
            kept.append(link)
        elif url:
            out.internal.append(url)
            out.spans.append((link.start, link.end))
    out.links = kept
    for link in out.nested:
        link.url = link.url.strip().replace(" ", "%20")
    return out


def _is_relative(url: str) -> bool:
    head = url.split("/", 1)[0]
    return ":" not in head and not url.startswith("//")


def resolve(base: str, url: str) -> str:
    """``url`` (relative) resolved against ``base``, the address of the Markdown file: a
    GitHub repository address (``https://github.com/o/r``) stands for its README on the
    default branch (``…/blob/HEAD/README.md``), so ``docs/x.md`` gives
    ``https://github.com/o/r/blob/HEAD/docs/x.md``; a ``blob`` URL gives its folder."""
    from urllib.parse import urljoin, urlsplit

    parts = urlsplit(base)
    segments = [p for p in parts.path.split("/") if p]
    if parts.hostname in ("github.com", "www.github.com") and len(segments) == 2:
        base = f"{parts.scheme}://{parts.netloc}/{segments[0]}/{segments[1]}/blob/HEAD/README.md"
    elif (
        parts.hostname in ("github.com", "www.github.com")
        and len(segments) >= 4
        and segments[2] in ("tree",)
        and not base.endswith("/")
    ):
        base += "/"  # a folder
    return urljoin(base, url)


def title_from_url(url: str) -> str:
    """A title for a link that has none: ``host › last path segment``."""
    from urllib.parse import unquote, urlsplit

    parts = urlsplit(url)
    tail = unquote(parts.path.rstrip("/").rsplit("/", 1)[-1]) if parts.path.strip("/") else ""
    return clean_line(f"{parts.hostname or url}{' › ' + tail if tail else ''}")
