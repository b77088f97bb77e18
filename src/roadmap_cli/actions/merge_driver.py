"""``roadmap progress merge-driver BASE OURS THEIRS``: the merge driver git calls for
progress files and installed roadmaps (registered by ``roadmap sync --init``).

Its messages (what git shows during a merge) are in the interface language: ``--lang``,
else ``ROADMAP_LANG`` or the locale; ``roadmap sync`` runs git with ``ROADMAP_LANG`` set
to its own language (:func:`roadmap_cli.support.git.git_env`), so a driver git starts
there speaks it too."""

from __future__ import annotations

import os
from dataclasses import field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from roadmap_cli.errors import ProgressFileError
from roadmap_cli.support.i18n import N_, _
from roadmap_cli.support.records import record

if TYPE_CHECKING:
    from roadmap_cli.progress.log import Progress

__all__ = ["DriverResult", "merge_driver"]

#: The two sides git gives the driver, as its messages name them.
_SIDES = {"ours": N_("ours side"), "theirs": N_("theirs side")}


@record(frozen=False)
class DriverResult:
    """What ``progress merge-driver`` wrote into OURS: ``kind`` is "progress" (the union,
    ``events`` of them, ``new`` from THEIRS) or "file" (a whole file, ``took`` "ours" or
    "theirs")."""

    path: Path
    kind: str
    events: int = 0
    new: int = 0
    took: str = "ours"
    notices: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """``{file, kind, events, new_events, took}``."""
        return {
            "file": str(self.path),
            "kind": self.kind,
            "events": self.events,
            "new_events": self.new,
            "took": self.took,
        }


def merge_driver(base: Path, ours: Path, theirs: Path, name: str | None = None) -> DriverResult:
    """Merge THEIRS into OURS as git's merge driver: the result is written into OURS.

    A progress file (``name`` a top-level ``*.json``; without ``name``, a file that looks
    like one) becomes the union of both sides' events by id, whatever BASE holds. Any
    other file (an installed roadmap) is merged whole: the side that changed from BASE,
    and OURS when both changed.

    Raises:
        ProgressFileError: a side cannot be read, is not a progress file, belongs to
            another roadmap, or is in a newer format (OURS is left as it was, so git
            reports a conflict and nothing is lost).
    """
    from roadmap_cli.progress.fileformat import parse_progress
    from roadmap_cli.progress.log import Progress, merge_events

    sides = {}
    for label, path in (("ours", ours), ("theirs", theirs)):
        try:
            sides[label] = path.read_bytes()
        except OSError as exc:
            raise ProgressFileError(
                path,
                _("cannot read {side} ({reason})").format(
                    side=_(_SIDES[label]), reason=exc.strerror
                ),
            ) from None
    try:
        base_data = base.read_bytes()
    except OSError:
        base_data = b""
    shown = Path(name) if name else ours
    if _is_progress(name, sides["ours"]):
        parsed: dict[str, Progress] = {}
        for label in ("ours", "theirs"):
            try:
                parsed[label] = parse_progress(sides[label], shown)
            except ProgressFileError as exc:
                raise ProgressFileError(
                    shown,
                    _("{side}: {problem}; left as a conflict").format(
                        side=_(_SIDES[label]), problem=exc.message.removeprefix(f"{shown}: ")
                    ),
                    _("nothing was lost: fix or restore that version, then merge again"),
                ) from None
        mine, other = parsed["ours"], parsed["theirs"]
        if mine.roadmap != other.roadmap:
            raise ProgressFileError(
                shown,
                _(
                    "the two sides belong to different roadmaps ({ours!r} and {theirs!r}); "
                    "left as a conflict"
                ).format(ours=mine.roadmap, theirs=other.roadmap),
                _("keep each roadmap's progress in its own file"),
            )
        known = {e.id for e in mine.events}
        union = Progress(
            roadmap=mine.roadmap,
            events=merge_events(mine.events, other.events),
            schema_version=max(mine.schema_version, other.schema_version),
        )
        _write(ours, union.to_json_text().encode("utf-8"))
        new = sum(1 for e in other.events if e.id not in known)
        return DriverResult(shown, "progress", len(union.events), new)
    result = DriverResult(shown, "file")
    if sides["ours"] == sides["theirs"] or sides["theirs"] == base_data:
        return result
    if sides["ours"] == base_data:
        _write(ours, sides["theirs"])
        result.took = "theirs"
        return result
    result.notices.append(
        _("{file}: changed on both machines; kept this machine's version").format(file=shown)
    )
    return result


def _is_progress(name: str | None, data: bytes) -> bool:
    if name:
        return name.endswith(".json") and "/" not in name.strip("/")
    return data.lstrip().startswith(b"{")


def _write(path: Path, data: bytes) -> None:
    try:
        with path.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as exc:
        raise ProgressFileError(
            path, _("cannot write the merge result ({reason})").format(reason=exc.strerror)
        ) from None
