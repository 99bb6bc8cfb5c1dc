from django.urls import reverse

from hearthside.questions.models import Answer, OwnQuestion
from hearthside.questions.services import todays_question


def test_a_nul_character_in_a_form_is_refused_with_a_message(couple, client_for):
    alex, _ = couple
    daily = todays_question(alex)
    response = client_for(alex).post(
        reverse("answer", args=[daily.pk]), {"text": "before\x00after"}
    )
    assert response.status_code == 400
    assert "NUL character" in response.content.decode()
    assert not Answer.objects.exists()


def test_a_nul_character_in_a_query_string_is_refused(couple, client_for):
    alex, _ = couple
    response = client_for(alex).get(reverse("history"), {"before": "2026\x00-01-01"})
    assert response.status_code == 400


def test_a_nul_character_in_a_field_name_is_refused(couple, client_for):
    alex, _ = couple
    response = client_for(alex).post(reverse("ask"), {"text\x00": "Hello?"})
    assert response.status_code == 400
    assert not OwnQuestion.objects.exists()
