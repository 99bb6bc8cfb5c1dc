"""Every benchmark in order, one readable report (`make bench`).

    python bench/run.py [--pairs 10000] [--seconds 20] [--postgres URL] …
    python bench/run.py --pairs 500 --seconds 5      # a quick run

1. seed: the benchmark database (reused when it exists with the same size)
2. queries: SQL queries per Today request, long history against a new pair
3. today: Today and /api/today under 32 concurrent clients, against a bare view
4. profile_today: where the Today page's CPU time goes, part by part
5. coach accuracy: bench/coach_accuracy.py, when it exists, as its own process

Each step is also a module of its own: python -m bench.seed / queries / today /
profile_today.
The report is printed and kept in bench/results/.
"""

import os
import platform
import shlex
import subprocess
import sys
import time
import traceback
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script

from bench import profile_today, queries, seed, today
from bench.common import REPO, heading, parser, setup_django, target_from

COACH_ACCURACY = REPO / "bench" / "coach_accuracy.py"
RESULTS = REPO / "bench" / "results"
# The coach's script gets the environment we were started with, not the one
# pointing Django at the benchmark database.
STARTING_ENVIRONMENT = dict(os.environ)


class Report:
    """Prints as it goes (a full run takes minutes) and keeps a copy."""

    def __init__(self):
        self.lines: list[str] = []

    def __call__(self, *lines: str) -> None:
        for line in lines:
            print(line, flush=True)
            self.lines.append(line)

    def save(self) -> Path:
        RESULTS.mkdir(exist_ok=True)
        path = RESULTS / time.strftime("run-%Y%m%d-%H%M%S.txt")
        path.write_text("\n".join(self.lines) + "\n")
        return path


def machine() -> list[str]:
    import django

    return [
        f"Command: {shlex.join([Path(sys.executable).name, *sys.argv])}",
        f"Machine: {os.cpu_count()} CPUs ({platform.machine()}), {platform.platform()}, "
        f"Python {platform.python_version()}, Django {django.get_version()}",
        f"Started {time.strftime('%Y-%m-%d %H:%M:%S')}, load average "
        f"{os.getloadavg()[0]:.2f} (1 minute)",
    ]


def coach_accuracy(report: Report) -> bool:
    report(heading("Coach accuracy (bench/coach_accuracy.py)"))
    finished = subprocess.run(
        [sys.executable, str(COACH_ACCURACY)],
        cwd=REPO,
        env=STARTING_ENVIRONMENT,
        capture_output=True,
        text=True,
        check=False,
    )
    report(*(finished.stdout + finished.stderr).rstrip().splitlines())
    if finished.returncode:
        report(f"coach_accuracy.py stopped with exit code {finished.returncode}.")
    return finished.returncode == 0


def main(argv=None) -> int:
    options = parser(__doc__.splitlines()[0]).parse_args(argv)
    target = target_from(options)
    report = Report()
    report(heading("Hearthside benchmarks"), *machine())
    steps_ok = True

    def step(title, work):
        nonlocal steps_ok
        try:
            work()
        except Exception:
            steps_ok = False
            report(heading(title), "This step failed:", *traceback.format_exc().splitlines())

    def seeding():
        figures = seed.seed(target, reseed=options.reseed, out=report)
        report(heading("Benchmark database"), *seed.describe(figures))

    def counting():
        old, new = queries.measure(target)
        report(heading("Queries per request (in-process, CaptureQueriesContext)"))
        report(*queries.report(old, new))

    def loading():
        results, server = today.measure(target, options)
        report(heading("Today page under load"))
        report(*today.report(target, options, results, server))

    def profiling():
        user = profile_today.seeded_person()
        pages = profile_today.page_costs(user, repeat=100)
        parts = profile_today.part_costs(user, repeat=100)
        report(heading("Where Today's time goes"), *profile_today.report(pages, parts))

    step("Seed", seeding)
    setup_django(target)
    step("Queries per request", counting)
    step("Today page under load", loading)
    step("Where Today's time goes", profiling)
    if COACH_ACCURACY.exists():
        steps_ok = coach_accuracy(report) and steps_ok
    report("", f"Report saved to {report.save().relative_to(REPO)}")
    return 0 if steps_ok else 1


if __name__ == "__main__":
    sys.exit(main())
