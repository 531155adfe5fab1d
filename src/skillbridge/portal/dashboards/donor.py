"""The donor: the programme's headline figures, and the way to the results dashboard."""

from django.urls import reverse

from skillbridge.portal.dashboards.lines import Task
from skillbridge.results.dashboard import headlines


def tasks(user, membership) -> list[Task]:
    programme = membership.programme
    url = reverse("results:dashboard", args=[programme.slug])
    return [Task(label, url, figure=shown) for label, shown in headlines(programme)]
