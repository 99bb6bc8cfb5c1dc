"""Fill a benchmark database: N pairs, each with years of daily history.

    python -m bench.seed [--pairs 10000] [--days 1095] [--postgres URL] [--reseed]

Per pair and day: the daily question, both partners' answers, a heart on a
quarter of the answers and a reply on a tenth, a favourite now and then, and
the activity rows the app records for each of these. At the default size that
is about 70 million rows.

How it stays fast and fair: people, pairs and memberships go through the ORM
(bulk_create). The history rows are written by the database itself
(bench/history.py), with INSERT … SELECT over small helper tables (the days,
the question bank, a few texts), one batch of pairs per transaction. Writing
22 million answers through the model field would mean 22 million Fernet
encryptions in Python; instead a handful of real answers, replies and empty
texts are encrypted once with the app's own field and key, and their tokens
are reused. The rows are what the
app writes: same columns, same encodings (dates and times adapted by Django's
own database operations), ciphertexts the app decrypts, and the same indexes
and constraints, which are checked on every insert. (PostgreSQL alone skips
its foreign-key triggers while seeding; the rows are consistent by construction.)

Rows are inserted pair by pair, so one pair's history sits closer together on
disk than after years of day-by-day use; the Today page reads a handful of rows
through indexes either way. SQLite statistics are not gathered (a deployed app
never runs ANALYZE); PostgreSQL gets VACUUM ANALYZE, as autovacuum would.

The parameters are stored in the database: a second run with the same ones
skips the work.
"""

import io
import sys
import time
from datetime import UTC, datetime, timedelta
from datetime import time as clock
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script

from bench import history
from bench.common import Target, heading, parser, setup_django, target_from

SEED_VERSION = "1"
META_TABLE = "bench_seed"
SHARED_PASSWORD = "bench-password"  # noqa: S105 (benchmark accounts on a throwaway database)
TIME_ZONES = ["Europe/Berlin", "America/New_York", "UTC", "Asia/Tokyo", "America/Los_Angeles"]
NAMES = ["Alex", "Sam", "Robin", "Kim", "Lee", "Noor", "Jules", "Ari", "Mika", "Sasha"]
KINDS = ["dating", "engaged", "married", "long_distance", "other"]


def seeded_parameters(target: Target) -> dict | None:
    from django.db import DatabaseError, connection

    if target.sqlite_file and not target.sqlite_file.exists():
        return None
    try:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT name, value FROM {META_TABLE}")  # noqa: S608
            return dict(cursor.fetchall())
    except DatabaseError:
        return None


def wipe(target: Target) -> None:
    """Start from an empty database: delete the SQLite file, or drop and
    create the PostgreSQL database."""
    from django.db import connections

    connections.close_all()
    if target.sqlite_file:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{target.sqlite_file}{suffix}").unlink(missing_ok=True)
        return
    import psycopg
    from django.conf import settings

    database = settings.DATABASES["default"]
    name = database["NAME"]
    admin = psycopg.connect(
        host=database["HOST"] or None,
        port=database["PORT"] or None,
        user=database["USER"] or None,
        password=database["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    )
    with admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')


def seed(target: Target, *, reseed: bool = False, out=print) -> dict:
    """Seed the target unless it holds this size already; returns the figures."""
    setup_django(target)
    wanted = {"version": SEED_VERSION, "pairs": str(target.pairs), "days": str(target.days)}
    existing = seeded_parameters(target)
    from django.core.management import call_command

    if not reseed and existing and all(existing.get(k) == v for k, v in wanted.items()):
        out(f"Reusing the seeded database ({target.label}, {target.pairs:,} pairs).")
        call_command("migrate", verbosity=0)  # the app may have moved on since
        collect_static()
        return {**existing, "reused": True, "database_size": database_size(target)}
    wipe(target)

    started, cpu_started = time.monotonic(), time.process_time()
    out(f"Seeding {target.label}: {target.pairs:,} pairs × {target.days:,} days …")
    call_command("migrate", verbosity=0)
    call_command("load_questions", stdout=io.StringIO())
    end_day = (datetime.now(UTC) - timedelta(days=2)).date()
    start_day = end_day - timedelta(days=target.days - 1)
    pair_ids = create_people(target.pairs, start_day)
    rows = history.write_history(pair_ids, start_day, target.days, out)
    history.finish()
    seconds = time.monotonic() - started
    record = {
        **wanted,
        "seconds": f"{seconds:.0f}",
        # SQLite works inside this process, so this is the seed's own CPU time
        # even on a busy machine; PostgreSQL's share is not in it.
        "cpu_seconds": f"{time.process_time() - cpu_started:.0f}",
        "rows": str(rows),
        "last_day": str(end_day),
    }
    save_parameters(record)
    check_one_answer_decrypts()
    collect_static()
    out(f"Seeded {rows:,} rows in {seconds / 60:.1f} min.")
    return {**record, "reused": False, "database_size": database_size(target)}


def collect_static() -> None:
    """As `hearthside serve` does: with DEBUG off, pages need the manifest."""
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)


def create_people(pairs: int, start_day) -> list[int]:
    """Two people per pair, their pair and memberships, through the ORM. One
    password hash for everyone: hashing 20,000 with Argon2 would take minutes."""
    from django.contrib.auth.hashers import make_password

    from hearthside.pairs.models import Membership, Pair, User

    joined = datetime.combine(start_day, clock(9), tzinfo=UTC)
    yesterday = datetime.now(UTC).replace(hour=0, minute=0) - timedelta(hours=3)
    password = make_password(SHARED_PASSWORD)
    people = [
        User(
            email=person_email(number, seat),
            display_name=NAMES[(number + seat) % len(NAMES)],
            # Every tenth pair lives apart, in two time zones.
            time_zone=TIME_ZONES[(number + (seat if number % 10 == 0 else 0)) % len(TIME_ZONES)],
            password=password,
            date_joined=joined,
        )
        for number in range(pairs)
        for seat in (1, 2)
    ]
    people = User.objects.bulk_create(people, batch_size=2000)
    pair_rows = Pair.objects.bulk_create(
        [
            Pair(
                kind=KINDS[number % len(KINDS)],
                together_since=start_day - timedelta(days=30 * (number % 60)),
                created_at=joined,
            )
            for number in range(pairs)
        ],
        batch_size=2000,
    )
    Membership.objects.bulk_create(
        [
            Membership(
                pair=pair,
                user=people[2 * number + seat - 1],
                seat=seat,
                joined_at=joined,
                last_seen_at=yesterday,
                previous_visit_ended_at=yesterday - timedelta(days=1),
            )
            for number, pair in enumerate(pair_rows)
            for seat in (1, 2)
        ],
        batch_size=2000,
    )
    return [pair.pk for pair in pair_rows]


def person_email(number: int, seat: int) -> str:
    return f"pair{number}-{seat}@bench.example"


def save_parameters(record: dict) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"CREATE TABLE {META_TABLE} (name varchar(40) PRIMARY KEY, value text)")
        cursor.executemany(
            f"INSERT INTO {META_TABLE} VALUES (%s, %s)",  # noqa: S608
            list(record.items()),
        )


def check_one_answer_decrypts() -> None:
    from hearthside.questions.models import Answer

    answer = Answer.objects.order_by("-pk").first()
    if answer is None or answer.text not in history.ANSWERS:
        raise RuntimeError("The seeded answers do not read back through the model field.")


def database_size(target: Target) -> int:
    if target.sqlite_file:
        return sum(
            Path(f"{target.sqlite_file}{suffix}").stat().st_size
            for suffix in ("", "-wal")
            if Path(f"{target.sqlite_file}{suffix}").exists()
        )
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_database_size(current_database())")
        return cursor.fetchone()[0]


def describe(figures: dict) -> list[str]:
    how = "reused (seeded earlier" if figures["reused"] else "seeded now (took"
    return [
        f"Database: {int(figures['pairs']):,} pairs × {int(figures['days']):,} days, "
        f"{int(figures['rows']):,} history rows, {figures['database_size'] / 1e9:.1f} GB",
        f"Seed: {how} {int(figures['seconds']) / 60:.1f} min, of which "
        f"{int(figures['cpu_seconds']) / 60:.1f} min CPU in this process; last seeded day "
        f"{figures['last_day']})",
    ]


def main(argv=None) -> int:
    options = parser(__doc__.splitlines()[0]).parse_args(argv)
    target = target_from(options)
    figures = seed(target, reseed=options.reseed)
    print(heading("Seed"))
    print("\n".join(describe(figures)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
