"""Learner pages: the study loop and statistics."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


@login_required
def study(request: HttpRequest) -> HttpResponse:
    return render(request, "study/study.html", {})


@login_required
def stats(request: HttpRequest) -> HttpResponse:
    return render(request, "study/stats.html", {})
