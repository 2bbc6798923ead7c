"""Site pages that belong to no domain: home (what is waiting today), sign-up, and the health check."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.forms import UserCreationForm
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from quizzes.study import selectors
from quizzes.study.services import profile_for


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
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # noqa: BLE001 - any database failure means "unhealthy"
        return JsonResponse({"status": "error", "database": type(exc).__name__}, status=503)
    return JsonResponse({"status": "ok", "database": connection.vendor})


class SignupForm(UserCreationForm):
    """Username and password (password1/password2), nothing else: learners can start at once."""


@require_http_methods(["GET", "POST"])
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
