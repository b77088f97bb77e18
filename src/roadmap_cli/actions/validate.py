"""``roadmap validate FILE`` and ``roadmap init FILE``: check a roadmap file, every
problem with its location; write a commented example roadmap to start from."""

from __future__ import annotations

import re
from dataclasses import field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from roadmap_cli.roadmap.locate import locate_line
from roadmap_cli.support.i18n import N_
from roadmap_cli.support.records import record

if TYPE_CHECKING:
    from roadmap_cli.roadmap.catalog import Problem
    from roadmap_cli.roadmap.model import Roadmap

__all__ = [
    "InitResult",
    "Located",
    "ValidateResult",
    "example_roadmap",
    "init_roadmap",
    "validate_file",
]

_HEADER = re.compile(r"^\s*\[\[\s*([A-Za-z0-9_.\s]+?)\s*\]\]")
_TABLE = re.compile(r"^\s*\[[^\[]")
_KEY = re.compile(r"^\s*([A-Za-z0-9_-]+)\s*=")
_PART = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)((?:\[\d+\])*)")


@record
class Located:
    """A :class:`~roadmap_cli.roadmap.catalog.Problem` with the file line it points at (or None)."""

    problem: Problem
    line: int | None


@record(frozen=False)
class ValidateResult:
    """``roadmap validate FILE``: every problem found (errors and warnings, file order),
    and a summary of the roadmap when it is valid."""

    path: Path
    roadmap: Roadmap | None
    problems: list[Located] = field(default_factory=list)

    @property
    def errors(self) -> list[Located]:
        """The problems that make the file unusable."""
        return [p for p in self.problems if p.problem.severity == "error"]

    @property
    def warnings(self) -> list[Located]:
        """The problems reported while the file is still used."""
        return [p for p in self.problems if p.problem.severity == "warning"]

    @property
    def valid(self) -> bool:
        """True when there is no error (warnings allowed)."""
        return not self.errors and self.roadmap is not None

    def counts(self) -> dict[str, int]:
        """``{stages, topics, resources}`` of a valid roadmap (zeros otherwise)."""
        stages = self.roadmap.stages if self.roadmap else []
        topics = [t for s in stages for t in s.topics]
        return {
            "stages": len(stages),
            "topics": len(topics),
            "resources": sum(len(t.resources) for t in topics),
        }

    def to_json(self) -> dict[str, Any]:
        """``{file, valid, errors, warnings, roadmap: {id, title, title_en, stages, topics,
        resources} | null, problems: [{severity, location, line, message}]}``."""
        roadmap = None
        if self.roadmap is not None:
            roadmap = {
                "id": self.roadmap.id,
                "title": self.roadmap.title,
                "title_en": self.roadmap.title_en,
                **self.counts(),
            }
        return {
            "file": str(self.path),
            "valid": self.valid,
            "errors": len(self.errors),
            "warnings": len(self.warnings),
            "roadmap": roadmap,
            "problems": [
                {
                    "severity": p.problem.severity,
                    "location": p.problem.location,
                    "line": p.line,
                    "message": p.problem.message,
                }
                for p in self.problems
            ],
        }


def validate_file(path: Path) -> ValidateResult:
    """Check the roadmap file at ``path`` (see :func:`roadmap_cli.roadmap.catalog.check_roadmap`).

    Raises:
        RoadmapFileError: the file cannot be read (missing, a folder, no permission).
    """
    from roadmap_cli.roadmap.catalog import check_roadmap, read_roadmap_bytes

    data = read_roadmap_bytes(path)
    roadmap, problems = check_roadmap(data)
    text = data.decode("utf-8-sig", errors="replace")
    located = [Located(p, locate_line(text, p.location)) for p in problems]
    located.sort(key=lambda item: item.line if item.line is not None else 1 << 30)
    return ValidateResult(path, roadmap, located)


def example_roadmap(path: Path) -> str:
    """The commented example roadmap, its ``id`` made from the file name (``rust.toml``
    → ``rust``; ``my-roadmap`` when the name gives no valid id)."""
    from roadmap_cli.support.textsafe import clean_line

    stem = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-")[:60].strip("-")
    roadmap_id = stem or "my-roadmap"
    template_file = resources.files("roadmap_cli.roadmap").joinpath("example_roadmap.toml")
    template = template_file.read_text("utf-8")
    shown = clean_line(str(path)).replace("\\", "/")
    return template.replace("{id}", roadmap_id).replace("{file}", shown)


@record(frozen=False)
class InitResult:
    """``roadmap init FILE``: the file written and the id of its roadmap."""

    path: Path
    roadmap_id: str
    replaced: bool

    def to_json(self) -> dict[str, Any]:
        """``{file, id, replaced}``."""
        return {"file": str(self.path), "id": self.roadmap_id, "replaced": self.replaced}


def init_roadmap(path: Path, force: bool = False) -> InitResult:
    """Write the example roadmap to ``path``.

    Raises:
        RoadmapError: ``path`` exists and ``force`` is False, or cannot be written (exit 1).
    """
    import tomllib

    from roadmap_cli.support.atomic import write_file

    text = example_roadmap(path)
    existed = path.exists()
    write_file(path, text, force=force, what=N_("roadmap file"))
    return InitResult(path, str(tomllib.loads(text)["id"]), existed)
