"""Wording rules: 截至/截止, scope words, finance-term typos, law names, template leftovers."""
