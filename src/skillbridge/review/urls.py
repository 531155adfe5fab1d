from django.urls import path

from skillbridge.review.views import decisions, officer, outcome, reserve, reviewer

app_name = "review"

urlpatterns = [
    path("", officer.index, name="index"),
    path("mine/", reviewer.mine, name="mine"),
    path("assignments/<int:pk>/declare/", reviewer.declare, name="declare"),
    path("assignments/<int:pk>/", reviewer.review, name="review"),
    path("calls/<int:call_pk>/next/", reviewer.next_review, name="next"),
    path("calls/<int:pk>/panel/", officer.pool, name="pool"),
    path("calls/<int:pk>/panel/<int:member_pk>/remove/", officer.pool_remove, name="pool_remove"),
    path("calls/<int:pk>/assignments/", officer.assignments, name="assignments"),
    path("calls/<int:pk>/assignments/run/", officer.assignment_run, name="assignment_run"),
    path(
        "calls/<int:pk>/assignments/<int:review_pk>/remove/",
        officer.assignment_remove,
        name="assignment_remove",
    ),
    path("calls/<int:pk>/ranking/", officer.ranking, name="ranking"),
    path("calls/<int:pk>/selection/", decisions.selection, name="selection"),
    path("calls/<int:pk>/decisions/", decisions.decisions, name="decisions"),
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
