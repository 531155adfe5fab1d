"""The programme's documents: the partners (names, logos, order) and the signatory that the
grant agreement and the mission certificates carry."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import prefetch_related_objects
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from skillbridge.common.forms import show_errors
from skillbridge.grants.forms import PartnerForm, SignatoryForm
from skillbridge.people.selectors import programme_for
from skillbridge.programmes import services
from skillbridge.programmes.documents import document_partners


def _save_signatory(request, programme, form) -> bool:
    if not form.is_valid():
        return False
    services.signatory_set(
        actor=request.user,
        programme=programme,
        name=form.cleaned_data["signatory_name"],
        title=form.cleaned_data["signatory_title"],
    )
    messages.success(request, _("The signatory is saved."))
    return True


def _add_partner(request, programme, form) -> bool:
    if not form.is_valid():
        return False
    try:
        services.partner_add(
            actor=request.user,
            programme=programme,
            name=form.cleaned_data["name"],
            logo=form.cleaned_data["logo"],
        )
    except ValidationError as error:
        show_errors(form, error)
        return False
    messages.success(request, _("The partner is added."))
    return True


def _change_partner(request, programme) -> None:
    """Remove a partner, or move it up or down the order."""
    partner = get_object_or_404(programme.document_partners, pk=request.POST.get("partner"))
    action = request.POST.get("action")
    if action == "remove":
        services.partner_remove(actor=request.user, partner=partner)
        messages.success(request, _("The partner is removed."))
    elif action in {"up", "down"}:
        services.partner_move(actor=request.user, partner=partner, up=action == "up")


@login_required
def programme_documents(request, slug):
    """Programme officers: the partners and the signatory on the programme's documents."""
    programme = programme_for(request.user, slug, "grants.edit_programme_documents")
    post = request.POST if request.method == "POST" else None
    action = request.POST.get("action", "")
    signatory_form = SignatoryForm(
        post if action == "signatory" else None,
        initial={
            "signatory_name": programme.signatory_name,
            "signatory_title": programme.signatory_title,
        },
    )
    partner_form = PartnerForm(
        post if action == "add" else None, request.FILES if action == "add" else None
    )
    if post is not None:
        if action in {"remove", "up", "down"}:
            _change_partner(request, programme)
            return redirect("grants:documents", slug=programme.slug)
        if (action == "signatory" and _save_signatory(request, programme, signatory_form)) or (
            action == "add" and _add_partner(request, programme, partner_form)
        ):
            return redirect("grants:documents", slug=programme.slug)
    # Read once: the rows and their logos below both ask for the partners.
    prefetch_related_objects([programme], "document_partners")
    return render(
        request,
        "grants/documents.html",
        {
            "programme": programme,
            # Each partner with its logo as the documents embed it.
            "rows": list(
                zip(
                    programme.document_partners.all(),
                    document_partners(programme)["partners"],
                    strict=True,
                )
            ),
            "signatory_form": signatory_form,
            "partner_form": partner_form,
        },
    )
