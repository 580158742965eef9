"""Reminders of overdue loans leave through the task queue (django.tasks, a database backend
and its worker in production): a mail server that is down never breaks a page, and a failed
send stays visible in the task results and is tried again by the next run."""

from django.db import transaction
from django.tasks import task
from django.utils import timezone

from opencus.accounts.models import User
from opencus.equipment import selectors, services
from opencus.equipment.models import Loan


@task
def send_loan_reminder(*, loan_id: str, requested_by_id: str | None = None) -> bool:
    """E-mail the borrower of one overdue loan (once a day at most). True if a mail went."""
    loan = Loan.objects.get(pk=loan_id)
    by = User.objects.filter(pk=requested_by_id).first() if requested_by_id else None
    return services.loan_remind(loan=loan, by=by) is not None


def remind_overdue_borrowers(*, centre=None, by=None) -> list[Loan]:
    """Queue a reminder for each overdue loan that is due one today (every centre's when
    ``centre`` is None); the tasks leave when the surrounding transaction commits.

    Returns the loans reminded about. Borrowers without an e-mail are not among them: the
    overdue list shows their phone for a call.
    """
    loans = selectors.loans_to_remind(centre=centre, today=timezone.localdate())
    by_id = str(by.pk) if by is not None else None
    for loan in loans:
        transaction.on_commit(
            lambda loan_id=str(loan.pk): send_loan_reminder.enqueue(
                loan_id=loan_id, requested_by_id=by_id
            ),
            robust=True,
        )
    return loans
