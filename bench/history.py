"""The history rows of the benchmark database, written by the database itself.

See bench/seed.py for why and how: INSERT … SELECT from small helper tables,
one batch of pairs per transaction, reusing a few texts encrypted by the app.
"""

import time
from datetime import UTC, datetime, timedelta
from datetime import time as clock

PAIRS_PER_BATCH = 200
# What the seeded answers and replies say; each text is encrypted a few times
# and the tokens reused (TEXT_SLOTS helper rows).
ANSWERS = [
    "Walking home in the rain with you, laughing at nothing.",
    "Honestly? The quiet mornings. Coffee, the radio, you humming off-key. I never want "
    "to lose those.",
    "When you stayed up with me before the interview and didn't once say it would be fine; "
    "you just listened, and that helped more than anything.",
    "I think I'm still learning to ask for help. It feels like admitting I failed, even "
    "though I know it isn't. Growing up, we solved things alone. With you I'd like that to "
    "be different, slowly, one small thing at a time. Maybe we could start with the "
    "weekend plans?",
    "Pancakes. Definitely pancakes.",
    "That trip to the coast. The car broke down, it rained for three days, and it is still "
    "my favourite week of the year.",
    "I'd like us to have one evening a week with no phones. Not as a rule, more as a gift "
    "to each other.",
    "My grandmother's kitchen: flour everywhere, the radio on, and nobody in a hurry. I "
    "think that's what home means to me, and it's what I feel with you on Sundays. I don't "
    "say it often enough, so: thank you for making that possible, even on the busy weeks.",
]
REPLIES = ["This made me smile all day.", "Me too. Let's do it again soon!", "I love that."]
TEXT_SLOTS = 16


def helper_tables(start_day, days: int) -> int:
    """Small tables the history is generated from: one row per day (with the
    times things happen that day), the bank's question ids, and encrypted texts.
    Returns the number of bank questions."""
    from django.db import connection

    from hearthside.privacy.fields import content_cipher
    from hearthside.questions.models import Question

    ops = connection.ops
    postgres = connection.vendor == "postgresql"
    # The columns' own types, so SQLite compares them to the app's columns
    # with the same affinity (and can use the index on day).
    date_type, time_type = ("date", "timestamptz") if postgres else ("date", "datetime")

    def moment(day, hour, minute=0):
        return ops.adapt_datetimefield_value(datetime.combine(day, clock(hour, minute), UTC))

    def encrypted(text: str) -> str:
        return content_cipher().encrypt(text.encode()).decode()

    question_ids = list(Question.objects.filter(active=True).order_by("pk").values_list("pk"))
    with connection.cursor() as cursor:
        for table in ("bench_day", "bench_bank", "bench_text"):
            cursor.execute(f"DROP TABLE IF EXISTS {table}")
        cursor.execute(
            f"CREATE TABLE bench_day (n integer PRIMARY KEY, day {date_type} UNIQUE, "
            f"asked_at {time_type}, first_at {time_type}, second_at {time_type}, "
            f"response_at {time_type})"
        )
        cursor.executemany(
            "INSERT INTO bench_day VALUES (%s, %s, %s, %s, %s, %s)",
            [
                (
                    n,
                    ops.adapt_datefield_value(day),
                    moment(day, 6),
                    moment(day, 8, n % 60),
                    moment(day, 19, (n * 7) % 60),
                    moment(day, 21, (n * 11) % 60),
                )
                for n in range(days)
                for day in [start_day + timedelta(days=n)]
            ],
        )
        cursor.execute("CREATE TABLE bench_bank (n integer PRIMARY KEY, question_id bigint)")
        cursor.executemany(
            "INSERT INTO bench_bank VALUES (%s, %s)",
            [(n, row[0]) for n, row in enumerate(question_ids)],
        )
        cursor.execute(
            "CREATE TABLE bench_text (n integer PRIMARY KEY, answer text, reply text, empty text)"
        )
        cursor.executemany(
            "INSERT INTO bench_text VALUES (%s, %s, %s, %s)",
            [
                (
                    n,
                    encrypted(ANSWERS[n % len(ANSWERS)]),
                    encrypted(REPLIES[n % len(REPLIES)]),
                    encrypted(""),  # what a heart's blank text becomes
                )
                for n in range(TEXT_SLOTS)
            ],
        )
    return len(question_ids)


# Each statement fills one table for the pairs between %(low)s and %(high)s. The
# CROSS JOINs fix SQLite's join order (outer table first, so every lookup uses an
# index); PostgreSQL plans them like any join.
HISTORY_STATEMENTS = {
    "daily questions": """
        INSERT INTO questions_dailyquestion (pair_id, day, question_id, round, created_at)
        SELECT p.id, d.day, b.question_id,
               (d.n + (p.id * 7) %% {bank}) / {bank} + 1, d.asked_at
        FROM pairs_pair p
        CROSS JOIN bench_day d
        CROSS JOIN bench_bank b
        WHERE p.id BETWEEN %(low)s AND %(high)s
          AND b.n = (d.n + (p.id * 7) %% {bank}) %% {bank}
        ORDER BY p.id, d.n""",
    "answers": """
        INSERT INTO questions_answer
            (author_id, pair_id, visibility, created_at, daily_id, text, written_on, updated_at)
        SELECT m.user_id, q.pair_id, 'partner',
               CASE WHEN m.seat = 1 THEN d.first_at ELSE d.second_at END,
               q.id, t.answer, q.day,
               CASE WHEN m.seat = 1 THEN d.first_at ELSE d.second_at END
        FROM questions_dailyquestion q
        CROSS JOIN bench_day d
        CROSS JOIN pairs_membership m
        CROSS JOIN bench_text t
        WHERE q.pair_id BETWEEN %(low)s AND %(high)s
          AND d.day = q.day AND m.pair_id = q.pair_id AND t.n = (q.id + m.seat) %% {texts}
        ORDER BY q.id, m.seat""",
    "hearts and replies": """
        INSERT INTO questions_answerresponse
            (author_id, pair_id, visibility, created_at, answer_id, kind, text)
        SELECT m.user_id, a.pair_id, 'partner', d.response_at, a.id,
               CASE WHEN a.id %% 4 = 0 THEN 'heart' ELSE 'reply' END,
               CASE WHEN a.id %% 4 = 0 THEN t.empty ELSE t.reply END
        FROM questions_answer a
        CROSS JOIN pairs_membership m
        CROSS JOIN bench_day d
        CROSS JOIN bench_text t
        WHERE a.pair_id BETWEEN %(low)s AND %(high)s AND (a.id %% 4 = 0 OR a.id %% 10 = 1)
          AND m.pair_id = a.pair_id AND m.user_id <> a.author_id
          AND d.day = a.written_on AND t.n = a.id %% {texts}""",
    "favourites": """
        INSERT INTO questions_favourite (author_id, pair_id, visibility, created_at, daily_id)
        SELECT m.user_id, q.pair_id, 'private', d.response_at, q.id
        FROM questions_dailyquestion q
        CROSS JOIN pairs_membership m
        CROSS JOIN bench_day d
        WHERE q.pair_id BETWEEN %(low)s AND %(high)s AND q.id %% 40 = 0
          AND m.pair_id = q.pair_id AND m.seat = 1 AND d.day = q.day""",
    "activity": """
        INSERT INTO activity_activity
            (author_id, pair_id, visibility, created_at, verb, day, announced_id, target_id)
        SELECT author_id, pair_id, 'partner', created_at, verb, day, announced_id, target_id
        FROM (
            SELECT a.author_id, a.pair_id, a.created_at, 'answered' AS verb,
                   a.written_on AS day, a.id AS announced_id, a.daily_id AS target_id
            FROM questions_answer a
            WHERE a.pair_id BETWEEN %(low)s AND %(high)s
            UNION ALL
            SELECT r.author_id, r.pair_id, r.created_at,
                   CASE WHEN r.kind = 'heart' THEN 'hearted' ELSE 'replied' END,
                   a.written_on, r.id, a.daily_id
            FROM questions_answerresponse r
            CROSS JOIN questions_answer a
            WHERE r.pair_id BETWEEN %(low)s AND %(high)s AND a.id = r.answer_id
        ) AS events
        ORDER BY pair_id, created_at""",
}


HISTORY_TABLES = (
    "questions_dailyquestion",
    "questions_answer",
    "questions_answerresponse",
    "activity_activity",
)


def write_history(pair_ids: list[int], start_day, days: int, out) -> int:
    from django.db import connection, transaction

    bank = helper_tables(start_day, days)
    postgres = connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        # Settings of this connection only, while seeding; the server uses the app's.
        if postgres:
            cursor.execute("SET synchronous_commit = off")
            # Skips the foreign-key triggers (rows are consistent by construction):
            # they would lock a parent row for every child row written.
            cursor.execute("SET session_replication_role = replica")
            cursor.execute("SET work_mem = '256MB'")
            cursor.execute("ANALYZE bench_day, bench_bank, bench_text")
        else:
            # Write each page once (no WAL copy), without waiting for the disk.
            # finish() turns WAL back on.
            cursor.execute("PRAGMA journal_mode=MEMORY")
            cursor.execute("PRAGMA synchronous=OFF")
            cursor.execute("PRAGMA cache_size=-2000000")
    statements = {
        name: sql.format(bank=bank, texts=TEXT_SLOTS) for name, sql in HISTORY_STATEMENTS.items()
    }
    totals = dict.fromkeys(statements, 0)
    started = time.monotonic()
    for first in range(0, len(pair_ids), PAIRS_PER_BATCH):
        batch = pair_ids[first : first + PAIRS_PER_BATCH]
        bounds = {"low": min(batch), "high": max(batch)}
        with transaction.atomic(), connection.cursor() as cursor:
            for name, sql in statements.items():
                cursor.execute(sql, bounds)
                totals[name] += cursor.rowcount
        if postgres:
            # Fresh statistics, or the planner scans whole tables for one batch.
            with connection.cursor() as cursor:
                cursor.execute(f"ANALYZE {', '.join(HISTORY_TABLES)}")
        done = first + len(batch)
        elapsed = time.monotonic() - started
        rows = sum(totals.values())
        remaining = elapsed / done * (len(pair_ids) - done)
        out(
            f"  {done:>7,} / {len(pair_ids):,} pairs  {rows:>12,} rows  "
            f"{rows / elapsed:>9,.0f} rows/s  about {remaining / 60:.1f} min left",
        )
    out("  " + ", ".join(f"{name}: {count:,}" for name, count in totals.items()))
    return sum(totals.values())


def finish() -> None:
    """Drop the helper tables and leave the database as the app runs it."""
    from django.db import connection

    with connection.cursor() as cursor:
        for table in ("bench_day", "bench_bank", "bench_text"):
            cursor.execute(f"DROP TABLE {table}")
        if connection.vendor == "postgresql":
            cursor.execute("VACUUM ANALYZE")
        else:
            cursor.execute("PRAGMA journal_mode=WAL")
