from django.urls import path

from skillbridge.people import views

app_name = "people"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("account/", views.account, name="account"),
]
