"""Whose date a labelled date field is (填报日期 / 印发日期 / 发布日期 …): the report's own, or another
document's that the report cites or carries.

A field belongs to another document when it stands
- inside the brackets of a running sentence, about the document just cited:
  ``依据《…关于下达2023年项目资金的通知》（印发日期：2022年12月25日）`` /
  ``（文号：三财教〔2022〕88号，发文日期：2022年12月25日）``;
- after an attachment or related-document heading (``附件：2023年度部门整体支出绩效目标申报表`` … ``填报日期：``,
  ``附：…2022年政府信息公开工作年度报告`` … ``发布日期：``, ``相关文件：`` …): the attached or linked document's date.
A lone date line (the signature block after a 附件 note, 公文 format) is not a labelled field and stays the
report's own. Used by the context, which reads the filing date and every own date field once
(``Context.filing_span``, ``Context.date_fields``; ``years.classify_years`` gives their years roles).
"""

from __future__ import annotations

import re

from reportlint.document.model import Document

# a heading that opens another document carried by the report: 附件：/ 附件1：/ 附：/ 附表2 / 相关文件：
_CARRIED = re.compile(r"\s*(?:附\s*件|附\s*表|附\s*录|附)\s*[0-9０-９一二三四五六七八九十]*\s*[:：]"
                      r"|\s*相关(?:文件|链接|阅读|文章|附件)\s*[:：]?")
_OPEN = {"（": "）", "(": ")"}
# a link to another page with its date (上一篇：…通知 发布时间：2024-12-20): never the report's own date
OTHER_PAGE = re.compile(r"上一篇|下一篇|上一条|下一条|相关(?:阅读|链接|文章|新闻|信息)|热点|推荐阅读")


# what makes a bracket a citation's: it follows a title in 《》, holds a 文号, or dates an issue (印发/发文)
_CITED_BEFORE = re.compile(r"》\s*$")
_CITED_INSIDE = re.compile(r"文号|〔\d{4}〕|\[\d{4}\]|印发|发文|下达|转发")


def _in_sentence_brackets(doc: Document, pos: int) -> bool:
    """``pos`` is inside (…) / （…） opened after other words of its paragraph, about a cited document (after
    its 《》 title, with its 文号, or an 印发/发文 date). A bracket that opens the line (``（填报日期：2024年3月15日）``)
    or follows the report's own title line may be the report's own field."""
    text = doc.text
    para = next((p for p in doc.paragraphs if p.start <= pos < p.end), None)
    lo = para.start if para is not None else max(0, pos - 200)
    for o, c in _OPEN.items():
        i = text.rfind(o, lo, pos)
        if i >= 0 and text.rfind(c, i, pos) < 0 and text[lo:i].strip() and (
                _CITED_BEFORE.search(text, lo, i) or _CITED_INSIDE.search(text, i, pos)):
            return True
    return False


def after_carried_heading(doc: Document, pos: int) -> bool:
    """A heading of an attached or related document stands before ``pos``."""
    for p in doc.paragraphs:
        if p.start >= pos:
            return False
        if _CARRIED.match(doc.paragraph_text(p)):
            return True
    return False


def another_documents_date(doc: Document, pos: int) -> bool:
    """The labelled date field at ``pos`` belongs to a cited, attached or linked document."""
    return _in_sentence_brackets(doc, pos) or after_carried_heading(doc, pos)
