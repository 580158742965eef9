from django.db import migrations


def create_terms(apps, schema_editor):
    from opencus.catalogue.terms import sync_terms

    sync_terms(apps.get_model("catalogue", "Term"))


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0001_initial")]

    operations = [migrations.RunPython(create_terms, migrations.RunPython.noop)]
