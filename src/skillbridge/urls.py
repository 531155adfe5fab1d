from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import include, path

from skillbridge.common.health import health, live
from skillbridge.portal import views as portal_views

# The admin site signs people in through allauth's sign-in, so its second
# factor and its attempt limits apply there too (set before its URLs are read).
admin.site.login = secure_admin_login(admin.site.login)

# Uploaded files are never served from a public URL: each download is a view
# that checks who is asking.
urlpatterns = [
    path("", portal_views.home, name="home"),
    path("health/", health, name="health"),
    path("health/live/", live, name="health_live"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include("allauth.urls")),
    path("dashboard/", portal_views.dashboard, name="dashboard"),
    path("dashboard/", include("skillbridge.people.urls")),
    path("mail/", include("skillbridge.portal.urls")),
    path("calls/", include("skillbridge.calls.urls")),
    path("review/", include("skillbridge.review.urls")),
    path("grants/", include("skillbridge.grants.urls")),
    path("experts/", include("skillbridge.experts.urls")),
    path("pairing/", include("skillbridge.pairing.urls")),
    path("missions/", include("skillbridge.missions.urls")),
    path("results/", include("skillbridge.results.urls")),
    path("api/v1/", include("skillbridge.api.urls")),
    path("exports/", include("skillbridge.common.urls")),
    path("admin/", admin.site.urls),
]

handler404 = "skillbridge.api.views.not_found"
handler500 = "skillbridge.api.views.server_error"
