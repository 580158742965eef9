"""Complaints follow their person when two records are merged, and a person's copy of their
data (RODO art. 15) includes their complaints and survey answers."""

from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

from opencus.contracts.models import Complaint, SurveyResponse
from opencus.contracts.services import person_records_move
from opencus.people.signals import person_merged
from opencus.residents.export import person_data_collected


@receiver(person_merged)
def move_complaints(sender, keep, duplicate, by, **kwargs):
    person_records_move(keep=keep, duplicate=duplicate, by=by)


@receiver(person_data_collected)
def complaints_of_the_person(sender, person, **kwargs):
    complaints = Complaint.objects.filter(person=person).select_related("organisation", "service")
    return {
        "key": "complaints",
        "title": _("Complaints"),
        "rows": [
            {
                "received_on": c.received_on.isoformat(),
                "about": c.organisation.name if c.organisation else c.service.name,
                "description": c.description,
                "status": c.status,
                "answer": c.answer,
                "answered_on": c.answered_on.isoformat() if c.answered_on else None,
            }
            for c in complaints.order_by("received_on", "created_at")
        ],
    }


@receiver(person_data_collected)
def surveys_of_the_person(sender, person, **kwargs):
    answers = SurveyResponse.objects.filter(enrolment__person=person).select_related("service")
    return {
        "key": "survey_answers",
        "title": _("Satisfaction surveys"),
        "rows": [
            {
                "service": a.service.name,
                "answered_on": a.answered_on.isoformat(),
                "helpful": a.helpful,
                "respectful": a.respectful,
                "reliable": a.reliable,
                "overall": a.overall,
                "comment": a.comment,
            }
            for a in answers.order_by("answered_on", "created_at")
        ],
    }
