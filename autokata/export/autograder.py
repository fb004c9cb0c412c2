"""`python -m autokata.export.autograder`: what a Gradescope `run_autograder` runs (see `grading.py`).

A module of its own, imported by nothing else, so running it as `__main__`
never finds itself already imported through the package.
"""

from autokata.export.grading import main

if __name__ == "__main__":
    raise SystemExit(main())
