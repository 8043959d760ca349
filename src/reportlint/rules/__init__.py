"""Rules: the declaration API in ``base``, one module per rule family."""
