"""A person's complaints and survey answers follow a merge of their records and are part of
the copy of their data (RODO art. 15)."""

import json
from decimal import Decimal

from opencus.contracts import services
from opencus.contracts.tests.conftest import D, _grant, _person, days
from opencus.enrolments import services as enrolments
from opencus.people import services as people
from opencus.residents.export import person_data


def _complaint(world, person):
    return services.complaint_record(
        centre=world.a,
        by=world.front_desk,
        received_on=days(-2),
        channel="phone",
        description="Opiekunka spóźnia się godzinę.",
        organisation=world.organisation,
        person=person,
    )


def test_a_merge_moves_the_complaints_of_the_duplicate(world):
    keep, duplicate = _person(world, "Anna"), _person(world, "Ania")
    complaint = _complaint(world, duplicate)
    people.person_merge(keep=keep, duplicate=duplicate, by=world.director)
    complaint.refresh_from_db()
    assert complaint.person == keep


def test_the_data_copy_includes_complaints_and_survey_answers(world, care):
    person = _person(world, "Anna")
    _complaint(world, person)
    given = _grant(world, person, care, starts_on=days(-10), units=2, period="week")
    enrolments.delivery_record(enrolment=given, by=world.kipus, delivered_on=days(-9), units=1)
    services.survey_answer(
        enrolment=given,
        by=world.kipus,
        channel="paper",
        helpful=5,
        respectful=5,
        reliable=4,
        overall=5,
        comment="Bardzo dziękuję.",
    )
    data = json.loads(json.dumps(person_data(person)))  # JSON can hold all of it
    sections = {s["key"]: s["rows"] for s in data["other_records"]}
    assert sections["complaints"][0]["description"] == "Opiekunka spóźnia się godzinę."
    assert sections["survey_answers"][0]["comment"] == "Bardzo dziękuję."
    # a free service: its fee of 0 zł is written as an amount, not dropped or broken
    assert data["services"][0]["fee_per_unit"] == str(Decimal("0.00"))
    assert D(1940, 1, 1).isoformat() == data["person"]["birth_date"]
