import pytest

from hearthside.activity.models import Activity, Verb
from hearthside.errors import Conflict
from hearthside.needs import services
from hearthside.needs.models import Need, NeedAnswer
from hearthside.pairs.models import User
from tests.racing import run_together


def fresh(user):
    return User.objects.get(pk=user.pk)


@pytest.mark.django_db(transaction=True)
def test_acknowledging_from_two_devices_at_once_counts_once(couple):
    alex, sam = couple
    need = services.ask_for(alex, "A hug tonight")
    results = run_together(*(lambda: services.acknowledge(fresh(sam), need.pk) for _ in range(4)))
    refused = [result for result in results if isinstance(result, Exception)]
    assert len(refused) == 3
    assert all(isinstance(result, Conflict) for result in refused)
    assert NeedAnswer.objects.count() == 1
    assert Activity.objects.filter(verb=Verb.ACKNOWLEDGED_NEED).count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_note_and_marking_met_at_the_same_instant_both_count(couple):
    alex, sam = couple
    need = services.ask_for(alex, "A lift")
    results = run_together(
        lambda: services.answer_with_note(fresh(sam), need.pk, "Done, see you at 6"),
        lambda: services.mark_met(fresh(alex), need.pk),
    )
    assert not [result for result in results if isinstance(result, Exception)]
    assert Need.objects.get().is_met
    assert NeedAnswer.objects.get().text == "Done, see you at 6"
    assert Activity.objects.filter(verb=Verb.NEED_MET).count() == 1
