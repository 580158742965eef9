# Public pages (mounted at the root by opencus/urls.py), the centre's pages (under
# /c/<centre_slug>/), the organisation's (under /o/<organisation_slug>/) and the network's
# (under /n/<network_slug>/).
urlpatterns: list = []
centre_urlpatterns: list = []
organisation_urlpatterns: list = []
network_urlpatterns: list = []
