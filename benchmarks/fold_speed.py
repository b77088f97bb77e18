"""Folding long text is linear: time fold_lines/fold_text on 100k and 300k characters.

    python benchmarks/fold_speed.py

Target (issue 11): 3x the text takes at most ~4x the time (it was quadratic: a 100k
title made ``list`` take 27 s, 300k never ended).
"""

from __future__ import annotations

import time

from rich.text import Text

from roadmap_cli.render.prose import fold_lines, fold_text


def main() -> None:
    """Print seconds per size and the ratio between the sizes."""
    for name, make in (
        ("one long word", lambda n: "a" * n),
        ("words", lambda n: "word " * (n // 5)),
        ("CJK", lambda n: "深" * n),
    ):
        times = []
        for n in (100_000, 300_000):
            text = make(n)
            start = time.perf_counter()
            fold_lines(text, 80)
            fold_text(Text(text), 80)
            times.append(time.perf_counter() - start)
        ratio = times[1] / times[0]
        print(f"{name:14} 100k {times[0]:.2f} s  300k {times[1]:.2f} s  ratio {ratio:.1f}")


if __name__ == "__main__":
    main()
