"""What ``roadmap import`` must not import (issue 15): an import checks its result without
pydantic (roadmap/quick.py), and loads pypinyin only for a document with Chinese titles.
Each row runs the command in a fresh interpreter and lists the top-level packages it
loaded."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

_PROBE = """
import json, sys
out, args = sys.argv[1], sys.argv[2:]
sys.argv = ["roadmap", *args]
from roadmap_cli.cli.entry import main
try:
    main()
except SystemExit as exc:
    code = exc.code
else:
    code = 0
with open(out, "w") as handle:
    json.dump({"code": code, "modules": sorted({n.split(".")[0] for n in sys.modules})}, handle)
"""

ENGLISH = """# Tools

## Editors

- [Vim](https://www.vim.org/) - a modal editor
- Emacs
- [Helix](https://helix-editor.com/)
"""

CHINESE = """# 工具

## 编辑器

- [Vim](https://www.vim.org/)
- 正则表达式
"""


def _loaded(text: str, tmp_path: Path) -> set[str]:
    source = tmp_path / "list.md"
    source.write_text(text, "utf-8")
    out = tmp_path / "modules.json"
    target = tmp_path / "list.toml"
    target.unlink(missing_ok=True)
    subprocess.run(
        [sys.executable, "-c", _PROBE, str(out), "import", str(source), "-o", str(target)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["code"] in (0, None), report
    assert target.is_file()
    return set(report["modules"])


def test_an_english_import_loads_neither_pydantic_nor_pypinyin(tmp_path: Path) -> None:
    loaded = _loaded(ENGLISH, tmp_path)
    assert "markdown_it" in loaded  # the probe sees the import's own modules
    assert loaded & {"pydantic", "pydantic_core", "pypinyin"} == set()


def test_chinese_titles_load_pypinyin_but_not_pydantic(tmp_path: Path) -> None:
    loaded = _loaded(CHINESE, tmp_path)
    assert "pypinyin" in loaded
    assert loaded & {"pydantic", "pydantic_core"} == set()
