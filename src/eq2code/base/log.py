"""eq2code's debug log, without importing `logging` on a check's way (~2.5 ms of a warm check,
docs/performance.md).

eq2code writes only debug records (`--verbose` shows them, with their traces). A record is
handed to `logging` when `logging` is loaded — by `--verbose`, or by a program that uses
eq2code and set logging up; when it is not loaded nobody can be listening (and logging's own
default drops debug records too), so the record is dropped without importing it.
"""

from __future__ import annotations

import sys
from typing import Any


class DebugLog:
    """`log.debug(...)` as `logging.getLogger(name).debug(...)`, once `logging` is loaded."""

    def __init__(self, name: str) -> None:
        self.name = name

    def debug(self, message: str, *args: Any, **kwargs: Any) -> None:
        logging = sys.modules.get("logging")
        if logging is not None:
            logging.getLogger(self.name).debug(message, *args, **kwargs)


def get_logger(name: str) -> DebugLog:
    return DebugLog(name)
