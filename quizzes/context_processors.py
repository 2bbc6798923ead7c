from .permissions import is_teacher


def roles(request):
    """Lets the navigation show what fits the user's role without each view passing it."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"is_teacher": False, "is_staff": False}
    return {"is_teacher": is_teacher(user), "is_staff": user.is_staff}
