"""The cached index of summaries and done links: used while files are unchanged,
rebuilt when a roadmap or its progress changes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from roadmap_cli.library import index as index_module
from roadmap_cli.library.index import Index, done_elsewhere
from roadmap_cli.library.store import Library, SourceRecord

ROADMAP = """schema = 1
id = "other"
title = "Other"
language = "en"

[[stages]]
id = "s"
title = "S"

[[stages.topics]]
id = "paper"
title = "Paper"

[[stages.topics.resources]]
title = "P"
url = "https://arxiv.org/abs/2205.14135v2"
kind = "paper"
"""

PROGRESS = {
    "schema": 1,
    "roadmap": "other",
    "events": [
        {"id": "01", "at": "2026-11-20T10:00:00Z", "topic": "paper", "status": "done"},
    ],
}


def test_index_is_reused_until_progress_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    library = Library(tmp_path)
    library.install("other", ROADMAP, SourceRecord("s", "s", "toml", "t", "h"), replace=False)
    links = {"mine": ["arxiv:2205.14135"]}
    assert done_elsewhere(library, "mine", links) == {}
    assert (library.folder / ".index.json").is_file()
    calls: list[str] = []
    real = index_module.build_summary

    def counting(roadmap_id: str, path: Path, data_dir: Path) -> index_module.Summary:
        calls.append(roadmap_id)
        return real(roadmap_id, path, data_dir)

    monkeypatch.setattr(index_module, "build_summary", counting)
    assert done_elsewhere(library, "mine", links) == {}
    assert calls == []  # served from the index
    (tmp_path / "other.json").write_text(json.dumps(PROGRESS))
    found = done_elsewhere(library, "mine", links)
    assert calls == ["other"]
    assert [(h.roadmap, h.topic) for h in found["mine"]] == [("other", "paper")]
    assert found["mine"][0].to_json()["at"] == "2026-11-20T10:00:00Z"
    summary = Index(library).summary("other", library.path("other"))
    assert (summary.done, summary.topics, summary.last_activity) == (1, 1, "2026-11-20T10:00:00Z")


def test_a_damaged_roadmap_or_index_is_reported_not_raised(tmp_path: Path) -> None:
    library = Library(tmp_path)
    library.install("other", "not toml [", SourceRecord("s", "s", "toml", "t", "h"), replace=False)
    (library.folder / ".index.json").write_text("{broken")
    summary = Index(library).summary("other", library.path("other"))
    assert summary.error is not None and summary.topics == 0
