"""The Today page under load, against a bare Django view in the same run.

    python -m bench.today [--pairs 10000] [--clients 32] [--seconds 20] [--warmup 3]

The target (PRODUCT.md, "Quality targets"): with 10,000 pairs and three years
of history each, Today answers at p99 under 50 ms at 32 concurrent clients on a
2-core machine, at no less than half the throughput of a bare Django view.

Each client is a different person of a different random pair, signed in with a
session made directly in the database. For half of them both partners have
already answered today's question and the partner sent a heart, so their page
shows both answers and the responses; the other half see an open question.
Each client opens Today once before the runs: the first visit of a day writes
(the day's question is chosen, the visit noted), so what is measured is the
steady state of a day. Then, for each scenario, a warm-up and the measured
seconds: the 32 clients back to back (closed loop, as the target is worded),
and last Today with requests arriving at random at half the rate it managed
(open loop), which is closer to what people feel on a busy evening.
"""

import os
import random
import shlex
import sys
from dataclasses import dataclass
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script

from bench import history, loadgen, seed
from bench.common import Target, heading, parser, target_from
from bench.server import HOST, Server, machine_cpu_seconds

P99_TARGET_MS = 50
RATIO_TARGET = 0.5
# Other processes' share of a core above which a run is done again (at most
# ATTEMPTS times) and the figures are called into doubt.
BUSY_MACHINE = 0.2
ATTEMPTS = 3


@dataclass
class Scenario:
    name: str
    path: str
    signed_in: bool


SCENARIOS = [
    Scenario("bare view, anonymous", "/bench/bare/", signed_in=False),
    Scenario("bare view, signed in", "/bench/bare/", signed_in=True),
    Scenario("Today page  GET /", "/", signed_in=True),
    Scenario("Today API   GET /api/today", "/api/today", signed_in=True),
]
BARE, BARE_SIGNED_IN, TODAY, API = (scenario.name for scenario in SCENARIOS)
TODAY_OPEN_LOOP = "Today, open loop, 50% load"
OPEN_LOOP_SHARE = 0.5


def sign_in(user) -> str:
    """A session cookie for ``user``, as logging in would leave it."""
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def answer_today_together(viewer, partner) -> None:
    """Both partners answer today's question and the partner hearts the viewer's answer."""
    from hearthside.questions import services

    daily = services.todays_question(viewer)
    mine = services.answer_question(viewer, daily.pk, history.ANSWERS[1])
    services.answer_question(partner, daily.pk, history.ANSWERS[3])
    services.respond(partner, mine.pk, "heart")


def prepare_people(count: int) -> list[str]:
    """Session cookies of ``count`` people, each from a different random pair."""
    from django.db import connections

    from hearthside.pairs.models import Membership, Pair

    pair_ids = list(Pair.objects.filter(ended_at__isnull=True).values_list("pk", flat=True))
    if len(pair_ids) < count:
        raise SystemExit(f"{count} clients need {count} pairs; the database has {len(pair_ids)}.")
    chosen = random.sample(pair_ids, count)
    members = {}
    for membership in Membership.objects.filter(pair__in=chosen).select_related("user"):
        members.setdefault(membership.pair_id, []).append(membership.user)
    cookies = []
    for number, pair_id in enumerate(chosen):
        viewer, partner = random.sample(members[pair_id], 2)
        if number % 2 == 0:
            answer_today_together(viewer, partner)
        cookies.append(sign_in(viewer))
    connections.close_all()
    return cookies


def first_visits(server: Server, cookies: list[str]) -> None:
    """Everyone opens Today once (the day's first visit writes), and each
    page is checked for what a signed-in person must see."""
    for path, marker in (("/", b'class="question-text"'), ("/api/today", b'"daily"')):
        clients = [loadgen.Client(path, cookie) for cookie in cookies]
        for status, body in loadgen.fetch_all(HOST, server.port, clients):
            if status != 200 or marker not in body:
                raise RuntimeError(f"{path} answered {status} without the expected content")


def measure(target: Target, options) -> tuple[dict[str, loadgen.Result], Server]:
    cookies = prepare_people(options.clients)
    results = {}
    with Server(target) as server:
        first_visits(server, cookies)
        for scenario in SCENARIOS:
            clients = [
                loadgen.Client(scenario.path, cookie if scenario.signed_in else None)
                for cookie in cookies
            ]
            results[scenario.name] = least_disturbed_run(server, clients, options)
        # What people feel when the server is busy but not flooded: requests
        # arriving at random at half the rate Today can take.
        clients = [loadgen.Client("/", cookie) for cookie in cookies]
        rate = results[TODAY].throughput * OPEN_LOOP_SHARE
        results[TODAY_OPEN_LOOP] = least_disturbed_run(server, clients, options, rate=rate)
    return results, server


def least_disturbed_run(server: Server, clients, options, rate=None) -> loadgen.Result:
    """On a shared machine, a run that something else disturbed is done again,
    a few times at most; the least disturbed one counts."""
    attempts = []
    while len(attempts) < ATTEMPTS and (not attempts or others_share(attempts[-1]) > BUSY_MACHINE):
        attempts.append(
            loadgen.run(
                HOST,
                server.port,
                clients,
                warmup=options.warmup,
                seconds=options.seconds,
                cpu_probes={"server": server.cpu_seconds, "machine": machine_cpu_seconds},
                rate=rate,
            )
        )
    return min(attempts, key=others_share)


def others_share(result: loadgen.Result) -> float:
    """The share of a core that processes other than server and load generator used."""
    cpu = result.cpu
    return max(cpu["machine"] - cpu["server"] - cpu["client"], 0) / result.seconds


def report(target: Target, options, results: dict[str, loadgen.Result], server: Server):
    lines = [
        f"{target.label}, {target.pairs:,} pairs × {target.days:,} days; {server.workers}; "
        f"{options.clients} clients; {options.warmup:g} s warm-up + {options.seconds:g} s "
        "measured per row",
        f"Server: {shlex.join(server.command[1:])}  (DJANGO_SETTINGS_MODULE=bench.settings, "
        "DEBUG off)",
        "",
        "CPU columns: the server's CPU time per request; the load generator's and all other "
        "processes' share of the measured seconds (100% = one core of "
        f"{os.cpu_count()}).",
        "",
        f"{'':28}{'req/s':>7}{'p50 ms':>8}{'p95 ms':>8}{'p99 ms':>8}{'max ms':>8}"
        f"{'errors':>7}{'server/req':>12}{'load gen':>9}{'others':>8}",
    ]
    for name, result in results.items():
        cpu = result.cpu
        per_request = cpu["server"] / result.requests * 1000 if result.requests else 0
        lines.append(
            f"{name:28}{result.throughput:>7.0f}{result.percentile(0.5):>8.1f}"
            f"{result.percentile(0.95):>8.1f}{result.percentile(0.99):>8.1f}"
            f"{result.percentile(1.0):>8.1f}{result.errors:>7}{per_request:>9.2f} ms"
            f"{cpu['client'] / result.seconds:>9.0%}{others_share(result):>8.0%}"
        )
        if result.errors:
            lines.append(f"{'':28}errors: {dict(result.statuses)} {dict(result.failures)}")
    busiest = max(others_share(result) for result in results.values())
    if busiest > BUSY_MACHINE:
        lines.append(
            f"Other processes used up to {busiest:.0%} of a core during a run, even after "
            f"{ATTEMPTS} tries: these figures are lower than this machine can do."
        )
    lines += verdict(results, options.clients)
    return lines


def verdict(results: dict[str, loadgen.Result], clients: int) -> list[str]:
    today, bare = results[TODAY], results[BARE]
    ratio = today.throughput / bare.throughput
    p99 = today.percentile(0.99)
    lines = [
        "",
        f"Today / bare view throughput: {ratio:.2f} against the anonymous bare view, "
        f"{today.throughput / results[BARE_SIGNED_IN].throughput:.2f} against the signed-in "
        f"one (target ≥ {RATIO_TARGET})",
        f"API / bare view throughput:   {results[API].throughput / bare.throughput:.2f}",
        f"Today p99: {p99:.1f} ms (target < {P99_TARGET_MS} ms)",
        f"Today p99 with requests arriving at random at {results[TODAY_OPEN_LOOP].throughput:.0f}"
        f"/s (half what it can take): {results[TODAY_OPEN_LOOP].percentile(0.99):.1f} ms",
        f"With {clients} clients that each wait for their answer, the mean latency is "
        f"{clients} ÷ throughput: a p99 under {P99_TARGET_MS} ms needs well over "
        f"{clients * 1000 / P99_TARGET_MS:.0f} requests/s.",
    ]
    met = p99 < P99_TARGET_MS and ratio >= RATIO_TARGET
    lines.append(f"Target {'MET' if met else 'MISSED'}.")
    return lines


def main(argv=None) -> int:
    options = parser(__doc__.splitlines()[0]).parse_args(argv)
    target = target_from(options)
    seed.seed(target, reseed=options.reseed)
    results, server = measure(target, options)
    print(heading("Today page under load"))
    print("\n".join(report(target, options, results, server)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
