"""``@record`` means what ``@dataclass(frozen=True)`` (and ``@record(frozen=False)`` what
``@dataclass``) means: the same equality, hashing, repr, frozen fields, fields(),
replace(), asdict(), InitVar and __post_init__, and a method the class defines is kept."""

from __future__ import annotations

import dataclasses
from dataclasses import InitVar, field
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from roadmap_cli.support.records import record


def make(decorate: Any) -> type:
    @decorate
    class Item:
        name: str
        count: int = 0
        tags: tuple[str, ...] = field(default_factory=tuple)
        note: str = field(default="", compare=False)
        secret: str = field(default="", repr=False)
        hint: InitVar[str] = ""

        def __post_init__(self, hint: str) -> None:
            if hint:
                object.__setattr__(self, "note", hint)

    return Item


PAIRS = [
    (make(record), make(dataclasses.dataclass(frozen=True))),
    (make(record(frozen=False)), make(dataclasses.dataclass)),
    (make(record(slots=True)), make(dataclasses.dataclass(frozen=True, slots=True))),
]
VALUES = st.tuples(
    st.sampled_from(["a", "b"]),
    st.integers(0, 2),
    st.lists(st.sampled_from(["x", "y"]), max_size=2).map(tuple),
    st.sampled_from(["", "n"]),
    st.sampled_from(["", "s"]),
    st.sampled_from(["", "h"]),
)


@pytest.mark.parametrize(("ours", "theirs"), PAIRS, ids=["frozen", "mutable", "slots"])
@given(left=VALUES, right=VALUES)
def test_behaves_as_dataclass(ours: type, theirs: type, left: tuple, right: tuple) -> None:
    a, b = ours(*left), ours(*right)
    c, d = theirs(*left), theirs(*right)
    assert (a == b) == (c == d)
    assert (a != b) == (c != d)
    assert repr(a).split("(", 1)[1] == repr(c).split("(", 1)[1]
    assert dataclasses.asdict(a) == dataclasses.asdict(c)
    assert [f.name for f in dataclasses.fields(a)] == [f.name for f in dataclasses.fields(c)]
    assert (a == "text") is False and (a == c) is False  # other classes never equal
    if theirs.__hash__ is None:
        assert ours.__hash__ is None
        with pytest.raises(TypeError):
            hash(a)
    else:
        assert hash(a) == hash(c)  # the same fields, in the same tuple
        assert hash(b) == hash(d)


def test_frozen_fields_cannot_be_set() -> None:
    item = make(record)("a")
    with pytest.raises(dataclasses.FrozenInstanceError):
        item.count = 3  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del item.name
    assert dataclasses.replace(item, count=3).count == 3
    assert make(record)("a", hint="h").note == "h"  # InitVar reaches __post_init__


def test_mutable_fields_can_be_set() -> None:
    item = make(record(frozen=False))("a")
    item.count = 3
    assert item.count == 3


def test_methods_the_class_defines_are_kept() -> None:
    @record
    class Named:
        name: str

        def __eq__(self, other: object) -> bool:
            return isinstance(other, Named) and other.name.lower() == self.name.lower()

        def __hash__(self) -> int:
            return hash(self.name.lower())

        def __repr__(self) -> str:
            return f"<{self.name}>"

    assert Named("A") == Named("a") and hash(Named("A")) == hash(Named("a"))
    assert repr(Named("A")) == "<A>"


def test_no_fields_and_one_field() -> None:
    @record
    class Empty:
        pass

    @record
    class One:
        value: float

    assert Empty() == Empty() and hash(Empty()) == hash(())
    nan = float("nan")
    same = One(nan)
    assert same == same  # a tuple of one, as dataclass compares: identity first
    assert One(1.0) == One(1.0) and One(1.0) != One(2.0)
