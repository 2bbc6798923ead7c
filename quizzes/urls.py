from django.urls import path

from .views import study, teach

urlpatterns = [
    path("study/", study.study, name="study"),
    path("stats/", study.stats, name="stats"),
    path("teach/", teach.teach, name="teach"),
    path("join/", teach.join, name="join"),
]
