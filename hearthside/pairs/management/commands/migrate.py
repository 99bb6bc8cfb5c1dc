"""`migrate`, which also creates the cache table when the cache is the database.

The table belongs to the CACHES setting, not to a model, so no migration can
know whether it is needed. Django's `createcachetable` does: it creates what the
configured cache needs and nothing when the table exists or the cache is
Redis. Running it here covers every way of migrating (`hearthside migrate`,
`call_command`, the test database).
"""

from django.core.management import call_command
from django.core.management.commands.migrate import Command as DjangoMigrate


class Command(DjangoMigrate):
    def handle(self, *args, **options):
        super().handle(*args, **options)
        if options["plan"] or options["check_unapplied"]:
            return  # these only look
        # One level quieter: it would say "already exists" after every migrate.
        quieter = max(options["verbosity"] - 1, 0)
        call_command("createcachetable", database=options["database"], verbosity=quieter)
