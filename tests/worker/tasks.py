"""A task for the worker tests: it notes each start and finish in a file, and
the first time it runs it pauses, long enough to be killed in the middle."""

import time
from pathlib import Path

from django_tasks import task

FIRST_RUN_PAUSE = 120


@task()
def note_in_file(path: str) -> None:
    log = Path(path)
    first_run = not log.exists()
    with log.open("a") as file:
        file.write("started\n")
    if first_run:
        time.sleep(FIRST_RUN_PAUSE)
    with log.open("a") as file:
        file.write("finished\n")
