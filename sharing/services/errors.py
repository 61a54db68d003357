class SharingError(ValueError):
    """An action that cannot be done, with a message for the person who asked."""
