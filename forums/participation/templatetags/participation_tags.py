"""What customer story pages (of the knowledge app) show of their answers.

Knowledge's templates load these tags, as network pages load the forums' and the calendar's;
knowledge's Python never imports participation.
"""

from django import template

from ..selectors import story_context, story_listing_summaries

register = template.Library()


def _user(context):
    request = context.get("request")
    return getattr(request, "user", None)


@register.inclusion_tag("participation/includes/story_answers.html", takes_context=True)
def story_answers(context, page):
    """The answers section of a customer story page: `{% story_answers page %}`."""
    user = _user(context)
    return {"page": page, "request": context.get("request"), "user": user, **story_context(page, user)}


@register.simple_tag(takes_context=True)
def stories_with_summaries(context, stories) -> list:
    """The listed stories, each with its answer summary when the person may see it (else None):
    `{% stories_with_summaries items as rows %}{% for story, summary in rows %}`."""
    stories = list(stories)
    summaries = story_listing_summaries(_user(context), [story.pk for story in stories])
    return [(story, summaries.get(story.pk)) for story in stories]
