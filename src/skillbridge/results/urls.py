from django.urls import path

from skillbridge.results import views

app_name = "results"

urlpatterns = [
    path("", views.home, name="home"),
    path("impact/<slug:slug>/", views.impact, name="impact"),
    path("stories/", views.stories, name="stories"),
    path("stories/<int:proposal_pk>/", views.story, name="story"),
    path("programme/<slug:slug>/", views.dashboard, name="dashboard"),
    path("programme/<slug:slug>/framework/", views.framework, name="framework"),
    path("programme/<slug:slug>/statements/new/", views.statement_form, name="statement_new"),
    path("programme/<slug:slug>/statements/<int:pk>/", views.statement_form, name="statement_edit"),
    path("programme/<slug:slug>/indicators/new/", views.indicator_form, name="indicator_new"),
    path("programme/<slug:slug>/indicators/<int:pk>/", views.indicator_form, name="indicator_edit"),
    path("programme/<slug:slug>/periods/", views.periods, name="periods"),
    path("periods/<int:pk>/", views.period_detail, name="period"),
    path("periods/<int:pk>/narrative/", views.period_narrative, name="narrative"),
    path("periods/<int:pk>/values/<int:indicator_pk>/", views.period_value, name="value"),
    path("periods/<int:pk>/close/", views.period_close, name="close"),
    path("periods/<int:pk>/report.<str:file_format>", views.period_report, name="report"),
]
