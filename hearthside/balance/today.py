"""A kind invitation on Today, for the partner who has had less room to
share lately, and for nobody else."""

from hearthside.pairs.models import User
from hearthside.pairs.services import pair_context
from hearthside.today.sections import Priority, SectionOut, TodaySection, today_section

from .services import invitation_text, sharing_balance


class InvitationSectionOut(SectionOut):
    text: str


@today_section("invitation", order=80, schema=InvitationSectionOut)
def invitation_to_share(user: User) -> TodaySection | None:
    if not pair_context(user).is_paired:
        return None
    balance = sharing_balance(user)
    if not balance.invite_viewer:
        return None
    text = invitation_text(balance.partner)
    return TodaySection(
        "balance/_invitation.html", {"text": text}, {"text": text}, priority=Priority.INVITATION
    )
