"""Running user code: a child process per check, results back as plain data (spec §5).

`runner.run_calls` is the only entry point the checker uses; `child.py` is the script that
runs inside the child process. Nothing here compares results: that is `compare.py`.
"""
