"""`python -m eq2code …` runs the command line."""

from eq2code.cli import run

if __name__ == "__main__":
    run()
