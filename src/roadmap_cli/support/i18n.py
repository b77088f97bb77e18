"""The interface language: every string the user reads goes through :func:`_` or
:func:`ngettext`, translated with the standard library's :mod:`gettext` from the compiled
catalog ``roadmap_cli/locale/<lang>/LC_MESSAGES/roadmap.mo`` (shipped in the wheel).

How to mark a string (any layer may import this module; it imports only the standard
library, lazily):

- A sentence the user reads::

      from roadmap_cli.support.i18n import _, ngettext

      raise UsageError(_("unknown stage {stage!r}").format(stage=query), _("run 'roadmap list'"))
      console.print(_("Next: {title}").format(title=title))
      ngettext("{n} topic", "{n} topics", n).format(n=n)
      pgettext("column", "done")   # the same English word, translated for another place
      plural(n, "topic")   # roadmap_cli.support.words: the nouns counted everywhere

  Translate the *template*, then ``.format()`` it with named fields (never an f-string
  inside ``_()``: the extractor only sees literal strings, and named fields let the
  translation reorder them). Keep ids, commands and option names (``roadmap next``,
  ``--lang``) as they are inside the message; the Chinese keeps them in ASCII too.
- A string defined at import time (a table, a constant) is marked with :func:`N_` (a
  singular/plural pair with :func:`Nn_`) and
  translated where it is shown: ``LABELS = {"done": N_("done")}`` ... ``_(LABELS[s])``.
  (``_()`` at import time would freeze the language of the first import.)
- A message that is both read by scripts (``--json``) and shown to the user (a problem
  of ``roadmap validate``) is kept as a :class:`Msg`: its English template (extracted like
  ``_()``) and named fields; ``msg.english()`` goes into the JSON, ``msg.translated()``
  is shown::

      problem = Msg("unknown topic id {id!r}", id=req)
- ``--help`` texts (typer ``help=``, the command docstrings, the epilog) need no marking:
  :mod:`roadmap_cli.cli.localize` translates the click command tree when help is shown,
  and the extractor collects them from the app itself.
- Never translate what scripts read: ``--json`` keys and values, ids, event kinds.

How to update the catalogs after adding or changing strings (Babel is a dev tool, in the
``test`` extra; it is never imported at run time)::

    python docs/update_translations.py          # extract, merge into roadmap.po, compile .mo
    # translate the new (empty) and fuzzy entries in
    #   src/roadmap_cli/locale/zh/LC_MESSAGES/roadmap.po
    python docs/update_translations.py --compile  # compile roadmap.mo again

``tests/unit/support/test_i18n_catalog.py`` fails while a message is untranslated or fuzzy,
while the .po lacks a message the code has, or while the .mo differs from the .po.

The language is process-wide: the CLI sets it (:func:`set_language`) from ``--lang``,
``ROADMAP_LANG`` or the locale before the command runs or its help is rendered. The
catalog is read on the first translated string of a non-English language (about a
millisecond); English needs no catalog at all.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import gettext as _gettext

__all__ = [
    "DOMAIN",
    "N_",
    "Msg",
    "Nn_",
    "_",
    "get_language",
    "locale_dir",
    "ngettext",
    "pgettext",
    "set_language",
]

#: The gettext domain: the catalogs are ``locale/<lang>/LC_MESSAGES/roadmap.mo``.
DOMAIN = "roadmap"

_language = "en"
_translations: dict[str, _gettext.NullTranslations] = {}


def locale_dir() -> str:
    """The folder holding ``<lang>/LC_MESSAGES/roadmap.mo`` inside the installed package."""
    import os

    return os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "locale")


def set_language(lang: str) -> None:
    """Make ``lang`` ("zh" or "en") the language of every string translated from now on,
    process-wide. Any other value means English. Raises nothing."""
    global _language
    _language = lang if lang == "zh" else "en"


def get_language() -> str:
    """The interface language in use: "zh" or "en"."""
    return _language


def _catalog() -> _gettext.NullTranslations | None:
    """The translations of the language in use (loaded once), or None for English."""
    if _language == "en":
        return None
    found = _translations.get(_language)
    if found is None:
        import gettext

        found = gettext.translation(DOMAIN, locale_dir(), languages=[_language], fallback=True)
        _translations[_language] = found
    return found


def _(message: str) -> str:
    """``message`` (an English msgid) in the language in use; the English itself when the
    catalog lacks it."""
    catalog = _catalog()
    return message if catalog is None else catalog.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """``singular`` or ``plural`` (English msgids) chosen by the count ``n``, translated;
    format the result with ``n`` yourself (``.format(n=n)``)."""
    catalog = _catalog()
    if catalog is None:
        return singular if n == 1 else plural
    return catalog.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """``message`` translated in ``context`` (a short word: "column"), for an English
    word that needs another translation there ("done" as a table heading)."""
    catalog = _catalog()
    return message if catalog is None else catalog.pgettext(context, message)


def N_(message: str) -> str:
    """Mark ``message`` for extraction without translating it (tables built at import
    time); translate it with :func:`_` where it is shown."""
    return message


def Nn_(singular: str, plural: str) -> tuple[str, str]:
    """Mark a singular/plural pair for extraction (like ``ngettext`` without a count);
    translate it with ``ngettext(singular, plural, n)`` where the count is known."""
    return singular, plural


class Msg:
    """A message kept untranslated until it is shown: an English template (a msgid,
    extracted like ``_()``) and its named fields. A field that is itself a :class:`Msg`
    is rendered in the same language as the message. Immutable and hashable."""

    __slots__ = ("params", "template")

    template: str
    params: tuple[tuple[str, object], ...]

    def __init__(self, template: str, /, **params: object) -> None:
        object.__setattr__(self, "template", template)
        object.__setattr__(self, "params", tuple(sorted(params.items())))

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("Msg is immutable")

    def english(self) -> str:
        """The message in English, whatever the interface language (for ``--json``)."""
        fields = {k: v.english() if isinstance(v, Msg) else v for k, v in self.params}
        return self.template.format(**fields)

    def translated(self) -> str:
        """The message in the interface language (English when the catalog lacks it)."""
        fields = {k: v.translated() if isinstance(v, Msg) else v for k, v in self.params}
        return _(self.template).format(**fields)

    def __str__(self) -> str:
        return self.english()

    def __repr__(self) -> str:
        fields = "".join(f", {k}={v!r}" for k, v in self.params)
        return f"Msg({self.template!r}{fields})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Msg):
            return NotImplemented
        return self.template == other.template and self.params == other.params

    def __hash__(self) -> int:
        return hash((self.template, self.params))
