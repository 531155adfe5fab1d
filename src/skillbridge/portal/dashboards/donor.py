"""The donor: the programme's headline figures, and the way to the results dashboard."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from skillbridge.portal.dashboards.lines import Task
from skillbridge.results.dashboard import headlines


def tasks(user, membership) -> list[Task]:
    programme = membership.programme
    url = reverse("results:dashboard", args=[programme.slug])
    # The way in first: the figures below link to the same dashboard.
    return [
        Task(_("Follow the programme's results against its targets"), url),
        *(Task(label, url, figure=shown) for label, shown in headlines(programme)),
    ]
