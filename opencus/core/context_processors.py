from opencus.core.navigation import nav_for


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    from opencus.accounts.context import user_contexts

    context = getattr(request, "opencus_context", None)
    match = getattr(request, "resolver_match", None)
    url_name = f"{match.namespace}:{match.url_name}" if match and match.namespace else ""
    return {
        "active_context": context,
        "user_contexts": user_contexts(user),
        "nav_items": nav_for(user, context, url_name) if context else [],
    }
