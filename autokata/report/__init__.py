"""`autokata report [--json F] [--csv F] [--html F] [--seed S] DIR...`: each learner's kata states, for instructors.

An instructor collects a folder of kata files per learner (named as in the
course: `01_embeddings.py`, …) and gets one row per learner x kata: its state,
the failing check's message, and how long the check took. Folders are checked
in parallel over the cores (`pool`); broken learner code (a syntax error, an
endless loop, a missing file) gives a row that says so and never stops the
report. A table goes to stdout; `--json`, `--csv` and `--html` (a gradebook
heat map, `html.py`) write files. `--seed S` grades with hypothesis examples
drawn from S instead of the learners' stable draws, and more of them
(`kit/profiles.py`).
Flags (`flags.py`) point an instructor at rows to look at; they never change a
verdict.

JSON schema `autokata-report/1`:

    {
      "schema": "autokata-report/1",
      "protection": {"applied": [...],             what fenced the learner processes in (memory cap,
                     "missing": [...]},            namespaces, Landlock), and what this machine lacked
      "generated_at": "2025-11-24T21:54:00Z",     UTC, ISO 8601, to the second
      "seed": 7,                                   the grading seed the examples were drawn from;
                                                   null: the learners' own stable examples
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
              "seconds": 0.84,                     how long checking the file took; null if missing
              "flags": ["identical-to:bob"]        for the instructor to look at, never part of the
                                                   verdict: reference-solution, identical-to:NAME,
                                                   uses-autokata, conftest, other-python-files
            }
          ],
          "solved": 1,                             katas in state "solved"
          "total": 1                               katas reported
        }
      ]
    }

The CSV has the columns `learner, folder, 01_embeddings, …, solved, total,
flags, seed`, one row per learner, each kata cell holding its state; `flags`
holds `05 reference-solution; 07 uses-autokata` (kata, then its flags), `seed`
the grading seed (empty without one).
"""

from autokata.report.command import HELP, add_arguments, run

__all__ = ["HELP", "add_arguments", "run"]
