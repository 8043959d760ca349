"""The issuer prefix of a cited central 文号 with a same-sound or look-alike character (国办公开办涵〔2021〕30号
for 国办公开办函). The prefix is the whole run of Han characters before 〔年〕N号, opening after a bracket,
punctuation or a line start; it is judged only when it has three or more characters and is one
replaced character away from one known prefix (``policies.yaml``: ``number_prefixes`` and the numbers of
``documents``) and the two characters are confusable. Local prefixes (浙财预, 湘政发) are whole runs
that differ from every central one in more than one character and are left alone.
"""

from __future__ import annotations

import re
from functools import cache

from reportlint.lexicon import load_yaml
from reportlint.spelling.data import confusable

_NUMBER = re.compile(r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff]{3,8})\s*[〔\[［【(（]\s*(?:19|20)[0-9]{2}\s*[〕\]］】)）]\s*[0-9]+\s*号")


@cache
def number_prefixes() -> frozenset[str]:
    data = load_yaml("policies.yaml")
    out = {str(p) for p in data.get("number_prefixes") or []}
    for d in data.get("documents") or []:
        m = re.match(r"([\u4e00-\u9fff]+)〔", str(d.get("number") or ""))
        if m:
            out.add(m.group(1))
    return frozenset(out)


def number_typos(text: str) -> list[tuple[int, int, str]]:
    """(start, end, right prefix) for each mistyped central 文号 prefix."""
    known = number_prefixes()
    out = []
    for m in _NUMBER.finditer(text):
        p = m.group(1)
        if p in known:
            continue
        near = [k for k in known if len(k) == len(p) and _one_confusable(p, k)]
        if len(near) == 1:
            out.append((m.start(1), m.end(1), near[0]))
    return out


def _one_confusable(a: str, b: str) -> bool:
    diff = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    return len(diff) == 1 and confusable(*diff[0])
