"""Forum pages. Thin: reads go through forums.selectors, writes through forums.services."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Max, Q
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from wagtail.models import Page

from knowledge.models import SectionDirectory
from typ_site.accounts.roles import is_verified_member
from typ_site.core.member_pages import kept_for_session
from typ_site.core.pagination import page_number

from . import permissions, post_fragments, selectors, services
from .diffs import edits_of
from .forms import EditPostForm, HidePostForm, MoveTopicForm, ReactionForm, ReplyForm, ReportForm, TopicForm
from .mentions import people_to_mention
from .models import FeedToken, Forum, ModerationAction, Notification, Reaction
from .notifications import hide_reasons
from .rendering import quote_as_markdown

POSTS_PER_PAGE = 20
TOPICS_PER_PAGE = 30
NOTIFICATIONS_PER_PAGE = 30


def _form_errors_to_messages(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


def index(request):
    if not request.user.is_authenticated:
        return render(request, "forums/index.html", {"needs_sign_in": True})
    forums = selectors.forum_list_for(request.user).annotate(
        topic_count=Count("topics", filter=Q(topics__is_hidden=False)),
        last_activity=Max("topics__last_post_at", filter=Q(topics__is_hidden=False)),
    )
    groups = {kind: [] for kind in Forum.Kind.values}
    for forum in forums:
        groups[forum.kind].append(forum)
    sections = [
        (Forum.Kind(kind).label, groups[kind])
        for kind in (
            Forum.Kind.NETWORK,
            Forum.Kind.REGIONAL,
            Forum.Kind.DIRECTORS,
            Forum.Kind.NATIONAL,
            Forum.Kind.THEME,
        )
        if groups[kind]
    ]
    return render(
        request,
        "forums/index.html",
        {
            "sections": sections,
            "moderates": bool(selectors.moderated_forum_ids(request.user)),
        },
    )


@login_required
def forum_detail(request, slug):
    forum = selectors.forum_page_for_user_or_404(request.user, slug)
    page = Paginator(selectors.topics_of_forum(request.user, forum), TOPICS_PER_PAGE).get_page(
        page_number(request)
    )
    return render(
        request,
        "forums/forum.html",
        {
            "forum": forum,
            "page_obj": page,
            "following": forum.is_followed,
            "is_moderator": permissions.can_moderate(request.user, forum),
            "feed_url": request.build_absolute_uri(reverse("forums:feed", args=[forum.feed_key, forum.slug]))
            if forum.feed_key
            else None,
        },
    )


def _address_of(name: str, *args):
    """One `reverse()` for the addresses of many posts: a function from a post's id to
    `reverse(name, args=[id, *args])`, in the language of the request like reverse()."""
    marker = "987654321"
    head, _marker, tail = reverse(name, args=[int(marker), *args]).rpartition(marker)
    return lambda pk: f"{head}{pk}{tail}"


def _prepare_posts(posts, topic, attachments, reactions) -> None:
    """What the topic page shows of each post besides its fields: its attachments, its
    reactions and the addresses of its links (each reversed once per page, not per post)."""
    post_address = _address_of("forums:post")
    addresses = {
        "history_url": _address_of("forums:post_history"),
        "react_url": _address_of("forums:react"),
        "edit_url": _address_of("forums:edit_post"),
        "report_url": _address_of("forums:report_post"),
    }
    hide_address = _address_of("forums:moderate_post", "hide")
    show_address = _address_of("forums:moderate_post", "show")
    reply_url = reverse("forums:reply", args=[topic.pk])
    kinds = [(kind, str(label)) for kind, label in Reaction.Kind.choices]
    no_reactions = selectors.PostReactions()
    for post in posts:
        post.anchor = f"post-{post.pk}"
        post.url = post_address(post.pk)
        for attribute, address in addresses.items():
            setattr(post, attribute, address(post.pk))
        post.moderate_url = (show_address if post.is_hidden else hide_address)(post.pk)
        post.quote_url = f"{reply_url}?quote={post.pk}"
        post.reply_to_url = post_address(post.reply_to_id) if post.reply_to_id else ""
        post.attachment_list = attachments.get(post.pk, [])
        given = reactions.get(post.pk, no_reactions)
        post.reaction_summary = [
            {"kind": kind, "label": label, "count": given.counts[kind], "mine": kind in given.mine}
            for kind, label in kinds
        ]


def _position_url(user, post) -> str:
    """The topic page a post is on, at the post: `?page=N#post-ID`."""
    position = (
        selectors.posts_of_topic(user, post.topic)
        .filter(Q(created_at__lt=post.created_at) | Q(created_at=post.created_at, pk__lt=post.pk))
        .count()
    )
    page = position // POSTS_PER_PAGE + 1
    url = post.topic.get_absolute_url()
    if page > 1:
        url += f"?page={page}"
    return f"{url}#post-{post.pk}"


@kept_for_session
@login_required
@require_GET
def topic_detail(request, pk):
    user = request.user
    # The topic comes with the visitor's read, follow and notification state (one query).
    topic = selectors.topic_page_for_user_or_404(user, pk)
    if "unread" in request.GET:
        # "New" in the topic list: the first post the visitor has not read, on whatever page.
        first_unread_post = selectors.first_unread_post(user, topic, topic.last_read_at)
        if first_unread_post is None:
            return redirect(topic)
        first_unread_post.topic = topic
        return redirect(_position_url(user, first_unread_post))
    page = Paginator(selectors.posts_of_topic(user, topic), POSTS_PER_PAGE).get_page(page_number(request))
    posts = list(page.object_list)
    post_ids = [post.pk for post in posts]
    _prepare_posts(posts, topic, selectors.attachments_of(post_ids), selectors.reactions_of(user, post_ids))
    last_read = topic.last_read_at
    first_unread = next((post.pk for post in posts if last_read is None or post.created_at > last_read), None)
    is_moderator = permissions.can_moderate(user, topic.forum)
    # A visit marks read what it showed: up to the last post of this page (on the last page,
    # the whole topic, posts hidden from the visitor included). Reading writes only when that
    # is newer than what was read before: a write waits for the database's lock.
    if posts:
        shown_up_to = posts[-1].created_at
        if not page.has_next():
            shown_up_to = max(shown_up_to, topic.last_post_at)
        if last_read is None or last_read < shown_up_to:
            services.mark_topic_read(user, topic, up_to=shown_up_to)
    if topic.has_unread_notifications:
        services.mark_topic_notifications_read(user, topic, post_ids)
    reply_form = None
    if not topic.is_locked and not topic.is_hidden:
        reply_form = ReplyForm()
    reader = post_fragments.Reader(
        user_id=user.pk,
        is_moderator=is_moderator,
        can_accept=permissions.can_accept(user, topic),
        can_reply=reply_form is not None,
        first_post_id=posts[0].pk if page.number == 1 and posts else None,
        first_unread=first_unread if last_read is not None else None,
    )
    accept_url = reverse("forums:accept_answer", args=[topic.pk])
    shown = [post_fragments.shown_post(post, topic, reader) for post in posts]
    rendered_posts = post_fragments.rendered_posts(
        request, shown, accept_url=accept_url, law_sections=SectionDirectory()
    )
    related_pages = []
    if topic.has_related_pages:
        # Specific pages (no extra query) link in the visitor's language, see BasePage.
        related_pages = topic.related_pages.live().public().order_by("title").specific(defer=True)
    return render(
        request,
        "forums/topic.html",
        {
            "forum": topic.forum,
            "topic": topic,
            "page_obj": page,
            "posts": posts,
            "rendered_posts": rendered_posts,
            "first_unread": first_unread if last_read is not None else None,
            "is_moderator": is_moderator,
            "following": topic.is_followed,
            "related_pages": related_pages,
            "reply_form": reply_form,
        },
    )


def _new_topic_initial(request) -> dict:
    page_id = request.GET.get("page")
    if page_id and page_id.isdigit():
        page = Page.objects.live().public().filter(pk=int(page_id)).first()
        if page is not None:
            return {"related_pages": [page.pk]}
    return {}


@login_required
@require_http_methods(["GET", "POST"])
def new_topic(request, slug):
    forum = selectors.forum_for_user_or_404(request.user, slug)
    form = TopicForm(request.POST or None, request.FILES or None, initial=_new_topic_initial(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            post = services.start_topic(
                request.user,
                forum,
                title=data["title"],
                body=data["body"],
                token=data["token"],
                uploads=data["attachments"],
                related_pages=data["related_pages"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your topic was published."))
            return redirect(post.topic)
    return render(request, "forums/topic_form.html", {"forum": forum, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def reply(request, pk):
    topic = selectors.topic_for_user_or_404(request.user, pk)
    if topic.is_locked or topic.is_hidden:
        messages.error(request, _("This topic is locked: new replies are not accepted."))
        return redirect(topic)
    initial = {}
    quoted = None
    quote_id = request.GET.get("quote", "")
    if request.method == "GET" and quote_id.isdigit():
        quoted = (
            selectors.visible_posts_for(request.user)
            .filter(pk=int(quote_id), topic=topic, is_hidden=False)
            .select_related("author")
            .first()
        )
        if quoted is None:
            raise Http404
        initial = {"body": quote_as_markdown(quoted.author_name, quoted.body), "reply_to": quoted.pk}
    form = ReplyForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        reply_to = None
        if data.get("reply_to"):
            reply_to = (
                selectors.visible_posts_for(request.user).filter(pk=data["reply_to"], topic=topic).first()
            )
            if reply_to is None:
                form.add_error(None, _("You cannot reply to a hidden post."))
        if not form.errors:
            try:
                post = services.reply(
                    request.user,
                    topic,
                    body=data["body"],
                    token=data["token"],
                    uploads=data["attachments"],
                    reply_to=reply_to,
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Your reply was published."))
                return redirect(post)
    return render(
        request,
        "forums/reply.html",
        {
            "forum": topic.forum,
            "topic": topic,
            "form": form,
            "quoted": quoted,
        },
    )


@login_required
def post_redirect(request, pk):
    """A post's own address: the topic page it is on, at the post."""
    post = selectors.post_for_user_or_404(request.user, pk)
    return redirect(_position_url(request.user, post))


@login_required
@require_http_methods(["GET", "POST"])
def edit_post(request, pk):
    post = selectors.post_for_user_or_404(request.user, pk)
    if not permissions.can_edit(request.user, post):
        raise PermissionDenied
    edit_title = services.is_first_post(post)
    form = EditPostForm(
        request.POST or None,
        edit_title=edit_title,
        initial={"body": post.body, "title": post.topic.title},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.edit_post(
                request.user, post, body=form.cleaned_data["body"], title=form.cleaned_data.get("title")
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your changes were saved."))
            return redirect(post)
    return render(
        request,
        "forums/edit_post.html",
        {
            "forum": post.topic.forum,
            "topic": post.topic,
            "post": post,
            "form": form,
        },
    )


@login_required
def post_history(request, pk):
    post = selectors.post_for_user_or_404(request.user, pk)
    if post.author_id != request.user.pk and not permissions.can_moderate(request.user, post.topic.forum):
        raise Http404
    return render(
        request,
        "forums/post_history.html",
        {
            "forum": post.topic.forum,
            "topic": post.topic,
            "post": post,
            "edits": edits_of(post, selectors.revisions_of(post)),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def report_post(request, pk):
    post = selectors.post_for_user_or_404(request.user, pk)
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.report_post(request.user, post, form.cleaned_data["reason"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Thank you. The moderators will look at the post."))
            return redirect(post)
    return render(
        request,
        "forums/report.html",
        {
            "forum": post.topic.forum,
            "topic": post.topic,
            "post": post,
            "form": form,
        },
    )


@login_required
@require_POST
def react(request, pk):
    post = selectors.post_for_user_or_404(request.user, pk)
    form = ReactionForm(request.POST)
    if form.is_valid():
        try:
            services.toggle_reaction(request.user, post, form.cleaned_data["kind"])
        except ValidationError as error:
            _form_errors_to_messages(request, error)
    return redirect(post)


@login_required
@require_POST
def accept_answer(request, pk):
    topic = selectors.topic_for_user_or_404(request.user, pk)
    post = None
    post_id = request.POST.get("post", "")
    if post_id.isdigit():
        post = selectors.visible_posts_for(request.user).filter(pk=int(post_id), topic=topic).first()
        if post is None:
            raise Http404
    try:
        services.accept_answer(request.user, topic, post)
    except ValidationError as error:
        _form_errors_to_messages(request, error)
    else:
        messages.success(
            request, _("The accepted answer was saved.") if post else _("The accepted answer was cleared.")
        )
    return redirect(topic)


@login_required
@require_POST
def follow_forum(request, slug):
    forum = selectors.forum_for_user_or_404(request.user, slug)
    if request.POST.get("follow") == "0":
        services.unfollow_forum(request.user, forum)
        messages.success(request, _("You no longer follow this forum."))
    else:
        services.follow_forum(request.user, forum)
        messages.success(request, _("You now follow this forum: you will hear of new topics."))
    return redirect(forum)


@login_required
@require_POST
def follow_topic(request, pk):
    topic = selectors.topic_for_user_or_404(request.user, pk)
    if request.POST.get("follow") == "0":
        services.unfollow_topic(request.user, topic)
        messages.success(request, _("You no longer follow this topic."))
    else:
        services.follow_topic(request.user, topic)
        messages.success(request, _("You now follow this topic: you will hear of new replies."))
    return redirect(topic)


@login_required
@require_GET
def mention_candidates(request, slug):
    """The people a mention in this forum may name, for the form's autocomplete (JSON)."""
    forum = selectors.forum_for_user_or_404(request.user, slug)
    people = people_to_mention(forum, request.GET.get("q", ""))
    response = JsonResponse(
        {
            "results": [
                {"name": person.get_full_name(), "mention": f"@[{person.get_full_name()}]"}
                for person in people
            ]
        }
    )
    response["Cache-Control"] = "private, no-store"
    return response


# --- Notifications ----------------------------------------------------------------------------


@login_required
def notifications(request):
    queryset = selectors.notifications_for(request.user).select_related(
        "post",
        "post__topic",
        "post__topic__forum",
        "actor",
        "membership",
        "membership__network",
        "network",
        "adoption_reminder__network",
        "adoption_reminder__page",
    )
    page = Paginator(queryset, NOTIFICATIONS_PER_PAGE).get_page(page_number(request))
    hidden = [n.post_id for n in page.object_list if n.reason == Notification.Reason.HIDDEN]
    reasons = hide_reasons(hidden) if hidden else {}
    for notification in page.object_list:
        notification.hide_reason = reasons.get(notification.post_id, "")
    return render(request, "forums/notifications.html", {"page_obj": page})


@login_required
def open_notification(request, pk):
    notification = get_object_or_404(selectors.notifications_for(request.user), pk=pk)
    services.mark_notifications_read(request.user, [notification.pk])
    if notification.reason == Notification.Reason.MEMBERSHIP_REQUEST:
        return redirect("networks:manage")
    if notification.reason == Notification.Reason.MEMBERSHIP_DECISION:
        return redirect("networks:list")
    if notification.reason == Notification.Reason.ADOPTION_REMINDER:
        return redirect("operating_model:network_adoption", notification.adoption_reminder.network.slug)
    if notification.reason == Notification.Reason.REPORTED:
        return redirect("forums:moderation")
    if notification.network is not None:
        return redirect("operating_model:whoswho", slug=notification.network.slug)
    return redirect(notification.post)


@login_required
@require_POST
def mark_all_read(request):
    services.mark_notifications_read(request.user)
    messages.success(request, _("All notifications are marked as read."))
    return redirect("forums:notifications")


# --- Moderation -------------------------------------------------------------------------------


def _moderated_forums_or_404(user):
    forums = selectors.moderated_forums_for(user)
    if not forums.exists():
        raise Http404
    return forums


@login_required
def moderation_queue(request):
    forums = _moderated_forums_or_404(request.user)
    log = ModerationAction.objects.filter(forum__in=forums).select_related("actor", "forum", "topic", "post")[
        :30
    ]
    return render(
        request,
        "forums/moderation_queue.html",
        {
            "reports": selectors.moderation_queue_for(request.user),
            "log": log,
        },
    )


@login_required
@require_POST
def moderate_topic(request, pk, action):
    topic = selectors.topic_for_user_or_404(request.user, pk)
    if not permissions.can_moderate(request.user, topic.forum):
        raise PermissionDenied
    try:
        services.moderate_topic(request.user, topic, action)
    except ValidationError as error:
        _form_errors_to_messages(request, error)
    else:
        messages.success(request, _("Done: the action was saved in the moderation log."))
    return redirect(topic)


@login_required
@require_POST
def moderate_post(request, pk, action):
    post = selectors.post_for_user_or_404(request.user, pk)
    if action not in ("hide", "show"):
        raise Http404
    if not permissions.can_moderate(request.user, post.topic.forum):
        raise PermissionDenied
    form = HidePostForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
        return redirect(post)
    services.set_post_hidden(request.user, post, action == "hide", reason=form.cleaned_data["reason"])
    messages.success(request, _("Done: the action was saved in the moderation log."))
    return redirect(post)


@login_required
@require_http_methods(["GET", "POST"])
def move_topic(request, pk):
    topic = selectors.topic_for_user_or_404(request.user, pk)
    if not permissions.can_moderate(request.user, topic.forum):
        raise PermissionDenied
    targets = selectors.moderated_forums_for(request.user).exclude(pk=topic.forum_id)
    form = MoveTopicForm(request.POST or None, forums=targets)
    if request.method == "POST" and form.is_valid():
        try:
            services.move_topic(request.user, topic, form.cleaned_data["forum"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The topic was moved."))
            return redirect(topic)
    return render(
        request,
        "forums/move_topic.html",
        {
            "forum": topic.forum,
            "topic": topic,
            "form": form,
        },
    )


@login_required
@require_POST
def handle_report(request, pk, action):
    if action not in ("resolve", "hide", "dismiss"):
        raise Http404
    report = get_object_or_404(selectors.moderation_queue_for(request.user), pk=pk)
    try:
        services.handle_report(request.user, report, resolve=action != "dismiss", hide_post=action == "hide")
    except ValidationError as error:
        _form_errors_to_messages(request, error)
    else:
        messages.success(request, _("Done: the action was saved in the moderation log."))
    return redirect("forums:moderation")


# --- Attachments and feeds --------------------------------------------------------------------


@login_required
def attachment(request, pk, filename):
    """Serve a file only to people who may read its post; never from a public folder."""
    item = selectors.attachment_for_user_or_404(request.user, pk)
    response = FileResponse(
        item.file.open("rb"),
        as_attachment=not item.is_image,
        filename=item.original_name,
        content_type=item.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, max-age=0, no-store"
    return response


@login_required
@require_POST
def reset_feed_address(request):
    services.reset_feed_token(request.user)
    messages.success(request, _("Your feed addresses were renewed; the old ones no longer work."))
    return redirect(
        request.POST.get("next")
        if request.POST.get("next", "").startswith("/") and not request.POST.get("next", "").startswith("//")
        else reverse("forums:index")
    )


@login_required
@require_POST
def create_feed_address(request, slug):
    forum = selectors.forum_for_user_or_404(request.user, slug)
    services.feed_token_for(request.user)
    return redirect(forum)


def forum_feed(request, token, slug):
    """An Atom feed of a forum's latest posts.

    Feed readers cannot sign in, so each person's feed address carries a secret token of
    their own (made on the forum page, renewable). The feed shows exactly what the token's
    owner may see at the time of reading: a person whose membership of a network ends loses
    the network forum's feed at once, and an unknown token or an invisible forum is a 404.
    """
    feed_token = FeedToken.objects.select_related("user").filter(key=token).first()
    if feed_token is None or not is_verified_member(feed_token.user):
        raise Http404
    user = feed_token.user
    forum = selectors.forum_for_user_or_404(user, slug)
    feed = Atom1Feed(
        title=forum.name,
        link=request.build_absolute_uri(forum.get_absolute_url()),
        description=forum.description,
        language="fi",
    )
    for post in selectors.forum_feed_items(user, forum):
        feed.add_item(
            title=post.topic.title,
            link=request.build_absolute_uri(post.get_absolute_url()),
            description=post.body_html,
            author_name=post.author_name,
            pubdate=post.created_at,
            updateddate=post.edited_at or post.created_at,
            unique_id=request.build_absolute_uri(post.get_absolute_url()),
        )
    response = HttpResponse(content_type=f"{feed.content_type}")
    feed.write(response, "utf-8")
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response
