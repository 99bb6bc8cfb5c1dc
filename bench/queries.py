"""How many SQL queries Today costs, for a pair with years of history and for a
pair that met today: the numbers should be the same.

    python -m bench.queries [--pairs 10000] [--sql]

Requests go through the whole middleware stack in-process (Django's test
client), counted with CaptureQueriesContext.
"""

import random
import sys
import uuid
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script

from bench import seed
from bench.common import heading, parser, setup_django, target_from

STEPS = [
    ("Today, first visit of the day", "/"),
    ("Today, later visits", "/"),
    ("Today API, later visits", "/api/today"),
    ("Today, both answered, a heart", "/"),
    ("Today API, both answered, a heart", "/api/today"),
]


def count_queries(viewer, partner) -> list[tuple[int, list[str]]]:
    """Queries of each step in STEPS for ``viewer``, whose pair has not opened
    Today yet today."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from bench.today import answer_today_together

    client = Client(SERVER_NAME="127.0.0.1")
    client.force_login(viewer)
    counts = []
    for number, (_, path) in enumerate(STEPS):
        if number == 3:
            answer_today_together(viewer, partner)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        if response.status_code != 200:
            raise RuntimeError(f"{path} answered {response.status_code}")
        counts.append((len(captured), [query["sql"] for query in captured.captured_queries]))
    return counts


def long_history_pair(last_seeded_day: str):
    """Both members of a random seeded pair that has not opened Today since the seed."""
    from hearthside.pairs.models import Membership, Pair
    from hearthside.questions.models import DailyQuestion

    pair_ids = list(Pair.objects.values_list("pk", flat=True))
    random.shuffle(pair_ids)
    pair_id = next(
        pk
        for pk in pair_ids
        if not DailyQuestion.objects.filter(pair_id=pk, day__gt=last_seeded_day).exists()
    )
    members = Membership.objects.filter(pair_id=pair_id).select_related("user").order_by("seat")
    return [membership.user for membership in members]


def new_pair():
    """A pair that joined a moment ago (removed again afterwards)."""
    from hearthside.pairs.models import Membership, Pair, User

    tag = uuid.uuid4().hex[:8]
    people = [
        User.objects.create_user(f"new-{tag}-{seat}@bench.example", display_name=name)
        for seat, name in ((1, "Noa"), (2, "Eli"))
    ]
    pair = Pair.objects.create()
    for seat, person in enumerate(people, start=1):
        Membership.objects.create(pair=pair, user=person, seat=seat)
    return pair, people


def measure(target) -> tuple[list, list]:
    old = count_queries(*long_history_pair(seed.seeded_parameters(target)["last_day"]))
    pair, people = new_pair()
    try:
        new = count_queries(*people)
    finally:
        for person in people:
            person.delete()
        pair.delete()
    return old, new


def report(old, new, *, show_sql: bool = False) -> list[str]:
    lines = [f"{'':38}{'3-year pair':>12}{'new pair':>10}"]
    for (name, _), (old_count, _), (new_count, _) in zip(STEPS, old, new, strict=True):
        lines.append(f"{name:38}{old_count:>12}{new_count:>10}")
    if any(o[0] != n[0] for o, n in zip(old[1:], new[1:], strict=True)):
        lines.append("The counts differ with the length of history: look for an unbounded query.")
    if show_sql:
        for (name, _), (_, queries) in zip(STEPS, old, strict=True):
            lines += ["", f"{name} (3-year pair):"] + [f"  {sql}" for sql in queries]
    return lines


def main(argv=None) -> int:
    options = parser(__doc__.splitlines()[0])
    options.add_argument("--sql", action="store_true", help="print each query")
    options = options.parse_args(argv)
    target = target_from(options)
    seed.seed(target, reseed=options.reseed)
    setup_django(target)
    old, new = measure(target)
    print(heading("Queries per request"))
    print("\n".join(report(old, new, show_sql=options.sql)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
