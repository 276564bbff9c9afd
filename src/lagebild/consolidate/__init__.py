"""Consolidation: pure functions over claims and events (groups, estimates, timeline)."""
