"""Where the Today page's time goes: CPU per request, in-process, part by part.

    python -m bench.profile_today [--pairs 10000] [--requests 200] [--cprofile]

CPU time (not wall time), the best of five rounds, so the figures hold on a
busy machine too, within reason. Every part is called alone for the same
person, as the page calls it; "the rest" is what the page costs beyond its
parts: middleware, URL routing, the response. --cprofile adds the functions
with the most own time.
"""

import cProfile
import pstats
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script

from bench import seed
from bench.common import heading, parser, setup_django, target_from

ROUNDS = 5


def cpu_ms(work, repeat: int) -> float:
    """CPU ms per call: the best of a few rounds, as timeit does, because a
    busy machine only ever makes a round slower."""
    for _ in range(3):
        work()
    per_round = max(repeat // ROUNDS, 1)
    best = float("inf")
    for _ in range(ROUNDS):
        started = time.process_time()
        for _ in range(per_round):
            work()
        best = min(best, (time.process_time() - started) / per_round)
    return best * 1000


def seeded_person():
    from hearthside.pairs.models import Membership

    membership = Membership.objects.select_related("user").order_by("pk").first()
    return membership.user


def page_costs(user, repeat: int) -> list[tuple[str, float]]:
    from django.test import Client

    signed_in = Client(SERVER_NAME="127.0.0.1")
    signed_in.force_login(user)
    anonymous = Client(SERVER_NAME="127.0.0.1")
    return [
        ("bare view, anonymous", cpu_ms(lambda: anonymous.get("/bench/bare/"), repeat)),
        ("bare view, signed in", cpu_ms(lambda: signed_in.get("/bench/bare/"), repeat)),
        ("Today page", cpu_ms(lambda: signed_in.get("/"), repeat)),
        ("Today API", cpu_ms(lambda: signed_in.get("/api/today"), repeat)),
    ]


def part_costs(user, repeat: int) -> list[tuple[str, float]]:
    """Today's steps, each alone, in the order today_for takes them."""
    from django.template.loader import render_to_string
    from django.test import RequestFactory

    from hearthside.activity.services import partner_news_since
    from hearthside.pairs.services import pair_context, remembering_pairs
    from hearthside.today.sections import registered_sections
    from hearthside.today.services import today_for

    def fresh_context():
        with remembering_pairs():
            pair_context(user)

    since = user.memberships.get(left_at__isnull=True).previous_visit_ended_at
    rows = [
        ("pair_context (who is my partner)", cpu_ms(fresh_context, repeat)),
        ("partner_news_since", cpu_ms(lambda: partner_news_since(user, since), repeat)),
    ]
    for entry in registered_sections():
        label = f"section {entry.key}"
        rows.append((label, cpu_ms(lambda entry=entry: entry.function(user), repeat)))
    request = RequestFactory().get("/", SERVER_NAME="127.0.0.1")
    request.user = user
    page = {"today": today_for(user)}
    rows.append(
        (
            "template rendering",
            cpu_ms(lambda: render_to_string("today/page.html", page, request), repeat),
        )
    )
    return rows


def report(pages, parts) -> list[str]:
    lines = ["CPU per request, in-process (Django's test client: no server, no network)"]
    lines += [f"  {name:48}{ms:>8.2f} ms" for name, ms in pages]
    today = dict(pages)["Today page"]
    lines += ["", "The Today page, part by part (each called alone)"]
    lines += [f"  {name:48}{ms:>8.2f} ms" for name, ms in parts]
    rest = today - sum(ms for _, ms in parts)
    lines.append(f"  {'the rest (middleware, routing, response)':48}{rest:>8.2f} ms")
    return lines


def hottest_functions(user, repeat: int, limit: int = 25) -> list[str]:
    import io

    from django.test import Client

    client = Client(SERVER_NAME="127.0.0.1")
    client.force_login(user)
    client.get("/")
    profile = cProfile.Profile(time.process_time)
    profile.enable()
    for _ in range(repeat):
        client.get("/")
    profile.disable()
    out = io.StringIO()
    pstats.Stats(profile, stream=out).sort_stats("tottime").print_stats(limit)
    return out.getvalue().splitlines()


def main(argv=None) -> int:
    options = parser(__doc__.splitlines()[0])
    options.add_argument("--requests", type=int, default=200, help="repetitions per figure")
    options.add_argument("--cprofile", action="store_true", help="list the hottest functions")
    options = options.parse_args(argv)
    target = target_from(options)
    seed.seed(target, reseed=options.reseed)
    setup_django(target)
    user = seeded_person()
    print(heading("Where Today's time goes"))
    print("\n".join(report(page_costs(user, options.requests), part_costs(user, options.requests))))
    if options.cprofile:
        print("\n".join(hottest_functions(user, options.requests)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
