"""Showing records to people: the text report (`report`), tables, CSV and JSON
lines (`output`), the consoles text prints on (`terminal`), and the web UI
over a store (`serve`, with its page in `web/`).
"""
