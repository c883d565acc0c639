"""The notebook front end: `%load_ext eq2code` and the `%%eq2code` cell magic (IPython).

IPython is imported only in this package (the `notebook` extra installs it). The magic runs
the cell as usual, then checks the cell's function through the same engine as `eq2code
check` — the cell's code written to a temporary .py, the check in the sandboxed child
process, never in the kernel — and shows the result as rich output (magic.py, display.py;
docs/editors.md says how to use it).
"""

from __future__ import annotations

from typing import Any


def load_ipython_extension(ipython: Any) -> None:
    """`%load_ext eq2code` (or `%load_ext eq2code.notebook`): register `%%eq2code`."""
    from eq2code.notebook.magic import Eq2codeMagics

    ipython.register_magics(Eq2codeMagics)


def unload_ipython_extension(ipython: Any) -> None:  # IPython keeps magics registered; nothing to undo
    return None
