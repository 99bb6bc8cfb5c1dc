"""What every benchmark shares: its options, where its data lives, Django set-up.

Each benchmark runs against its own database, never the app's: a SQLite file
under the bench data directory (HEARTHSIDE_DATA_DIR, default bench/data/), one
folder per size, or the PostgreSQL database named by --postgres.
"""

import argparse
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA_ROOT = REPO / "bench" / "data"
SETTINGS_MODULE = "bench.settings"


def parser(description: str) -> argparse.ArgumentParser:
    options = argparse.ArgumentParser(description=description)
    options.add_argument("--pairs", type=int, default=10_000, help="pairs to seed (10000)")
    options.add_argument("--days", type=int, default=3 * 365, help="days of history (1095)")
    options.add_argument("--clients", type=int, default=32, help="concurrent clients (32)")
    options.add_argument("--seconds", type=float, default=20, help="measured seconds per run")
    options.add_argument("--warmup", type=float, default=3, help="warm-up seconds per run")
    options.add_argument("--postgres", metavar="URL", help="seed and serve PostgreSQL at URL")
    options.add_argument("--reseed", action="store_true", help="seed again even if it exists")
    return options


@dataclass(frozen=True)
class Target:
    """The database a run measures, and the environment that points Django at it."""

    pairs: int
    days: int
    data_dir: Path
    database_url: str | None

    @property
    def label(self) -> str:
        if self.database_url:
            return f"PostgreSQL ({urlsplit(self.database_url).path.lstrip('/')})"
        return "SQLite (WAL)"

    @property
    def sqlite_file(self) -> Path | None:
        return None if self.database_url else self.data_dir / "hearthside.sqlite3"

    def environment(self) -> dict[str, str]:
        env = dict(os.environ)
        env.pop("HEARTHSIDE_DEBUG", None)
        env.pop("DATABASE_URL", None)
        env["DJANGO_SETTINGS_MODULE"] = SETTINGS_MODULE
        env["HEARTHSIDE_DATA_DIR"] = str(self.data_dir)
        env["HEARTHSIDE_LOG_LEVEL"] = "WARNING"
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
        if self.database_url:
            env["DATABASE_URL"] = self.database_url
        return env


def target_from(options: argparse.Namespace) -> Target:
    root = Path(os.environ.get("HEARTHSIDE_DATA_DIR", DEFAULT_DATA_ROOT)).resolve()
    if options.postgres:
        name = urlsplit(options.postgres).path.lstrip("/") or "postgres"
        folder = root / f"postgres-{name}"
    else:
        folder = root / f"sqlite-{options.pairs}-pairs-{options.days}-days"
    return Target(options.pairs, options.days, folder, options.postgres)


_configured: Target | None = None


def setup_django(target: Target) -> None:
    """Point this process at the target's database and start Django (once)."""
    global _configured
    if _configured is not None:
        if _configured != target:
            raise RuntimeError("One process measures one database.")
        return
    target.data_dir.mkdir(parents=True, exist_ok=True)
    for name in ("HEARTHSIDE_DEBUG", "DATABASE_URL"):
        os.environ.pop(name, None)
    os.environ.update(target.environment())
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    import django

    django.setup()
    _configured = target


def heading(title: str) -> str:
    return f"\n{title}\n{'=' * len(title)}"
