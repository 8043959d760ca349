"""本 with the unit's level dropped (领导本工作, 对本重大工作 for 领导本乡工作, 对本乡重大工作).

A town's or village's report names its own area 本乡 / 本镇 / 本村 / 本街道; a 本 standing before a noun
phrase that is the object of a leading verb (领导, 负责, 讨论决定, 对) with no measure word or level between
(本工作, 本重大事项) lost that level. Reported only when the report itself writes 本 + a level elsewhere,
which is the fix (the commonest); 本项工作, 本职工作, 本单位 and 本年 are whole and never match.
"""

from __future__ import annotations

import re

_DROPPED = re.compile(
    r"(?:(?<=领导)|(?<=负责)|(?<=讨论决定)|(?<=[对抓管]))本(?=(?:重大|重要)(?:工作|事项|问题|决策)|(?:工作|事务)[，,、。；;])")
_OWN = re.compile(r"本(乡|镇|村|街道|社区)(?![长民])")


def level_drops(text: str) -> list[tuple[int, int, str]]:
    """(start, end, fix) for each 本 that lost the unit's level."""
    hits = list(_DROPPED.finditer(text))
    if not hits:
        return []
    counts: dict[str, int] = {}
    for m in _OWN.finditer(text):
        counts[m.group()] = counts.get(m.group(), 0) + 1
    if not counts:
        return []
    fix = max(counts, key=lambda k: (counts[k], k))
    return [(m.start(), m.end(), fix) for m in hits]
