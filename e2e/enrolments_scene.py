"""The scene's services given: every status, deliveries last month, one for the provider."""

import datetime as dt
from decimal import Decimal

from e2e.catalogue_scene import new_service


def add_enrolments(world):
    """Services given in centre a (needs ``add_catalogue`` and ``add_people`` first).

    - ``world.meals_enrolment``: Halina's meals, active, partial exemption, deliveries last
      month (one missed) and today; ``world.delivery`` is today's, corrected once;
    - ``world.partner_enrolment``: Jan's lunch delivered by ``world.organisation`` (the
      provider's), with ``world.partner_delivery``;
    - ``world.planned_enrolment`` (Jan, starts in 5 days), ``world.suspended_enrolment``
      (Stanisława Kowalak, in hospital), ``world.ended_enrolment`` (Halina's club, ended);
    - ``world.last_month``: the previous month as YYYY-MM (the statement's and fee list's).
    """
    from django.utils import timezone

    from opencus.enrolments import services

    today = timezone.localdate()
    first_of_last = (today.replace(day=1) - dt.timedelta(days=1)).replace(day=1)
    start = first_of_last - dt.timedelta(days=3)
    world.last_month = f"{first_of_last:%Y-%m}"
    world.partner_lunch = new_service(
        world.a,
        name="Obiady Stowarzyszenia",
        summary="Obiad przywieziony przez partnera centrum.",
        at_home=True,
        fee_kind="cofinanced",
        unit="meal",
        market_value=Decimal("25.00"),
        resident_price=Decimal("10.00"),
        provider=world.organisation,
        needs=["meals"],
    )
    world.meals_enrolment = services.enrolment_create(
        person=world.halina,
        service=world.meals,
        by=world.kipus,
        starts_on=start,
        units_per_period=Decimal(5),
        period="week",
        exemption="partial",
        exemption_reason="Dochód do 150% kryterium.",
        fee_per_unit=Decimal("6.00"),
        note="Dieta lekkostrawna.",
    )
    for day in (2, 3, 4):
        services.delivery_record(
            enrolment=world.meals_enrolment,
            by=world.provider,
            delivered_on=first_of_last.replace(day=day),
            units=Decimal(1),
        )
    services.delivery_record(
        enrolment=world.meals_enrolment,
        by=world.kipus,
        delivered_on=first_of_last.replace(day=5),
        status="missed",
        missed_reason="person_in_hospital",
    )
    world.delivery = services.delivery_record(
        enrolment=world.meals_enrolment, by=world.kipus, delivered_on=today, units=Decimal(1)
    )
    services.delivery_update(
        delivery=world.delivery, by=world.ous, units=Decimal("1.5"), note="Podwójna zupa."
    )
    world.partner_enrolment = services.enrolment_create(
        person=world.jan,
        service=world.partner_lunch,
        by=world.kipus,
        starts_on=start,
        units_per_period=Decimal(20),
        period="month",
    )
    world.partner_delivery = services.delivery_record(
        enrolment=world.partner_enrolment,
        by=world.provider,
        delivered_on=today,
        units=Decimal(1),
        duration_minutes=15,
    )
    world.planned_enrolment = services.enrolment_create(
        person=world.jan,  # Ewa's meals come from her plan (plans_scene)
        service=world.meals,
        by=world.kipus,
        starts_on=today + dt.timedelta(days=5),
        units_per_period=Decimal(3),
        period="week",
    )
    world.suspended_enrolment = services.enrolment_create(
        person=world.kowalak,
        service=world.meals,
        by=world.kipus,
        starts_on=start,
        units_per_period=Decimal(5),
        period="week",
    )
    services.enrolment_suspend(
        enrolment=world.suspended_enrolment, by=world.kipus, reason="Pobyt w szpitalu."
    )
    world.ended_enrolment = services.enrolment_create(
        person=world.halina,
        service=world.club,
        by=world.kipus,
        starts_on=start,
        units_per_period=Decimal(1),
        period="week",
    )
    services.enrolment_end(
        enrolment=world.ended_enrolment, by=world.kipus, end_reason="resignation"
    )
