"""Rules that rewrite one clause or list item into focused claims (one per list element or visit)."""
