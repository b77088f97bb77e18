"""Cached summaries of every roadmap in the library, and the links of their done topics.

``roadmap roadmaps`` shows a line per roadmap and ``next``/``show``/``list`` say when a
resource was studied in another roadmap; neither may read every roadmap and progress file
on every run. :class:`Index` keeps, in ``<data dir>/roadmaps/.index.json``, one
:class:`Summary` per roadmap together with the signature (modification time in
nanoseconds and size) of its roadmap file and progress file. An entry is used as long as
both signatures match, and rebuilt — one roadmap and one progress file read — when either
changed (a topic marked, the roadmap updated). The file is only a cache: a damaged or
missing one is rebuilt, and a failed write is ignored.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from roadmap_cli.library.store import BUNDLED_ID, Library
from roadmap_cli.support.i18n import N_
from roadmap_cli.support.records import record

if TYPE_CHECKING:
    from roadmap_cli.roadmap.model import Topic

__all__ = ["INDEX_FORMAT", "DoneElsewhere", "Index", "Summary", "done_elsewhere_for"]

#: Version of the index file's layout; another version is rebuilt.
INDEX_FORMAT = 1


@record(frozen=False)
class Summary:
    """One roadmap at a glance.

    Attributes:
        id: the roadmap id; path: its file; title, title_en, language: the roadmap's.
        topics, done, skipped, in_progress: counts of its topics by status.
        last_activity: the newest event's ``at`` (UTC ISO 8601), or None.
        done_links: canonical link (:func:`~roadmap_cli.library.links.canonical_link`) of
            a resource of a done topic → ``[topic id, when it was done (UTC ISO 8601)]``.
        error: why the roadmap or its progress could not be read (then counts are 0).
    """

    id: str
    path: str
    title: str = ""
    title_en: str = ""
    language: str = "en"
    topics: int = 0
    done: int = 0
    skipped: int = 0
    in_progress: int = 0
    last_activity: str | None = None
    done_links: dict[str, list[str]] = field(default_factory=dict)
    error: str | None = None

    def display_title(self, lang: str) -> str:
        """``title_en`` under English for a roadmap in another language, else ``title``."""
        if lang == "en" and self.language != "en" and self.title_en:
            return self.title_en
        return self.title


@record
class DoneElsewhere:
    """A resource of a topic here that a done topic of another roadmap shares."""

    roadmap: str
    topic: str
    at: datetime

    def to_json(self) -> dict[str, str]:
        """``{roadmap, topic, at}`` (``at`` in UTC ISO 8601)."""
        from roadmap_cli.progress.events import format_time

        return {"roadmap": self.roadmap, "topic": self.topic, "at": format_time(self.at)}


def _signature(path: Path) -> list[int] | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return [stat.st_mtime_ns, stat.st_size]


def build_summary(roadmap_id: str, path: Path, data_dir: Path) -> Summary:
    """Read the roadmap file ``path`` and its progress in ``data_dir`` and summarise them.
    Never raises: a roadmap or progress that cannot be read gives a summary with
    ``error`` set."""
    from roadmap_cli.errors import RoadmapError
    from roadmap_cli.library.links import canonical_link
    from roadmap_cli.progress.events import format_time
    from roadmap_cli.progress.snapshot import snapshot
    from roadmap_cli.progress.store import ProgressStore
    from roadmap_cli.roadmap.cache import cache_dir
    from roadmap_cli.roadmap.catalog import load_catalog

    summary = Summary(roadmap_id, str(path))
    try:
        catalog = load_catalog(path, cache_dir())
        roadmap = catalog.roadmap
        summary.title, summary.title_en = roadmap.title, roadmap.title_en or ""
        summary.language = roadmap.language
        progress = ProgressStore(data_dir, roadmap.id).load()
    except RoadmapError as exc:
        summary.error = exc.message
        return summary
    snap = snapshot(catalog, progress)
    summary.topics = len(catalog.topics)
    for topic_id, topic in catalog.topics.items():
        state = snap.state(topic_id)
        if state.status == "done":
            summary.done += 1
            when = format_time(state.since) if state.since else ""
            for resource in topic.resources:
                link = canonical_link(resource.url)
                if link and link not in summary.done_links:
                    summary.done_links[link] = [topic_id, when]
        elif state.status == "skipped":
            summary.skipped += 1
        elif state.status == "in_progress":
            summary.in_progress += 1
    if progress.events:
        summary.last_activity = format_time(max(e.at for e in progress.events))
    return summary


class Index:
    """The cached summaries of one data folder's roadmaps (see the module docstring)."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self.path = library.folder / ".index.json"
        self._entries: dict[str, Any] | None = None
        self._dirty = False

    def _load(self) -> dict[str, Any]:
        if self._entries is None:
            try:
                raw = json.loads(self.path.read_text(encoding="utf-8"))
                ok = isinstance(raw, dict) and raw.get("format") == INDEX_FORMAT
                entries = raw.get("roadmaps") if ok else None
                self._entries = entries if isinstance(entries, dict) else {}
            except (OSError, ValueError):
                self._entries = {}
        return self._entries

    def summary(self, roadmap_id: str, path: Path) -> Summary:
        """The summary of the roadmap ``roadmap_id`` whose file is ``path``: from the
        cache when neither file changed, else read afresh (and cached). Never raises."""
        entries = self._load()
        signature = [
            str(path),
            _signature(path),
            _signature(self.library.progress_path(roadmap_id)),
        ]
        cached = entries.get(roadmap_id)
        if isinstance(cached, dict) and cached.get("signature") == signature:
            try:
                return Summary(**cached["summary"])
            except (TypeError, KeyError):
                pass
        summary = build_summary(roadmap_id, path, self.library.data_dir)
        entries[roadmap_id] = {"signature": signature, "summary": asdict(summary)}
        self._dirty = True
        return summary

    def save(self) -> None:
        """Write the cache if anything changed, dropping roadmaps no longer installed.
        Never raises (the cache is rebuilt next time)."""
        if not self._dirty or self._entries is None:
            return
        from roadmap_cli.errors import RoadmapError
        from roadmap_cli.support.atomic import write_file

        keep = {*self.library.ids(), BUNDLED_ID}
        entries = {k: v for k, v in self._entries.items() if k in keep}
        text = json.dumps({"format": INDEX_FORMAT, "roadmaps": entries}, ensure_ascii=False)
        try:
            self.library.folder.mkdir(parents=True, exist_ok=True)
            write_file(self.path, text + "\n", force=True, what=N_("roadmap index"))
        except (OSError, RoadmapError):
            return
        self._dirty = False


def roadmap_files(library: Library) -> list[tuple[str, Path]]:
    """Every roadmap of the library: the bundled one first, then the installed ones by id,
    as ``(id, file)``."""
    from roadmap_cli.roadmap.bundled import bundled_roadmap_path

    return [(BUNDLED_ID, bundled_roadmap_path())] + [(i, library.path(i)) for i in library.ids()]


def done_elsewhere(
    library: Library, current_id: str, links: dict[str, list[str]]
) -> dict[str, list[DoneElsewhere]]:
    """For topics of the roadmap ``current_id``: which done topics of the library's other
    roadmaps share a resource with them.

    Args:
        library: the installed roadmaps.
        current_id: the roadmap in use (left out).
        links: topic id → the canonical links of its resources.

    Returns:
        topic id → one :class:`DoneElsewhere` per other roadmap and topic, oldest first;
        topics without any are left out. Reads only the index (and rebuilds the entries of
        roadmaps that changed); with nothing installed, reads nothing. Never raises.
    """
    others = [(i, p) for i, p in roadmap_files(library) if i != current_id]
    if not library.ids() or not others or not links:
        return {}
    index = Index(library)
    found: dict[str, list[DoneElsewhere]] = {}
    for roadmap_id, path in others:
        summary = index.summary(roadmap_id, path)
        if not summary.done_links:
            continue
        for topic_id, topic_links in links.items():
            seen: set[str] = {f"{h.roadmap}/{h.topic}" for h in found.get(topic_id, [])}
            for link in topic_links:
                hit = summary.done_links.get(link)
                if hit is None or f"{roadmap_id}/{hit[0]}" in seen:
                    continue
                seen.add(f"{roadmap_id}/{hit[0]}")
                try:
                    at = datetime.fromisoformat(hit[1])
                except (ValueError, IndexError):
                    continue
                found.setdefault(topic_id, []).append(DoneElsewhere(roadmap_id, hit[0], at))
    index.save()
    for hits in found.values():
        hits.sort(key=lambda h: h.at)
    return found


def done_elsewhere_for(
    data_dir: Path, roadmap_id: str, topics: list[Topic]
) -> dict[str, list[DoneElsewhere]]:
    """For ``topics`` of the roadmap ``roadmap_id``: the done topics of the other roadmaps
    of the library in ``data_dir`` that share one of their resources (see
    :func:`done_elsewhere`). Costs one directory listing when nothing is installed.
    Never raises."""
    from roadmap_cli.errors import RoadmapError
    from roadmap_cli.library.links import canonical_link

    try:
        library = Library(data_dir)
        if not library.ids():
            return {}
        links = {t.id: [c for r in t.resources if (c := canonical_link(r.url))] for t in topics}
        return done_elsewhere(library, roadmap_id, links)
    except (RoadmapError, OSError):
        return {}
