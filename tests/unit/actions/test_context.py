"""The language setting names where a bad value came from (--lang or ROADMAP_LANG)."""

from __future__ import annotations

import pytest

from roadmap_cli.actions.context import check_language
from roadmap_cli.errors import UsageError


def test_check_language_names_its_source() -> None:
    assert check_language("zh_CN.UTF-8", "ROADMAP_LANG") == "zh"
    with pytest.raises(UsageError, match=r"^ROADMAP_LANG: unknown language 'xx'$") as info:
        check_language("xx", "ROADMAP_LANG")
    assert "ROADMAP_LANG" in (info.value.hint or "")
    with pytest.raises(UsageError, match=r"^--lang: "):
        check_language("xx")
