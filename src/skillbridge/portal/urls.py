from django.urls import path

from skillbridge.portal import views

app_name = "portal"

urlpatterns = [
    path("outbox/", views.outbox, name="outbox"),
]
