"""Time rules: years that contradict the evaluated period, ambiguous relative years, stale forecasts, dates."""
