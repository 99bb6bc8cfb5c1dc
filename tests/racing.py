"""Helpers for tests that really race: threads released at the same instant,
each with its own database connection, and plain HTTP to a live server."""

import http.client
import threading
from collections.abc import Callable
from urllib.parse import urlsplit

from django.db import connections

RACE_TIMEOUT = 60


def race(*actions: Callable) -> list:
    """Run every action in its own thread, all let go together by a barrier.
    Returns what each action returned, or the exception it raised, in order."""
    barrier = threading.Barrier(len(actions))
    outcomes: list = [None] * len(actions)

    def run(index: int, action: Callable) -> None:
        try:
            outcomes[index] = action(barrier)
        except Exception as error:  # the outcome is what the test inspects
            outcomes[index] = error
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=run, args=(index, action)) for index, action in enumerate(actions)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(RACE_TIMEOUT)
    assert not any(thread.is_alive() for thread in threads), "a racer never finished"
    return outcomes


def together(call: Callable) -> Callable:
    """An action that waits at the barrier, then calls ``call()``."""

    def action(barrier: threading.Barrier):
        barrier.wait(RACE_TIMEOUT)
        return call()

    return action


def run_together(*calls: Callable) -> list:
    """Call each of ``calls`` at the same instant."""
    return race(*(together(call) for call in calls))


def prepared(prepare: Callable[[], Callable]) -> Callable:
    """An action that runs ``prepare()`` first (loading what it needs), waits
    at the barrier, then calls what ``prepare`` returned: the racers differ
    only in the step under test."""

    def action(barrier: threading.Barrier):
        step = prepare()
        barrier.wait(RACE_TIMEOUT)
        return step()

    return action


def session_cookie(client) -> str:
    """The session of a Django test client (after force_login), for plain HTTP."""
    return f"sessionid={client.cookies['sessionid'].value}"


def http_get(base_url: str, path: str, cookie: str) -> Callable:
    """An action that connects first and sends the request once the barrier
    opens, so the requests reach the server as close together as possible."""

    def action(barrier: threading.Barrier) -> tuple[int, bytes]:
        address = urlsplit(base_url)
        connection = http.client.HTTPConnection(address.hostname, address.port, timeout=60)
        connection.connect()
        try:
            barrier.wait(RACE_TIMEOUT)
            connection.request("GET", path, headers={"Cookie": cookie, "Accept": "*/*"})
            response = connection.getresponse()
            return response.status, response.read()
        finally:
            connection.close()

    return action
