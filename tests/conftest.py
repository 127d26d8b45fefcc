"""Settings for the whole test run."""

import os

# No warm-up thread in the servers and AppTests of the tests (ui/warm.py): each test measures and asserts its own
# work, not whatever a background thread computed first. tests/pages/test_caching.py turns it on where it is tested.
os.environ.setdefault("WALKTHROUGH_WARM", "0")
