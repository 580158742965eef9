from django import template

from opencus.accounts.roles import ROLE_DESCRIPTIONS, Role

register = template.Library()


@register.filter
def role_label(role: str) -> str:
    return Role(role).label


@register.filter
def role_description(role: str) -> str:
    return ROLE_DESCRIPTIONS.get(role, "")
