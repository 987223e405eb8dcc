"""Rebuild the search index from every registered source. Safe to run again at any time."""

from __future__ import annotations

import sys
import time

from django.core.management.base import BaseCommand
from django.utils import timezone

from ...backends import get_backend
from ...indexing import update_with_retries
from ...models import PendingIndexUpdate
from ...registry import count_all, get_sources, iter_all_documents


class ProgressBar:
    def __init__(self, stream, total: int, width: int = 40):
        self.stream, self.total, self.width = stream, max(total, 1), width
        self.started = time.perf_counter()
        self.interactive = getattr(stream, "isatty", lambda: False)()

    def __call__(self, done: int) -> None:
        filled = min(self.width, int(self.width * done / self.total))
        line = f"[{'#' * filled}{'.' * (self.width - filled)}] {done}/{self.total}"
        if self.interactive:
            self.stream.write(f"\r{line}", ending="")
            self.stream.flush()
        else:
            self.stream.write(line)

    def finish(self, done: int) -> None:
        if self.interactive:
            self.stream.write("")
        elapsed = time.perf_counter() - self.started
        self.stream.write(f"{done} documents indexed in {elapsed:.1f} s")


class Command(BaseCommand):
    help = "Rebuild the search index (zero downtime), or redo failed updates with --pending."

    def add_arguments(self, parser):
        parser.add_argument("--pending", action="store_true", help="only redo index updates that failed")

    def handle(self, *args, **options):
        if options["pending"]:
            keys = list(PendingIndexUpdate.objects.values_list("key", flat=True))
            if keys and not update_with_retries(keys):
                self.stderr.write(f"{len(keys)} updates still failing; see the log.")
                sys.exit(1)
            self.stdout.write(f"{len(keys)} pending updates done.")
            return
        started = timezone.now()
        backend = get_backend()
        names = ", ".join(source.name for source in get_sources())
        self.stdout.write(f"Rebuilding the {backend.name} search index from: {names}")
        progress = ProgressBar(self.stdout, count_all())
        done = backend.rebuild(iter_all_documents(), progress=progress)
        progress.finish(done)
        PendingIndexUpdate.objects.filter(updated_at__lt=started).delete()
