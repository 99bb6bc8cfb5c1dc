from django.apps import AppConfig


class QuestionsConfig(AppConfig):
    name = "hearthside.questions"
    label = "questions"

    def ready(self):
        from django.urls import reverse

        from hearthside.activity.models import Verb, register_link

        def to_daily(activity):
            return reverse("daily", args=[activity.target_id]) if activity.target_id else None

        for verb in (Verb.ANSWERED, Verb.HEARTED, Verb.THANKED, Verb.REPLIED):
            register_link(verb, to_daily)
