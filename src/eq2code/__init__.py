"""eq2code: checks that NumPy code computes what a LaTeX equation says.

The pipeline, one module per stage (see docs/architecture.md):
source → latex (grammar, transformer) → model → lowering → evaluate → inputs →
loader → sandbox → compare → findings → reporters → cli.
"""

__version__ = "0.1.0"
