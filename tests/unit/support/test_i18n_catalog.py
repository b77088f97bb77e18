"""The Chinese catalog is complete: every message the program can show (the ``_()`` calls
and every ``--help`` text, extracted afresh) is translated, none is fuzzy, the
placeholders match, and the committed .mo is the compiled .po."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po

DOCS = Path(__file__).resolve().parents[3] / "docs"
FIELDS = re.compile(r"(?<!\{)\{([^{}]*)\}(?!\})")


@pytest.fixture(scope="module")
def tool() -> ModuleType:
    """docs/update_translations.py, the extraction and compilation the maintainers run."""
    spec = importlib.util.spec_from_file_location(
        "update_translations", DOCS / "update_translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def catalog(tool: ModuleType) -> Catalog:
    with tool.po_path("zh").open("rb") as f:
        return read_po(f, locale="zh")


@pytest.fixture(scope="module")
def template(tool: ModuleType) -> Catalog:
    return tool.extract()


def _key(message: Message) -> tuple[str | None, str]:
    msgid = message.id if isinstance(message.id, str) else message.id[0]
    return message.context, msgid


def _strings(message: Message) -> list[str]:
    return list(message.string) if isinstance(message.string, tuple | list) else [message.string]


def test_every_message_of_the_code_is_in_the_catalog(catalog: Catalog, template: Catalog) -> None:
    extracted = {_key(m) for m in template if m.id}
    known = {_key(m) for m in catalog if m.id}
    assert len(extracted) > 400  # the extraction saw the code and the help texts
    missing = sorted(extracted - known, key=str)
    assert not missing, (
        f"{len(missing)} messages are not in the catalog, e.g. {missing[:5]}: "
        "run 'python docs/update_translations.py' and translate them"
    )
    stale = sorted(known - extracted, key=str)
    assert not stale, f"messages no longer in the code: {stale[:5]} (run the update script)"


def test_every_message_is_translated_and_none_is_fuzzy(catalog: Catalog) -> None:
    untranslated = [m.id for m in catalog if m.id and not all(_strings(m))]
    fuzzy = [m.id for m in catalog if m.id and m.fuzzy]
    assert not untranslated, f"untranslated: {untranslated[:5]}"
    assert not fuzzy, f"fuzzy (check, then remove the flag): {fuzzy[:5]}"


def test_translations_keep_the_placeholders(catalog: Catalog) -> None:
    wrong = []
    for message in catalog:
        if not message.id:
            continue
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        wanted = set().union(*(set(FIELDS.findall(i)) for i in ids))
        for string in _strings(message):
            if set(FIELDS.findall(string)) != wanted:
                wrong.append((message.id, string))
    assert not wrong, wrong[:5]


def _without_generator(po: bytes) -> list[bytes]:
    """The .po lines but the "Generated-By: Babel x.y" header (any Babel version will do)."""
    return [line for line in po.splitlines() if not line.startswith(b'"Generated-By:')]


def test_the_po_file_is_as_the_update_script_writes_it(tool: ModuleType) -> None:
    expected = tool.po_bytes(tool.merged("zh", tool.extract()))
    assert _without_generator(tool.po_path("zh").read_bytes()) == _without_generator(expected), (
        "roadmap.po is out of date: run 'python docs/update_translations.py'"
    )


def test_the_committed_mo_is_the_compiled_po(tool: ModuleType) -> None:
    assert tool.mo_path("zh").read_bytes() == tool.mo_bytes("zh"), (
        "roadmap.mo is stale: run 'python docs/update_translations.py --compile'"
    )


def test_the_program_reads_the_mo_it_ships() -> None:
    import gettext

    from roadmap_cli.support.i18n import DOMAIN, locale_dir

    translation = gettext.translation(DOMAIN, locale_dir(), languages=["zh"])
    assert translation.gettext("Next: ") == "下一步："
    assert translation.ngettext("{n} topic", "{n} topics", 3) == "{n} 个主题"
