"""The document model: paragraphs, sentences and headings rebuilt from raw report text."""

from reportlint.document.build import build_document
from reportlint.document.model import Document, Heading, Paragraph, Sentence

__all__ = ["Document", "Heading", "Paragraph", "Sentence", "build_document"]
