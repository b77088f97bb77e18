"""Turn a Markdown learning roadmap into a roadmap: stages, topics and resources.

The Markdown is parsed with ``markdown-it-py`` (CommonMark plus tables and
strikethrough) and its syntax tree is read block by block:

* Headings: a document with exactly one H1 takes it as the roadmap title; the highest
  remaining heading level (usually H2) starts stages; deeper headings (H3+) are topics.
  Content before the first stage, and a document without headings, fall in a stage named
  after the title (or the file).
* Lists: an item with links gives resources, one per link, to the topic around it (a
  heading topic, a labelled list, a parent item); with no topic around it (a list right
  under a stage heading, an awesome-list), the item becomes a topic of its own, titled by
  its first link. An item without links that has a nested list is a topic. An item without
  links and without a nested list is a topic when it is short (a name: "PPO", "RLHF"), and
  a remark otherwise (wider than 24 columns, a sentence mark, or the only item of a nested
  list): remarks become the summary of the topic (or the note of the resource) they follow.
  "name: remark" items give the topic ``name`` with the summary ``remark``.
* A short paragraph right before a list ("**理论**：", "练手项目") names a topic that holds
  the list. Other paragraphs are summaries; their links are resources like list links.
* The text around a link (the item or paragraph without the link's own text, ``<br/>``
  lines included) becomes its note. Standalone images are resources too (kind "site",
  titled by their alt text or file name); a linked image (a badge) is its link.
* Blockquotes are read like the text around them, tables row by row like list items, a
  list whose links all point inside the page (a table of contents) is skipped, and code
  blocks and rules are skipped. Only http(s) links become resources; others are reported.
* A stage left without topics gets one topic named after the stage, holding its text.

Ids are assigned afterwards by :mod:`roadmap_cli.import_ids`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from roadmap_cli.import_inline import (
    InlineLink,
    InlineText,
    inline_of,
    join_cells,
    tidy_title,
    title_from_url,
)
from roadmap_cli.import_rules import has_han, looks_like_sentence, resource_kind, text_width
from roadmap_cli.import_summary import LeftOut
from roadmap_cli.urls import check_url, clean_url

if TYPE_CHECKING:
    from markdown_it.tree import SyntaxTreeNode

__all__ = [
    "ImportedResource",
    "ImportedRoadmap",
    "ImportedStage",
    "ImportedTopic",
    "parse_markdown",
    "title_from_file",
]

_LISTS = ("bullet_list", "ordered_list")
_OPTIONAL_WORDS = ("可选", "选学", "选修", "optional")


@dataclass
class ImportedResource:
    """A link found in the Markdown; ``line`` is 1-based; ``texts`` are the note's lines."""

    title: str
    url: str
    kind: str
    line: int
    texts: list[str] = field(default_factory=list)

    @property
    def note(self) -> str | None:
        """The note: the text around the link and the remarks under it, or None."""
        return _joined(self.texts)


@dataclass
class ImportedTopic:
    """A topic: from a heading, a list item, a labelled list or a lone link.

    ``texts`` are the summary's lines; ``id``, ``title_en``, ``aliases`` and
    ``requires`` are filled in by :func:`roadmap_cli.import_ids.assign_ids`.
    """

    title: str
    line: int
    resources: list[ImportedResource] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    optional: bool = False
    id: str = ""
    title_en: str = ""
    aliases: list[str] = field(default_factory=list)
    requires: list[str] = field(default_factory=list)

    @property
    def summary(self) -> str | None:
        """The summary: remarks the author makes about the topic, or None."""
        return _joined(self.texts)


@dataclass
class ImportedStage:
    """A stage: a section heading (``heading`` is its Markdown, e.g. ``## 概述``), or the
    stage made for content outside any section (``heading`` None)."""

    title: str
    line: int
    heading: str | None
    topics: list[ImportedTopic] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    id: str = ""
    title_en: str = ""
    overview: ImportedTopic | None = None
    had_toc: bool = False

    @property
    def summary(self) -> str | None:
        """The stage's own text, or None."""
        return _joined(self.texts)


@dataclass
class ImportedRoadmap:
    """What :func:`parse_markdown` found. ``skipped`` lists links that are not resources
    (relative, non-http) as ``"line N: URL (reason)"``."""

    title: str
    language: str
    stages: list[ImportedStage]
    texts: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    left_out: list[LeftOut] = field(default_factory=list)
    id: str = ""
    title_en: str = ""
    source: str | None = None

    @property
    def description(self) -> str | None:
        """Text before the first stage, or None."""
        return _joined(self.texts)

    def topics(self) -> list[ImportedTopic]:
        """Every topic, in roadmap order."""
        return [t for s in self.stages for t in s.topics]


def _joined(texts: list[str]) -> str | None:
    return "\n".join(texts) or None


def _line(node: SyntaxTreeNode) -> int:
    return node.map[0] + 1 if node.map else 0


def title_from_file(path: Path) -> str:
    """The name of a Markdown file without its extension and language tag
    (``agent.zh.md`` → ``agent``)."""
    parts = path.name.split(".")
    if len(parts) > 1 and parts[-1].lower() in ("md", "markdown", "mdown", "txt"):
        parts = parts[:-1]
    if len(parts) > 1 and len(parts[-1]) in (2, 5) and parts[-1][:2].isalpha():
        parts = parts[:-1]
    return ".".join(parts) or path.name


@dataclass
class _Ctx:
    topic: ImportedTopic | None
    sink: list[str]


class _Builder:
    def __init__(self, file_title: str, title_level: int | None, stage_level: int | None):
        self.file_title = file_title
        self.title_level = title_level
        self.stage_level = stage_level
        self.title: str | None = None
        self.texts: list[str] = []
        self.stages: list[ImportedStage] = []
        self.stage: ImportedStage | None = None
        self.headings: list[tuple[int, ImportedTopic]] = []
        self.skipped: list[str] = []
        self.left_out: list[LeftOut] = []

    # -- where things go ---------------------------------------------------------------
    def ctx(self) -> _Ctx:
        if self.headings:
            topic = self.headings[-1][1]
            return _Ctx(topic, topic.texts)
        if self.stage is not None:
            return _Ctx(None, self.stage.texts)
        return _Ctx(None, self.texts)

    def current_stage(self, line: int) -> ImportedStage:
        if self.stage is None:
            self.stage = ImportedStage(self.title or self.file_title, line, None)
            self.stages.append(self.stage)
        return self.stage

    def new_topic(self, title: str, line: int) -> ImportedTopic:
        topic = ImportedTopic(tidy_title(title) or f"line {line}", line)
        folded = topic.title.casefold()
        topic.optional = any(word in folded for word in _OPTIONAL_WORDS)
        self.current_stage(line).topics.append(topic)
        return topic

    def overview(self, line: int) -> ImportedTopic:
        stage = self.current_stage(line)
        if stage.overview is None:
            stage.overview = self.new_topic(stage.title, line)
        return stage.overview

    def add_resource(self, topic: ImportedTopic, link: InlineLink, note: str, line: int) -> None:
        url = clean_url(link.url)
        problem = check_url(url)
        if problem:
            self.skipped.append(f"line {line}: {url} ({problem})")
            self.left_out.append(LeftOut("bad url", line, url))
            return
        existing = next((r for r in topic.resources if r.url == url), None)
        if existing is not None:  # the same link twice in one topic: one resource
            if note and note not in existing.texts:
                existing.texts.append(note)
            return
        title = tidy_title(link.title) or title_from_url(url)
        kind = "site" if link.image else resource_kind(url, title)
        resource = ImportedResource(title, url, kind, line)
        if note:
            resource.texts.append(note)
        topic.resources.append(resource)

    # -- blocks --------------------------------------------------------------------------
    def blocks(self, nodes: list[SyntaxTreeNode], ctx: _Ctx | None) -> None:
        """Read a run of blocks; ``ctx`` None means the top level (headings move it)."""
        index = 0
        while index < len(nodes):
            node = nodes[index]
            here = ctx or self.ctx()
            following = nodes[index + 1] if index + 1 < len(nodes) else None
            if node.type == "heading":
                self.heading(node)
            elif node.type in ("paragraph", "html_block"):
                inline = self.read_inline(node)
                text = inline.plain
                if (
                    following is not None
                    and following.type in _LISTS
                    and not inline.links
                    and text
                    and "\n" not in text
                    and inline.soft < 0
                    and not looks_like_sentence(text, 30)
                    and not self.is_toc(following)
                ):
                    label = self.new_topic(text, _line(node))
                    self.read_list(following, _Ctx(label, label.texts), nested=False)
                    index += 1
                elif inline.links:
                    self.link_item(inline, here, _line(node))
                elif text:
                    here.sink.append(text)
            elif node.type in _LISTS:
                self.read_list(node, here, nested=ctx is not None)
            elif node.type == "blockquote":
                self.blocks(node.children, here)
            elif node.type == "table":
                for row in _rows(node):
                    cells = [self.read_inline(cell) for cell in row.children]
                    self.item(join_cells(cells), [], here, single=False, line=_line(row))
            index += 1  # fences, code blocks and rules are skipped

    def heading(self, node: SyntaxTreeNode) -> None:
        level = int(node.tag[1:])
        inline = self.read_inline(node)
        text = tidy_title(inline.plain) or f"line {_line(node)}"
        if level == self.title_level and self.title is None:
            self.title = text
        elif self.stage_level is not None and level <= self.stage_level:
            self.stage = ImportedStage(text, _line(node), f"{'#' * level} {text}")
            self.stages.append(self.stage)
            self.headings = []
        else:
            while self.headings and self.headings[-1][0] >= level:
                self.headings.pop()
            self.headings.append((level, self.new_topic(text, _line(node))))
        if inline.links:
            here = self.ctx()
            for link in inline.links:
                topic = here.topic or self.overview(_line(node))
                self.add_resource(topic, link, "", _line(node))

    def read_inline(self, node: SyntaxTreeNode) -> InlineText:
        """:func:`inline_of`, recording the links it leaves out."""
        inline = inline_of(node)
        self.note_internal(inline, node)
        return inline

    def note_internal(self, inline: InlineText, node: SyntaxTreeNode) -> None:
        line = _line(node)
        for url in inline.internal:
            if not url.startswith("#"):
                self.skipped.append(f"line {line}: {url} (not an http(s) link)")
                self.left_out.append(LeftOut(_link_reason(url), line, url))
        for link in inline.nested:
            if link.image:
                self.left_out.append(LeftOut("badge", line, link.url))

    def is_toc(self, node: SyntaxTreeNode) -> bool:
        """A list whose links all point inside the page (a table of contents)."""
        hrefs = [str(n.attrs.get("href", "")) for n in node.walk() if n.type == "link"]
        return bool(hrefs) and all(h.startswith("#") for h in hrefs)

    def read_list(self, node: SyntaxTreeNode, ctx: _Ctx, *, nested: bool) -> None:
        if self.is_toc(node):
            if self.stage is not None:
                self.stage.had_toc = True
            return
        single = nested and len(node.children) == 1
        items: list[tuple[InlineText, list[SyntaxTreeNode], int]] = []
        for item in node.children:
            children = list(item.children)
            inline = InlineText()
            if children and children[0].type == "paragraph":
                inline = self.read_inline(children[0])
                children = children[1:]
            items.append((inline, children, _line(item)))
        # links here are resources of the topic around: short text beside them is a remark
        limit = 12 if ctx.topic and any(inline.links for inline, _, _ in items) else 24
        for inline, children, line in items:
            self.item(inline, children, ctx, single=single, line=line, limit=limit)

    def item(
        self,
        inline: InlineText,
        rest: list[SyntaxTreeNode],
        ctx: _Ctx,
        *,
        single: bool,
        line: int,
        limit: int = 24,
    ) -> None:
        """One list item (or table row): its own text ``inline`` and the blocks under it.
        A link-less item without a nested list names a topic when no wider than ``limit``
        columns (12 in a list whose links go to the topic around it), else a remark."""
        text = inline.plain
        first, more = inline.first_line()  # later lines: continuation text
        name, remark = _split_name(first)
        if inline.links:
            topic, sink = self.link_item(inline, ctx, line)
            self.blocks(rest, _Ctx(topic, sink))
        elif not text:
            self.blocks(rest, ctx)
        elif any(n.type in _LISTS for n in rest) and not looks_like_sentence(first, 60):
            topic = self.new_topic(first, line)
            topic.texts.extend([more] if more else [])
            self.blocks(rest, _Ctx(topic, topic.texts))
        elif single or inline.all_struck or looks_like_sentence(name, limit):
            ctx.sink.append(text)
            self.blocks(rest, ctx)
        else:
            topic = self.new_topic(name, line)
            topic.texts.extend(part for part in (remark, more) if part)
            self.blocks(rest, _Ctx(topic, topic.texts))

    def link_item(
        self, inline: InlineText, ctx: _Ctx, line: int
    ) -> tuple[ImportedTopic, list[str]]:
        """Add the links of an item or paragraph as resources; returns the topic they went
        to and where remarks under the item go (the last resource's note)."""
        topic = ctx.topic
        if topic is None:
            named = [link for link in inline.links if not link.image]
            if named:
                title = inline.name or tidy_title(named[0].title) or title_from_url(named[0].url)
                topic = self.new_topic(title, line)
            else:
                topic = self.overview(line)
        before = len(topic.resources)
        for link in inline.links:
            self.add_resource(topic, link, inline.note_for(link), line)
        sink = topic.resources[-1].texts if len(topic.resources) > before else topic.texts
        return topic, sink

    def finish(self, language: str | None) -> ImportedRoadmap:
        stages = [s for s in self.stages if s.topics or s.texts or not s.had_toc]
        for stage in stages:
            if not stage.topics:
                self.stage = stage
                self.overview(stage.line)
            if stage.topics == [stage.overview] and stage.texts:
                assert stage.overview is not None
                stage.overview.texts[:0] = stage.texts
                stage.texts = []
        title = self.title or self.file_title
        if language is None:
            names = (
                [title] + [s.title for s in stages] + [t.title for s in stages for t in s.topics]
            )
            language = "zh" if any(has_han(n) for n in names) else "en"
        return ImportedRoadmap(title, language, stages, self.texts, self.skipped, self.left_out)


def _link_reason(url: str) -> str:
    scheme = url.split(":", 1)[0].lower() if ":" in url.split("/", 1)[0] else ""
    return "not http" if scheme and len(scheme) > 1 else "relative link"


def _rows(table: SyntaxTreeNode) -> list[SyntaxTreeNode]:
    """Body rows of a table (the header row names columns, it is not content)."""
    return [row for part in table.children if part.type == "tbody" for row in part.children]


def _split_name(text: str) -> tuple[str, str]:
    """``"numpy: python 数据处理基本库"`` → ``("numpy", "python 数据处理基本库")``."""
    for colon in (":", "："):
        head, sep, tail = text.partition(colon)
        if sep and head.strip() and tail.strip() and text_width(head) <= 20:
            return head.strip(), tail.strip()
    return text, ""


def _heading_levels(tokens: list[Any]) -> tuple[int | None, int | None]:
    levels = [int(t.tag[1:]) for t in tokens if t.type == "heading_open"]
    if levels.count(1) == 1:
        rest = [level for level in levels if level != 1]
        return 1, min(rest) if rest else None
    return None, min(levels) if levels else None


def parse_markdown(text: str, file_title: str, language: str | None = None) -> ImportedRoadmap:
    """Read a Markdown learning roadmap into stages, topics and resources (no ids yet).

    Args:
        text: the Markdown document.
        file_title: the name to use when the document has no title (see
            :func:`title_from_file`).
        language: the language of titles, or None to decide: "zh" when a title holds a
            Chinese character, else "en".

    Returns:
        The :class:`ImportedRoadmap`; never raises for odd Markdown.
    """
    from markdown_it import MarkdownIt
    from markdown_it.tree import SyntaxTreeNode

    md = MarkdownIt("commonmark", {"maxNesting": 50}).enable(["table", "strikethrough"])
    md.normalizeLink = lambda url: url  # type: ignore[method-assign]  # keep URLs as written
    tokens = md.parse(text)
    title_level, stage_level = _heading_levels(tokens)
    builder = _Builder(file_title, title_level, stage_level)
    builder.blocks(SyntaxTreeNode(tokens).children, None)
    return builder.finish(language)
