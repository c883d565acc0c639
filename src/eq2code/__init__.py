"""eq2code: checks that NumPy code computes what a LaTeX equation says.

The pipeline is a package per stage (see docs/architecture.md): equation reading (`equation`)
→ reference (`reference`) → running the code (`code`) → judging (`checking`) → diagnosis
(`diagnosis`) → findings (`findings`) → reports (`report`) → front ends (`cli`, `lsp`);
`project` runs many pairs.
"""

from eq2code.base.version import __version__

__all__ = ["__version__"]
