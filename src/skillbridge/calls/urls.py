from django.urls import path

from skillbridge.calls.views import (
    affiliations,
    budget,
    calls,
    drafts,
    lists,
    proposals,
    receipts,
    teams,
)

app_name = "calls"

urlpatterns = [
    path("", calls.open_calls, name="open_calls"),
    path("<int:pk>/", calls.call_detail, name="call_detail"),
    path("<int:pk>/edit/", calls.call_edit, name="call_edit"),
    path("<int:pk>/translations/", calls.call_translations, name="call_translations"),
    path("<int:pk>/apply/", proposals.proposal_start, name="proposal_start"),
    path("manage/", calls.calls_manage, name="calls_manage"),
    path("manage/<slug:slug>/new/", calls.call_create, name="call_create"),
    path("mine/", proposals.my_proposals, name="my_proposals"),
    path("proposals/", lists.proposal_list, name="proposal_list"),
    path(
        "affiliations/",
        affiliations.affiliations_to_confirm,
        name="affiliations_to_confirm",
    ),
    path("proposals/<int:pk>/", proposals.proposal_detail, name="proposal_detail"),
    path("proposals/<int:pk>/edit/", proposals.proposal_edit, name="proposal_edit"),
    path("proposals/<int:pk>/autosave/", proposals.proposal_autosave, name="proposal_autosave"),
    path("proposals/<int:pk>/merge/", drafts.proposal_merge, name="proposal_merge"),
    path("proposals/<int:pk>/budget/", budget.budget_line_add, name="budget_line_add"),
    path(
        "proposals/<int:pk>/budget/<int:line_pk>/",
        budget.budget_line_edit,
        name="budget_line_edit",
    ),
    path(
        "proposals/<int:pk>/budget/<int:line_pk>/delete/",
        budget.budget_line_delete,
        name="budget_line_delete",
    ),
    path("proposals/<int:pk>/attachments/", proposals.attachment_add, name="attachment_add"),
    path(
        "proposals/<int:pk>/attachments/<int:attachment_pk>/",
        proposals.attachment_download,
        name="attachment_download",
    ),
    path(
        "proposals/<int:pk>/attachments/<int:attachment_pk>/delete/",
        proposals.attachment_delete,
        name="attachment_delete",
    ),
    path("proposals/<int:pk>/submit/", proposals.proposal_submit, name="proposal_submit"),
    path("proposals/<int:pk>/receipt/", receipts.proposal_receipt, name="proposal_receipt"),
    path(
        "proposals/<int:pk>/receipt.pdf",
        receipts.proposal_receipt_pdf,
        name="proposal_receipt_pdf",
    ),
    path("proposals/<int:pk>/withdraw/", proposals.proposal_withdraw, name="proposal_withdraw"),
    path("proposals/<int:pk>/team/invite/", teams.member_invite, name="member_invite"),
    path(
        "proposals/<int:pk>/team/<int:member_pk>/remove/",
        teams.member_remove,
        name="member_remove",
    ),
    path(
        "proposals/<int:pk>/team/<int:member_pk>/affiliation/",
        teams.affiliation_decide,
        name="affiliation_decide",
    ),
    path(
        "proposals/<int:pk>/team/<int:member_pk>/affiliation/officer/",
        teams.affiliation_confirm_by_officer,
        name="affiliation_confirm_by_officer",
    ),
    path("proposals/<int:pk>/eligibility/", teams.eligibility_decide, name="eligibility_decide"),
    path("invitations/<str:token>/", teams.invitation, name="invitation"),
]
