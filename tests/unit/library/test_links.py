"""Canonical links and relative-link resolution."""

from __future__ import annotations

import pytest

from roadmap_cli.library.links import canonical_link, resolve_relative_links


@pytest.mark.parametrize(
    "url",
    [
        "https://arxiv.org/abs/1706.03762",
        "http://arxiv.org/abs/1706.03762v7",
        "https://arxiv.org/pdf/1706.03762",
        "https://arxiv.org/pdf/1706.03762v2.pdf",
        "https://www.arxiv.org/html/1706.03762v5/",
        "https://export.arxiv.org/abs/1706.03762",
    ],
)
def test_an_arxiv_paper_in_any_form_is_one_link(url: str) -> None:
    assert canonical_link(url) == "arxiv:1706.03762"


def test_old_style_arxiv_ids() -> None:
    assert canonical_link("https://arxiv.org/abs/hep-th/9901001v2") == "arxiv:hep-th/9901001"


@pytest.mark.parametrize(
    "url",
    [
        "https://www.youtube.com/watch?v=kCc8FmEb1nY",
        "https://youtube.com/watch?v=kCc8FmEb1nY&t=120s&list=PL1",
        "https://youtu.be/kCc8FmEb1nY?si=abc",
        "https://m.youtube.com/watch?feature=share&v=kCc8FmEb1nY",
        "https://www.youtube.com/shorts/kCc8FmEb1nY",
        "https://www.youtube.com/embed/kCc8FmEb1nY",
    ],
)
def test_a_youtube_video_in_any_form_is_its_id(url: str) -> None:
    assert canonical_link(url) == "youtube:kCc8FmEb1nY"


def test_other_links_are_host_and_path_without_tracking() -> None:
    one = canonical_link("https://WWW.Example.com/course/?utm_source=x&spm_id_from=1#part-2")
    assert one == "example.com/course"
    assert canonical_link("http://example.com/course") == one
    assert canonical_link("https://example.com/a?b=2&a=1") == "example.com/a?a=1&b=2"
    assert canonical_link("https://example.com/a") != canonical_link("https://example.com/b")
    assert canonical_link("https://www.youtube.com/@karpathy") == "youtube.com/@karpathy"


@pytest.mark.parametrize("url", ["", "ftp://x.org/a", "mailto:a@b.c", "not a url", "http://"])
def test_non_http_links_have_no_canonical_form(url: str) -> None:
    assert canonical_link(url) is None


def test_relative_links_are_made_absolute_outside_code() -> None:
    base = "https://github.com/TIC-DLUT/roadmap/blob/main/LLM.md"
    text = (
        "- [Go](Go.md) and [abs](https://x.org/a) and [frag](#top)\n"
        '- ![img](images/a.png) <a href="docs/b.md">b</a> [mail](mailto:a@b.c)\n'
        "[ref]: ../other/Agent.md\n"
        "```\n[code](keep.md)\n```\n"
        "[root](/TIC-DLUT/roadmap)\n"
    )
    out, changed = resolve_relative_links(text, base)
    assert "[Go](https://github.com/TIC-DLUT/roadmap/blob/main/Go.md)" in out
    assert "(https://github.com/TIC-DLUT/roadmap/blob/main/images/a.png)" in out
    assert 'href="https://github.com/TIC-DLUT/roadmap/blob/main/docs/b.md"' in out
    assert "[ref]: https://github.com/TIC-DLUT/roadmap/blob/other/Agent.md" in out
    assert "[code](keep.md)" in out
    assert "[frag](#top)" in out and "(mailto:a@b.c)" in out and "(https://x.org/a)" in out
    assert "[root](https://github.com/TIC-DLUT/roadmap)" in out
    assert changed == 5
