"""autokata's performance targets (DESIGN.md), each figure a ratio to a floor measured in the same run.

    python benchmarks/run.py [--quick] [--repeat N] [--json FILE] [--skip-watch] [--skip-report]

The floors are plain-transformers processes (floors.py: no autokata, no pytest):
floor_family loads every checkpoint of one family with the Auto class its kata
uses and its tokenizer and runs it once; floor_all does the same for every
family in one process. Then, each in a fresh process, in the environment this
run was started in:

- one kata per family in a fresh `pytest` (05 encoders, 02 decoders, 03 seq2seq)
  vs floor_family of that family: <= 1.25 x;
- `pytest solutions/`: wall vs floor_all <= 2.5 x; CPU seconds (its children's
  user + sys, RUSAGE_CHILDREN) <= 20 s; peak memory (max RSS of any one of its
  processes) <= 1.5 GB;
- `autokata watch`, save -> verdict of every kata's solution, median per kata
  <= 0.5 s (watch_latency.py);
- `autokata report` on copies of solutions/, >= 10 learner folders per minute
  (report_throughput.py).

Floors and the runs compared with them alternate, so a change of load hits both.
Absolute targets are shown as ratios to floor_all too (how a run on another
machine compares). Prints a table (figure, value, ratio, target, met?) and,
with --json FILE, writes every figure and sample so runs can be compared.
--quick: one repeat, four katas for watch, two learner folders for report.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
import traceback
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from importlib.metadata import version
from pathlib import Path

import floors
import measures
import report_throughput
from measures import Sample, measure, median, pytest_command, solution

#: Each family's floor, and the kata whose fresh `pytest` is compared with it.
FAMILY_KATAS = {"encoders": "05", "decoders": "02", "seq2seq": "03"}
QUICK_WATCH_KATAS = ("01", "05", "12", "24")
KATA_RATIO = 1.25
COURSE_RATIO = 2.5
COURSE_CPU_SECONDS = 20.0
PEAK_MEMORY_GB = 1.5
WATCH_SECONDS = 0.5
REPORT_PER_MINUTE = 10.0


@dataclass
class Figure:
    """One row of the table."""

    figure: str
    value: float | None
    unit: str
    ratio: float | None = None
    #: What the ratio divides by ("floor_family(encoders)", ...).
    floor: str = ""
    target: str = ""
    met: bool | None = None
    note: str = ""
    samples: list[float] = field(default_factory=list)


def options_from(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer repeats and four katas for watch (a closing note)")
    parser.add_argument("--repeat", type=int, help="runs per median of the floors and pytest (default 3, quick 1)")
    parser.add_argument("--saves", type=int, help="timed watch saves per kata (default 5, quick 2)")
    parser.add_argument("--learners", type=int, help="learner folders for report (default 4, quick 2)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="write the figures and samples as JSON to FILE")
    parser.add_argument("--skip-watch", action="store_true", help="skip the watch latencies")
    parser.add_argument("--skip-report", action="store_true", help="skip the report throughput")
    options = parser.parse_args(argv)
    options.repeat = options.repeat or (1 if options.quick else 3)
    options.saves = options.saves or (2 if options.quick else 5)
    options.learners = options.learners or (2 if options.quick else 4)
    return options


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def checked(sample: Sample, what: str) -> Sample:
    """A run whose process failed measures nothing: say so (the benchmark goes on)."""
    if sample.returncode != 0:
        log(f"{what} exited {sample.returncode}:\n{sample.output[-1500:]}")
    return sample


def exit_note(samples: list[Sample]) -> str:
    codes = sorted({s.returncode for s in samples if s.returncode != 0})
    return f"exit {', '.join(map(str, codes))}: not every check passed" if codes else ""


def ratio_figure(name: str, runs: list[Sample], floor_name: str, floor_runs: list[Sample], limit: float) -> Figure:
    seconds, floor = median(runs), median(floor_runs)
    note = exit_note(runs + floor_runs)
    return Figure(
        name, seconds, "s", seconds / floor, floor_name, f"<= {limit:g} x floor",
        seconds / floor <= limit and not note, note, [s.wall for s in runs],
    )


def family_figures(repeat: int) -> tuple[list[Figure], dict[str, list[Sample]]]:
    """floor_family and one kata's fresh `pytest`, per family, alternating."""
    commands = {family: floors.command([family]) for family in FAMILY_KATAS}
    katas = {family: solution(code) for family, code in FAMILY_KATAS.items()}
    floor_runs: dict[str, list[Sample]] = {family: [] for family in FAMILY_KATAS}
    kata_runs: dict[str, list[Sample]] = {family: [] for family in FAMILY_KATAS}
    for round_ in range(repeat):
        for family in FAMILY_KATAS:
            log(f"floor_family({family}) and pytest {katas[family].name}, round {round_ + 1}/{repeat}")
            floor_runs[family].append(checked(measure(commands[family]), f"floor_family({family})"))
            kata = pytest_command(str(katas[family].relative_to(measures.ROOT)))
            kata_runs[family].append(checked(measure(kata), f"pytest {katas[family].name}"))
    figures = []
    for family in FAMILY_KATAS:
        name = f"floor_family({family})"
        figures.append(Figure(name, median(floor_runs[family]), "s", 1.0, name,
                              note=exit_note(floor_runs[family]), samples=[s.wall for s in floor_runs[family]]))
        figures.append(ratio_figure(f"pytest solutions/{katas[family].name}", kata_runs[family],
                                    name, floor_runs[family], KATA_RATIO))
    return figures, floor_runs


def course_figures(repeat: int) -> tuple[list[Figure], list[Sample]]:
    """floor_all and `pytest solutions/`, alternating: wall, CPU seconds and peak memory."""
    command = floors.command(floors.FAMILIES)
    floor_runs, course_runs = [], []
    for round_ in range(repeat):
        log(f"floor_all and pytest solutions/, round {round_ + 1}/{repeat}")
        floor_runs.append(checked(measure(command), "floor_all"))
        course_runs.append(checked(measure(pytest_command("solutions/")), "pytest solutions/"))
    floor_wall, floor_cpu = median(floor_runs), median(floor_runs, "cpu")
    floor_rss = max(s.max_rss_gb for s in floor_runs)
    cpu, rss = median(course_runs, "cpu"), max(s.max_rss_gb for s in course_runs)
    note = exit_note(course_runs)
    return [
        Figure("floor_all", floor_wall, "s", 1.0, "floor_all", note=exit_note(floor_runs),
               samples=[s.wall for s in floor_runs]),
        ratio_figure("pytest solutions/ (wall)", course_runs, "floor_all", floor_runs, COURSE_RATIO),
        Figure("pytest solutions/ (CPU, user + sys)", cpu, "s", cpu / floor_cpu, "floor_all CPU",
               f"<= {COURSE_CPU_SECONDS:g} s", cpu <= COURSE_CPU_SECONDS and not note, note,
               [s.cpu for s in course_runs]),
        Figure("pytest solutions/ (peak memory, max RSS)", rss, "GB", rss / floor_rss, "floor_all max RSS",
               f"<= {PEAK_MEMORY_GB:g} GB", rss <= PEAK_MEMORY_GB and not note, note,
               [s.max_rss_gb for s in course_runs]),
    ], floor_runs


def watch_figures(codes: tuple[str, ...] | None, saves: int, floor_all: float) -> list[Figure]:
    """Save -> verdict in `autokata watch` of each kata's solution (every kata unless `codes`)."""
    import watch_latency
    from autokata import course

    katas = [course.find(code) for code in codes] if codes else watch_latency.solved_katas()
    log(f"autokata watch: {len(katas)} katas x {saves} timed saves")
    timings = watch_latency.save_to_verdict(katas, saves)
    figures = []
    for kata in katas:
        seconds = statistics.median(timings[kata.code])
        figures.append(Figure(f"watch {kata.code} save -> verdict (median)", seconds, "s", seconds / floor_all,
                              "floor_all", f"<= {WATCH_SECONDS:g} s", seconds <= WATCH_SECONDS,
                              samples=timings[kata.code]))
    worst = max(figures, key=lambda f: f.value)
    missed = sum(not f.met for f in figures)
    figures.append(Figure(f"watch, worst kata ({worst.figure.split()[1]}) of {len(figures)}", worst.value, "s",
                          worst.ratio, "floor_all", f"<= {WATCH_SECONDS:g} s every kata", missed == 0,
                          f"{missed} katas over" if missed else ""))
    return figures


def report_figure(learners: int, floor_all: float) -> Figure:
    jobs = report_throughput.cores()
    log(f"autokata report: {learners} copies of solutions/ on {jobs} workers")
    result = report_throughput.measure(learners, jobs)
    note = f"{len(result.unsolved)} katas not solved: {result.unsolved[0]}" if result.unsolved else ""
    return Figure(
        f"report: {learners} full-course folders, {jobs} workers", result.per_minute, "folders/min",
        result.seconds / learners / floor_all, "floor_all per folder",
        f">= {REPORT_PER_MINUTE:g} folders/min", result.per_minute >= REPORT_PER_MINUTE and not note, note,
        [result.seconds],
    )


def attempt(what: str, build, figures: list[Figure]):
    """Run one section; should it break, a row says so and the benchmark goes on."""
    try:
        return build()
    except Exception as error:  # noqa: BLE001 - reported in the table
        log(f"{what} failed:\n{traceback.format_exc()}")
        figures.append(Figure(what, None, "", met=False, note=f"failed: {error!r}"[:200]))
        return None


def table(figures: list[Figure]) -> list[str]:
    lines = [f"{'figure':<48} {'value':>18} {'ratio':>7}  {'target':<24} met?"]
    for f in figures:
        value = "-" if f.value is None else f"{f.value:.3f} {f.unit}" if f.unit == "s" else f"{f.value:.2f} {f.unit}"
        ratio = "-" if f.ratio is None else f"{f.ratio:.2f}"
        met = "" if f.met is None else "yes" if f.met else "NO"
        lines.append(f"{f.figure:<48} {value:>18} {ratio:>7}  {f.target or '-':<24} {met}"
                     + (f"  ({f.note})" if f.note else ""))
    return lines


def machine() -> dict:
    cores = report_throughput.cores()
    return {
        "cores": cores,
        "platform": platform.platform(),
        "python": platform.python_version(),
        "torch": version("torch"),
        "transformers": version("transformers"),
        "autokata_environment": {k: v for k, v in sorted(os.environ.items()) if k.startswith("AUTOKATA_")},
    }


def main(argv: list[str] | None = None) -> int:
    options = options_from(argv)
    started = datetime.now(timezone.utc)
    load_before = os.getloadavg()
    figures: list[Figure] = []

    from autokata import zoo

    log(f"zoo: {zoo.ensure()}")
    log("warming up (untimed): floor_all, one kata" + ("" if options.quick else ", pytest solutions/"))
    measure(floors.command(floors.FAMILIES))
    measure(pytest_command(str(solution(FAMILY_KATAS["encoders"]).relative_to(measures.ROOT))))
    if not options.quick:
        measure(pytest_command("solutions/"))

    family = attempt("one kata per family", lambda: family_figures(options.repeat), figures)
    if family:
        figures += family[0]
    course = attempt("pytest solutions/", lambda: course_figures(options.repeat), figures)
    floor_all = None
    if course:
        figures += course[0]
        floor_all = median(course[1])
    else:
        floor_all = median([measure(floors.command(floors.FAMILIES))])
    if not options.skip_watch:
        codes = QUICK_WATCH_KATAS if options.quick else None
        figures += attempt("watch", lambda: watch_figures(codes, options.saves, floor_all), figures) or []
    if not options.skip_report:
        row = attempt("report", lambda: report_figure(options.learners, floor_all), figures)
        if row:
            figures.append(row)

    load_after = os.getloadavg()
    cores = report_throughput.cores()
    print("\n".join(table(figures)))
    busy = max(load_before[0], load_after[0]) > cores / 2
    print(f"{'quick' if options.quick else 'full'} run, {cores} cores, load average {load_before[0]:.2f} -> "
          f"{load_after[0]:.2f}" + ("  (machine busy: figures are noisy)" if busy else ""))
    targets = [f for f in figures if f.met is not None]
    print(f"targets met: {sum(bool(f.met) for f in targets)} of {len(targets)}")
    if options.json:
        document = {
            "schema": "autokata-benchmark/1",
            "started": started.isoformat(timespec="seconds"),
            "seconds": (datetime.now(timezone.utc) - started).total_seconds(),
            "quick": options.quick,
            "repeat": options.repeat,
            "machine": machine(),
            "load_average": {"before": load_before, "after": load_after},
            "figures": [asdict(f) for f in figures],
        }
        options.json.write_text(json.dumps(document, indent=1) + "\n")
        print(f"Wrote {options.json}")
    broken = any(f.value is None for f in figures)
    return 1 if broken else 0


if __name__ == "__main__":
    raise SystemExit(main())
