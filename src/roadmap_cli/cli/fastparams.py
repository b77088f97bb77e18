"""Fast parameter conversion for typer: plain values without pydantic.

typer ≥ 0.29 converts every non-flag parameter with a pydantic ``TypeAdapter``, built on
first use: importing pydantic and building the adapters costs ~70 ms on every run, even
for a TAB completion, which otherwise needs no pydantic at all. :func:`install` gives each
``str``, ``list[str]``, ``bool``, enum, ``Path`` and ``int`` parameter of the command tree
(and its help options) a converter
that handles the plain cases directly (a string, a path, a decimal integer within the
option's bounds) and hands anything else to typer's own converter, so errors and unusual
input behave exactly as typer defines them. Parameters of other types are left to typer.

This uses typer's per-parameter runtime converter slot (``_runtime_param``), which typer
fills lazily; if a typer release drops it, :func:`install` does nothing and typer converts
as usual.
"""

from __future__ import annotations

import re
from enum import Enum
from pathlib import Path
from typing import Any

from roadmap_cli.support.records import record

__all__ = ["install"]

_DECIMAL = re.compile(r"[+-]?\d{1,18}")
_MISS = object()


def install(command: Any) -> None:
    """Give the simple parameters of ``command`` (a click command or group) and of all its
    subcommands the fast converter. Idempotent: a command already given them is left as
    it is, so calling the app thousands of times in one process works. Never raises."""
    if getattr(command, "_roadmap_fast_params", False):
        return
    try:
        from typer._coercion import RuntimeParam
    except ImportError:  # another typer: leave conversion to it
        return

    @record
    class Fast(RuntimeParam):
        """Plain values converted here; anything else by typer's own converter."""

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            fast = _convert(self.annotation, self.parameter_info, value, param, ctx)
            if fast is not _MISS:
                return fast
            from typer._coercion import build_runtime_param

            full = build_runtime_param(param.type_descriptor)
            return full._coerce_value(value, param=param, ctx=ctx)

    def give(param: Any) -> None:
        descriptor = getattr(param, "type_descriptor", None)
        if descriptor is None or getattr(param, "_runtime_param", _MISS) is not None:
            return
        info = descriptor.parameter_info
        if info.parser is None and _supported(descriptor.annotation, info):
            param._runtime_param = Fast(parameter_info=info, annotation=descriptor.annotation)

    def with_help(original: Any) -> Any:
        def get_help_option(ctx: Any) -> Any:
            option = original(ctx)  # made on first use, then kept by the command
            if option is not None:
                give(option)
            return option

        return get_help_option

    stack = [command]
    while stack:
        current = stack.pop()
        stack.extend(getattr(current, "commands", {}).values())
        for param in getattr(current, "params", ()):
            give(param)
        if hasattr(current, "get_help_option"):
            current.get_help_option = with_help(current.get_help_option)
    command._roadmap_fast_params = True


def _supported(annotation: Any, info: Any) -> bool:
    if annotation in (str, list[str], bool):
        return True
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return True
    if annotation is int:
        return not info.clamp
    return annotation is Path and info.path_type in (None, Path)


def _convert(annotation: Any, info: Any, value: Any, param: Any, ctx: Any) -> Any:
    """The converted value, or ``_MISS`` when typer's converter should decide."""
    if annotation is str:
        return value if isinstance(value, str) else _MISS
    if annotation is bool:
        return value if isinstance(value, bool) else _MISS
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        for member in annotation:  # the exact value; other spellings are typer's to judge
            if isinstance(value, str) and member.value == value:
                return member
        return _MISS
    if annotation == list[str]:
        if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
            return list(value)
        return _MISS
    if annotation is int:
        if isinstance(value, str) and _DECIMAL.fullmatch(value):
            value = int(value)
        if type(value) is not int:
            return _MISS
        if (info.min is not None and value < info.min) or (
            info.max is not None and value > info.max
        ):
            return _MISS  # typer words the range error
        return value
    if isinstance(value, (str, Path)) and value not in ("", "-"):
        from typer._param_types import coerce_cli_path

        # typer's own path checks (exists, file_okay, …); a Path needs no pydantic there
        return coerce_cli_path(Path(value), info, path_type=Path, param=param, ctx=ctx)
    return _MISS
