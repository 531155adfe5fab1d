from django.urls import path

from skillbridge.grants import views

app_name = "grants"

urlpatterns = [
    path("", views.home, name="home"),
    path("programme/<slug:slug>/", views.programme_grants, name="programme"),
    path("programme/<slug:slug>/finance/", views.finance_dashboard, name="finance"),
    path("programme/<slug:slug>/finance/batch.csv", views.payment_batch, name="payment_batch"),
    path("programme/<slug:slug>/documents/", views.programme_documents, name="documents"),
    path("programme/<slug:slug>/award/<int:proposal_pk>/", views.award, name="award"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/agreement.pdf", views.agreement_pdf, name="agreement"),
    path("<int:pk>/accept/", views.accept_agreement, name="accept"),
    path("<int:pk>/schedule/", views.schedule, name="schedule"),
    path("<int:pk>/budget/", views.budget, name="budget"),
    path("<int:pk>/state/<str:action>/", views.change_state, name="state"),
    path("<int:pk>/pay/", views.pay, name="pay"),
    path("<int:pk>/amendments/", views.amendments, name="amendments"),
    path("<int:pk>/amendments/new/<slug:kind>/", views.amendment_new, name="amendment_new"),
    path("<int:pk>/amendments/decide/", views.amendment_decide, name="amendment_decide"),
    path("<int:pk>/expenses/new/", views.expense_new, name="expense_new"),
    path("<int:pk>/reports/new/", views.report_new, name="report_new"),
    path("milestones/<int:pk>/evidence/", views.milestone_evidence, name="milestone_evidence"),
    path("milestones/<int:pk>/review/", views.milestone_review, name="milestone_review"),
    path("milestones/<int:pk>/file/", views.milestone_file, name="milestone_file"),
    path("disbursements/<int:pk>/reverse/", views.reverse_payment, name="reverse"),
    path("expenses/<int:pk>/receipt/", views.expense_receipt, name="receipt"),
    path("reports/<int:pk>/", views.report_detail, name="report"),
    path("reports/<int:pk>/review/", views.report_review, name="report_review"),
]
