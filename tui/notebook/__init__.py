"""The analyst's notebook: annotations, their anchors, safe storage, corrections and export.

Nothing in this package imports Textual, so ``wiredesk export`` and the tests stay headless.
"""

from __future__ import annotations
