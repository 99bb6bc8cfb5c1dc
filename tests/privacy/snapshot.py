"""What a refused request must leave as it was."""

from django.apps import apps

from hearthside.checkins.models import CheckIn, WeeklyCheckIn, WeeklySchedule
from hearthside.needs.models import Need
from hearthside.pairs.models import User
from hearthside.questions.models import Answer
from hearthside.shares.models import Share

# Fields a request can change without adding or removing a row: an edit, a
# share sent, a need met, a week's schedule moved.
EDITABLE_FIELDS = {
    CheckIn: ("updated_at", "shared_directly"),
    WeeklyCheckIn: ("updated_at",),
    WeeklySchedule: ("updated_at",),
    Share: ("visibility", "felt_heard_at"),
    Need: ("met_at",),
}


def content_snapshot(*people: User) -> dict:
    """Row counts of every Hearthside table, every edit a request can make,
    and what the given people wrote and are called: equal before and after
    means a request changed nothing."""
    snapshot = {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model.__module__.startswith("hearthside.")
    }
    for model, fields in EDITABLE_FIELDS.items():
        snapshot[f"{model._meta.label} edits"] = sorted(model.objects.values_list("pk", *fields))
    for person in people:
        person.refresh_from_db()
        snapshot[f"{person.email} name"] = (person.display_name, person.time_zone)
        snapshot[f"{person.email} answers"] = sorted(
            (answer.daily_id, answer.text, answer.updated_at)
            for answer in Answer.objects.filter(author=person)
        )
    return snapshot
