"""本 with the unit's level dropped (领导本工作, 对本重大工作 for 领导本乡工作, 对本乡重大工作).

A town's or village's report names its own area 本乡 / 本镇 / 本村 / 本街道; a 本 standing before a noun
phrase that is the object of a leading verb (领导, 负责, 讨论决定, 对) with no measure word or level between
(本工作, 本重大事项) lost that level. Reported only when the report itself writes 本 + a level elsewhere,
which is the fix (the commonest); 本项工作, 本职工作, 本单位 and 本年 are whole and never match.
Likewise 我 as the subject of the year's count of an office's work (2023年,我共收到政府信息公开申请3件)
in a report that writes 我局 / 我镇 elsewhere: 我局.
"""

from __future__ import annotations

import re

# (本 first and the verb before it tested after it: the regex engine jumps to each 本)
_DROPPED = re.compile(
    r"本(?:(?<=领导本)|(?<=负责本)|(?<=讨论决定本)|(?<=[对抓管]本))(?=(?:重大|重要)(?:工作|事项|问题|决策)|(?:工作|事务)[，,、。；;])")
_OWN = re.compile(r"本(乡|镇|村|街道|社区)(?![长民])")
# 我 as the subject of an organ's count of its year's work (2023年,我共收到政府信息公开申请3件): the unit's
# word (我局, 我镇) lost; a person's 我 does not count an office's receipts
_I_DROPPED = re.compile(r"我(?<=[，,。；;：:\n年]我)(?=(?:共|全年共|全年|累计|先后)(?:收到|受理|办理|发布|公开|制发|完成|组织|"
                        r"开展|举办|培训|接待|处理|召开|印发|下发|新增))")
_OWN_I = re.compile(r"我(局|委|办|厅|镇|乡|县|区|市|街道|院|所|中心|单位|部门)(?![长民里们])")


def level_drops(text: str) -> list[tuple[int, int, str]]:
    """(start, end, fix) for each 本 (or 我) that lost the unit's level."""
    return sorted(_dropped(text, _DROPPED, _OWN) + _dropped(text, _I_DROPPED, _OWN_I))


def _dropped(text: str, dropped: re.Pattern[str], own: re.Pattern[str]) -> list[tuple[int, int, str]]:
    hits = list(dropped.finditer(text))
    if not hits:
        return []
    counts: dict[str, int] = {}
    for m in own.finditer(text):
        counts[m.group()] = counts.get(m.group(), 0) + 1
    if not counts:
        return []
    fix = max(counts, key=lambda k: (counts[k], k))
    return [(m.start(), m.end(), fix) for m in hits]
