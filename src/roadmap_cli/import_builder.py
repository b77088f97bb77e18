"""The block-by-block reader behind :func:`roadmap_cli.importer.parse_markdown`.

It walks the syntax tree of the Markdown and builds stages, topics and resources, as the
module docstring of :mod:`roadmap_cli.importer` describes; every link or section it does
not keep is recorded as a :class:`~roadmap_cli.import_summary.LeftOut`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from roadmap_cli.import_boilerplate import (
    TRANSLATION_LABELS,
    heading_role,
    is_optional,
    link_role,
)
from roadmap_cli.import_cleanup import strip_site_suffix
from roadmap_cli.import_inline import (
    InlineLink,
    InlineText,
    inline_of,
    tidy,
    tidy_title,
    title_from_url,
)
from roadmap_cli.import_items import classify_siblings, is_prose, is_sentences, split_name
from roadmap_cli.import_rules import resource_kind, text_width
from roadmap_cli.import_summary import LeftOut
from roadmap_cli.import_tables import table_rows
from roadmap_cli.importer import ImportedResource, ImportedStage, ImportedTopic
from roadmap_cli.urls import check_url, clean_url

if TYPE_CHECKING:
    from markdown_it.tree import SyntaxTreeNode

__all__ = ["Builder"]

_LISTS = ("bullet_list", "ordered_list")
#: A list of at least this many links under a heading lists topics (an awesome-list
#: section), not the heading's resources.
CATALOGUE_ITEMS = 10


def _line(node: SyntaxTreeNode) -> int:
    return node.map[0] + 1 if node.map else 0


@dataclass
class _Ctx:
    """Where content goes: ``topic`` gets links (None: each item is a topic of its own,
    under ``parent``), ``sink`` gets remarks; ``attach``: links go to the stage's overview
    topic instead (a Resources section right under a stage)."""

    topic: ImportedTopic | None
    sink: list[str]
    attach: bool = False
    parent: ImportedTopic | None = None


@dataclass
class _Item:
    inline: InlineText
    rest: list[SyntaxTreeNode]
    line: int


class Builder:
    """Reads blocks into stages and topics; see :mod:`roadmap_cli.importer`."""

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
        self.skipped: list[str] = []
        self.left_out: list[LeftOut] = []

    # -- where things go ---------------------------------------------------------------
    def ctx(self) -> _Ctx:
        if self.label is not None:
            return _Ctx(self.label, self.label.texts)
        if self.headings:
            topic = self.headings[-1][1]
            return _Ctx(topic, topic.texts)
        if self.stage is not None:
            return _Ctx(None, self.stage.texts, attach=self.attach)
        return _Ctx(None, self.texts)

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
        url = clean_url(link.url)
        problem = check_url(url)
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

    def read_inline(self, node: SyntaxTreeNode) -> InlineText:
        """:func:`inline_of`, recording the links it cannot keep."""
        inline = inline_of(node, self.base)
        line = _line(node)
        for url in inline.internal:
            if not url.startswith("#"):
                self.skipped.append(f"line {line}: {url} (not an http(s) link)")
                self.drop(_link_reason(url), line, url)
        for link in inline.nested:
            if link.url.lower().startswith(("http://", "https://")) and not link.image:
                inline.links.append(link)  # a link inside a link keeps its URL
            elif link.image and not link.badge:
                pass  # counted with the link around it
        return inline

    def count_links(self, node: SyntaxTreeNode, reason: str) -> None:
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
                        self.drop(reason, _line(sub), url)

    # -- blocks --------------------------------------------------------------------------
    def blocks(self, nodes: list[SyntaxTreeNode], ctx: _Ctx | None) -> None:
        """Read a run of blocks; ``ctx`` None means the top level (headings move it)."""
        index = 0
        while index < len(nodes):
            node = nodes[index]
            if node.type == "heading":
                self.heading(node)
                index += 1
                continue
            if self.skip_level is not None:
                self.count_links(node, self.skip_reason)
                if self.skip_reason == "intro link":
                    self.texts.extend(self.texts_of(node))
                index += 1
                continue
            here = ctx or self.ctx()
            if node.type in ("paragraph", "html_block"):
                index = self.paragraph(nodes, index, here, top=ctx is None)
                continue
            if node.type in _LISTS:
                self.read_list(node, here, nested=ctx is not None)
            elif node.type == "blockquote":
                self.blocks(node.children, here)
            elif node.type == "table":
                self.table(node, here)
            elif node.type == "hr" and ctx is None:
                self.label = None
            index += 1  # fences and code blocks are skipped

    def texts_of(self, node: SyntaxTreeNode) -> list[str]:
        """The text of the paragraphs under ``node``, each link followed by its URL."""
        texts = []
        for sub in node.walk():
            if sub.type in ("paragraph", "html_block"):
                inline = inline_of(sub, self.base)
                text = inline.text
                for link in sorted(inline.links, key=lambda k: k.end, reverse=True):
                    if not link.image and not link.badge:
                        text = f"{text[: link.end]} ({link.url}){text[link.end :]}"
                if tidy(text):
                    texts.append(tidy(text))
        return texts

    def paragraph(self, nodes: list[SyntaxTreeNode], index: int, here: _Ctx, *, top: bool) -> int:
        node = nodes[index]
        inline = self.read_inline(node)
        if _only_in_page_links(inline):  # "⬆ back to top"
            self.drop("in-page link", _line(node), inline.plain)
            return index + 1
        if inline.links and inline.plain.casefold().startswith(TRANSLATION_LABELS):
            for link in inline.links:
                self.drop("translation", _line(node), link.url)
            return index + 1
        if node.type == "html_block" and inline.heading and self.title is None and not self.stages:
            self.title = inline.heading
        text = inline.plain
        following = nodes[index + 1] if index + 1 < len(nodes) else None
        is_label = (
            not inline.links
            and bool(text)
            and "\n" not in text
            and inline.soft < 0
            and not is_prose(text)
            and text_width(text) <= 100
        )
        role = heading_role(text) if is_label else None
        if role in ("leave", "intro") and top:
            self.skip_level, self.skip_reason = 99, "boilerplate"  # until the next heading
            self.drop("boilerplate", _line(node), text)
            return index + 1
        bold_label = (
            inline.bold_only
            and not inline.links
            and "\n" not in text
            and inline.soft < 0
            and not is_sentences(text)
            and text_width(text) <= 160
        )
        if bold_label and top and heading_role(text) in ("leave", "intro"):
            self.skip_level, self.skip_reason = 99, "boilerplate"  # until the next heading
            self.drop("boilerplate", _line(node), text)
            return index + 1
        if bold_label and top and heading_role(text) is None:
            # a course outline: **Label** / description paragraphs / a list of links
            parent = self.headings[-1][1] if self.headings else None
            self.label = self.new_topic(text, _line(node), parent, origin="label")
            return index + 1
        if (
            is_label
            and following is not None
            and following.type in _LISTS
            and text_width(text) <= 40
            and not self.is_toc(following)
        ):
            if role is not None:  # "参考资料：" before a list: the list is the topic's
                self.read_list(following, here, nested=False)
            elif _catalogue(following):  # an awesome-list category: each item a topic
                label = self.new_topic(text, _line(node), here.topic, origin="label")
                self.read_list(following, _Ctx(None, label.texts, parent=label), nested=False)
            else:
                label = self.new_topic(text, _line(node), here.topic, origin="label")
                self.read_list(following, _Ctx(label, label.texts), nested=False)
            return index + 2
        if inline.links:
            prose = node.type == "html_block" or _in_prose(inline)
            self.link_item(inline, here, _line(node), prose=prose)
        elif text:
            here.sink.append(text)
        return index + 1

    def heading(self, node: SyntaxTreeNode) -> None:
        level = int(node.tag[1:])
        inline = self.read_inline(node)
        text = tidy_title(inline.plain) or f"line {_line(node)}"
        line = _line(node)
        if self.skip_level is not None and level > self.skip_level:
            self.count_links(node, self.skip_reason)
            return
        self.skip_level = None
        self.label = None
        role = heading_role(text)
        is_stage = self.stage_level is not None and level <= self.stage_level
        if is_stage and role == "advice" and (self.stage is None or self.stage.heading is None):
            role = "intro"  # "# Summary" before any section: the introduction
        if level == self.title_level and self.title is None and role is None:
            self.title = text
        elif role in ("leave", "intro"):
            self.skip_level = level
            self.skip_reason = "boilerplate" if role == "leave" else "intro link"
            if role == "leave":
                self.drop("boilerplate", line, text)
            self.count_links(node, self.skip_reason)
            while self.headings and self.headings[-1][0] >= level:
                self.headings.pop()
            return
        elif is_stage and role == "advice" and self.stage is not None:
            self.headings = []  # 结语, 学习建议: words on the stage before
            self.attach = True
        elif is_stage:
            self.stage = ImportedStage(text, line, f"{'#' * level} {text}")
            self.stages.append(self.stage)
            self.headings = []
            self.attach = False
        else:
            while self.headings and self.headings[-1][0] >= level:
                self.headings.pop()
            self.attach = role is not None and not self.headings
            if role is None:  # advice and resources go to the enclosing topic
                parent = self.headings[-1][1] if self.headings else None
                topic = self.new_topic(text, line, parent, origin="heading")
                self.headings.append((level, topic))
        links = [link for link in inline.links if self.keepable(link, line)]
        if links:
            here = self.ctx()
            for link in links:
                self.add_resource(here.topic or self.overview(line), link, "", line)

    def is_toc(self, node: SyntaxTreeNode) -> bool:
        """A list whose links all point inside the page (a table of contents)."""
        hrefs = [str(n.attrs.get("href", "")) for n in node.walk() if n.type == "link"]
        return bool(hrefs) and all(h.startswith("#") for h in hrefs)

    def read_list(self, node: SyntaxTreeNode, ctx: _Ctx, *, nested: bool) -> None:
        if self.is_toc(node):
            if self.stage is not None:
                self.stage.had_toc = True
            count = sum(1 for n in node.walk() if n.type == "link")
            self.drop("table of contents", _line(node), f"{count} links inside the page")
            return
        items: list[_Item] = []
        for item in node.children:
            children = list(item.children)
            inline = InlineText()
            if children and children[0].type in ("paragraph", "html_block"):
                inline = self.read_inline(children[0])
                children = children[1:]
            if _only_in_page_links(inline) and not children:
                self.drop("in-page link", _line(item), inline.plain)
                continue
            items.append(_Item(inline, children, _line(item)))
        leaves = [
            " ".join(it.inline.plain.split())
            for it in items
            if not it.inline.links
            and not any(not url.startswith("#") for url in it.inline.internal)
            and it.inline.plain
            and it.inline.task is None
            and not _named_by_bold(it.inline)
            and not any(n.type in _LISTS for n in it.rest)
        ]
        links = sum(1 for it in items if it.inline.links or it.inline.internal)
        names = classify_siblings(leaves, links=links)
        topic = ctx.topic
        if (
            topic is not None
            and topic.origin == "heading"
            and links >= CATALOGUE_ITEMS
            and links * 5 >= len(items) * 3
        ):  # a long list of links under a heading: a catalogue, each item a topic
            ctx = _Ctx(None, ctx.sink, parent=topic)
        if nested and len(items) == 1:
            names = False  # the only item of a nested list: a remark on its parent
        if not names and leaves:
            for text in leaves:
                self.drop("remark", node.map[0] + 1 if node.map else 0, text)
        for it in items:
            self.item(it, ctx, names=names)

    def item(self, it: _Item, ctx: _Ctx, *, names: bool) -> None:
        """One list item: its own text and the blocks under it."""
        inline, rest, line = it.inline, it.rest, it.line
        text = inline.plain
        first, more = inline.first_line()
        lead, lead_rest = inline.bold_lead()
        has_list = any(n.type in _LISTS for n in rest)
        if not inline.links and heading_role(first) in ("advice", "resources"):
            self.blocks(rest, ctx)  # "学习建议" under a topic: remarks on it
            return
        if _named_by_bold(inline):
            topic = self.new_topic(lead, line, ctx.topic, remark=lead_rest)
            self.task(topic, inline)
            for link in inline.links:
                if self.keepable(link, line):
                    self.add_resource(topic, link, inline.note_for(link), line)
            self.blocks(rest, _Ctx(topic, topic.texts))
        elif inline.links:
            owner, sink = self.link_item(inline, ctx, line, prose=_in_prose(inline))
            self.blocks(rest, _Ctx(owner, sink))
        elif (
            ctx.topic is None
            and text
            and any(not url.startswith("#") for url in inline.internal)
            and not is_prose(first)
        ):  # an item named by a link that could not be kept (relative, no --source)
            name, remark = split_name(inline.first_line_raw())
            topic = self.new_topic(name, line, ctx.parent, remark=_join(remark, more))
            self.task(topic, inline)
            self.blocks(rest, _Ctx(topic, topic.texts))
        elif not text:
            self.blocks(rest, ctx)
        elif inline.task is not None or (has_list and not is_prose(first)):
            name, remark = split_name(inline.first_line_raw())
            parent = ctx.topic or ctx.parent
            topic = self.new_topic(name, line, parent, remark=_join(remark, more))
            self.task(topic, inline)
            self.blocks(rest, _Ctx(topic, topic.texts))
        elif not names or inline.all_struck or has_list:
            ctx.sink.append(text)
            self.blocks(rest, ctx)
        else:
            name, remark = split_name(inline.first_line_raw())
            parent = ctx.topic or ctx.parent
            topic = self.new_topic(name, line, parent, remark=_join(remark, more))
            self.blocks(rest, _Ctx(topic, topic.texts))

    def task(self, topic: ImportedTopic, inline: InlineText) -> None:
        topic.done = inline.task is True
        if inline.task is not None:
            topic.origin = "task"  # a box to tick: never a mere container

    def link_item(
        self, inline: InlineText, ctx: _Ctx, line: int, *, prose: bool = False
    ) -> tuple[ImportedTopic | None, list[str]]:
        """Add the links of an item or paragraph as resources; returns the topic they went
        to and where remarks under the item go (the last resource's note). ``prose``: the
        links sit in running text (an introduction's references, not study items)."""
        links = [link for link in inline.links if self.keepable(link, line)]
        topic = ctx.topic
        if not links:
            text = tidy(inline.text)
            if text and not all(link.badge or link.image for link in inline.links):
                ctx.sink.append(text)
            return topic, ctx.sink
        if topic is None and ctx.attach:
            topic = self.overview(line)
        if topic is None:
            named = [link for link in links if not link.image]
            if named:
                title = strip_site_suffix(tidy_title(named[0].title)) or title_from_url(
                    named[0].url
                )
                if _bare(named[0]):  # a bare URL: the text around it names the item
                    link = named[0]
                    around = tidy(inline.text[: link.start] + "  " + inline.text[link.end :])
                    title = split_name(around.split("\n")[0])[0] or title
                origin = "prose" if prose else "link"
                topic = self.new_topic(title, line, ctx.parent, origin=origin)
                self.task(topic, inline)
            else:
                topic = self.overview(line)
        before = len(topic.resources)
        for link in links:
            self.add_resource(topic, link, inline.note_for(link), line, prose=prose)
        sink = topic.resources[-1].texts if len(topic.resources) > before else topic.texts
        return topic, sink

    def table(self, node: SyntaxTreeNode, ctx: _Ctx) -> None:
        """One topic per body row (see :mod:`roadmap_cli.import_tables`)."""
        for row in table_rows(node, self.read_inline):
            links = [
                link
                for cell in row.cells
                for link in cell.links
                if self.keepable(link, row.line, cell=True)
            ]
            if not row.name and not links:
                continue
            name = row.name or strip_site_suffix(tidy_title(links[0].title))
            topic = self.new_topic(name, row.line, ctx.topic, origin="row")
            topic.texts.extend(row.remarks)
            topic.duration, topic.effort = row.duration, row.effort
            for link in links:
                self.add_resource(topic, link, "", row.line)

    # -- the end -------------------------------------------------------------------------
    def intro(self) -> None:
        """Move the leading topics that are no study items (links in running text, a
        stage of text only) into the roadmap's description, when study items follow."""
        if not any(_study_item(t) for s in self.stages for t in s.topics):
            return
        for stage in list(self.stages):
            for topic in list(stage.topics):
                if _study_item(topic):
                    return
                stage.topics.remove(topic)
                if stage.overview is topic:
                    stage.overview = None
                self.texts.extend(topic.texts)
                for resource in topic.resources:
                    self.drop("intro link", resource.line, resource.url)
                    said = resource.note if resource.note else resource.title
                    self.texts.append(f"{said} ({resource.url})")
            self.texts.extend(stage.texts)
            self.stages.remove(stage)
            if stage is self.stage:
                self.stage = None

    def finish(self) -> list[ImportedStage]:
        """The stages, without containers and empty headings (counted), and without the
        introduction: leading topics made only of links in running text (an About
        section's references) join the description, their links counted."""
        self.intro()
        stages = [s for s in self.stages if s.topics or s.texts or not s.had_toc]
        for stage in stages:
            kept = []
            skeleton = not any(t.resources or t.texts for t in stage.topics)
            for topic in stage.topics:
                if skeleton or topic.resources or topic.origin in ("overview", "task"):
                    kept.append(topic)
                elif topic.children:  # a container: its children are the topics
                    stage.texts.extend(topic.texts)
                elif topic.texts or topic.origin not in ("heading", "label"):
                    kept.append(topic)
                else:
                    self.drop("empty heading", topic.line, topic.title)
            stage.topics = kept
            if stage.overview is not None and stage.overview not in kept:
                stage.overview = None
            if not stage.topics:
                self.stage = stage
                self.overview(stage.line)
            if stage.topics == [stage.overview] and stage.texts:
                assert stage.overview is not None
                stage.overview.texts[:0] = stage.texts
                stage.texts = []
        return stages


def _only_in_page_links(inline: InlineText) -> bool:
    """True for text made only of links inside the page (``[⬆ back to top](#top)``)."""
    if inline.links or not inline.internal or not all(u.startswith("#") for u in inline.internal):
        return False
    text = inline.text
    for start, end in sorted(inline.spans, reverse=True):
        text = text[:start] + " " + text[end:]
    return not any(ch.isalnum() for ch in text)


def _bare(link: InlineLink) -> bool:
    """True for a link written as a bare URL (its text is its address)."""
    title = link.title.strip()
    return title == link.url or title.startswith(("http://", "https://", "www."))


def _study_item(topic: ImportedTopic) -> bool:
    """False for a topic made only of links in running text or a stage's text."""
    if topic.origin in ("item", "label", "row", "link", "task"):
        return True
    if topic.origin == "overview" and not topic.resources:
        return False
    return not topic.resources or not all(r.prose for r in topic.resources)


def _catalogue(node: SyntaxTreeNode) -> bool:
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


def _in_prose(inline: InlineText) -> bool:
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


def _named_by_bold(inline: InlineText) -> bool:
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
    ends = inline.plain.rstrip().endswith((".", "。", "!", "！", "?", "？"))
    sentence = bool(rest) and rest[:1].isalpha() and rest[:1].islower() and ends
    return not sentence or after[:1] in ":：—-(（"


def _join(*parts: str) -> str:
    return "\n".join(part for part in parts if part)


def _link_reason(url: str) -> str:
    head = url.split("/", 1)[0]
    return "not http" if ":" in head else "relative link"
