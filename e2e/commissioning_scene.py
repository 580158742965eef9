"""The scene's commissioning: centre a's calls in every state, the world's organisation with a
portfolio for respite care and offers in several of them."""

import datetime as dt
from decimal import Decimal


def add_commissioning(world):
    """- ``world.call_draft``: an art. 19a draft (respite care); ``world.call_in_house``: an
      in-house draft; ``world.call_open``: published, the organisation's offer submitted
      (``world.offer_submitted``); ``world.call_writing``: published, the organisation's
      draft offer (``world.offer_draft``); ``world.call_closing``: published, deadline passed;
    - ``world.call_evaluation``: under evaluation, the organisation's offer accepted, scored,
      commented (``world.offer_evaluated``) and another's waiting for the formal check
      (``world.offer_unchecked``);
    - ``world.call_awarded`` (results not published yet) and ``world.call_results`` (published,
      ``world.offer_awarded``).
    """
    from opencus.commissioning import services
    from opencus.commissioning.enums import Mode
    from opencus.commissioning.tests.fixtures import (
        accept_and_score,
        awarded_call,
        draft_call,
        draft_offer,
        in_evaluation,
        pass_deadline,
        portfolio_of,
        published_call,
        submitted_offer,
        works_with,
    )
    from opencus.providers.tests.factories import OrganisationFactory

    today = dt.date.today()
    # The partners scene gives the organisation its portfolio (respite care, kind (a)); this
    # one only when it has none.
    if not world.organisation.portfolios.exists():
        portfolio_of(
            world.organisation,
            {
                "kind": "ready",
                "service_type": "respite_care",
                "area": "disability",
                "capacity": "10 rodzin miesięcznie",
                "experience": [(Decimal("60000"), today - dt.timedelta(days=200))],
            },
        )
    ous = world.ous
    world.call_draft = draft_call(world.a, by=ous, title="Opieka wytchnieniowa – projekt")
    world.call_in_house = draft_call(
        world.a, by=ous, mode=Mode.IN_HOUSE, title="Klub seniora – jednostka gminy"
    )
    OrganisationFactory(name="Dzienny Dom Senior+ w Alfie", legal_form="gmina_unit")
    world.call_open = published_call(world.a, by=ous, title="Opieka wytchnieniowa – nabór")
    world.offer_submitted = submitted_offer(world.call_open, world.organisation, by=world.provider)
    world.call_writing = published_call(world.a, by=ous, title="Asystencja – nabór")
    world.offer_draft = draft_offer(world.call_writing, world.organisation, by=world.provider)
    world.call_closing = pass_deadline(published_call(world.a, by=ous, title="Po terminie"))

    world.call_evaluation = published_call(world.a, by=ous, title="Opieka wytchnieniowa – ocena")
    evaluated = submitted_offer(world.call_evaluation, world.organisation, by=world.provider)
    other = OrganisationFactory(name="Fundacja Druga Oferta")
    works_with(other, world.a)
    world.offer_unchecked = submitted_offer(world.call_evaluation, other)
    in_evaluation(world.call_evaluation)
    world.offer_evaluated = accept_and_score(evaluated)
    services.comment_create(
        offer=world.offer_evaluated,
        by=None,
        name="Rada Seniorów",
        comment="Popieramy: świetlica jest dostępna dla wózków.",
    )

    world.call_awarded, _offer = awarded_call(
        world.a, OrganisationFactory(name="Fundacja Trzecia"), by=ous
    )
    world.call_results, world.offer_awarded = awarded_call(
        world.a, OrganisationFactory(name="Spółdzielnia Socjalna Wynik"), by=ous
    )
    works_with(world.offer_awarded.organisation, world.a)
    services.call_publish_results(call=world.call_results, by=world.director)
    # The organisation's own result: an offer in a call whose results are published.
    world.call_own_results, world.offer_own_result = awarded_call(
        world.a, world.organisation, by=ous
    )
    services.call_publish_results(call=world.call_own_results, by=world.director)
