"""Roles are data: each has a context kind, a description, and the permissions it grants.

This file is the one place that maps roles to permissions; views only name a permission.
"""

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class ContextKind(models.TextChoices):
    CENTRE = "centre", _("centre")
    ORGANISATION = "organisation", _("organisation")
    NETWORK = "network", _("network")


class Role(models.TextChoices):
    FRONT_DESK = "front_desk", _("front desk (punkt informacyjny)")
    OUS = "ous", _("organiser of social services (OUS)")
    KIPUS = "kipus", _("coordinator of individual plans (KIPUS)")
    OSL = "osl", _("local community organiser (OSL)")
    DIRECTOR = "director", _("director")
    PROVIDER_STAFF = "provider_staff", _("provider staff")
    ANALYST = "analyst", _("network analyst")


ROLE_CONTEXT: dict[str, str] = {
    Role.FRONT_DESK: ContextKind.CENTRE,
    Role.OUS: ContextKind.CENTRE,
    Role.KIPUS: ContextKind.CENTRE,
    Role.OSL: ContextKind.CENTRE,
    Role.DIRECTOR: ContextKind.CENTRE,
    Role.PROVIDER_STAFF: ContextKind.ORGANISATION,
    Role.ANALYST: ContextKind.NETWORK,
}

ROLE_DESCRIPTIONS: dict[str, str | Promise] = {
    Role.FRONT_DESK: _(
        "Registers people and applications and answers “what is there for me?” at the desk."
    ),
    Role.OUS: _("Keeps the catalogue, commissions providers, watches supply against demand."),
    Role.KIPUS: _("Builds and reviews individual plans (IPUS) and coordinates their providers."),
    Role.OSL: _("Runs the community plan, supporting activities, volunteers and the time bank."),
    Role.DIRECTOR: _(
        "Manages the centre: staff, centre data, approvals, and the access log of personal data."
    ),
    Role.PROVIDER_STAFF: _(
        "Works for a provider organisation: its profile, cooperation leader, referrals and "
        "delivery records."
    ),
    Role.ANALYST: _("Sees anonymised aggregates across the centres of a network."),
}

CENTRE_ROLES = frozenset(r for r, kind in ROLE_CONTEXT.items() if kind == ContextKind.CENTRE)
ORGANISATION_ROLES = frozenset(
    r for r, kind in ROLE_CONTEXT.items() if kind == ContextKind.ORGANISATION
)
NETWORK_ROLES = frozenset(r for r, kind in ROLE_CONTEXT.items() if kind == ContextKind.NETWORK)

# permission name -> roles that hold it (in the context object the permission is checked on)
PERMISSIONS: dict[str, frozenset[str]] = {
    "centre.view_dashboard": CENTRE_ROLES,
    "centre.view_centre": CENTRE_ROLES,
    "centre.change_centre": frozenset({Role.DIRECTOR}),
    "centre.change_status": frozenset({Role.DIRECTOR}),
    "centre.view_staff": CENTRE_ROLES,
    "centre.manage_staff": frozenset({Role.DIRECTOR}),
    "audit.view_access_log": frozenset({Role.DIRECTOR}),
    "audit.view_change_history": frozenset({Role.DIRECTOR}),
    # People's records: not the OSL, whose work with the community needs no personal files.
    "people.view_person": frozenset({Role.FRONT_DESK, Role.OUS, Role.KIPUS, Role.DIRECTOR}),
    "people.manage_person": frozenset({Role.FRONT_DESK, Role.OUS, Role.KIPUS, Role.DIRECTOR}),
    "people.view_health_data": frozenset({Role.OUS, Role.KIPUS, Role.DIRECTOR}),
    "people.merge_person": frozenset({Role.OUS, Role.DIRECTOR}),
    # Applications (wnioski): the desk receives and registers; OUS and KIPUS recognise needs
    # and qualify; only the director signs administrative decisions (refusals).
    "cases.view_application": frozenset({Role.FRONT_DESK, Role.OUS, Role.KIPUS, Role.DIRECTOR}),
    "cases.receive_application": frozenset({Role.FRONT_DESK, Role.OUS, Role.KIPUS, Role.DIRECTOR}),
    "cases.assess_needs": frozenset({Role.OUS, Role.KIPUS, Role.DIRECTOR}),
    "cases.qualify": frozenset({Role.OUS, Role.KIPUS, Role.DIRECTOR}),
    "cases.sign_decision": frozenset({Role.DIRECTOR}),
    "cases.manage_limits": frozenset({Role.OUS, Role.DIRECTOR}),
    # The equipment rental: the desk lends and takes back; the KIPUS sees what a person has.
    "equipment.view_equipment": frozenset({Role.FRONT_DESK, Role.OUS, Role.KIPUS, Role.DIRECTOR}),
    "equipment.manage_equipment": frozenset({Role.FRONT_DESK, Role.OUS, Role.DIRECTOR}),
    # Individual plans (IPUS): the KIPUS prepares them; the director approves (an OUS only
    # with the director's authorisation, checked by plans.services) and supervises.
    "plans.view_plan": frozenset({Role.OUS, Role.KIPUS, Role.DIRECTOR}),
    "plans.manage_plan": frozenset({Role.OUS, Role.KIPUS, Role.DIRECTOR}),
    "plans.approve_plan": frozenset({Role.DIRECTOR}),
    "plans.supervise": frozenset({Role.DIRECTOR}),
    # Referrals: the desk may follow them; OUS, KIPUS and the director refer and answer
    # referrals received from other centres; provider staff answer in their organisation.
    "referrals.view_referral": frozenset({Role.FRONT_DESK, Role.OUS, Role.KIPUS, Role.DIRECTOR}),
    "referrals.send_referral": frozenset({Role.OUS, Role.KIPUS, Role.DIRECTOR}),
    "referrals.answer_referral": frozenset(
        {Role.OUS, Role.KIPUS, Role.DIRECTOR, Role.PROVIDER_STAFF}
    ),
    "catalogue.view_catalogue": CENTRE_ROLES,
    "catalogue.manage_catalogue": frozenset({Role.OUS, Role.DIRECTOR}),
    # Services given to people and their deliveries; provider staff record the deliveries of
    # their own organisation's services (checked in the organisation context).
    "enrolments.view_enrolment": frozenset({Role.FRONT_DESK, Role.OUS, Role.KIPUS, Role.DIRECTOR}),
    "enrolments.manage_enrolment": frozenset({Role.OUS, Role.KIPUS, Role.DIRECTOR}),
    "enrolments.record_delivery": frozenset(
        {Role.OUS, Role.KIPUS, Role.DIRECTOR, Role.PROVIDER_STAFF}
    ),
    # Partner organisations (seed 003): every role of the centre sees who it works with and
    # their cooperation leader; the OUS (who commissions) and the director verify them.
    "providers.view_partner": CENTRE_ROLES,
    "providers.verify_partner": frozenset({Role.OUS, Role.DIRECTOR}),
    # The organisation keeps its own profile and names its cooperation leader.
    "providers.manage_profile": ORGANISATION_ROLES,
    # Commissioning (issue 5): every role of the centre sees its calls; the OUS (who
    # commissions) and the director find partners, run calls, evaluate and award; an
    # organisation reads calls and submits offers through the provider portal.
    "commissioning.view_call": CENTRE_ROLES,
    "commissioning.find_partner": frozenset({Role.OUS, Role.KIPUS, Role.DIRECTOR}),
    "commissioning.manage_call": frozenset({Role.OUS, Role.DIRECTOR}),
    "commissioning.submit_offer": ORGANISATION_ROLES,
    # Contracts and their monitoring: the OUS and the director sign and watch them, the
    # KIPUS sees what providers owe; complaints, surveys and inspections are recorded by the
    # staff who hear them; the organisation sees its own contracts and answers for them.
    "contracts.view_contract": frozenset({Role.OUS, Role.KIPUS, Role.DIRECTOR}),
    "contracts.manage_contract": frozenset({Role.OUS, Role.DIRECTOR}),
    "contracts.record_quality": frozenset({Role.FRONT_DESK, Role.OUS, Role.KIPUS, Role.DIRECTOR}),
    "contracts.view_own_contract": ORGANISATION_ROLES,
    # Procedures 5 and 6 of seed 003 (workshop, pilot inclusion) shared by the centre's
    # organising team and the organisation; the partnership strategy's indicators.
    "cooperation.view_cooperation": CENTRE_ROLES,
    "cooperation.manage_cooperation": frozenset({Role.OUS, Role.KIPUS, Role.OSL, Role.DIRECTOR}),
    "cooperation.take_part": ORGANISATION_ROLES,
    "cooperation.view_indicators": CENTRE_ROLES,
    "network.view_indicators": NETWORK_ROLES,
    "organisation.view_dashboard": ORGANISATION_ROLES,
    "network.view_dashboard": NETWORK_ROLES,
}
