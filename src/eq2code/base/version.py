"""The version of eq2code (one place; the package face re-exports it)."""

__version__ = "0.1.0"
