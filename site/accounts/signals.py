from django.dispatch import Signal

# Sent inside the removal transaction, with sender=User and user=the removed user, so that
# apps can drop what must not outlive the account (follows, registrations, tokens).
account_removed = Signal()
