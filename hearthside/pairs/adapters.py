from allauth.account.adapter import DefaultAccountAdapter

from . import ratelimits


class AccountAdapter(DefaultAccountAdapter):
    def populate_username(self, request, user):
        """There are no usernames: people sign in with their email address."""

    def pre_authenticate(self, request, **credentials):
        """allauth counts failures here per address from every client, which
        lets a stranger lock a person out; ``authenticate`` counts them per
        address and client instead (see ratelimits)."""

    def authenticate(self, request, **credentials):
        """The password check of the sign-in page, re-authentication and the
        API token: a failure counts towards the limits, a success does not."""
        attempt = ratelimits.count_attempt(
            request, "sign_in_failed", credentials.get("email") or ""
        )
        user = super().authenticate(request, **credentials)
        if user is not None:
            attempt.rollback()
        return user

    def send_mail(self, template_prefix, email, context):
        if ratelimits.may_send_unasked_mail(template_prefix, email):
            super().send_mail(template_prefix, email, context)
