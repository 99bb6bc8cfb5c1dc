"""Serve the app the way production does: `hearthside serve` (collectstatic,
then gunicorn with its workers and threads, DEBUG off), on a free local port."""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

from bench.common import REPO, Target
from bench.loadgen import Client, fetch_all

HOST = "127.0.0.1"
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


class Server:
    def __init__(self, target: Target):
        self.target = target
        self.port = free_port()
        self.log_path = target.data_dir / "server.log"
        self.process: subprocess.Popen | None = None

    @property
    def command(self) -> list[str]:
        address = ["--host", HOST, "--port", str(self.port)]
        return [sys.executable, "-m", "hearthside", "serve", *address]

    @property
    def workers(self) -> str:
        env = self.target.environment()
        return (
            f"gunicorn, {env.get('HEARTHSIDE_WEB_WORKERS', '2')} workers × "
            f"{env.get('HEARTHSIDE_WEB_THREADS', '4')} threads"
        )

    def __enter__(self) -> "Server":
        with open(self.log_path, "w") as log:
            self.process = subprocess.Popen(
                self.command,
                env=self.target.environment(),
                cwd=REPO,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        self._wait_until_ready()
        return self

    def __exit__(self, *exc_info) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def _wait_until_ready(self, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"The server stopped; see {self.log_path}")
            try:
                if fetch_all(HOST, self.port, [Client("/bench/bare/")])[0][0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"The server did not answer within {timeout:.0f} s; see {self.log_path}")

    def cpu_seconds(self) -> float:
        """CPU time used so far by the server's processes (master and workers)."""
        return sum(_process_cpu(pid) for pid in _descendants(self.process.pid))


def machine_cpu_seconds() -> float:
    """CPU time all processes on the machine have used (from /proc/stat)."""
    fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(v) for v in fields[:8])
    return (user + nice + system + irq + softirq + steal) / CLOCK_TICKS


def _process_cpu(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    # utime and stime are fields 14 and 15 of the line; here, after "(name)", 12 and 13.
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def _descendants(root: int) -> list[int]:
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parents[int(entry.name)] = int(
                    (entry / "stat").read_text().rsplit(")", 1)[1].split()[1]
                )
            except OSError:
                continue
    found, frontier = [root], [root]
    while frontier:
        frontier = [pid for pid, parent in parents.items() if parent in frontier]
        found.extend(frontier)
    return found
