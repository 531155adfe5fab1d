from django.urls import path
from drf_spectacular.views import SpectacularAPIView

from skillbridge.api import assignments, calls, experts, grants, views
from skillbridge.api import missions as missions_api
from skillbridge.api import pairing as pairing_api
from skillbridge.api import results as results_api
from skillbridge.api import review as review_api
from skillbridge.api.docs import DocsView
from skillbridge.api.routers import IdRouter

app_name = "api"

call_routes = IdRouter()
call_routes.register("calls", calls.CallViewSet, basename="call")
call_routes.register("proposals", calls.ProposalViewSet, basename="proposal")

grant_routes = IdRouter()
grant_routes.register("grants", grants.GrantViewSet, basename="grant")

pairing_routes = IdRouter()
pairing_routes.register("matching-runs", pairing_api.MatchingRunViewSet, basename="matching-run")
pairing_routes.register("pairings", pairing_api.PairingViewSet, basename="pairing")

mission_routes = IdRouter()
mission_routes.register("missions", missions_api.MissionViewSet, basename="mission")

review_routes = IdRouter()
review_routes.register("reviews", review_api.ReviewViewSet, basename="review")

urlpatterns = [
    path("", views.RootView.as_view(), name="root"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", DocsView.as_view(url_name="api:schema"), name="docs"),
    path("auth/token/", views.TokenView.as_view(), name="token"),
    path("me/", views.MeView.as_view(), name="me"),
    path("experts/", experts.ExpertListView.as_view(), name="experts"),
    path("experts/me/", experts.ExpertMeView.as_view(), name="experts_me"),
    path("indicators/", results_api.IndicatorListView.as_view(), name="indicators"),
    path("calls/<int:pk>/ranking/", review_api.RankingView.as_view(), name="call-ranking"),
    path("assignments/", assignments.OwnAssignmentListView.as_view(), name="assignments"),
    path("conflicts/", assignments.OwnConflictListView.as_view(), name="conflicts"),
    path(
        "calls/<int:pk>/assignments/",
        assignments.CallAssignmentListView.as_view(),
        name="call-assignments",
    ),
    path(
        "calls/<int:pk>/conflicts/",
        assignments.CallConflictListView.as_view(),
        name="call-conflicts",
    ),
    *review_routes.urls,
    *call_routes.urls,
    *grant_routes.urls,
    *pairing_routes.urls,
    *mission_routes.urls,
]
