"""``@record``: a frozen data class, defined at half the cost of ``@dataclass(frozen=True)``.

``dataclasses`` writes and compiles the source of every method it adds, once per class at
every start: six compilations for a frozen class, about 0.8 ms on the 2-core machine the
benchmarks run on, which for the ~30 classes ``roadmap next`` loads was a tenth of its
run. ``@record`` lets ``dataclasses`` make ``__init__``, ``__setattr__`` and
``__delattr__`` (the frozen instance's methods, compiled as before) and gives
``__eq__``, ``__hash__`` and ``__repr__`` as closures over the field names, with the
meaning ``dataclass(frozen=True)`` gives them:

- ``a == b`` compares the fields (those with ``compare=True``) as a tuple when both are of
  the same class, else ``NotImplemented``;
- ``hash(a)`` hashes the tuple of the fields with ``hash=True`` (or ``hash=None`` and
  ``compare=True``);
- ``repr(a)`` is ``Name(field=value, ...)`` over the fields with ``repr=True``;
- a method the class defines itself is kept, as ``dataclass`` keeps it.

Everything else is ``dataclasses``' own: ``field()``, ``InitVar``, ``__post_init__``,
``fields()``, ``replace()``, ``asdict()``, ``FrozenInstanceError``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, TypeVar, dataclass_transform, overload

__all__ = ["record"]

T = TypeVar("T")


def _key(names: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    """A function giving an instance's values of ``names`` as a tuple."""
    if not names:
        return lambda self: ()
    if len(names) == 1:
        (name,) = names
        return lambda self: (getattr(self, name),)
    from operator import attrgetter

    return attrgetter(*names)  # a tuple for two or more


@overload
def record(cls: type[T], /) -> type[T]: ...


@overload
def record(*, frozen: bool = True, slots: bool = False) -> Callable[[type[T]], type[T]]: ...


@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field,))
def record(
    cls: type[T] | None = None, /, *, frozen: bool = True, slots: bool = False
) -> type[T] | Callable[[type[T]], type[T]]:
    """``cls`` made a frozen data class (see the module's text for what differs from
    ``@dataclass(frozen=True)``: only the cost of defining it). ``@record(frozen=False)``
    makes one whose fields can be set, as ``@dataclass`` does (and, as there, its
    instances cannot be hashed unless the class says how); ``slots=True`` gives the class
    ``__slots__``, as with ``dataclass``."""
    if cls is None:
        return lambda cls: _make(cls, frozen, slots)
    return _make(cls, frozen, slots)


def _make(cls: type[T], frozen: bool, slots: bool) -> type[T]:
    made = dataclasses.dataclass(frozen=frozen, eq=False, repr=False, slots=slots)(cls)
    every = dataclasses.fields(made)  # type: ignore[arg-type]  # a data class by now
    own = made.__dict__
    if "__eq__" not in own:
        compared = _key(tuple(f.name for f in every if f.compare))

        def __eq__(self: Any, other: object) -> bool:
            if other.__class__ is self.__class__:
                return bool(compared(self) == compared(other))
            return NotImplemented

        made.__eq__ = __eq__  # type: ignore[method-assign]
    explicit_hash = "__hash__" in own and not (own["__hash__"] is None and "__eq__" in own)
    if not frozen and not explicit_hash:
        made.__hash__ = None  # type: ignore[assignment]  # mutable and compared: unhashable
    elif not explicit_hash:
        hashed = _key(tuple(f.name for f in every if (f.compare if f.hash is None else f.hash)))

        def __hash__(self: Any) -> int:
            return hash(hashed(self))

        made.__hash__ = __hash__  # type: ignore[method-assign]
    if "__repr__" not in own:
        shown = tuple(f.name for f in every if f.repr)

        def __repr__(self: Any) -> str:
            values = ", ".join(f"{name}={getattr(self, name)!r}" for name in shown)
            return f"{self.__class__.__qualname__}({values})"

        made.__repr__ = __repr__  # type: ignore[method-assign]
    return made
