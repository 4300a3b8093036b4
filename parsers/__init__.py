"""wiredesk's parsers: text → structure.  Pure Python: no Textual, no writes."""
