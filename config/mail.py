"""EMAIL_URL → a MAILERS entry: ``smtp://user:pass@host:587`` (STARTTLS), ``smtps://user:pass@host:465``
(TLS from the start), ``smtp+plain://host:25`` (no encryption, for a relay on the same host), or
``console://`` / empty (mails printed to the console, the development default). Pure: no Django needed."""

from __future__ import annotations

from urllib.parse import parse_qs, unquote, urlsplit

CONSOLE = "django.core.mail.backends.console.EmailBackend"
SMTP = "django.core.mail.backends.smtp.EmailBackend"
DEFAULT_PORTS = {"smtp": 587, "smtps": 465, "smtp+plain": 25}


def mail_backend(url: str) -> dict:
    """The MAILERS["default"] dict for an EMAIL_URL; ValueError for a scheme it does not know."""
    if not url or url.strip() in {"console://", "console:"}:
        return {"BACKEND": CONSOLE}
    parts = urlsplit(url.strip())
    if parts.scheme not in DEFAULT_PORTS:
        raise ValueError(
            f"EMAIL_URL must start with smtp://, smtps://, smtp+plain:// or console://, not {url!r}"
        )
    query = parse_qs(parts.query)
    return {
        "BACKEND": SMTP,
        "OPTIONS": {
            "host": parts.hostname or "localhost",
            "port": parts.port or DEFAULT_PORTS[parts.scheme],
            "username": unquote(parts.username or ""),
            "password": unquote(parts.password or ""),
            "use_tls": parts.scheme == "smtp",
            "use_ssl": parts.scheme == "smtps",
            "timeout": int(query.get("timeout", ["10"])[0]),
        },
    }
