"""Importing professionals from a file, for programme officers only.

Non-members of the programme get 404, members without the officer role 403.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from skillbridge.common.forms import show_errors
from skillbridge.experts.forms import ImportUploadForm
from skillbridge.experts.importing import COLUMNS
from skillbridge.experts.selectors import import_in_programme, imports_of
from skillbridge.experts.services.imports import import_batch_confirm, import_batch_preview
from skillbridge.people.selectors import programme_for


def _programme(request, slug: str):
    return programme_for(request.user, slug, "experts.import")


@login_required
def import_list(request, slug: str):
    """Programme officers: upload a file; it is checked and previewed, nothing is written."""
    programme = _programme(request, slug)
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            batch = import_batch_preview(
                programme=programme, officer=request.user, upload=form.cleaned_data["file"]
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            return redirect("experts:import_detail", slug, batch.pk)
    return render(
        request,
        "experts/import_list.html",
        {
            "programme": programme,
            "form": form,
            "batches": imports_of(programme)[:20],
            "columns": COLUMNS,
        },
    )


@login_required
def import_detail(request, slug: str, pk: int):
    """Programme officers: the preview (row errors) before confirming, then the progress."""
    programme = _programme(request, slug)
    batch = import_in_programme(programme, pk)
    return render(request, "experts/import_detail.html", {"programme": programme, "batch": batch})


@login_required
def import_progress(request, slug: str, pk: int):
    """Programme officers: the progress block alone, polled by htmx while the import runs."""
    programme = _programme(request, slug)
    batch = import_in_programme(programme, pk)
    return render(
        request, "experts/includes/import_progress.html", {"programme": programme, "batch": batch}
    )


@require_POST
@login_required
def import_confirm(request, slug: str, pk: int):
    """Programme officers: write the previewed rows, in the background."""
    programme = _programme(request, slug)
    batch = import_in_programme(programme, pk)
    try:
        import_batch_confirm(batch=batch, officer=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The import has started."))
    return redirect("experts:import_detail", slug, pk)
