"""Choosing resources to open, and refusing anything but http(s) before opening any."""

from __future__ import annotations

from pathlib import Path

import pytest

from roadmap_cli.actions.context import AppContext
from roadmap_cli.actions.open import open_resources
from roadmap_cli.errors import RoadmapError, UsageError
from roadmap_cli.roadmap.catalog import Catalog, check_roadmap
from roadmap_cli.roadmap.model import Resource
from tests.builders import make_roadmap, resource, stage, topic


def _app_with(url: str) -> AppContext:
    toml = make_roadmap(
        [stage("s", [topic("t", "T", resources=[resource(url)])], "S")],
        id="x",
        title="X",
        language=None,
    )
    roadmap, problems = check_roadmap(toml.encode())
    assert roadmap is not None, problems
    return AppContext(_catalog=Catalog(roadmap, Path("x.toml")))


def test_non_http_url_is_refused_before_anything_opens() -> None:
    app = _app_with("https://example.com/")
    topic = app.catalog().topics["t"]
    bad = Resource.model_construct(title="evil", url="javascript:alert(1)", kind="site")
    object.__setattr__(topic, "resources", [*topic.resources, bad])
    calls: list[str] = []
    with pytest.raises(RoadmapError, match="refusing to open"):
        open_resources(app, "t", every=True, opener=lambda u: calls.append(u) is None)
    assert calls == []
    assert open_resources(app, "t", index=1, opener=lambda u: True).chosen[0].opened


def test_index_zero_is_a_usage_error() -> None:
    with pytest.raises(UsageError):
        open_resources(_app_with("https://example.com/"), "t", index=0, opener=lambda u: True)
