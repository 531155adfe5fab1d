from django.urls import path

from skillbridge.common import views

app_name = "common"

urlpatterns = [
    path("outbox/", views.outbox, name="outbox"),
]
