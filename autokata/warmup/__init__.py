"""`autokata warmup`: a timed interview warm-up on fresh copies of a few katas.

`autokata warmup --count N --minutes M [--seed S] [--track T]` picks N katas
(by default among those not solved in the learner's `katas/`, reproducibly
with the seed), copies their original stubs into a new folder
`warmups/<start time>/katas/`, and starts the clock; the learner's own
`katas/` is never touched. `--status` checks the warm-up's files and shows the
time left (the first status after the deadline finishes it); `--finish` stops
the clock. Either way the scorecard (each kata solved or not, and its time to
first green) is printed and appended to `.autokata/warmups.jsonl`, which
`--history` reads back with the personal best per kata.

Modules: `picking` (which katas, the seeded pick, fresh stubs), `session` (the
warm-up folder and its state file), `checking` (verdicts, logged with their
time), `scorecard`, `history`, `command` (options and the run).
"""

from autokata.warmup.command import HELP, add_arguments, run

__all__ = ["HELP", "add_arguments", "run"]
