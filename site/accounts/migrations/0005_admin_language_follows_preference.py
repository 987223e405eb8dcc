from django.db import migrations


def copy_languages_to_profiles(apps, schema_editor):
    """Every person's Wagtail profile gets their preferred language (the admin's language)."""
    User = apps.get_model("accounts", "User")
    UserProfile = apps.get_model("wagtailusers", "UserProfile")
    for user_id, language in User.objects.values_list("pk", "preferred_language"):
        profile, _created = UserProfile.objects.get_or_create(user_id=user_id)
        if profile.preferred_language != language:
            profile.preferred_language = language
            profile.save(update_fields=["preferred_language"])


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0004_existing_roles_are_confirmed"),
        ("wagtailusers", "0015_userprofile_keyboard_shortcuts"),
    ]

    operations = [migrations.RunPython(copy_languages_to_profiles, migrations.RunPython.noop)]
