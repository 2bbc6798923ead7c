"""Site pages that belong to no domain: home (what is waiting today), sign-up, and the health check."""

import logging
import smtplib
import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.forms import PasswordResetForm, UserCreationForm
from django.contrib.auth.views import PasswordResetView
from django.core.mail import EmailMultiAlternatives
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods
from django_ratelimit.decorators import ratelimit

from quizzes.study import selectors
from quizzes.study.services import profile_for

logger = logging.getLogger(__name__)


def home(request: HttpRequest) -> HttpResponse:
    """The front page; a logged-in learner also sees what is waiting for them today."""
    queue = None
    if request.user.is_authenticated:
        profile = profile_for(request.user)
        queue = selectors.study_queue(request.user, profile, selectors.Deck(), timezone.now())
    return render(request, "home.html", {"queue": queue})


@require_GET
@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """Answers 200 after a real database round trip, so a load balancer drops a node that lost its database."""
    started = time.perf_counter()
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # noqa: BLE001 - any database failure means "unhealthy"; what it was stays in the logs
        logger.exception("Health check: the database did not answer")
        return JsonResponse({"status": "error"}, status=503)
    # The round-trip time, not the engine's name: a probe learns how healthy the node is, not what it runs.
    return JsonResponse({"status": "ok", "database_ms": round((time.perf_counter() - started) * 1000, 2)})


class SignupForm(UserCreationForm):
    """Username, password (password1/password2) and an optional email: learners can start at once."""

    class Meta(UserCreationForm.Meta):
        fields = ("username", "email")
        help_texts = {"email": "Optional. Only needed to reset your password if you forget it."}


@require_http_methods(["GET", "POST"])
@ratelimit(key="ip", rate=lambda group, request: settings.SIGNUP_RATE, method="POST", block=True)
def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("home")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, f"Welcome to Factdeck, {user.username}! Your account is ready.")
        return redirect("home")
    status = 400 if request.method == "POST" else 200
    return render(request, "registration/signup.html", {"form": form}, status=status)


class HonestPasswordResetForm(PasswordResetForm):
    """Django's reset form logs a failed send and carries on; this one lets the failure reach the view."""

    def send_mail(self, subject_template_name, email_template_name, context, from_email, to_email, **kwargs):
        subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        body = loader.render_to_string(email_template_name, context)
        EmailMultiAlternatives(subject, body, from_email, [to_email]).send()


class PasswordReset(PasswordResetView):
    """The reset page, honest when the mail cannot be sent instead of saying "check your email"."""

    form_class = HonestPasswordResetForm

    def form_valid(self, form: PasswordResetForm) -> HttpResponse:
        try:
            return super().form_valid(form)
        except (OSError, smtplib.SMTPException):  # refused, unreachable, timed out
            logger.exception("Password reset: the mail could not be sent")
            form.add_error(
                None,
                "We could not send the email just now, so no link is on its way. "
                "Please try again in a few minutes, or ask a member of staff to reset your password.",
            )
            return self.render_to_response(self.get_context_data(form=form), status=503)
