"""The roadmap as the program uses it: plain, frozen dataclasses (``data/roadmap.toml``
and users' own roadmaps).

The field names are the file format; see README.md "The roadmap file". A file is checked
by the pydantic models in :mod:`roadmap_cli.roadmap.schema` (each value on its own) and
:mod:`roadmap_cli.roadmap.catalog` (the whole roadmap) before it becomes these objects; they are
plain classes so that a command reading a cached roadmap imports no pydantic.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import field
from typing import Any, Literal, Self, TypeGuard

from roadmap_cli.support.records import record

__all__ = [
    "RESOURCE_KINDS",
    "RESOURCE_ORIGINS",
    "ROADMAP_SCHEMA",
    "Resource",
    "Roadmap",
    "Stage",
    "Topic",
    "in_language",
]

#: The roadmap file format version this program reads and writes.
ROADMAP_SCHEMA = 1

ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]*")
ID_MAX_LENGTH = 80


def is_valid_id(value: object) -> TypeGuard[str]:
    """Whether ``value`` is a valid roadmap, stage or topic id: a string of lower-case
    ASCII letters, digits and '-', starting with a letter or digit, at most
    :data:`ID_MAX_LENGTH` characters. The one id check every module uses."""
    return (
        isinstance(value, str) and len(value) <= ID_MAX_LENGTH and bool(ID_PATTERN.fullmatch(value))
    )


#: The kinds a resource may have.
RESOURCE_KINDS = ("paper", "video", "course", "book", "article", "blog", "code", "docs", "site")
ResourceKind = Literal[
    "paper", "video", "course", "book", "article", "blog", "code", "docs", "site"
]

#: Who added a resource when it is not the roadmap's author: "editor" marks an editor's
#: pick, added beside the author's own links (no origin means the author's). Roadmap
#: files may only say "editor"; "yours" marks a learner's own link (``roadmap link``),
#: which lives in the progress file, never in a roadmap file.
RESOURCE_ORIGINS = ("editor",)
ResourceOrigin = Literal["editor", "yours"]


def in_language(
    text: str | None, text_en: str | None, lang: str, roadmap_language: str
) -> str | None:
    """A text field in ``lang`` ("zh" or "en"): its English twin ``text_en`` when English
    is asked for, the roadmap's own language is not English and the twin is set; else the
    text as written (None when there is none). Same rule as the titles."""
    if lang == "en" and roadmap_language != "en" and text_en:
        return text_en
    return text


class _Plain:
    """Shared by the roadmap classes: building from and dumping to plain dicts."""

    __slots__ = ()  # the classes have slots: a 50,000-topic roadmap is ~50 MB smaller

    @classmethod
    def model_construct(cls, **values: Any) -> Self:
        """Make one from already-checked values (the name callers written against the
        former pydantic models use)."""
        return cls(**values)

    def model_dump(self, mode: str = "python") -> dict[str, Any]:
        """The fields as a dict, nested objects as dicts (``mode`` is accepted for the
        callers written against the former pydantic models; values are JSON-ready)."""
        return dataclasses.asdict(self)  # type: ignore[call-overload,no-any-return]


@record(slots=True)
class Resource(_Plain):
    """Something to study a topic with: a paper, video, course, book, post, repository…

    ``url`` is an absolute http(s) URL kept exactly as written in the file; ``kind`` one
    of :data:`RESOURCE_KINDS`. ``note`` is the author's word on it, ``editor_note`` the
    editor's; each ``*_en`` field is the English twin of the field it is named after;
    ``origin`` is ``"editor"`` for an editor's pick, None for the author's own resource.
    """

    title: str
    url: str
    kind: ResourceKind
    lang: str | None = None
    note: str | None = None
    note_en: str | None = None
    origin: ResourceOrigin | None = None
    editor_note: str | None = None
    editor_note_en: str | None = None

    def display_note(self, lang: str, roadmap_language: str) -> str | None:
        """The author's note in ``lang``; see :func:`in_language`."""
        return in_language(self.note, self.note_en, lang, roadmap_language)

    def display_editor_note(self, lang: str, roadmap_language: str) -> str | None:
        """The editor's note in ``lang``; see :func:`in_language`."""
        return in_language(self.editor_note, self.editor_note_en, lang, roadmap_language)


class _Guided:
    """Shared by :class:`Topic` and :class:`Stage`: their titles, summaries and editor's
    notes in the chosen language."""

    __slots__ = ()

    title: str
    title_en: str
    summary: str | None
    summary_en: str | None
    editor_note: str | None
    editor_note_en: str | None

    def display_title(self, lang: str, roadmap_language: str) -> str:
        """Title in ``lang`` ("zh" or "en"): ``title_en`` for English when the roadmap's
        own language is not English and ``title_en`` is set, else ``title``."""
        if lang == "en" and roadmap_language != "en" and self.title_en:
            return self.title_en
        return self.title

    def display_summary(self, lang: str, roadmap_language: str) -> str | None:
        """The author's summary in ``lang``; see :func:`in_language`."""
        return in_language(self.summary, self.summary_en, lang, roadmap_language)

    def display_editor_note(self, lang: str, roadmap_language: str) -> str | None:
        """The editor's note in ``lang``; see :func:`in_language`."""
        return in_language(self.editor_note, self.editor_note_en, lang, roadmap_language)


@record(slots=True)
class Topic(_Guided, _Plain):
    """One thing a learner studies; its status is tracked by ``id``.

    ``requires`` lists prerequisite topic ids (any stage); ``aliases`` lists former ids, so
    progress recorded under an old id follows the topic. ``summary`` is the author's words,
    ``editor_note`` the editor's; ``summary_en`` and ``editor_note_en`` their English twins.
    """

    id: str
    title: str
    title_en: str = ""
    summary: str | None = None
    summary_en: str | None = None
    editor_note: str | None = None
    editor_note_en: str | None = None
    requires: list[str] = field(default_factory=list)
    optional: bool = False
    aliases: list[str] = field(default_factory=list)
    resources: list[Resource] = field(default_factory=list)
    duration: str | None = None  # as the source says it: "13 weeks"
    effort: str | None = None  # as the source says it: "6-10 hours/week"


@record(slots=True)
class Stage(_Guided, _Plain):
    """A section of the roadmap: an ordered list of topics."""

    id: str
    title: str
    title_en: str = ""
    summary: str | None = None
    summary_en: str | None = None
    editor_note: str | None = None
    editor_note_en: str | None = None
    topics: list[Topic] = field(default_factory=list)


@record(slots=True)
class Roadmap(_Plain):
    """A whole roadmap file. ``id`` names its progress file (``<id>.json``);
    ``schema_version`` is the file's ``schema``."""

    schema_version: int
    id: str
    title: str
    title_en: str = ""
    language: str = "en"
    source: str | None = None
    description: str | None = None
    description_en: str | None = None
    stages: list[Stage] = field(default_factory=list)

    def display_title(self, lang: str) -> str:
        """Title in ``lang``; see :meth:`Topic.display_title`."""
        if lang == "en" and self.language != "en" and self.title_en:
            return self.title_en
        return self.title

    def display_description(self, lang: str) -> str | None:
        """The description in ``lang``; see :func:`in_language`."""
        return in_language(self.description, self.description_en, lang, self.language)

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> Roadmap:
        """Rebuild a roadmap from :meth:`model_dump` output (no checks: the data must come
        from a validated roadmap)."""
        stages = [
            Stage(
                **{
                    **stage,
                    "topics": [
                        Topic(**{**t, "resources": [Resource(**r) for r in t["resources"]]})
                        for t in stage["topics"]
                    ],
                }
            )
            for stage in raw["stages"]
        ]
        return cls(**{**raw, "stages": stages})
