from django.dispatch import Signal

# Sent after the transaction that made or decided a membership request commits, with
# sender=Membership and membership=the request: apps tell the people concerned.
membership_requested = Signal()
membership_decided = Signal()
