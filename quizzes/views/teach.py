"""Teacher pages (quiz builder, results) and the learner's way into a quiz."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from ..permissions import teacher_required


@login_required
@teacher_required
def teach(request: HttpRequest) -> HttpResponse:
    return render(request, "teach/index.html", {})


@login_required
def join(request: HttpRequest) -> HttpResponse:
    return render(request, "teach/join.html", {})
