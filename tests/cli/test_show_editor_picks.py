"""`show` and `next` mark the editor's picks (origin = "editor") in text and --json."""

from __future__ import annotations

from pathlib import Path

EDITOR_PICK = "editor's pick"


def _blocks(stdout: str) -> dict[str, str]:
    """`next` text split into one block per topic, keyed by topic id."""
    blocks: dict[str, str] = {}
    current = ""
    for line in stdout.splitlines():
        if line.startswith(("Next: ", "Continue: ")):
            current = line.rsplit("(", 1)[1].rstrip(")")
        if current:
            blocks[current] = blocks.get(current, "") + line + "\n"
    return blocks


def test_show_marks_each_editor_pick(roadmap) -> None:
    run = roadmap("show", "grpo")
    assert run.exit_code == 0, run.stderr
    assert run.stdout.count(EDITOR_PICK) == 3
    assert "https://arxiv.org/abs/2402.03300" in run.stdout
    assert "  1. paper [2402.03300] DeepSeekMath" in run.stdout


def test_show_does_not_mark_the_authors_resources(roadmap) -> None:
    run = roadmap("show", "dl-theory")
    assert run.exit_code == 0, run.stderr
    assert "https://speech.ee.ntu.edu.tw/~hylee/ml/2022-spring.php" in run.stdout
    assert EDITOR_PICK not in run.stdout


def test_show_json_gives_origin_and_note_en(roadmap) -> None:
    picks = roadmap("show", "ppo", "--json").json()["topic"]["resources"]
    assert picks and {r["origin"] for r in picks} == {"editor"}
    assert all(r["note"] and r["note_en"] for r in picks)
    authors = roadmap("show", "dl-theory", "--json").json()["topic"]["resources"]
    assert authors and {r["origin"] for r in authors} == {None}


def test_next_marks_editor_picks_only_under_their_topic(roadmap) -> None:
    run = roadmap("next", "-n", "3")
    assert run.exit_code == 0, run.stderr
    blocks = _blocks(run.stdout)
    assert list(blocks) == ["dl-theory", "dl-code", "numpy"]
    assert EDITOR_PICK not in blocks["dl-theory"] + blocks["dl-code"]
    assert "docs NumPy: the absolute basics for beginners  editor's pick" in blocks["numpy"]
    assert "No resources listed" not in run.stdout


def test_next_json_gives_origin(roadmap) -> None:
    items = roadmap("next", "-n", "3", "--json").json()["next"]
    origins = {i["id"]: {r["origin"] for r in i["resources"]} for i in items}
    assert origins == {"dl-theory": {None}, "dl-code": {None}, "numpy": {"editor"}}


def test_no_topic_of_the_bundled_roadmap_says_look_it_up(roadmap) -> None:
    ids = [t["id"] for s in roadmap("list", "--json").json()["stages"] for t in s["topics"]]
    for tid in ids:
        run = roadmap("show", tid)
        assert run.exit_code == 0, (tid, run.stderr)
        assert "No resources listed" not in run.stdout, tid


def test_an_editor_pick_in_your_own_roadmap_is_marked_too(roadmap, tmp_path: Path) -> None:
    own = tmp_path / "own.toml"
    own.write_text(
        'schema = 1\nid = "own"\ntitle = "Own"\n'
        '[[stages]]\nid = "s"\ntitle = "Stage"\n'
        '[[stages.topics]]\nid = "t"\ntitle = "Topic"\n'
        '[[stages.topics.resources]]\ntitle = "Mine"\nurl = "https://example.org/mine"\n'
        'kind = "blog"\n'
        '[[stages.topics.resources]]\ntitle = "Picked"\nurl = "https://example.org/picked"\n'
        'kind = "paper"\nnote = "why"\nnote_en = "why, in English"\norigin = "editor"\n',
        encoding="utf-8",
    )
    text = roadmap("--roadmap", str(own), "show", "t")
    assert text.exit_code == 0, text.stderr
    lines = text.stdout.splitlines()
    assert any("Picked" in line and EDITOR_PICK in line for line in lines)
    assert not any("Mine" in line and EDITOR_PICK in line for line in lines)
    doc = roadmap("--roadmap", str(own), "next", "--json").json()["next"][0]["resources"]
    assert [(r["title"], r["origin"], r["note_en"]) for r in doc] == [
        ("Mine", None, None),
        ("Picked", "editor", "why, in English"),
    ]


def test_markdown_report_marks_editor_picks(roadmap) -> None:
    lines = roadmap("report", "--format", "markdown").stdout.splitlines()
    ppo = (
        "  - [\\[1707.06347\\] Proximal Policy Optimization Algorithms]"
        "(https://arxiv.org/abs/1707.06347) — *editor's pick* — "
    )
    assert any(line.startswith(ppo) for line in lines)  # then the pick's note
    assert (
        "  - [The Annotated Transformer](https://nlp.seas.harvard.edu/annotated-transformer/)"
        in (lines)
    )
