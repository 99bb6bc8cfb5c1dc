from datetime import date, datetime, time, timedelta

import yaml
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from hearthside.activity.models import Activity, Verb
from hearthside.checkins import services as checkins
from hearthside.checkins import weekly
from hearthside.needs import services as needs
from hearthside.pairs import services
from hearthside.pairs.accounts import create_person
from hearthside.pairs.models import Membership, User
from hearthside.questions.models import Answer, AnswerResponse, DailyQuestion, Question
from hearthside.shares import services as shares

DEMO_FILE = settings.CONTENT_DIR / "demo.yaml"
RESPONSE_VERBS = {"heart": Verb.HEARTED, "thanks": Verb.THANKED, "reply": Verb.REPLIED}


class Command(BaseCommand):
    help = "Create a demo pair with a week of shared answers (does nothing if it exists)."

    def handle(self, *args, **options):
        demo = yaml.safe_load(DEMO_FILE.read_text(encoding="utf-8"))
        emails = [person["email"] for person in demo["people"]]
        if User.objects.filter(email__in=emails).exists():
            self.stdout.write("The demo pair exists already.")
        else:
            if not Question.objects.exists():
                raise CommandError("Load the question bank first: hearthside load-questions")
            with transaction.atomic():
                create_demo(demo)
            self.stdout.write("Created the demo pair.")
        for person in demo["people"]:
            self.stdout.write(
                f"  {person['name']}: sign in as {person['email']} "
                f"with the password {demo['password']}"
            )


def create_demo(demo: dict) -> None:
    people = {
        person["name"].lower(): create_person(
            person["email"],
            demo["password"],
            person["name"],
            time_zone=person["time_zone"],
            verified=True,
        )
        for person in demo["people"]
    }
    first, second = people.values()
    _, code = services.create_invitation(first)
    pair = services.accept_invitation(second, code)
    pair.kind = demo["pair"]["kind"]
    pair.together_since = demo["pair"]["together_since"]
    days = demo["days"]
    today = services.pair_context(first).today()
    start = today - timedelta(days=len(days))
    joined = _moment(start - timedelta(days=1), hour=19)
    pair.created_at = joined
    pair.save()
    Membership.objects.filter(pair=pair).update(joined_at=joined)

    for offset, entry in enumerate(days):
        day = start + timedelta(days=offset)
        daily = _daily(pair, day, entry["question"])
        for hour, name in ((8, "robin"), (21, "sam")):
            _answer(daily, people[name], entry[name], _moment(day, hour))
        for position, response in enumerate(entry.get("responses", [])):
            author = people[response["by"]]
            answer = Answer.objects.filter(daily=daily).exclude(author=author).get()
            at = _moment(day, 22, position)
            reply = AnswerResponse.objects.create(
                answer=answer,
                author=author,
                pair=pair,
                kind=response["kind"],
                text=response.get("text", ""),
                created_at=at,
            )
            _activity(author, RESPONSE_VERBS[response["kind"]], reply, daily, at)

    daily = _daily(pair, today, demo["today"]["question"])
    _answer(daily, people["sam"], demo["today"]["sam"], timezone.now() - timedelta(minutes=5))
    _day_in_progress(people, demo["today"])


def _day_in_progress(people: dict[str, User], today: dict) -> None:
    """Today's check-ins, share and need, made the way people make them."""
    for person in people.values():
        services.forget_pair_context(person)  # looked up before the pair existed
    checkin = today["checkin"]
    checkins.check_in(people[checkin["by"]], **{k: v for k, v in checkin.items() if k != "by"})
    schedule = today["weekly"]["schedule"]
    weekly.set_schedule(people["sam"], schedule["weekday"], schedule["at"])
    weekly.submit_weekly(people["sam"], **today["weekly"]["sam"])
    share = today["share"]
    shares.create_share(people[share["by"]], share["text"], share["mode"])
    need = today["need"]
    asked = needs.ask_for(people[need["by"]], need["text"])
    needs.acknowledge(people[need["acknowledged_by"]], asked.pk)


def _moment(day: date, hour: int, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def _daily(pair, day: date, key: str) -> DailyQuestion:
    return DailyQuestion.objects.create(
        pair=pair, day=day, question=Question.objects.get(key=key), created_at=_moment(day, 4)
    )


def _answer(daily: DailyQuestion, author: User, text: str, at: datetime) -> None:
    answer = Answer.objects.create(
        daily=daily,
        author=author,
        pair=daily.pair,
        text=text,
        written_on=daily.day,
        created_at=at,
        updated_at=at,
    )
    _activity(author, Verb.ANSWERED, answer, daily, at)


def _activity(author: User, verb: Verb, announced, daily: DailyQuestion, at: datetime) -> None:
    Activity.objects.create(
        author=author,
        pair=daily.pair,
        verb=verb,
        day=daily.day,
        announced_id=announced.pk,
        target_id=daily.pk,
        created_at=at,
    )
