"""pydantic validation of roadmap file contents (``data/roadmap.toml`` and users' own).

The field names are the file format; see README.md "The roadmap file". These models check
each value on its own (ids, URLs, kinds, types, unknown fields) and give every problem a
location; checks that need the whole roadmap (unique ids, prerequisites that resolve,
cycles) live in :mod:`roadmap_cli.roadmap.catalog`. Once a file validates, :func:`to_plain`
turns it into the plain :mod:`roadmap_cli.roadmap.model` classes the rest of the program uses,
so commands that read a cached roadmap never import pydantic.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from roadmap_cli.roadmap import model as models
from roadmap_cli.roadmap.model import (
    ID_MAX_LENGTH,
    ID_PATTERN,
    ResourceKind,
    is_valid_id,
)
from roadmap_cli.support.i18n import N_, Msg
from roadmap_cli.support.urls import url_problem

__all__ = ["Resource", "Roadmap", "Stage", "Topic", "outline", "to_plain"]


def _check_id(value: str) -> str:
    if is_valid_id(value):
        return value
    if not ID_PATTERN.fullmatch(value):
        raise ValueError(
            Msg(
                "id {id!r} must be lower-case ASCII letters, digits and '-', "
                "starting with a letter or digit",
                id=value,
            )
        )
    if len(value) > ID_MAX_LENGTH:
        raise ValueError(Msg("id is longer than {n} characters", n=ID_MAX_LENGTH))
    return value


def _check_url(value: str) -> str:
    problem = url_problem(value)
    if problem:
        raise ValueError(problem)
    return value


#: The longest title (characters): a title is a line, not a page.
MAX_TITLE_LENGTH = 5_000
#: The longest summary, description or resource note (characters).
MAX_SUMMARY_LENGTH = 20_000


def _limit(value: str, limit: int, too_long: str) -> str:
    """``value``, or a ValueError when it is longer than ``limit`` characters; ``too_long``
    is the message (an English msgid marked with ``N_``, fields ``length`` and ``limit``)."""
    if len(value) > limit:
        raise ValueError(Msg(too_long, length=format(len(value), ","), limit=format(limit, ",")))
    return value


_TITLE_TOO_LONG = N_("is {length} characters long; a title may have at most {limit}")
_SUMMARY_TOO_LONG = N_("is {length} characters long; a summary may have at most {limit}")


def _check_text(value: str) -> str:
    if not value.strip():
        raise ValueError(Msg("must not be empty"))
    return _check_title_en(value)


def _check_title_en(value: str) -> str:
    return _limit(value, MAX_TITLE_LENGTH, _TITLE_TOO_LONG)


def _check_long(value: str) -> str:
    return _limit(value, MAX_SUMMARY_LENGTH, _SUMMARY_TOO_LONG)


Id = Annotated[str, AfterValidator(_check_id)]
Url = Annotated[str, AfterValidator(_check_url)]
Text = Annotated[str, AfterValidator(_check_text)]
TitleEn = Annotated[str, AfterValidator(_check_title_en)]
Long = Annotated[str, AfterValidator(_check_long)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, populate_by_name=True)


class Resource(_Model):
    """A resource as written in the file; see :class:`roadmap_cli.roadmap.model.Resource`."""

    title: Text
    url: Url
    kind: ResourceKind
    lang: str | None = None
    note: Long | None = None
    note_en: Long | None = None
    origin: Literal["editor"] | None = None
    editor_note: Long | None = None
    editor_note_en: Long | None = None


class Topic(_Model):
    """A topic as written in the file; see :class:`roadmap_cli.roadmap.model.Topic`."""

    id: Id
    title: Text
    title_en: TitleEn = ""
    summary: Long | None = None
    summary_en: Long | None = None
    editor_note: Long | None = None
    editor_note_en: Long | None = None
    requires: list[Id] = []
    optional: bool = False
    aliases: list[Id] = []
    resources: list[Resource] = []
    duration: str | None = None
    effort: str | None = None


class Stage(_Model):
    """A stage as written in the file; see :class:`roadmap_cli.roadmap.model.Stage`."""

    id: Id
    title: Text
    title_en: TitleEn = ""
    summary: Long | None = None
    summary_en: Long | None = None
    editor_note: Long | None = None
    editor_note_en: Long | None = None
    topics: list[Topic] = []


class Roadmap(_Model):
    """A whole roadmap file; ``schema`` is read into ``schema_version``."""

    schema_version: int = Field(alias="schema")
    id: Id
    title: Text
    title_en: TitleEn = ""
    language: str = "en"
    source: Url | None = None
    description: Long | None = None
    description_en: Long | None = None
    stages: list[Stage] = Field(min_length=1)


def to_plain(roadmap: Roadmap) -> models.Roadmap:
    """The validated ``roadmap`` as plain :mod:`roadmap_cli.roadmap.model` objects."""
    return models.Roadmap.from_dict(roadmap.model_dump(by_alias=False))


def outline(raw: dict[str, Any]) -> models.Roadmap:
    """The ids, titles, ``requires`` and ``aliases`` of a parsed roadmap file whose fields
    do not all validate, as plain models, so that the whole-roadmap checks
    (:func:`roadmap_cli.roadmap.catalog.check_roadmap`) can run on it too. Values of the wrong
    type become empty; items of the wrong type are kept as empty placeholders, so
    locations (``stages[2].topics[5]``) stay right. Never raises for bad content."""

    def items(parent: Any, key: str) -> list[dict[str, Any]]:
        value = parent.get(key) if isinstance(parent, dict) else None
        return [v if isinstance(v, dict) else {} for v in value] if isinstance(value, list) else []

    def ids(value: Any) -> list[str]:
        return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []

    def text_of(item: dict[str, Any], key: str) -> str:
        value = item.get(key)
        return value if isinstance(value, str) else ""

    stages = [
        models.Stage.model_construct(
            id=text_of(s, "id"),
            title=text_of(s, "title"),
            title_en=text_of(s, "title_en"),
            topics=[
                models.Topic.model_construct(
                    id=text_of(t, "id"),
                    title=text_of(t, "title"),
                    title_en=text_of(t, "title_en"),
                    requires=ids(t.get("requires")),
                    aliases=ids(t.get("aliases")),
                )
                for t in items(s, "topics")
            ],
        )
        for s in items(raw, "stages")
    ]
    language = raw.get("language")
    return models.Roadmap.model_construct(
        schema_version=1,
        id=text_of(raw, "id"),
        title=text_of(raw, "title"),
        language=language if isinstance(language, str) else "en",
        stages=stages,
    )
