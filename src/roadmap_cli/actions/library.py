"""``roadmap add``, ``use``, ``roadmaps``, ``update`` and ``remove``: the library of
roadmaps (:mod:`roadmap_cli.library`).

``add`` reads a ``.md`` or ``.toml`` file or downloads an http(s) address
(:func:`roadmap_cli.library.fetch.fetch`), turns Markdown into a roadmap through
:func:`roadmap_cli.actions.import_.run_import` (relative links made absolute against the
original address first), validates the result and installs it as
``<data dir>/roadmaps/<id>.toml`` with its source record. ``update`` does the same again,
keeping ids through the importer's id keeping (the installed file is the "earlier output"),
and reports what changed. Nothing is written when anything fails.
"""

from __future__ import annotations

from dataclasses import field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from roadmap_cli.actions.context import AppContext
from roadmap_cli.actions.library_source import (
    _build,
)
from roadmap_cli.errors import RoadmapError, UsageError
from roadmap_cli.library.store import BUNDLED_ID, Library, SourceRecord
from roadmap_cli.support.i18n import _
from roadmap_cli.support.records import record

if TYPE_CHECKING:
    from roadmap_cli.library.fetch import ProgressCallback
    from roadmap_cli.roadmap.catalog import Catalog
    from roadmap_cli.roadmap.model import Roadmap, Topic

__all__ = [
    "AddResult",
    "UpdateResult",
    "add",
    "update",
]

#: Batch ids of the events ``add --progress`` records start with this, as those of
#: ``import --progress`` do: ``roadmap undo`` reverts them as one change.
IMPORT_BATCH_PREFIX = "import-"


@record(frozen=False)
class AddResult:
    """What ``roadmap add`` installed."""

    roadmap_id: str
    title: str
    path: Path
    record: SourceRecord
    stages: int
    topics: int
    resources: int
    relinked: int = 0
    marks: int = 0
    recorded: list[str] | None = None
    warnings: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """``{id, title, path, source: {source, fetched_from, kind, fetched_at, sha256},
        counts: {stages, topics, resources}, relinked, marks, recorded_done, warnings}``:
        ``relinked`` counts relative links made absolute, ``marks`` topics already marked
        in earlier progress of this id, ``recorded_done`` the ids ``--progress`` marked
        done (null without it)."""
        return {
            "id": self.roadmap_id,
            "title": self.title,
            "path": str(self.path),
            "source": self.record.to_json(),
            "counts": {"stages": self.stages, "topics": self.topics, "resources": self.resources},
            "relinked": self.relinked,
            "marks": self.marks,
            "recorded_done": self.recorded,
            "warnings": self.warnings,
        }


@record(frozen=False)
class UpdateResult:
    """What ``roadmap update`` found and did."""

    roadmap_id: str
    source: str
    unchanged: bool
    written: bool
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    renamed: list[tuple[str, str, str, str]] = field(default_factory=list)
    orphans: list[str] = field(default_factory=list)
    topics: int = 0

    def to_json(self) -> dict[str, Any]:
        """``{id, source, unchanged, written, topics, added, removed, renamed: [{from_id,
        to_id, from_title, to_title}], orphaned_marks}``."""
        return {
            "id": self.roadmap_id,
            "source": self.source,
            "unchanged": self.unchanged,
            "written": self.written,
            "topics": self.topics,
            "added": self.added,
            "removed": self.removed,
            "renamed": [
                {"from_id": a, "to_id": b, "from_title": c, "to_title": d}
                for a, b, c, d in self.renamed
            ],
            "orphaned_marks": self.orphans,
        }


# --- reading a source ------------------------------------------------------------------


def _check_clash(library: Library, roadmap_id: str, given: str | None) -> None:
    if roadmap_id == BUNDLED_ID:
        raise UsageError(
            _("{id}: is the id of the bundled roadmap; nothing was written").format(id=roadmap_id),
            _("pass --id ANOTHER-ID to install it under another id"),
        )
    if library.has(roadmap_id):
        option = "--id" if given else _("the roadmap's id")
        raise UsageError(
            _("{option}: a roadmap {id!r} is already installed; nothing was written").format(
                option=option, id=roadmap_id
            ),
            _("pass --id ANOTHER-ID to install it beside it, or {command}").format(
                command=f"'roadmap update {roadmap_id}'"
            ),
        )


def _topics(roadmap: Roadmap) -> list[Topic]:
    return [t for s in roadmap.stages for t in s.topics]


def _record_done(app: AppContext, roadmap_id: str, topic_ids: list[str]) -> list[str]:
    """Record ``done`` (now) for each of ``topic_ids`` not yet done or skipped, as one
    batch; returns the ids recorded."""
    from roadmap_cli.progress.events import Event, new_event_id
    from roadmap_cli.progress.log import Progress, fold
    from roadmap_cli.support.clock import now_utc

    recorded: list[str] = []

    def change(progress: Progress) -> None:
        states = fold(progress.events)
        todo = [
            t
            for t in dict.fromkeys(topic_ids)
            if t not in states or states[t].status not in ("done", "skipped")
        ]
        if not todo:
            return
        batch = IMPORT_BATCH_PREFIX + new_event_id()
        now = now_utc()
        for topic in todo:
            progress.add(Event(id=new_event_id(), at=now, topic=topic, status="done", batch=batch))
        recorded.extend(todo)

    if topic_ids:
        app.store_for(roadmap_id).update(change)
    return recorded


# --- the commands ----------------------------------------------------------------------


def add(
    app: AppContext,
    source: str,
    roadmap_id: str | None = None,
    *,
    record_progress: bool = False,
    progress: ProgressCallback | None = None,
) -> AddResult:
    """Install the roadmap at ``source`` (a .md/.toml file or an http(s) address).

    Args:
        app: the global options (the data folder).
        source: the file or address.
        roadmap_id: ``--id``; default the roadmap's own id (Markdown: from the file name).
        record_progress: ``--progress``: record the ticked boxes ("- [x]") of a Markdown
            source as done (one undoable batch).
        progress: called as a download goes on (see :mod:`roadmap_cli.library.fetch`).

    Raises:
        UsageError: a bad SOURCE or ``--id``, an id already installed or the bundled one,
            ``--progress`` where there are no boxes to read (exit 2).
        FetchError: the download failed, or the bytes are not UTF-8 (exit 1).
        RoadmapError: the file cannot be read, is not a roadmap, or cannot be written
            (exit 1). Nothing is written when anything fails.
    """
    library = Library(app.data_folder)
    if roadmap_id is not None:
        from roadmap_cli.roadmap.model import is_valid_id

        if not is_valid_id(roadmap_id):
            raise UsageError(
                _("--id: {id!r} is not a valid roadmap id").format(id=roadmap_id),
                _("use lower-case ASCII letters, digits and '-', starting with a letter or digit"),
            )
        _check_clash(library, roadmap_id, roadmap_id)
    built = _build(source, roadmap_id, previous=None, progress=progress)
    if built is None:  # pragma: no cover - only with a known record
        raise RoadmapError(_("{source}: nothing to add").format(source=source))
    if record_progress and built.record.kind != "markdown":
        raise UsageError(
            _("--progress: only a Markdown source has ticked boxes to record"),
            _("leave out --progress for a .toml roadmap"),
        )
    if record_progress and built.ticked is None:
        raise UsageError(
            _("--progress: this version's importer does not read ticked boxes ('- [x]')"),
            _(
                "add the roadmap without --progress, then mark what you finished with {command}"
            ).format(command="'roadmap done'"),
        )
    final_id = built.roadmap.id
    _check_clash(library, final_id, roadmap_id)
    path = library.install(final_id, built.text, built.record, replace=False)
    recorded = _record_done(app, final_id, built.ticked or []) if record_progress else None
    topics = _topics(built.roadmap)
    marks = 0
    store = app.store_for(final_id)
    if store.exists():
        from roadmap_cli.progress.log import fold

        try:
            ids = {t.id for t in topics} | {a for t in topics for a in t.aliases}
            states = fold(store.load().events)
            marks = sum(1 for k, v in states.items() if k in ids and v.status != "todo")
        except RoadmapError:
            marks = 0
    return AddResult(
        roadmap_id=final_id,
        title=built.roadmap.title,
        path=path,
        record=built.record,
        stages=len(built.roadmap.stages),
        topics=len(topics),
        resources=sum(len(t.resources) for t in topics),
        relinked=built.relinked,
        marks=marks,
        recorded=recorded,
        warnings=built.warnings,
    )


def _known(app: AppContext, roadmap_id: str, option: str = "ID") -> tuple[Library, Path]:
    library = Library(app.data_folder)
    if roadmap_id == BUNDLED_ID:
        from roadmap_cli.roadmap.bundled import bundled_roadmap_path

        return library, bundled_roadmap_path()
    return library, library.require(roadmap_id, option)


def _diff(old: Catalog, new: Roadmap, result: UpdateResult) -> None:
    new_topics = {t.id: t for t in _topics(new)}
    alias_to = {a: t.id for t in new_topics.values() for a in t.aliases}
    for old_id, topic in old.topics.items():
        if old_id in new_topics:
            if new_topics[old_id].title != topic.title:
                result.renamed.append((old_id, old_id, topic.title, new_topics[old_id].title))
        elif old_id in alias_to:
            target = new_topics[alias_to[old_id]]
            result.renamed.append((old_id, target.id, topic.title, target.title))
        else:
            result.removed.append(old_id)
    became = {b for _, b, _, _ in result.renamed}
    result.added = [i for i in new_topics if i not in old.topics and i not in became]
    result.topics = len(new_topics)


def update(
    app: AppContext, roadmap_id: str, *, yes: bool = False, progress: ProgressCallback | None = None
) -> UpdateResult:
    """Read the source of the installed roadmap ``roadmap_id`` again and install what it
    holds now, keeping topic ids (Markdown: the importer's id keeping).

    Args:
        app: the global options.
        roadmap_id: an installed roadmap.
        yes: go ahead even when more than a fifth of the topics would disappear.
        progress: called as a download goes on.

    Raises:
        UsageError: not installed, or the bundled roadmap (exit 2).
        FetchError, RoadmapError: the source cannot be read or is no longer a roadmap; more
            than a fifth of the topics would disappear without ``yes`` (exit 1; nothing
            written).
    """
    from roadmap_cli.progress.log import fold
    from roadmap_cli.roadmap.cache import cache_dir
    from roadmap_cli.roadmap.catalog import Catalog, load_catalog

    if roadmap_id == BUNDLED_ID:
        raise UsageError(
            _("ID: {id} is the bundled roadmap; it is updated with the program").format(
                id=BUNDLED_ID
            ),
            _("update roadmap-cli itself, e.g. {command}").format(
                command="'pip install -U roadmap-cli'"
            ),
        )
    library, path = _known(app, roadmap_id)
    record = library.read_source(roadmap_id)
    if record is None:
        raise RoadmapError(
            _("{path}: missing or damaged; the source is unknown").format(
                path=library.source_path(roadmap_id)
            ),
            _("remove it and add it again ({remove}, {add})").format(
                remove=f"'roadmap remove {roadmap_id}'", add="'roadmap add SOURCE'"
            ),
        )
    old = load_catalog(path, cache_dir())
    built = _build(record.source, roadmap_id, previous=path, progress=progress, known=record)
    result = UpdateResult(roadmap_id, record.source, unchanged=built is None, written=False)
    if built is None:
        result.topics = len(old.topics)
        return result
    _diff(old, built.roadmap, result)
    new_catalog = Catalog(built.roadmap, path)
    store = app.store_for(roadmap_id)
    if store.exists():
        states = fold(store.load().events, old.canonical_id)
        result.orphans = [
            k
            for k, v in states.items()
            if k in old.topics and v.status != "todo" and new_catalog.canonical_id(k) is None
        ]
    if len(result.removed) * 5 > len(old.topics) and not yes:
        raise RoadmapError(
            _(
                "{id}: the update would remove {n} of {total} topics (more than a fifth); "
                "nothing was written"
            ).format(id=roadmap_id, n=len(result.removed), total=len(old.topics)),
            _("check the source ({source}), then run {command}").format(
                source=record.source, command=f"'roadmap update {roadmap_id} --yes'"
            ),
            [_("would remove: {ids}").format(ids=", ".join(result.removed[:30]))],
        )
    library.install(roadmap_id, built.text, built.record, replace=True)
    result.written = True
    return result
