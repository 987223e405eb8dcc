from django.dispatch import Signal

# Sent after the transaction that made or decided a membership request commits, with
# sender=Membership and membership=the request: apps tell the people concerned.
membership_requested = Signal()
membership_decided = Signal()

# Sent when a network's admins are to be told of something about their network that is
# neither a post nor a membership (the who's who entries to review, a named person who left):
# sender=the app's model, network_id, reason (one of forums.models.Notification.NETWORK_REASONS),
# event (unique per occasion: one notification per event and person) and actor_id (or None).
# The forums' notifications receive it, so that the app need not know them.
network_admins_notice = Signal()
