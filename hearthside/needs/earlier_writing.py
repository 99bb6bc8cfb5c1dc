"""Needs and notes on needs in a person's earlier writing."""

from django.utils.formats import date_format

from hearthside.earlier_writing import Part, Writing, earlier_writing

from .models import AnswerKind, Need, NeedAnswer


@earlier_writing("need", Need)
def needs(viewer, rows):
    return [
        Writing(
            "need",
            need.pk,
            need.created_at,
            "A need, met" if need.is_met else "A need",
            (Part("What you needed", need.text),)
            + ((Part("By when", date_format(need.by_when, "j F Y")),) if need.by_when else ()),
        )
        for need in rows
    ]


@earlier_writing("need_note", NeedAnswer, narrow=lambda rows: rows.filter(kind=AnswerKind.NOTE))
def notes(viewer, rows):
    return [
        Writing(
            "need_note",
            note.pk,
            note.created_at,
            "A note on a need",
            (Part("Your note", note.text),),
        )
        for note in rows
    ]
