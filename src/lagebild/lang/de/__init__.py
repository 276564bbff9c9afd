"""German word lists (data files beside this module) and their loaders."""
