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

import hashlib
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

from roadmap_cli.actions.context import AppContext
from roadmap_cli.errors import RoadmapError, UsageError
from roadmap_cli.library.index import Summary
from roadmap_cli.library.store import BUNDLED_ID, Library, SourceRecord
from roadmap_cli.support.i18n import _

if TYPE_CHECKING:
    from roadmap_cli.library.fetch import ProgressCallback
    from roadmap_cli.roadmap.catalog import Catalog
    from roadmap_cli.roadmap.model import Roadmap, Topic

__all__ = [
    "AddResult",
    "RemoveResult",
    "RoadmapsResult",
    "UpdateResult",
    "UseResult",
    "add",
    "list_roadmaps",
    "remove",
    "update",
    "use",
]

#: Batch ids of the events ``add --progress`` records start with this, as those of
#: ``import --progress`` do: ``roadmap undo`` reverts them as one change.
IMPORT_BATCH_PREFIX = "import-"
_MARKDOWN = (".md", ".markdown")


@dataclass
class _Built:
    """A roadmap made from a source: its TOML text, the validated roadmap and what the
    import said."""

    text: str
    roadmap: Roadmap
    record: SourceRecord
    relinked: int = 0
    warnings: list[str] = field(default_factory=list)
    ticked: list[str] | None = None


@dataclass
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


@dataclass
class UseResult:
    """What ``roadmap use`` chose."""

    roadmap_id: str
    title: str
    title_en: str
    language: str
    path: Path
    config: Path
    overridden_by: str | None = None

    def display_title(self, lang: str) -> str:
        """``title_en`` under English for a roadmap in another language, else ``title``."""
        if lang == "en" and self.language != "en" and self.title_en:
            return self.title_en
        return self.title

    def to_json(self) -> dict[str, Any]:
        """``{id, title, title_en, path, config, overridden_by}``: ``overridden_by`` names
        the ``--roadmap`` / ``ROADMAP_FILE`` value that still wins for now, or null."""
        return {
            "id": self.roadmap_id,
            "title": self.title,
            "title_en": self.title_en,
            "path": str(self.path),
            "config": str(self.config),
            "overridden_by": self.overridden_by,
        }


@dataclass
class RoadmapsResult:
    """``roadmap roadmaps``: every roadmap of the library, the bundled one first."""

    summaries: list[Summary]
    in_use: str | None
    sources: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """``{in_use, roadmaps: [{id, title, title_en, bundled, in_use, path, source,
        progress: {topics, done, skipped, in_progress, percent}, last_activity,
        error}]}``."""
        rows = []
        for s in self.summaries:
            finished = s.done + s.skipped
            rows.append(
                {
                    "id": s.id,
                    "title": s.title,
                    "title_en": s.title_en,
                    "bundled": s.id == BUNDLED_ID,
                    "in_use": s.id == self.in_use,
                    "path": s.path,
                    "source": self.sources.get(s.id),
                    "progress": {
                        "topics": s.topics,
                        "done": s.done,
                        "skipped": s.skipped,
                        "in_progress": s.in_progress,
                        "percent": round(100 * finished / s.topics, 1) if s.topics else 0.0,
                    },
                    "last_activity": s.last_activity,
                    "error": s.error,
                }
            )
        return {"in_use": self.in_use, "roadmaps": rows}


@dataclass
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


@dataclass
class RemoveResult:
    """What ``roadmap remove`` removed and what it left."""

    roadmap_id: str
    path: Path
    progress: Path
    progress_exists: bool
    source: str | None
    was_in_use: bool

    def to_json(self) -> dict[str, Any]:
        """``{id, removed, progress, progress_exists, source, was_in_use}``."""
        return {
            "id": self.roadmap_id,
            "removed": str(self.path),
            "progress": str(self.progress),
            "progress_exists": self.progress_exists,
            "source": self.source,
            "was_in_use": self.was_in_use,
        }


# --- reading a source ------------------------------------------------------------------


def _is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def _read(source: str, progress: ProgressCallback | None) -> tuple[bytes, str, str]:
    """``(bytes, fetched_from, file name)`` of ``source``.

    Raises:
        UsageError: an address other than http(s), or a file that is not .md/.toml.
        RoadmapError, FetchError: the file cannot be read / the download failed.
    """
    from roadmap_cli.library.fetch import MAX_BYTES, fetch

    if _is_url(source):
        fetched = fetch(source, progress=progress)
        name = unquote(urlsplit(fetched.url).path.rstrip("/").rsplit("/", 1)[-1])
        return fetched.data, fetched.final_url, name
    if re.match(r"^[A-Za-z][A-Za-z0-9+.-]+://", source):
        raise UsageError(
            _("SOURCE: {source}: only http(s) addresses can be downloaded").format(source=source),
            _("give an http:// or https:// address, or a local .md or .toml file"),
        )
    path = Path(source).expanduser()
    if path.suffix.lower() not in (*_MARKDOWN, ".toml"):
        raise UsageError(
            _("SOURCE: {source}: not a .md or .toml file").format(source=source),
            _("give a Markdown (.md) or roadmap (.toml) file, or an http(s) address"),
        )
    try:
        if path.stat().st_size > MAX_BYTES:
            raise RoadmapError(
                _("{path}: is larger than 5 MB, too large for a roadmap").format(path=path)
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise RoadmapError(
            _("{path}: no such file").format(path=path), _("check the path")
        ) from None
    except IsADirectoryError:
        raise RoadmapError(
            _("{path}: is a folder").format(path=path), _("give a .md or .toml file")
        ) from None
    except OSError as exc:
        raise RoadmapError(
            _("{path}: cannot read the file ({reason})").format(path=path, reason=exc.strerror)
        ) from None
    absolute = str(path.resolve())
    return data, absolute, path.name


def _kind(name: str, text: str) -> str:
    """ "toml" or "markdown": by the file name, else by the contents."""
    lower = name.lower()
    if lower.endswith(".toml"):
        return "toml"
    if lower.endswith(_MARKDOWN):
        return "markdown"
    import tomllib

    try:
        data = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, RecursionError):
        return "markdown"
    return "toml" if "stages" in data else "markdown"


def with_roadmap_id(text: str, roadmap_id: str) -> str | None:
    """The roadmap TOML ``text`` with its top-level ``id`` replaced by ``roadmap_id``;
    None when there is no top-level ``id = "..."`` line before the first table."""
    lines = text.splitlines(keepends=True)
    pattern = re.compile(r"""^(\s*id\s*=\s*)("[^"\\]*"|'[^']*')(.*)$""", re.DOTALL)
    for number, line in enumerate(lines):
        if re.match(r"\s*\[", line):
            return None
        match = pattern.match(line)
        if match:
            lines[number] = f'{match.group(1)}"{roadmap_id}"{match.group(3)}'
            return "".join(lines)
    return None


def _not_a_roadmap(source: str, reason: str) -> RoadmapError:
    return RoadmapError(
        _("{source}: not a roadmap ({reason}); nothing was written").format(
            source=source, reason=reason
        ),
        _("give a Markdown learning roadmap or a roadmap TOML file"),
    )


def _build(
    source: str,
    roadmap_id: str | None,
    *,
    previous: Path | None,
    progress: ProgressCallback | None,
    known: SourceRecord | None = None,
) -> _Built | None:
    """Read ``source`` and make the roadmap it holds; None when ``known`` is given and
    the bytes read are the same as then (nothing to do).

    Raises:
        UsageError, RoadmapError, FetchError: see :func:`add`.
    """
    from roadmap_cli.library.fetch import FetchError
    from roadmap_cli.roadmap.catalog import check_roadmap
    from roadmap_cli.support.clock import now_utc

    data, fetched_from, name = _read(source, progress)
    digest = hashlib.sha256(data).hexdigest()
    if known is not None and known.sha256 == digest:
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FetchError(source, f"is not UTF-8 text (byte {exc.start})") from None
    kind = _kind(name, text)
    record = SourceRecord(
        source=source if _is_url(source) else fetched_from,
        fetched_from=fetched_from,
        kind=kind,
        fetched_at=now_utc().strftime("%Y-%m-%dT%H:%M:%SZ"),
        sha256=digest,
    )
    relinked, ticked = 0, None
    if kind == "toml":
        toml = _from_toml(source, text, roadmap_id)
    else:
        toml, relinked, ticked = _from_markdown(source, text, name, roadmap_id, previous)
    final, problems = check_roadmap(toml.encode("utf-8"))
    if final is None:
        errors = [str(p) for p in problems if p.severity == "error"]
        raise _not_a_roadmap(source, errors[0] if errors else "it does not validate")
    warnings = [str(p) for p in problems if p.severity == "warning"]
    return _Built(toml, final, record, relinked, warnings, ticked)


def _from_toml(source: str, text: str, roadmap_id: str | None) -> str:
    from roadmap_cli.roadmap.catalog import check_roadmap
    from roadmap_cli.roadmap.model import is_valid_id

    checked, problems = check_roadmap(text.encode("utf-8"))
    if checked is None:
        errors = [str(p) for p in problems if p.severity == "error"]
        raise _not_a_roadmap(source, errors[0] if errors else "it does not validate")
    if roadmap_id is not None and roadmap_id != checked.id:
        if not is_valid_id(roadmap_id):
            raise UsageError(
                _("--id: {id!r} is not a valid roadmap id").format(id=roadmap_id),
                _("use lower-case ASCII letters, digits and '-', starting with a letter or digit"),
            )
        renamed = with_roadmap_id(text, roadmap_id)
        if renamed is None:
            raise _not_a_roadmap(source, "its top-level id cannot be replaced")
        text = renamed
    return text


def _from_markdown(
    source: str,
    text: str,
    name: str,
    roadmap_id: str | None,
    previous: Path | None,
) -> tuple[str, int, list[str] | None]:
    """The TOML the importer makes of ``text``, how many relative links were made
    absolute, and the ticked topics when the importer reports them (else None)."""
    from roadmap_cli.actions.import_ import run_import
    from roadmap_cli.library.links import resolve_relative_links

    relinked = 0
    if _is_url(source):
        text, relinked = resolve_relative_links(text, source)
    safe_name = re.sub(r"[^\w.-]", "_", name) or "roadmap.md"
    if not safe_name.lower().endswith(_MARKDOWN):
        safe_name += ".md"
    with tempfile.TemporaryDirectory(prefix="roadmap-add-") as folder:
        markdown = Path(folder) / safe_name
        markdown.write_text(text, encoding="utf-8")
        output = None
        if previous is not None:
            output = Path(folder) / "previous.toml"
            shutil.copyfile(previous, output)
        try:
            result = run_import(
                markdown,
                output=output,
                roadmap_id=roadmap_id,
                source=source if _is_url(source) else None,
                force=output is not None,
            )
        except UsageError:
            raise
        except RoadmapError as exc:
            reason = exc.message.replace(f"{markdown}: ", "").replace(str(markdown), name)
            if output is not None:
                reason = reason.replace(f"{output}: ", "")
            raise _not_a_roadmap(source, reason) from None
        toml = result.text.replace(str(markdown), source)
    toml = re.sub(
        r"^# Command: .*$",
        lambda _: (
            f"# Command:   roadmap add {source}  (refresh: roadmap update {result.roadmap_id})"
        ),
        toml,
        count=1,
        flags=re.MULTILINE,
    )
    # the importer's ticked boxes ('- [x]'), on versions that read them
    ticked = getattr(result, "ticked", None)
    return toml, relinked, list(ticked) if isinstance(ticked, list) else None


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


def use(app: AppContext, roadmap_id: str) -> UseResult:
    """Make ``roadmap_id`` (installed, or the bundled one) the default roadmap.

    Raises:
        UsageError: not installed (exit 2; the installed ids are suggested).
        RoadmapFileError: the roadmap does not load (exit 1; nothing changed).
        RoadmapError: the config file cannot be written (exit 1).
    """
    from roadmap_cli.library.config import write_default
    from roadmap_cli.roadmap.cache import cache_dir
    from roadmap_cli.roadmap.catalog import load_catalog

    _, path = _known(app, roadmap_id)
    catalog = load_catalog(path, cache_dir())
    config = write_default(None if roadmap_id == BUNDLED_ID else roadmap_id)
    overridden = str(app.roadmap_file) if app.roadmap_file is not None else None
    roadmap = catalog.roadmap
    return UseResult(
        roadmap_id,
        roadmap.title,
        roadmap.title_en or "",
        roadmap.language,
        path,
        config,
        overridden,
    )


def list_roadmaps(app: AppContext) -> RoadmapsResult:
    """Every installed roadmap and the bundled one, from the cached summaries.

    Raises:
        nothing a user causes: a roadmap that cannot be read shows its error.
    """
    from roadmap_cli.library.index import Index, roadmap_files

    library = Library(app.data_folder)
    try:
        current = app.roadmap_path.resolve()
    except RoadmapError:
        current = None
    index = Index(library)
    summaries = []
    in_use = None
    sources = {}
    for roadmap_id, path in roadmap_files(library):
        summaries.append(index.summary(roadmap_id, path))
        if current is not None and path.resolve() == current:
            in_use = roadmap_id
        record = library.read_source(roadmap_id)
        if record is not None:
            sources[roadmap_id] = record.source
    index.save()
    return RoadmapsResult(summaries, in_use, sources)


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


def remove(app: AppContext, roadmap_id: str) -> RemoveResult:
    """Delete the installed roadmap ``roadmap_id`` (file and source record); its progress
    file stays. When it was the default, the bundled roadmap becomes the default.

    Raises:
        UsageError: not installed, or the bundled roadmap (exit 2).
        RoadmapError: a file cannot be deleted or the config written (exit 1).
    """
    from roadmap_cli.library.config import read_default, write_default

    if roadmap_id == BUNDLED_ID:
        raise UsageError(
            _("ID: {id} is the bundled roadmap; it cannot be removed").format(id=BUNDLED_ID),
            _("switch to another roadmap with {command}").format(command="'roadmap use ID'"),
        )
    library, path = _known(app, roadmap_id)
    record = library.read_source(roadmap_id)
    in_use = read_default() == roadmap_id
    library.uninstall(roadmap_id)
    if in_use:
        write_default(None)
    store = app.store_for(roadmap_id)
    return RemoveResult(
        roadmap_id,
        path,
        store.path,
        store.exists(),
        record.source if record else None,
        in_use,
    )
