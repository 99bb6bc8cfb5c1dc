"""Background work survives a worker that is killed.

Real `hearthside worker` processes run against the test database; tasks go
through the database queue, as in production. Mail is delivered by the console
backend, so each worker's output shows what it sent.
"""

import re
import signal
import subprocess
import time
import uuid

import pytest
from django.core.mail import send_mail
from django.test import Client
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from hearthside.mail import deliver_email, unseal

from .processes import CONSOLE_SCRIPT, PROJECT_ROOT, hearthside_environment
from .tasks import note_in_file

pytestmark = pytest.mark.django_db(transaction=True)

PATIENCE = 90  # seconds; workers start slowly on a busy machine


class Worker:
    def __init__(self, output_path, *arguments: str):
        self.output_path = output_path
        with output_path.open("w") as output:
            self.process = subprocess.Popen(  # noqa: S603 (our own console script)
                [str(CONSOLE_SCRIPT), "worker", "--no-startup-delay", "--no-reload", *arguments],
                env=hearthside_environment(PYTHONUNBUFFERED="1"),
                cwd=PROJECT_ROOT,
                stdout=output,
                stderr=subprocess.STDOUT,
            )

    @property
    def output(self) -> str:
        return self.output_path.read_text()

    def kill(self) -> None:
        """SIGKILL: no clean-up, as when the power goes or the OOM killer strikes."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(PATIENCE)

    def finish(self) -> int:
        return self.process.wait(PATIENCE)


@pytest.fixture
def start_worker(transactional_db, settings, tmp_path):
    """Starts workers on the database queue; kills any still running at the end."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.EMAIL_BACKEND = "hearthside.mail.QueuedEmailBackend"
    started: list[Worker] = []

    def start(*arguments: str) -> Worker:
        worker = Worker(tmp_path / f"worker-{len(started) + 1}.out", *arguments)
        started.append(worker)
        return worker

    yield start
    for worker in started:
        if worker.process.poll() is None:
            worker.kill()


def wait_until(condition, what: str) -> None:
    deadline = time.monotonic() + PATIENCE
    while not condition():
        assert time.monotonic() < deadline, f"gave up waiting: {what}"
        time.sleep(0.1)


def status(result) -> str:
    return DBTaskResult.objects.get(id=result.id).status


def send_a_mail() -> str:
    subject = f"Hearthside test {uuid.uuid4()}"
    send_mail(subject, "Hello from the queue.", None, ["sam@example.test"])
    return subject


def deliveries(subject: str, *workers: Worker) -> int:
    return sum(worker.output.count(f"Subject: {subject}") for worker in workers)


def killed_mid_task(start_worker, tmp_path):
    """A worker claims a long task and is killed in the middle of it, while a
    mail waits in the queue behind that task."""
    log = tmp_path / "task.log"
    interrupted = note_in_file.enqueue(str(log))
    subject = send_a_mail()
    first = start_worker("--interval", "0.2")
    wait_until(lambda: log.exists() and "started" in log.read_text(), "the task to start")
    first.kill()
    return log, interrupted, subject, first


def test_queued_mail_is_delivered_by_the_worker(start_worker):
    subject = send_a_mail()
    worker = start_worker("--batch")
    assert worker.finish() == 0, worker.output
    assert deliveries(subject, worker) == 1
    assert DBTaskResult.objects.get().status == TaskResultStatus.SUCCESSFUL


def test_a_task_interrupted_by_a_killed_worker_is_run_again_by_the_next(start_worker, tmp_path):
    log, interrupted, _, _ = killed_mid_task(start_worker, tmp_path)
    assert status(interrupted) == TaskResultStatus.RUNNING

    second = start_worker("--batch")

    assert second.finish() == 0, second.output
    assert "Put 1 interrupted task(s) back in the queue." in second.output
    assert log.read_text() == "started\nstarted\nfinished\n"
    assert status(interrupted) == TaskResultStatus.SUCCESSFUL


def test_mail_queued_when_a_worker_is_killed_is_delivered_exactly_once(start_worker, tmp_path):
    _, _, subject, first = killed_mid_task(start_worker, tmp_path)
    assert deliveries(subject, first) == 0

    second = start_worker("--batch")

    assert second.finish() == 0, second.output
    assert deliveries(subject, first, second) == 1
    assert not DBTaskResult.objects.exclude(status=TaskResultStatus.SUCCESSFUL).exists()


def test_mail_delivered_before_a_worker_is_killed_is_not_sent_again(start_worker):
    subject = send_a_mail()
    first = start_worker("--interval", "0.2")
    wait_until(
        lambda: DBTaskResult.objects.filter(status=TaskResultStatus.SUCCESSFUL).exists(),
        "the mail to be delivered",
    )
    first.kill()

    second = start_worker("--batch")

    assert second.finish() == 0, second.output
    assert deliveries(subject, first, second) == 1


def test_a_task_still_running_in_a_live_worker_is_left_to_it(start_worker, tmp_path):
    log = tmp_path / "task.log"
    running = note_in_file.enqueue(str(log))
    first = start_worker("--interval", "0.2")
    wait_until(lambda: log.exists(), "the task to start")

    second = start_worker("--batch")

    assert second.finish() == 0, second.output
    assert "interrupted" not in second.output
    assert log.read_text() == "started\n"
    assert status(running) == TaskResultStatus.RUNNING
    assert first.process.poll() is None


def task_table() -> str:
    """Everything the task table holds, as an operator's dump would show it."""
    return "\n".join(str(row) for row in DBTaskResult.objects.values())


def mail_in_the_queue_read_with_the_key() -> str:
    """What someone holding both the database and the key could read."""
    return "\n".join(
        str(unseal(sealed))
        for row in DBTaskResult.objects.all()
        for sealed in row.args_kwargs["args"]
    )


def test_a_password_reset_link_is_never_in_the_task_table(start_worker, make_person):
    make_person("Ash", email="ash@example.test")
    Client().post("/accounts/password/reset/", {"email": "ash@example.test"})
    assert "ash@example.test" in mail_in_the_queue_read_with_the_key()
    assert "ash@example.test" not in task_table()  # sealed while it waits

    worker = start_worker("--batch")

    assert worker.finish() == 0, worker.output
    link = re.search(r"/accounts/password/reset/key/\S+", worker.output).group()
    assert DBTaskResult.objects.get().status == TaskResultStatus.SUCCESSFUL
    assert link.rsplit("/", 2)[-2] not in task_table()
    assert "ash@example.test" not in mail_in_the_queue_read_with_the_key()  # gone once delivered


def test_mail_delivered_by_an_earlier_version_leaves_the_table_when_a_worker_starts(
    start_worker,
):
    # Earlier versions queued the message in plain text and kept it after sending.
    deliver_email.enqueue({"subject": "Reset your password", "to": ["ash@example.test"]})
    DBTaskResult.objects.update(status=TaskResultStatus.SUCCESSFUL)

    worker = start_worker("--batch")

    assert worker.finish() == 0, worker.output
    assert "ash@example.test" not in task_table()
