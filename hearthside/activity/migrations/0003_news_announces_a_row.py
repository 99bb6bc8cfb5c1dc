"""Each news row names the row it announces, so that it takes that row's
visibility and lifetime. Existing rows are linked to what they announced;
rows whose announced row is gone (a heart taken back, a question withdrawn,
or an own question, which named nothing) are removed."""

from django.db import migrations, models
from django.db.models import OuterRef, Subquery

# Verb: (model, how the announced row is found from the news row). Where the
# news named the row itself, it is its target; otherwise the newest row of
# the author under the target written no later than the news.
SAME_ROW = {"pk": OuterRef("target_id")}
AUTHOR_LATEST = {"author_id": OuterRef("author_id"), "created_at__lte": OuterRef("created_at")}
ANNOUNCED = {
    "answered": ("questions.Answer", {"daily_id": OuterRef("target_id"), **AUTHOR_LATEST}),
    "hearted": (
        "questions.AnswerResponse",
        {"answer__daily_id": OuterRef("target_id"), "kind": "heart", **AUTHOR_LATEST},
    ),
    "thanked": (
        "questions.AnswerResponse",
        {"answer__daily_id": OuterRef("target_id"), "kind": "thanks", **AUTHOR_LATEST},
    ),
    "replied": (
        "questions.AnswerResponse",
        {"answer__daily_id": OuterRef("target_id"), "kind": "reply", **AUTHOR_LATEST},
    ),
    "checked_in": ("checkins.CheckIn", SAME_ROW),
    "weekly_checked_in": ("checkins.WeeklyCheckIn", SAME_ROW),
    "shared": ("shares.Share", SAME_ROW),
    "felt_heard": ("shares.Share", SAME_ROW),
    "replied_to_share": ("shares.ShareReply", {"share_id": OuterRef("target_id"), **AUTHOR_LATEST}),
    "needed": ("needs.Need", SAME_ROW),
    "need_met": ("needs.Need", SAME_ROW),
    "acknowledged_need": ("needs.NeedAnswer", {"need_id": OuterRef("target_id"), **AUTHOR_LATEST}),
}


def link_news_to_what_it_announces(apps, schema_editor):
    Activity = apps.get_model("activity", "Activity")
    for verb, (label, match) in ANNOUNCED.items():
        rows = apps.get_model(label).objects.filter(**match).order_by("-created_at", "-pk")
        Activity.objects.filter(verb=verb).update(announced_id=Subquery(rows.values("pk")[:1]))
    Activity.objects.filter(models.Q(announced_id__isnull=True) | models.Q(target_id__isnull=True)).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("activity", "0002_initial"),
        ("checkins", "0001_initial"),
        ("needs", "0001_initial"),
        ("questions", "0001_initial"),
        ("shares", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="activity",
            name="announced_id",
            field=models.BigIntegerField(null=True),
        ),
        migrations.RunPython(link_news_to_what_it_announces, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="activity",
            name="announced_id",
            field=models.BigIntegerField(),
        ),
        migrations.AlterField(
            model_name="activity",
            name="target_id",
            field=models.BigIntegerField(),
        ),
        migrations.AlterField(
            model_name="activity",
            name="verb",
            field=models.CharField(
                choices=[
                    ("answered", "answered a daily question"),
                    ("hearted", "sent a heart for your answer"),
                    ("thanked", "thanked you for sharing"),
                    ("replied", "replied to an answer"),
                    ("asked", "asked you a question of their own"),
                    ("checked_in", "checked in today"),
                    ("weekly_checked_in", "filled in the weekly check-in"),
                    ("shared", "shared what's on their heart"),
                    ("replied_to_share", "replied to your share"),
                    ("felt_heard", "felt heard by you"),
                    ("needed", "told you about something they need"),
                    ("acknowledged_need", "answered your need"),
                    ("need_met", "marked a need as met"),
                ],
                max_length=30,
            ),
        ),
        migrations.AddIndex(
            model_name="activity",
            index=models.Index(fields=["announced_id"], name="activity_ac_announc_b355b9_idx"),
        ),
    ]
