"""One check of an equation against an implementation, from the read equation to the verdict
and its findings: `options` (what is asked, what comes back), `context` (the state of one
check), `prepare` (equation, function, mapping, references, calls), `run` (the sandboxed
run), `judge` (comparison, verdict, named mistakes, notes), `check` (the orchestration,
`run_check`), and `explain` (equation part ↔ code, shapes per line).
"""
