"""The store: models, the crash-safe JSON file, and the repository that is its only door.

This floor knows nothing of Textual, of the screens or of the application.
"""
