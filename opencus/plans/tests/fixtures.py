"""Individual plans for tests: an application calling for a plan, plans at each stage, and
the URL kwargs that reach them."""

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from opencus.accounts.models import Membership
from opencus.accounts.roles import Role
from opencus.cases import services as cases
from opencus.cases.tests.fixtures import person_in, programme_service
from opencus.plans import services


def ipus_application(
    centre, *, by=None, person=None, services_=None, submitted_at=None, ipus_required=True
):
    """A registered application whose needs recognition calls (or not) for a plan."""
    application = cases.application_receive(
        centre=centre,
        by=by,
        person=person or person_in(centre, "Zenon", "Planowy"),
        channel="desk",
        submitter_role="person",
        services=services_ or [programme_service(centre, "Asystent osobisty")],
        description="Mieszkam sam, potrzebuję pomocy w domu i w sprawach urzędowych.",
        submitted_at=submitted_at,
    )
    cases.assessment_record(
        application=application,
        by=by,
        assessed_on=timezone.localdate(),
        place="home",
        findings={
            "self_care": ("substantial", "Nie daje rady sam robić zakupów."),
            "social": ("some", "Rzadko wychodzi z domu."),
        },
        persons_view="Chcę zostać u siebie w domu.",
        ipus_required=ipus_required,
    )
    application.refresh_from_db()
    return application


def draft_plan(centre, coordinator, *, application=None, service=None, months=6, **kwargs):
    """A draft with one goal, one catalogue service, one outside service and a neighbour's help."""
    application = application or ipus_application(centre, by=coordinator)
    today = timezone.localdate()
    plan = services.plan_create(
        centre=centre,
        application=application,
        by=coordinator,
        coordinator=coordinator,
        period_from=today,
        period_to=today + dt.timedelta(days=30 * months),
        monitoring_how="Wizyta w domu, telefon do córki.",
        **kwargs,
    )
    services.goal_add(
        plan=plan,
        by=coordinator,
        goal="Samodzielne zakupy",
        indicator="Robi zakupy sam dwa razy w tygodniu",
        target_date=today + dt.timedelta(days=90),
        persons_words="Chcę sam chodzić do sklepu.",
    )
    services.item_add(
        plan=plan,
        by=coordinator,
        service=service or application.requested.first().service,
        units_per_period=Decimal("8"),
        period="week",
        starts_on=today,
    )
    services.item_add(
        plan=plan,
        by=coordinator,
        external_kind="health",
        external_name="Rehabilitacja w poradni NFZ",
        provider_name="Poradnia rehabilitacyjna",
        starts_on=today,
        fee_note="bezpłatnie (NFZ)",
    )
    services.support_add(
        plan=plan,
        by=coordinator,
        kind="neighbours",
        who="Pani Maria, sąsiadka",
        what="Zagląda codziennie wieczorem",
        how_often="codziennie",
    )
    plan.refresh_from_db()
    return plan


def agree(plan, by):
    return services.plan_agree(
        plan=plan,
        by=by,
        agreed_on=timezone.localdate(),
        form="signature",
        agreed_by_name=str(plan.person),
    )


def active_plan(centre, coordinator, director, **kwargs):
    plan = draft_plan(centre, coordinator, **kwargs)
    agree(plan, coordinator)
    services.plan_submit(plan=plan, by=coordinator)
    return services.plan_approve(plan=plan, by=director)


def _member(centre, role):
    return (
        Membership.objects.active()
        .filter(centre=centre, role=role)
        .select_related("user")
        .order_by("created_at")
        .first()
    )


def plans_of(centre) -> dict:
    """URL kwargs: an active plan (goal, item, support, a monitoring contact), and an OUS's
    authorisation to approve plans. The centre needs a KIPUS and a director."""
    from opencus.accounts.tests.factories import UserFactory

    kipus = _member(centre, Role.KIPUS).user
    director = _member(centre, Role.DIRECTOR).user
    ous = _member(centre, Role.OUS)
    ous = (
        ous.user
        if ous
        else Membership.objects.create(
            user=UserFactory(last_name=f"OUS-{centre.slug}"), centre=centre, role=Role.OUS
        ).user
    )
    plan = active_plan(centre, kipus, director)
    services.contact_record(
        plan=plan,
        by=kipus,
        contact_on=timezone.localdate(),
        kind="phone",
        progress="Asystent przychodzi zgodnie z planem.",
    )
    authorisation = services.authorisation_grant(
        centre=centre,
        by=director,
        user=ous,
        valid_from=timezone.localdate(),
        valid_to=timezone.localdate() + dt.timedelta(days=365),
        number=f"UP/{centre.slug}/1",
    )
    return {
        "plan_id": plan.pk,
        "goal_id": plan.goals.first().pk,
        "item_id": plan.items.first().pk,
        "support_id": plan.support.first().pk,
        "authorisation_id": authorisation.pk,
    }
