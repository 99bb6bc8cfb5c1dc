import pytest

from hearthside.activity.models import Activity, Verb
from hearthside.pairs.models import User
from hearthside.shares import services
from hearthside.shares.models import Share, ShareReply
from tests.racing import run_together


def fresh(user):
    """The same person as seen by another device: a new object, its own cache."""
    return User.objects.get(pk=user.pk)


@pytest.mark.django_db(transaction=True)
def test_a_reply_and_feeling_heard_at_the_same_instant_both_count(couple):
    alex, sam = couple
    share = services.create_share(alex, "Tough day", "listen")
    results = run_together(
        lambda: services.reply_to_share(fresh(sam), share.pk, "I'm here."),
        lambda: services.mark_felt_heard(fresh(alex), share.pk),
    )
    assert not [result for result in results if isinstance(result, Exception)]
    assert Share.objects.get().felt_heard_at is not None
    assert ShareReply.objects.get().text == "I'm here."
    assert Activity.objects.filter(verb=Verb.REPLIED_TO_SHARE).count() == 1
    assert Activity.objects.filter(verb=Verb.FELT_HEARD).count() == 1


@pytest.mark.django_db(transaction=True)
def test_feeling_heard_from_two_devices_at_once_counts_once(couple):
    alex, _ = couple
    share = services.create_share(alex, "Tough day", "listen")
    results = run_together(
        *(lambda: services.mark_felt_heard(fresh(alex), share.pk) for _ in range(4))
    )
    assert not [result for result in results if isinstance(result, Exception)]
    assert Activity.objects.filter(verb=Verb.FELT_HEARD).count() == 1
