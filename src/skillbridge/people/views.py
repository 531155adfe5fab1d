from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from skillbridge.people import services
from skillbridge.people.forms import AccountDetailsForm
from skillbridge.people.selectors import memberships_for


@login_required
def dashboard(request):
    """Anyone signed in: what they can do next, per programme and role."""
    return render(request, "people/dashboard.html", {"memberships": memberships_for(request.user)})


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
    return render(request, "people/account.html", {"form": form})
