"""Learner pages: join a quiz by code or link, answer one question per page, finish, review.

The server is the authority on time: every page of an attempt first finishes it when its
deadline has passed, and a late answer is refused (409). Each answer is saved as it is posted,
so a reload or a lost connection loses nothing: the attempt page shows the saved answers in the
attempt's own question and option order.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from config import throttles
from quizzes.models import Quiz
from quizzes.teaching import attempts as attempt_services
from quizzes.teaching.errors import InvalidAnswer, TeachingError
from quizzes.teaching.forms import JoinForm
from quizzes.teaching.selectors import (
    attempt_for_user,
    attempt_slot,
    attempt_slots,
    learner_attempts,
    learner_grade,
    quiz_by_code,
)


@login_required
@require_GET
def join(request: HttpRequest) -> HttpResponse:
    """The join form; ?code=… looks the code up (the form uses GET, so a code is also a shareable link)."""
    if "code" not in request.GET:
        return render(request, "take/join.html", {"form": JoinForm()})
    form = JoinForm(request.GET)
    if not form.is_valid():
        return render(request, "take/join.html", {"form": form}, status=400)
    if (wait := throttles.join_code_wait(request)) is not None:
        return _too_many_codes(request, wait)
    code = form.cleaned_data["code"]
    quiz = quiz_by_code(code)
    if quiz is None:
        throttles.join_code_missed(request)
        form.add_error("code", f"No quiz has the code “{code.strip()}”. Check it with your teacher.")
        return render(request, "take/join.html", {"form": form}, status=404)
    return redirect("join_quiz", code=quiz.join_code)


def _too_many_codes(request: HttpRequest, wait: int) -> HttpResponse:
    return throttles.too_many(request, "You have tried a lot of join codes that do not exist.", wait)


def _published_quiz(request: HttpRequest, code: str) -> Quiz | HttpResponse:
    if (wait := throttles.join_code_wait(request)) is not None:
        return _too_many_codes(request, wait)
    quiz = quiz_by_code(code)
    if quiz is None:
        throttles.join_code_missed(request)
        form = JoinForm({"code": code})
        form.is_valid()
        form.add_error("code", f"No quiz has the code “{code}”. Check it with your teacher.")
        return render(request, "take/join.html", {"form": form}, status=404)
    return quiz


def _landing(request: HttpRequest, quiz: Quiz, *, error: str = "", status: int = 200) -> HttpResponse:
    attempts = attempt_services.learner_attempts_current(quiz=quiz, user=request.user)
    in_progress = next((a for a in attempts if a.finished_at is None), None)
    used = len(attempts)
    left = None if not quiz.attempts_allowed else max(0, quiz.attempts_allowed - used)
    context = {
        "quiz": quiz,
        "attempts": attempts,
        "in_progress": in_progress,
        "attempts_left": left,
        "grade": learner_grade(quiz, attempts),
        "question_count": quiz.items.count(),
        "error": error,
    }
    return render(request, "take/landing.html", context, status=status)


@login_required
@require_GET
def quiz_landing(request: HttpRequest, code: str) -> HttpResponse:
    if code != code.upper():
        return redirect("join_quiz", code=code.upper())
    quiz = _published_quiz(request, code)
    if isinstance(quiz, HttpResponse):
        return quiz
    return _landing(request, quiz)


@login_required
@require_POST
def attempt_begin(request: HttpRequest, code: str) -> HttpResponse:
    quiz = _published_quiz(request, code.upper())
    if isinstance(quiz, HttpResponse):
        return quiz
    try:
        attempt = attempt_services.attempt_start(quiz=quiz, user=request.user)
    except TeachingError as error:
        return _landing(request, quiz, error=error.message, status=error.status)
    return redirect("attempt_resume", attempt_id=attempt.pk)


def _to_review(request: HttpRequest, attempt) -> HttpResponse:
    if attempt.timed_out:
        messages.warning(
            request,
            "Time ran out (or the quiz was closed), so your attempt was submitted with the answers you gave.",
        )
    return redirect("attempt_review", attempt_id=attempt.pk)


@login_required
@require_GET
@never_cache
def attempt_resume(request: HttpRequest, attempt_id: int) -> HttpResponse:
    """Back to the first unanswered question (or the review once finished)."""
    attempt = attempt_services.attempt_current(user=request.user, attempt_id=attempt_id)
    if attempt.finished_at is not None:
        return redirect("attempt_review", attempt_id=attempt.pk)
    slots = attempt_slots(attempt)
    number = next((s.number for s in slots if not s.answered), None)
    if number is None:
        return redirect("attempt_finish", attempt_id=attempt.pk)
    return redirect("attempt_question", attempt_id=attempt.pk, number=number)


def _question_page(
    request: HttpRequest, attempt, number: int, *, error: str = "", note: str = "", status: int = 200
) -> HttpResponse:
    slot, slots = attempt_slot(attempt, number)
    immediate = attempt.quiz.feedback_is_immediate
    context = {
        "attempt": attempt,
        "quiz": attempt.quiz,
        "slot": slot,
        "slots": slots,
        "total": len(slots),
        "answered_count": sum(1 for s in slots if s.answered),
        "show_feedback": immediate and slot.answered,
        "locked": immediate and slot.answered,
        "next_number": number + 1 if number < len(slots) else None,
        "error": error,
        "note": note,
        "now": timezone.now(),
    }
    return render(request, "take/question.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
@never_cache
def attempt_question(request: HttpRequest, attempt_id: int, number: int) -> HttpResponse:
    if request.method == "GET":
        attempt = attempt_services.attempt_current(user=request.user, attempt_id=attempt_id)
        if attempt.finished_at is not None:
            return _to_review(request, attempt)
        return _question_page(request, attempt, number)
    attempt = attempt_for_user(request.user, attempt_id)
    slot, slots = attempt_slot(attempt, number)
    raw = request.POST.get("answer", "")
    if slot.content.is_choice:  # the page posts the option's position on screen, never its stored index
        picked = next((o for o in slot.shown_options if str(o.key) == raw.strip()), None)
        if picked is None:
            return _question_page(request, attempt, number, error="Pick one of the options.", status=400)
        raw = str(picked.index)
    try:
        attempt_services.attempt_answer(attempt=attempt, item_id=slot.content.item_id, raw=raw)
    except InvalidAnswer as error:
        return _question_page(request, attempt, number, error=error.message, status=error.status)
    except TeachingError as error:
        attempt.refresh_from_db()
        return render(
            request, "take/refused.html", {"attempt": attempt, "message": error.message}, status=error.status
        )
    if attempt.quiz.feedback_is_immediate or request.POST.get("go") == "stay":
        return redirect("attempt_question", attempt_id=attempt.pk, number=number)
    if number < len(slots):
        return redirect("attempt_question", attempt_id=attempt.pk, number=number + 1)
    return redirect("attempt_finish", attempt_id=attempt.pk)


@login_required
@require_http_methods(["GET", "POST"])
@never_cache
def attempt_finish(request: HttpRequest, attempt_id: int) -> HttpResponse:
    """A summary of what is answered, and the button that submits the attempt."""
    attempt = attempt_services.attempt_current(user=request.user, attempt_id=attempt_id)
    if attempt.finished_at is not None:
        return _to_review(request, attempt)
    if request.method == "POST":
        attempt_services.attempt_finish(attempt=attempt)
        return redirect("attempt_review", attempt_id=attempt.pk)
    slots = attempt_slots(attempt)
    return render(
        request,
        "take/finish.html",
        {
            "attempt": attempt,
            "quiz": attempt.quiz,
            "slots": slots,
            "unanswered": [s for s in slots if not s.answered],
            "answered": sum(1 for s in slots if s.answered),
            "now": timezone.now(),
        },
    )


@login_required
@require_GET
@never_cache
def attempt_review(request: HttpRequest, attempt_id: int) -> HttpResponse:
    attempt = attempt_services.attempt_current(user=request.user, attempt_id=attempt_id)
    if attempt.finished_at is None:
        return redirect("attempt_resume", attempt_id=attempt.pk)
    attempts = learner_attempts(attempt.quiz, request.user)
    slots = attempt_slots(attempt)
    return render(
        request,
        "take/review.html",
        {
            "attempt": attempt,
            "quiz": attempt.quiz,
            "slots": slots,
            "right": sum(1 for s in slots if s.response and s.response.correct),
            "grade": learner_grade(attempt.quiz, attempts),
        },
    )
