"""Page numbers, running headers or footers left in the text.

**Finds**: the artifacts that reflow recognised in the text flow (``Document.artifacts``): a page
number (6, — 3 —) or a header/footer line between the lines of a sentence; not the PDF's own page
furniture at the page edges, which is dropped silently.

**Why a reviewer cares**: a report pasted from a PDF with its page numbers in mid-sentence was not
re-read; the stray numbers also corrupt figures and sentences for anyone who quotes it.

**Example**:

    …等7个行政科室，负责辖区内人口和社会事务的综合管理工作，具体职责如下所述：
    6
    （1）贯彻执行国家和省、市有关人口和社会事务管理方面的方针政策和法律法规，…
    → PDF 页码「6」残留在正文中，应删除

**Fix**: delete the line (the suggestion is empty).

**Leaves alone**: short lines that are real text (完成备案托育机构2家。); page furniture of a PDF
input (running headers and footers recognised by their repeated shape); a number between two short
labels (a form's cells written one per line: 人员编制 / 128 / 实有人数); runs of numbers (a table
column); a figure split from its unit inside a sentence (心 186 个).

**Source**: GB/T 9704-2012 7.5 (页码 belongs in the page margin, not in the text).
"""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.findings import Finding
from reportlint.rules.base import RuleContext, rule


@rule("pdf-artifact", "F603", "warning", "form",
      "PDF 转换残留：正文中夹着页码、页眉或页脚",
      fires=("本局设办公室、民政科、卫生科、人口与计生科、人口统计科、武装科、文体科\n\n"
             "等7个行政科室，负责辖区内人口和社会事务的综合管理工作，具体职责如下所述：\n\n6\n\n"
             "（1）贯彻执行国家和省、市有关人口和社会事务管理方面的方针政策和法律法规，\n\n"
             "做好本区人口和社会事务管理的各项工作，保障辖区群众的合法权益不受侵害。\n\n"
             "（2）围绕提高出生人口素质，做好优生优育服务工作，组织开展人口宣传教育，\n\n"
             "管理指导流动人口计划生育工作，负责人口和计划生育的统计和信息化建设。\n"),
      silent="全区托育服务机构共计28家，可提供托位数2115个。\n完成备案托育机构2家。\n")
def pdf_artifact(ctx: RuleContext) -> Iterator[Finding]:
    for a in ctx.doc.artifacts:
        if a.kind == "furniture":
            continue  # a PDF's own footer or header, not text left in by mistake
        if a.kind == "page-number":
            msg = f"PDF 页码「{a.text}」残留在正文中，应删除"
        else:
            msg = f"页眉或页脚「{a.text}」残留在正文中，应删除"
        yield ctx.report_raw(a.raw_start, a.raw_end, msg, suggestion="")
