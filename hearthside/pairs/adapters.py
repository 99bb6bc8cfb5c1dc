from allauth.account.adapter import DefaultAccountAdapter

from . import ratelimits


class AccountAdapter(DefaultAccountAdapter):
    def populate_username(self, request, user):
        """There are no usernames: people sign in with their email address."""

    def send_mail(self, template_prefix, email, context):
        if ratelimits.may_send_unasked_mail(template_prefix, email):
            super().send_mail(template_prefix, email, context)
