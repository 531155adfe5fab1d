from django.urls import path

from skillbridge.review.views import (
    decisions,
    officer,
    outcome,
    previews,
    ranking,
    reserve,
    reviewer,
)

app_name = "review"

urlpatterns = [
    path("", officer.index, name="index"),
    path("mine/", reviewer.mine, name="mine"),
    path("assignments/<int:pk>/declare/", reviewer.declare, name="declare"),
    path("assignments/<int:pk>/", reviewer.review, name="review"),
    path(
        "assignments/<int:pk>/documents/<int:attachment_pk>/",
        reviewer.attachment,
        name="attachment",
    ),
    path("calls/<int:call_pk>/next/", reviewer.next_review, name="next"),
    path("calls/<int:pk>/panel/", officer.pool, name="pool"),
    path("calls/<int:pk>/panel/<int:member_pk>/remove/", officer.pool_remove, name="pool_remove"),
    path("calls/<int:pk>/assignments/", officer.assignments, name="assignments"),
    path("calls/<int:pk>/assignments/run/", previews.assignment_run, name="assignment_run"),
    path(
        "calls/<int:pk>/assignments/<int:review_pk>/remove/",
        officer.assignment_remove,
        name="assignment_remove",
    ),
    path("calls/<int:pk>/ranking/", ranking.ranking, name="ranking"),
    path(
        "calls/<int:pk>/ranking/export/<str:file_format>/",
        ranking.ranking_export,
        name="ranking_export",
    ),
    path(
        "calls/<int:pk>/proposals/<int:proposal_pk>/reviews/",
        ranking.proposal_reviews,
        name="proposal_reviews",
    ),
    path("calls/<int:pk>/selection/", decisions.selection, name="selection"),
    path("calls/<int:pk>/decisions/", decisions.decisions, name="decisions"),
    path("calls/<int:pk>/decisions/release/", previews.release, name="release"),
    path("calls/<int:pk>/decisions/<int:proposal_pk>/", decisions.decide, name="decide"),
    path(
        "calls/<int:pk>/decisions/<int:proposal_pk>/disqualify/",
        reserve.disqualify,
        name="disqualify",
    ),
    path("calls/<int:pk>/reserve/", reserve.reserve, name="reserve"),
    path("outcomes/", outcome.outcomes, name="outcomes"),
    path("outcomes/<int:pk>/", outcome.outcome, name="outcome"),
]
