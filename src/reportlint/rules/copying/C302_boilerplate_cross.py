"""(Batch scan only) passages shared by reports of different units.

**Finds**: in ``reportlint scan``, paragraphs of at least 60 Chinese characters (stock phrases taken
out) whose rapidfuzz ratio with a paragraph of another unit's report reaches ``boilerplate_similarity``
(70): candidates come from a banded MinHash of each paragraph's character multiset and a sketch
filter, chosen so that every pair at the threshold is verified with probability ≥ 0.99 however
densely it was edited (``crossdoc.CrossIndex``); verified pairs are joined into clusters, and every
member gets a finding naming the other units and places. Partial copies too (sentence windows,
``thresholds.copy_sentence_windows``, on by default): two passages sharing a run of consecutive
sentences verbatim (years aside, figures kept), two or more of at least 40 Chinese characters in all or
one of at least 70, a few sentences copied into a paragraph of other text or out of several
paragraphs; the finding covers the copied sentences in each report (``crossdoc.partial_pairs``).

**Why a reviewer cares**: one unit's analysis pasted into another's report (with its figures,
places and problems) means the second report does not describe its own unit.

**Example**:

    甲区财政局报告：针对农村供水保障中发现的36个突出问题，我局会同有关部门制定了12项整改措施，…
    乙县教育局报告：针对农村供水保障中发现的36个突出问题，我局会同有关部门制定了12项整改措施，…

**Fix**: replace the copied passage with the unit's own facts.

**Leaves alone**: template text every report carries (a cluster spread over more than 30 % of the
units and more than four, or text in the index's overfull buckets in half its bands); stock phrases
(``lexicons/stock_phrases.txt``: lead-ins, the 政府信息公开年报 preface, 决算 form sentences); copies within
one unit; reports whose unit is unknown; for partial copies also a sentence filled with other figures, a
sentence mostly inside quotation marks (a policy quoted), a sentence in more than 8 passages; single documents (``check`` never runs it; see ``crossdoc.py``).

**Source**: 财预〔2020〕10号 (each unit evaluates its own spending); thresholds are configuration.
"""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.findings import Finding
from reportlint.rules.base import RuleContext, rule


@rule("boilerplate-cross", "C302", "warning", "copying",
      "（批量扫描）不同单位的报告之间共享的段落，按复制簇列出所有单位和位置",
      fires=("甲区财政局报告：针对农村供水保障中发现的36个突出问题，我局会同有关部门制定了12项整改措施，建立问题清单、"
             "责任清单和时限清单，实行销号管理。\n乙县教育局报告：针对农村供水保障中发现的36个突出问题，我局会同有关部门"
             "制定了12项整改措施，建立问题清单、责任清单和时限清单，实行销号管理。\n"),
      silent=("甲区财政局报告：根据《中华人民共和国预算法》等法律法规规定，本部门严格执行预算绩效管理制度。\n"
              "乙县教育局报告：根据《中华人民共和国预算法》等法律法规规定，本部门严格执行预算绩效管理制度。\n"),
      batch=True)
def boilerplate_cross(ctx: RuleContext) -> Iterator[Finding]:
    """Found by ``reportlint scan`` across reports (see crossdoc.py); nothing to do for one report."""
    return iter(())
