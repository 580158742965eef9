"""/hsds/: the catalogue as the Open Referral HSDS 3 API (filled in by opencus.api.hsds)."""

urlpatterns: list = []
