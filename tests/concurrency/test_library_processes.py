"""``roadmap add`` and ``roadmap done`` at the same moment, in real processes: every
roadmap added is installed whole with its source record, every mark lands, and two
processes adding the same id never both win."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROADMAP = """schema = 1
id = "{id}"
title = "Roadmap {id}"
language = "en"

[[stages]]
id = "s"
title = "S"
{topics}
"""
TOPIC = """
[[stages.topics]]
id = "t{n}"
title = "Topic {n}"

[[stages.topics.resources]]
title = "Paper {n}"
url = "https://arxiv.org/abs/2401.{n:05d}"
kind = "paper"
"""


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "roadmap_cli", *args]


def env(tmp: Path) -> dict[str, str]:
    out = dict(os.environ)
    out.update(
        ROADMAP_DATA_DIR=str(tmp / "data"),
        ROADMAP_CONFIG_DIR=str(tmp / "config"),
        ROADMAP_CACHE_DIR=str(tmp / "cache"),
        NO_COLOR="1",
        COLUMNS="100",
        LANG="C.UTF-8",
    )
    out.pop("ROADMAP_FILE", None)
    return out


def write_roadmap(path: Path, roadmap_id: str, topics: int) -> Path:
    body = "".join(TOPIC.format(n=n) for n in range(topics))
    path.write_text(ROADMAP.format(id=roadmap_id, topics=body), encoding="utf-8")
    return path


def test_add_and_done_in_parallel_leave_both_complete(tmp_path: Path) -> None:
    base = write_roadmap(tmp_path / "base.toml", "base", 12)
    subprocess.run(cli("add", str(base)), env=env(tmp_path), check=True, capture_output=True)
    sources = [write_roadmap(tmp_path / f"r{i}.toml", f"r{i}", 3) for i in range(6)]
    commands = [cli("add", str(s)) for s in sources]
    commands += [cli("--roadmap", "base", "done", f"t{n}") for n in range(12)]
    commands += [cli("--roadmap", "r0", "next") for _ in range(3)]  # index readers/writers
    procs = [
        subprocess.Popen(c, env=env(tmp_path), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for c in commands
    ]
    results = [(p.wait(timeout=120), p.stderr.read().decode() if p.stderr else "") for p in procs]
    for p in procs:
        if p.stdout:
            p.stdout.close()
        if p.stderr:
            p.stderr.close()
    adds, dones = results[:6], results[6:18]
    assert all(code == 0 for code, _ in adds + dones), results
    folder = tmp_path / "data" / "roadmaps"
    for i in range(6):
        assert (folder / f"r{i}.toml").read_text() == sources[i].read_text()
        assert json.loads((folder / f"r{i}.source.json").read_text())["kind"] == "toml"
    run = subprocess.run(
        cli("roadmaps", "--json"), env=env(tmp_path), capture_output=True, text=True, check=True
    )
    rows = {r["id"]: r for r in json.loads(run.stdout)["roadmaps"]}
    assert sorted(rows) == sorted(["relearn-ai", "base", *(f"r{i}" for i in range(6))])
    assert rows["base"]["progress"]["done"] == 12
    json.loads((folder / ".index.json").read_text())  # whole, whoever wrote it last


def test_two_adds_of_one_id_never_both_win(tmp_path: Path) -> None:
    sources = [write_roadmap(tmp_path / f"v{i}.toml", "same", 2 + i) for i in range(4)]
    procs = [
        subprocess.Popen(
            cli("add", str(s)), env=env(tmp_path), stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        for s in sources
    ]
    codes = []
    for p in procs:
        codes.append(p.wait(timeout=120))
        for stream in (p.stdout, p.stderr):
            if stream:
                stream.close()
    assert codes.count(0) == 1, codes
    assert all(c in (1, 2) for c in codes if c)
    winner = sources[codes.index(0)]
    folder = tmp_path / "data" / "roadmaps"
    assert (folder / "same.toml").read_text() == winner.read_text()
    record = json.loads((folder / "same.source.json").read_text())
    assert record["source"] == str(winner.resolve())
