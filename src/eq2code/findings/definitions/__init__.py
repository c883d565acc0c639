"""One module per finding, each defining `FINDING = FindingDef(...)` (see `findings/registry.py`).

Discovered with pkgutil: adding a finding is adding a file here.
"""
