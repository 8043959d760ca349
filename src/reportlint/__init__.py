"""reportlint: lint Chinese narrative government reports."""

__version__ = "0.1.0"
