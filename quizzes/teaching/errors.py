"""What the teaching rules refuse; each error carries the HTTP status a view answers with."""


class TeachingError(Exception):
    """A request the rules refuse; ``status`` is the HTTP status a view answers with."""

    status = 400

    def __init__(self, message: str, *, messages: list[str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.messages = messages or [message]


class QuizLocked(TeachingError):
    status = 409


class QuizNotOpen(TeachingError):
    status = 403


class NoAttemptsLeft(TeachingError):
    status = 403


class TimeUp(TeachingError):
    status = 409


class AttemptFinished(TeachingError):
    status = 409


class InvalidAnswer(TeachingError):
    status = 400
