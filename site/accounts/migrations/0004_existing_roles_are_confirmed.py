from django.db import migrations
from django.utils import timezone


def confirm_existing_roles(apps, schema_editor):
    """Roles given before confirmation existed count as confirmed."""
    User = apps.get_model("accounts", "User")
    User.objects.exclude(role="").filter(role_confirmed_at__isnull=True).update(role_confirmed_at=timezone.now())


class Migration(migrations.Migration):
    dependencies = [("accounts", "0003_role_confirmation")]

    operations = [migrations.RunPython(confirm_existing_roles, migrations.RunPython.noop)]
