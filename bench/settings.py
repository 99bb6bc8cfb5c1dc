"""The app's own settings, plus a bare view to compare against.

Only the URL configuration changes: middleware, database, templates and every
other setting are exactly those `hearthside serve` runs with.
"""

from hearthside.settings import *  # noqa: F403

ROOT_URLCONF = "bench.bench_urls"
