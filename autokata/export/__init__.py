"""`autokata export`: the course where bootcamps work, without its answers.

- `--student DIR` (`student.py`): the course for learners, solutions withheld;
- `--github-classroom DIR` (`classroom.py`): that copy plus the autograding
  workflow of a GitHub Classroom assignment;
- `--gradescope ZIP` (`gradescope.py`): a Gradescope autograder, whose
  `run_autograder` grades a submission with `grading.py`.

Every export installs autokata from its own copy at the exported versions
(`sources.py`); the graders draw examples from a grading seed.
"""

from autokata.export.command import HELP, add_arguments, run

__all__ = ["HELP", "add_arguments", "run"]
