"""Outgoing mail goes through the background worker.

A request never waits on an SMTP server, and a message survives a mail server
that is down (or a worker that is restarted) because it waits in the task
queue until a worker hands it to the delivery backend.

A message holds what must stay private (a password-reset link, a partner's
words), so it waits in the queue sealed with the content key, and once it is
delivered it leaves the task table altogether.
"""

import json

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.dispatch import receiver
from django_tasks import TaskResultStatus, task
from django_tasks.signals import task_finished
from django_tasks_db import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from hearthside.privacy.fields import content_cipher

FORGOTTEN = {"args": [], "kwargs": {}}


class QueuedEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        for message in email_messages:
            deliver_email.enqueue(seal(serialise(message)))
        return len(email_messages)


def serialise(message) -> dict:
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": dict(message.extra_headers),
        "alternatives": [
            [str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])
        ],
    }


def seal(message: dict) -> str:
    return content_cipher().encrypt(json.dumps(message).encode()).decode()


def unseal(sealed: str) -> dict:
    return json.loads(content_cipher().decrypt(sealed.encode()))


@task()
def deliver_email(sealed: str) -> None:
    message = unseal(sealed)
    email = EmailMultiAlternatives(
        subject=message["subject"],
        body=message["body"],
        from_email=message["from_email"],
        to=message["to"],
        cc=message["cc"],
        bcc=message["bcc"],
        reply_to=message["reply_to"],
        headers=message["headers"],
        alternatives=[tuple(pair) for pair in message["alternatives"]],
    )
    email.connection = get_connection(settings.EMAIL_DELIVERY_BACKEND)
    email.send()


def forget_delivered_email(results=None) -> int:
    """Empty the payload of delivered mail among ``results`` (all tasks by
    default). Mail that is waiting, being sent or failed keeps it, so it is
    never lost."""
    results = DBTaskResult.objects.all() if results is None else results
    return (
        results.filter(task_path=deliver_email.module_path, status=TaskResultStatus.SUCCESSFUL)
        .exclude(args_kwargs=FORGOTTEN)
        .update(args_kwargs=FORGOTTEN)
    )


@receiver(task_finished)
def forget_email_once_delivered(sender, task_result, **kwargs):
    # An error here would mark the delivered task failed: test the backend
    # itself (the sender is a class or an instance, depending on the backend).
    if isinstance(task_result.task.get_backend(), DatabaseBackend):
        forget_delivered_email(DBTaskResult.objects.filter(id=task_result.id))
