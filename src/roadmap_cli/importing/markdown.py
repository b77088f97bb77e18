"""Turn a Markdown learning roadmap into a roadmap: stages, topics and resources.

The Markdown is parsed with ``markdown-it-py`` (CommonMark, tables, strikethrough, task
lists from ``mdit-py-plugins``, bare URLs linked by ``linkify-it-py``) and its syntax tree
is read block by block (:mod:`roadmap_cli.importing.builder`):

* Headings: a single H1 (or a heading opening the document alone at its level, or an HTML
  header's ``<h1>``–``<h3>``, else an H1 opening the document) is the title; the next level
  starts stages; deeper headings are topics. Boilerplate sections
  (License, Contributing, 目录…) are left out, introductions (About, 项目介绍…) join the
  description, advice and resources (学习建议, References…) attach to the enclosing topic
  (:mod:`roadmap_cli.importing.boilerplate`).
* Lists: a bold lead names a topic; text items are names or remarks, all siblings alike,
  by punctuation (:mod:`roadmap_cli.importing.items`); links are resources of the topic
  around them, or topics of their own where there is none (an awesome-list); task-list
  boxes are dropped from titles and remembered (``done``).
* A bold label, description paragraphs and a list of links make one topic (a course
  outline); table rows are topics (:mod:`roadmap_cli.importing.tables`).
* Badges, banners, social and translation links are not resources; relative links are
  resolved against ``base`` when given. Whatever is not kept is recorded with its reason
  in ``left_out`` (:mod:`roadmap_cli.importing.summary`): nothing is dropped silently.
* Containers, empty headings and a leading introduction are removed last
  (:mod:`roadmap_cli.importing.finish`).

Ids are assigned afterwards by :mod:`roadmap_cli.importing.ids`.
"""

from __future__ import annotations

import re
from dataclasses import field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from roadmap_cli.importing.inline import tidy_title
from roadmap_cli.importing.rules import han_count
from roadmap_cli.importing.summary import LeftOut
from roadmap_cli.support.records import record

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

    from roadmap_cli.importing.tree import Node

__all__ = [
    "ImportedResource",
    "ImportedRoadmap",
    "ImportedStage",
    "ImportedTopic",
    "parse_markdown",
    "parser_for",
    "title_from_file",
]


@record(frozen=False)
class ImportedResource:
    """A link found in the Markdown; ``line`` is 1-based; ``texts`` are the note's lines."""

    title: str
    url: str
    kind: str
    line: int
    texts: list[str] = field(default_factory=list)
    prose: bool = False  # the link sat in running text

    @property
    def note(self) -> str | None:
        """The note: the text around the link and the remarks under it, or None."""
        return _joined(self.texts)


@record(frozen=False)
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
    parent: str = ""  # the title of the heading, label or item it sits under (or stage)
    origin: str = "item"  # heading, label, item, row, link or overview
    children: int = 0  # topics made under it
    kids: list[ImportedTopic] = field(default_factory=list, repr=False)  # those topics
    done: bool = False  # a ticked task-list box
    duration: str = ""
    effort: str = ""

    @property
    def summary(self) -> str | None:
        """The summary: remarks the author makes about the topic, or None."""
        return _joined(self.texts)


@record(frozen=False)
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


@record(frozen=False)
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


def _line(node: Node) -> int:
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


def _heading_levels(tokens: list[Any]) -> tuple[int | None, int | None]:
    """``(title level, stage level)``: a single H1 is the title, and so is the only
    heading of a document (a lone ``## Course name``); the next level starts stages.
    Boilerplate headings (Contents, License, Summary…) are not counted: a README whose
    H1s are ``Contents``, ``Summary``, ``Curriculum`` and ``Team`` has its stages at H2."""
    from roadmap_cli.importing.boilerplate import heading_role

    levels = [
        int(t.tag[1:])
        for i, t in enumerate(tokens)
        if t.type == "heading_open"
        and heading_role(tokens[i + 1].content if i + 1 < len(tokens) else "") is None
    ] or [int(t.tag[1:]) for t in tokens if t.type == "heading_open"]
    if not levels:
        return None, None
    top = min(levels)
    first = _first_heading(tokens)
    lone_first = first is not None and first[0] == top and levels.count(top) == 1
    if (top == 1 and levels.count(1) == 1) or len(levels) == 1 or lone_first:
        rest = [level for level in levels if level != top]
        return top, min(rest) if rest else None
    return None, top


_CONTENT = frozenset(
    ("paragraph_open", "bullet_list_open", "ordered_list_open", "table_open", "blockquote_open")
)


def _first_heading(tokens: list[Any]) -> tuple[int, str] | None:
    """``(level, text)`` of the document's first heading when it opens the document (only
    HTML blocks, a banner or badges, come before it), else None."""
    for i, token in enumerate(tokens):
        if token.type in _CONTENT:
            return None
        if token.type == "heading_open":
            text = tokens[i + 1].content if i + 1 < len(tokens) else ""
            return int(token.tag[1:]), text
    return None


def parse_markdown(
    text: str, file_title: str, language: str | None = None, base: str | None = None
) -> ImportedRoadmap:
    """Read a Markdown learning roadmap into stages, topics and resources (no ids yet).

    Args:
        text: the Markdown document.
        file_title: the name to use when the document has no title (see
            :func:`title_from_file`).
        language: the language of titles, or None to decide by the majority script of
            the titles: "zh" when most hold a Chinese character, else "en".
        base: the http(s) address of the Markdown file (``--source``), against which
            relative links are resolved; None leaves them out (counted).

    Returns:
        The :class:`ImportedRoadmap`; never raises for odd Markdown.
    """
    from roadmap_cli.importing.builder import Builder
    from roadmap_cli.importing.tree import tree

    tokens = parser_for(text).parse(text)
    title_level, stage_level = _heading_levels(tokens)
    builder = Builder(file_title, title_level, stage_level, base)
    builder.blocks(tree(tokens), None)
    stages = builder.finish()
    first = _first_heading(tokens)
    opening = tidy_title(first[1]) if first is not None and first[0] == 1 else ""
    title = builder.title or opening or file_title
    if not stages and builder.texts:  # only an introduction: one topic holding it
        stage = ImportedStage(title, 1, None)
        stage.topics.append(ImportedTopic(title, 1, texts=builder.texts, origin="overview"))
        stage.overview = stage.topics[0]
        stages, builder.texts = [stage], []
    if language is None:
        language = _majority_language(stages, builder.texts)
    return ImportedRoadmap(
        title, language, stages, builder.texts, builder.skipped, builder.left_out
    )


_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def _majority_language(stages: list[ImportedStage], texts: list[str]) -> str:
    """ "zh" when Chinese characters outweigh Latin words in the titles and summaries
    (a Chinese character counts as a word), else "en"."""
    han = latin = 0
    pieces = texts + [s.title for s in stages] + [t for s in stages for t in s.texts]
    pieces += [text for s in stages for t in s.topics for text in [t.title, *t.texts]]
    for piece in pieces:
        han += han_count(piece)
        latin += len(_LATIN_WORD.findall(piece))
    return "zh" if han > 2 * latin else "en"


#: Parser rules and the text each needs: a rule starts only at one of these characters
#: (a fence at three backticks or tildes, a reference definition at ``]:`` after its
#: label, a table at a delimiter row holding ``|``), so a document without them is parsed
#: the same without the rule, and faster (each rule is tried at every line or character).
_RULE_NEEDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("table", ("|",)),
    ("fence", ("```", "~~~")),
    ("blockquote", (">",)),
    ("html_block", ("<",)),
    ("html_inline", ("<",)),
    ("autolink", ("<",)),
    ("reference", ("]:",)),
    ("strikethrough", ("~",)),
    ("entity", ("&",)),
    ("escape", ("\\",)),
    ("backticks", ("`",)),
)


def parser_for(text: str, *, prune: bool = True) -> MarkdownIt:
    """The Markdown parser for ``text``: CommonMark, tables, strikethrough, task lists, bare
    URLs linked when ``text`` holds some, URLs kept as written. With ``prune``, the rules
    that cannot match anywhere in ``text`` are left out (see :data:`_RULE_NEEDS`): the
    tokens are the same (a test compares them), found faster."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.tasklists import tasklists_plugin

    md = MarkdownIt("commonmark", {"maxNesting": 50, "linkify": _has_linkify(text)})
    md.enable(["table", "strikethrough", "linkify"]).use(tasklists_plugin)
    unused = [rule for rule, needs in _RULE_NEEDS if not any(n in text for n in needs)]
    if prune and unused:
        md.disable(unused)
    md.normalizeLink = lambda url: url  # type: ignore[method-assign]  # keep URLs as written
    return md


def _has_linkify(text: str) -> bool:
    """Bare URLs are linked only when the text has some (linkify is slow on big files)."""
    return "http://" in text or "https://" in text or "www." in text
