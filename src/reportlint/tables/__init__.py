"""Tables read as tables (.docx, PDF, rows written as text) and the arithmetic they state."""

from reportlint.tables.model import Cell, Num, Table, parse_number

__all__ = ["Cell", "Num", "Table", "parse_number"]
