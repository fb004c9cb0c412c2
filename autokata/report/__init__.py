"""`autokata report [--json F] [--csv F] DIR...`: each learner's kata states, for instructors.

An instructor collects a folder of kata files per learner (named as in the
course: `01_embeddings.py`, …) and gets one row per learner x kata: its state,
the failing check's message, and how long the check took. Folders are checked
in parallel over the cores (`pool`); broken learner code (a syntax error, an
endless loop, a missing file) gives a row that says so and never stops the
report. A table goes to stdout; `--json` and `--csv` write files.

JSON schema `autokata-report/1`:

    {
      "schema": "autokata-report/1",
      "protection": {"applied": [...],             what fenced the learner processes in (memory cap,
                     "missing": [...]},            namespaces, Landlock), and what this machine lacked
      "generated_at": "2025-11-24T21:54:00Z",     UTC, ISO 8601, to the second
      "course": [                                  the katas reported, in course order
        {"kata": "01", "file": "01_embeddings.py", "title": "Sentence embeddings with AutoModel", "track": "A"}
      ],
      "learners": [                                one per DIR, in the order given
        {
          "name": "alice",                         the folder's own name (its path as given if two clash)
          "folder": "class/alice",                 the DIR as given
          "katas": [                               one per course entry, same order
            {
              "kata": "01",
              "file": "class/alice/01_embeddings.py",
              "state": "solved",                   solved | failing | not started | missing | timeout
              "message": "",                       why it is not solved (the first failing check's
                                                   lesson, the syntax error, ...); "" when solved
              "seconds": 0.84                      how long checking the file took; null if missing
            }
          ],
          "solved": 1,                             katas in state "solved"
          "total": 1                               katas reported
        }
      ]
    }

The CSV has the columns `learner, folder, 01_embeddings, …, solved, total`,
one row per learner, each kata cell holding its state.
"""

from autokata.report.command import HELP, add_arguments, run

__all__ = ["HELP", "add_arguments", "run"]
