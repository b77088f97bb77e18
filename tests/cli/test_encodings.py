"""Output never crashes on the stream's encoding; JSON stays the same data."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ENCODINGS = ["cp1252", "latin-1", "gbk", "ascii"]


def run(data: Path, encoding: str, *args: str) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ)
    env.update(
        ROADMAP_DATA_DIR=str(data),
        PYTHONIOENCODING=encoding,
        NO_COLOR="1",
        COLUMNS="100",
        TZ="UTC",
    )
    env.pop("ROADMAP_FILE", None)
    return subprocess.run(
        [sys.executable, "-m", "roadmap_cli", *args], env=env, capture_output=True, check=False
    )


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("enc") / "data"
    done = run(folder, "utf-8", "done", "numpy", "-m", "广播 finally “clicked” → ✓ 😀 é")
    assert done.returncode == 0, done.stderr
    return folder


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize(
    "args",
    [
        ("list",),
        ("report",),
        ("show", "numpy"),
        ("history",),
        ("doctor",),
    ],
)
def test_text_output_never_crashes(data: Path, encoding: str, args: tuple[str, ...]) -> None:
    result = run(data, encoding, *args)
    assert result.returncode == 0, result.stderr.decode(encoding, "replace")
    assert b"Traceback" not in result.stderr
    assert result.stderr == b""
    result.stdout.decode(encoding)  # what was written is valid in that encoding


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("args", [("show", "numpy", "--json"), ("report", "--json")])
def test_json_escapes_what_the_stream_cannot_carry(
    data: Path, encoding: str, args: tuple[str, ...]
) -> None:
    reference = json.loads(run(data, "utf-8", *args).stdout.decode("utf-8"))
    result = run(data, encoding, *args)
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout.decode(encoding))
    if args[0] == "report":  # generated at another second
        doc.pop("generated"), reference.pop("generated")
    assert doc == reference


def test_bars_and_arrows_fall_back_to_ascii_marks(data: Path) -> None:
    out = run(data, "ascii", "list").stdout.decode("ascii")
    assert "#" in out and "-" in out and "?" not in out.split("\n")[2]
    change = run(data, "ascii", "start", "pandas").stdout.decode("ascii")
    assert "to do -> in progress" in change


def test_the_export_document_is_the_same_data_on_any_stream(data: Path) -> None:
    reference = json.loads(run(data, "utf-8", "progress", "export", "-").stdout)
    for encoding in ENCODINGS:
        result = run(data, encoding, "progress", "export", "-")
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout.decode(encoding)) == reference
