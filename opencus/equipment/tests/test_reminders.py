"""Reminders of overdue loans: the task, the daily command, once a day, never without e-mail."""

import io
import smtplib

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import timezone, translation

from opencus.equipment import services, tasks
from opencus.equipment.models import LoanReminder
from opencus.equipment.tests.conftest import days, register

pytestmark = pytest.mark.django_db


@pytest.fixture
def overdue(world, make_item, person, lend):
    """Halina's wheelchair, 12 days overdue (she has an e-mail)."""
    item = make_item(world.a, name="Wózek Vermeiren", inventory_number="WS/7")
    return lend(item, person, lent=-40, due=-12)


def test_the_task_e_mails_the_borrower_and_records_the_day(world, overdue):
    world.a.email = "wypozyczalnia@cus-alfa.example"
    world.a.save()
    assert tasks.send_loan_reminder.call(loan_id=str(overdue.pk)) is True
    [message] = mail.outbox
    assert message.to == ["halina@example.org"]
    assert message.reply_to == ["wypozyczalnia@cus-alfa.example"]
    assert "CUS Alfa" in message.subject
    assert "Wózek Vermeiren" in message.body
    assert "WS/7" in message.body
    assert "12" in message.body
    reminder = LoanReminder.objects.get()
    assert (reminder.loan, reminder.sent_on, reminder.sent_to) == (
        overdue,
        timezone.localdate(),
        "halina@example.org",
    )
    assert reminder.requested_by is None


def test_a_reminder_is_sent_once_a_day(world, overdue):
    assert tasks.send_loan_reminder.call(loan_id=str(overdue.pk)) is True
    assert tasks.send_loan_reminder.call(loan_id=str(overdue.pk)) is False
    assert len(mail.outbox) == 1
    assert LoanReminder.objects.count() == 1


def test_the_next_day_brings_another_reminder(world, overdue, monkeypatch):
    tasks.send_loan_reminder.call(loan_id=str(overdue.pk))
    today, tomorrow = days(0), days(1)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: tomorrow)
    assert tasks.send_loan_reminder.call(loan_id=str(overdue.pk)) is True
    assert list(LoanReminder.objects.order_by("sent_on").values_list("sent_on", flat=True)) == [
        today,
        tomorrow,
    ]
    assert len(mail.outbox) == 2


def test_nobody_is_reminded_without_an_e_mail(world, make_item, lend):
    silent = register(world.a, first_name="Jan", email="", phone="+48 600 000 000")
    loan = lend(make_item(world.a), silent, lent=-40, due=-3)
    assert tasks.send_loan_reminder.call(loan_id=str(loan.pk)) is False
    assert mail.outbox == []
    assert not LoanReminder.objects.exists()


def test_a_loan_not_yet_due_gets_no_reminder(world, make_item, person, lend):
    for due in (0, 5):
        loan = lend(make_item(world.a), person, lent=-3, due=due)
        assert tasks.send_loan_reminder.call(loan_id=str(loan.pk)) is False
    assert mail.outbox == []


def test_a_returned_loan_gets_no_reminder(world, overdue):
    services.loan_return(loan=overdue, by=None, condition="good")
    assert tasks.send_loan_reminder.call(loan_id=str(overdue.pk)) is False
    assert mail.outbox == []


def test_a_mail_that_fails_leaves_no_record_so_the_next_run_tries_again(
    world, overdue, monkeypatch
):
    def refuse(self, fail_silently=False):
        raise smtplib.SMTPServerDisconnected("down")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", refuse)
    with pytest.raises(smtplib.SMTPServerDisconnected):
        services.loan_remind(loan=overdue)
    assert not LoanReminder.objects.exists()


def test_the_reminder_speaks_the_borrowers_language(world, make_item, lend):
    english = register(
        world.a, first_name="John", email="john@example.org", preferred_language="en"
    )
    loan = lend(make_item(world.a), english, lent=-9, due=-1)
    with translation.override("pl"):
        services.loan_remind(loan=loan)
    [message] = mail.outbox
    assert message.subject == "Please return the equipment borrowed from CUS Alfa"
    assert "1 day ago" in message.body


def test_a_language_the_site_does_not_speak_gets_polish(world, make_item, lend):
    ukrainian = register(
        world.a, first_name="Olena", email="olena@example.org", preferred_language="uk"
    )
    loan = lend(make_item(world.a), ukrainian, lent=-9, due=-2)
    with translation.override("en"):
        services.loan_remind(loan=loan)
    [message] = mail.outbox
    assert message.subject == "Prosimy o zwrot sprzętu wypożyczonego z CUS Alfa"


# --- queuing the day's reminders -----------------------------------------------------------


@pytest.fixture
def overdue_mix(world, make_item, person, lend, overdue):
    """In centre a: ``overdue`` (e-mail), one overdue without e-mail, one not yet due;
    in centre b: one overdue with e-mail."""
    silent = register(world.a, first_name="Jan", email="")
    lend(make_item(world.a), silent, lent=-40, due=-2)
    lend(make_item(world.a), person, lent=-1, due=10)
    lend(make_item(world.b), register(world.b, email="beta@example.org"), lent=-40, due=-1)


def test_staff_queue_the_reminders_of_their_centre(
    world, overdue, overdue_mix, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        loans = tasks.remind_overdue_borrowers(centre=world.a, by=world.front_desk)
    assert loans == [overdue]
    assert [m.to for m in mail.outbox] == [["halina@example.org"]]
    assert LoanReminder.objects.get().requested_by == world.front_desk


def test_nothing_is_queued_twice_a_day(world, overdue, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        tasks.remind_overdue_borrowers(centre=world.a)
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.remind_overdue_borrowers(centre=world.a) == []
    assert len(mail.outbox) == 1


def test_the_daily_command_reminds_every_centres_borrowers(
    world, overdue, overdue_mix, django_capture_on_commit_callbacks
):
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_equipment_reminders", stdout=out)
    assert sorted(m.to[0] for m in mail.outbox) == ["beta@example.org", "halina@example.org"]
    assert "Queued 2 reminder(s)" in out.getvalue()


def test_the_command_may_remind_one_centre(
    world, overdue, overdue_mix, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_equipment_reminders", "--centre", world.b.slug, stdout=io.StringIO())
    assert [m.to for m in mail.outbox] == [["beta@example.org"]]


def test_the_command_refuses_an_unknown_centre(world):
    with pytest.raises(CommandError, match="No centre"):
        call_command("send_equipment_reminders", "--centre", "nie-ma", stdout=io.StringIO())
