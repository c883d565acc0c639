"""Reports: the record of a run (`model`) and its output formats (`formats/`: text, JSON,
SARIF, GitHub, concise, parse).
"""
