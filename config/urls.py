from django.contrib import admin
from django.urls import include, path

from config import site_views

admin.site.site_header = "Factdeck administration"
admin.site.site_title = "Factdeck admin"

urlpatterns = [
    path("", site_views.home, name="home"),
    path("healthz", site_views.healthz, name="healthz"),
    path("accounts/signup/", site_views.signup, name="signup"),
    path("accounts/password_reset/", site_views.PasswordReset.as_view(), name="password_reset"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("admin/", admin.site.urls),
    path("", include("quizzes.urls")),
]
