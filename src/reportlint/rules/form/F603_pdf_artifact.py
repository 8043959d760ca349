"""Page numbers, running headers or footers left in the text.

**Finds**: the artifacts that reflow recognised in the text flow (``Document.artifacts``): a page
number or a header/footer line between the lines of a sentence, where the evidence of a page break
is strong: a decorated number (— 3 —, - 5 -, ～3～, 第2页，共9页, 3/12) anywhere; a bare number (6)
in prose wrapped by a PDF extractor (lines of one width, most broken mid-clause) when the text's
bare numbers count up page after page (steps of 1 to 3; or it is the only one); elsewhere only a
run of three or more counting up at comparable distances. Not the PDF's own page furniture at the
page edges, which is dropped silently.

**Why a reviewer cares**: a report pasted from a PDF with its page numbers in mid-sentence was not
re-read; the stray numbers also corrupt figures and sentences for anyone who quotes it.

**Example**:

    原12类基本公共卫生服务项目涉及的14个重点指标，已完成
    …（a hard-wrapped page, lines of one width）
    免费接种项目稳步推进，为妇女儿童健康护航。
    6
    （2）推动基层卫生健康高质量发展。紧密型区域医共体初步
    → PDF 页码「6」残留在正文中，应删除

**Fix**: delete the line (the suggestion is empty).

**Leaves alone**: a lone 0, and lone numbers that do not count up page after page (cells of a
flattened statistics table, one per line: the 0 0 0 of a 政府信息公开年报); a lone number in text
that is not known to come from a PDF (one paragraph per line, a web page), unless a run of them
counts up page by page; short lines that are real text (完成备案托育机构2家。); page furniture of a
PDF input (running headers and footers recognised by their repeated shape); a number between two
short labels (a form's cells written one per line: 人员编制 / 128 / 实有人数); runs of numbers (a
table column); a figure split from its unit inside a sentence (心 186 个).

**Source**: GB/T 9704-2012 7.5 (页码 belongs in the page margin, not in the text).
"""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.findings import Finding
from reportlint.rules.base import RuleContext, rule


@rule("pdf-artifact", "F603", "warning", "form",
      "PDF 转换残留：正文中夹着页码、页眉或页脚",
      fires=("原12类基本公共卫生服务项目涉及的14个重点指标，已完成\n\n"
             "85.71%，预计12月底前完成，全面提升居民健康水平。十大民生\n\n"
             "实事项目基本落实，出生缺陷综合防控产前筛查项目大幅超额完\n\n"
             "成，适龄妇女“两癌”免费筛查项目全面完成，适龄女生HPV疫苗\n\n"
             "免费接种项目稳步推进，为妇女儿童健康护航。\n\n\n\n6\n\n"
             "（2）推动基层卫生健康高质量发展。紧密型区域医共体初步\n\n"
             "建设，东简社区卫生服务中心升级为二级医院，基本满足大型企\n\n"
             "业的医疗需求。利用提升项目对东海岛三家社区卫生服务中心进\n\n"
             "行改扩建和购置先进的医疗设备，加强基层医疗机构基础设施建\n\n"
             "设。公建民营村卫生站规范化建设基本完成，建成村级卫生站29\n\n"
             "间，基层医疗服务全覆盖。\n"),
      silent="全区托育服务机构共计28家，可提供托位数2115个。\n完成备案托育机构2家。\n")
def pdf_artifact(ctx: RuleContext) -> Iterator[Finding]:
    for a in ctx.doc.artifacts:
        if a.kind in ("furniture", "stray-number"):
            continue  # a PDF's own footer or header; a lone number that may be a table cell
        if a.kind == "page-number":
            msg = f"PDF 页码「{a.text}」残留在正文中，应删除"
        else:
            msg = f"页眉或页脚「{a.text}」残留在正文中，应删除"
        yield ctx.report_raw(a.raw_start, a.raw_end, msg, suggestion="")
