from django.contrib.contenttypes.models import ContentType

from opencus.audit.models import AccessLogEntry, AccessPurpose


def _client_ip(request) -> str | None:
    return request.META.get("REMOTE_ADDR") or None


def access_log_record(
    *,
    request,
    subject,
    centre=None,
    purpose: str = AccessPurpose.CASE_HANDLING,
    fields: str = "",
) -> AccessLogEntry:
    """Record that the requesting user was shown ``subject``'s personal data.

    Called by the view that shows the data, before it renders, so no read goes unrecorded.
    """
    match = getattr(request, "resolver_match", None)
    return AccessLogEntry.objects.create(
        actor=request.user,
        actor_label=f"{request.user.get_full_name()} <{request.user.email}>".strip(),
        centre=centre,
        subject_type=ContentType.objects.get_for_model(subject),
        subject_id=str(subject.pk),
        subject_label=str(subject)[:300],
        fields=fields[:500],
        purpose=purpose,
        view_name=(match.view_name if match else "")[:200],
        path=request.get_full_path()[:500],
        ip_address=_client_ip(request),
    )
