"""The interface in both languages: labels, status words, confirmations, errors, hints,
--help and the report read in Chinese under --lang zh (ROADMAP_LANG=zh, a zh locale) and
in English otherwise; --json is the same document in both."""

from __future__ import annotations

from pathlib import Path

import pytest

# English interface words that must not appear in the Chinese output of these commands
ENGLISH_LABELS = ("Next:", "Stage:", "Status:", "Resources", "When done", "to go", "Progress:")


def test_next(roadmap) -> None:
    zh = roadmap("--lang", "zh", "next")
    en = roadmap("--lang", "en", "next")
    assert zh.exit_code == en.exit_code == 0
    assert zh.stdout.startswith(
        "下一步：深度学习理论 · Deep learning lectures (Hung-yi Lee)  (dl-theory)\n阶段：基础\n"
    )
    assert "  1. 视频 【機器學習2022】 - YouTube\n" in zh.stdout
    assert "  学完后：roadmap done dl-theory\n" in zh.stdout
    assert zh.stdout.endswith("\n还剩 57 个主题。\n")
    assert not any(word in zh.stdout for word in ENGLISH_LABELS)
    assert en.stdout.startswith(
        "Next: Deep learning lectures (Hung-yi Lee) · 深度学习理论  (dl-theory)\n"
    )
    assert "  1. video  【機器學習2022】 - YouTube\n" in en.stdout  # as wide as "course"
    assert en.stdout.endswith("\n57 topics to go.\n")


def test_continue_and_optional(roadmap) -> None:
    assert roadmap("start", "zero-to-hero").exit_code == 0
    zh = roadmap("--lang", "zh", "next")
    assert zh.stdout.startswith("继续学习：")
    assert "   选修" in zh.stdout and "开始" in zh.stdout
    en = roadmap("--lang", "en", "next")
    assert en.stdout.startswith("Continue: ") and "   optional" in en.stdout


def test_list(roadmap) -> None:
    assert roadmap("done", "dl-theory").exit_code == 0
    zh = roadmap("--lang", "zh", "list", "foundations")
    assert zh.exit_code == 0
    assert zh.stdout.startswith("如果重学AI我会怎么学  1/57 · 2%\n")
    assert "\n基础  foundations  █░░░░░░░░░░░  1/9 · 11%\n" in zh.stdout
    assert "  [x] dl-theory    深度学习理论\n" in zh.stdout
    assert "  [ ] zero-to-hero karpathy Neural Networks: Zero to Hero（选修）\n" in zh.stdout
    en = roadmap("--lang", "en", "list", "foundations")
    assert "Zero to Hero (optional)\n" in en.stdout
    empty = roadmap("--lang", "zh", "list", "--status", "skipped")
    assert empty.stdout.endswith("\n没有已跳过的主题。\n")
    assert roadmap("--lang", "en", "list", "--status", "skipped").stdout.endswith(
        "\nNo topic is skipped.\n"
    )


def test_show(roadmap) -> None:
    assert roadmap("done", "dl-theory").exit_code == 0
    assert roadmap("note", "attention", "先看 3Blue1Brown").exit_code == 0
    zh = roadmap("--lang", "zh", "show", "attention")
    assert zh.exit_code == 0
    lines = zh.stdout.splitlines()
    assert lines[0] == "注意力机制 · Self-attention  (attention)"
    assert lines[1] == "状态：[ ] 待学习   阶段：大模型基础 (llm-foundations)"
    assert lines[2] == "前置：[x] dl-theory"
    assert lines[3].startswith("后续：[ ] nanogpt, [ ] llama-source, [ ] positional-encoding")
    assert "\n资源\n  1. 视频 Transformer - YouTube\n" in zh.stdout
    assert "\n笔记\n" in zh.stdout
    assert not any(word in zh.stdout for word in ENGLISH_LABELS)
    en = roadmap("--lang", "en", "show", "attention")
    assert en.stdout.splitlines()[1].startswith("Status: [ ] to do   Stage: LLM foundations")
    assert "\nResources\n  1. video   Transformer - YouTube\n" in en.stdout


def test_done_confirms_in_the_language(roadmap) -> None:
    zh = roadmap("--lang", "zh", "done", "dl-theory", "--date", "2026-11-01", "-m", "看完了")
    assert zh.exit_code == 0, zh.stderr
    assert zh.stdout.splitlines() == [
        "[x] dl-theory  深度学习理论  待学习 → 已完成 于 2026-11-01",
        "已添加笔记：看完了",
        "进度：█░░░░░░░░░░░░░░░░░░░  1/57 · 2%",
        "下一步：dl-code  (roadmap next)",
    ]
    again = roadmap("--lang", "zh", "done", "dl-theory")
    assert "（已经是已完成）" in again.stdout
    en = roadmap("--lang", "en", "done", "dl-code")
    assert en.stdout.splitlines()[0].startswith(
        "[x] dl-code  Dive into Deep Learning  to do → done on "
    )
    assert en.stdout.splitlines()[1].startswith("Progress: ")


def test_undo_and_note(roadmap) -> None:
    assert roadmap("start", "attention").exit_code == 0
    note = roadmap("--lang", "zh", "note", "attention", "第二遍")
    assert note.stdout.startswith("已添加笔记：注意力机制 (attention) 于 ")
    assert note.stdout.endswith("这个主题共有 1 条笔记；用 'roadmap show attention' 查看。\n")
    undo = roadmap("--lang", "zh", "undo")
    assert undo.stdout == "已撤销：attention 的笔记：第二遍\n"


def test_report_text(roadmap) -> None:
    assert roadmap("done", "dl-theory").exit_code == 0
    assert roadmap("start", "attention").exit_code == 0
    zh = roadmap("--lang", "zh", "report")
    assert zh.exit_code == 0, zh.stderr
    for heading in (
        "总进度",
        "\n各阶段\n",
        "\n进行中\n",
        "\n最近完成\n",
        "\n接下来\n",
        "\n学习节奏\n",
    ):
        assert heading in zh.stdout, heading
    assert "已完成 1 · 进行中 1 · 已跳过 0 · 待学习 55" in zh.stdout
    assert "进度  完成  进行  跳过  待学  必修  选修" in zh.stdout
    assert "当前连续学习：1 天 · 最长 1 天" in zh.stdout
    assert "每天完成、笔记或复习的次数" in zh.stdout
    for english in ("Overall", "Stages", "In progress", "Recently done", "Pace", "Streak"):
        assert english not in zh.stdout
    en = roadmap("--lang", "en", "report")
    assert "\nStages\n" in en.stdout and "Streak: 1 day now · longest 1 day" in en.stdout


def test_report_markdown(roadmap) -> None:
    assert roadmap("done", "dl-theory", "--date", "2026-11-01").exit_code == 0
    assert roadmap("start", "attention", "--date", "2026-11-02").exit_code == 0
    zh = roadmap("--lang", "zh", "report", "--format", "markdown").stdout
    assert zh.startswith(
        "# 如果重学AI我会怎么学\n\n~~不学，不如学前端就业~~\n\n"
        "进度：**1/57 (2%)** — 已完成 1 · 进行中 1"
    )
    assert "\n必修 1/54 · 选修 0/3 · " in zh
    assert "- [x] **深度学习理论** (`dl-theory`) — 已完成 2026-11-01\n" in zh
    assert "- [ ] **注意力机制** (`attention`) — *自 2026-11-02 起进行中*\n" in zh
    assert "(`nanogpt`) *（选修）*\n" in zh
    assert "\n路线图来源：<https://github.com/TIC-DLUT/roadmap" in zh
    en = roadmap("--lang", "en", "report", "--format", "markdown").stdout
    assert "- [ ] **Self-attention** (`attention`) — *in progress since 2026-11-02*\n" in en
    assert "\nRoadmap source: <https://github.com/" in en


@pytest.mark.parametrize("fmt", ["svg", "html"])
def test_report_pictures(roadmap, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"report.{fmt}"
    run = roadmap("--lang", "zh", "report", "--format", fmt, "--output", str(out))
    assert run.exit_code == 0, run.stderr
    text = out.read_text(encoding="utf-8")
    assert "总进度" in text and "学习节奏" in text and "Overall" not in text


def test_history(roadmap) -> None:
    assert roadmap("done", "dl-theory", "--date", "2026-11-01").exit_code == 0
    assert roadmap("note", "dl-theory", "很有收获").exit_code == 0
    zh = roadmap("--lang", "zh", "history").stdout.splitlines()
    assert zh[0].endswith("dl-theory  笔记：很有收获  · 深度学习理论")
    assert zh[1] == "2026-11-01 12:00  dl-theory  已完成  · 深度学习理论"
    assert zh[2] == "2 个事件；时间为 UTC 时区"
    assert roadmap("--lang", "zh", "history", "--since", "2030-01-01").stdout == (
        "2030-01-01 以来没有事件。\n"
    )
    en = roadmap("--lang", "en", "history").stdout.splitlines()
    assert en[1] == "2026-11-01 12:00  dl-theory  done  · Deep learning lectures (Hung-yi Lee)"
    assert en[2] == "2 events; times in UTC"


def test_unknown_topic_error_and_hint(roadmap) -> None:
    zh = roadmap("--lang", "zh", "show", "atention")
    assert zh.exit_code == 2 and zh.stdout == ""
    assert zh.stderr == (
        "roadmap: 错误: 未知的主题 'atention'\n"
        "提示: 你是想找 attention, flash-attention, agent 吗？\n"
    )
    en = roadmap("--lang", "en", "show", "atention")
    assert en.exit_code == 2
    assert en.stderr == (
        "roadmap: error: unknown topic 'atention'\n"
        "hint: did you mean attention, flash-attention, agent?\n"
    )
    stage = roadmap("--lang", "zh", "done", "foundations")
    assert "'foundations' 是一个阶段，不是主题" in stage.stderr
    assert "'roadmap list foundations'" in stage.stderr


def test_damaged_progress_file(roadmap, progress_file: Path) -> None:
    progress_file.parent.mkdir(parents=True, exist_ok=True)
    progress_file.write_text('{"schema": 1, "events": [', encoding="utf-8")
    zh = roadmap("--lang", "zh", "done", "dl-theory")
    assert zh.exit_code == 1 and zh.stdout == ""
    lines = zh.stderr.splitlines()
    assert (
        lines[0] == f"roadmap: 错误: {progress_file}: 进度文件不是有效的 JSON（第 1 行，第 26 列）"
    )
    assert lines[1] == "提示: 用 'roadmap progress restore' 恢复备份，或把这个文件移走重新开始"
    assert progress_file.read_text(encoding="utf-8") == '{"schema": 1, "events": ['
    en = roadmap("--lang", "en", "done", "dl-theory")
    assert en.exit_code == 1
    assert "the progress file is not valid JSON (line 1, column 26)" in en.stderr
    assert "hint: restore a backup with 'roadmap progress restore'" in en.stderr


def test_usage_errors_of_click(roadmap) -> None:
    run = roadmap("--lang", "zh", "next", "-n", "x")
    assert run.exit_code == 2
    assert run.stderr.startswith("roadmap: 错误: '-n' / '--count' 的值无效：应为整数")
    assert run.stderr.endswith("提示: 参见 'roadmap next --help'\n")
    assert "没有 'nxt' 这个命令。你是想用 'next' 吗？" in roadmap("--lang", "zh", "nxt").stderr
    assert "缺少参数 'TOPIC'。" in roadmap("--lang", "zh", "done").stderr
    assert "Missing argument 'TOPIC'." in roadmap("--lang", "en", "done").stderr


def test_command_help(roadmap) -> None:
    zh = roadmap("--lang", "zh", "next", "--help")
    assert zh.exit_code == 0
    assert "用法：roadmap next [OPTIONS]" in zh.stdout
    assert "告诉你现在该学什么，并列出它的资源和链接。" in zh.stdout
    assert "选项" in zh.stdout and "显示几个可以开始学的主题。" in zh.stdout
    assert "[默认：1]" in zh.stdout and "显示本帮助并退出。" in zh.stdout
    assert "示例：" in zh.stdout and "roadmap next -n 3" in zh.stdout
    for english in ("Usage:", "Say what to study", "Options", "Show this message", "default"):
        assert english not in zh.stdout, english
    en = roadmap("--lang", "en", "next", "--help")
    assert "Usage: roadmap next [OPTIONS]" in en.stdout
    assert "Say what to study now" in en.stdout and "Show this message and exit." in en.stdout
    assert "告诉你" not in en.stdout


def test_top_level_and_group_help(roadmap) -> None:
    zh = roadmap("--lang", "zh", "--help").stdout
    assert "跟踪你在学习路线图上的进度" in zh and "命令" in zh and "参数" not in zh
    assert "next      告诉你现在该学什么" in zh
    assert "从 'roadmap next' 开始。" in zh
    merge = roadmap("--lang", "zh", "progress", "merge", "--help").stdout
    assert "把一份进度副本合并到你的进度中" in merge and "参数" in merge
    assert "一份进度副本（JSON）。" in merge and "显示本帮助并退出。" in merge
    en = roadmap("--lang", "en", "--help").stdout
    assert "Track your way through a learning roadmap" in en and "Commands" in en


def test_environment_and_locale_choose_the_interface(roadmap, monkeypatch) -> None:
    monkeypatch.setenv("ROADMAP_LANG", "zh")
    assert roadmap("next").stdout.startswith("下一步：")
    assert "用法：roadmap next" in roadmap("next", "--help").stdout
    monkeypatch.delenv("ROADMAP_LANG")
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert roadmap("next").stdout.startswith("下一步：")
    assert "告诉你现在该学什么" in roadmap("--help").stdout
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    assert roadmap("next").stdout.startswith("Next: ")
    assert "Say what to study now" in roadmap("--help").stdout


def test_one_process_switches_back_and_forth(roadmap) -> None:
    """Help texts are translated on fresh click objects: a Chinese run leaves no trace."""
    for _ in range(2):
        assert "告诉你" in roadmap("--lang", "zh", "next", "--help").stdout
        assert "Say what to study now" in roadmap("--lang", "en", "next", "--help").stdout
        assert "Usage:" in roadmap("--lang", "en", "--help").stdout


@pytest.mark.parametrize(
    "args",
    [
        ["next", "-n", "3"],
        ["list"],
        ["show", "attention"],
        ["show", "llm-foundations"],
        ["report"],
        ["history"],
    ],
    ids=lambda a: " ".join(a),
)
def test_json_is_the_same_document_in_both_languages(roadmap, args: list[str]) -> None:
    assert roadmap("done", "dl-theory", "--date", "2026-11-01").exit_code == 0
    assert roadmap("start", "attention", "-m", "第一遍").exit_code == 0
    zh = roadmap("--lang", "zh", *args, "--json")
    en = roadmap("--lang", "en", *args, "--json")
    assert zh.exit_code == en.exit_code == 0
    assert zh.stdout == en.stdout
    assert zh.stdout.startswith("{")
