from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.shortcuts import render

from skillbridge.calls.selectors import calls_open, invitations_for
from skillbridge.common.access import personal_data_read
from skillbridge.common.models import OutboxMessage
from skillbridge.common.permissions import require
from skillbridge.portal.dashboards import sections_for
from skillbridge.portal.dashboards.applicant import invitation_tasks
from skillbridge.portal.selectors import outbox_for


def home(request):
    """Public: what the programme is, its open calls, and a way in for everyone."""
    return render(request, "portal/home.html", {"calls": calls_open()})


@login_required
def dashboard(request):
    """Anyone signed in: per role held, what waits for them, how many and by when.

    Each role's lines are only what that role may act on (see portal.dashboards);
    a person with no role yet sees the team invitations sent to their address.
    """
    sections = sections_for(request.user)
    invitations = [] if sections else invitation_tasks(invitations_for(request.user))
    return render(
        request, "portal/dashboard.html", {"sections": sections, "invitations": invitations}
    )


@login_required
def outbox(request):
    """Programme officers: the mail the system wrote, sent or still queued."""
    require(request.user, "people.read_outbox")
    page = Paginator(outbox_for(request.user), 50).get_page(request.GET.get("page"))
    # Mail to people is their personal data (address, name, what they were told).
    personal_data_read(
        reader=request.user,
        records=page.object_list,
        what="outbox",
        via="web",
        scope=ContentType.objects.get_for_model(OutboxMessage),
    )
    return render(request, "portal/outbox.html", {"page": page})
