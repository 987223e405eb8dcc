"""Accessibility feedback (law 306/2019): the form, and receiving a message.

Anyone may send feedback, signed in or not. A message is stored (`AccessibilityFeedback`, read
by KEHA staff in the admin) and e-mailed to KEHA's address, `ACCESSIBILITY_FEEDBACK_EMAIL`.
The client-data guard checks its text fields as for any model (`typ_site.core.client_data`).
"""

import logging

from django import forms
from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from .languages import default_language
from .models import AccessibilityFeedback

logger = logging.getLogger(__name__)

# allauth's rate limiter (it reads the client's address behind the trusted proxies); the
# limit is a row of ACCOUNT_RATE_LIMITS.
RATE_LIMIT_ACTION = "accessibility_feedback"


class AccessibilityFeedbackForm(forms.ModelForm):
    """`website` is a trap for robots: hidden from people (from screen readers and the keyboard
    too), so a message that fills it in was not written by a person."""

    website = forms.CharField(
        required=False,
        label="Website",
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    class Meta:
        model = AccessibilityFeedback
        fields = ["message", "page_address", "name", "email"]
        widgets = {"message": forms.Textarea(attrs={"rows": 8})}

    def visible_fields(self):
        return [field for field in super().visible_fields() if field.name != "website"]

    def is_from_a_robot(self) -> bool:
        return bool(self.cleaned_data.get("website"))


def receive_feedback(form: AccessibilityFeedbackForm, user, language: str) -> AccessibilityFeedback:
    """Store a valid form's feedback and e-mail it to KEHA (a failed e-mail loses nothing:
    the message waits in the admin)."""
    feedback = form.save(commit=False)
    feedback.language = language
    feedback.sender = user if user.is_authenticated else None
    feedback.save()
    try:
        feedback_email(feedback).send()
    except Exception:  # the SMTP server is down: the feedback is stored all the same
        logger.exception("Accessibility feedback %s was stored but not e-mailed", feedback.pk)
    return feedback


def feedback_email(feedback: AccessibilityFeedback) -> EmailMessage:
    """The e-mail to KEHA, in Finnish (KEHA's language), with a link to the admin."""
    with translation.override(default_language()):
        admin_url = settings.SITE_URL.rstrip("/") + reverse(
            "wagtailsnippets_core_accessibilityfeedback:inspect", args=[feedback.pk]
        )
        subject = settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + _("Accessibility feedback")
        body = render_to_string(
            "core/email/accessibility_feedback.txt", {"feedback": feedback, "admin_url": admin_url}
        )
    return EmailMessage(
        subject=subject,
        body=body,
        to=[settings.ACCESSIBILITY_FEEDBACK_EMAIL],
        reply_to=[feedback.email] if feedback.email else None,
    )
