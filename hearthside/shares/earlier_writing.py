"""Shares and replies in a person's earlier writing."""

from hearthside.earlier_writing import Part, Writing, earlier_writing

from .models import Share, ShareMode, ShareReply


@earlier_writing("share", Share)
def shares(viewer, rows):
    return [
        Writing(
            "share",
            share.pk,
            share.created_at,
            f"A share: {ShareMode(share.mode).label.lower()}"
            + (" (you kept it to yourself)" if share.is_private else ""),
            (Part("What you shared", share.text),),
        )
        for share in rows
    ]


@earlier_writing("share_reply", ShareReply)
def replies(viewer, rows):
    return [
        Writing(
            "share_reply",
            reply.pk,
            reply.created_at,
            "A reply to a share",
            (Part("Your reply", reply.text),),
        )
        for reply in rows
    ]
