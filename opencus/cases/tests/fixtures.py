"""Applications of a centre for tests: a programme service, a person, an application at
each stage, and the URL kwargs that reach them."""

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from opencus.cases import services
from opencus.cases.models import RequestedService
from opencus.catalogue import services as catalogue
from opencus.catalogue.models import Term, Vocabulary
from opencus.people import services as people


def programme_service(centre, name="Asystent seniora", *, fee_kind="cofinanced", price="10"):
    """A published service given on application, co-financed by default (real value 40 zł)."""
    service = catalogue.service_create(
        centre=centre,
        by=None,
        name=f"{name} {centre.slug}",
        summary="Pomoc w codziennych sprawach.",
        description="Asystent pomaga seniorom w domu i w załatwianiu spraw.",
        at_home=True,
        access_mode="application",
        fee_kind=fee_kind,
        unit="hour",
        market_value=Decimal("40"),
        resident_price=Decimal(price) if fee_kind != "free" else Decimal("0"),
        areas=[Term.objects.get(vocabulary=Vocabulary.AREA, code="social_assistance")],
        target_groups=[Term.objects.get(vocabulary=Vocabulary.TARGET_GROUP, code="seniors")],
        needs=[Term.objects.get(vocabulary=Vocabulary.NEED, code="daily_care")],
        how_to_apply="Wniosek w punkcie informacyjnym centrum.",
    )
    return catalogue.service_change_status(service=service, by=None, status="published")


def person_in(centre, first_name="Halina", last_name="Nowak", born=dt.date(1944, 3, 2)):
    return people.person_create(
        centre=centre,
        by=None,
        first_name=first_name,
        last_name=f"{last_name} {centre.slug}",
        birth_date=born,
        confirm_new=True,
    )


def received(centre, by=None, *, person=None, services_=None, submitted_at=None):
    """A registered application received at the desk."""
    person = person or person_in(centre)
    return services.application_receive(
        centre=centre,
        by=by,
        person=person,
        channel="desk",
        submitter_role="person",
        services=services_ or [programme_service(centre)],
        description="Potrzebuję pomocy w domu, trudno mi wychodzić.",
        submitted_at=submitted_at,
    )


def assessed(centre, by=None, **kwargs):
    application = received(centre, by, **kwargs)
    services.assessment_record(
        application=application,
        by=by,
        assessed_on=timezone.localdate(),
        place="home",
        findings={"self_care": ("substantial", "Nie daje rady sama robić zakupów.")},
    )
    application.refresh_from_db()
    return application


def grant(line: RequestedService, by=None, units="8"):
    return services.qualify(
        requested=line,
        by=by,
        units_per_period=Decimal(units),
        period="week",
        starts_on=timezone.localdate(),
    )


def cases_of(centre, director) -> dict:
    """URL kwargs: an application with a refusal decision and an appeal, a waiting list, a
    completion request, a sub-case and a limit."""
    service = programme_service(centre, "Usługi opiekuńcze")
    limit = services.limit_create(
        service=service,
        by=None,
        starts_on=timezone.localdate() - dt.timedelta(days=30),
        ends_on=timezone.localdate() + dt.timedelta(days=300),
        places=1,
    )
    first = assessed(centre, services_=[service])
    granted = grant(first.requested.get())
    second = assessed(centre, services_=[service], person=person_in(centre, "Jan", "Lis"))
    waiting = grant(second.requested.get())
    third = assessed(centre, services_=[service], person=person_in(centre, "Anna", "Wrona"))
    decision = services.refuse(requested=third.requested.get(), by=director, reasons="Brak.")
    services.decision_delivered(decision=decision, by=None, delivered_on=timezone.localdate())
    appeal = services.appeal_record(decision=decision, by=None, filed_on=timezone.localdate())
    fourth = received(centre, person=person_in(centre, "Olga", "Sowa"), services_=[service])
    request = services.completion_request(application=fourth, by=None, missing="Podpis.")
    people.consent_give(person=first.person, by=None, purpose="forward_application", form="written")
    subcase = services.route(
        application=first,
        by=None,
        target="social_assistance",
        unit_name="Zespół pomocy społecznej",
        regime="b",
        scope="Zasiłek celowy na leki.",
    )
    return {
        "application_id": first.pk,
        "requested_id": granted.pk,
        "decision_id": decision.pk,
        "appeal_id": appeal.pk,
        "entry_id": waiting.waitlist_entry.pk,
        "request_id": request.pk,
        "subcase_id": subcase.pk,
        "limit_id": limit.pk,
    }
