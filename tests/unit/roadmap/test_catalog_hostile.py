"""Hostile roadmap files: bad ids never become paths, only http(s) links, precise errors
for every kind of wrong content, and no input at all makes the loader raise anything but
the project's own error."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import roadmap_cli.roadmap.checks as validation_module
from roadmap_cli.errors import RoadmapFileError
from roadmap_cli.roadmap.catalog import Catalog, check_roadmap, load_catalog

if TYPE_CHECKING:
    from typer.testing import CliRunner

HEAD = 'schema = 1\nid = "demo"\ntitle = "Demo"\nlanguage = "en"\n'
STAGE = '[[stages]]\nid = "s"\ntitle = "S"\n'


def topic(tid: str, extra: str = "") -> str:
    return f'[[stages.topics]]\nid = {json.dumps(tid)}\ntitle = "T"\n{extra}'


def errors(text: str) -> list[str]:
    roadmap, found = check_roadmap(text.encode("utf-8"))
    assert roadmap is None, "the file should be refused"
    return [str(p) for p in found if p.severity == "error"]


@pytest.mark.parametrize(
    "bad_id",
    [
        "../x",
        "..",
        "a/b",
        "a\\b",
        "/etc/passwd",
        "-a",
        "A",
        "a_b",
        "a.b",
        "a b",
        "ａ",
        "",
        "a\n",
        "x" * 81,
    ],
)
def test_bad_ids_are_refused_everywhere(bad_id: str) -> None:
    quoted = json.dumps(bad_id)
    cases = {
        "id": (HEAD.replace('"demo"', quoted) + STAGE + topic("a")),
        "stages[0].id": (HEAD + STAGE.replace('"s"', quoted) + topic("a")),
        "stages[0].topics[0].id": (HEAD + STAGE + topic(bad_id)),
        "stages[0].topics[0].requires[0]": (HEAD + STAGE + topic("a", f"requires = [{quoted}]\n")),
        "stages[0].topics[0].aliases[0]": (HEAD + STAGE + topic("a", f"aliases = [{quoted}]\n")),
    }
    for location, text in cases.items():
        found = errors(text)
        assert any(p.startswith(f"{location}: ") for p in found), (location, found)


def test_path_like_roadmap_id_never_builds_a_path(
    roadmap_file_env: Path, tmp_path: Path, cli_runner: CliRunner
) -> None:
    from roadmap_cli.cli.app import app

    roadmap_file_env.write_text(
        HEAD.replace('"demo"', '"../../escaped"') + STAGE + topic("a"), encoding="utf-8"
    )
    result = cli_runner.invoke(app, ["done", "a"])
    assert result.exit_code == 1
    assert "id: id '../../escaped' must be" in result.stderr
    assert "Traceback" not in result.stderr
    assert list(tmp_path.rglob("*.json")) == []
    assert not (tmp_path / "data").exists()


@pytest.fixture
def roadmap_file_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "roadmaps" / "mine.toml"
    path.parent.mkdir()
    monkeypatch.setenv("ROADMAP_FILE", str(path))
    return path


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("javascript:alert(1)", "scheme must be http or https, not 'javascript'"),
        ("file:///etc/passwd", "scheme must be http or https, not 'file'"),
        ("data:text/html,<script>", "scheme must be http or https, not 'data'"),
        ("ftp://example.com/x", "scheme must be http or https, not 'ftp'"),
        ("vbscript:msgbox", "scheme must be http or https, not 'vbscript'"),
        ("//example.com/x", "scheme must be http or https, not 'none'"),
        ("example.com", "scheme must be http or https, not 'none'"),
        ("https:///path", "no host"),
        ("https://exa mple.com", "spaces or control characters"),
        ("https://example.com/\x1b[31m", "spaces or control characters"),
        ("https://example.com/\u009b", "spaces or control characters"),
        ("", "URL is empty"),
        ("http://[::1", "cannot be parsed"),
    ],
)
def test_only_http_and_https_links(url: str, message: str) -> None:
    resource = f'[[stages.topics.resources]]\ntitle = "R"\nurl = {json.dumps(url)}\nkind = "blog"\n'
    found = errors(HEAD + STAGE + topic("a") + resource)
    assert len(found) == 1
    assert found[0].startswith("stages[0].topics[0].resources[0].url: ")
    assert message in found[0]
    source = errors(HEAD + f"source = {json.dumps(url)}\n" + STAGE + topic("a"))
    assert source[0].startswith("source: ")


def test_uppercase_scheme_is_accepted_and_kept_as_written() -> None:
    url = "HTTPS://Example.com/A?b=1#Frag"
    text = (
        HEAD
        + STAGE
        + topic("a")
        + (f'[[stages.topics.resources]]\ntitle = "R"\nurl = "{url}"\nkind = "blog"\n')
    )
    roadmap, _ = check_roadmap(text.encode())
    assert roadmap is not None
    assert roadmap.stages[0].topics[0].resources[0].url == url


@pytest.mark.parametrize(
    ("extra", "location"),
    [
        ("title = 3\n", "title"),
        ('stages = "none"\n', "stages"),
        ('schema = "1"\n', "schema"),
        ("schema = true\n", "schema"),
    ],
)
def test_wrong_types_at_the_top(extra: str, location: str) -> None:
    lines = [line for line in HEAD.splitlines() if not line.startswith(location.split()[0])]
    text = "\n".join(lines) + "\n" + extra
    if not extra.startswith("stages"):
        text += STAGE + topic("a")
    found = errors(text)
    assert any(p.startswith(f"{location}: ") for p in found), found


@pytest.mark.parametrize(
    ("extra", "location"),
    [
        ('requires = "b"\n', "stages[0].topics[0].requires"),
        ('optional = "yes"\n', "stages[0].topics[0].optional"),
        ("aliases = [1]\n", "stages[0].topics[0].aliases[0]"),
        ("summary = 2026-01-01\n", "stages[0].topics[0].summary"),
        ("resources = ['https://e.org']\n", "stages[0].topics[0].resources[0]"),
        ("resources = 5\n", "stages[0].topics[0].resources"),
        ("title_en = []\n", "stages[0].topics[0].title_en"),
        ("colour = 'red'\n", "stages[0].topics[0].colour"),
    ],
)
def test_wrong_types_in_a_topic(extra: str, location: str) -> None:
    found = errors(HEAD + STAGE + topic("a", extra))
    assert any(p.startswith(f"{location}: ") for p in found), found


def test_duplicates_cycles_and_unknown_requires_are_located() -> None:
    text = (
        HEAD
        + STAGE
        + (
            topic("a", 'requires = ["c"]\n')
            + topic("b", 'requires = ["a"]\n')
            + topic("c", 'requires = ["b"]\n')
            + topic("d", 'requires = ["zzz"]\n')
            + topic("a")
        )
        + STAGE
    )
    found = errors(text)
    assert "stages[0].topics[4].id: duplicate topic id 'a' (first at stages[0].topics[0])" in found
    assert "stages[1].id: duplicate stage id 's' (first at stages[0])" in found
    assert "stages[0].topics[3].requires[0]: unknown topic id 'zzz'" in found
    assert any("prerequisite cycle:" in p and "a → c → b → a" in p for p in found)


def test_long_prerequisite_chain_and_cycle_do_not_recurse() -> None:
    n = 5000
    chain = "".join(topic(f"t{i}", f'requires = ["t{i + 1}"]\n') for i in range(n))
    roadmap, found = check_roadmap((HEAD + STAGE + chain + topic(f"t{n}")).encode())
    assert roadmap is not None, found
    cyclic = HEAD + STAGE + chain + topic(f"t{n}", 'requires = ["t0"]\n')
    assert any("prerequisite cycle: t0 → t1" in p for p in errors(cyclic))


def test_very_large_file_is_refused_before_parsing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(validation_module, "MAX_ROADMAP_BYTES", 1024 * 1024)
    path = tmp_path / "big.toml"
    path.write_bytes(HEAD.encode() + b"#" * (2 * 1024 * 1024) + b"\n")
    with pytest.raises(RoadmapFileError) as info:
        load_catalog(path)
    assert str(path) in info.value.message
    assert any("limited to 1 MiB" in d for d in info.value.details)


def test_deep_nesting_is_an_error_not_a_crash() -> None:
    text = HEAD + "x = " + "[" * 50_000 + "]" * 50_000 + "\n"
    roadmap, found = check_roadmap(text.encode())
    assert roadmap is None
    assert found


def test_large_valid_roadmap_loads(tmp_path: Path) -> None:
    body = "".join(
        STAGE.replace('"s"', f'"s{s}"') + "".join(topic(f"s{s}-t{i}") for i in range(500))
        for s in range(10)
    )
    path = tmp_path / "large.toml"
    path.write_text(HEAD + body, encoding="utf-8")
    catalog = load_catalog(path)
    assert len(catalog.topics) == 5000


# --- the loader given arbitrary input ----------------------------------------------------

FRAGMENTS = [
    "schema = 1\n",
    "schema = 2\n",
    'id = "demo"\n',
    'id = "../x"\n',
    'title = "T"\n',
    "title = 3\n",
    'language = "en"\n',
    "[[stages]]\n",
    "[[stages.topics]]\n",
    "[[stages.topics.resources]]\n",
    "[stages]\n",
    'id = "a"\n',
    'id = "b"\n',
    'requires = ["a"]\n',
    'requires = ["b", "zz"]\n',
    'aliases = ["a"]\n',
    'aliases = ["old"]\n',
    'url = "https://e.org"\n',
    'url = "javascript:x"\n',
    'kind = "paper"\n',
    'kind = "nope"\n',
    "optional = true\n",
    "stages = []\n",
    "x = [[[[1]]]]\n",
    "= broken\n",
    '"\\ud800" = 1\n',
    "\ufeff",
    "\x00",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=30))
def test_loader_on_roadmap_like_text_returns_or_raises_its_own_error(parts: list[str]) -> None:
    roadmap, problems = check_roadmap("".join(parts).encode("utf-8"))
    assert (roadmap is None) == any(p.severity == "error" for p in problems)
    assert all(p.location and p.message for p in problems)


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.binary(max_size=400))
def test_load_catalog_on_arbitrary_bytes(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "fuzz.toml"
    path.write_bytes(data)
    try:
        result = load_catalog(path)
    except RoadmapFileError as exc:
        assert exc.message.startswith(str(path))
    else:
        assert isinstance(result, Catalog)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_check_roadmap_on_arbitrary_text(text: str) -> None:
    roadmap, problems = check_roadmap(text.encode("utf-8", "surrogatepass"))
    assert roadmap is not None or problems


def test_a_tampered_cache_entry_cannot_smuggle_in_a_path_like_id(
    roadmap_file_env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli_runner: CliRunner
) -> None:
    """The roadmap cache skips validation on a hit. An entry edited on disk no longer
    matches its CRC-32 and is validated again from the file; one rewritten with a new
    CRC-32 is still stopped by the store, which checks the id again."""
    from roadmap_cli.cli.app import app
    from roadmap_cli.roadmap.cache import cache_key
    from roadmap_cli.roadmap.cachekey import entry_bytes, read_entry

    cache = tmp_path / "cache"
    monkeypatch.setenv("ROADMAP_CACHE_DIR", str(cache))
    text = HEAD + STAGE + topic("a")
    roadmap_file_env.write_text(text, encoding="utf-8")
    runner = cli_runner
    assert runner.invoke(app, ["list"]).exit_code == 0
    entry_path = cache / f"roadmap-{cache_key(text.encode())}.json"
    entry = read_entry(entry_path)
    assert entry is not None
    entry["roadmap"]["id"] = "../../escaped"
    entry_path.write_text(json.dumps(entry), encoding="utf-8")  # no CRC-32: ignored
    result = runner.invoke(app, ["done", "a"])
    assert result.exit_code == 0, result.stderr
    assert read_entry(entry_path) is not None  # and written afresh
    entry_path.write_bytes(entry_bytes(entry))  # a CRC-32 that matches: the store checks
    result = runner.invoke(app, ["reset", "a"])
    assert result.exit_code == 1
    assert "roadmap id '../../escaped' cannot name a progress file" in result.stderr
    assert list(tmp_path.rglob("escaped*")) == []
