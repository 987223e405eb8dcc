import uuid

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from typ_site.core.forms import ClientDataGuardMixin
from typ_site.core.validators import validate_no_personal_identity_code

from .attachments import MAX_ATTACHMENTS_PER_POST, check_upload
from .models import Forum, ModerationAction, Reaction, Report
from .rendering import render_markdown

MAX_POST_LENGTH = 20_000
MIN_POST_LENGTH = 2

EDITOR_HELP = _(
    "Write in Markdown: **bold**, *italic*, lists, > quotes and links. HTML is shown as text. "
    "Mention a colleague with @[First Last], written as their name appears next to their "
    "posts; only people who can see this forum are notified. Never write client information "
    "or personal identity codes."
)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault(
            "widget",
            MultipleFileInput(
                attrs={
                    "accept": "image/png,image/jpeg,image/gif,image/webp,application/pdf",
                }
            ),
        )
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data if item]
        return [single(data, initial)] if data else []


def body_field() -> forms.CharField:
    return forms.CharField(
        label=_("Message"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=MAX_POST_LENGTH,
        help_text=EDITOR_HELP,
    )


def clean_post_text(body: str) -> str:
    """The text as written is checked with the form's other text fields
    (ClientDataGuardMixin); here it is checked as it will be shown, once rendered."""
    body = body.strip()
    if len(body) < MIN_POST_LENGTH:
        raise forms.ValidationError(_("The message is too short."), code="too_short")
    validate_no_personal_identity_code(render_markdown(body))
    return body


def clean_title_text(title: str) -> str:
    return " ".join(title.split())  # one line: titles go into e-mail subjects and feeds


class PostFormMixin(ClientDataGuardMixin, forms.Form):
    body = body_field()
    attachments = MultipleFileField(
        label=_("Attachments"),
        required=False,
        help_text=_("Images (PNG, JPEG, GIF, WebP) or PDF documents, at most 5 files of 10 MB each."),
    )
    # One token per form: submitting the same form twice makes one post.
    token = forms.UUIDField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("token", uuid.uuid4())

    def clean_body(self):
        return clean_post_text(self.cleaned_data["body"])

    def clean_attachments(self):
        files = self.cleaned_data.get("attachments") or []
        if len(files) > MAX_ATTACHMENTS_PER_POST:
            raise forms.ValidationError(
                _("Attach at most %(count)d files to one post.") % {"count": MAX_ATTACHMENTS_PER_POST}
            )
        errors = []
        for upload in files:
            try:
                check_upload(upload)
            except forms.ValidationError as error:
                errors.extend(error.messages)
        if errors:
            raise forms.ValidationError(errors)
        return files


def _page_choices():
    return Page.objects.live().public().filter(depth__gt=2).order_by("title")


class TopicForm(PostFormMixin):
    title = forms.CharField(label=_("Title"), max_length=200, min_length=5)
    related_pages = forms.ModelMultipleChoiceField(
        label=_("Related pages"),
        queryset=Page.objects.none(),
        required=False,
        help_text=_("For example the law interpretation or guidance page this discussion is about."),
    )

    field_order = ["title", "body", "attachments", "related_pages", "token"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["related_pages"].queryset = _page_choices()

    def clean_title(self):
        return clean_title_text(self.cleaned_data["title"])


class ReplyForm(PostFormMixin):
    reply_to = forms.IntegerField(widget=forms.HiddenInput, required=False)


class EditPostForm(ClientDataGuardMixin, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200, min_length=5)
    body = body_field()

    def __init__(self, *args, edit_title: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not edit_title:
            del self.fields["title"]

    def clean_body(self):
        return clean_post_text(self.cleaned_data["body"])

    def clean_title(self):
        return clean_title_text(self.cleaned_data["title"])


class ReportForm(forms.ModelForm):
    class Meta:
        model = Report
        fields = ["reason"]
        labels = {"reason": _("Why should a moderator look at this post?")}
        widgets = {"reason": forms.Textarea(attrs={"rows": 4, "maxlength": 2000})}

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(_("Tell the moderators why."))
        return reason


class HidePostForm(ClientDataGuardMixin, forms.Form):
    reason = forms.CharField(
        label=_("Reason (shown in the moderation log)"),
        required=False,
        max_length=ModerationAction._meta.get_field("details").max_length,
    )


class ReactionForm(forms.Form):
    kind = forms.ChoiceField(choices=Reaction.Kind.choices)


class MoveTopicForm(forms.Form):
    forum = forms.ModelChoiceField(label=_("Move to forum"), queryset=Forum.objects.none())

    def __init__(self, *args, forums=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["forum"].queryset = forums if forums is not None else Forum.objects.none()
