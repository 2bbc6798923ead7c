"""Every installation has the Teachers group, so an admin can grant the role in production too."""

from django.conf import settings
from django.db import migrations


def create_group(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.get_or_create(name=settings.TEACHERS_GROUP)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("quizzes", "0002_attempt_timed_out"),
    ]

    operations = [migrations.RunPython(create_group, migrations.RunPython.noop)]
