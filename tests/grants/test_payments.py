"""The money invariants: no payment beyond a tranche or the award, never before the
condition is met, never twice for one reference, and reversals keep the ledger balanced."""

import datetime
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import Sum

from skillbridge.grants.models import Disbursement, Grant, Tranche
from skillbridge.grants.services import awards, milestones, payments
from skillbridge.grants.services.payments import PaymentRefused
from tests.grants.factories import PAID_ON, approve_milestone, pay
from tests.markers import needs_postgresql

pytestmark = pytest.mark.django_db


def assert_ledger_balanced(grant):
    grant.refresh_from_db()
    for tranche in Tranche.objects.filter(grant=grant):
        ledger = tranche.disbursements.aggregate(total=Sum("amount_rwf"))["total"] or 0
        assert ledger == tranche.paid_rwf
        assert 0 <= tranche.paid_rwf <= tranche.amount_rwf
    assert grant.paid_rwf == sum(t.paid_rwf for t in grant.tranches.all())
    assert grant.paid_rwf <= grant.amount_rwf


def test_the_first_tranche_is_not_payable_before_the_agreement_is_accepted(grant, finance):
    with pytest.raises(PaymentRefused, match="not payable yet"):
        pay(grant, finance, 1, 1_000, "BK-1")
    assert not Disbursement.objects.exists()


def test_a_tranche_is_never_payable_before_its_milestone_is_approved(
    running_grant, finance, officer, applicant
):
    with pytest.raises(PaymentRefused, match="Tranche 2 is not payable yet"):
        pay(running_grant, finance, 2, 4_000_000, "BK-2")
    milestone = running_grant.tranches.get(number=2).milestone
    milestones.milestone_submit_evidence(actor=applicant, milestone=milestone, text="Licence")
    with pytest.raises(PaymentRefused, match="Tranche 2 is not payable yet"):
        pay(running_grant, finance, 2, 4_000_000, "BK-2")
    milestones.milestone_return(actor=officer, milestone=milestone, comments="Licence unsigned")
    with pytest.raises(PaymentRefused, match="Tranche 2 is not payable yet"):
        pay(running_grant, finance, 2, 4_000_000, "BK-2")
    assert not Disbursement.objects.exists()
    approve_milestone(running_grant, 2, officer=officer, lead=applicant)
    entry, created = pay(running_grant, finance, 2, 4_000_000, "BK-2")
    assert created
    assert entry.amount_rwf == 4_000_000
    assert_ledger_balanced(running_grant)


def test_a_payment_beyond_the_tranche_is_refused_and_nothing_is_written(running_grant, finance):
    pay(running_grant, finance, 1, 3_000_000, "BK-1")
    with pytest.raises(PaymentRefused, match="1,000,000 RWF remain"):
        pay(running_grant, finance, 1, 1_000_001, "BK-2")
    assert Disbursement.objects.count() == 1
    entry, created = pay(running_grant, finance, 1, 1_000_000, "BK-3")
    assert created
    assert Tranche.objects.get(pk=entry.tranche_id).paid_rwf == 4_000_000
    assert_ledger_balanced(running_grant)


def test_the_first_payment_makes_the_grant_active(running_grant, finance):
    pay(running_grant, finance, 1, 4_000_000, "BK-1")
    running_grant.refresh_from_db()
    assert running_grant.state == Grant.State.ACTIVE
    assert running_grant.paid_rwf == 4_000_000


def test_a_repeated_reference_returns_the_first_payment_and_pays_nothing_more(
    running_grant, finance
):
    first, created = pay(running_grant, finance, 1, 2_000_000, "MOMO-77")
    again, created_again = pay(running_grant, finance, 1, 2_000_000, "MOMO-77")
    assert (created, created_again) == (True, False)
    assert again.pk == first.pk
    assert Disbursement.objects.count() == 1
    running_grant.refresh_from_db()
    assert running_grant.paid_rwf == 2_000_000


def test_a_reference_reused_for_another_amount_is_refused(running_grant, finance):
    pay(running_grant, finance, 1, 2_000_000, "MOMO-77")
    with pytest.raises(PaymentRefused, match="already in the ledger"):
        pay(running_grant, finance, 1, 1_000_000, "MOMO-77")
    assert Disbursement.objects.count() == 1


def test_a_reversal_keeps_the_ledger_balanced_and_reopens_the_tranche(running_grant, finance):
    entry, _ = pay(running_grant, finance, 1, 4_000_000, "BK-1")
    reversal = payments.disbursement_reverse(actor=finance, entry=entry, reason="Wrong account")
    assert reversal.amount_rwf == -4_000_000
    assert reversal.reverses == entry
    assert reversal.reference == "BK-1-REV"
    assert_ledger_balanced(running_grant)
    assert running_grant.paid_rwf == 0
    with pytest.raises(PaymentRefused, match="already been reversed"):
        payments.disbursement_reverse(actor=finance, entry=entry, reason="Again")
    with pytest.raises(ValidationError, match="Only a payment"):
        payments.disbursement_reverse(actor=finance, entry=reversal, reason="Undo")
    pay(running_grant, finance, 1, 4_000_000, "BK-1b")
    assert_ledger_balanced(running_grant)
    assert running_grant.paid_rwf == 4_000_000
    assert Disbursement.objects.count() == 3


def test_the_whole_grant_is_never_paid_beyond_its_award(running_grant, finance, officer, applicant):
    pay(running_grant, finance, 1, 4_000_000, "BK-1")
    for number in (2, 3):
        approve_milestone(running_grant, number, officer=officer, lead=applicant)
        tranche = running_grant.tranches.get(number=number)
        pay(running_grant, finance, number, tranche.amount_rwf, f"BK-{number}")
    for number in (1, 2, 3):
        with pytest.raises(PaymentRefused, match="0 RWF remain"):
            pay(running_grant, finance, number, 1, f"BK-extra-{number}")
    assert_ledger_balanced(running_grant)
    assert running_grant.paid_rwf == running_grant.amount_rwf == 10_000_000


def test_a_suspended_grant_cannot_be_paid(running_grant, finance, officer):
    awards.grant_suspend(actor=officer, grant=running_grant, reason="Receipts missing")
    with pytest.raises(PaymentRefused, match="suspended"):
        pay(running_grant, finance, 1, 1_000, "BK-1")


def test_bad_input_is_refused_at_the_field(running_grant, finance):
    with pytest.raises(ValidationError) as error:
        pay(running_grant, finance, 1, 0, " ", method="cash", paid_on=datetime.date(2999, 1, 1))
    assert set(error.value.message_dict) == {"amount", "reference", "method", "paid_on"}
    assert not Disbursement.objects.exists()


def test_the_database_itself_refuses_an_overpaid_tranche(running_grant):
    tranche = running_grant.tranches.get(number=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        Tranche.objects.filter(pk=tranche.pk).update(paid_rwf=tranche.amount_rwf + 1)


def test_the_database_itself_refuses_a_payment_with_a_negative_amount(running_grant, finance):
    tranche = running_grant.tranches.get(number=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        Disbursement.objects.create(
            grant=running_grant,
            tranche=tranche,
            amount_rwf=-5,
            paid_on=PAID_ON,
            method="bank_transfer",
            reference="X",
            recorded_by=finance,
        )


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_concurrent_payments_never_overpay_a_tranche(running_grant, finance):
    """Eight officers pay 1,500,000 RWF on a 4,000,000 RWF tranche at the same moment."""
    tranche_id = running_grant.tranches.get(number=1).pk
    start = threading.Barrier(8)
    outcomes: list[str] = []

    def attempt(index: int) -> None:
        try:
            start.wait()
            payments.disbursement_record(
                actor=finance,
                grant=running_grant,
                tranche_id=tranche_id,
                amount_rwf=1_500_000,
                paid_on=PAID_ON,
                method="mobile_money",
                reference=f"MOMO-{index}",
            )
            outcomes.append("paid")
        except PaymentRefused:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["paid"] * 2 + ["refused"] * 6
    assert_ledger_balanced(running_grant)
    assert Tranche.objects.get(pk=tranche_id).paid_rwf == 3_000_000


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_concurrent_requests_with_one_reference_pay_once(running_grant, finance):
    tranche_id = running_grant.tranches.get(number=1).pk
    start = threading.Barrier(6)
    created: list[bool] = []

    def attempt() -> None:
        try:
            start.wait()
            _, was_created = payments.disbursement_record(
                actor=finance,
                grant=running_grant,
                tranche_id=tranche_id,
                amount_rwf=1_000_000,
                paid_on=PAID_ON,
                method="bank_transfer",
                reference="BK-SAME",
            )
            created.append(was_created)
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(created) == [False] * 5 + [True]
    assert Disbursement.objects.count() == 1
    assert_ledger_balanced(running_grant)
