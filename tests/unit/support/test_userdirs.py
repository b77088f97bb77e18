"""support/userdirs.py: the data, config and cache folders are platformdirs' own answer,
computed without importing it on Linux."""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs
import pytest

from roadmap_cli.support import userdirs

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="the Linux rules")

UNSET = None
#: (name, HOME, the XDG_*_HOME value, whether our own code answers without platformdirs)
ENVIRONMENTS = [
    ("unset", "/home/ada", UNSET, True),
    ("absolute", "/home/ada", "/srv/xdg", True),
    ("absolute, trailing slash", "/home/ada", "/srv/xdg/", True),
    ("empty", "/home/ada", "", True),
    ("spaces", "/home/ada", "   ", True),
    ("leading space", "/home/ada", " /srv/xdg", True),
    ("trailing space", "/home/ada", "/srv/xdg ", True),
    ("relative", "/home/ada", "xdg/here", True),
    ("tilde", "/home/ada", "~/xdg", True),
    ("dot", "/home/ada", ".", True),
    ("non-ASCII", "/home/adä", "/srv/données", True),
    ("HOME with trailing slash", "/home/ada/", UNSET, True),
    ("HOME is /", "/", UNSET, True),
    ("HOME is //", "//", UNSET, True),
    ("HOME unset", UNSET, UNSET, True),
    ("HOME unset, XDG set", UNSET, "/srv/xdg", True),
    ("HOME empty", "", UNSET, False),
    ("HOME relative", "rel/home", UNSET, False),
    ("HOME relative, XDG set", "rel/home", "/srv/xdg", True),
    ("HOME with spaces", " /home/ada", UNSET, False),
]
KINDS = [
    ("user_data_path", "XDG_DATA_HOME"),
    ("user_config_path", "XDG_CONFIG_HOME"),
    ("user_cache_path", "XDG_CACHE_HOME"),
]


def _deny(name: str) -> Path:
    raise AssertionError(f"platformdirs was asked for {name}")


@pytest.mark.parametrize(("function", "variable"), KINDS, ids=[k[0] for k in KINDS])
@pytest.mark.parametrize(
    ("home", "value", "ours"), [e[1:] for e in ENVIRONMENTS], ids=[e[0] for e in ENVIRONMENTS]
)
def test_the_folders_are_those_of_platformdirs(
    monkeypatch: pytest.MonkeyPatch,
    function: str,
    variable: str,
    home: str | None,
    value: str | None,
    ours: bool,
) -> None:
    for name in ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)
    for name in ("ANDROID_DATA", "ANDROID_ROOT"):
        monkeypatch.delenv(name, raising=False)
    if home is not None:
        monkeypatch.setenv("HOME", home)
    if value is not None:
        monkeypatch.setenv(variable, value)
    expected = getattr(platformdirs, function)("roadmap-cli", appauthor=False)
    if ours:  # computed here, not handed to platformdirs
        monkeypatch.setattr(userdirs, "_platformdirs", _deny)
    got = getattr(userdirs, function)()
    assert got == expected
    assert str(got) == str(expected)


def test_an_android_looking_environment_asks_platformdirs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ANDROID_DATA", "/data")
    monkeypatch.setenv("ANDROID_ROOT", "/system")
    asked: list[str] = []
    monkeypatch.setattr(userdirs, "_platformdirs", lambda name: asked.append(name) or Path("/x"))
    assert userdirs.user_data_path() == Path("/x")
    assert asked == ["user_data_path"]


def test_the_commands_use_these_folders(monkeypatch: pytest.MonkeyPatch) -> None:
    from roadmap_cli.library.config import config_dir
    from roadmap_cli.progress.datadir import default_data_dir
    from roadmap_cli.roadmap.cache import cache_dir

    for name in ("ROADMAP_DATA_DIR", "ROADMAP_CONFIG_DIR", "ROADMAP_CACHE_DIR"):
        monkeypatch.delenv(name, raising=False)
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", "/home/ada")
    assert default_data_dir() == Path("/home/ada/.local/share/roadmap-cli")
    assert config_dir() == Path("/home/ada/.config/roadmap-cli")
    assert cache_dir() == Path("/home/ada/.cache/roadmap-cli")
