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


class NotPaired(UserError):
    status_code = 409

    def __init__(self, message: str = "This needs a partner. Invite yours first."):
        super().__init__(message)
