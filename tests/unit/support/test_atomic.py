"""support/atomic.py: an atomic replace keeps the file's mode and leaves nothing behind."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from roadmap_cli.support.atomic import TempFileError, make_temp, replace_bytes


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
def test_replace_keeps_the_mode_of_the_file_it_replaces(tmp_path: Path) -> None:
    path = tmp_path / "shared.json"
    path.write_bytes(b"old")
    os.chmod(path, 0o644)
    replace_bytes(path, b"new \xff bytes")
    assert path.read_bytes() == b"new \xff bytes"
    assert path.stat().st_mode & 0o777 == 0o644
    assert [p.name for p in tmp_path.iterdir()] == ["shared.json"]


def test_a_missing_folder_is_a_temp_file_error_and_a_failed_write_leaves_nothing(
    tmp_path: Path,
) -> None:
    with pytest.raises(TempFileError):
        replace_bytes(tmp_path / "missing" / "x.json", b"x")
    target = tmp_path / "folder"
    target.mkdir()
    (target / "inside").write_text("keeps the rename from replacing it", "utf-8")
    with pytest.raises(OSError):
        replace_bytes(target, b"x")  # a non-empty folder cannot be replaced by a file
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder"]


def test_make_temp_makes_a_new_private_file_each_time(tmp_path: Path) -> None:
    made = [make_temp(tmp_path, ".x.json.", ".tmp") for _n in range(50)]
    try:
        names = {path.name for _fd, path in made}
        assert len(names) == 50  # a random part each time
        for fd, path in made:
            assert path.parent == tmp_path
            assert path.name.startswith(".x.json.") and path.name.endswith(".tmp")
            assert not os.get_inheritable(fd)
            if sys.platform != "win32":
                assert path.stat().st_mode & 0o777 == 0o600
            os.write(fd, b"written")  # open for writing
            os.lseek(fd, 0, os.SEEK_SET)
            assert os.read(fd, 10) == b"written"  # and reading
    finally:
        for fd, _path in made:
            os.close(fd)


def test_make_temp_takes_another_name_when_one_exists(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import roadmap_cli.support.atomic as atomic

    (tmp_path / f"a{'00' * 6}z").write_text("taken")
    draws = iter([b"\0" * 6, b"\0" * 6, b"\1" * 6])
    monkeypatch.setattr(atomic.os, "urandom", lambda n: next(draws))
    fd, path = make_temp(tmp_path, "a", "z")
    os.close(fd)
    assert path.name == f"a{'01' * 6}z"
    assert (tmp_path / f"a{'00' * 6}z").read_text() == "taken"  # never opened over
    monkeypatch.setattr(atomic.os, "urandom", lambda n: b"\0" * n)
    with pytest.raises(FileExistsError):
        make_temp(tmp_path, "a", "z")


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX symlinks")
def test_make_temp_never_follows_a_symlink_and_says_why_it_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import roadmap_cli.support.atomic as atomic

    (tmp_path / f"a{'00' * 6}z").symlink_to(tmp_path / "target")
    draws = iter([b"\0" * 6, b"\2" * 6])
    monkeypatch.setattr(atomic.os, "urandom", lambda n: next(draws))
    fd, path = make_temp(tmp_path, "a", "z")
    os.close(fd)
    assert not (tmp_path / "target").exists()
    assert path.name == f"a{'02' * 6}z"
    monkeypatch.undo()
    with pytest.raises(FileNotFoundError):
        make_temp(tmp_path / "missing", "a", "z")
