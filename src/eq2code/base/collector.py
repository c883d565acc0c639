"""The cyclic garbage collector's policy for eq2code's own processes (D35).

A process that ends after its work — a check, a batch, a request process of the check server —
runs the collector less often, as mypy's `tune_gc` has it; a long-lived server (the language
server, the check server) keeps the default's short pauses and freezes its warm heap instead. The
sandbox's processes are not eq2code's: the user's code finds the collector as a plain Python has it
(code/sandbox/zygote.py, child.py). Imports nothing but `gc`, where it is used: the command calls
this before anything else.
"""

from __future__ import annotations

LONG_LIVED = ("lsp", "server")  # commands that keep the collector's small, frequent collections


def tune_collector() -> None:
    """A command that ends after its work (a check, a batch, a request process of the check
    server): the cyclic garbage collector runs less often, as mypy's `tune_gc` has it — at the
    default threshold a check's imports alone start ~50 collections (docs/performance.md, round
    10); memory stays bounded (collections still run). A long-lived server keeps the default,
    whose pauses are short, and freezes its warm heap instead (`freeze_warm_heap`)."""
    import gc

    gc.set_threshold(200_000, 30, 30)


def freeze_warm_heap() -> None:
    """A long-lived server (the language server, the check server) once its modules are imported:
    what exists now lives as long as the process, so the collector's full passes no longer walk
    it (a pass over the warm heap took 20–120 ms: a pause a save would wait for)."""
    import gc

    gc.freeze()
