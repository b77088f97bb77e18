"""pydantic models of the roadmap file (``data/roadmap.toml`` and users' own roadmaps).

The field names are the file format; see README.md "The roadmap file". Models check each
value on its own (ids, URLs, kinds, types); checks that need the whole roadmap (unique ids,
prerequisites that resolve, cycles) live in :mod:`roadmap_cli.catalog`.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from roadmap_cli.urls import check_url

__all__ = [
    "RESOURCE_KINDS",
    "ROADMAP_SCHEMA",
    "Resource",
    "Roadmap",
    "Stage",
    "Topic",
]

#: The roadmap file format version this program reads and writes.
ROADMAP_SCHEMA = 1

ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]*")
ID_MAX_LENGTH = 80

#: The kinds a resource may have.
RESOURCE_KINDS = ("paper", "video", "course", "book", "article", "blog", "code", "docs", "site")
ResourceKind = Literal[
    "paper", "video", "course", "book", "article", "blog", "code", "docs", "site"
]


def _check_id(value: str) -> str:
    if not ID_PATTERN.fullmatch(value):
        raise ValueError(
            f"id {value!r} must be lower-case ASCII letters, digits and '-', "
            "starting with a letter or digit"
        )
    if len(value) > ID_MAX_LENGTH:
        raise ValueError(f"id is longer than {ID_MAX_LENGTH} characters")
    return value


def _check_url(value: str) -> str:
    problem = check_url(value)
    if problem:
        raise ValueError(problem)
    return value


def _check_text(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    return value


Id = Annotated[str, AfterValidator(_check_id)]
Url = Annotated[str, AfterValidator(_check_url)]
Text = Annotated[str, AfterValidator(_check_text)]


class _Model(BaseModel):
    # defer_build: validators are built on first validation, which a roadmap taken from
    # the cache (roadmap_cache.py) never needs, saving ~30 ms per command
    model_config = ConfigDict(
        extra="forbid", frozen=True, strict=True, populate_by_name=True, defer_build=True
    )


class Resource(_Model):
    """Something to study a topic with: a paper, video, course, book, post, repository…

    ``url`` is an absolute http(s) URL kept exactly as written in the file.
    """

    title: Text
    url: Url
    kind: ResourceKind
    lang: str | None = None
    note: str | None = None


class Topic(_Model):
    """One thing a learner studies; its status is tracked by ``id``.

    ``requires`` lists prerequisite topic ids (any stage); ``aliases`` lists former ids, so
    progress recorded under an old id follows the topic.
    """

    id: Id
    title: Text
    title_en: str = ""
    summary: str | None = None
    requires: list[Id] = []
    optional: bool = False
    aliases: list[Id] = []
    resources: list[Resource] = []

    def display_title(self, lang: str, roadmap_language: str) -> str:
        """Title in ``lang`` ("zh" or "en"): ``title_en`` for English when the roadmap's
        own language is not English and ``title_en`` is set, else ``title``."""
        if lang == "en" and roadmap_language != "en" and self.title_en:
            return self.title_en
        return self.title


class Stage(_Model):
    """A section of the roadmap: an ordered list of topics."""

    id: Id
    title: Text
    title_en: str = ""
    summary: str | None = None
    topics: list[Topic] = []

    def display_title(self, lang: str, roadmap_language: str) -> str:
        """Title in ``lang``; see :meth:`Topic.display_title`."""
        if lang == "en" and roadmap_language != "en" and self.title_en:
            return self.title_en
        return self.title


class Roadmap(_Model):
    """A whole roadmap file. ``id`` names its progress file (``<id>.json``)."""

    schema_version: int = Field(alias="schema")
    id: Id
    title: Text
    title_en: str = ""
    language: str = "en"
    source: Url | None = None
    description: str | None = None
    stages: list[Stage] = Field(min_length=1)

    def display_title(self, lang: str) -> str:
        """Title in ``lang``; see :meth:`Topic.display_title`."""
        if lang == "en" and self.language != "en" and self.title_en:
            return self.title_en
        return self.title
