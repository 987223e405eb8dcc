"""The admin speaks the person's language: Wagtail's user profile follows `User.preferred_language`.

Wagtail chooses the admin's language, and the language of its workflow and comment e-mails, from
its own `UserProfile.preferred_language`; left empty, it falls back to the browser's language of
the moment (an editor with an English browser got an English admin, and a moderator's e-mail came
in the language of whoever pressed "submit"). The person's own preference is the one setting:
the profile copies it on every change, and a language chosen on Wagtail's account page is copied
back to it.
"""

from wagtail.users.models import UserProfile


def sync_admin_language(user) -> None:
    """Give the person's Wagtail profile their preferred language (creating the profile)."""
    profile = UserProfile.get_for_user(user)
    if profile.preferred_language != user.preferred_language:
        profile.preferred_language = user.preferred_language
        profile.save(update_fields=["preferred_language"])


def adopt_admin_language(profile: UserProfile) -> None:
    """A language chosen on Wagtail's account page becomes the person's preferred language."""
    language = profile.preferred_language
    user = profile.user
    if language and language != user.preferred_language:
        type(user).objects.filter(pk=user.pk).update(preferred_language=language)
        user.preferred_language = language
