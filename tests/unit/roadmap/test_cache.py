"""The validated-roadmap cache: a hit gives the same roadmap, any change misses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from roadmap_cli.errors import RoadmapFileError
from roadmap_cli.roadmap.bundled import bundled_roadmap_path
from roadmap_cli.roadmap.cache import KEEP, cache_dir, cache_key, digest_hex, read_cached
from roadmap_cli.roadmap.catalog import load_catalog
from tests.builders import make_roadmap, resource, stage, topic

LINK = resource("https://example.org/a?x=1&utm_source=kept-as-written", "A link", "paper")
SMALL = make_roadmap(
    [stage("s", [topic("a", "A", requires=[], resources=[LINK])], "Stage", title_en="Stage")],
    id="tiny",
    title="小",
    language="zh",
)


def test_cache_dir_follows_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ROADMAP_CACHE_DIR", str(tmp_path / "c"))
    assert cache_dir() == tmp_path / "c"


def test_hit_gives_the_same_roadmap_and_warnings(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    fresh = load_catalog(bundled_roadmap_path(), cache)
    entries = list(cache.iterdir())
    assert len(entries) == 1
    cached = read_cached(cache, bundled_roadmap_path().read_bytes())
    assert cached is not None
    assert cached[0] == fresh.roadmap
    again = load_catalog(bundled_roadmap_path(), cache)
    assert again.roadmap == fresh.roadmap
    assert again.warnings == fresh.warnings
    assert list(again.topics) == list(fresh.topics)


def test_changed_file_misses_and_invalid_file_is_never_cached(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    path = tmp_path / "mine.toml"
    path.write_text(SMALL, encoding="utf-8")
    first = load_catalog(path, cache)
    assert first.roadmap.stages[0].topics[0].resources[0].url.endswith("kept-as-written")
    path.write_text(SMALL.replace('title = "A"', 'title = "B"'), encoding="utf-8")
    assert load_catalog(path, cache).topics["a"].title == "B"
    path.write_text(SMALL.replace("requires = []", 'requires = ["nope"]'), encoding="utf-8")
    with pytest.raises(RoadmapFileError):
        load_catalog(path, cache)
    assert read_cached(cache, path.read_bytes()) is None
    assert len(list(cache.glob("roadmap-*.json"))) == 2


def test_damaged_entry_is_ignored_and_replaced(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    path = tmp_path / "mine.toml"
    path.write_text(SMALL, encoding="utf-8")
    load_catalog(path, cache)
    entry = cache / f"roadmap-{cache_key(path.read_bytes())}.json"
    entry.write_text('{"roadmap": {"stages": 3}}', encoding="utf-8")
    assert read_cached(cache, path.read_bytes()) is None
    assert load_catalog(path, cache).topics["a"].title == "A"
    assert read_cached(cache, path.read_bytes()) is not None


def test_unwritable_cache_folder_is_not_an_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    catalog = load_catalog(bundled_roadmap_path(), blocker / "cache")
    assert catalog.topics


def test_only_the_newest_entries_are_kept(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    path = tmp_path / "mine.toml"
    for n in range(KEEP + 3):
        path.write_text(SMALL.replace('title = "A"', f'title = "A{n}"'), encoding="utf-8")
        assert load_catalog(path, cache).topics["a"].title == f"A{n}"
    assert len(list(cache.glob("roadmap-*.json"))) == KEEP
    assert read_cached(cache, path.read_bytes()) is not None


def test_cached_warnings_are_made_when_asked_and_a_bad_entry_revalidates(tmp_path: Path) -> None:
    import json

    cache = tmp_path / "cache"
    path = tmp_path / "mine.toml"
    path.write_text(SMALL, encoding="utf-8")
    fresh = load_catalog(path, cache)
    assert fresh.warnings, "a zh roadmap without English titles has warnings"
    assert load_catalog(path, cache).warnings == fresh.warnings
    entry = cache / f"roadmap-{cache_key(path.read_bytes())}.json"
    stored = json.loads(entry.read_text("utf-8"))
    stored["warnings"] = [["only", "three", "items"]]  # not [location, template, fields, severity]
    entry.write_text(json.dumps(stored), encoding="utf-8")
    again = load_catalog(path, cache)
    assert again.roadmap == fresh.roadmap
    assert again.warnings == fresh.warnings  # validated anew from the file


@pytest.mark.parametrize(
    "chunks",
    [
        (),
        (b"",),
        (b"abc",),
        (b"a" * 1_000_003, b"\0tail"),
        (bytes(range(256)) * 99, b"x"),
        (b"b" * (1 << 20), b"over the built-in module's limit"),
    ],
    ids=["nothing", "empty", "abc", "a million and three", "every byte", "large"],
)
def test_digest_hex_is_hashlibs_blake2b(chunks: tuple[bytes, ...]) -> None:
    import hashlib

    expected = hashlib.blake2b(b"".join(chunks), digest_size=20).hexdigest()
    assert digest_hex(*chunks) == expected


def test_cache_key_is_unchanged(tmp_path: Path) -> None:
    """The cache files' names: the 20-byte BLAKE2b digest of the file, then the program's
    version, the cache format and the model fields (cache format 6 on; format 5 and
    before used SHA-256, so their entries are never read)."""
    import dataclasses
    import hashlib

    from roadmap_cli import __version__
    from roadmap_cli.roadmap.cache import CACHE_FORMAT
    from roadmap_cli.roadmap.model import Resource, Roadmap, Stage, Topic

    data = bundled_roadmap_path().read_bytes()
    fields = ",".join(
        ":".join(f.name for f in dataclasses.fields(model))
        for model in (Roadmap, Stage, Topic, Resource)
    )
    digest = hashlib.blake2b(data, digest_size=20)
    digest.update(f"\0{__version__}\0{CACHE_FORMAT}\0{fields}".encode())
    assert cache_key(data) == digest.hexdigest()
    assert CACHE_FORMAT == 6


@given(
    st.dictionaries(st.text(max_size=5), st.text(max_size=5), max_size=4),
    st.integers(0, 10_000),
    st.integers(1, 255),
)
def test_an_entry_changed_in_any_byte_is_not_read(
    extra: dict[str, str], where: int, flip: int
) -> None:
    """Every entry carries the CRC-32 of its bytes: changing any one byte (or editing it
    by hand and saving it as plain JSON) makes it a miss, never a wrong roadmap."""
    import tempfile

    from roadmap_cli.roadmap.cachekey import entry_bytes, read_entry

    entry = {"roadmap": {"id": "x", "extra": extra}, "warnings": []}
    data = bytearray(entry_bytes(entry))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "roadmap-x.json"
        path.write_bytes(bytes(data))
        assert read_entry(path) == entry
        data[where % len(data)] ^= flip
        path.write_bytes(bytes(data))
        assert read_entry(path) is None
        path.write_text(json.dumps(entry), encoding="utf-8")
        assert read_entry(path) is None


def test_an_entry_edited_on_disk_is_validated_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A title turned into a list in the cache (valid JSON, wrong type) used to reach the
    renderers as an internal error; now the entry misses and the file is read again."""
    from typer.testing import CliRunner

    from roadmap_cli.cli.app import app
    from roadmap_cli.roadmap.cachekey import read_entry

    monkeypatch.setenv("ROADMAP_CACHE_DIR", str(tmp_path / "c"))
    runner = CliRunner()
    assert runner.invoke(app, ["next"]).exit_code == 0
    (entry_path,) = (tmp_path / "c").iterdir()
    entry = read_entry(entry_path)
    assert entry is not None
    entry["roadmap"]["stages"][0]["topics"][0]["title"] = ["not", "a", "title"]
    entry_path.write_text(json.dumps(entry), encoding="utf-8")
    result = runner.invoke(app, ["next"])
    assert result.exit_code == 0, result.output
    assert "Deep learning lectures" in result.stdout
    assert "internal error" not in result.output
    rebuilt = read_entry(entry_path)
    assert rebuilt is not None and isinstance(
        rebuilt["roadmap"]["stages"][0]["topics"][0]["title"], str
    )
