"""Importing this module registers every rule family."""

from reportlint.rules import copying, form, structure, timing, wording  # noqa: F401
