from allauth.mfa.models import Authenticator
from django import forms
from django.conf import settings

from hearthside.errors import UserError

from . import services
from .days import is_known_time_zone
from .models import RelationshipKind


class SignupDetailsForm(forms.Form):
    """What allauth's sign-up form asks beyond email and password."""

    display_name = forms.CharField(
        label="What should your partner see as your name?",
        max_length=services.DISPLAY_NAME_MAX,
        widget=forms.TextInput(attrs={"autocomplete": "nickname"}),
    )
    # Filled in from the browser's clock by static/js/hearthside.js.
    time_zone = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean_display_name(self):
        try:
            return services.clean_display_name(self.cleaned_data["display_name"])
        except UserError as error:
            raise forms.ValidationError(error.message) from error

    def clean_time_zone(self):
        zone = self.cleaned_data.get("time_zone") or ""
        return zone if is_known_time_zone(zone) else settings.DEFAULT_TIME_ZONE

    def signup(self, request, user):
        user.display_name = self.cleaned_data["display_name"]
        user.time_zone = self.cleaned_data["time_zone"]
        user.save(update_fields=["display_name", "time_zone"])


class JoinForm(forms.Form):
    code = forms.CharField(
        label="Invitation code",
        max_length=40,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )


class PersonForm(forms.Form):
    display_name = forms.CharField(label="Your name", max_length=services.DISPLAY_NAME_MAX)
    time_zone = forms.CharField(
        label="Your time zone",
        max_length=64,
        help_text="Your day begins at 4 am in this time zone.",
        widget=forms.TextInput(attrs={"list": "time-zones", "autocomplete": "off"}),
    )
    language = forms.ChoiceField(label="Language", choices=settings.LANGUAGES)


class PairForm(forms.Form):
    kind = forms.ChoiceField(label="We are", choices=RelationshipKind.choices)
    together_since = forms.DateField(
        label="Together since",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )


class DeleteAccountForm(forms.Form):
    """Who is deleting their account: the service checks what is filled in."""

    password = forms.CharField(
        label="Your password",
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    code = forms.CharField(
        label="A code from your authenticator app, or a recovery code",
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "spellcheck": "false"}),
    )

    def __init__(self, person, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not Authenticator.objects.filter(user=person).exists():
            del self.fields["code"]
