"""eq2code: checks that NumPy code computes what a LaTeX equation says.

The pipeline is a package per stage (see docs/architecture.md): equation reading (`equation`)
→ reference (`reference`) → running the code (`code`) → judging (`checking`) → diagnosis
(`diagnosis`) → findings (`findings`) → reports (`report`) → front ends (`cli`, `lsp`);
`project` runs many pairs; `notebook` is the IPython front end (`%load_ext eq2code`).
"""

from eq2code.base.version import __version__

__all__ = ["__version__", "load_ipython_extension"]


def load_ipython_extension(ipython):  # `%load_ext eq2code`: IPython is imported only by the notebook package
    from eq2code.notebook import load_ipython_extension as load

    load(ipython)
