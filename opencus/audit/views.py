from django.utils import timezone

from opencus.accounts.context import centre_view
from opencus.audit import selectors
from opencus.audit.forms import AccessLogFilterForm, ChangeHistoryFilterForm
from opencus.audit.history import describe_changes
from opencus.audit.models import AccessPurpose
from opencus.audit.services import access_log_record
from opencus.core.exports import csv_response
from opencus.core.forms import valid_filters
from opencus.core.pagination import paginate, querystring_without_page
from opencus.core.views import render_list


def _access_filters(request, centre):
    form = AccessLogFilterForm(request.GET or None, subject_types=selectors.personal_data_types())
    filters = valid_filters(form)
    entries = selectors.access_log_list(
        centre=centre,
        actor_query=filters.get("actor", ""),
        subject_type_id=filters.get("subject_type") or None,
        subject_query=filters.get("subject", ""),
        purpose=filters.get("purpose", ""),
        date_from=filters.get("date_from"),
        date_to=filters.get("date_to"),
    )
    return form, entries


@centre_view("audit.view_access_log")
def access_log(request, centre):
    form, entries = _access_filters(request, centre)
    context = {
        "centre": centre,
        "form": form,
        "page": paginate(request, entries),
        "querystring": querystring_without_page(request),
    }
    return render_list(request, "audit/access_log.html", "log-table", context)


@centre_view("audit.view_access_log")
def access_log_csv(request, centre):
    _form, entries = _access_filters(request, centre)
    _record_export(request, centre, "access log")
    tz = timezone.get_current_timezone()
    rows = (
        (
            e.occurred_at.astimezone(tz).strftime("%Y-%m-%d %H:%M:%S"),
            e.actor_label,
            e.subject_type.model,
            e.subject_id,
            e.subject_label,
            e.fields,
            e.get_purpose_display(),
            e.view_name,
            e.path,
            e.ip_address or "",
        )
        for e in entries.iterator(chunk_size=2000)
    )
    header = [
        "when",
        "who",
        "record_type",
        "record_id",
        "record",
        "data_shown",
        "purpose",
        "view",
        "path",
        "ip",
    ]
    return csv_response(f"access-log-{centre.slug}-{timezone.localdate():%Y%m%d}.csv", header, rows)


def _record_export(request, centre, what: str) -> None:
    # An export copies personal data out of the system: it is a read like any other.
    access_log_record(
        request=request,
        subject=centre,
        centre=centre,
        purpose=AccessPurpose.EXPORT,
        fields=f"{what} (CSV)",
    )


def _history_filters(request, centre):
    form = ChangeHistoryFilterForm(request.GET or None)
    filters = valid_filters(form)
    entries = selectors.change_history_list(
        centre=centre,
        actor_query=filters.get("actor", ""),
        action=filters.get("action"),
        date_from=filters.get("date_from"),
        date_to=filters.get("date_to"),
    )
    return form, entries


@centre_view("audit.view_change_history")
def change_history(request, centre):
    form, entries = _history_filters(request, centre)
    # Old and new values of staff profiles are personal data shown on this page.
    access_log_record(
        request=request,
        subject=centre,
        centre=centre,
        purpose=AccessPurpose.AUDIT,
        fields="change history",
    )
    page = paginate(request, entries)
    context = {
        "centre": centre,
        "form": form,
        "page": page,
        "rows": [(entry, describe_changes(entry)) for entry in page.object_list],
        "querystring": querystring_without_page(request),
    }
    return render_list(request, "audit/change_history.html", "history-table", context)


@centre_view("audit.view_change_history")
def change_history_csv(request, centre):
    _form, entries = _history_filters(request, centre)
    _record_export(request, centre, "change history")
    tz = timezone.get_current_timezone()
    rows = (
        (
            e.timestamp.astimezone(tz).strftime("%Y-%m-%d %H:%M:%S"),
            str(e.actor) if e.actor else "",
            e.content_type.model,
            e.object_pk,
            e.object_repr,
            e.get_action_display(),
            "; ".join(f"{c['field']}: {c['old']} → {c['new']}" for c in describe_changes(e)),
        )
        for e in entries.iterator(chunk_size=2000)
    )
    header = ["when", "who", "record_type", "record_id", "record", "change", "fields"]
    return csv_response(
        f"change-history-{centre.slug}-{timezone.localdate():%Y%m%d}.csv", header, rows
    )
