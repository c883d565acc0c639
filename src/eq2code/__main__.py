"""`python -m eq2code …` runs the command line."""

import sys

from eq2code.cli import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
