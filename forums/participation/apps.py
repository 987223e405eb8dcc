from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _

from typ_site.accounts.signals import account_removed


class ParticipationConfig(AppConfig):
    """Votes on development needs and the validation of customer stories.

    The models keep their `forums_...` tables from the time participation was part of the
    forums app (see migrations/0001_initial.py).
    """

    name = "forums.participation"
    label = "participation"
    verbose_name = _("Participation")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from knowledge.models import CaseStoryPage

        from .criteria_search import register_criteria_search
        from .signal_handlers import anonymise_ballots_of_removed_account, open_story_for_answers

        register_criteria_search()

        account_removed.connect(
            anonymise_ballots_of_removed_account, dispatch_uid="participation.account_removed"
        )
        post_save.connect(
            open_story_for_answers, sender=CaseStoryPage, dispatch_uid="participation.open_story_for_answers"
        )
