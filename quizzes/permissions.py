"""Who may do what. Every user is a learner; teachers are a group an admin grants; staff reach the admin."""

from django.conf import settings
from django.contrib.auth.decorators import user_passes_test


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


teacher_required = user_passes_test(is_teacher)
