"""Request guards that apply to every view."""

from django.http import HttpRequest
from django.shortcuts import render


class RejectNulBytesMiddleware:
    """Answer 400 to a request whose path, query or form values contain a NUL character.

    No person types one; PostgreSQL cannot store one in text, so without this guard such a value
    reaches the database and fails there as a server error. (Uploaded files are checked by their importer.)
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        if self._has_nul(request):
            return render(
                request, "400.html", {"reason": "The request contained a NUL character."}, status=400
            )
        return self.get_response(request)

    @staticmethod
    def _has_nul(request: HttpRequest) -> bool:
        if "\x00" in request.path:
            return True
        sources = [request.GET, request.POST] if request.method == "POST" else [request.GET]
        for data in sources:
            for key, values in data.lists():
                if "\x00" in key or any("\x00" in value for value in values):
                    return True
        return False
