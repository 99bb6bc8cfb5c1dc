"""Answers, replies and own questions in a person's earlier writing."""

from hearthside.earlier_writing import Part, Writing, earlier_writing

from .models import Answer, AnswerResponse, OwnQuestion, ResponseKind

# The words of a question the other partner wrote left with them.
THEIR_QUESTION = "A question your partner wrote (its words left with them)"


@earlier_writing("answer", Answer, narrow=lambda rows: rows.select_related("daily__question"))
def answers(viewer, rows):
    # An answer's question is the bank's, or an own question: the viewer's
    # own words, read through the layer, or the other's, which stay unread.
    own_ids = {answer.daily.own_question_id for answer in rows} - {None}
    mine = {
        own.pk: own.text for own in OwnQuestion.objects.authored_by(viewer).filter(pk__in=own_ids)
    }
    return [
        Writing(
            "answer",
            answer.pk,
            answer.created_at,
            answer.daily.question.text
            if answer.daily.question_id
            else mine.get(answer.daily.own_question_id, THEIR_QUESTION),
            (Part("Your answer", answer.text),),
        )
        for answer in rows
    ]


@earlier_writing(
    "answer_reply", AnswerResponse, narrow=lambda rows: rows.filter(kind=ResponseKind.REPLY)
)
def replies(viewer, rows):
    return [
        Writing(
            "answer_reply",
            reply.pk,
            reply.created_at,
            "A reply to an answer",
            (Part("Your reply", reply.text),),
        )
        for reply in rows
    ]


@earlier_writing("own_question", OwnQuestion)
def own_questions(viewer, rows):
    return [
        Writing(
            "own_question",
            own.pk,
            own.created_at,
            "A question you wrote",
            (Part("Your question", own.text),),
        )
        for own in rows
    ]
