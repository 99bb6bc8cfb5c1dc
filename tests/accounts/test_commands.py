"""The `hearthside` command: createuser, demo and load-questions.

Most tests call the Django commands in this process; the last ones run the
real console script, as an operator would type it.
"""

import pytest
import yaml
from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from hearthside.pairs.models import Pair, User
from hearthside.questions import services
from hearthside.questions.models import Answer, DailyQuestion, Question
from tests.conftest import PASSWORD
from tests.worker.processes import run_hearthside

from .conftest import sign_in

DEMO = yaml.safe_load((settings.CONTENT_DIR / "demo.yaml").read_text(encoding="utf-8"))


def createuser(*extra: str) -> None:
    call_command("createuser", "--email", "ash@example.test", "--name", "Ash", *extra)


def test_createuser_makes_an_account_with_a_confirmed_address(db, capsys):
    createuser("--time-zone", "Europe/Paris", "--password", PASSWORD)

    assert "Created ash@example.test (Ash)." in capsys.readouterr().out
    ash = User.objects.get(email="ash@example.test")
    assert ash.time_zone == "Europe/Paris"
    assert EmailAddress.objects.get(user=ash).verified
    assert sign_in(Client(), "ash@example.test", PASSWORD).status_code == 302


@pytest.mark.parametrize(
    "password, problem",
    [("short", "This password is too short"), ("password123", "too common")],
)
def test_createuser_refuses_a_weak_password_and_creates_nothing(db, password, problem):
    with pytest.raises(CommandError, match=problem):
        createuser("--password", password)
    assert not User.objects.exists()


def test_createuser_refuses_an_address_in_use(make_person):
    make_person("Ash", email="ash@example.test")
    with pytest.raises(CommandError, match="exists already"):
        createuser("--password", PASSWORD)
    assert User.objects.count() == 1


def test_demo_creates_a_pair_with_a_week_of_shared_answers(bank, capsys):
    call_command("demo")

    assert "Created the demo pair." in capsys.readouterr().out
    assert Pair.objects.count() == 1
    assert DailyQuestion.objects.count() == len(DEMO["days"]) + 1
    robin = User.objects.get(email=DEMO["people"][0]["email"])
    today = services.view_daily(robin, services.todays_question(robin))
    assert today.partner_has_answered and today.partner_answer is None


def test_the_demo_shows_robin_a_day_in_progress_on_today(bank, client_for):
    call_command("demo")
    robin = User.objects.get(email=DEMO["people"][0]["email"])

    page = client_for(robin).get(reverse("today")).content.decode()

    assert "Sam checked in" in page
    assert DEMO["today"]["checkin"]["note"] not in page  # until Robin checks in too
    assert "Sam has filled in this week" in page
    assert "asked you to just listen" in page
    assert "answered your need" in page


def test_demo_prints_both_logins(bank, capsys):
    call_command("demo")
    out = capsys.readouterr().out
    for person in DEMO["people"]:
        assert f"sign in as {person['email']} with the password {DEMO['password']}" in out


def test_the_demo_logins_work(bank):
    call_command("demo")
    for person in DEMO["people"]:
        assert sign_in(Client(), person["email"], DEMO["password"]).status_code == 302


def test_demo_run_again_changes_nothing_and_prints_the_logins_again(bank, capsys):
    call_command("demo")
    counts = (User.objects.count(), DailyQuestion.objects.count(), Answer.objects.count())
    capsys.readouterr()

    call_command("demo")

    out = capsys.readouterr().out
    assert "The demo pair exists already." in out
    assert all(person["email"] in out for person in DEMO["people"])
    assert (User.objects.count(), DailyQuestion.objects.count(), Answer.objects.count()) == counts


def test_demo_without_the_question_bank_says_to_load_it_first(db):
    with pytest.raises(CommandError, match="hearthside load-questions"):
        call_command("demo")
    assert not User.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_the_console_script_loads_the_bank_and_a_second_run_changes_nothing():
    first = run_hearthside("load-questions")
    second = run_hearthside("load-questions")

    assert first.returncode == 0, first.stderr
    count = Question.objects.count()
    assert count >= 300
    assert f"{count} new" in first.stdout
    assert f"0 new, 0 updated, {count} unchanged, 0 retired" in second.stdout


@pytest.mark.django_db(transaction=True)
def test_the_console_script_demo_runs_twice_and_prints_both_logins_each_time(bank):
    first = run_hearthside("demo")
    second = run_hearthside("demo")

    assert (first.returncode, second.returncode) == (0, 0), first.stderr + second.stderr
    assert "Created the demo pair." in first.stdout
    assert "The demo pair exists already." in second.stdout
    for out in (first.stdout, second.stdout):
        for person in DEMO["people"]:
            assert f"sign in as {person['email']} with the password {DEMO['password']}" in out
    assert Pair.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_the_console_script_createuser_refuses_a_weak_password_clearly():
    result = run_hearthside(
        "createuser", "--email", "ash@example.test", "--name", "Ash", "--password", "short"
    )
    assert result.returncode != 0
    assert "too short" in result.stderr
    assert "Traceback" not in result.stderr
    assert not User.objects.exists()
