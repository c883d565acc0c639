"""The command line (`eq2code …`): arguments in, engine calls, reports out; exit codes 0/1/2."""

from __future__ import annotations

import sys

TYPE_CHECKING = False  # not `typing`'s: nothing is imported before the zygote starts
if TYPE_CHECKING:
    from typing import NoReturn

    from eq2code.cli.main import main

__all__ = ["main", "run"]


def run() -> NoReturn:
    """The `eq2code` command (and `python -m eq2code`): a check handed to the check server when
    one runs (cli/client.py); else the sandbox's zygote first — before the command line's own
    imports (cli/head_start.py) — then `cli.main.run`."""
    from eq2code.base.collector import LONG_LIVED, tune_collector
    from eq2code.cli.client import command_of, delegate

    if command_of(sys.argv[1:]) not in LONG_LIVED:
        tune_collector()
    code = delegate(sys.argv[1:])
    if code is not None:
        sys.exit(code)
    from eq2code.cli.head_start import early_zygote

    early_zygote(sys.argv[1:])
    from eq2code.cli.main import run as run_command

    run_command()


def __getattr__(name: str):
    if name == "main":  # `from eq2code.cli import main`: the command line as a function (tests, tools)
        from eq2code.cli.main import main

        return main
    raise AttributeError(f"module 'eq2code.cli' has no attribute {name!r}")
