"""The hot command lines answered without typer: ``next``, ``list``, ``show``, ``search``,
``start``, ``done``, ``skip`` and ``reset`` with their plain options.

Importing typer and building even a one-command app costs more than the rest of
``roadmap next`` together. The commands people type most take a handful of plain options,
so :func:`answer` reads them directly when the command line is one of the forms below,
and leaves every other command line (``--help``, ``--version``, an unknown option, a
value typer would have to judge, any other command) to typer, before anything is printed
or read::

    roadmap [--roadmap FILE|ID] [--data-dir DIR] [--lang L] next [-n N] [--json]
    roadmap [global options] list [STAGE] [-s/--status STATUS] [--json]
    roadmap [global options] show TOPIC|STAGE [--json]
    roadmap [global options] search WORD... [--json]
    roadmap [global options] start|done|skip|reset TOPIC... [-m/--note N] [-d/--date D] [--json]

A form it answers runs the same functions as the typer command (:func:`context_of` for
the global options, :func:`run_next` and its siblings for the command bodies: the typer
commands call them too) inside the same guard (:func:`roadmap_cli.cli.guard.guarded`), so
output, errors and exit statuses are the same byte for byte;
tests/cli/test_fastpath.py runs every form both ways and compares. ``ROADMAP_FASTPATH=0``
sends every command line to typer (for that test and for benchmarks).
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Sequence
from dataclasses import field
from pathlib import Path

from roadmap_cli.actions.context import AppContext, check_language, default_language
from roadmap_cli.errors import ExitStatus, UsageError
from roadmap_cli.render import Result, emit_json
from roadmap_cli.support.i18n import N_, _
from roadmap_cli.support.records import record

__all__ = [
    "Form",
    "answer",
    "context_of",
    "recognise",
    "run_list",
    "run_mark",
    "run_next",
    "run_search",
    "run_show",
]


def _path_option(name: str, value: str | None, what: str) -> Path | None:
    """A path option's value; an empty one is a usage error rather than "here"."""
    if value is None:
        return None
    if not value.strip():
        raise UsageError(
            _("{option}: the path is empty").format(option=name),
            _("give {option} a {what}, or leave it out").format(option=name, what=_(what)),
        )
    return Path(value).expanduser()


def context_of(roadmap: str | None, data_dir: str | None, lang: str | None) -> AppContext:
    """The :class:`AppContext` of the global options ``--roadmap`` (or ``ROADMAP_FILE``),
    ``--data-dir`` (or ``ROADMAP_DATA_DIR``) and ``--lang`` as given (None: not given);
    on-the-side notices go to stderr.

    Raises:
        UsageError: an empty path, or a language other than zh and en.
    """
    from roadmap_cli.cli.guard import say_notice

    return AppContext(
        roadmap_file=_path_option("--roadmap", roadmap, N_("roadmap file")),
        data_dir=_path_option("--data-dir", data_dir, N_("folder")),
        lang=check_language(lang or default_language()),
        notify=say_notice,
    )


def _emit(result: Result, as_json: bool, family: str, lang: str) -> None:
    """Print ``result``: its JSON document with ``as_json``, else as text by
    ``render_<family>`` of ``render/<family>.py`` (imported only then: --json needs no
    rich), titles in ``lang``."""
    if as_json:
        emit_json(result)
        return
    from importlib import import_module

    getattr(import_module(f"roadmap_cli.render.{family}"), f"render_{family}")(result, lang)


def run_next(app: AppContext, count: int, as_json: bool) -> None:
    """``roadmap next``: the ``count`` topics to study now, as text or JSON on stdout."""
    from roadmap_cli.actions.next import suggest

    _emit(suggest(app, count), as_json, "next", app.lang)


def run_list(app: AppContext, stage: str | None, status: str | None, as_json: bool) -> None:
    """``roadmap list``: the stages (or ``stage``) and their topics (those with
    ``status``, if given), as text or JSON on stdout."""
    from roadmap_cli.actions.list import list_stages

    _emit(list_stages(app, stage, status), as_json, "list", app.lang)


def run_show(app: AppContext, target: str, as_json: bool) -> None:
    """``roadmap show``: one topic or stage, as text or JSON on stdout."""
    from roadmap_cli.actions.show import show

    _emit(show(app, target), as_json, "show", app.lang)


def run_mark(
    app: AppContext,
    verb: str,
    topics: list[str],
    when: str | None,
    note: str | None,
    as_json: bool,
) -> None:
    """``roadmap start|done|skip|reset``: record the ``topics``' new status (``verb``),
    at ``when`` (default now) with ``note``, and say what changed on stdout."""
    from roadmap_cli.actions.mark import mark

    _emit(mark(app, verb, topics, when, note), as_json, "mark", app.lang)


def run_search(app: AppContext, words: Sequence[str], as_json: bool) -> None:
    """``roadmap search``: the topics and resources matching every word, as text or JSON
    on stdout."""
    from roadmap_cli.actions.search import search
    from roadmap_cli.progress.snapshot import snapshot

    catalog = app.catalog()
    _emit(
        search(catalog, snapshot(catalog, app.store().load()), " ".join(words), app.lang),
        as_json,
        "search",
        app.lang,
    )


#: The global options a fast form may give before the command (each takes a value).
GLOBAL_OPTIONS = ("--roadmap", "--data-dir", "--lang")
#: The commands that change a topic's status (one body, :func:`run_mark`).
MARK_VERBS = ("start", "done", "skip", "reset")
_MARK_OPTIONS = {"-m": "note", "--note": "note", "-d": "date", "--date": "date"}
#: Each command's options that take a value: spelling -> name.
VALUE_OPTIONS: dict[str, dict[str, str]] = {
    "next": {"-n": "count", "--count": "count"},
    "list": {"-s": "status", "--status": "status"},
    "show": {},
    "search": {},
    **dict.fromkeys(MARK_VERBS, _MARK_OPTIONS),
}
#: How many positional arguments each command takes: (at least, at most or None).
POSITIONALS: dict[str, tuple[int, int | None]] = {
    "next": (0, 0),
    "list": (0, 1),
    "show": (1, 1),
    "search": (1, None),
    **dict.fromkeys(MARK_VERBS, (1, None)),
}
#: The values a fast form accepts for an option that typer checks (anything else is typer's
#: to judge); other options take any value that does not look like an option.
_VALID: dict[str, re.Pattern[str]] = {
    "count": re.compile(r"0*(?:[1-9]\d{0,2}|1000)"),
    "status": re.compile(r"todo|in_progress|done|skipped"),
}


@record(frozen=False)
class Form:
    """A command line the fast path answers: the global options given (spelling ->
    value), the command, its positional arguments and its options (name -> value)."""

    command: str
    globals: dict[str, str] = field(default_factory=dict)
    positionals: list[str] = field(default_factory=list)
    options: dict[str, str] = field(default_factory=dict)
    as_json: bool = False


def _option(word: str, words: list[str], known: Sequence[str]) -> tuple[str, str] | None:
    """``(spelling, value)`` of the option ``word`` (``--x V``, ``--x=V``, ``-xV``; a
    separate value is taken from ``words``), or None when it is not one of ``known``, has
    no value, or its value looks like an option."""
    if word.startswith("--"):
        name, equals, value = word.partition("=")
    else:
        name, equals, value = word[:2], "", word[2:]
    if name not in known:
        return None
    if not equals and not value:
        if not words:
            return None
        value = words.pop(0)
    return None if value.startswith("-") else (name, value)


def recognise(args: Sequence[str]) -> Form | None:
    """The :class:`Form` of a command line (without the program name), or None when typer
    should read it. Reads nothing but ``args``; raises nothing."""
    try:
        "".join(args).encode()
    except UnicodeEncodeError:
        return None  # undecodable bytes in an argument: typer's to judge
    if not all(word.isprintable() for word in args):
        return None  # control characters: typer's to judge
    words = list(args)
    given: dict[str, str] = {}
    while words and words[0].startswith("-"):
        found = _option(words.pop(0), words, GLOBAL_OPTIONS)
        if found is None or found[0] in given:
            return None
        given[found[0]] = found[1]
    if not words or words[0] not in POSITIONALS:
        return None
    form = Form(words.pop(0), given)
    known = VALUE_OPTIONS[form.command]
    while words:
        word = words.pop(0)
        if word == "--json":
            form.as_json = True
        elif not word.startswith("-"):
            form.positionals.append(word)
        else:
            found = _option(word, words, tuple(known))
            if found is None or known[found[0]] in form.options:
                return None
            name, value = known[found[0]], found[1]
            if name in _VALID and not _VALID[name].fullmatch(value):
                return None
            form.options[name] = value
    least, most = POSITIONALS[form.command]
    if len(form.positionals) < least or (most is not None and len(form.positionals) > most):
        return None
    return form


def _run(form: Form) -> int:
    """Run a recognised form; errors are raised (the caller's guard reports them)."""
    env = os.environ
    app = context_of(
        form.globals.get("--roadmap", env.get("ROADMAP_FILE") or None),
        form.globals.get("--data-dir", env.get("ROADMAP_DATA_DIR") or None),
        form.globals.get("--lang"),
    )
    if form.command == "next":
        run_next(app, int(form.options.get("count", "1")), form.as_json)
    elif form.command == "list":
        positional = form.positionals[0] if form.positionals else None
        run_list(app, positional, form.options.get("status"), form.as_json)
    elif form.command == "show":
        run_show(app, form.positionals[0], form.as_json)
    elif form.command == "search":
        run_search(app, form.positionals, form.as_json)
    else:
        options = form.options
        run_mark(
            app,
            form.command,
            form.positionals,
            options.get("date"),
            options.get("note"),
            form.as_json,
        )
    sys.stdout.flush()
    return ExitStatus.SUCCESS


def answer(args: Sequence[str]) -> int | None:
    """Answer the command line ``args`` (without the program name) if it is a fast form:
    return its exit status, its output and errors written. Return None, having done
    nothing, for any other command line (and for every one under ``ROADMAP_FASTPATH=0``
    or during TAB completion)."""
    if os.environ.get("ROADMAP_FASTPATH") == "0" or os.environ.get("_ROADMAP_COMPLETE"):
        return None
    form = recognise(args)
    if form is None:
        return None
    from roadmap_cli.cli.guard import guarded, install_wait_notice, warn_zone
    from roadmap_cli.cli.localize import preread_language
    from roadmap_cli.support.i18n import set_language
    from roadmap_cli.support.streams import make_streams_safe

    make_streams_safe()
    install_wait_notice()
    set_language(preread_language(args))
    code = guarded(lambda: _run(form))
    warn_zone()
    return code
