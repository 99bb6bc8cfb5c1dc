"""Errors a person can act on. Services raise them; the web views show the
message beside the form, the API returns it as JSON with the status code."""


class UserError(Exception):
    status_code = 400

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class NotFound(UserError):
    """Also raised for rows that exist but belong to someone else: a foreign id
    must be indistinguishable from a missing one."""

    status_code = 404

    def __init__(self, message: str = "We couldn't find that."):
        super().__init__(message)


class Conflict(UserError):
    status_code = 409


class TooManyAttempts(UserError):
    """Raised by the limits on sign-in, sign-up and password reset; the answer
    tells how many seconds to wait in its Retry-After header."""

    status_code = 429

    def __init__(self, retry_after: int):
        minutes = -(-retry_after // 60)
        wait = "a minute" if minutes == 1 else f"{minutes} minutes"
        super().__init__(f"That's a lot of tries in a short time. Please try again in {wait}.")
        self.retry_after = retry_after


class NotPaired(UserError):
    status_code = 409

    def __init__(self, message: str = "This needs a partner. Invite yours first."):
        super().__init__(message)


class UnstorableText(UserError):
    def __init__(self):
        super().__init__(
            "Please send plain text: the request holds a character that can't be stored "
            "(a NUL character or a lone UTF-16 surrogate)."
        )


def refuse_unstorable_text(value) -> None:
    """PostgreSQL refuses NUL in text, and a lone surrogate (valid in JSON as
    "\\ud800") cannot be encoded at all: refuse both before any query runs."""
    if isinstance(value, str):
        if "\x00" in value:
            raise UnstorableText()
        try:
            value.encode()
        except UnicodeEncodeError as unencodable:
            raise UnstorableText() from unencodable
    elif isinstance(value, dict):
        for key, item in value.items():
            refuse_unstorable_text(key)
            refuse_unstorable_text(item)
    elif isinstance(value, list):
        for item in value:
            refuse_unstorable_text(item)
