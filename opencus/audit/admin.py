from django.contrib import admin

from opencus.audit.models import AccessLogEntry, AccessPurpose
from opencus.audit.services import access_log_record


class AccessLoggedAdminMixin:
    """Admin pages that show one person's record write an access-log row, like staff pages do."""

    access_log_fields = ""

    def access_log_centres(self, obj) -> list:
        """The centres whose directors should see this read; [None] for none in particular."""
        return [None]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "GET":
            obj = self.get_object(request, object_id)
            if obj is not None:
                for centre in self.access_log_centres(obj):
                    access_log_record(
                        request=request,
                        subject=obj,
                        centre=centre,
                        purpose=AccessPurpose.AUDIT,
                        fields=self.access_log_fields,
                    )
        return super().change_view(request, object_id, form_url, extra_context)


@admin.register(AccessLogEntry)
class AccessLogEntryAdmin(admin.ModelAdmin):
    list_display = ["occurred_at", "actor_label", "subject_label", "purpose", "centre", "view_name"]
    list_filter = ["purpose", "centre", "subject_type"]
    search_fields = ["actor_label", "subject_label", "path"]
    date_hierarchy = "occurred_at"
    list_select_related = ["centre"]

    # The log is evidence: nobody edits or deletes it from the admin.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
