"""An inline suppression comment that suppresses nothing (like ruff's RUF100).

**Finds**: a writer's suppression (``<!-- reportlint: disable=W501 -->`` … ``enable``,
``reportlint: disable-next-line W501``, ``reportlint: ignore W501``; in Word a comment holding
``reportlint: ignore W503`` on the flagged text; see ``reportlint.suppress``) under which the named rule
reports nothing, and a suppression naming a rule that does not exist. Each rule named is checked on
its own: in ``disable=W501,jiezhi`` both names refer to one rule, in ``disable=W501,W503`` each must
silence something.

**Why a reviewer cares**: a suppression outlives the problem it was written for: after the text is
corrected the comment stays, and silently hides the next real finding at that place. A misspelt
code silences nothing and leaves the writer believing it does.

**Example**:

    <!-- reportlint: disable-next-line W501 -->
    截至2024年12月31日，在职人员74人。
    → 抑制注释未起作用：W501 jiezhi 在此处没有问题，可删除此注释

**Fix**: delete the comment (or the Word comment), or correct the rule it names.

**Leaves alone**: a suppression that silences at least one finding of each rule it names; a rule
that cannot run on this report (its context, such as the evaluation year, is unknown) or runs only
in a batch scan (boilerplate-cross): whether it would fire there cannot be told; text that merely
mentions reportlint.

**Source**: ruff RUF100 (unused-noqa), ESLint ``--report-unused-disable-directives``.
"""

from __future__ import annotations

from collections.abc import Iterator

from reportlint import suppress
from reportlint.findings import Finding
from reportlint.rules.base import RuleContext, find_rule, rule

NAME = "unused-suppression"


@rule(NAME, "F605", "info", "form",
      "抑制注释（reportlint: disable / disable-next-line / ignore）没有抑制任何问题",
      fires="<!-- reportlint: disable-next-line W501 -->\n截至2024年12月31日，在职人员74人。\n",
      silent="<!-- reportlint: disable-next-line W501 -->\n截止2024年12月31日，在职人员74人。\n")
def unused_suppression(ctx: RuleContext) -> Iterator[Finding]:
    sups = suppress.parse(ctx.doc.source)
    if not sups:
        return
    ran: dict[str, list[Finding] | None] = {}  # rule name -> its findings (None: cannot tell)

    def findings_of(r) -> list[Finding] | None:
        if r.name not in ran:
            if r.batch or r.name == NAME or not _has(ctx, r.needs):
                ran[r.name] = None
            else:
                ran[r.name] = list(r.check(RuleContext(ctx.doc, ctx.context, ctx.config, r)))
        return ran[r.name]

    for s in sups:
        done = set()
        for key in s.keys:
            r = find_rule(key)
            if r is None:
                yield ctx.report_raw(*s.at, f"抑制注释中的规则 {key} 不存在（用 reportlint rules 查看全部规则）")
                continue
            if r.name in done:
                continue
            done.add(r.name)
            found = findings_of(r)
            if found is not None and not any(s.covers(f) for f in found):
                yield ctx.report_raw(*s.at, f"抑制注释未起作用：{r.code} {r.name} 在此处没有问题，可删除此注释")


def _has(ctx: RuleContext, needs: tuple[str, ...]) -> bool:
    c = ctx.context
    have = {"year": c.evaluation_year is not None, "filing": c.filing_date is not None,
            "level": c.unit_level is not None}
    return all(have[n] for n in needs)
