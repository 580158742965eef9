"""The resident's path, keyboard only, with axe on every step (issue 4, "Must show").

A resident applies online for meal delivery and a senior assistant; the desk registers the
application; the KIPUS recognises the needs at home, qualifies the meals and, the assistant
being full, the person joins its waiting list; the provider records a delivered meal; the
resident sees all of it in "my matters"; the assistant's place frees and the offer reaches
the resident, who accepts it.
"""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from e2e.keys import choose_option, choose_radio, follow, press_submit, tab_to, tick, type_into
from opencus.cases.enums import Outcome
from opencus.cases.models import Application
from opencus.plans.models import IndividualPlan

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def path(scene):
    """Meals by the partner organisation (no limit) and a senior assistant with one place,
    taken; a resident with a confirmed e-mail and no record yet."""
    from opencus.accounts.models import User
    from opencus.cases import services as cases
    from opencus.cases.tests.fixtures import assessed, grant, person_in, programme_service
    from opencus.catalogue import services as catalogue
    from opencus.residents import services as residents

    meals = programme_service(scene.a, "Dowóz posiłków", fee_kind="cofinanced", price="12")
    meals = catalogue.service_update(service=meals, by=None, provider=scene.organisation)
    assistant = programme_service(scene.a, "Asystent seniora", fee_kind="free")
    today = timezone.localdate()
    cases.limit_create(
        service=assistant,
        by=None,
        starts_on=today,
        ends_on=today + dt.timedelta(days=300),
        places=1,
    )
    holder = grant(
        assessed(
            scene.a, services_=[assistant], person=person_in(scene.a, "Zenon", "Ryba")
        ).requested.get()
    )
    resident = residents.email_verify(
        user=User.objects.create_user(
            email="stefania@example.org",
            password="Demo-CUS-2026",
            first_name="Stefania",
            last_name="Wrona",
        )
    )
    person = person_in(scene.a, "Stefania", "Wrona", dt.date(1941, 2, 3))
    return {
        "meals": meals,
        "assistant": assistant,
        "holder": holder,
        "resident": resident,
        "person": person,
    }


def test_the_resident_path_from_application_to_an_offered_place(
    scene, path, page, live_server, login_as, axe
):
    meals, assistant, resident = path["meals"], path["assistant"], path["resident"]
    centre = scene.a

    # 1. The resident applies online from the service's page, with the keyboard alone.
    login_as(resident)
    page.goto(f"{live_server.url}/services/{meals.pk}/")
    follow(page, "main a[href^='/my/apply/']")
    axe("online application form")
    type_into(page, "first_name", "Stefania")
    type_into(page, "last_name", "Wrona")
    type_into(page, "birth_date", "03.02.1941")
    type_into(page, "address", "ul. Polna 3, Alfowo")
    tick(page, f"main input[name=services][value='{assistant.pk}']")
    assert page.locator(f"main input[name=services][value='{meals.pk}']").is_checked()
    type_into(page, "description", "Nie gotuję już sama i potrzebuję pomocy przy zakupach.")
    press_submit(page)
    expect(page.locator("main .messages")).to_contain_text("wyznacza Twoje miejsce")
    axe("my matters, application sent")
    application = Application.objects.get(account=resident)
    assert {r.service for r in application.requested.all()} == {meals, assistant}

    # 2. The desk registers it, linking the person's record.
    page.context.clear_cookies()
    login_as(scene.front_desk)
    page.goto(f"{live_server.url}/c/{centre.slug}/applications/{application.pk}/")
    follow(page, "main a[href$='/register/']")
    axe("register an online application")
    tab_to(page, "main select[name=person]")
    choose_option(page, str(path["person"].pk))
    press_submit(page)
    expect(page.locator("main h1")).to_contain_text("Wniosek W/")

    # 3. The KIPUS recognises the needs at the person's home.
    page.context.clear_cookies()
    login_as(scene.kipus)
    page.goto(f"{live_server.url}/c/{centre.slug}/applications/{application.pk}/")
    follow(page, "main a[href$='/assessment/']")
    axe("needs recognition form")
    tab_to(page, "main select[name=place]")
    choose_option(page, "home")
    choose_radio(page, "level_self_care", "substantial")
    type_into(page, "situation_self_care", "Nie przygotuje sama ciepłego posiłku.")
    choose_radio(page, "level_social", "some")
    type_into(page, "persons_view", "Chcę zostać u siebie.")
    tick(page, "main input[name=ipus_required]")
    press_submit(page)
    expect(page.locator("main")).to_contain_text("Termin IPUS")

    # 4. Meals are granted; the assistant is full: the person joins its waiting list.
    for service, expected in ((meals, "przyznana"), (assistant, "na liście oczekujących")):
        line = application.requested.get(service=service)
        follow(page, f"main a[href$='/requested/{line.pk}/qualify/']")
        type_into(page, "units_per_period", "5")
        press_submit(page)
        expect(page.locator("main")).to_contain_text(expected)
    axe("application with a grant and a waiting list")
    meals_line = application.requested.get(service=meals)
    assert meals_line.outcome == Outcome.GRANTED and meals_line.enrolment is not None

    # 4b. The KIPUS drafts the plan (IPUS) with a goal, and records the person's agreement.
    follow(page, "main a[href*='/plans/new/?application=']")
    axe("new plan")
    type_into(page, "monitoring_how", "Telefon co dwa tygodnie, wizyta raz w miesiącu.")
    press_submit(page)
    plan = IndividualPlan.objects.get(application=application)
    follow(page, "main a[href$='/goals/new/']")
    type_into(page, "goal", "Codziennie ciepły posiłek")
    type_into(page, "indicator", "5 posiłków w tygodniu przez 3 miesiące")
    type_into(page, "persons_words", "Chcę jeść coś ciepłego i nie martwić się zakupami.")
    press_submit(page)
    follow(page, "main a[href$='/services/new/']")  # an outside service: the GP's nurse
    axe("a service in the plan")
    tab_to(page, "main select[name=external_kind]")
    choose_option(page, "health")
    type_into(page, "external_name", "Pielęgniarka środowiskowa (NFZ)")
    type_into(page, "units_per_period", "1")
    press_submit(page)
    follow(page, "main a[href$='/agreement/']")
    axe("the person's agreement")
    choose_radio(page, "form", "signature")
    type_into(page, "agreed_by_name", "Stefania Wrona")
    press_submit(page)
    press_submit(page, f"main form[action$='/plans/{plan.pk}/submit/'] button")
    expect(page.locator("main .messages")).to_contain_text("zatwierdzenia")

    # 4c. The director approves it.
    page.context.clear_cookies()
    login_as(scene.director)
    page.goto(f"{live_server.url}/c/{centre.slug}/plans/{plan.pk}/")
    follow(page, "main a[href$='/approve/']")
    axe("approve the plan")
    press_submit(page)
    plan.refresh_from_db()
    assert plan.status == "active"

    # 5. The provider records a delivered meal (only its own enrolments are there).
    page.context.clear_cookies()
    login_as(scene.provider)
    enrolment = meals_line.enrolment
    page.goto(f"{live_server.url}/o/{scene.organisation.slug}/enrolments/{enrolment.pk}/")
    follow(page, "main a[href$='/deliveries/new/']")
    axe("provider records a delivery")
    type_into(page, "units", "1")
    press_submit(page)
    assert enrolment.deliveries.filter(units=Decimal(1)).exists()

    # 6. The resident sees the service, the visit and their place in the queue.
    page.context.clear_cookies()
    login_as(resident)
    page.goto(f"{live_server.url}/my/")
    main = page.locator("main")
    expect(main).to_contain_text("Jesteś 1. w kolejce.")
    expect(main).to_contain_text("Dowóz posiłków")
    axe("my matters with a service and a queue position")

    # 7. The place frees (the holder's service ends) and the offer reaches the resident.
    from opencus.enrolments import services as enrolments

    enrolments.enrolment_end(
        enrolment=path["holder"].enrolment, by=scene.kipus, end_reason="resignation"
    )
    page.goto(f"{live_server.url}/my/")
    expect(main).to_contain_text("Proponujemy Ci miejsce")
    follow(page, "main a[href^='/my/offers/']")
    axe("the offer")
    press_submit(page, "main button[name=accept]")
    assert application.requested.get(service=assistant).outcome == Outcome.GRANTED

    # 8. The goals are met: the KIPUS ends the plan and closes it with the summary.
    page.context.clear_cookies()
    login_as(scene.kipus)
    page.goto(f"{live_server.url}/c/{centre.slug}/plans/{plan.pk}/")
    follow(page, "main a[href$='/end/']")
    choose_radio(page, "reason", "goals_met")
    press_submit(page)
    follow(page, "main a[href$='/close/']")
    axe("close the plan")
    type_into(page, "course_description", "Posiłki dowożone codziennie; asystent od listopada.")
    goal = plan.goals.get()
    choose_radio(page, f"goal_{goal.pk}", "achieved")
    type_into(page, f"goal_{goal.pk}_text", "Ciepły posiłek każdego dnia.")
    press_submit(page)
    plan.refresh_from_db()
    assert plan.status == "closed"
