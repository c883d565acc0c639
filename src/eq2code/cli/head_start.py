"""The strict sandbox's zygote, started before the command line itself is imported.

The zygote imports NumPy (~40 ms) in its own process; the sooner it starts, the more of the
checker's start-up that import overlaps (`run` in cli/__init__.py calls this first, before
`cli.main` and its imports; `main` calls it again, which then does nothing).
"""

from __future__ import annotations

import os
import sys

_started = False


def early_zygote(argv: list[str]) -> None:
    """Start the strict sandbox's zygote before anything else, from a glance at the arguments,
    so that its NumPy import overlaps all of the checker's own start-up. Only a head start:
    `_sandbox` configures the sandbox from the parsed arguments and reports every problem."""
    global _started
    from eq2code.cli.client import command_of

    if _started or command_of(argv) not in ("check", "explain") or "--no-exec" in argv:
        return
    _started = True
    chosen = None
    for i, a in enumerate(argv):
        if a.startswith("--sandbox="):
            chosen = a.partition("=")[2]
        elif a == "--sandbox" and i + 1 < len(argv):
            chosen = argv[i + 1]
    from eq2code.code.sandbox import spawn

    try:  # its process only: the sandbox's own modules are not imported yet
        if (chosen or os.environ.get("EQ2CODE_SANDBOX", "")).strip().lower() != "basic" \
                and sys.platform.startswith("linux") and hasattr(os, "pidfd_open"):
            spawn.start_zygote()
        else:
            spawn.start_waiting_child()  # basic: the first run's child (taken by `prestart`)
        from eq2code.code.sandbox import platform

        if chosen is not None and chosen not in platform.MODES:
            platform.take_started()  # ended at exit with the command, which says what is wrong
            return
        platform.configure(chosen)
        platform.prestart()
    except Exception:  # anything wrong is said by `_sandbox`, after the arguments are parsed
        from eq2code.base.log import get_logger

        get_logger(__name__).debug("no early zygote", exc_info=True)
