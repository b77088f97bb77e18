"""Your own links: 'roadmap link TOPIC URL' and 'roadmap unlink TOPIC N', shown in show,
next, open and the Markdown report, recorded as events that undo and merge."""

from __future__ import annotations

import json
from pathlib import Path

URL = "https://jalammar.github.io/illustrated-transformer/"


def _events(progress_file: Path) -> list[dict[str, object]]:
    return json.loads(progress_file.read_text(encoding="utf-8"))["events"]


def _link(roadmap, *extra: str):
    return roadmap("link", "attention", URL, "-t", "The Illustrated Transformer", *extra)


def test_link_records_an_event_and_show_lists_it_marked_yours(roadmap, progress_file) -> None:
    run = _link(roadmap, "--kind", "blog", "-m", "pictures of every step")
    assert run.exit_code == 0, run.stderr
    assert run.stderr == ""
    assert "Added to Self-attention (attention)" in run.stdout
    assert "3. blog The Illustrated Transformer  yours" in run.stdout
    assert "1 link of yours on this topic" in run.stdout
    (event,) = _events(progress_file)
    assert event["topic"] == "attention"
    assert event["link"] == {
        "url": URL,
        "title": "The Illustrated Transformer",
        "kind": "blog",
        "note": "pictures of every step",
    }
    show = roadmap("show", "attention")
    assert "The Illustrated Transformer  yours" in show.stdout
    assert URL in show.stdout
    resources = roadmap("show", "attention", "--json").json()["topic"]["resources"]
    assert resources[-1]["url"] == URL and resources[-1]["origin"] == "yours"
    assert [r["origin"] for r in resources[:-1]] == [None, None]


def test_next_open_and_markdown_report_list_your_link(roadmap) -> None:
    roadmap("skip", "dl-theory", "dl-code", "numpy", "pandas", "matplotlib", "seaborn")
    roadmap("skip", "scikit-learn", "pytorch-lightning", "accelerate", "hf-transformers")
    roadmap("start", "attention")
    assert _link(roadmap).exit_code == 0
    nxt = roadmap("next", "--json").json()["next"][0]
    assert nxt["id"] == "attention"
    assert nxt["resources"][-1]["url"] == URL
    assert "The Illustrated Transformer  yours" in roadmap("next").stdout
    opened = roadmap("open", "attention", "--index", "3", "--no-browser", "--json").json()
    assert opened["resources"][0]["url"] == URL
    report = roadmap("report", "--format", "markdown").stdout
    assert f"[The Illustrated Transformer]({URL}) — *yours*" in report


def test_unlink_removes_your_link_and_undo_brings_it_back(roadmap, progress_file) -> None:
    assert _link(roadmap).exit_code == 0
    run = roadmap("unlink", "attention", "3")
    assert run.exit_code == 0, run.stderr
    assert "Removed from Self-attention (attention)" in run.stdout
    assert URL not in roadmap("show", "attention").stdout
    unlink_event = _events(progress_file)[-1]
    link_event = _events(progress_file)[0]
    assert unlink_event["unlink"] == link_event["id"]
    undo = roadmap("undo")
    assert undo.exit_code == 0
    assert "link removed on attention" in undo.stdout
    assert URL in roadmap("show", "attention").stdout
    assert "link: The Illustrated Transformer on attention" in roadmap("undo").stdout
    assert URL not in roadmap("show", "attention").stdout


def test_history_names_link_events(roadmap) -> None:
    _link(roadmap)
    roadmap("unlink", "attention", "3")
    out = roadmap("history").stdout
    assert "link: The Illustrated Transformer" in out
    assert "link removed" in out


def test_bad_links_are_refused_and_nothing_is_recorded(roadmap, progress_file) -> None:
    bad = roadmap("link", "attention", "ftp://example.org/x")
    assert bad.exit_code == 2
    assert bad.stdout == ""
    assert "URL scheme must be http or https, not 'ftp'" in bad.stderr
    kind = roadmap("link", "attention", URL, "--kind", "podcast")
    assert kind.exit_code == 2 and "--kind: unknown kind 'podcast'" in kind.stderr
    unknown = roadmap("link", "no-such-topic", URL)
    assert unknown.exit_code == 2
    author = roadmap("link", "attention", "https://nlp.seas.harvard.edu/annotated-transformer/")
    assert author.exit_code == 2 and "already lists" in author.stderr
    assert not progress_file.exists()
    assert _link(roadmap).exit_code == 0
    again = _link(roadmap)
    assert again.exit_code == 2 and "already lists" in again.stderr
    assert len(_events(progress_file)) == 1


def test_unlink_only_removes_your_own_links(roadmap, progress_file) -> None:
    none = roadmap("unlink", "attention", "1")
    assert none.exit_code == 2
    assert "attention has no links of yours to remove" in none.stderr
    _link(roadmap)
    own = roadmap("unlink", "attention", "1")
    assert own.exit_code == 2
    assert "1 is not one of your links on attention (yours: 3)" in own.stderr
    assert len(_events(progress_file)) == 1


def test_link_json_document(roadmap) -> None:
    doc = _link(roadmap, "--json").json()
    assert doc["action"] == "link"
    assert doc["topic"]["id"] == "attention"
    assert doc["number"] == 3
    assert doc["resource"]["origin"] == "yours"
    assert doc["event"]["link"]["url"] == URL
    assert doc["links"] == 1
