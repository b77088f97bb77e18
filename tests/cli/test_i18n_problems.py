"""The problems ``roadmap validate`` finds, and the other messages that were English under
``--lang zh`` (the merge driver git runs, downloads, import reasons, plan/sync/import
usage errors), read in Chinese under ``--lang zh`` (or ``ROADMAP_LANG=zh``, a zh locale)
and in English otherwise, while ``--json`` stays the same English document in both."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.builders import flat

#: A roadmap with one problem of each kind pydantic and the whole-roadmap checks report.
PROBLEMS = """schema = 1
id = "p"
title = "问题"
language = "zh"
colour = "red"

[[stages]]
id = "s"
title = "阶段"

[[stages.topics]]
id = "a"
title = 5
requires = ["b", "nope"]
optional = "yes"
aliases = ["a"]

[[stages.topics.resources]]
title = "r"
url = "ftp://example.com/x"
kind = "blog"
origin = "me"

[[stages.topics]]
id = "B B"
title = "  "

[[stages.topics]]
id = "a"
title = "重复"
"""

#: A valid Chinese roadmap whose texts lack their English twins (warnings only).
NO_TWINS = """schema = 1
id = "twins"
title = "双语"
language = "zh"

[[stages]]
id = "s"
title = "阶段"
title_en = "Stage"
summary = "先学基础。"

[[stages.topics]]
id = "a"
title = "主题"
title_en = "Topic"

[[stages.topics.resources]]
title = "r"
url = "https://example.com/x"
kind = "site"
note = "必读。"
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_validate_problems_in_both_languages(
    roadmap, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "400")  # a Chinese line folds without a space
    path = _write(tmp_path, "p.toml", PROBLEMS)
    zh = roadmap("--lang", "zh", "validate", str(path))
    en = roadmap("--lang", "en", "validate", str(path))
    assert zh.exit_code == en.exit_code == 1
    assert zh.stderr == en.stderr == ""
    out = flat(zh.stdout)
    assert out.startswith(f"{path}: 11 个错误，")
    for line in (
        "错误 第 5 行 colour: 未知字段（请对照文档中的格式检查拼写）",
        "stages[0].topics[0].title: 应为字符串（用引号括起的文字）",
        "stages[0].topics[0].optional: 应为布尔值（true 或 false）",
        "stages[0].topics[0].requires[1]: 未知的主题 id 'nope'",
        "stages[0].topics[0].resources[0].url: 网址必须以 http 或 https 开头，而不是 'ftp'",
        "stages[0].topics[0].resources[0].origin: 应为 'editor'",
        "stages[0].topics[1].id: id 'B B' 只能由小写 ASCII 字母、数字和 '-' 组成，"
        "并以字母或数字开头",
        "stages[0].topics[1].title: 不能为空",
        "stages[0].topics[2].id: 主题 id 'a' 重复（第一次出现在 stages[0].topics[0]）",
        "stages[0].topics[0].aliases[0]: 别名 'a' 是一个现有主题的 id（stages[0].topics[0]）",
        "警告 第 7 行 stages[0].title_en: 没有英文标题",
    ):
        assert line in out, line
    assert not any(
        word in zh.stdout
        for word in ("error", "warning", "Input should", "unknown", "line ", "must ")
    )
    en_out = flat(en.stdout)
    assert "error line 5 colour: unknown field (check its spelling" in en_out
    assert "stages[0].topics[0].title: Input should be a valid string" in en_out
    assert "stages[0].topics[0].resources[0].origin: Input should be 'editor'" in en_out
    assert "warning line 7 stages[0].title_en: no English title" in en_out


def test_validate_json_is_the_same_english_in_both_languages(roadmap, tmp_path: Path) -> None:
    for name, text, status in (
        ("p.toml", PROBLEMS, 1),
        ("twins.toml", NO_TWINS, 0),
        ("syntax.toml", "schema = 1\nid = \n", 1),
    ):
        path = _write(tmp_path, name, text)
        zh = roadmap("--lang", "zh", "validate", str(path), "--json")
        en = roadmap("--lang", "en", "validate", str(path), "--json")
        assert zh.exit_code == en.exit_code == status, name
        assert zh.stdout == en.stdout, name  # byte for byte
        assert zh.stderr == en.stderr == ""
    problems = {(p["location"], p["message"]) for p in en.json()["problems"]}
    assert problems == {("line 2, column 6", "TOML syntax error: Invalid value")}
    first = roadmap("--lang", "zh", "validate", str(tmp_path / "p.toml"), "--json").json()
    messages = {p["location"]: p["message"] for p in first["problems"]}
    assert messages["colour"] == (
        "unknown field (check its spelling against the documented format)"
    )
    assert messages["stages[0].topics[0].title"] == "Input should be a valid string"
    assert messages["stages[0].topics[0].requires[1]"] == "unknown topic id 'nope'"
    assert messages["stages[0].topics[0].resources[0].url"] == (
        "URL scheme must be http or https, not 'ftp'"
    )
    assert messages["stages[0].title_en"] == "no English title"


def test_toml_syntax_error_location_and_reason_in_chinese(roadmap, tmp_path: Path) -> None:
    path = _write(tmp_path, "syntax.toml", "schema = 1\nid = \n")
    zh = roadmap("--lang", "zh", "validate", str(path))
    assert zh.exit_code == 1 and zh.stderr == ""
    assert f"{path}: 1 个错误\n错误  第 2 行第 6 列: TOML 语法错误：无效的值\n" == zh.stdout
    en = roadmap("--lang", "en", "validate", str(path))
    assert (
        en.stdout == f"{path}: 1 error\nerror  line 2, column 6: TOML syntax error: Invalid value\n"
    )
    unclosed = _write(tmp_path, "unclosed.toml", 'schema = 1\nid = "x"\ntags = [1, 2\n')
    zh = roadmap("--lang", "zh", "validate", str(unclosed))
    assert "第 4 行（文件末尾）: TOML 语法错误：数组没有闭合" in zh.stdout
    binary = tmp_path / "binary.toml"
    binary.write_bytes(b"schema = 1\nid = \xff\n")
    zh = roadmap("--lang", "zh", "validate", str(binary))
    assert "第 16 字节: 不是 UTF-8 文本；请把文件存为 UTF-8" in zh.stdout
    assert roadmap("validate", str(binary), "--json").json()["problems"][0]["location"] == "byte 16"


def test_missing_english_twins_warned_in_both_languages(roadmap, tmp_path: Path) -> None:
    path = _write(tmp_path, "twins.toml", NO_TWINS)
    zh = roadmap("--lang", "zh", "validate", str(path))
    assert zh.exit_code == 0 and zh.stderr == ""
    out = flat(zh.stdout)
    assert out.startswith(
        f"{path}: 有效的路线图 'twins'（1 个阶段，1 个主题，1 个资源），2 个警告 "
        "警告 第 6 行 stages[0].summary_en:"
    )
    assert "stages[0].summary_en: 有概述（summary）但没有 summary_en" in out
    assert "stages[0].topics[0].resources[0].note_en: 有说明（note）但没有 note_en" in out
    assert "without" not in zh.stdout
    en = flat(roadmap("--lang", "en", "validate", str(path)).stdout)
    assert "stages[0].summary_en: a summary without summary_en" in en
    assert "2 warnings" in en


def test_an_invalid_roadmap_in_use_is_explained_in_chinese(roadmap, tmp_path: Path) -> None:
    path = _write(tmp_path, "p.toml", PROBLEMS)
    zh = roadmap("--lang", "zh", "--roadmap", str(path), "next")
    assert zh.exit_code == 1 and zh.stdout == ""
    lines = zh.stderr.splitlines()
    assert lines[0] == f"roadmap: 错误: {path}: 路线图文件无效（11 个问题）"
    assert "  stages[0].topics[0].title: 应为字符串（用引号括起的文字）" in lines
    assert lines[-1] == f"提示: 请修改文件，然后用 'roadmap validate {path}' 检查"
    en = roadmap("--lang", "en", "--roadmap", str(path), "next")
    assert "  stages[0].topics[0].title: Input should be a valid string" in en.stderr.splitlines()


def test_doctor_warnings_translated_also_from_the_cache(roadmap, tmp_path: Path) -> None:
    path = _write(tmp_path, "twins.toml", NO_TWINS)
    for _ in range(2):  # the second run reads the validated roadmap from the cache
        zh = roadmap("--lang", "zh", "--roadmap", str(path), "doctor")
        assert zh.exit_code == 0, zh.stderr
        assert "stages[0].summary_en: 有概述（summary）但没有 summary_en" in flat(zh.stdout)
        assert "without" not in zh.stdout
        en = roadmap("--lang", "en", "--roadmap", str(path), "doctor")
        assert "stages[0].summary_en: a summary without summary_en" in flat(en.stdout)
    zh_json = roadmap("--lang", "zh", "--roadmap", str(path), "doctor", "--json").json()
    en_json = roadmap("--lang", "en", "--roadmap", str(path), "doctor", "--json").json()
    assert zh_json["roadmap"] == en_json["roadmap"]
    assert "stages[0].summary_en: a summary without summary_en" in en_json["roadmap"]["warnings"]


def test_doctor_errors_json_english_text_chinese(roadmap, tmp_path: Path) -> None:
    path = _write(tmp_path, "p.toml", PROBLEMS)
    zh = roadmap("--lang", "zh", "--roadmap", str(path), "doctor")
    assert zh.exit_code == 1
    assert "stages[0].topics[0].title: 应为字符串（用引号括起的文字）" in flat(zh.stdout)
    zh_json = roadmap("--lang", "zh", "--roadmap", str(path), "doctor", "--json").json()
    en_json = roadmap("--lang", "en", "--roadmap", str(path), "doctor", "--json").json()
    assert zh_json["roadmap"]["errors"] == en_json["roadmap"]["errors"]
    assert (
        "stages[0].topics[0].title: Input should be a valid string" in zh_json["roadmap"]["errors"]
    )


def _progress(path: Path, roadmap_id: str, topics: list[str]) -> Path:
    events = [
        {
            "id": f"019ad00000{n:02d}-00000000",
            "at": f"2026-11-{n:02d}T10:00:00Z",
            "topic": t,
            "status": "done",
        }
        for n, t in enumerate(topics, 1)
    ]
    path.write_text(json.dumps({"schema": 1, "roadmap": roadmap_id, "events": events}), "utf-8")
    return path


def test_merge_driver_speaks_the_language_of_roadmap_lang_and_the_locale(
    roadmap, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    base = _progress(tmp_path / "base", "r", ["t1"])
    ours = _progress(tmp_path / "ours", "r", ["t1", "t2"])
    theirs = tmp_path / "theirs"
    theirs.write_text("{broken", encoding="utf-8")
    before = ours.read_bytes()
    args = ("progress", "merge-driver", str(base), str(ours), str(theirs), "r.json")
    monkeypatch.setenv("ROADMAP_LANG", "zh")
    zh = roadmap(*args)
    assert zh.exit_code == 1 and zh.stdout == ""
    assert zh.stderr.startswith("roadmap: 错误: r.json: 对方（theirs）：")
    assert "；保留为冲突\n" in zh.stderr
    assert "提示: 没有丢失任何内容：请修复或恢复那个版本，然后再合并一次" in zh.stderr
    assert ours.read_bytes() == before
    _progress(theirs, "other", ["t3"])
    other = roadmap(*args)
    assert other.exit_code == 1
    assert "双方属于不同的路线图（'r' 和 'other'）；保留为冲突" in other.stderr
    monkeypatch.delenv("ROADMAP_LANG")
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    files = [tmp_path / n for n in ("b.toml", "o.toml", "t.toml")]
    for path, text in zip(files, ("v1", "v2", "v3"), strict=True):
        path.write_text(text, "utf-8")
    both = roadmap("progress", "merge-driver", *map(str, files), "roadmaps/x.toml")
    assert both.exit_code == 0
    assert both.stderr == ("roadmap: roadmaps/x.toml：两台电脑上都改过；保留了这台电脑上的版本\n")
    monkeypatch.setenv("LANG", "C.UTF-8")
    en = roadmap("progress", "merge-driver", *map(str, files), "roadmaps/x.toml")
    assert en.stderr == (
        "roadmap: roadmaps/x.toml: changed on both machines; kept this machine's version\n"
    )


def test_git_runs_the_merge_driver_in_the_language_of_the_command() -> None:
    from roadmap_cli.support.git import git_env
    from roadmap_cli.support.i18n import get_language, set_language

    was = get_language()
    try:
        set_language("zh")
        env = git_env()
        assert env["ROADMAP_LANG"] == "zh" and env["LC_ALL"] == "C"
        set_language("en")
        assert git_env()["ROADMAP_LANG"] == "en"
    finally:
        set_language(was)


def test_usage_errors_of_plan_sync_import_in_chinese(roadmap, tmp_path: Path) -> None:
    cases = [
        (
            ("plan", "--clear", "--by", "2099-01-01"),
            "--clear 不能和其他选项一起用",
            "请先清除计划，再设定新的",
            "--clear takes no other options",
        ),
        (
            ("plan", "--include-optional"),
            "--include-optional：要和 --by 或 --weekly 一起用",
            "例如 roadmap plan --by 2027-06-30 --include-optional",
            "--include-optional: give it with --by or --weekly",
        ),
        (
            ("plan", "--force"),
            "--force：只用于替换 --ics 文件",
            "请加上 --ics FILE，或去掉 --force",
            "--force: only replaces an --ics file",
        ),
        (
            ("sync", "--init", " "),
            "--init：远程仓库地址是空的",
            "请给 --init 一个仓库网址或路径",
            "--init: the remote is empty",
        ),
        (
            ("import", str(tmp_path / "x.md"), "--progress"),
            "--progress：路线图要先保存下来，记录它的进度才有意义",
            "请加上 -o FILE.toml，然后用 --roadmap FILE.toml 使用它",
            "--progress: the roadmap must be saved for its progress to mean anything",
        ),
        (
            ("review", "dl-theory"),
            "RATING：主题后面缺少评分",
            "roadmap review dl-theory again|hard|good|easy（或 1-4）",
            "RATING: missing after",
        ),
    ]
    for args, message, hint, english in cases:
        zh = roadmap("--lang", "zh", *args)
        assert zh.exit_code == 2, (args, zh.stderr)
        assert zh.stdout == ""
        assert zh.stderr == f"roadmap: 错误: {message}\n提示: {hint}\n", args
        en = roadmap("--lang", "en", *args)
        assert en.exit_code == 2 and en.stderr.startswith(f"roadmap: error: {english}")


def test_click_errors_with_typer_wording_in_chinese(roadmap) -> None:
    option = roadmap("--lang", "zh", "log", "--since", "x")
    assert option.exit_code == 2
    assert option.stderr.startswith("roadmap: 错误: 没有这个选项：--since（可用的选项：")
    extra = roadmap("--lang", "zh", "progress", "merge", "a", "b")
    assert extra.exit_code == 2
    assert extra.stderr.startswith("roadmap: 错误: 多出了意外的参数（b）\n")
    en = roadmap("--lang", "en", "progress", "merge", "a", "b")
    assert en.stderr.startswith("roadmap: error: Got unexpected extra argument")


def test_bad_dates_and_urls_in_chinese(roadmap) -> None:
    plan = roadmap("--lang", "zh", "plan", "--by", "garbage")
    assert plan.exit_code == 2
    assert plan.stderr.endswith(
        "提示: 请使用 YYYY-MM-DD（例如 2026-11-01）、'today' 或 'yesterday'\n"
    )
    link = roadmap("--lang", "zh", "link", "dl-theory", "ftp://example.org/x")
    assert link.exit_code == 2
    assert link.stderr.startswith(
        "roadmap: 错误: URL：网址必须以 http 或 https 开头，而不是 'ftp'\n"
    )
    add = roadmap("--lang", "zh", "add", "http://")
    assert add.exit_code == 1
    assert add.stderr == "roadmap: 错误: http://: 网址里没有主机名\n"
    assert (
        roadmap("--lang", "en", "add", "http://").stderr
        == "roadmap: error: http://: URL has no host\n"
    )


def test_import_of_nothing_names_the_left_out_in_both_languages(roadmap, tmp_path: Path) -> None:
    md = _write(tmp_path, "empty.md", "# T\n\n![x](https://img.shields.io/badge/a-b-c.svg)\n")
    zh = roadmap("--lang", "zh", "import", str(md))
    assert zh.exit_code == 1 and zh.stdout == ""
    assert zh.stderr == (
        f"roadmap: 错误: {md}：没有可导入的内容（只有被略去的：1 个徽章）\n"
        "提示: 请给出一个列出学习内容的 Markdown 文件\n"
    )
    en = roadmap("--lang", "en", "import", str(md))
    assert en.stderr.startswith(
        f"roadmap: error: {md}: found nothing to import (only what is left out: 1 badge)\n"
    )


def test_durations_and_undo_of_logged_time_in_chinese(roadmap) -> None:
    for value, message, hint in (
        (
            "abc",
            "DURATION：无法把 'abc' 读作时长",
            "请使用 90m、1h30m 或 2h 这样的时长（分钟和小时）",
        ),
        ("0m", "DURATION：'0m' 的时长是零", "请使用 90m、1h30m 或 2h 这样的时长（分钟和小时）"),
        (
            "30h",
            "DURATION：'30h' 超过了一条记录的上限 24 小时",
            "请把每天的时间分别记成一条（--date）",
        ),
    ):
        zh = roadmap("--lang", "zh", "log", "numpy", value)
        assert zh.exit_code == 2 and zh.stdout == ""
        assert zh.stderr == f"roadmap: 错误: {message}\n提示: {hint}\n"
    en = roadmap("--lang", "en", "log", "numpy", "abc")
    assert en.stderr.startswith("roadmap: error: DURATION: cannot read 'abc' as a duration\n")
    assert roadmap("log", "numpy", "1h").exit_code == 0
    undo = roadmap("--lang", "zh", "undo")
    assert undo.exit_code == 0
    assert undo.stdout == "已撤销：记录了 1h（numpy）\n"
    assert roadmap("log", "numpy", "1h").exit_code == 0
    assert roadmap("--lang", "en", "undo").stdout == "Undid: 1h logged on numpy\n"


def test_time_zone_warning_and_review_heading_in_chinese(
    roadmap, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert roadmap("done", "dl-theory").exit_code == 0
    monkeypatch.setenv("TZ", "Nowhere/Bad")
    zh = roadmap("--lang", "zh", "history")
    assert zh.exit_code == 0
    assert zh.stderr == (
        "roadmap: 警告: TZ='Nowhere/Bad' 不是有效的时区；时间按 UTC 显示"
        "（请把 TZ 设为 Europe/Berlin 这样的名字，或取消设置）\n"
    )
    en = roadmap("--lang", "en", "history")
    assert en.stderr.startswith("roadmap: warning: TZ='Nowhere/Bad' is not a valid time zone")
    monkeypatch.setenv("TZ", "UTC")
    text = roadmap("--lang", "zh", "report")
    assert "\n复习\n" in text.stdout and "\nReview\n" not in text.stdout
    markdown = roadmap("--lang", "zh", "report", "--format", "markdown")
    assert "\n## 复习\n" in markdown.stdout and "## Review" not in markdown.stdout
    assert "\n## Review\n" in roadmap("--lang", "en", "report", "--format", "markdown").stdout


def test_import_json_warnings_stay_english(roadmap, tmp_path: Path) -> None:
    md = _write(
        tmp_path,
        "zh.md",
        "# 学习路线\n\n## 基础\n\n- [线性代数](https://example.org/la)：先学这个\n"
        "- [概率论](https://example.org/p)\n",
    )
    out = tmp_path / "zh.toml"
    zh = roadmap("--lang", "zh", "import", str(md), "-o", str(out), "--force", "--json").json()
    en = roadmap("--lang", "en", "import", str(md), "-o", str(out), "--force", "--json").json()
    assert zh["warnings"] == en["warnings"]
    assert "warning: stages[0].title_en: no English title" in zh["warnings"]
    assert zh["left_out"] == en["left_out"]
    out.write_text("not = [toml", encoding="utf-8")  # an earlier output that cannot be read
    zh = roadmap("--lang", "zh", "import", str(md), "-o", str(out), "--force", "--json").json()
    out.write_text("not = [toml", encoding="utf-8")
    en = roadmap("--lang", "en", "import", str(md), "-o", str(out), "--force", "--json").json()
    assert zh["notices"] == en["notices"]
    assert zh["notices"][0].startswith(f"could not read the ids of the existing {out} (")
    out.write_text("not = [toml", encoding="utf-8")
    text = roadmap("--lang", "zh", "import", str(md), "-o", str(out), "--force")
    assert f"无法读取已有的{out}中的id（" in "".join(text.stdout.split())  # folded anywhere


@pytest.mark.parametrize(
    ("lang", "reason"),
    [
        ("zh", "events[0].status: 应为其中之一：todo, in_progress, done, skipped"),
        ("en", "events[0].status: must be one of todo, in_progress, done, skipped"),
    ],
)
def test_a_progress_file_of_the_wrong_shape_is_explained_in_each_language(
    roadmap, lang: str, reason: str
) -> None:
    """A hand-edited status the program does not know: the error names the place and the
    allowed values in the interface language; nothing is written."""
    import os

    path = Path(os.environ["ROADMAP_DATA_DIR"]) / "relearn-ai.json"
    assert roadmap("done", "numpy").exit_code == 0
    damaged = path.read_text("utf-8").replace('"status": "done"', '"status": "finished"')
    path.write_text(damaged, "utf-8")
    run = roadmap("--lang", lang, "done", "pandas")
    assert run.exit_code == 1
    assert run.stdout == ""
    assert reason in run.stderr
    assert run.stderr.startswith("roadmap: 错误: " if lang == "zh" else "roadmap: error: ")
    assert path.read_text("utf-8") == damaged
