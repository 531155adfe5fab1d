from django.urls import path

from skillbridge.pairing.views import answers, college, officer, team

app_name = "pairing"

urlpatterns = [
    path("", officer.index, name="index"),
    path("mine/", answers.mine, name="mine"),
    path("pairings/<int:pk>/", answers.detail, name="detail"),
    path("pairings/<int:pk>/accept/", answers.accept, name="accept"),
    path("pairings/<int:pk>/decline/", answers.decline, name="decline"),
    path("pairings/<int:pk>/cancel/", answers.cancel, name="cancel"),
    path("pairings/<int:pk>/do/<str:action>/", answers.officer_action, name="action"),
    path("<slug:slug>/", officer.overview, name="overview"),
    path("<slug:slug>/mentors/", team.mentors, name="mentors"),
    path("<slug:slug>/pairings/", officer.pairing_list, name="pairings"),
    path("<slug:slug>/requests/new/", officer.request_new, name="request_new"),
    path("<slug:slug>/college-requests/", college.college_requests, name="college_requests"),
    path(
        "<slug:slug>/requests/<int:pk>/needs/new/",
        officer.request_need_new,
        name="request_need_new",
    ),
    path(
        "<slug:slug>/projects/<int:pk>/needs/new/",
        officer.project_need_new,
        name="project_need_new",
    ),
    path("<slug:slug>/needs/<int:pk>/", officer.need_detail, name="need"),
    path("<slug:slug>/needs/<int:pk>/edit/", officer.need_edit, name="need_edit"),
    path("<slug:slug>/needs/<int:pk>/decide/", officer.decide, name="decide"),
    path("<slug:slug>/decisions/<int:pk>/remove/", officer.undecide, name="undecide"),
    path("<slug:slug>/runs/", officer.run_list, name="runs"),
    path("<slug:slug>/runs/new/", officer.run_start, name="run_start"),
    path("<slug:slug>/runs/<int:pk>/", officer.run_detail, name="run"),
    path("<slug:slug>/runs/<int:pk>/progress/", officer.run_progress, name="run_progress"),
    path("<slug:slug>/runs/<int:pk>/rerun/", officer.run_rerun, name="run_rerun"),
    path("<slug:slug>/runs/<int:pk>/confirm/", officer.run_confirm, name="run_confirm"),
]
