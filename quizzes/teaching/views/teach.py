"""Teacher pages: the quiz list, the quiz builder, results and exports.

Every page is the owner's only: another teacher's quiz id answers 404, as an unknown id does.
Views parse, call a service or selector, and render; refusals come back as TeachingError with
the HTTP status to answer.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from quizzes.interchange import FORMATS, export_filename
from quizzes.interchange import render as render_export
from quizzes.interchange.types import ImportFailed
from quizzes.models import Question, QuizItem
from quizzes.permissions import teacher_required
from quizzes.teaching import analysis
from quizzes.teaching import quizzes as quiz_services
from quizzes.teaching.errors import TeachingError
from quizzes.teaching.forms import ImportForm, ItemEditForm, QuizCreateForm, QuizSettingsForm
from quizzes.teaching.selectors import (
    SearchFilters,
    deck_for_quiz,
    item_content,
    question_search,
    quiz_for_owner,
    quiz_has_attempts,
    quiz_items,
    quiz_results,
    search_facets,
    teacher_quizzes,
)

BUILDER = "teach/builder.html"


def teacher_view(view):
    """Logged in and a teacher: anonymous visitors are sent to log in, learners get 404."""
    return teacher_required(view)


@teacher_view
@require_http_methods(["GET", "POST"])
def teach(request: HttpRequest) -> HttpResponse:
    form = QuizCreateForm(request.POST or None)
    status = 400 if request.method == "POST" else 200
    if request.method == "POST" and form.is_valid():
        try:
            quiz = quiz_services.quiz_create(owner=request.user, **form.cleaned_data)
        except TeachingError as error:
            form.add_error(None, error.message)
            status = error.status
        else:
            messages.success(request, f"Quiz “{quiz.title}” created. Now add some questions.")
            return redirect("teach_quiz", quiz_id=quiz.pk)
    return render(
        request, "teach/index.html", {"quizzes": teacher_quizzes(request.user), "form": form}, status=status
    )


def _filters(request: HttpRequest) -> SearchFilters:
    get = request.GET
    return SearchFilters(
        text=get.get("q", "").strip()[:200],
        document=get.get("document", "").strip(),
        section=get.get("section", "").strip() if get.get("document") else "",
        kind=get.get("kind", "").strip() if get.get("kind") in Question.Kind.values else "",
    )


def _builder_context(request: HttpRequest, quiz, **extra) -> dict:
    filters = _filters(request)
    items = quiz_items(quiz)
    in_quiz = {item.question_id for item in items}
    results = question_search(filters) if filters.active else []
    context = {
        "quiz": quiz,
        "items": [(item, item_content(item)) for item in items],
        "locked": quiz_has_attempts(quiz),
        "filters": filters,
        "results": results,
        "in_quiz": in_quiz,
        "facets": search_facets(filters.document),
        "settings_form": QuizSettingsForm(instance=quiz),
        "import_form": ImportForm(),
        "formats": FORMATS.values(),
        "join_url": request.build_absolute_uri(reverse("join_quiz", args=[quiz.join_code]))
        if quiz.join_code
        else "",
    }
    context.update(extra)
    return context


@teacher_view
@require_GET
def builder(request: HttpRequest, quiz_id: int) -> HttpResponse:
    quiz = quiz_for_owner(request.user, quiz_id)
    template = BUILDER
    if request.htmx:
        target = request.htmx.target or ""
        template += "#results" if target == "search-results" else "#search" if target == "search" else ""
    return render(request, template, _builder_context(request, quiz))


def _after_item_change(
    request: HttpRequest, quiz, *, status: int = 200, error: str = "", added_question: int | None = None
) -> HttpResponse:
    """htmx swaps the item list in place (and turns the search result's Add button into "In the quiz");
    without JavaScript the builder page is shown again."""
    if request.htmx:
        context = _builder_context(request, quiz, items_error=error)
        context["added_question"] = added_question
        return render(request, BUILDER + "#items", context, status=status)
    if error:
        messages.error(request, error)
        return render(request, BUILDER, _builder_context(request, quiz), status=status)
    return redirect("teach_quiz", quiz_id=quiz.pk)


def _int(value: str | None) -> int | None:
    try:
        return int(value or "")
    except ValueError:
        return None


@teacher_view
@require_POST
def item_add(request: HttpRequest, quiz_id: int) -> HttpResponse:
    quiz = quiz_for_owner(request.user, quiz_id)
    question_id = _int(request.POST.get("question"))
    if question_id is None:
        return _after_item_change(request, quiz, status=400, error="Choose a question to add.")
    try:
        _, created = quiz_services.quiz_item_add(quiz=quiz, question_id=question_id)
    except TeachingError as error:
        return _after_item_change(request, quiz, status=error.status, error=error.message)
    if not request.htmx:
        messages.success(request, "Question added." if created else "That question is already in the quiz.")
    return _after_item_change(request, quiz, added_question=question_id)


@teacher_view
@require_POST
def item_remove(request: HttpRequest, quiz_id: int, item_id: int) -> HttpResponse:
    quiz = quiz_for_owner(request.user, quiz_id)
    try:
        removed = quiz_services.quiz_item_remove(quiz=quiz, item_id=item_id)
    except TeachingError as error:
        return _after_item_change(request, quiz, status=error.status, error=error.message)
    if not removed:
        raise Http404("That question is not in this quiz.")
    if not request.htmx:
        messages.success(request, "Question removed.")
    return _after_item_change(request, quiz)


@teacher_view
@require_POST
def item_move(request: HttpRequest, quiz_id: int, item_id: int) -> HttpResponse:
    quiz = quiz_for_owner(request.user, quiz_id)
    if not QuizItem.objects.filter(quiz=quiz, pk=item_id).exists():
        raise Http404("That question is not in this quiz.")
    try:
        quiz_services.quiz_item_move(quiz=quiz, item_id=item_id, direction=request.POST.get("direction", ""))
    except TeachingError as error:
        return _after_item_change(request, quiz, status=error.status, error=error.message)
    return _after_item_change(request, quiz)


@teacher_view
@require_http_methods(["GET", "POST"])
def item_edit(request: HttpRequest, quiz_id: int, item_id: int) -> HttpResponse:
    quiz = quiz_for_owner(request.user, quiz_id)
    item = QuizItem.objects.filter(quiz=quiz, pk=item_id).with_source().first()
    if item is None:
        raise Http404("That question is not in this quiz.")
    content = item_content(item)
    form = ItemEditForm(request.POST or None, content=content)
    errors: list[str] = []
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                quiz_services.quiz_item_edit(quiz=quiz, item=item, **form.edit_arguments())
            except TeachingError as error:
                errors, status = error.messages, error.status
            else:
                messages.success(request, "Question saved for this quiz.")
                return redirect("teach_quiz", quiz_id=quiz.pk)
    return render(
        request,
        "teach/item_edit.html",
        {
            "quiz": quiz,
            "item": item,
            "content": content,
            "form": form,
            "errors": errors,
            "locked": quiz_has_attempts(quiz),
        },
        status=status,
    )


@teacher_view
@require_POST
def quiz_settings(request: HttpRequest, quiz_id: int) -> HttpResponse:
    quiz = quiz_for_owner(request.user, quiz_id)
    form = QuizSettingsForm(request.POST, instance=quiz)
    if form.is_valid():
        form.save()
        messages.success(request, "Settings saved.")
        return redirect("teach_quiz", quiz_id=quiz.pk)
    quiz.refresh_from_db()
    return render(request, BUILDER, _builder_context(request, quiz, settings_form=form), status=400)


@teacher_view
@require_POST
def quiz_state(request: HttpRequest, quiz_id: int, action: str) -> HttpResponse:
    """Publish, close or reopen."""
    quiz = quiz_for_owner(request.user, quiz_id)
    try:
        if action == "publish":
            quiz_services.quiz_publish(quiz=quiz)
            messages.success(request, f"Published. Learners join with the code {quiz.join_code}.")
        elif action == "close":
            finished = quiz_services.quiz_close(quiz=quiz)
            note = f" {finished} attempt(s) in progress were submitted." if finished else ""
            messages.success(request, "Closed: no new attempts or answers." + note)
        elif action == "reopen":
            quiz_services.quiz_reopen(quiz=quiz)
            messages.success(request, "Reopened: learners can start attempts again.")
        else:
            raise Http404("Unknown action.")
    except TeachingError as error:
        messages.error(request, error.message)
        return render(request, BUILDER, _builder_context(request, quiz), status=error.status)
    return redirect("teach_quiz", quiz_id=quiz.pk)


@teacher_view
@require_POST
def quiz_import(request: HttpRequest, quiz_id: int) -> HttpResponse:
    quiz = quiz_for_owner(request.user, quiz_id)
    form = ImportForm(request.POST, request.FILES)
    import_errors: list[str] = []
    status = 400
    if form.is_valid():
        try:
            items = quiz_services.quiz_import(
                quiz=quiz, text=form.cleaned_data["text"], fmt=form.cleaned_data["format"]
            )
        except ImportFailed as failure:
            import_errors = [str(error) for error in failure.errors]
        except TeachingError as error:
            import_errors, status = error.messages, error.status
        else:
            messages.success(request, f"Imported {len(items)} question(s).")
            return redirect("teach_quiz", quiz_id=quiz.pk)
    context = _builder_context(request, quiz, import_form=form, import_errors=import_errors)
    return render(request, BUILDER, context, status=status)


@teacher_view
@require_GET
def results(request: HttpRequest, quiz_id: int) -> HttpResponse:
    quiz = quiz_for_owner(request.user, quiz_id)
    return render(request, "teach/results.html", {"quiz": quiz, "results": quiz_results(quiz)})


def _csv_response(text: str, filename: str) -> HttpResponse:
    response = HttpResponse(text.encode("utf-8-sig"), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@teacher_view
@require_GET
def results_csv(request: HttpRequest, quiz_id: int) -> HttpResponse:
    """One row per attempt with the learner's grade, for a spreadsheet."""
    quiz = quiz_for_owner(request.user, quiz_id)
    data = quiz_results(quiz)
    text = analysis.attempts_to_csv(data.attempts, data.learners, grading=quiz.get_grading_display())
    return _csv_response(text, f"quiz-{quiz.pk}-results.csv")


@teacher_view
@require_GET
def stats_csv(request: HttpRequest, quiz_id: int) -> HttpResponse:
    quiz = quiz_for_owner(request.user, quiz_id)
    data = quiz_results(quiz)
    return _csv_response(
        analysis.analysis_to_csv(data.analysis, labels=data.labels), f"quiz-{quiz.pk}-questions.csv"
    )


@teacher_view
@require_GET
def export(request: HttpRequest, quiz_id: int, fmt: str) -> HttpResponse:
    quiz = quiz_for_owner(request.user, quiz_id)
    export_format = FORMATS.get(fmt)
    if export_format is None:
        raise Http404("Unknown export format.")
    deck = deck_for_quiz(quiz)
    if not deck.questions:
        messages.error(request, "Add questions before exporting.")
        return render(request, BUILDER, _builder_context(request, quiz), status=409)
    response = HttpResponse(render_export(deck, fmt), content_type=export_format.content_type)
    response["Content-Disposition"] = f'attachment; filename="{export_filename(deck, export_format)}"'
    return response
