"""Phrases of django-allauth and Django that applicants and professionals see.

Neither ships a Kinyarwanda catalogue, so these messages are listed here for
`makemessages` to extract into ours; our catalogue then translates them on
the sign-in, sign-up and password pages and in form errors. Nothing imports
this module.
"""

from django.utils.translation import gettext_noop as _

THIRD_PARTY_PHRASES = [
    # django-allauth: signing in, up and out.
    _("Sign In"),
    _("Sign Up"),
    _("Sign Out"),
    _("Email"),
    _("Password"),
    _("Password (again)"),
    _("Remember Me"),
    _("Forgot your password?"),
    _("If you have not created an account yet, then please %(link)ssign up%(end_link)s first."),
    _("Already have an account? Then please %(link)ssign in%(end_link)s."),
    _("Are you sure you want to sign out?"),
    _("The email address and/or password you specified are not correct."),
    _("A user is already registered with this email address."),
    _("You must type the same password each time."),
    _("Too many failed login attempts. Try again later."),
    _("This account is inactive."),
    _("Account Inactive"),
    # django-allauth: email verification.
    _("Verify Your Email Address"),
    _(
        "We have sent an email to you for verification. Follow the link provided to finalize "
        "the signup process. If you do not see the verification email in your main inbox, check "
        "your spam folder. Please contact us if you do not receive the verification email "
        "within a few minutes."
    ),
    _("Confirm Email Address"),
    _("Confirm"),
    _("Please Confirm Your Email Address"),
    _("To confirm this is correct, go to %(activate_url)s"),
    _("Hello from %(site_name)s!"),
    # django-allauth: passwords.
    _("Password Reset"),
    _("Reset My Password"),
    _(
        "Forgotten your password? Enter your email address below, and we'll send you an email "
        "allowing you to reset it."
    ),
    _(
        "We have sent you an email. If you have not received it please check your spam folder. "
        "Otherwise contact us if you do not receive it in a few minutes."
    ),
    _("Please contact us if you have any trouble resetting your password."),
    _("Password Reset Email"),
    _("Change Password"),
    _("Current Password"),
    _("New Password"),
    _("New Password (again)"),
    _("Your password is now changed."),
    _("Bad Token"),
    _("Cancel"),
    # Django: form errors.
    _("This field is required."),
    _("Enter a valid email address."),
    _("Select a valid choice. %(value)s is not one of the available choices."),
    _("This password is too common."),
    _("This password is entirely numeric."),
    _("The password is too similar to the %(verbose_name)s."),
]
