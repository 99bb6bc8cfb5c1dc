"""A small HTTP load generator: N clients, keep-alive, no extra deps.

Closed loop (the default): each client holds one connection and sends its
next request as soon as the previous answer has been read in full, like
`wrk -c N`. Open loop (``rate``): requests arrive at random at a fixed rate
and take the next free connection, like people who do not wait for each
other. All clients run in one asyncio loop on raw sockets, which costs far
less CPU per request than http.client in threads; what it does cost is
reported, because on a 2-core machine the generator competes with the server
it measures.
"""

import asyncio
import math
import random
import resource
import time
from collections import Counter
from dataclasses import dataclass, field


@dataclass
class Client:
    """One simulated person: the request they repeat and their session cookie."""

    path: str
    cookie: str | None = None

    def request(self, host: str) -> bytes:
        lines = [f"GET {self.path} HTTP/1.1", f"Host: {host}", "Accept: */*"]
        if self.cookie:
            lines.append(f"Cookie: {self.cookie}")
        return ("\r\n".join(lines) + "\r\n\r\n").encode()


@dataclass
class Result:
    seconds: float
    latencies: list[float] = field(default_factory=list)
    statuses: Counter = field(default_factory=Counter)
    failures: Counter = field(default_factory=Counter)
    # CPU seconds used while measuring: "client" (this process) and one entry
    # per probe given to run().
    cpu: dict[str, float] = field(default_factory=dict)

    @property
    def requests(self) -> int:
        return len(self.latencies)

    @property
    def throughput(self) -> float:
        return self.requests / self.seconds

    def percentile(self, share: float) -> float:
        """Latency in ms at ``share`` (0–1), nearest-rank."""
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        rank = min(max(1, math.ceil(share * len(ordered))), len(ordered))
        return ordered[rank - 1] * 1000

    @property
    def errors(self) -> int:
        return sum(n for status, n in self.statuses.items() if status != 200) + sum(
            self.failures.values()
        )


async def read_response(reader: asyncio.StreamReader) -> tuple[int, bytes, bool]:
    """Status, body and whether the server keeps the connection open."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    status = int(lines[0].split(b" ", 2)[1])
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(b":")
        headers[name.strip().lower()] = value.strip()
    if b"content-length" in headers:
        body = await reader.readexactly(int(headers[b"content-length"]))
    elif headers.get(b"transfer-encoding", b"").lower() == b"chunked":
        body = await read_chunked(reader)
    else:
        body = await reader.read()
        return status, body, False
    return status, body, headers.get(b"connection", b"").lower() != b"close"


async def read_chunked(reader: asyncio.StreamReader) -> bytes:
    parts = []
    while True:
        size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
        if size == 0:
            await reader.readuntil(b"\r\n")
            return b"".join(parts)
        parts.append(await reader.readexactly(size))
        await reader.readexactly(2)


async def fetch(host: str, port: int, client: Client) -> tuple[int, bytes]:
    """One request on a fresh connection (for checks before a run)."""
    reader, writer = await asyncio.open_connection(host, port)
    try:
        writer.write(client.request(host))
        status, body, _ = await read_response(reader)
        return status, body
    finally:
        writer.close()


FAILURES = (OSError, asyncio.IncompleteReadError, ValueError)


class Connection:
    """A client's keep-alive connection, opened again when the server closes it."""

    def __init__(self, host: str, port: int, client: Client):
        self.address = (host, port)
        self.request = client.request(host)
        self.streams = None

    async def send(self) -> int:
        """One request, its whole answer read; the status. A kept-alive
        connection the server closed while it was idle is opened again once,
        as browsers do."""
        reused = self.streams is not None
        if not reused:
            self.streams = await asyncio.open_connection(*self.address)
        reader, writer = self.streams
        try:
            writer.write(self.request)
            status, _, keep_alive = await read_response(reader)
        except FAILURES:
            self.close()
            if reused:
                return await self.send()
            raise
        if not keep_alive:
            self.close()
        return status

    def close(self) -> None:
        if self.streams is not None:
            self.streams[1].close()
            self.streams = None


@dataclass
class Window:
    """The measured seconds: only requests that end inside them count."""

    start: float
    end: float
    result: Result

    def record(self, started: float, finished: float, status: int) -> None:
        if self.start <= finished < self.end:
            self.result.latencies.append(finished - started)
            self.result.statuses[status] += 1

    def failed(self, problem: Exception) -> None:
        if time.perf_counter() >= self.start:
            self.result.failures[type(problem).__name__] += 1


async def _client_loop(connection: Connection, window: Window):
    """Closed loop: the next request as soon as the answer is in."""
    while time.perf_counter() < window.end:
        started = time.perf_counter()
        try:
            status = await connection.send()
        except FAILURES as problem:
            window.failed(problem)
            await asyncio.sleep(0.01)
            continue
        window.record(started, time.perf_counter(), status)
    connection.close()


async def _arrivals(connections: list[Connection], rate: float, window: Window):
    """Open loop: requests arrive at random (Poisson) at ``rate`` per second,
    whatever the server does; each waits for a free connection. Latency counts
    from the arrival, so a server falling behind shows in full."""
    idle = asyncio.Queue()
    for connection in connections:
        idle.put_nowait(connection)

    async def one(arrival: float):
        connection = await idle.get()
        try:
            status = await connection.send()
        except FAILURES as problem:
            window.failed(problem)
        else:
            window.record(arrival, time.perf_counter(), status)
        finally:
            idle.put_nowait(connection)

    arrivals, pending = random.Random(), []
    arrival = time.perf_counter()
    while arrival < window.end:
        await asyncio.sleep(max(0.0, arrival - time.perf_counter()))
        pending.append(asyncio.create_task(one(arrival)))
        arrival += arrivals.expovariate(rate)
    await asyncio.gather(*pending)
    for connection in connections:
        connection.close()


async def _cpu_meter(window: Window, probes):
    """CPU time over exactly the measured window."""
    probes = {"client": _cpu_seconds, **probes}
    await asyncio.sleep(window.start - time.perf_counter())
    before = {name: probe() for name, probe in probes.items()}
    await asyncio.sleep(window.end - time.perf_counter())
    window.result.cpu = {name: probe() - before[name] for name, probe in probes.items()}


async def _run(host, port, clients, warmup, seconds, probes, rate) -> Result:
    start = time.perf_counter() + warmup
    window = Window(start, start + seconds, Result(seconds=seconds))
    connections = [Connection(host, port, client) for client in clients]
    if rate:
        load = [_arrivals(connections, rate, window)]
    else:
        load = [_client_loop(connection, window) for connection in connections]
    await asyncio.gather(_cpu_meter(window, probes), *load)
    return window.result


def run(
    host: str,
    port: int,
    clients: list[Client],
    *,
    warmup: float,
    seconds: float,
    cpu_probes: dict | None = None,
    rate: float | None = None,
) -> Result:
    """Drive ``clients`` concurrently: back to back (closed loop), or with
    ``rate`` requests per second arriving at random over their connections
    (open loop). ``cpu_probes`` name functions returning CPU seconds used so far."""
    return asyncio.run(_run(host, port, clients, warmup, seconds, cpu_probes or {}, rate))


def fetch_all(host: str, port: int, clients: list[Client]) -> list[tuple[int, bytes]]:
    """One request per client, one after the other."""

    async def each():
        return [await fetch(host, port, client) for client in clients]

    return asyncio.run(each())


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime
