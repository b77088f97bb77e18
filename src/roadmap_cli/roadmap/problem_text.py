"""The words of roadmap problems that come from the libraries that find them: pydantic's
validation errors and tomllib's syntax errors, as translatable messages
(:class:`~roadmap_cli.support.i18n.Msg`) whose English is the library's own words, so
``roadmap validate --json`` reads the same in every interface language. Pure functions.
"""

from __future__ import annotations

import re
from typing import Any

from roadmap_cli.support.i18n import Msg

__all__ = ["pydantic_message", "toml_reason"]

#: pydantic error types -> our message (the English is pydantic's own, or clearer).
_PYDANTIC_MESSAGES = {
    "missing": Msg("required field is missing"),
    "extra_forbidden": Msg("unknown field (check its spelling against the documented format)"),
    "string_type": Msg("Input should be a valid string"),
    "int_type": Msg("Input should be a valid integer"),
    "bool_type": Msg("Input should be a valid boolean"),
    "list_type": Msg("Input should be a valid list"),
    "dict_type": Msg("Input should be a valid dictionary"),
}

#: pydantic's ``model_type`` error by the class expected (a table of the file).
_MODEL_TYPE = {
    "Roadmap": Msg("Input should be a valid dictionary or instance of Roadmap"),
    "Stage": Msg("Input should be a valid dictionary or instance of Stage"),
    "Topic": Msg("Input should be a valid dictionary or instance of Topic"),
    "Resource": Msg("Input should be a valid dictionary or instance of Resource"),
}


def pydantic_message(err: Any) -> Msg:
    """Our translatable message for ``err``, one error of pydantic's
    ``ValidationError.errors()`` (its English as pydantic says it, or clearer); a message
    raised as ``ValueError(Msg(...))`` by a validator of the schema is that message;
    pydantic's own text for an error type not met before. Never raises."""
    kind = err["type"]
    ctx = err.get("ctx") or {}
    if kind in _PYDANTIC_MESSAGES:
        return _PYDANTIC_MESSAGES[kind]
    if kind == "model_type" and ctx.get("class_name") in _MODEL_TYPE:
        return _MODEL_TYPE[ctx["class_name"]]
    if kind == "literal_error" and "expected" in ctx:
        return Msg("Input should be {expected}", expected=str(ctx["expected"]))
    if kind == "too_short" and ctx.get("min_length") == 1 and "actual_length" in ctx:
        return Msg(
            "List should have at least 1 item after validation, not {n}",
            n=ctx["actual_length"],
        )
    error = ctx.get("error")
    # a message raised by a validator of the schema: ValueError(Msg(...))
    if kind == "value_error" and isinstance(error, ValueError) and error.args:
        first = error.args[0]
        if isinstance(first, Msg):
            return first
    message = str(err["msg"])
    return Msg("{message}", message=message.removeprefix("Value error, "))


#: tomllib's reasons for a syntax error that take no value, as our messages.
_TOML_FIXED = {
    m.template: m
    for m in (
        Msg("Invalid statement"),
        Msg("Cannot overwrite a value"),
        Msg("Expected ']' at the end of a table declaration"),
        Msg("Expected ']]' at the end of an array declaration"),
        Msg("Expected '=' after a key in a key/value pair"),
        Msg("Invalid initial character for a key part"),
        Msg("Unclosed array"),
        Msg("Unclosed inline table"),
        Msg("Unescaped '\\' in a string"),
        Msg("Invalid hex value"),
        Msg("Escaped character is not a Unicode scalar value"),
        Msg("Unterminated string"),
        Msg("Invalid date or datetime"),
        Msg("Invalid value"),
    )
}

#: tomllib's reasons that name a value: (pattern, our message with the field ``value``).
_TOML_NAMING = (
    (re.compile(r"Found invalid character (.+)"), Msg("Found invalid character {value}")),
    (re.compile(r"Illegal character (.+)"), Msg("Illegal character {value}")),
    (re.compile(r"Cannot declare (.+) twice"), Msg("Cannot declare {value} twice")),
    (
        re.compile(r"Cannot mutate immutable namespace (.+)"),
        Msg("Cannot mutate immutable namespace {value}"),
    ),
    (re.compile(r"Cannot redefine namespace (.+)"), Msg("Cannot redefine namespace {value}")),
    (re.compile(r"Duplicate inline table key (.+)"), Msg("Duplicate inline table key {value}")),
    (re.compile(r"Expected (.+)"), Msg("Expected {value}")),
)


def toml_reason(message: str) -> Msg:
    """tomllib's reason for a syntax error (its position removed) as a translatable
    message whose English is tomllib's words; an unknown reason is kept as it is."""
    fixed = _TOML_FIXED.get(message)
    if fixed is not None:
        return fixed
    for pattern, text in _TOML_NAMING:
        match = pattern.fullmatch(message)
        if match:
            return Msg(text.template, value=match.group(1))
    return Msg("{message}", message=message)
