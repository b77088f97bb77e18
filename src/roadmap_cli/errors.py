"""Error types of the project and the exit statuses they map to.

Every error a user can cause is a :class:`RoadmapError`: it carries a one-line message,
an optional hint (what to do), and the :class:`ExitStatus` the CLI exits with. The CLI turns
it into at most two lines on stderr in one place (``roadmap_cli.cli.app.main``); the core
only raises.
"""

from __future__ import annotations

from enum import IntEnum
from pathlib import Path

from roadmap_cli.support.i18n import N_, _

__all__ = [
    "AmbiguousTopicError",
    "ExitStatus",
    "LockTimeoutError",
    "ProgressAccessError",
    "ProgressFileError",
    "RoadmapError",
    "RoadmapFileError",
    "UnknownTopicError",
    "UsageError",
]


class ExitStatus(IntEnum):
    """Process exit statuses of ``roadmap``."""

    SUCCESS = 0
    #: Data or I/O error: a bad roadmap file, an unreadable progress file, a failed write.
    ERROR = 1
    #: Usage error: an unknown or ambiguous topic, a bad option or argument.
    USAGE = 2
    #: Interrupted by Ctrl-C (128 + SIGINT, as shells report it).
    INTERRUPTED = 130


class RoadmapError(Exception):
    """Base of every error a user can cause.

    Attributes:
        message: one line saying what went wrong, naming the file or argument.
        hint: one line saying what to do, or None.
        exit_status: the process exit status for this error.
        details: further lines (e.g. one per validation problem), printed after the message.
    """

    exit_status: ExitStatus = ExitStatus.ERROR

    def __init__(
        self, message: str, hint: str | None = None, details: list[str] | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.details: list[str] = details or []


class UsageError(RoadmapError):
    """A bad argument or option (exit 2)."""

    exit_status = ExitStatus.USAGE


#: What a TOPIC or STAGE argument names, as messages say it (English msgids).
WHAT = {"topic": N_("topic"), "stage": N_("stage")}


def _what(what: str) -> str:
    return _(WHAT[what]) if what in WHAT else what


class UnknownTopicError(UsageError):
    """TOPIC matched nothing; ``suggestions`` holds the closest ids (exit 2). ``close`` is
    False when even the closest ids are not much alike (the hint then says so)."""

    def __init__(
        self, query: str, suggestions: list[str], what: str = "topic", close: bool = True
    ) -> None:
        name = _what(what)
        if suggestions and close:
            hint = _("did you mean {ids}?").format(ids=", ".join(suggestions))
        elif suggestions:
            hint = _(
                "nothing close; the nearest {what} ids are {ids} "
                "('roadmap list' shows every {what})"
            ).format(what=name, ids=", ".join(suggestions))
        else:
            hint = _("run 'roadmap list' to see every {what} id").format(what=name)
        super().__init__(_("unknown {what} {query!r}").format(what=name, query=query), hint)
        self.query = query
        self.suggestions = suggestions


class AmbiguousTopicError(UsageError):
    """TOPIC matched several topics; ``candidates`` holds their ids (exit 2)."""

    def __init__(self, query: str, candidates: list[str], what: str = "topic") -> None:
        shown = ", ".join(candidates[:8]) + (" …" if len(candidates) > 8 else "")
        super().__init__(
            _("{what} {query!r} is ambiguous: it matches {ids}").format(
                what=_what(what), query=query, ids=shown
            ),
            _("type more of the id, or the full id"),
        )
        self.query = query
        self.candidates = candidates


class RoadmapFileError(RoadmapError):
    """A roadmap file that cannot be read or does not validate (exit 1).

    ``details`` holds one line per problem, each starting with its location
    (``stages[2].topics[5].resources[0].url: …``), in the interface language;
    ``english_details`` the same lines in English (for ``--json``; ``details`` when not
    given).
    """

    def __init__(
        self,
        path: Path | str,
        message: str,
        hint: str | None = None,
        details: list[str] | None = None,
        english_details: list[str] | None = None,
    ) -> None:
        super().__init__(f"{path}: {message}", hint, details)
        self.path = Path(path)
        self.english_details: list[str] = (
            english_details if english_details is not None else self.details
        )


class ProgressFileError(RoadmapError):
    """A progress file that cannot be read or written (exit 1). The file is left untouched."""

    def __init__(self, path: Path | str, message: str, hint: str | None = None) -> None:
        super().__init__(f"{path}: {message}", hint)
        self.path = Path(path)


class NewerFormatError(ProgressFileError):
    """A progress file written by a newer ``roadmap`` in a format this version cannot read
    (exit 1). The file is left untouched; restore and merge refuse to replace it.

    Attributes:
        schema: the file's format version; ``supported``: the newest this version reads.
    """

    def __init__(self, path: Path | str, schema: int, supported: int) -> None:
        super().__init__(
            path,
            _(
                "the progress file was written by a newer roadmap-cli (schema {schema}; this "
                "version reads up to {supported})"
            ).format(schema=schema, supported=supported),
            _("upgrade roadmap-cli (pip install -U roadmap-cli); the file was not changed"),
        )
        self.schema = schema
        self.supported = supported


class ProgressAccessError(ProgressFileError):
    """The progress file (or its folder) cannot be read for want of permission or
    because of an I/O error: out of reach, not damaged (restore must not replace it)."""


class LockTimeoutError(ProgressFileError):
    """Another ``roadmap`` process held the write lock for too long (exit 1)."""
