"""Who may do what. Every user is a learner; teachers are a group an admin grants; staff reach the admin."""

from functools import wraps

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404


def is_teacher(user) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    # Cached on the user object for the request: navigation asks on every page.
    cached = getattr(user, "_factdeck_is_teacher", None)
    if cached is None:
        cached = user.groups.filter(name=settings.TEACHERS_GROUP).exists()
        user._factdeck_is_teacher = cached
    return cached


def teacher_required(view):
    """Anonymous visitors are sent to log in; a logged-in learner gets 404, as for any page that is not theirs
    (a teacher page's existence is not advertised to learners)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not is_teacher(request.user):
            raise Http404("Teacher pages are only for teachers.")
        return view(request, *args, **kwargs)

    return login_required(wrapped)
