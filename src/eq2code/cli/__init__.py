"""The command line (`eq2code …`): arguments in, engine calls, reports out; exit codes 0/1/2."""

from eq2code.cli.main import main, run

__all__ = ["main", "run"]
