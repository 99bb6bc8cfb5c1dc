"""News of an answer written for a while opened the answer's id as if it were
the question's: point each at the question its answer answers."""

from django.db import migrations
from django.db.models import Exists, OuterRef, Subquery


def open_the_question(apps, schema_editor):
    Activity = apps.get_model("activity", "Activity")
    Answer = apps.get_model("questions", "Answer")
    answer = Answer.objects.filter(pk=OuterRef("announced_id"))
    Activity.objects.filter(Exists(answer), verb="answered").update(
        target_id=Subquery(answer.values("daily_id")[:1])
    )


class Migration(migrations.Migration):
    dependencies = [
        ("activity", "0003_news_announces_a_row"),
        ("questions", "0004_own_questions_leave_with_their_author"),
    ]

    operations = [migrations.RunPython(open_the_question, migrations.RunPython.noop)]
