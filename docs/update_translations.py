"""Update the interface translations: extract every message, merge it into the catalog,
compile the catalog.

    python docs/update_translations.py            # extract + merge into roadmap.po + compile
    python docs/update_translations.py --compile  # only compile roadmap.po -> roadmap.mo
    python docs/update_translations.py --check    # exit 1 if the catalog is not up to date

Messages are (1) the strings marked in ``src/roadmap_cli`` with ``_()``, ``N_()``, ``Msg()``,
``ngettext()``, ``Nn_()`` or ``pgettext()`` (Babel's Python extractor, the same as
``pybabel extract -k _ -k N_ -k Msg -k ngettext:1,2 -k Nn_:1,2 -k pgettext:1c,2``), and (2)
every ``--help`` text of the app (command docstrings, ``help=`` of options and arguments,
the epilog), collected from the built click commands, since they are translated there at run time
(:mod:`roadmap_cli.cli.localize`).

After a merge, new messages have an empty translation and changed ones are marked fuzzy:
translate them in ``src/roadmap_cli/locale/zh/LC_MESSAGES/roadmap.po`` (remove the
``#, fuzzy`` line once checked) and run ``--compile``. The test
``tests/unit/support/test_i18n_catalog.py`` fails until every message is translated and
the .mo is compiled from the .po. Babel is a development tool (the ``test`` extra);
``roadmap`` itself reads the .mo with the standard library's gettext.
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "roadmap_cli"
LOCALES = PACKAGE / "locale"
LANGUAGES = ("zh",)
KEYWORDS = {
    "_": None,
    "N_": None,
    "Msg": None,
    "ngettext": (1, 2),
    "Nn_": (1, 2),
    "pgettext": ((1, "c"), 2),
}
WIDTH = 100
HEADER = """\
# The interface of roadmap-cli.
# This file is distributed under the same license as the roadmap-cli project (MIT).
# Update it with: python docs/update_translations.py (see docs/architecture.md)."""


def po_path(lang: str) -> Path:
    """The catalog source of ``lang``."""
    return LOCALES / lang / "LC_MESSAGES" / "roadmap.po"


def mo_path(lang: str) -> Path:
    """The compiled catalog of ``lang`` (what the program reads)."""
    return po_path(lang).with_suffix(".mo")


def extract() -> Catalog:
    """A template catalog of every message the user can read, English msgids."""
    template = Catalog(project="roadmap-cli", msgid_bugs_address="", fuzzy=False)
    for filename, lineno, message, comments, context in extract_from_dir(
        str(PACKAGE), method_map=[("**.py", "python")], keywords=KEYWORDS
    ):
        template.add(
            message,
            locations=[(f"src/roadmap_cli/{filename}", lineno)],
            auto_comments=comments,
            context=context,
        )
    from typer.main import get_command

    from roadmap_cli.cli.app import app
    from roadmap_cli.cli.localize import help_messages

    for text in help_messages(get_command(app)):
        if text not in template:
            template.add(text, locations=[("src/roadmap_cli/cli/commands/--help", 0)])
    return template


def merged(lang: str, template: Catalog) -> Catalog:
    """The catalog of ``lang`` updated to ``template``: new messages empty, changed ones
    fuzzy, vanished ones dropped."""
    path = po_path(lang)
    if path.exists():
        with path.open("rb") as f:
            catalog = read_po(f, locale=lang)
    else:
        catalog = Catalog(locale=lang, project="roadmap-cli", fuzzy=False)
    template.creation_date = catalog.creation_date
    catalog.update(template, update_header_comment=False)
    catalog.obsolete.clear()
    catalog.header_comment = HEADER
    catalog.project, catalog.version = "roadmap-cli", ""
    catalog.msgid_bugs_address = ""
    catalog.last_translator = catalog.language_team = "roadmap developers"
    return catalog


def po_bytes(catalog: Catalog) -> bytes:
    """``catalog`` as .po text (no line numbers: edits elsewhere in a file move no entry)."""
    out = io.BytesIO()
    write_po(out, catalog, width=WIDTH, include_lineno=False, sort_by_file=True)
    return out.getvalue()


def mo_bytes(lang: str) -> bytes:
    """The compiled form of the committed .po of ``lang`` (fuzzy entries left out)."""
    with po_path(lang).open("rb") as f:
        catalog = read_po(f, locale=lang)
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    """Run the update; returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--compile", action="store_true", help="only compile .po -> .mo")
    parser.add_argument("--check", action="store_true", help="fail if not up to date")
    options = parser.parse_args(argv)
    template = None if options.compile else extract()
    status = 0
    for lang in LANGUAGES:
        if template is not None:
            text = po_bytes(merged(lang, template))
            path = po_path(lang)
            if options.check:
                if not path.exists() or path.read_bytes() != text:
                    print(f"{path} is out of date: run python docs/update_translations.py")
                    status = 1
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(text)
        compiled = mo_bytes(lang)
        if options.check:
            if not mo_path(lang).exists() or mo_path(lang).read_bytes() != compiled:
                print(f"{mo_path(lang)} is stale: run python docs/update_translations.py")
                status = 1
        else:
            mo_path(lang).write_bytes(compiled)
            with po_path(lang).open("rb") as f:
                catalog = read_po(f, locale=lang)
            todo = [m.id for m in catalog if m.id and (m.fuzzy or not _translated(m.string))]
            print(f"{po_path(lang).relative_to(ROOT)}: {len(todo)} to translate")
    return status


def _translated(string: object) -> bool:
    if isinstance(string, tuple | list):
        return all(string)
    return bool(string)


if __name__ == "__main__":
    sys.exit(main())
