"""The state behind the Markdown importer's block reader, and what it does with topics
and links: where content goes (:class:`Ctx`), making topics and stages, deciding which
links are kept (badges, banners, social links and translations are counted as left out,
:mod:`roadmap_cli.importing.summary`) and adding the others as resources.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from roadmap_cli.importing.boilerplate import link_role
from roadmap_cli.importing.cleanup import strip_site_suffix
from roadmap_cli.importing.inline import (
    InlineLink,
    InlineText,
    inline_of,
    tidy_title,
    title_from_url,
)
from roadmap_cli.importing.markdown import ImportedResource, ImportedStage, ImportedTopic
from roadmap_cli.importing.rules import is_optional, resource_kind
from roadmap_cli.importing.summary import LeftOut
from roadmap_cli.support.records import record
from roadmap_cli.support.urls import check_url, clean_url

if TYPE_CHECKING:
    from roadmap_cli.importing.tree import Node

__all__ = ["BuilderState", "Ctx", "Item", "line_of", "link_reason"]


def line_of(node: Node) -> int:
    return node.map[0] + 1 if node.map else 0


@record(frozen=False)
class Ctx:
    """Where content goes: ``topic`` gets links (None: each item is a topic of its own,
    under ``parent``), ``sink`` gets remarks; ``attach``: links go to the stage's overview
    topic instead (a Resources section right under a stage)."""

    topic: ImportedTopic | None
    sink: list[str]
    attach: bool = False
    parent: ImportedTopic | None = None


@record(frozen=False)
class Item:
    inline: InlineText
    rest: list[Node]
    line: int


class BuilderState:
    """The state of the block reader and what it does with topics and links; the block
    reading itself is :class:`roadmap_cli.import_builder.Builder`."""

    def __init__(
        self,
        file_title: str,
        title_level: int | None,
        stage_level: int | None,
        base: str | None = None,
    ) -> None:
        self.file_title = file_title
        self.title_level = title_level
        self.stage_level = stage_level
        self.base = base
        self.title: str | None = None
        self.texts: list[str] = []
        self.stages: list[ImportedStage] = []
        self.stage: ImportedStage | None = None
        self.headings: list[tuple[int, ImportedTopic]] = []
        self.label: ImportedTopic | None = None  # a bold label holding what follows
        self.skip_level: int | None = None  # inside a left-out or intro section
        self.skip_reason = "boilerplate"  # or "intro link": the section's text is kept
        self.attach = False  # inside an advice/resources section with no topic around
        self.remarks_only = False  # inside an advice/resources section: no new topics
        self.skipped: list[str] = []
        self.left_out: list[LeftOut] = []

    # -- where things go ---------------------------------------------------------------
    def ctx(self) -> Ctx:
        if self.label is not None:
            return Ctx(self.label, self.label.texts)
        if self.headings:
            topic = self.headings[-1][1]
            return Ctx(topic, topic.texts)
        if self.stage is not None:
            return Ctx(None, self.stage.texts, attach=self.attach)
        return Ctx(None, self.texts)

    def current_stage(self, line: int) -> ImportedStage:
        if self.stage is None:
            self.stage = ImportedStage(self.title or self.file_title, line, None)
            self.stages.append(self.stage)
        return self.stage

    def new_topic(
        self,
        title: str,
        line: int,
        parent: ImportedTopic | None,
        *,
        remark: str = "",
        origin: str = "item",
    ) -> ImportedTopic:
        stage = self.current_stage(line)
        topic = ImportedTopic(tidy_title(title) or f"line {line}", line)
        topic.origin = origin
        topic.parent = parent.title if parent is not None else stage.title
        topic.optional = is_optional(title, remark) or (parent is not None and parent.optional)
        if parent is not None:
            parent.children += 1
            parent.kids.append(topic)
        if remark:
            topic.texts.append(remark)
        stage.topics.append(topic)
        return topic

    def overview(self, line: int) -> ImportedTopic:
        stage = self.current_stage(line)
        if stage.overview is None:
            stage.overview = self.new_topic(stage.title, line, None, origin="overview")
        return stage.overview

    def front(self) -> bool:
        """True before the first section heading (before the first topic, in a document
        without sections): where banners, badges and adverts sit."""
        if self.stage_level is None:
            return not any(stage.topics for stage in self.stages)
        return self.stage is None or self.stage.heading is None

    def drop(self, reason: str, line: int, what: str) -> None:
        self.left_out.append(LeftOut(reason, line, " ".join(what.split())[:200]))

    # -- links ---------------------------------------------------------------------------
    def keepable(self, link: InlineLink, line: int, *, cell: bool = False) -> bool:
        """False (and the link counted as left out) for badges, social links, and images
        that are decoration (in a table cell, or before the first section)."""
        if link.badge:
            self.drop("badge", line, link.url)
            for url in link.images:
                self.drop("badge", line, url)
            return False
        front = self.front()
        if (link.image and (cell or front)) or (link.images and front):
            self.drop("image", line, link.url)  # a banner, a book cover, a logo
            for url in link.images:
                self.drop("image", line, url)
            return False
        role = link_role(link.url, link.title, image=link.image)
        if role is not None:
            self.drop(role, line, link.url)
            for url in link.images:
                self.drop(role, line, url)
            return False
        for url in link.images:
            self.drop("image", line, url)  # the link is kept, titled by the image's alt
        return True

    def add_resource(
        self, topic: ImportedTopic, link: InlineLink, note: str, line: int, *, prose: bool = False
    ) -> None:
        url, problem = _checked(link.url)
        if problem:
            self.skipped.append(f"line {line}: {url} ({problem})")
            self.drop("bad url", line, url)
            return
        existing = next((r for r in topic.resources if r.url == url), None)
        if existing is not None:  # the same link twice in one topic: one resource
            if note and note not in existing.texts:
                existing.texts.append(note)
            return
        title = strip_site_suffix(tidy_title(link.title)) or title_from_url(url)
        kind = "site" if link.image else resource_kind(url, title)
        resource = ImportedResource(title, url, kind, line)
        resource.prose = prose
        if note:
            resource.texts.append(note)
        topic.resources.append(resource)

    def read_inline(self, node: Node) -> InlineText:
        """:func:`inline_of`, recording the links it cannot keep."""
        inline = inline_of(node, self.base)
        line = line_of(node)
        for url in inline.internal:
            if not url.startswith("#"):
                self.skipped.append(f"line {line}: {url} (not an http(s) link)")
                self.drop(link_reason(url), line, url)
        for link in inline.nested:
            if link.url.lower().startswith(("http://", "https://")) and not link.image:
                inline.links.append(link)  # a link inside a link keeps its URL
            elif link.image and not link.badge:
                pass  # counted with the link around it
        return inline

    def count_links(self, node: Node, reason: str) -> None:
        """Count every link under ``node`` as left out for ``reason``."""
        for sub in node.walk():
            if sub.type == "html_block" or (
                sub.children and sub.children[0].type == "inline" and sub.type != "list_item"
            ):
                inline = inline_of(sub, self.base)
                urls = [link.url for link in inline.links + inline.nested] + inline.internal
                urls += [u for link in inline.links for u in link.images]
                for url in urls:
                    if not url.startswith("#"):
                        self.drop(reason, line_of(sub), url)


@lru_cache(maxsize=8192)
def _checked(url: str) -> tuple[str, str | None]:
    """``url`` without tracking parameters, and what is wrong with it (None: nothing)."""
    cleaned = clean_url(url)
    return cleaned, check_url(cleaned)


def link_reason(url: str) -> str:
    head = url.split("/", 1)[0]
    return "not http" if ":" in head else "relative link"
