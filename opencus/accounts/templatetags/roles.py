from django import template

from opencus.accounts.roles import ROLE_DESCRIPTIONS, Role
from opencus.accounts.rules import can

register = template.Library()


@register.filter
def role_label(role: str) -> str:
    return Role(role).label


@register.filter
def role_description(role: str) -> str:
    return ROLE_DESCRIPTIONS.get(role, "")


@register.simple_tag(takes_context=True)
def may(context, permission: str) -> bool:
    """Whether the signed-in user holds ``permission`` in the page's context (the centre,
    organisation or network in the address), for links to pages another role may not open:
    ``{% may "plans.view_plan" as can_read_plans %}``."""
    request = context.get("request")
    active = getattr(request, "opencus_context", None)
    if request is None or active is None:
        return False
    return can(request.user, permission, active.obj)
