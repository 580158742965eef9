"""The navigation of each context kind: what it links to and which permission shows the link."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from opencus.accounts.context import URL_KWARG
from opencus.accounts.roles import ContextKind
from opencus.accounts.rules import can


@dataclass(frozen=True)
class NavItem:
    label: str | Promise
    url_name: str
    permission: str


NAVIGATION: dict[str, list[NavItem]] = {
    ContextKind.CENTRE: [
        NavItem(_("Dashboard"), "centre:dashboard", "centre.view_dashboard"),
        NavItem(_("Centre"), "centre:detail", "centre.view_centre"),
        NavItem(_("People"), "centre:person_list", "people.view_person"),
        NavItem(_("Applications"), "centre:application_list", "cases.view_application"),
        NavItem(_("Plans (IPUS)"), "centre:plan_list", "plans.view_plan"),
        NavItem(_("Equipment"), "centre:equipment_list", "equipment.view_equipment"),
        NavItem(_("Services given"), "centre:enrolment_list", "enrolments.view_enrolment"),
        NavItem(_("Referrals"), "centre:referral_list", "referrals.view_referral"),
        NavItem(_("Partners"), "centre:partner_list", "providers.view_partner"),
        NavItem(_("Commissioning"), "centre:call_list", "commissioning.view_call"),
        NavItem(_("Find partners"), "centre:partner_search", "commissioning.find_partner"),
        NavItem(_("Cooperation"), "centre:workshop_list", "cooperation.view_cooperation"),
        NavItem(_("Indicators"), "centre:cooperation_indicators", "cooperation.view_indicators"),
        NavItem(_("Contracts"), "centre:contract_list", "contracts.view_contract"),
        NavItem(_("Complaints and surveys"), "centre:complaint_list", "contracts.record_quality"),
        NavItem(_("Catalogue"), "centre:service_list", "catalogue.view_catalogue"),
        NavItem(_("Locations"), "centre:location_list", "catalogue.view_catalogue"),
        NavItem(_("Staff"), "centre:staff_list", "centre.view_staff"),
        NavItem(_("Access log"), "centre:access_log", "audit.view_access_log"),
        NavItem(_("Change history"), "centre:change_history", "audit.view_change_history"),
    ],
    ContextKind.ORGANISATION: [
        NavItem(_("Dashboard"), "organisation:dashboard", "organisation.view_dashboard"),
        NavItem(
            _("Services to deliver"), "organisation:enrolment_list", "enrolments.record_delivery"
        ),
        NavItem(_("Referrals"), "organisation:referral_list", "referrals.answer_referral"),
        NavItem(_("Contracts"), "organisation:contract_list", "contracts.view_own_contract"),
        NavItem(_("Profile"), "organisation:profile", "providers.manage_profile"),
        NavItem(_("Cooperation leader"), "organisation:leader", "providers.manage_profile"),
        NavItem(_("Attributes card"), "organisation:card", "providers.manage_profile"),
        NavItem(_("Portfolio"), "organisation:portfolio", "providers.manage_profile"),
        NavItem(_("Calls and offers"), "organisation:call_list", "commissioning.submit_offer"),
        NavItem(
            _("Cooperation with centres"),
            "organisation:cooperation_workshop_list",
            "cooperation.take_part",
        ),
    ],
    ContextKind.NETWORK: [
        NavItem(_("Dashboard"), "network:dashboard", "network.view_dashboard"),
        NavItem(_("Indicators"), "network:cooperation_indicators", "network.view_indicators"),
    ],
}


def nav_for(user, context, current_url_name: str) -> list[dict]:
    items = []
    for item in NAVIGATION[context.kind]:
        if can(user, item.permission, context.obj):
            items.append(
                {
                    "label": item.label,
                    "url": reverse(
                        item.url_name, kwargs={URL_KWARG[context.kind]: context.obj.slug}
                    ),
                    "current": current_url_name == item.url_name,
                }
            )
    return items
