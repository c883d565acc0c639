"""One check of an equation against an implementation, from the read equation to the verdict
and its findings (`check`).
"""
