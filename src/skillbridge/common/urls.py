from django.urls import path

from skillbridge.common import views_exports

app_name = "exports"

urlpatterns = [
    path("<int:pk>/", views_exports.export_job, name="job"),
    path("<int:pk>/download/", views_exports.export_download, name="download"),
]
