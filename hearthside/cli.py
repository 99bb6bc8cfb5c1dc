"""The `hearthside` command.

hearthside serve [--worker] [--dev]   the web app (gunicorn; --dev: Django's server)
hearthside worker                      the background worker
hearthside migrate | demo | createuser | load-questions | check | rotate-keys
hearthside <any manage.py command>     passed through to Django
"""

import contextlib
import os
import secrets
import signal
import socket
import subprocess
import sys

COMMAND_ALIASES = {
    "load-questions": "load_questions",
    "createuser": "createuser",
    "demo": "demo",
    "migrate": "migrate",
    "rotate-keys": "rotate_keys",
}


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hearthside.settings")
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] in {"-h", "--help", "help"}:
        print(__doc__.strip())
        return 0
    command, rest = argv[0], argv[1:]
    if command == "serve":
        return serve(rest)
    if command == "worker":
        return worker(rest)
    if command == "check":
        return django(["check", "--deploy", "--fail-level", "ERROR", *rest])
    return django([COMMAND_ALIASES.get(command, command), *rest])


def django(arguments: list[str]) -> int:
    from django.core.management import execute_from_command_line

    execute_from_command_line(["hearthside", *arguments])
    return 0


def worker(arguments: list[str]) -> int:
    """The background worker. A worker killed in the middle of a task leaves it
    marked as running for ever; tasks left so by a worker of this machine that
    no longer runs go back in the queue before the new worker starts."""
    from django import setup

    setup()
    from hearthside.mail import forget_delivered_email

    requeued = requeue_abandoned_tasks()
    if requeued:
        print(f"Put {requeued} interrupted task(s) back in the queue.", flush=True)
    # Mail delivered just before a worker stopped, or by an older version.
    forget_delivered_email()
    if not any(argument.startswith("--worker-id") for argument in arguments):
        arguments = ["--worker-id", this_worker_id(), *arguments]
    return django(["db_worker", "--queue-name", "*", *arguments])


def this_worker_id() -> str:
    """host:pid:random, so a later worker can tell whether this one still runs."""
    return f"{socket.gethostname()[:40]}:{os.getpid()}:{secrets.token_hex(4)}"


def requeue_abandoned_tasks() -> int:
    from django_tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    host = socket.gethostname()[:40]
    requeued = 0
    for task in DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING):
        claimed_by = str(task.worker_ids[-1]) if task.worker_ids else ""
        worker_host, _, rest = claimed_by.partition(":")
        pid = rest.partition(":")[0]
        if worker_host != host or not pid.isdigit() or process_exists(int(pid)):
            continue
        # started_at changes whenever a worker claims the task: no double requeue.
        requeued += DBTaskResult.objects.filter(
            pk=task.pk, status=TaskResultStatus.RUNNING, started_at=task.started_at
        ).update(status=TaskResultStatus.READY, started_at=None)
    return requeued


def process_exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, under another user
    return True


def serve(arguments: list[str]) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="hearthside serve")
    parser.add_argument("--host", default=os.environ.get("HEARTHSIDE_HOST", "127.0.0.1"))
    parser.add_argument("--port", default=os.environ.get("HEARTHSIDE_PORT", "8000"))
    parser.add_argument("--worker", action="store_true", help="also run a background worker")
    parser.add_argument("--dev", action="store_true", help="Django's auto-reloading server")
    options = parser.parse_args(arguments)

    if options.dev:
        os.environ["HEARTHSIDE_DEBUG"] = "1"
    children = []
    if options.worker:
        children.append(subprocess.Popen([sys.executable, "-m", "hearthside", "worker"]))
    if options.dev:
        web = [sys.executable, "-m", "hearthside", "runserver", f"{options.host}:{options.port}"]
    else:
        django(["collectstatic", "--noinput", "--verbosity", "0"])
        web = [
            sys.executable,
            "-m",
            "gunicorn",
            "hearthside.wsgi",
            "--bind",
            f"{options.host}:{options.port}",
            "--workers",
            os.environ.get("HEARTHSIDE_WEB_WORKERS", "2"),
            "--threads",
            os.environ.get("HEARTHSIDE_WEB_THREADS", "4"),
            "--access-logfile",
            "-",
        ]
    children.append(subprocess.Popen(web))
    print(f"Hearthside is at http://{options.host}:{options.port}/", flush=True)
    return supervise(children)


def supervise(children: list[subprocess.Popen]) -> int:
    """Run until one child stops or we are asked to stop; then stop them all."""

    def stop(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    try:
        while all(child.poll() is None for child in children):
            with contextlib.suppress(subprocess.TimeoutExpired):
                children[-1].wait(timeout=1)
    except KeyboardInterrupt:
        pass
    for child in children:
        if child.poll() is None:
            child.terminate()
    for child in children:
        try:
            child.wait(timeout=10)
        except subprocess.TimeoutExpired:
            child.kill()
    return max((child.returncode or 0) for child in children)


if __name__ == "__main__":
    sys.exit(main())
