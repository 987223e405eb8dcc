"""The knowledge base's models, one module per domain.

    law              statutes and their sections (and the lookup of cited sections)
    following        following pages, and change notes already announced to followers
    pages            what every knowledge page and every section index has
    guidance         national guidance
    interpretations  interpretations of law sections
    practices        good practices and pitfalls
    networks         the networks' own pages
    stories          customer stories that members validate
    themes           the themes page and its page per tag
    indexes          the section indexes, each calling its listing (`knowledge.listings`)
    workflow         the editorial workflow's four-eyes approval

A module imports only the modules above it in this list. Of the rest of the app the models
use `blocks`, `admin_forms`, `change_notes`, `permissions` and `visibility`, which import no
models, and the themes page and the indexes call their listings (`theme_listings`, `listings`,
and `tag_links` for the tags' addresses): those import the modules here one by one, never this
package, so nothing imports in a circle. Selectors, services and views import this package.
"""

from .following import AnnouncedChangeNote, PageFollow, follow_state, is_following
from .guidance import (
    DocumentStatus,
    GuidanceChangeNote,
    GuidancePage,
    GuidancePageTag,
    GuidanceReviewReminder,
)
from .indexes import (
    CaseStoryIndexPage,
    GuidanceIndexPage,
    LawInterpretationIndexPage,
    NetworkIndexPage,
    PracticeIndexPage,
)
from .interpretations import (
    InterpretationStatus,
    LawInterpretationChangeNote,
    LawInterpretationPage,
    LawInterpretationPageTag,
)
from .law import LawSection, SectionDirectory, Statute, normalise_section_number
from .networks import NetworkPage
from .pages import INTRO_FEATURES, ChangeNote, KnowledgePage, SectionIndexPage, attachment_blocks
from .practices import PracticeKind, PracticeOrganisation, PracticePage, PracticePageTag
from .stories import CaseStoryPage
from .themes import ThemeIndexPage
from .workflow import FourEyesApprovalTask

__all__ = [
    "INTRO_FEATURES",
    "AnnouncedChangeNote",
    "CaseStoryIndexPage",
    "CaseStoryPage",
    "ChangeNote",
    "DocumentStatus",
    "FourEyesApprovalTask",
    "GuidanceChangeNote",
    "GuidanceReviewReminder",
    "GuidanceIndexPage",
    "GuidancePage",
    "GuidancePageTag",
    "InterpretationStatus",
    "KnowledgePage",
    "LawInterpretationChangeNote",
    "LawInterpretationIndexPage",
    "LawInterpretationPage",
    "LawInterpretationPageTag",
    "LawSection",
    "NetworkIndexPage",
    "NetworkPage",
    "PageFollow",
    "PracticeIndexPage",
    "PracticeKind",
    "PracticeOrganisation",
    "PracticePage",
    "PracticePageTag",
    "SectionDirectory",
    "SectionIndexPage",
    "Statute",
    "ThemeIndexPage",
    "attachment_blocks",
    "follow_state",
    "is_following",
    "normalise_section_number",
]
