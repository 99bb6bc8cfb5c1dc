"""Upgrading an instance: news written before news named the row it
announces is linked to that row, and news whose row is gone is removed."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

BEFORE = [("activity", "0002_initial"), ("questions", "0001_initial"), ("shares", "0001_initial")]
AFTER = [
    ("activity", "0003_news_announces_a_row"),
    ("questions", "0002_daily_rows_are_set_aside_not_changed"),
]


@pytest.mark.django_db(transaction=True)
def test_old_news_is_linked_to_what_it_announced():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    User, Pair = old.get_model("pairs", "User"), old.get_model("pairs", "Pair")
    Category, Question = (
        old.get_model("questions", "Category"),
        old.get_model("questions", "Question"),
    )
    DailyQuestion, Answer = (
        old.get_model("questions", "DailyQuestion"),
        old.get_model("questions", "Answer"),
    )
    AnswerResponse, Share = (
        old.get_model("questions", "AnswerResponse"),
        old.get_model("shares", "Share"),
    )
    Activity = old.get_model("activity", "Activity")

    alex = User.objects.create(email="alex@example.test", display_name="Alex")
    sam = User.objects.create(email="sam@example.test", display_name="Sam")
    pair = Pair.objects.create()
    category = Category.objects.create(slug="values", name="Values")
    question = Question.objects.create(key="v-1", category=category, depth=1, text="Why?")
    daily = DailyQuestion.objects.create(pair=pair, day=timezone.localdate(), question=question)
    answer = Answer.objects.create(
        daily=daily, author=alex, pair=pair, text="gAAAA", written_on=daily.day
    )
    heart = AnswerResponse.objects.create(answer=answer, author=sam, pair=pair, kind="heart")
    share = Share.objects.create(author=sam, pair=pair, mode="listen", text="gAAAA")

    def news(author, verb, target_id):
        return Activity.objects.create(author=author, pair=pair, verb=verb, target_id=target_id)

    answered = news(alex, "answered", daily.pk)
    hearted = news(sam, "hearted", daily.pk)
    taken_back = news(sam, "thanked", daily.pk)  # no thank-you row: it was taken back
    asked = news(alex, "asked", None)
    shared = news(sam, "shared", share.pk)

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps.get_model("activity", "Activity")

    linked = dict(new.objects.values_list("pk", "announced_id"))
    assert linked == {answered.pk: answer.pk, hearted.pk: heart.pk, shared.pk: share.pk}
    assert taken_back.pk not in linked and asked.pk not in linked
    assert new.objects.get(pk=hearted.pk).target_id == daily.pk

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
