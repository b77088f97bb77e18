"""Shell completion through the real protocol: the completion scripts for bash, zsh and
fish, their installation, and TOPIC/STAGE arguments completing to the ids of the roadmap in
use (bundled, --roadmap FILE or ROADMAP_FILE)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

BIN = Path(sys.executable).parent


def _run(args: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    full = {**os.environ, **env}
    return subprocess.run(
        [sys.executable, "-m", "roadmap_cli", *args],
        env=full,
        capture_output=True,
        text=True,
        timeout=60,
    )


def _bash(words: str, cword: int | None = None, **env: str) -> list[str]:
    parts = words.split(" ")
    run = _run(
        [],
        _ROADMAP_COMPLETE="complete_bash",
        COMP_WORDS=words,
        COMP_CWORD=str(len(parts) - 1 if cword is None else cword),
        **env,
    )
    assert run.returncode == 0, run.stderr
    assert run.stderr == ""
    return [line for line in run.stdout.splitlines() if line]


def test_topic_argument_completes_to_topic_ids() -> None:
    offered = _bash("roadmap done fl")
    assert "flash-attention" in offered
    assert offered and all(o.startswith("fl") for o in offered)
    assert "flash-attention" in _bash("roadmap open flash")
    assert "flash-attention" in _bash("roadmap note flash")
    assert _bash("roadmap show attention") == ["attention"]


def test_stage_argument_completes_to_stage_ids() -> None:
    assert _bash("roadmap list llm") == ["llm-foundations", "llm-advanced"]
    assert _bash("roadmap list ") == [
        "foundations",
        "llm-foundations",
        "llm-advanced",
        "extras",
        "diffusion",
    ]


def test_completion_follows_own_roadmap(tmp_path: Path) -> None:
    mine = tmp_path / "mine.toml"
    init = _run(["init", str(mine)])
    assert init.returncode == 0, init.stderr
    assert _bash(f"roadmap --roadmap {mine} done p") == ["python"]
    assert _bash(f"roadmap --roadmap {mine} list ") == ["basics", "projects"]
    assert _bash("roadmap open first", ROADMAP_FILE=str(mine)) == ["first-project"]
    assert _bash("roadmap open flash", ROADMAP_FILE=str(mine)) == []


def test_subcommands_complete() -> None:
    assert _bash("roadmap progress ") == ["export", "merge", "restore", "merge-driver"]
    assert "search" in _bash("roadmap sea")


def test_zsh_and_fish_protocols() -> None:
    zsh = _run([], _ROADMAP_COMPLETE="complete_zsh", _TYPER_COMPLETE_ARGS="roadmap done flash-a")
    assert zsh.returncode == 0, zsh.stderr
    assert "flash-attention" in zsh.stdout
    fish = _run(
        [],
        _ROADMAP_COMPLETE="complete_fish",
        _TYPER_COMPLETE_FISH_ACTION="get-args",
        _TYPER_COMPLETE_ARGS="roadmap list diff",
    )
    assert fish.returncode == 0, fish.stderr
    assert fish.stdout.split() == ["diffusion"]


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_show_completion_prints_a_script_for_roadmap(shell: str) -> None:
    run = _run(["--show-completion", shell], _TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION="1")
    assert run.returncode == 0, run.stderr
    assert "_ROADMAP_COMPLETE=complete_" + shell in run.stdout
    assert "roadmap" in run.stdout


@pytest.mark.parametrize(
    ("shell", "script", "rc"),
    [
        ("bash", ".bash_completions/roadmap.sh", ".bashrc"),
        ("zsh", ".zfunc/_roadmap", ".zshrc"),
        ("fish", ".config/fish/completions/roadmap.fish", None),
    ],
)
def test_install_completion_for_each_shell(
    tmp_path: Path, shell: str, script: str, rc: str | None
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    run = _run(
        ["--install-completion", shell],
        HOME=str(home),
        _TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION="1",
    )
    assert run.returncode == 0, run.stderr
    assert f"{shell} completion installed" in run.stdout
    installed = home / script
    assert "_ROADMAP_COMPLETE=complete_" + shell in installed.read_text()
    if rc:
        assert (home / rc).is_file()


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_installed_bash_completion_completes_topic_ids(tmp_path: Path) -> None:
    if not (BIN / "roadmap").exists():
        pytest.skip("the roadmap console script is not installed beside this Python")
    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "HOME": str(home), "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}
    # shell detection (shellingham) finds the bash that runs the command; bash calls the
    # completion function with the command name as $1
    install = subprocess.run(
        ["bash", "-c", "roadmap --install-completion; exit $?"],  # no exec: bash stays the parent
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert install.returncode == 0, install.stderr
    assert "bash completion installed" in install.stdout
    script = (
        "source ~/.bash_completions/roadmap.sh; "
        "COMP_WORDS=(roadmap done flash); COMP_CWORD=2; _roadmap_completion roadmap; "
        'printf "%s\\n" "${COMPREPLY[@]}"'
    )
    run = subprocess.run(
        ["bash", "-c", script], env=env, capture_output=True, text=True, timeout=60
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == ["flash-attention"]


@pytest.mark.skipif(shutil.which("fish") is None, reason="needs fish")
def test_installed_fish_completion_completes_topic_and_stage_ids(tmp_path: Path) -> None:
    if not (BIN / "roadmap").exists():
        pytest.skip("the roadmap console script is not installed beside this Python")
    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "HOME": str(home), "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}

    def fish(command: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["fish", "-c", command], env=env, capture_output=True, text=True, timeout=60
        )

    install = fish("roadmap --install-completion")
    assert install.returncode == 0, install.stderr
    assert "fish completion installed" in install.stdout
    assert fish('complete -C "roadmap done flash"').stdout.split() == ["flash-attention"]
    assert fish('complete -C "roadmap list llm"').stdout.split() == [
        "llm-advanced",
        "llm-foundations",
    ]


@pytest.mark.skipif(shutil.which("zsh") is None, reason="needs zsh")
def test_install_completion_detects_zsh(tmp_path: Path) -> None:
    if not (BIN / "roadmap").exists():
        pytest.skip("the roadmap console script is not installed beside this Python")
    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "HOME": str(home), "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}
    # '; true' keeps zsh from replacing itself with roadmap, so detection sees zsh
    run = subprocess.run(
        ["zsh", "-c", "roadmap --install-completion; true"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr
    assert "zsh completion installed" in run.stdout
    assert "compdef _roadmap_completion roadmap" in (home / ".zfunc" / "_roadmap").read_text()
    assert "fpath+=~/.zfunc" in (home / ".zshrc").read_text()


@pytest.mark.parametrize(
    ("words", "cword"),
    [("roadmap show dif", "2"), ("roadmap --lang en show dif", "4")],  # fast path, typer path
)
def test_show_completes_stage_ids(words: str, cword: str) -> None:
    env = {**os.environ, "_ROADMAP_COMPLETE": "complete_bash", "COMP_WORDS": words}
    env["COMP_CWORD"] = cword
    code = "from roadmap_cli.cli.entry import main; main()"
    run = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == ["diffusion"]
