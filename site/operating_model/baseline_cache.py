"""The national baseline kept in the shared cache until KEHA changes it.

Every page of the register shows the baseline (four queries: the tasks, their law sections,
the parties, the cells), and it changes a few times a year. It is kept in the cache every
server process shares (`shared_cache.KeptList`); any saved or deleted task, party, baseline
cell, law section or statute, and any change to a task's law sections, has it read again.
"""

from collections.abc import Callable
from typing import TypeVar

from knowledge.models import LawSection, Statute

from .models import BaselineCell, ClientProcessTask, Party
from .shared_cache import KeptList

T = TypeVar("T")

# (v1: the Baseline of selectors, pickled.)
BASELINE = KeptList("baseline", 1)


def kept_or_read(read: Callable[[], T]) -> T:
    return BASELINE.kept_or_read(read)


def connect_signals() -> None:
    BASELINE.depends_on(
        [ClientProcessTask, Party, BaselineCell, LawSection, Statute],
        [ClientProcessTask.law_sections.through],
    )
