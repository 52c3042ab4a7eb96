"""The ``tamizdat`` command: parses arguments and calls a stage, nothing more.

Each command group lives in its own module with a ``register(subparsers)``
function, so stages can grow their commands without touching each other.
Heavy imports happen inside the handlers, keeping ``tamizdat --help`` fast.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from pipeline import __version__
from pipeline.core.errors import EXPECTED, TamizdatError, one_line

# Modules under pipeline.cli that contribute subcommands, in --help order.
COMMAND_MODULES = ("files", "project", "catalog", "adopt", "glossary", "site")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tamizdat",
        description="Translate and publish articles: HTML -> gettext catalogues -> translated site.",
    )
    parser.add_argument("--version", action="version", version=f"tamizdat {__version__}")
    parser.add_argument("-q", "--quiet", action="store_true", help="print only warnings and errors")
    parser.add_argument("--debug", action="store_true", help="show the full traceback of an error")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"pipeline.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"pipeline.cli.{name}":
                raise
            continue
        module.register(sub)
    _accept_common_options_after_the_command(sub)
    return parser


def _accept_common_options_after_the_command(sub: argparse._SubParsersAction) -> None:
    """Let ``tamizdat build -q`` work as well as ``tamizdat -q build``, and ``tamizdat memory export -q``
    too: every command and every action of a command group. One without a description shows its help line."""
    helps = {action.dest: action.help for action in sub._choices_actions}
    for name, command in sub.choices.items():
        # SUPPRESS: a subcommand that was not given -q must not reset the top-level value.
        command.add_argument("-q", "--quiet", action="store_true", default=argparse.SUPPRESS,
                             help="print only warnings and errors")
        command.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                             help="show the full traceback of an error")
        help_line = helps.get(name)
        if not command.description and help_line:
            command.description = help_line[:1].upper() + help_line[1:] + "."
        for action in command._actions:
            if isinstance(action, argparse._SubParsersAction):
                _accept_common_options_after_the_command(action)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        code = int(args.handler(args) or 0)
    except BrokenPipeError:
        return 1
    except KeyboardInterrupt:
        print("tamizdat: interrupted", file=sys.stderr)
        return 130
    except (TamizdatError, *EXPECTED) as exc:
        # The one place a failure becomes what the user reads: one line naming the file, exit 1.
        if getattr(args, "debug", False):
            import traceback

            traceback.print_exc()
        print(f"tamizdat: error: {one_line(exc)}" + _hint(args, exc), file=sys.stderr)
        return 1
    if argv is None and getattr(args, "exit_unwalked", False):
        # The process exits next (its own command line, not a caller's): the interpreter's last collection would
        # walk every object the command's memos hold, which reference counts free all the same — for a check,
        # most of its exit (67 M instructions after 100 catalogues, of 90 M; bench/check_speed.py counts it).
        import gc

        gc.freeze()
    return code


def _hint(args, exc: BaseException) -> str:
    if isinstance(exc, TamizdatError) or getattr(args, "debug", False):
        return ""
    return " (--debug shows where)"
