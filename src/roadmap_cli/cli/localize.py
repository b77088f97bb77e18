"""``--help`` in the interface language, and the language known before typer starts.

typer reads ``help=`` and the command docstrings when the module is imported and builds
the click commands from them when the app is called; rich renders them only when
``--help`` is given. So the texts stay English in the code (no marking needed) and are
translated on the built click objects, after the language is known and before anything
is rendered:

1. :func:`preread_language` finds the language in the arguments (``--lang zh`` before the
   command name), else ``ROADMAP_LANG`` or the locale, and
   :meth:`roadmap_cli.cli.funnel.RoadmapGroup.main` calls
   :func:`roadmap_cli.support.i18n.set_language` with it: from then on every message of
   the run (errors raised in actions/, output) is in that language.
2. :func:`localize_command` replaces ``help``, ``short_help`` and ``epilog`` of every
   click command of the app and the ``help`` of each of their parameters (and of the help
   option) by their translations, before the arguments are parsed.
   ``typer.main.get_command`` builds fresh click objects on every call of the app, so
   replacing their texts never leaks into another run in the same process (tests).
3. :func:`localize_typer_strings` sets typer's fixed help strings (panel titles
   "Options", "Arguments", "Commands", "[default: …]", "[required]") to the language's.

Every such text is a message of the catalog: ``docs/update_translations.py`` collects them
from the app's click tree (:func:`help_messages`) besides the ``_()`` calls in the code.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from typing import Any

from roadmap_cli.support.i18n import N_, _, get_language

__all__ = [
    "help_messages",
    "localize_command",
    "localize_typer_strings",
    "preread_language",
]

#: typer's fixed strings in ``typer.rich_utils`` (attribute -> the English typer uses).
TYPER_STRINGS: dict[str, str] = {
    "DEPRECATED_STRING": N_("(deprecated) "),
    "DEFAULT_STRING": N_("[default: {}]"),
    "ENVVAR_STRING": N_("[env var: {}]"),
    "REQUIRED_LONG_STRING": N_("[required]"),
    "ARGUMENTS_PANEL_TITLE": N_("Arguments"),
    "OPTIONS_PANEL_TITLE": N_("Options"),
    "COMMANDS_PANEL_TITLE": N_("Commands"),
    "ERRORS_PANEL_TITLE": N_("Error"),
    "ABORTED_TEXT": N_("Aborted."),
    "RICH_HELP": N_("Try [blue]'{command_path} {help_option}'[/] for help."),
}

#: click's usage line prefix, translated by :func:`localize_typer_strings`.
USAGE = N_("Usage: ")

#: Global options that take a value (skipped while looking for --lang).
_VALUE_OPTIONS = ("--roadmap", "--data-dir")

_DONE = "_roadmap_localized"


def preread_language(args: Sequence[str]) -> str:
    """The interface language of a run with these arguments (without the program name):
    the value of ``--lang`` among the global options (before the command name), else
    ``ROADMAP_LANG``, else the locale (see
    :func:`roadmap_cli.actions.context.default_language`). A language that is not zh or
    en gives "en" here; the ``--lang`` option reports it as an error afterwards.
    Raises nothing."""
    from roadmap_cli.actions.context import check_language, default_language
    from roadmap_cli.errors import UsageError

    value: str | None = None
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--lang" and i + 1 < len(args):
            value = args[i + 1]
            i += 2
        elif arg.startswith("--lang="):
            value = arg.partition("=")[2]
            i += 1
        elif arg in _VALUE_OPTIONS:
            i += 2
        elif arg.startswith("-") and arg != "--":
            i += 1
        else:
            break
    try:
        return check_language(value) if value else default_language()
    except UsageError:
        return "en"


def localize_typer_strings() -> None:
    """Set typer's fixed help strings to the language in use, and show flags without a
    type, if typer's help renderer is imported (it is imported only to render help; when
    :func:`wants_help` is true the caller imports it first). Idempotent; English restores
    typer's own strings."""
    module = sys.modules.get("typer.rich_utils")
    if module is None:
        return
    for name, english in TYPER_STRINGS.items():
        if hasattr(module, name):
            setattr(module, name, _(english))
    _untyped_flags()
    from typer._click.formatting import HelpFormatter

    original = getattr(HelpFormatter.write_usage, "_roadmap_original", HelpFormatter.write_usage)
    if get_language() == "en":
        HelpFormatter.write_usage = original  # type: ignore[method-assign]
        return

    def write_usage(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
        original(self, prog, args, _("Usage: ") if prefix is None else prefix)

    write_usage._roadmap_original = original  # type: ignore[attr-defined]
    HelpFormatter.write_usage = write_usage  # type: ignore[method-assign]


def _untyped_flags() -> None:
    """In help, a flag (``--version``, ``--help``, ``--json``) shows no type: typer 0.29
    labels it ``<bool>``, which reads as if it took a value. Idempotent."""
    from typer.core import TyperOption

    original = TyperOption.display_type_rich
    if getattr(original, "_roadmap_flags", False):
        return

    def display_type_rich(self: Any, ctx: Any) -> str | None:
        if self.is_flag and self.metavar is None:
            return None
        return original(self, ctx)

    display_type_rich._roadmap_flags = True  # type: ignore[attr-defined]
    TyperOption.display_type_rich = display_type_rich  # type: ignore[method-assign]


def wants_help(args: Sequence[str], root: Any = None) -> bool:
    """Whether these arguments may render help: ``-h``/``--help``, no arguments, or (given
    the ``root`` click group) arguments that name a group and nothing after it
    (``roadmap progress``, which shows the group's help)."""
    if not args or "-h" in args or "--help" in args:
        return True
    node, i = root, 0
    while node is not None and i < len(args):
        arg = args[i]
        if arg in (*_VALUE_OPTIONS, "--lang"):
            i += 2
            continue
        if arg.startswith("-"):
            i += 1
            continue
        node = getattr(node, "commands", {}).get(arg)
        i += 1
    return node is not None and node is not root and hasattr(node, "commands")


def localize_command(command: Any, help_names: Sequence[str] = ("--help",)) -> None:
    """Translate the help texts of a click ``command`` in place, and of its subcommands:
    help, short_help, epilog, every parameter's help, and the help option's (whose names,
    ``help_names``, are the app's ``help_option_names``). Once per object; a no-op in
    English unless it was translated before (then English comes back). Raises nothing."""
    language = get_language()
    if getattr(command, _DONE, "en") == language:
        return
    setattr(command, _DONE, language)
    for attribute in ("help", "short_help", "epilog"):
        text = _english(command, attribute)
        if text:
            setattr(command, attribute, _(text))
    params = list(getattr(command, "params", []))
    if hasattr(command, "get_help_option"):
        from typer._click import Context

        option = command.get_help_option(Context(command, help_option_names=list(help_names)))
        if option is not None:
            params.append(option)
    for param in params:
        text = _english(param, "help")
        if text:
            param.help = _(text)
    for sub in getattr(command, "commands", {}).values():
        localize_command(sub, help_names)


def _english(thing: Any, attribute: str) -> Any:
    """The English text of ``thing.attribute`` as built, kept aside the first time it is
    translated, so that a process can switch languages back and forth."""
    key = f"_roadmap_en_{attribute}"
    if not hasattr(thing, key):
        setattr(thing, key, getattr(thing, attribute, None))
    return getattr(thing, key)


def help_messages(command: Any) -> Iterator[str]:
    """Every help text of a click ``command`` and its subcommands (English, as built):
    for the catalog extraction (``docs/update_translations.py``) and its test."""
    for attribute in ("help", "short_help", "epilog"):
        text = getattr(command, attribute, None)
        if text:
            yield text
    for param in getattr(command, "params", []):
        text = getattr(param, "help", None)
        if text:
            yield text
    for sub in getattr(command, "commands", {}).values():
        yield from help_messages(sub)


#: The help option's text (click's), translated with the rest.
HELP_OPTION = N_("Show this message and exit.")


#: click's usage errors (English, as typer's vendored click words them) and the msgids
#: they become; the groups are passed as {0}, {1}… to the translation.
_CLICK_MESSAGES: tuple[tuple[str, str], ...] = (
    (
        r"No such command '(.+)'\. Did you mean '(.+)'\?",
        N_("No such command '{0}'. Did you mean '{1}'?"),
    ),
    (r"No such command '(.+)'\.", N_("No such command '{0}'.")),
    (r"No such option: (\S+) Did you mean (\S+)\?", N_("No such option: {0} Did you mean {1}?")),
    (
        r"No such option: (\S+) \(Possible options: (.+)\)",
        N_("No such option: {0} (Possible options: {1})"),
    ),
    (r"No such option: (\S+)", N_("No such option: {0}")),
    (r"Missing argument '(.+)'\.", N_("Missing argument '{0}'.")),
    (r"Missing command\.", N_("Missing command.")),
    (r"Missing option '(.+)'\.", N_("Missing option '{0}'.")),
    (r"Option '(.+)' requires an argument\.", N_("Option '{0}' requires an argument.")),
    (r"Option '(.+)' does not take a value\.", N_("Option '{0}' does not take a value.")),
    (
        r"Got unexpected extra argument(?:s|\(s\))? \((.*)\)",
        N_("Got unexpected extra arguments ({0})"),
    ),
    (r"Invalid value for (.+?): (.*)", N_("Invalid value for {0}: {1}")),
    (r"'(.*)' is not a valid integer\.", N_("'{0}' is not a valid integer.")),
    (r"(.*) is not in the range (.*)\.", N_("{0} is not in the range {1}.")),
    (r"(.*) is not one of (.*)\.", N_("{0} is not one of {1}.")),
    (
        r"Input should be a valid integer, unable to parse string as an integer",
        N_("Input should be a valid integer, unable to parse string as an integer"),
    ),
    (r"Input should be greater than or equal to (.+)", N_("Input should be at least {0}")),
    (r"Input should be less than or equal to (.+)", N_("Input should be at most {0}")),
)


def translate_click_message(message: str) -> str:
    """A usage error of click (``No such command 'x'.``, ``Invalid value for '-n': …``) in
    the interface language; an unknown wording as it is. Raises nothing."""
    if get_language() == "en":
        return message
    import re

    for pattern, msgid in _CLICK_MESSAGES:
        found = re.fullmatch(pattern, message, flags=re.DOTALL)
        if found:
            groups = [translate_click_message(g) if g else "" for g in found.groups()]
            return _(msgid).format(*groups)
    return message
