"""A 科目编码 in a 决算/预算 table whose 科目名称 is the name of another 科目.

**Finds**: in a table with a 科目编码 column (one column, or 类 款 项 columns written out: 201 | 06), a
类 or 款 row whose name is, in 《政府收支分类科目》 (``lexicons/budget_codes.yaml``: 支出功能分类 and
部门预算支出经济分类, with the earlier names of renamed 科目), the name of another code of the same level
and classification: 20106 labelled 税收事务 (which is 20107), 302 labelled 工资福利支出 (which is 301).

**Why a reviewer cares**: the 功能分类 and 经济分类 codes are the spine of every 决算 table; a code
whose name belongs to another 科目 means a row was pasted under the wrong code (or the code was
mistyped), and the 类 = Σ款 totals are then summed under the wrong heading.

**Example**:

    科目编码 | 科目名称 | 决算数
    201 | 一般公共服务支出 | 100.00
    20106 | 税收事务 | 100.00
    → 表中科目编码与科目名称不符：20106（t1r3c1）是“财政事务”，t1r3c2写的“税收事务”是20107的名称（《政府收支分类科目》）

**Fix**: correct the code or the name (the suggestion gives the listed name of the code).

**Leaves alone**: codes not in the list; 项-level rows (their names, 行政运行 …, repeat under every 款);
a name that is not the listed name of another code (reworded, abbreviated, a local 科目); revenue codes.

**Source**: 财政部《2024年政府收支分类科目》 (支出功能分类科目; 部门预算支出经济分类科目, 财预〔2017〕98号),
names checked against the tables of a published 部门决算 (see ``lexicons/budget_codes.yaml``).
"""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.findings import Finding
from reportlint.rules.base import RuleContext, rule
from reportlint.tables.judge import code_findings


@rule("subject-code", "N407", "error", "numbers",
      "决算表中科目编码与科目名称不符（名称是另一个科目的）",
      fires="科目编码 | 科目名称 | 决算数\n201 | 一般公共服务支出 | 100.00\n20106 | 税收事务 | 100.00\n",
      silent="科目编码 | 科目名称 | 决算数\n201 | 一般公共服务支出 | 100.00\n20106 | 财政事务 | 100.00\n")
def subject_code(ctx: RuleContext) -> Iterator[Finding]:
    yield from code_findings(ctx)
