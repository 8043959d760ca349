"""Form rules: PDF leftovers, punctuation, document numbers."""
