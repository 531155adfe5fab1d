from django.urls import path

from skillbridge.missions.views import officer, pages, public, work

app_name = "missions"

urlpatterns = [
    path("", pages.mission_list, name="list"),
    path("calendar.ics", work.calendar_mine, name="calendar_mine"),
    path("verify/<str:code>/", public.verify, name="verify"),
    path("<int:mission_pk>/survey/<str:token>/", public.survey, name="survey"),
    path("<int:pk>/", pages.mission_detail, name="detail"),
    path("<int:pk>/edit/", pages.mission_edit, name="edit"),
    path("<int:pk>/plan/days/", pages.plan_day_add, name="plan_day_add"),
    path("<int:pk>/plan/days/<int:day_pk>/remove/", pages.plan_day_remove, name="plan_day_remove"),
    path("<int:pk>/sign/", pages.workplan_sign, name="sign"),
    path("<int:pk>/do/<str:step>/", pages.mission_step, name="step"),
    path("<int:pk>/cancel/", pages.mission_cancel, name="cancel"),
    path("<int:pk>/checklist/<int:item_pk>/", work.checklist_update, name="checklist"),
    path("<int:pk>/itinerary/", work.itinerary_add, name="itinerary_add"),
    path("<int:pk>/itinerary/<int:leg_pk>/remove/", work.itinerary_remove, name="itinerary_remove"),
    path("<int:pk>/costs/", work.cost_add, name="cost_add"),
    path("<int:pk>/costs/<int:line_pk>/remove/", work.cost_remove, name="cost_remove"),
    path("<int:pk>/costs/<int:line_pk>/", work.cost_actual, name="cost_actual"),
    path("<int:pk>/sessions/new/", work.session_new, name="session_new"),
    path("<int:pk>/sessions/<int:session_pk>/evidence/", work.evidence_add, name="evidence_add"),
    path("<int:pk>/evidence/<int:evidence_pk>/", work.evidence_download, name="evidence"),
    path("<int:pk>/participants/", work.participant_add, name="participant_add"),
    path(
        "<int:pk>/participants/<int:participant_pk>/remove/",
        work.participant_remove,
        name="participant_remove",
    ),
    path("<int:pk>/report.pdf", work.report_pdf, name="report"),
    path("<int:pk>/calendar.ics", work.calendar_one, name="calendar"),
    path("<int:pk>/certificates/", work.certificates_issue, name="certificates_issue"),
    path("<int:pk>/certificates/<str:code>.pdf", work.certificate_pdf, name="certificate"),
    path("<slug:slug>/new/", pages.mission_new, name="new"),
    path("<slug:slug>/departures/", officer.departures, name="departures"),
    path("<slug:slug>/surveys/", officer.survey_results, name="survey_results"),
]
