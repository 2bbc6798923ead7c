"""Login lockout (django-axes) and request rate limits (django-ratelimit): the pages and keys they share.

Counters live in the default cache — the database cache, or Redis when REDIS_URL is set — so every
app server counts the same guesses. Lockouts live in axes' own table, which staff can clear in the admin.
"""

from __future__ import annotations

import math

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django_ratelimit.core import get_usage


def client_ip(request: HttpRequest) -> str:
    """The client's address: REMOTE_ADDR, or with TRUSTED_PROXIES=n the address n hops back in
    X-Forwarded-For (what the load balancer saw), so a client cannot choose its own address."""
    hops = settings.TRUSTED_PROXIES
    forwarded = [
        part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()
    ]
    if hops and len(forwarded) >= hops:
        return forwarded[-hops]
    return request.META.get("REMOTE_ADDR") or "0.0.0.0"  # noqa: S104 - a key, not a bind address


def wait_text(seconds: float) -> str:
    """ "about 40 seconds", "15 minutes", "2 hours" — how long to wait, in plain words."""
    seconds = max(1, math.ceil(seconds))
    if seconds < 90:
        return f"{seconds} seconds" if seconds != 1 else "1 second"
    minutes = math.ceil(seconds / 60)
    if minutes < 90:
        return f"{minutes} minutes"
    hours = math.ceil(minutes / 60)
    return f"{hours} hours"


class LoginThrottleBackend(AxesStandaloneBackend):
    """axes' lockout check for every sign-in that comes with a request (the login page and the admin's).

    ``authenticate()`` without a request (a shell, a management command, the test client's ``login``)
    is not a guess from the network, so it is not counted or refused here."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def locked_out(request: HttpRequest, original_response=None, credentials=None) -> HttpResponse:
    """axes' lockout page: who is locked, for how long, and that staff can lift it sooner."""
    wait = wait_text(settings.AXES_COOLOFF_TIME.total_seconds())
    context = {"wait": wait, "failure_limit": settings.AXES_FAILURE_LIMIT}
    return render(request, "registration/locked_out.html", context, status=429)


def rate_limited(request: HttpRequest, exception=None) -> HttpResponse:
    """RATELIMIT_VIEW: a view decorated with @ratelimit(block=True) was asked too often."""
    return too_many(request, "You have sent this form too often.", 60 * 60)


def too_many(request: HttpRequest, message: str, seconds: float) -> HttpResponse:
    response = render(request, "429.html", {"message": message, "wait": wait_text(seconds)}, status=429)
    response["Retry-After"] = str(max(1, math.ceil(seconds)))
    return response


JOIN_CODE_LIMITS = (("user_or_ip", "JOIN_CODE_RATE_USER"), ("ip", "JOIN_CODE_RATE_IP"))


def join_code_wait(request: HttpRequest) -> int | None:
    """Join codes are secrets of six characters, so wrong codes are counted per learner and per address.
    None while looking a code up is allowed, else the seconds until it is allowed again."""
    for key, rate in JOIN_CODE_LIMITS:
        usage = get_usage(request, group="join-code", key=key, rate=getattr(settings, rate))
        if usage is not None and usage["should_limit"]:
            return max(1, usage["time_left"])
    return None


def join_code_missed(request: HttpRequest) -> None:
    """Count one wrong code (a right one never counts: a class opening its quiz page is not guessing)."""
    for key, rate in JOIN_CODE_LIMITS:
        get_usage(request, group="join-code", key=key, rate=getattr(settings, rate), increment=True)
