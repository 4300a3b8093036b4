"""wiredesk's application: the desk, the notebook, exporters and the CLI."""

from __future__ import annotations

__version__ = "0.1.0"
