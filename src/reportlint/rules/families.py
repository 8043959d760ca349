"""Importing this module registers every rule family."""

from reportlint.rules import copying, form, numbers, structure, timing, wording  # noqa: F401
