"""The client-data guard measured both ways: catch rate and false-positive rate.

    .venv/bin/python bench/identity_code_guard.py [--seed N] [--positives N] [--negatives N]

Runs the guard (typ_site.core.validators) over the seeded corpus of tests/core/
identity_code_corpus.py: valid codes of every century sign written in many ways, and
professional text without a code. Prints the rates overall and per writing and kind, and
the time per text.
"""

import argparse
import os
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "typ_site.settings_test")

import django  # noqa: E402

django.setup()

from tests.core.identity_code_corpus import SEED, negatives, positives  # noqa: E402
from typ_site.core.validators import contains_personal_identity_code  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--positives", type=int, default=390)
    parser.add_argument("--negatives", type=int, default=375)
    args = parser.parse_args()

    codes = positives(args.positives, args.seed)
    texts = negatives(args.negatives, args.seed)
    started = time.perf_counter()
    caught = [contains_personal_identity_code(sample.text) for sample in codes]
    refused = [contains_personal_identity_code(sample.text) for sample in texts]
    elapsed = time.perf_counter() - started

    missed_by_writing = Counter(
        sample.kind.rsplit(" (", 1)[0] for sample, hit in zip(codes, caught, strict=True) if not hit
    )
    refused_by_kind = Counter(sample.kind for sample, hit in zip(texts, refused, strict=True) if hit)
    print(f"Seed {args.seed}: {len(codes)} texts with a code, {len(texts)} professional texts without one")
    print(f"Catch rate:          {sum(caught) / len(codes):7.2%} ({sum(caught)}/{len(codes)})")
    print(f"False-positive rate: {sum(refused) / len(texts):7.2%} ({sum(refused)}/{len(texts)})")
    print(f"Time per text:       {elapsed / (len(codes) + len(texts)) * 1e6:7.0f} µs")
    for writing, count in missed_by_writing.most_common():
        print(f"  missed, {writing}: {count}")
    for kind, count in refused_by_kind.most_common():
        print(f"  refused, {kind}: {count}")


if __name__ == "__main__":
    main()
