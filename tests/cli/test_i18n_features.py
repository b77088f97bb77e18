"""The Chinese interface (``--lang zh``) of review, plan, log, link and roadmaps: the
output and errors are in Chinese, exit codes as in English, and ``--json`` is the same
bytes in both languages. The clock is pinned to 2026-12-06 09:00 UTC (TZ=UTC)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from roadmap_cli.support import clock

NOW = datetime(2026, 12, 6, 9, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _pinned() -> Iterator[None]:
    clock.pin(NOW)
    try:
        yield
    finally:
        clock.pin(None)


def _no_english(text: str, *words: str) -> None:
    for word in words:
        assert word not in text, word


def test_review_due_rate_and_forecast_in_chinese(roadmap) -> None:
    assert roadmap("done", "attention", "--date", "2026-11-20").exit_code == 0
    due = roadmap("--lang", "zh", "review")
    assert due.exit_code == 0, due.stderr
    assert "13 天前到期" in due.stdout
    assert "1 个主题到期待复习。" in due.stdout
    assert "评分：roadmap review attention good" in due.stdout
    _no_english(due.stdout, "due for review", "Ratings:", "Explain ", "not reviewed")
    rated = roadmap("--lang", "zh", "review", "attention", "good")
    assert rated.exit_code == 0, rated.stderr
    assert rated.stdout.startswith("已复习 ")
    assert "下次复习 " in rated.stdout and "天后，" in rated.stdout
    ahead = roadmap("--lang", "zh", "review", "--forecast", "--days", "3")
    assert ahead.exit_code == 0
    assert "每天到期的复习（记忆保持率 0.9）" in ahead.stdout
    assert "复习中的主题（下次复习，当前记忆概率）" in ahead.stdout
    assert "  2026-12-06 日" in ahead.stdout
    nothing = roadmap("--lang", "zh", "review")
    assert "今天没有到期的复习。" in nothing.stdout


def test_review_errors_in_chinese(roadmap) -> None:
    run = roadmap("--lang", "zh", "review", "attention", "good")
    assert run.exit_code == 2
    assert "attention 不在复习中：它的状态是未开始" in run.stderr
    assert "第一次复习在 3 天后到期" in run.stderr
    assert run.stdout == ""
    bad = roadmap("--lang", "zh", "review", "attention", "great")
    assert bad.exit_code == 2
    assert "RATING：未知的评分 'great'" in bad.stderr
    assert "请用 again (1)、hard (2)、good (3) 或 easy (4) 评分" in bad.stderr
    clash = roadmap("--lang", "zh", "review", "--forecast", "--off", "attention")
    assert clash.exit_code == 2
    assert "不能同时使用" in clash.stderr
    retention = roadmap("--lang", "zh", "review", "--retention", "0.5")
    assert retention.exit_code == 2
    assert "--retention：0.5 超出范围" in retention.stderr


def test_plan_in_chinese(roadmap) -> None:
    none = roadmap("--lang", "zh", "plan")
    assert none.exit_code == 0
    assert "还没有计划。" in none.stdout
    run = roadmap("--lang", "zh", "plan", "--by", "2027-06-30")
    assert run.exit_code == 0, run.stderr
    assert "计划已记录。" in run.stdout
    assert "在 2027-06-30 前学完 · 从 2026-12-06 开始 · 必修主题" in run.stdout
    assert "本周（11月30日 周一 – 12月6日 周日）：已完成 0/" in run.stdout
    assert "每周从周一开始，时区 UTC。" in run.stdout
    _no_english(run.stdout, "Plan:", "Left:", "Standing", "This week", "Mon ", "on track")
    cleared = roadmap("--lang", "zh", "plan", "--clear")
    assert cleared.exit_code == 0
    assert "计划已删除（'roadmap undo' 可恢复）。" in cleared.stdout


def test_plan_errors_in_chinese(roadmap) -> None:
    past = roadmap("--lang", "zh", "plan", "--by", "2020-01-01")
    assert past.exit_code == 2
    assert "--by：2020-01-01 已经过去了" in past.stderr
    assert "请给今天或之后的日期" in past.stderr
    both = roadmap("--lang", "zh", "plan", "--by", "2027-06-30", "--weekly", "3")
    assert both.exit_code == 2
    assert "--by 和 --weekly 冲突" in both.stderr
    clear = roadmap("--lang", "zh", "plan", "--clear")
    assert clear.exit_code == 1
    assert "plan：还没有设置计划" in clear.stderr


def test_log_in_chinese(roadmap) -> None:
    run = roadmap("--lang", "zh", "log", "attention", "1h30m", "-m", "第二遍")
    assert run.exit_code == 0, run.stderr
    assert run.stdout.startswith("已记录 1h30m：")
    assert "这个主题共记录了 1h30m。" in run.stdout
    empty = roadmap("--lang", "zh", "log", "attention", "30m", "-m", "  ")
    assert empty.exit_code == 2
    assert "-m：笔记是空的" in empty.stderr


def test_link_and_unlink_in_chinese(roadmap) -> None:
    url = "https://jalammar.github.io/illustrated-transformer/"
    run = roadmap("--lang", "zh", "link", "attention", url, "--kind", "blog")
    assert run.exit_code == 0, run.stderr
    assert run.stdout.startswith("已添加到 ")
    assert "这个主题上有你的 1 个链接；'roadmap show attention' 会列出它们。" in run.stdout
    again = roadmap("--lang", "zh", "link", "attention", url)
    assert again.exit_code == 2
    assert f"attention 已经列有 {url}" in again.stderr
    kind = roadmap("--lang", "zh", "link", "attention", "https://example.org/x", "-k", "meme")
    assert kind.exit_code == 2
    assert "--kind：未知的类型 'meme'" in kind.stderr
    wrong = roadmap("--lang", "zh", "unlink", "attention", "1")
    assert wrong.exit_code == 2
    assert "不是你在 attention 上添加的链接" in wrong.stderr


def test_roadmaps_and_use_in_chinese(roadmap) -> None:
    run = roadmap("--lang", "zh", "roadmaps")
    assert run.exit_code == 0, run.stderr
    assert "* 正在使用 · 用 'roadmap use ID' 切换" in run.stdout
    assert "还没有活动" in run.stdout
    _no_english(run.stdout, "in use", "no activity")
    unknown = roadmap("--lang", "zh", "use", "no-such-roadmap")
    assert unknown.exit_code == 2
    assert "ID：没有已安装的路线图 'no-such-roadmap'" in unknown.stderr
    assert "除了自带的 relearn-ai 之外没有安装任何路线图" in unknown.stderr
    assert unknown.stdout == ""


@pytest.mark.parametrize(
    "args",
    [
        ("review", "--json"),
        ("review", "--forecast", "--json"),
        ("plan", "--json"),
    ],
)
def test_json_is_the_same_bytes_in_both_languages(roadmap, args: tuple[str, ...]) -> None:
    roadmap("done", "attention", "--date", "2026-11-20")
    roadmap("plan", "--by", "2027-06-30")
    zh = roadmap("--lang", "zh", *args)
    en = roadmap("--lang", "en", *args)
    assert zh.exit_code == en.exit_code == 0
    assert zh.stdout == en.stdout
    assert zh.stdout.startswith("{")
