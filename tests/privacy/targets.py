"""What the authorization matrix acts on: the secrets Alex wrote, and one
builder per kind of object a route acts on.

Every row of the matrix runs in a world where, besides today's unrevealed
answer (conftest), Alex has checked in today with a private note, filled in
this week's check-in, kept a share to herself and asked Sam for something.
Sam has neither checked in nor filled in the week. So every page and endpoint
is searched for all of it, whatever the row is about.

Secrets contain no character HTML would escape, so a plain substring search
finds them in a page as well as in JSON.
"""

from dataclasses import dataclass, field, fields
from datetime import timedelta

from hearthside.checkins import services as checkins
from hearthside.checkins import weekly
from hearthside.checkins.models import CheckIn, CheckInPrivateNote, WeeklyCheckIn
from hearthside.deck.models import DeckDraw
from hearthside.needs import services as needs
from hearthside.needs.models import Need
from hearthside.pairs import services as pair_services
from hearthside.pairs.accounts import create_person
from hearthside.pairs.models import Membership, Pair, format_code
from hearthside.pairs.services import require_pair
from hearthside.privacy.models import Visibility
from hearthside.questions import services
from hearthside.questions.models import Answer, Category, DailyQuestion, Question
from hearthside.shares import services as shares
from hearthside.shares.models import Share
from tests.conftest import PASSWORD

from .conftest import ALEX_SECRET, World

SHARED_SECRET = "Alex remembered the night train to Vienna 2C9B"
OWN_QUESTION_SECRET = "Would you ever sail around Iceland with me 5D1E"
ESCAPED_BY_HTML = r"[<>&'\"]"

# Alex's check-in today: the partner sees it once he has checked in too (or
# once Alex shares it); the private note nobody but Alex, ever.
CHECKIN_NOTE = "Alex checked in about the harbour fog 3M8Q"
OWN_FEELING = "kestrel-hearted"
PRIVATE_NOTE = "Alex keeps the dentist worry to herself 6W1N"
# Alex's weekly check-in: revealed to Sam once his own is in.
WEEKLY_ANSWERS = {
    "went_well": "Alex liked our walk by the canal 2H5V",
    "appreciation": "Alex appreciated the soup you made 9T4K",
    "on_my_mind": "Alex keeps thinking about the move 1P8D",
    "one_need": "Alex would love a slow Sunday 3X7G",
    "how_to_help": "Alex asks you to call her mother 4J2R",
}
KEPT_SHARE = "Alex is not ready to send this about work 8C3L"
# Alex's need is for Sam, and for nobody outside the pair.
NEED = "Alex needs a quiet hour after work 5F9M"

# What Sam must not read in any response, unless the row reveals it to him.
HIDDEN_FROM_PARTNER = (
    ALEX_SECRET,
    CHECKIN_NOTE,
    OWN_FEELING,
    *WEEKLY_ANSWERS.values(),
    KEPT_SHARE,
)
NEVER_FOR_PARTNER = (PRIVATE_NOTE,)
NEVER_OUTSIDE_THE_PAIR = (*HIDDEN_FROM_PARTNER, *NEVER_FOR_PARTNER, NEED)

SHARE = "Alex shared the worry about her sister 2B6Y"
MET_NEED = "Alex needed help with the garden 7N4S"
YESTERDAYS_NOTE = "Alex wrote yesterday about the storm 6D2H"
LAST_WEEKS_APPRECIATION = "Alex appreciated the picnic last week 1Q5U"
EARLIER_SHARE = "Alex shared this with Rowan long before Sam 9P3F"

# Everything Alex writes here, in the world or in a builder: none of it may
# ever reach Sam once they have unpaired, nor Noor, her next partner.
EVERYTHING_ALEX_WROTE = (
    *NEVER_OUTSIDE_THE_PAIR,
    SHARED_SECRET,
    OWN_QUESTION_SECRET,
    SHARE,
    MET_NEED,
    YESTERDAYS_NOTE,
    LAST_WEEKS_APPRECIATION,
    EARLIER_SHARE,
)


@dataclass
class MatrixWorld(World):
    checkin: CheckIn  # Alex's, today, with a private note; Sam has not checked in
    weekly: WeeklyCheckIn  # Alex's, this week; Sam's is still to come
    kept_share: Share  # kept to herself for now
    need: Need  # open, for Sam


def with_alexs_writing(world: World) -> MatrixWorld:
    alex = world.alex
    checkin = checkins.check_in(
        alex,
        mood=2,
        feelings=["tired"],
        own_feelings=[OWN_FEELING],
        need="heard",
        note=CHECKIN_NOTE,
        private_note=PRIVATE_NOTE,
    )
    return MatrixWorld(
        **{item.name: getattr(world, item.name) for item in fields(World)},
        checkin=checkin,
        weekly=weekly.submit_weekly(alex, **WEEKLY_ANSWERS),
        kept_share=shares.create_share(alex, KEPT_SHARE, "listen", keep_private=True),
        need=needs.ask_for(alex, NEED),
    )


@dataclass
class Target:
    """The object a request acts on: the URL parameters naming it, its query
    and form or JSON fields, and the text that reveals whether it leaked
    (with what a partner may see along with it)."""

    url: dict = field(default_factory=dict)
    body: dict = field(default_factory=dict)
    query: dict = field(default_factory=dict)
    secret: str = ALEX_SECRET
    also_reveals: tuple[str, ...] = ()

    @property
    def revealed(self) -> tuple[str, ...]:
        return (self.secret, *self.also_reveals)


def nothing(world: MatrixWorld) -> Target:
    """No object of its own; what Alex wrote is what must not leak."""
    return Target()


def unknown_path(world: MatrixWorld) -> Target:
    return Target(url={"rest": "no-such-thing"})


def alex_credentials(world: MatrixWorld) -> Target:
    return Target(body={"email": world.alex.email, "password": PASSWORD})


def robins_invitation(world: MatrixWorld) -> Target:
    """An open invitation of Robin, who is not paired yet."""
    robin = create_person("robin@example.test", PASSWORD, "Robin", verified=True)
    _, code = pair_services.create_invitation(robin)
    return Target(url={"code": format_code(code)}, body={"code": format_code(code)})


# --- Daily questions -------------------------------------------------------------------


def todays_daily(world: MatrixWorld) -> Target:
    return Target(url={"daily_id": world.daily.pk})


def alex_answer(world: MatrixWorld) -> Target:
    return Target(url={"answer_id": world.alex_answer.pk})


def _unasked_question(world: MatrixWorld) -> Question:
    asked = DailyQuestion.objects.filter(pair=world.daily.pair).values("question")
    return Question.objects.exclude(pk__in=asked).exclude(text_en__regex=ESCAPED_BY_HTML).first()


def _past_daily(world: MatrixWorld, days_ago: int = 1) -> DailyQuestion:
    return DailyQuestion.objects.create(
        pair=world.daily.pair,
        day=world.daily.day - timedelta(days=days_ago),
        question=_unasked_question(world),
    )


def shared_past_day(world: MatrixWorld) -> Target:
    """Yesterday's question, which both Alex and Sam answered."""
    past = _past_daily(world)
    for author, text in ((world.alex, SHARED_SECRET), (world.sam, "Sam answered this one too")):
        Answer.objects.create(
            daily=past, author=author, pair=past.pair, text=text, written_on=past.day
        )
    return Target(url={"daily_id": past.pk}, secret=SHARED_SECRET)


def alex_favourite(world: MatrixWorld) -> Target:
    """A past question only Alex marked as a favourite (the list is private)."""
    past = _past_daily(world, days_ago=2)
    services.set_favourite(world.alex, past.pk, True)
    return Target(url={"daily_id": past.pk}, secret=past.question.text)


def alex_own_question(world: MatrixWorld) -> Target:
    """A question Alex wrote for Sam, waiting unseen until it is asked."""
    own = services.ask_own_question(world.alex, OWN_QUESTION_SECRET)
    return Target(url={"own_question_id": own.pk}, secret=OWN_QUESTION_SECRET)


def a_category(world: MatrixWorld) -> Target:
    slug = Category.objects.order_by("order", "slug").first().slug
    return Target(url={"slug": slug}, body={"category": slug})


# --- Check-ins -------------------------------------------------------------------------


def alex_checkin(world: MatrixWorld) -> Target:
    """Alex's check-in today, not revealed to Sam: he has not checked in."""
    return Target(
        url={"checkin_id": world.checkin.pk}, secret=CHECKIN_NOTE, also_reveals=(OWN_FEELING,)
    )


def alex_private_note(world: MatrixWorld) -> Target:
    return Target(secret=PRIVATE_NOTE)


def sam_checked_in_too(world: MatrixWorld) -> Target:
    """Sam has checked in today as well, so Alex's check-in (never its private
    note) is revealed to him."""
    checkins.check_in(world.sam, mood=4, feelings=["calm"])
    return alex_checkin(world)


def alex_shared_her_checkin(world: MatrixWorld) -> Target:
    checkins.share_directly(world.alex)
    return alex_checkin(world)


def _yesterdays_checkin(author, note: str) -> CheckIn:
    context = require_pair(author)
    day = context.today() - timedelta(days=1)
    return CheckIn.objects.create(author=author, pair=context.pair, day=day, note=note)


def alex_checked_in_yesterday(world: MatrixWorld) -> Target:
    """Yesterday only Alex checked in, with a private note: hidden from Sam."""
    checkin = _yesterdays_checkin(world.alex, YESTERDAYS_NOTE)
    CheckInPrivateNote.objects.create(
        author=world.alex,
        pair=checkin.pair,
        visibility=Visibility.PRIVATE,
        checkin=checkin,
        text=PRIVATE_NOTE,  # the words of today's, searched for in every response
    )
    return Target(secret=YESTERDAYS_NOTE)


def both_checked_in_yesterday(world: MatrixWorld) -> Target:
    """Yesterday both checked in: Alex's check-in is Sam's to see, her private note never."""
    target = alex_checked_in_yesterday(world)
    _yesterdays_checkin(world.sam, "Sam wrote yesterday too")
    return target


def alex_weekly(world: MatrixWorld) -> Target:
    """This week's check-in, filled in by Alex only."""
    week = world.weekly.week.isoformat()
    return Target(
        url={"week": week},
        query={"week": week},
        secret=WEEKLY_ANSWERS["appreciation"],
        also_reveals=tuple(WEEKLY_ANSWERS.values()),
    )


def both_weekly(world: MatrixWorld) -> Target:
    """This week both are in, so both check-ins and the agenda are revealed."""
    weekly.submit_weekly(world.sam, appreciation="Sam appreciated the early night")
    return alex_weekly(world)


def _last_weeks(world: MatrixWorld, author, **answers) -> WeeklyCheckIn:
    pair = require_pair(author).pair
    week = world.weekly.week - timedelta(weeks=1)
    return WeeklyCheckIn.objects.create(author=author, pair=pair, week=week, **answers)


def last_week_alex_alone(world: MatrixWorld) -> Target:
    """Last week Alex filled in the check-in and Sam never did."""
    past = _last_weeks(world, world.alex, appreciation=LAST_WEEKS_APPRECIATION)
    week = past.week.isoformat()
    return Target(url={"week": week}, query={"week": week}, secret=LAST_WEEKS_APPRECIATION)


def last_week_both(world: MatrixWorld) -> Target:
    _last_weeks(world, world.sam, appreciation="Sam liked the picnic too", one_need="rest")
    return last_week_alex_alone(world)


# --- Shares and needs ------------------------------------------------------------------


def alex_share(world: MatrixWorld) -> Target:
    """A "just listen" share Alex sent to Sam."""
    share = shares.create_share(world.alex, SHARE, "listen")
    return Target(url={"share_id": share.pk}, secret=SHARE)


def alex_kept_share(world: MatrixWorld) -> Target:
    return Target(url={"share_id": world.kept_share.pk}, secret=KEPT_SHARE)


def alex_need(world: MatrixWorld) -> Target:
    return Target(url={"need_id": world.need.pk}, secret=NEED)


def alex_met_need(world: MatrixWorld) -> Target:
    need = needs.ask_for(world.alex, MET_NEED)
    needs.mark_met(world.alex, need.pk)
    return Target(url={"need_id": need.pk}, query={"met": "true"}, secret=MET_NEED)


# --- The conversation deck -------------------------------------------------------------


def alex_drew_a_card(world: MatrixWorld) -> Target:
    """A card Alex drew from the deck: which cards a pair drew is the pair's own."""
    card = _unasked_question(world)
    DeckDraw.objects.create(pair=world.daily.pair, question=card, drawn_by=world.alex)
    return Target(secret=card.text)


def a_deck_card(world: MatrixWorld) -> Target:
    """A deck link showing one card of the bank, which is the same for everyone."""
    return Target(query={"cards": str(_unasked_question(world).pk)})


# --- Earlier writing -------------------------------------------------------------------


def alex_wrote_in_an_earlier_pair(world: MatrixWorld) -> Target:
    """Before Sam, Alex was paired with Rowan, and shared something then."""
    rowan = create_person("rowan@example.test", PASSWORD, "Rowan", verified=True)
    began = world.daily.pair.created_at - timedelta(days=400)
    ended = began + timedelta(days=300)
    earlier = Pair.objects.create(created_at=began, ended_at=ended)
    for seat, person in enumerate((world.alex, rowan), start=1):
        Membership.objects.create(
            pair=earlier, user=person, seat=seat, joined_at=began, left_at=ended
        )
    Share.objects.create(
        author=world.alex, pair=earlier, mode="listen", text=EARLIER_SHARE, created_at=began
    )
    return Target(secret=EARLIER_SHARE)
