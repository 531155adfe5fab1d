"""College coordinators' page: their college's training requests, and filing a new one.

Non-members of the programme get 404, members who coordinate no college there 403.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from skillbridge.calls.selectors import coordinated_colleges
from skillbridge.common.forms import show_errors
from skillbridge.pairing import selectors, services
from skillbridge.pairing.forms import TrainingRequestForm
from skillbridge.people.selectors import programme_for


@login_required
def college_requests(request, slug: str):
    """College coordinators: their college's training requests, and a form to file one for it
    (the programme's officers then state its needs and find the professional)."""
    programme = programme_for(request.user, slug, "pairing.file_training_request")
    colleges = coordinated_colleges(request.user).get(programme.pk, frozenset())
    form = TrainingRequestForm(request.POST or None, programme=programme, colleges=colleges)
    if request.method == "POST" and form.is_valid():
        try:
            services.training_request_create(
                actor=request.user, programme=programme, **form.cleaned_data
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(
                request,
                _("The request is filed. The programme officers will state what it needs."),
            )
            return redirect("pairing:college_requests", slug)
    requests = selectors.college_training_requests(programme, colleges)
    page = Paginator(requests, 25).get_page(request.GET.get("page"))
    return render(
        request,
        "pairing/college_requests.html",
        {"programme": programme, "form": form, "page": page},
    )
