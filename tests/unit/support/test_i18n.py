"""support.i18n: the language switch, lazy catalogs, plurals and contexts; cli.localize:
the language read before typer starts, and click's messages in Chinese."""

from __future__ import annotations

import subprocess
import sys

import pytest

from roadmap_cli.cli.localize import preread_language, translate_click_message, wants_help
from roadmap_cli.support.i18n import N_, Nn_, _, get_language, ngettext, pgettext, set_language
from roadmap_cli.support.words import plural


def test_english_is_the_message_itself() -> None:
    set_language("en")
    assert get_language() == "en"
    assert _("Next: ") == "Next: "
    assert _("a message nobody translated") == "a message nobody translated"
    assert ngettext("{n} topic", "{n} topics", 1) == "{n} topic"
    assert ngettext("{n} topic", "{n} topics", 2) == "{n} topics"
    assert pgettext("column", "done") == "done"


def test_chinese_comes_from_the_catalog() -> None:
    set_language("zh")
    assert get_language() == "zh"
    assert _("Next: ") == "下一步："
    assert _("done") == "已完成"
    assert pgettext("column", "done") == "完成"  # the same word, a table heading
    assert ngettext("{n} topic", "{n} topics", 1) == ngettext("{n} topic", "{n} topics", 5)
    assert _("a message nobody translated") == "a message nobody translated"  # fallback


def test_any_other_language_means_english() -> None:
    set_language("fr")
    assert get_language() == "en"
    assert _("Next: ") == "Next: "


def test_markers_return_what_they_mark() -> None:
    assert N_("done") == "done"
    assert Nn_("{n} day", "{n} days") == ("{n} day", "{n} days")


@pytest.mark.parametrize(
    ("lang", "n", "word", "glue", "expected"),
    [
        ("en", 1, "topic", " ", "1 topic"),
        ("en", 3, "topic", " ", "3 topics"),
        ("en", 2, "error", "\u00a0", "2\u00a0errors"),
        ("en", 2, "gizmo", " ", "2 gizmos"),  # not in NOUNS: English rule
        ("zh", 1, "topic", " ", "1 个主题"),
        ("zh", 3, "topic", " ", "3 个主题"),
        ("zh", 2, "error", "\u00a0", "2\u00a0个错误"),
        ("zh", 4, "day", " ", "4 天"),
    ],
)
def test_plural_counts_in_the_interface_language(
    lang: str, n: int, word: str, glue: str, expected: str
) -> None:
    set_language(lang)
    assert plural(n, word, glue=glue) == expected


def test_importing_the_module_loads_no_catalog() -> None:
    """Start-up stays cheap: gettext is imported on the first Chinese message only."""
    code = (
        "import sys\n"
        "from roadmap_cli.support import i18n\n"
        "i18n._('Next: ')\n"
        "assert 'gettext' not in sys.modules, 'English loaded gettext'\n"
        "i18n.set_language('zh')\n"
        "assert i18n._('Next: ') == '下一步：'\n"
        "assert 'gettext' in sys.modules\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize(
    ("args", "env", "expected"),
    [
        (["--lang", "zh", "next"], {}, "zh"),
        (["--lang=zh", "next"], {}, "zh"),
        (["--lang", "zh-CN", "list"], {}, "zh"),
        (["--roadmap", "x.toml", "--lang", "zh", "next"], {}, "zh"),
        (["--data-dir", "--lang", "next"], {}, "en"),  # "--lang" is the folder's name here
        (["--lang", "en", "next"], {"ROADMAP_LANG": "zh"}, "en"),  # the option wins
        (["next"], {"ROADMAP_LANG": "zh"}, "zh"),
        (["next"], {"LANG": "zh_CN.UTF-8"}, "zh"),
        (["next"], {"LANG": "zh_CN.UTF-8", "LC_ALL": "en_US.UTF-8"}, "en"),
        (["next"], {"LC_MESSAGES": "zh_TW.UTF-8"}, "zh"),
        (["next"], {}, "en"),
        (["note", "attention", "--lang", "zh"], {}, "en"),  # after the command: its text
        (["--lang", "fr", "next"], {"ROADMAP_LANG": "zh"}, "en"),  # the option errs later
        (["next"], {"ROADMAP_LANG": "xx"}, "en"),
        ([], {"ROADMAP_LANG": "zh"}, "zh"),
    ],
)
def test_the_language_is_known_before_typer_starts(
    monkeypatch: pytest.MonkeyPatch, args: list[str], env: dict[str, str], expected: str
) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert preread_language(args) == expected


def test_wants_help() -> None:
    from typer.main import get_command

    from roadmap_cli.cli.app import app

    root = get_command(app)
    assert wants_help([]) and wants_help(["next", "-h"]) and wants_help(["--help"])
    assert not wants_help(["next", "-n", "3"], root)
    assert wants_help(["progress"], root)  # a group alone shows its help
    assert wants_help(["--roadmap", "x.toml", "--lang", "zh", "progress"], root)
    assert not wants_help(["progress", "restore"], root)
    assert not wants_help(["--lang", "zh"], root)  # "Missing command", an error


@pytest.mark.parametrize(
    ("english", "chinese"),
    [
        ("No such command 'nxt'.", "没有 'nxt' 这个命令。"),
        ("No such option: --foo", "没有这个选项：--foo"),
        ("Missing argument 'TOPIC...'.", "缺少参数 'TOPIC...'。"),
        ("Option '-n' requires an argument.", "选项 '-n' 需要一个值。"),
        ("Got unexpected extra argument (x)", "多出了意外的参数（x）"),
        (
            "Invalid value for '-n' / '--count': 'x' is not a valid integer.",
            "'-n' / '--count' 的值无效：'x' 不是有效的整数。",
        ),
        ("something click never says", "something click never says"),
    ],
)
def test_click_messages_in_chinese(english: str, chinese: str) -> None:
    set_language("zh")
    assert translate_click_message(english) == chinese
    set_language("en")
    assert translate_click_message(english) == english
