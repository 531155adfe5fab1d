from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render

from skillbridge.common.selectors import outbox_for
from skillbridge.people.models import Role
from skillbridge.people.selectors import all_roles


def home(request):
    """Public: what the programme is, and a way in for students and professionals."""
    return render(request, "common/home.html")


@login_required
def outbox(request):
    """Programme officers: the mail the system wrote, sent or still queued."""
    if Role.PROGRAMME_OFFICER not in all_roles(request.user):
        raise PermissionDenied
    page = Paginator(outbox_for(request.user), 50).get_page(request.GET.get("page"))
    return render(request, "common/outbox.html", {"page": page})
