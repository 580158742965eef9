"""export_hsds → wipe the centre's catalogue → import_hsds → export_hsds: the same package,
file for file (same ids, rows and values) for everything HSDS carries."""

from io import StringIO

import pytest
from django.core.management import call_command

from opencus.catalogue.enums import ServiceStatus
from opencus.catalogue.models import Location, Service
from opencus.catalogue.tests.test_hsds_data import build_catalogue
from opencus.providers.models import Organisation

pytestmark = pytest.mark.django_db


def test_export_import_export_gives_the_same_package(tmp_path):
    catalogue = build_catalogue()
    first, second = tmp_path / "first", tmp_path / "second"
    call_command("export_hsds", str(first), stdout=StringIO())
    published = set(
        Service.objects.filter(centre=catalogue.centre).published().values_list("pk", flat=True)
    )

    # Wipe the centre's catalogue and the provider that only it used.
    Service.objects.filter(centre=catalogue.centre).delete()
    Location.objects.filter(centre=catalogue.centre).delete()
    Organisation.objects.filter(pk=catalogue.provider.pk).delete()

    out = StringIO()
    call_command("import_hsds", str(first), "--centre", catalogue.centre.slug, stdout=out)
    report = out.getvalue()
    assert "Services published: 3, drafts: 0" in report, report
    # The other centre's service is in the package, and stays the other centre's.
    assert "1 service(s) of another centre's catalogue left alone" in report
    assert "Not mapped" not in report  # everything we export comes back
    assert (
        set(Service.objects.filter(centre=catalogue.centre).values_list("pk", flat=True))
        == published
    )
    assert Service.objects.get(pk=catalogue.assistant.pk).status == ServiceStatus.PUBLISHED

    call_command("export_hsds", str(second), stdout=StringIO())
    files = sorted(p.name for p in first.iterdir())
    assert files == sorted(p.name for p in second.iterdir())
    for name in files:
        before = (first / name).read_text(encoding="utf-8")
        after = (second / name).read_text(encoding="utf-8")
        assert after == before, name
