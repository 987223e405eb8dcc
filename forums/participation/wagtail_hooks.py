"""Development needs and voting rounds are edited in the Wagtail admin (Snippets)."""

from wagtail.snippets.models import register_snippet

from .admin import DevelopmentNeedViewSet, VotingRoundViewSet

register_snippet(DevelopmentNeedViewSet)
register_snippet(VotingRoundViewSet)
