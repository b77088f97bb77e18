"""The error for a progress document or event of the wrong shape, with its message kept
translatable: English in ``str()`` and in ``--json``, the interface language when shown."""

from __future__ import annotations

from roadmap_cli.support.i18n import Msg

__all__ = ["ShapeError"]


class ShapeError(ValueError):
    """An event or progress document that does not have the documented shape.

    Args:
        where: the place in the document, e.g. ``events[3].at`` (``(top level)`` for the
            document itself).
        template: what is wrong there: an English msgid (marked with ``N_``) with
            ``{name}`` fields filled from ``params``.

    Attributes:
        where: as given.
        problem: the message as a :class:`~roadmap_cli.support.i18n.Msg`.
        message: the message in English.
    """

    def __init__(self, where: str, template: str, /, **params: object) -> None:
        self.where = where
        self.problem = Msg(template, **params)
        self.message = self.problem.english()
        super().__init__(f"{where}: {self.message}")

    def at(self, where: str) -> ShapeError:
        """The same problem at another place (an event's field inside the document)."""
        return ShapeError(where, self.problem.template, **dict(self.problem.params))

    def shown(self) -> str:
        """``where: message``, the message in the interface language."""
        return f"{self.where}: {self.problem.translated()}"
