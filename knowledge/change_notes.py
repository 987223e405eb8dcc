"""The identity of a change note, shared by the page models and the admin's edit form."""

import datetime
import hashlib


def note_fingerprint(date: datetime.date, note: str) -> str:
    """The same for the same note in every revision (inline rows get new ids on each publish);
    differences of white space do not count."""
    text = " ".join(note.split())
    return hashlib.sha256(f"{date.isoformat()}|{text}".encode()).hexdigest()
