from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from skillbridge.people import services
from skillbridge.people.forms import AccountDetailsForm
from skillbridge.people.selectors import token_for, tokens_of


@login_required
def account(request):
    """Anyone signed in: their own name and language."""
    form = AccountDetailsForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        services.account_update_details(
            user=request.user,
            full_name=form.cleaned_data["full_name"],
            preferred_language=form.cleaned_data["preferred_language"],
        )
        messages.success(request, _("Your details are saved."))
        return redirect("people:account")
    tokens = tokens_of(request.user)
    return render(request, "people/account.html", {"form": form, "tokens": tokens})


@login_required
@require_POST
def token_revoke(request, pk: int):
    """Anyone signed in: revoke one of their own API tokens (others' answer 404)."""
    token = token_for(request.user, pk)
    services.token_revoke(user=request.user, token=token)
    messages.success(request, _("The token is revoked."))
    return redirect("people:account")


@login_required
@require_POST
def sign_out_everywhere(request):
    """Anyone signed in: end all their sessions, here too, and revoke their API tokens."""
    services.sign_out_everywhere(user=request.user)
    logout(request)
    messages.success(request, _("You are signed out on every device."))
    return redirect("account_login")
