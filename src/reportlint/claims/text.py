"""Sentence, clause-group and clause boundaries of a document text, found once and looked up by bisection.

A *sentence* ends at 。！？; a *clause group* also ends at ；/; (the unit a list of parts or a restated
figure lives in); a *clause* also ends at ，,、：: . Every lookup is O(log n): rules and relations never scan
backwards through the text (a backward scan per figure made long paragraphs quadratic).
"""

from __future__ import annotations

import bisect
import re

from reportlint.textutil import CLAUSE_BREAKS as CLAUSE_END  # the break sets live in textutil
from reportlint.textutil import GROUP_BREAKS as GROUP_END
from reportlint.textutil import SENTENCE_BREAKS as SENTENCE_END


class Boundaries:
    """Break positions of one text; ``*_start(pos)`` is the offset just after the last break before ``pos``."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._sent = [m.start() for m in re.finditer(f"[{SENTENCE_END}\n]", text)]
        self._group = [m.start() for m in re.finditer(f"[{GROUP_END}\n]", text)]
        self._clause = [m.start() for m in re.finditer(f"[{CLAUSE_END}\n]", text)]

    @staticmethod
    def _start(breaks: list[int], pos: int, floor: int) -> int:
        i = bisect.bisect_left(breaks, pos) - 1
        return max(floor, breaks[i] + 1) if i >= 0 else floor

    @staticmethod
    def _end(breaks: list[int], pos: int, limit: int) -> int:
        i = bisect.bisect_left(breaks, pos)
        return min(limit, breaks[i]) if i < len(breaks) else limit

    def sentence_start(self, pos: int, floor: int = 0) -> int:
        return self._start(self._sent, pos, floor)

    def sentence_end(self, pos: int, limit: int) -> int:
        return self._end(self._sent, pos, limit)

    def group_start(self, pos: int, floor: int = 0) -> int:
        return self._start(self._group, pos, floor)

    def group_end(self, pos: int, limit: int) -> int:
        return self._end(self._group, pos, limit)

    def clause_start(self, pos: int, floor: int = 0) -> int:
        return self._start(self._clause, pos, floor)

    def clause_end(self, pos: int, limit: int) -> int:
        return self._end(self._clause, pos, limit)
