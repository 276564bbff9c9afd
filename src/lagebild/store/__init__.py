"""The store keeps; it does not compute. One SQLite file."""
