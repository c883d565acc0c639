"""Many checks over a project: configuration (`config`), pairing equations with code
(`discovery`, `documents`), running pairs (`batch`), suppressions and baselines.
"""
