"""The editorial workflow: four-eyes approval."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.models import GroupApprovalTask, TaskState


class FourEyesApprovalTask(GroupApprovalTask):
    """A group approval step that the person who submitted the page cannot take themselves.

    Members of the task's groups approve or request changes as in Wagtail's group approval,
    except on a page they sent to the workflow (`WorkflowState.requested_by`): there they see
    the page and where it stands, but someone else has to decide. Wagtail's action views
    (the page editor's footer, the dashboard's review panel and the workflow action URL) all
    accept only the actions `get_actions` offers, the dashboard's "awaiting your review" list
    leaves out one's own submissions, and `on_action` refuses the submitter too, so a
    hand-made request cannot approve one's own text either. The same holds for whoever
    approved an earlier step of the same run (`TaskState.finished_by`): one approver cannot
    take both steps of the review.

    Editing is left as in group approval (`locked_for_user` and `user_can_access_editor`
    are not overridden): a submitter who belongs to the task's groups may still correct
    the draft, and whatever they change is approved by someone else before it goes live.

    Superusers keep Wagtail's default and may act on any task, their own submissions
    included: they can publish any page directly anyway, so refusing them the approval
    would protect nothing. KEHA's editors and approvers are ordinary group members.
    """

    class Meta:
        verbose_name = _("four-eyes approval task")
        verbose_name_plural = _("four-eyes approval tasks")

    @staticmethod
    def is_submitter(workflow_state, user) -> bool:
        """Whether `user` sent this workflow on its way and so may not decide its steps."""
        if workflow_state is None or user.pk is None or user.is_superuser:
            return False
        return workflow_state.requested_by_id == user.pk

    def approved_earlier_step(self, workflow_state, user) -> bool:
        """Whether `user` approved another step of this workflow run (the four eyes are two
        people besides the submitter)."""
        if workflow_state is None or user.pk is None or user.is_superuser:
            return False
        return (
            TaskState.objects.filter(
                workflow_state=workflow_state, status=TaskState.STATUS_APPROVED, finished_by=user
            )
            .exclude(task_id=self.pk)
            .exists()
        )

    def may_not_decide(self, workflow_state, user) -> bool:
        return self.is_submitter(workflow_state, user) or self.approved_earlier_step(workflow_state, user)

    def get_actions(self, obj, user):
        if self.may_not_decide(getattr(obj, "current_workflow_state", None), user):
            return []
        return super().get_actions(obj, user)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = super().get_task_states_user_can_moderate(user, **kwargs)
        if user.is_superuser:
            return states
        approved_by_them = (
            TaskState.objects.filter(status=TaskState.STATUS_APPROVED, finished_by=user)
            .exclude(task_id=self.pk)
            .values("workflow_state_id")
        )
        return states.exclude(workflow_state__requested_by=user).exclude(
            workflow_state_id__in=approved_by_them
        )

    def on_action(self, task_state, user, action_name, **kwargs):
        if self.is_submitter(task_state.workflow_state, user):
            raise PermissionDenied(_("Someone other than the submitter has to review this page."))
        if self.approved_earlier_step(task_state.workflow_state, user):
            raise PermissionDenied(
                _("Someone other than the approver of the earlier step has to decide this step.")
            )
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return _(
            "Members of the chosen groups can approve this task, except the person who submitted the "
            "page and whoever approved its earlier step."
        )
