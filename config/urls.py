from django.contrib import admin
from django.urls import include, path

from quizzes.views import core

admin.site.site_header = "Factdeck administration"
admin.site.site_title = "Factdeck admin"

urlpatterns = [
    path("", core.home, name="home"),
    path("healthz", core.healthz, name="healthz"),
    path("accounts/signup/", core.signup, name="signup"),
    path("accounts/password_reset/", core.PasswordReset.as_view(), name="password_reset"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("admin/", admin.site.urls),
    path("", include("quizzes.urls")),
]
