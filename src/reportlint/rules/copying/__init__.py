"""Copying rules: near-duplicate passages inside one report (C301) and across reports (C302, batch)."""
