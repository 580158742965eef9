import datetime as dt

from auditlog.models import LogEntry
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet
from django.utils import timezone

from opencus.audit.models import AccessLogEntry
from opencus.core.tenancy import scope_to_centre


def _day_bounds(date_from: dt.date | None, date_to: dt.date | None):
    tz = timezone.get_current_timezone()
    start = dt.datetime.combine(date_from, dt.time.min, tzinfo=tz) if date_from else None
    end = (
        dt.datetime.combine(date_to + dt.timedelta(days=1), dt.time.min, tzinfo=tz)
        if date_to
        else None
    )
    return start, end


def access_log_list(
    *,
    centre,
    actor_query: str = "",
    subject_type_id=None,
    subject_query: str = "",
    purpose: str = "",
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
) -> QuerySet[AccessLogEntry]:
    entries = scope_to_centre(AccessLogEntry.objects.select_related("subject_type"), centre)
    start, end = _day_bounds(date_from, date_to)
    if start:
        entries = entries.filter(occurred_at__gte=start)
    if end:
        entries = entries.filter(occurred_at__lt=end)
    if actor_query:
        entries = entries.filter(actor_label__icontains=actor_query)
    if subject_type_id:
        entries = entries.filter(subject_type_id=subject_type_id)
    if purpose:
        entries = entries.filter(purpose=purpose)
    if subject_query:
        entries = entries.filter(subject_label__icontains=subject_query)
    return entries.order_by("-occurred_at", "-id")


def personal_data_types() -> list[ContentType]:
    """Content types of the models that hold personal data (``PERSONAL_DATA = True``)."""
    models = [m for m in apps.get_models() if getattr(m, "PERSONAL_DATA", False)]
    return sorted(ContentType.objects.get_for_models(*models).values(), key=lambda ct: ct.model)


def change_history_list(
    *,
    centre,
    actor_query: str = "",
    action: int | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
) -> QuerySet[LogEntry]:
    """Changes of the centre's records, and of its staff's profiles made while they worked here.

    Records of a centre carry its id in ``additional_data["centre"]``; a profile change carries
    the centres the person worked in at that moment in ``additional_data["centres"]``.
    """
    of_centre = Q(additional_data__centre=str(centre.pk))
    of_its_staff = Q(additional_data__centres__icontains=f"|{centre.pk}|")
    entries = LogEntry.objects.filter(of_centre | of_its_staff).select_related(
        "actor", "content_type"
    )
    start, end = _day_bounds(date_from, date_to)
    if start:
        entries = entries.filter(timestamp__gte=start)
    if end:
        entries = entries.filter(timestamp__lt=end)
    if actor_query:
        entries = entries.filter(
            Q(actor__first_name__icontains=actor_query)
            | Q(actor__last_name__icontains=actor_query)
            | Q(actor__email__icontains=actor_query)
        )
    if action is not None:
        entries = entries.filter(action=action)
    return entries.order_by("-timestamp", "-id")
