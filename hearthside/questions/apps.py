from django.apps import AppConfig


class QuestionsConfig(AppConfig):
    name = "hearthside.questions"
    label = "questions"

    def ready(self):
        from django.urls import reverse

        import hearthside.questions.earlier_writing  # noqa: F401  (registers its kinds)
        from hearthside.activity.models import Verb, announce

        from . import today  # noqa: F401  (registers the Today section)
        from .models import Answer, AnswerResponse, OwnQuestion

        def to_daily(activity):
            return reverse("daily", args=[activity.target_id])

        announce(Answer, [Verb.ANSWERED], opens="daily", link=to_daily)
        announce(
            AnswerResponse, [Verb.HEARTED, Verb.THANKED, Verb.REPLIED], opens="daily", link=to_daily
        )
        # Private until it is asked: its news shows no earlier, and goes if it is withdrawn.
        announce(OwnQuestion, [Verb.ASKED], opens="own_question", link=lambda activity: None)
