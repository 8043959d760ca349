"""Words lost where two words meet or where a heading's sibling shows the whole form.

- ``part_heading_cuts(text)``: a part heading ``第X部`` that lost its 分 while the report's other part
  headings read 第一部分, 第二部分 (h4diag 801: 第三部广水市白泉卫生院2023年度部门决算情况说明; wild W170:
  第三部  2024年度…), or ``部分`` that lost its 第X after 第四部分 (W170: 部分  名词解释 → 第五部分);
- ``committee_meeting_joins(text, committees)``: a committee's name ending in 委员会 followed by 会议 written
  with one 会 (h4diag 814: 区委依法治区委员会议 for 依法治区委员会会议): the committee is a known organ
  (names.yaml ``organs`` and ``strict`` names ending in 委员会), a 依法治X委员会, or a name the report
  writes elsewhere before something other than 议. 全体委员会议 (a meeting of all members) is left alone;
- ``series_suffix_drops(text, freq)``: the last item of a series whose items all end in one character lost
  it before the series ends (h4b 818: 知情权、参与权、表达权和监督。 for 监督权): three items or more of two
  characters and the shared one, the last of two characters joined by 和/与/及/、, punctuation after it,
  and the last with the shared character a dictionary word (jieba).

- ``lost_zai(text)``: a clause opening on the leading body and closing on 的(坚强)领导下 without its 在
  (h4c 838: 2022年,阳罗洲镇党委、镇人民政府的坚强领导下,…);
- ``lost_measures(text)``: a count closing a clause without the measure word its siblings in the same list
  carry (h4c 831: …文件、总结及其他信息78条,机构信息16条。财政信息3。): the three items or more directly
  before it are noun + count + one measure word, and the bare item is a noun, not a reference (详见附件3, 见表2,
  标段1, 拨打110), a change (同比增加3) or a rank (位列前10); a heading or a bracket ends the list.

Each returns ``(start, end, fix, why)``.
"""

from __future__ import annotations

import re

from reportlint.textutil import HAN

_NUMERAL = "一二三四五六七八九十"
# a part heading at a line start, whole (第一部分) or cut (第三部 then a Han character other than 分 and the
# words 部 starts: 部门, 部署, 部分)
_PART_CUT = re.compile(rf"^[ \t\u3000]*第[{_NUMERAL}]+(部)(?=[ \t\u3000]*[{HAN}0-9])"
                       rf"(?!分|门|署|队|长|委|位|件|类|落|属)", re.M)
# a part heading that lost its 第X (部分  名词解释 after 第四部分): a short line of Han characters only, no
# sentence (部分单位未按时报送。 opens a paragraph)
_PART_NO_NUMBER = re.compile(rf"^[ \t\u3000]*(部分)(?=[ \t\u3000]*[{HAN}]{{2,12}}[ \t\u3000]*$)", re.M)
_PART_NUMBER = re.compile(rf"^[ \t\u3000]*第([{_NUMERAL}]+)部分", re.M)


def part_heading_cuts(text: str) -> list[tuple[int, int, str, str]]:
    if "部" not in text:
        return []
    wholes = list(_PART_NUMBER.finditer(text))
    if len(wholes) < 2:
        return []
    out = [(m.start(1), m.end(1), "部分", "部分标题缺“分”字（本文其他部分标题写作“第X部分”）")
           for m in _PART_CUT.finditer(text)]
    for m in _PART_NO_NUMBER.finditer(text):
        # the number the part before it (第X部分 or a cut 第X部) leaves for it
        before = [w for w in _PART_ANY.finditer(text, 0, m.start())]
        k = _NUMERAL.find(before[-1].group(1)) + 2 if before and len(before[-1].group(1)) == 1 else 0
        if 0 < k <= len(_NUMERAL):
            fix = f"第{_NUMERAL[k - 1]}部分"
            out.append((m.start(1), m.end(1), fix, f"部分标题缺序号，应为“{fix}”"))
    return sorted(out)


_PART_ANY = re.compile(rf"^[ \t\u3000]*第([{_NUMERAL}]+)部", re.M)


_MEETING = re.compile(rf"(?<=[{HAN}])委员会议")
_RULE_OF_LAW = re.compile(r"依法治[省市县区旗州盟镇乡]$")
# 全体委员会议, 各委员会议: a meeting of the members, not of a committee
_MEMBERS = ("全体", "各", "部分", "常务")


def committee_meeting_joins(text: str, committees: tuple[str, ...]) -> list[tuple[int, int, str, str]]:
    if "委员会议" not in text:
        return []
    out = []
    for m in _MEETING.finditer(text):
        before = text[max(0, m.start() - 12):m.start()]
        if before.endswith(_MEMBERS):
            continue
        named = before + "委员会"
        known = bool(_RULE_OF_LAW.search(before)) or any(named.endswith(c) for c in committees)
        if not known:
            # the report writes the same committee elsewhere, not before 议 (依法治区委员会办公室)
            stem = re.search(rf"[{HAN}]{{2,6}}$", before)
            if stem is None:
                continue
            known = re.search(re.escape(stem.group()) + r"委员会(?!议)", text) is not None
        if known:
            out.append((m.start(), m.end(), "委员会会议", "“委员会”后的“会议”少了一个“会”字"))
    return out


# three items or more of two Han characters and a shared last one (知情权、参与权、表达权), then the last item
# of two characters joined by 和/与/及/、 and closing the clause (和监督。)
_SERIES = re.compile(rf"[{HAN}]{{2}}([{HAN}])、(?:[{HAN}]{{2}}\1、)+[{HAN}]{{2}}\1[和与及、]"
                     rf"([{HAN}]{{2}})(?=[。；;，,！!？?)）])")


def series_suffix_drops(text: str, freq) -> list[tuple[int, int, str, str]]:
    if "、" not in text:
        return []
    out = []
    for m in _SERIES.finditer(text):
        last, suffix = m.group(2), m.group(1)
        if last[-1] != suffix and freq.get(last + suffix, 0):
            out.append((m.start(2), m.end(2), last + suffix,
                        f"并列各项都以“{suffix}”结尾，末项“{last}”缺“{suffix}”字"))
    return out


_LEADERSHIP = re.compile(r"的(?:坚强|正确|亲切|有力)?领导下(?=[，,])")
_CLAUSE_END = "，,。；;：:\n！？!?"


def lost_zai(text: str) -> list[tuple[int, int, str, str]]:
    if "领导下" not in text:
        return []
    out = []
    for m in _LEADERSHIP.finditer(text):
        cs = max(text.rfind(ch, 0, m.start()) for ch in _CLAUSE_END) + 1
        clause = text[cs:m.start()]
        if not 2 <= len(clause) <= 40 or "在" in clause or "于" in clause or not re.match(rf"[{HAN}]", clause):
            continue
        out.append((cs, m.end(), "在" + text[cs:m.end()], "“……的领导下”前缺“在”"))
    return out


# a count closing its clause with no measure word (…财政信息3。), and the measure words a list's counts carry
_BARE_COUNT = re.compile(rf"(?<=[{HAN}])(?<![第年月日至到])([0-9]{{1,4}})(?=[。；;，,])")
# a list item: a clause break, a noun of Han characters, a count with its measure word (机构信息16条)
_ITEM = re.compile(rf"[{HAN}]{{1,16}}[0-9]+([条个件项次篇家])")
_ITEM_BREAK = "，,、；;。"
# the bare item must be a noun like its siblings: no reference word (详见附件3, 见表2, 标段1, 编号3, 拨打110),
# no verb or comparison (同比增加3, 位列前10, 办件满意度为100), no rank (第3), no score or amount (评价得分95, 专项资金30)
_NOT_ITEM = re.compile(r"[见附表图第号段拨打线话编增减加降升长为至到达约共计比占是有较排名位列前后超近余率度分额金费价款]")
# the list the count belongs to: this many items with one measure word directly before it
MIN_SIBLINGS = 3


def _siblings(text: str, end: int) -> tuple[str | None, int]:
    """The measure word and number of list items (noun + count + measure word) ending at ``end``.

    Items are parted by clause breaks and 、; a noun joined to the next item by 、 (文件、总结及其他信息78条)
    belongs to that item.
    """
    unit, n = None, 0
    while end > 0 and text[end - 1] in _ITEM_BREAK:
        start = max(text.rfind(ch, 0, end - 1) for ch in "，,；;。\n（）()") + 1
        pieces = text[start:end - 1].split("、")
        items = [_ITEM.fullmatch(p) for p in pieces]
        if not items[-1] or any(not m and not re.fullmatch(rf"[{HAN}]{{1,16}}", p)
                                for m, p in zip(items, pieces, strict=True)):
            break
        units = {m.group(1) for m in items if m}
        if len(units) > 1 or (unit is not None and unit not in units):
            break
        unit, n, end = units.pop(), n + sum(1 for m in items if m), start
    return unit, n


def lost_measures(text: str) -> list[tuple[int, int, str, str]]:
    out = []
    for m in _BARE_COUNT.finditer(text):
        digits = m.group(1)
        if len(digits) == 4 and digits[:2] in ("19", "20"):
            continue  # a year
        start = max(text.rfind(ch, 0, m.start()) for ch in _ITEM_BREAK + "\n（）()") + 1
        noun = text[start:m.start()]
        if not 2 <= len(noun) <= 8 or not re.fullmatch(rf"[{HAN}]+", noun) or _NOT_ITEM.search(noun):
            continue
        unit, n = _siblings(text, start)
        if unit and n >= MIN_SIBLINGS:
            out.append((m.start(1), m.end(1), digits + unit, f"数字后缺量词（同一列举中写作“{unit}”）"))
    return out
