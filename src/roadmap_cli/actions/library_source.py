"""Reading a roadmap's source for ``roadmap add`` and ``roadmap update``: a file or a web
address, Markdown through the importer (relative links made absolute), TOML checked, the
result ready to store."""

from __future__ import annotations

import hashlib
import re
import shutil
import tempfile
from dataclasses import field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from roadmap_cli.errors import RoadmapError, UsageError
from roadmap_cli.library.store import SourceRecord
from roadmap_cli.support.i18n import _
from roadmap_cli.support.records import record

if TYPE_CHECKING:
    from roadmap_cli.library.fetch import ProgressCallback
    from roadmap_cli.roadmap.model import Roadmap

_MARKDOWN = (".md", ".markdown")


@record(frozen=False)
class _Built:
    """A roadmap made from a source: its TOML text, the validated roadmap and what the
    import said."""

    text: str
    roadmap: Roadmap
    record: SourceRecord
    relinked: int = 0
    warnings: list[str] = field(default_factory=list)
    ticked: list[str] | None = None


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
    from roadmap_cli.support.capped import TooLargeError, read_capped

    try:
        data = read_capped(path, MAX_BYTES)  # /dev/zero or a pipe stops too
    except TooLargeError:
        raise RoadmapError(
            _("{path}: is larger than 5 MB, too large for a roadmap").format(path=path)
        ) from None
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
        raise FetchError(source, _("is not UTF-8 text (byte {n})").format(n=exc.start)) from None
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
        errors = [p.shown() for p in problems if p.severity == "error"]
        raise _not_a_roadmap(source, errors[0] if errors else _("it does not validate"))
    warnings = [str(p) for p in problems if p.severity == "warning"]
    return _Built(toml, final, record, relinked, warnings, ticked)


def _from_toml(source: str, text: str, roadmap_id: str | None) -> str:
    from roadmap_cli.roadmap.catalog import check_roadmap
    from roadmap_cli.roadmap.model import is_valid_id

    checked, problems = check_roadmap(text.encode("utf-8"))
    if checked is None:
        errors = [p.shown() for p in problems if p.severity == "error"]
        raise _not_a_roadmap(source, errors[0] if errors else _("it does not validate"))
    if roadmap_id is not None and roadmap_id != checked.id:
        if not is_valid_id(roadmap_id):
            raise UsageError(
                _("--id: {id!r} is not a valid roadmap id").format(id=roadmap_id),
                _("use lower-case ASCII letters, digits and '-', starting with a letter or digit"),
            )
        renamed = with_roadmap_id(text, roadmap_id)
        if renamed is None:
            raise _not_a_roadmap(source, _("its top-level id cannot be replaced"))
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
