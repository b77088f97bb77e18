"""JSON pieces the result objects share: references to a roadmap, stage, topic, resource or note."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from roadmap_cli.progress.events import Event, Status, format_time
from roadmap_cli.roadmap.model import Resource, Roadmap, Stage, Topic


def iso_or_none(at: datetime | None) -> str | None:
    """``format_time(at)``, or None when there is no time."""
    return format_time(at) if at else None


def resource_json(resource: Resource) -> dict[str, Any]:
    """``{title, url, kind, lang, note, note_en, origin}``; ``origin`` is ``"editor"`` for
    an editor's pick, null for the author's own resource."""
    return resource.model_dump(mode="json")


def topic_ref(topic: Topic, status: Status | None = None) -> dict[str, Any]:
    """``{id, title, title_en[, status]}``."""
    out: dict[str, Any] = {"id": topic.id, "title": topic.title, "title_en": topic.title_en}
    if status is not None:
        out["status"] = status
    return out


def stage_ref(stage: Stage) -> dict[str, Any]:
    """``{id, title, title_en}``."""
    return {"id": stage.id, "title": stage.title, "title_en": stage.title_en}


def roadmap_ref(roadmap: Roadmap) -> dict[str, Any]:
    """``{id, title, title_en, language, source}``."""
    return {
        "id": roadmap.id,
        "title": roadmap.title,
        "title_en": roadmap.title_en,
        "language": roadmap.language,
        "source": roadmap.source,
    }


def guidance_json(item: Topic | Stage) -> dict[str, Any]:
    """``{summary, summary_en, editor_note, editor_note_en}`` (each None when absent)."""
    return {
        "summary": item.summary,
        "summary_en": item.summary_en,
        "editor_note": item.editor_note,
        "editor_note_en": item.editor_note_en,
    }


def note_json(event: Event) -> dict[str, Any]:
    """``{id, at, text}``."""
    return {"id": event.id, "at": format_time(event.at), "text": event.note}
