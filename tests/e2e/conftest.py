"""Browser tests: the fixtures live in tests/e2e/fixtures.py (tests/security uses them too).

Every browser test runs against pytest-django's live server: `page` and `new_context` bring
it up, with the page tree and home page in place (`site_ready`).
"""

from tests.e2e.fixtures import (  # noqa: F401  (fixtures are found by name)
    assert_accessible,
    axe_source,
    browser_context_args,
    browser_type_launch_args,
    new_context,
    page,
    people,
    site_ready,
)
