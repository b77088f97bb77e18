"""The block-by-block reader behind :func:`roadmap_cli.importer.parse_markdown`.

It walks the syntax tree of the Markdown and builds stages, topics and resources, as the
module docstring of :mod:`roadmap_cli.importing.markdown` describes; every link or section it does
not keep is recorded as a :class:`~roadmap_cli.import_summary.LeftOut`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from roadmap_cli.importing.boilerplate import (
    TRANSLATION_LABELS,
    heading_role,
)
from roadmap_cli.importing.cleanup import strip_site_suffix
from roadmap_cli.importing.inline import (
    InlineText,
    inline_of,
    tidy,
    tidy_title,
    title_from_url,
)
from roadmap_cli.importing.items import classify_siblings, is_prose, is_sentences, split_name
from roadmap_cli.importing.markdown import ImportedStage, ImportedTopic
from roadmap_cli.importing.rules import text_width
from roadmap_cli.importing.shapes import (
    bare_url,
    catalogue,
    in_prose,
    named_by_bold,
    only_in_page_links,
)
from roadmap_cli.importing.state import BuilderState, Ctx, Item, line_of
from roadmap_cli.importing.tables import table_rows

if TYPE_CHECKING:
    from roadmap_cli.importing.tree import Node

__all__ = ["Builder"]

_LISTS = ("bullet_list", "ordered_list")
#: A list of at least this many links under a heading lists topics (an awesome-list
#: section), not the heading's resources.
CATALOGUE_ITEMS = 10


class Builder(BuilderState):
    """Reads blocks into stages and topics; see :mod:`roadmap_cli.importing.markdown`."""

    # -- blocks --------------------------------------------------------------------------
    def blocks(self, nodes: list[Node], ctx: Ctx | None) -> None:
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

    def texts_of(self, node: Node) -> list[str]:
        """The text of the paragraphs under ``node``, each link followed by its URL."""
        texts = []
        for sub in node.walk():
            if sub.type in ("paragraph", "html_block"):
                inline = inline_of(sub, self.base)
                text = inline.text
                for link in sorted(inline.links, key=lambda k: k.end, reverse=True):
                    if not link.image and not link.badge:
                        text = f"{text[: link.end]} ({link.url}){text[link.end :]}"
                text = tidy(text)
                if text:
                    texts.append(text)
        return texts

    def paragraph(self, nodes: list[Node], index: int, here: Ctx, *, top: bool) -> int:
        node = nodes[index]
        inline = self.read_inline(node)
        if only_in_page_links(inline):  # "⬆ back to top"
            self.drop("in-page link", line_of(node), inline.plain)
            return index + 1
        if inline.links and inline.plain.casefold().startswith(TRANSLATION_LABELS):
            for link in inline.links:
                self.drop("translation", line_of(node), link.url)
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
            self.drop("boilerplate", line_of(node), text)
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
            self.drop("boilerplate", line_of(node), text)
            return index + 1
        if bold_label and top and heading_role(text) is None:
            # a course outline: **Label** / description paragraphs / a list of links
            parent = self.headings[-1][1] if self.headings else None
            self.label = self.new_topic(text, line_of(node), parent, origin="label")
            return index + 1
        if (
            is_label
            and following is not None
            and following.type in _LISTS
            and text_width(text) <= 40
            and not self.is_toc(following)
        ):
            if role is not None:  # "参考资料：" before a list: the list is the topic's
                before, self.remarks_only = self.remarks_only, True
                self.read_list(following, here, nested=False)
                self.remarks_only = before
            elif catalogue(following):  # an awesome-list category: each item a topic
                label = self.new_topic(text, line_of(node), here.topic, origin="label")
                self.read_list(following, Ctx(None, label.texts, parent=label), nested=False)
            else:
                label = self.new_topic(text, line_of(node), here.topic, origin="label")
                self.read_list(following, Ctx(label, label.texts), nested=False)
            return index + 2
        if inline.links:
            prose = node.type == "html_block" or in_prose(inline)
            self.link_item(inline, here, line_of(node), prose=prose)
        elif text:
            here.sink.append(text)
        return index + 1

    def heading(self, node: Node) -> None:
        level = int(node.tag[1:])
        inline = self.read_inline(node)
        text = tidy_title(inline.plain) or f"line {line_of(node)}"
        line = line_of(node)
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
            self.attach = self.remarks_only = True
        elif is_stage:
            self.stage = ImportedStage(text, line, f"{'#' * level} {text}")
            self.stages.append(self.stage)
            self.headings = []
            self.attach = self.remarks_only = False
        else:
            while self.headings and self.headings[-1][0] >= level:
                self.headings.pop()
            self.attach = role is not None and not self.headings
            self.remarks_only = role is not None
            if role is None:  # advice and resources go to the enclosing topic
                parent = self.headings[-1][1] if self.headings else None
                topic = self.new_topic(text, line, parent, origin="heading")
                self.headings.append((level, topic))
        links = [link for link in inline.links if self.keepable(link, line)]
        if links:
            here = self.ctx()
            for link in links:
                self.add_resource(here.topic or self.overview(line), link, "", line)

    def is_toc(self, node: Node) -> bool:
        """A list whose links all point inside the page (a table of contents)."""
        found = False
        for sub in node.walk():
            if sub.type == "link":
                if not str(sub.attrs.get("href", "")).startswith("#"):
                    return False  # most lists: known at the first link
                found = True
        return found

    def read_list(self, node: Node, ctx: Ctx, *, nested: bool) -> None:
        if self.is_toc(node):
            if self.stage is not None:
                self.stage.had_toc = True
            count = sum(1 for n in node.walk() if n.type == "link")
            self.drop("table of contents", line_of(node), f"{count} links inside the page")
            return
        items: list[Item] = []
        for item in node.children:
            children = list(item.children)
            inline = InlineText()
            if children and children[0].type in ("paragraph", "html_block"):
                inline = self.read_inline(children[0])
                children = children[1:]
            if only_in_page_links(inline) and not children:
                self.drop("in-page link", line_of(item), inline.plain)
                continue
            items.append(Item(inline, children, line_of(item)))
        leaves = [
            " ".join(it.inline.plain.split())
            for it in items
            if not it.inline.links
            and not any(not url.startswith("#") for url in it.inline.internal)
            and it.inline.plain
            and it.inline.task is None
            and not named_by_bold(it.inline)
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
            ctx = Ctx(None, ctx.sink, parent=topic)
        if nested and len(items) == 1:
            names = False  # the only item of a nested list: a remark on its parent
        if not names and leaves:
            for text in leaves:
                self.drop("remark", node.map[0] + 1 if node.map else 0, text)
        for it in items:
            self.item(it, ctx, names=names)

    def item(self, it: Item, ctx: Ctx, *, names: bool) -> None:
        """One list item: its own text and the blocks under it."""
        inline, rest, line = it.inline, it.rest, it.line
        text = inline.plain
        first, more = inline.first_line()
        lead, lead_rest = inline.bold_lead()
        has_list = any(n.type in _LISTS for n in rest)
        if self.remarks_only:  # advice or resources: remarks and links, never topics
            if inline.links:
                here = Ctx(ctx.topic, ctx.sink, attach=True)  # no topic around: the overview
                owner, sink = self.link_item(inline, here, line, prose=in_prose(inline))
                self.blocks(rest, Ctx(owner, sink, attach=True))
            else:
                if text:
                    ctx.sink.append(text)
                self.blocks(rest, ctx)
            return
        name, remark = split_name(inline.first_line_raw()) if not inline.links else ("", "")
        if name and heading_role(name) in ("advice", "resources"):
            # "学习建议", "描述：…" under a topic: remarks on it, not a topic
            if remark or more:
                ctx.sink.append(_join(remark, more))
            self.blocks(rest, ctx)
            return
        if named_by_bold(inline):
            topic = self.new_topic(lead, line, ctx.topic, remark=lead_rest)
            self.task(topic, inline)
            for link in inline.links:
                if self.keepable(link, line):
                    self.add_resource(topic, link, inline.note_for(link), line)
            self.blocks(rest, Ctx(topic, topic.texts))
        elif inline.links:
            owner, sink = self.link_item(inline, ctx, line, prose=in_prose(inline))
            self.blocks(rest, Ctx(owner, sink))
        elif (
            ctx.topic is None
            and text
            and any(not url.startswith("#") for url in inline.internal)
            and not is_prose(first)
        ):  # an item named by a link that could not be kept (relative, no --source)
            name, remark = split_name(inline.first_line_raw())
            topic = self.new_topic(name, line, ctx.parent, remark=_join(remark, more))
            self.task(topic, inline)
            self.blocks(rest, Ctx(topic, topic.texts))
        elif not text:
            self.blocks(rest, ctx)
        elif inline.task is not None or (has_list and not is_prose(first)):
            name, remark = split_name(inline.first_line_raw())
            parent = ctx.topic or ctx.parent
            topic = self.new_topic(name, line, parent, remark=_join(remark, more))
            self.task(topic, inline)
            self.blocks(rest, Ctx(topic, topic.texts))
        elif not names or inline.all_struck or has_list:
            ctx.sink.append(text)
            self.blocks(rest, ctx)
        else:
            name, remark = split_name(inline.first_line_raw())
            parent = ctx.topic or ctx.parent
            topic = self.new_topic(name, line, parent, remark=_join(remark, more))
            self.blocks(rest, Ctx(topic, topic.texts))

    def task(self, topic: ImportedTopic, inline: InlineText) -> None:
        topic.done = inline.task is True
        if inline.task is not None:
            topic.origin = "task"  # a box to tick: never a mere container

    def link_item(
        self, inline: InlineText, ctx: Ctx, line: int, *, prose: bool = False
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
                if bare_url(named[0]):  # a bare URL: the text around it names the item
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

    def table(self, node: Node, ctx: Ctx) -> None:
        """One topic per body row (see :mod:`roadmap_cli.importing.tables`)."""
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

    def finish(self) -> list[ImportedStage]:
        """The stages, finished (see :mod:`roadmap_cli.importing.finish`)."""
        from roadmap_cli.importing.finish import finish_stages

        return finish_stages(self)


def _join(*parts: str) -> str:
    return "\n".join(part for part in parts if part)
