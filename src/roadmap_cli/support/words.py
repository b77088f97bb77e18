"""Counting words: the one place a number and its noun are put together, in the interface
language (:func:`roadmap_cli.support.i18n.ngettext`)."""

from __future__ import annotations

from roadmap_cli.support.i18n import Nn_, ngettext

__all__ = ["NOUNS", "plural"]

#: The nouns :func:`plural` counts: English noun -> (singular, plural) msgids with ``{n}``.
#: A new noun is added here (the catalog extraction finds it through ``Nn_``).
NOUNS: dict[str, tuple[str, str]] = {
    "active day": Nn_("{n} active day", "{n} active days"),
    "bad URL": Nn_("{n} bad URL", "{n} bad URLs"),
    "badge": Nn_("{n} badge", "{n} badges"),
    "boilerplate section": Nn_("{n} boilerplate section", "{n} boilerplate sections"),
    "day": Nn_("{n} day", "{n} days"),
    "done topic": Nn_("{n} done topic", "{n} done topics"),
    "empty heading": Nn_("{n} empty heading", "{n} empty headings"),
    "error": Nn_("{n} error", "{n} errors"),
    "event": Nn_("{n} event", "{n} events"),
    "file": Nn_("{n} file", "{n} files"),
    "image": Nn_("{n} image", "{n} images"),
    "in-page link": Nn_("{n} in-page link", "{n} in-page links"),
    "item read as a remark": Nn_("{n} item read as a remark", "{n} items read as remarks"),
    "link": Nn_("{n} link", "{n} links"),
    "link in the introduction": Nn_(
        "{n} link in the introduction", "{n} links in the introduction"
    ),
    "link to a translation": Nn_("{n} link to a translation", "{n} links to a translation"),
    "mark": Nn_("{n} mark", "{n} marks"),
    "new event": Nn_("{n} new event", "{n} new events"),
    "non-http link": Nn_("{n} non-http link", "{n} non-http links"),
    "note": Nn_("{n} note", "{n} notes"),
    "problem": Nn_("{n} problem", "{n} problems"),
    "relative link": Nn_("{n} relative link", "{n} relative links"),
    "resource": Nn_("{n} resource", "{n} resources"),
    "review": Nn_("{n} review", "{n} reviews"),
    "social link": Nn_("{n} social link", "{n} social links"),
    "stage": Nn_("{n} stage", "{n} stages"),
    "table of contents": Nn_("{n} table of contents", "{n} tables of contents"),
    "ticked box": Nn_("{n} ticked box", "{n} ticked boxes"),
    "topic": Nn_("{n} topic", "{n} topics"),
    "warning": Nn_("{n} warning", "{n} warnings"),
    "week": Nn_("{n} week", "{n} weeks"),
}


def plural(n: int, word: str, *, glue: str = " ") -> str:
    """``"1 topic"``, ``"3 topics"`` (``"3 个主题"`` in Chinese): ``n`` and the English noun
    ``word`` (a key of :data:`NOUNS`) counted in the interface language, the first space
    replaced by ``glue`` (a no-break space keeps "1 error" on one line). A noun missing
    from :data:`NOUNS` is counted in English, with an "s" unless ``n`` is 1."""
    forms = NOUNS.get(word)
    if forms is None:
        text = f"{n} {word}{'' if n == 1 else 's'}"
    else:
        text = ngettext(forms[0], forms[1], n).format(n=n)
    return text.replace(" ", glue, 1) if glue != " " else text
