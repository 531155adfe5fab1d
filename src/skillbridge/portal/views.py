from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.shortcuts import render

from skillbridge.common.access import personal_data_read
from skillbridge.common.models import OutboxMessage
from skillbridge.common.permissions import require
from skillbridge.portal.selectors import outbox_for


def home(request):
    """Public: what the programme is, and a way in for students and professionals."""
    return render(request, "portal/home.html")


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
