"""EMAIL_URL parsing and the wait wording of the throttle pages: pure functions."""

import pytest

from config.mail import CONSOLE, SMTP, mail_backend
from config.throttles import wait_text


def test_no_url_prints_mails_to_the_console():
    assert mail_backend("") == {"BACKEND": CONSOLE}
    assert mail_backend("console://") == {"BACKEND": CONSOLE}


def test_smtp_url_with_starttls_and_an_encoded_password():
    backend = mail_backend("smtp://mailer%40example.org:p%40ss%3Aword@mail.example.org:2525?timeout=5")
    assert backend["BACKEND"] == SMTP
    assert backend["OPTIONS"] == {
        "host": "mail.example.org",
        "port": 2525,
        "username": "mailer@example.org",
        "password": "p@ss:word",
        "use_tls": True,
        "use_ssl": False,
        "timeout": 5,
    }


@pytest.mark.parametrize(
    "url, port, tls, ssl",
    [("smtps://h", 465, False, True), ("smtp+plain://h", 25, False, False), ("smtp://h", 587, True, False)],
)
def test_schemes_choose_port_and_encryption(url, port, tls, ssl):
    options = mail_backend(url)["OPTIONS"]
    assert (options["port"], options["use_tls"], options["use_ssl"]) == (port, tls, ssl)


def test_an_unknown_scheme_is_refused_with_the_ones_it_knows():
    with pytest.raises(ValueError, match="smtp://, smtps://"):
        mail_backend("http://mail.example.org")


@pytest.mark.parametrize(
    "seconds, text", [(1, "1 second"), (40.2, "41 seconds"), (15 * 60, "15 minutes"), (3 * 3600, "3 hours")]
)
def test_waits_are_said_in_plain_words(seconds, text):
    assert wait_text(seconds) == text
