"""The scene's individual plans (IPUS) in centre a, one at every stage, made through the
services as the KIPUS and the director would."""

import datetime as dt
from decimal import Decimal


def add_plans(world):
    """Plans of the scene's people, coordinated by ``world.kipus``:

    - ``world.plan_draft`` (Halina): a draft with a goal (``world.plan_goal``), a catalogue
      service (``world.plan_item``, meals), an outside service and a neighbour's help
      (``world.plan_support``);
    - ``world.plan_pending`` (Jan): agreed and waiting for the director's approval;
    - ``world.plan_active`` (Ewa): in force as version 2 after a revision, with a contact;
    - ``world.plan_revising``: under revision, one change pending;
    - ``world.plan_closing`` (Kowalak): ended early, waiting for the summary;
    - ``world.plan_closed``: closed with the results of its goal;
    - ``world.waiting_application``: assessed, calling for a plan nobody has started;
    - ``world.authorisation``: the OUS's valid authorisation to approve plans.
    """
    from django.utils import timezone

    from opencus.cases import services as cases
    from opencus.people import services as people
    from opencus.plans import services

    a, kipus, director = world.a, world.kipus, world.director
    today = timezone.localdate()

    def application(person, days_ago=5):
        app = cases.application_receive(
            centre=a,
            by=world.front_desk,
            person=person,
            channel="desk",
            submitter_role="person",
            services=[world.meals],
            description="Nie daję rady gotować, mieszkam sama.",
            submitted_at=timezone.now() - dt.timedelta(days=days_ago),
        )
        cases.assessment_record(
            application=app,
            by=kipus,
            assessed_on=today,
            place="home",
            findings={"self_care": ("substantial", "Nie gotuje, często nie je obiadu.")},
            persons_view="Chcę zostać w swoim mieszkaniu.",
            ipus_required=True,
        )
        return app

    def plan(person, days_ago=5):
        new = services.plan_create(
            centre=a,
            application=application(person, days_ago),
            by=kipus,
            coordinator=kipus,
            period_from=today,
            period_to=today + dt.timedelta(days=180),
            monitoring_how="Wizyta w domu; telefon do córki.",
            risk_notes="Upadki w łazience.",
        )
        services.goal_add(
            plan=new,
            by=kipus,
            goal="Ciepły posiłek każdego dnia",
            indicator="Je obiad co najmniej 5 razy w tygodniu",
            target_date=today + dt.timedelta(days=60),
            persons_words="Chcę jeść normalne obiady.",
        )
        services.item_add(
            plan=new,
            by=kipus,
            service=world.meals,
            units_per_period=Decimal("5"),
            period="week",
            starts_on=today,
        )
        services.item_add(
            plan=new,
            by=kipus,
            external_kind="health",
            external_name="Wizyty w poradni geriatrycznej",
            provider_name="Szpital Powiatowy",
            starts_on=today,
            fee_note="bezpłatnie (NFZ)",
        )
        services.support_add(
            plan=new,
            by=kipus,
            kind="neighbours",
            who="Pani Teresa, sąsiadka",
            what="Zagląda wieczorem",
            how_often="codziennie",
        )
        new.refresh_from_db()
        return new

    def approved(new):
        services.plan_agree(
            plan=new, by=kipus, agreed_on=today, form="signature", agreed_by_name=str(new.person)
        )
        services.plan_submit(plan=new, by=kipus)
        return services.plan_approve(plan=new, by=director)

    world.plan_draft = plan(world.halina, days_ago=26)
    world.plan_goal = world.plan_draft.goals.get()
    world.plan_item = world.plan_draft.items.get(service__isnull=False)
    world.plan_support = world.plan_draft.support.get()

    world.plan_pending = plan(world.jan)
    services.plan_agree(
        plan=world.plan_pending,
        by=kipus,
        agreed_on=today,
        form="oral",
        agreed_by_name="Jan Nowak",
        witness="Ewa Nowak, córka",
    )
    world.plan_pending = services.plan_submit(plan=world.plan_pending, by=kipus)

    world.plan_active = approved(plan(world.ewa))
    services.plan_revise(plan=world.plan_active, by=kipus, reason="Dochodzi rehabilitacja")
    services.support_add(
        plan=world.plan_active,
        by=kipus,
        kind="volunteers",
        who="Wolontariusz Piotr",
        what="Spacery w parku",
        how_often="w środy",
    )
    world.plan_active = approved(world.plan_active)
    services.contact_record(
        plan=world.plan_active,
        by=kipus,
        contact_on=today,
        kind="visit",
        progress="Obiady przychodzą, pani Ewa je regularnie.",
        issues="Prosi o dietę lekkostrawną.",
        next_contact_on=today + dt.timedelta(days=30),
    )

    revising = people.person_create(
        centre=a, by=None, first_name="Roman", last_name="Rewizja", birth_date=dt.date(1941, 2, 2)
    )
    world.plan_revising = approved(plan(revising))
    services.plan_revise(plan=world.plan_revising, by=kipus, reason="Zmiana liczby obiadów")
    services.item_update(
        item=world.plan_revising.items.get(service__isnull=False),
        by=kipus,
        units_per_period=Decimal("7"),
    )

    closing = people.person_create(  # not world.kowalak: his meals are suspended (enrolments)
        centre=a, by=None, first_name="Karol", last_name="Kończący", birth_date=dt.date(1943, 3, 3)
    )
    world.plan_closing = approved(plan(closing))
    services.plan_end(plan=world.plan_closing, by=kipus, reason="moved_out", ended_on=today)

    someone = people.person_create(
        centre=a, by=None, first_name="Zofia", last_name="Zamknięta", birth_date=dt.date(1940, 1, 1)
    )
    world.plan_closed = approved(plan(someone))
    services.plan_end(plan=world.plan_closed, by=kipus, reason="goals_met", ended_on=today)
    world.plan_closed = services.plan_close(
        plan=world.plan_closed,
        by=kipus,
        summary_conversation_on=today,
        course_description="Pani Zofia gotuje znowu sama; obiady nie są już potrzebne.",
        results={g.pk: ("achieved", "Je obiad codziennie.") for g in world.plan_closed.goals.all()},
    )

    waiting = people.person_create(
        centre=a,
        by=None,
        first_name="Wacław",
        last_name="Czekający",
        birth_date=dt.date(1938, 5, 5),
    )
    world.waiting_application = application(waiting, days_ago=35)

    world.authorisation = services.authorisation_grant(
        centre=a,
        by=director,
        user=world.ous,
        valid_from=today - dt.timedelta(days=30),
        valid_to=today + dt.timedelta(days=335),
        number="UP/1/2026",
    )
