"""A wrong character or word: a name or term mistyped, a word typed twice or cut short, a 别字.

**Finds**: with the exact fix (:mod:`reportlint.spelling`):

- a near miss of a name that must be exact: finance terms (``lexicons/terms.txt`` and
  ``lexicon.extra_terms``), the state's organs, political formulas and slogans, set phrases and the
  headings of the statutory forms (``lexicons/names.yaml``): a character missing, extra (typed twice),
  replaced by a same-sound or look-alike one, two neighbours swapped, two words of a set phrase swapped
  (群众回应关切; a budget name ending on its modifier: 一般财政公共, 一般预算公共收入), a word of a
  statutory heading dropped (主动政府信息), a formula's last character lost before a word (夯实法治建基础);
- an organ's name with one edit inside, three-character names included (县财政政局, 水物局, 卫生建康局,
  人民检院: ``names.yaml`` ``organs``, the state's organs and a people's government's departments);
- a formula whose word lost a character inside, leaving one character or no common word, whatever the
  segmenter glued around it (马思主义, 中国式代化, 新发理念), or written whole with its first or last
  character typed again beside it (推动高高质量发展, 长江经济带带,);
- the report's own unit name or place written differently (岚溪县人民检查院 under a cover saying
  岚溪县人民检察院; 青梧市 for 青梧岭市);
- a 别字 that is never a word (拔款, 布署, 再接再励: ``lexicons/confusion.yaml``), and confusable
  pairs in a context that decides them (累积完成1234万元, 群众反应的问题, 制定专人, 合理配制资源, 调节矛盾纠纷, 形式严峻, 2021度, 关2020年度, 增长下降57%),
  a word lost from a fixed frame (…万元,2023年度相比, → 与2023年度相比; a figure with 余 and no measure
  word ending its clause: 主动公开政府信息260余), 他/她 for an organ (他具有以下职能 → 它);
- a word typed twice, the copies touching (保障保障, 部门部门决算, 情况说明说明, 其中:其中:, 1837600元元),
  also when the first copy's first character was taken into the word before (水务湖泊局部门部门决算);
- a common character swapped for a look-alike or same-sound one inside a two-character non-word that
  stands between words, giving a very common word (加强宜传工作 → 宣传, 完善菅理制度 → 管理, 执型 → 执行);
- a year with a digit or two typed twice (202020年 → 2020年; 20232年 → the year the report writes);
- a central policy document cited with a word dropped from its title, or a character of it replaced by a
  same-sound or look-alike one, or a digit of its years changed (《法治政府建设实施纲要(2022—2025年)》:
  ``lexicons/policies.yaml``); a title one word off a central one, cited
  with that document's 文号 (《中共中央国务院关于全面落实预算绩效管理的意见》(中发〔2018〕34号) → 全面实施)
  or under the same central issuer with a near-synonym; a 《…关于印发〈X〉》 title that lost its 的通知;
- a national catalogue name cut inside a word before its figure, in a list of such names
  (涵盖建筑业5家、房地产业1家、科技服1家 → 科技服务业: ``lexicons/catalogues.yaml``, GB/T 4754-2017); a regulation's name (条例,
  规定, 办法, 党内法规) with a wrong character (《政府信息公开条列》, 《中华人民共合国政府信息公开条例》), two
  characters swapped or one lost (《信访工作例条》, 《信访工作例》), or a word of it replaced in a report that
  cites it rightly elsewhere (《政府信息管理条例》 beside 《中华人民共和国政府信息公开条例》); a law's (…法) is
  law-name's alone (one finding per title);
- a leader's name of three characters with a look-alike character (习近乎, 刁近平:
  ``names.yaml`` ``people``); a long division name near-missed (广西状族自治区, …苗族侗族自治洲:
  ``names.yaml`` ``places``), unless the near miss is another division;
- a word cut short where the text shows it: a lone character before 其中: (经费支其中:), or glued to a
  conjunction before a word (管理用房及消通道), fixed with the report's own word (支出, 消毒);
- a false start: a pair no dictionary knows right before a common word starting with its first character
  (提实提高);
- a word cut short before punctuation where the report has the whole word in the same frame
  (实际规(㎡) beside 批复规模(㎡));
- a heading or contents entry cut at a line break by a conversion: its last character lost before the
  next entry or a page number (2023年度单位决, 表四:…决算总, 第四部分:名词解), or the first character of its
  wrapped second line (单位⏎算报表), fixed from the dictionary, the table list or the report's own word;
- a word of a name typed again inside it (政府公开信息公开年报), a common word's last character typed again
  (下属属各单位);
- a central 文号 prefix with a same-sound or look-alike character (国办公开办涵〔2021〕30号: ``policies.yaml``
  ``number_prefixes``); 依法申请公开 listed beside 主动公开 (依申请公开); 本 that lost the unit's level before
  the object of a leading verb (领导本工作, 对本重大工作 in a report writing 本乡);
- the report's own phrase, written at least twice, once with a character that forms no word with
  either neighbour (经济乎稳较快 beside 经济平稳较快: an error when the two characters are same-sound or
  look-alike, else a warning); the unit's name without its district (玉皇北街街道办事处 under
  兴庆区玉皇阁北街街道办事处) and its place with the suffix typed twice (二街镇镇严格按照);
- a character of a set phrase, an organ's name or a law or policy title moved two places (农业社会服务化体系
  → 农业社会化服务体系); the last item of a series of three or more ending in one character without it
  (知情权、参与权、表达权和监督。 → 监督权);
- a clause closing on 的(坚强)领导下 without its 在 (2022年,镇党委、镇人民政府的坚强领导下,); a count closing a
  clause without the measure word its siblings carry (其他信息78条,机构信息16条。财政信息3。); 当 for 党 before
  the Party's collocates (加强当的建设); 机构运行经费 for 机关运行经费 (a warning, once);
- a part heading 第X部 that lost its 分, or 部分 that lost its 第X, beside sibling headings 第一部分, 第二部分; a committee's 委员会
  with 会议 written once (区委依法治区委员会议 → 委员会会议), not 全体委员会议;
- a clause typed twice across its comma (从预算单位构成看,从预算单位构成看,); 以 for 已 before a
  completion closing the clause (评价工作以全面完成,); an article cited without 第 after a law's title
  (《中华人民共和国预算法》五十七条); a garbled age (0毛岁儿童); a form cell cut at its end beside
  sibling cells written whole (现行有效件 beside 本年制发件数, 本年废止件数); 我 that lost the unit's
  word as the subject of the year's count (我共收到 in a report writing 我局); a stray character in
  现将…报告如下 (现提将); 地 right after the subject before a completed verb (该项目地完成了);
- a same-sound or look-alike character in a name, phrase or form heading that forms no word with
  either neighbour (支出觉算表, 干部兑伍建设), or a character lost inside a word of the name leaving
  no word (新型城化战略); an organ's stem after its place with such a character (县材政局, 统记局).

**Why a reviewer cares**: website inspections and report reviews count every wrong character
("明显的…错别字的，每处扣0.5分"); a misspelt organ, formula or leader's name is a 严重表述错误.

**Example**:

    本单位本级般公共预算财政拨款开支的在职人员74人，全年推进扫黑险恶专项斗争，完善监督保障保障机制。
    → 疑似错字：“般公共预算”应为“一般公共预算”（缺字）
    → 疑似错字：“扫黑险恶专项斗争”应为“扫黑除恶专项斗争”（错字）
    → 词语重复：“保障”连写了两次，删去一个

**Fix**: write the suggestion.

**Leaves alone**: 需/应/须/可 written for 需要/应当/必须/可以 before a verb (其他需报告的事项); a bare number that is not the last item of a list of counts (详见附件3, 见表2, 拨打110, 标段1, 同比增加3, a count list in another sentence group); a title one word off a cited one in the slot a series of listed titles varies in (《中国共产党组织工作条例》 beside …政法工作条例); 制定 before a system headed by 专人 (制定专人值班制度, 专人负责制) and 配制 before a preparation (合理配制药品、农药); a formula that lost a one-character word between two words (最多一次到现场); 机构运行经费 in a report with no 机关运行经费 or of a non-参公 事业单位; a law's misspelt title (《中华人民共合国预算法》: law-name's); characters joined across a table's cells (财政所 | 预算不单列: no 财政所预算); a law cited by a name it does not have (《采购法》: law-name reports it); correct phrases one character from a term (基本支持, 项目支持, 事前绩效评估, 预算编报,
被政府采纳, 专项资助: each is a word or splits into words); dictionary words (不忘初衷, 人民政权); another
congress or plan (党的十六大精神); a conjunction chosen differently (问题和改进); 的 added between two
words (中国特色的社会主义); 之 before a locative it forms a word with (除特别说明之外 for 除特别说明外); a
name whose first word is replaced by another common word (村民代表大会 beside 人民代表大会: another body); reduplications the language allows (常常, 等等, 研究研究, 清清楚楚); identical cells
of a flattened table (10显著提升显著提升10); a web page's toolbar (打印 打印, 纠错⏎纠错, 【打印】【打印】:
copies apart or alone on a line, or a ``page_furniture`` word); a sibling of a name whose replaced
character forms a common word (党纪学习教育, 党章学习教育 beside 党史学习教育); a slot the text fills on purpose in a series (以为民为宗旨,
以育民为中心,以安民为保障); a formula's first or last character beside a copy that forms a word with its
other neighbour (提高高质量发展, 长江经济带带动); a statutory heading
shortened on purpose (存在的问题及改进情况: a dropped word is reported only when the report writes the
full heading, or the dropped word after its neighbour, elsewhere); coined abbreviations that are no
word (稳字当头, 扩优提质, 因城施策); a text that stops inside a word (an excerpt's cut); a
term plus a character that forms another known word (专项债资金: ``terms.txt`` debt words); a doubled word whose
copies cross white space (cells 年初预算数 全年预算数 of a flattened table); 与上年增长5.2%的水平持平 (与 takes
last year's growth as its object); 有的到了; a 年报 form cell reworded with whole words (申请数, 仍然); the own
organ without a one-character place (县财政局 in 丰县); the own unit with its place's 市/县/区 dropped (共青城茶山街道办事处 for
共青城市…, an accepted short form); an ordinary line wrap (绩效管⏎理) and a form the report
writes uncompleted elsewhere (决算数 as a table header);
a title one word off a central one under a local issuer or with neither the central issuer nor its
文号 (《关于全面实施预算绩效管理的实施意见》: a local document's own title); an industry name that lost
only its class word 业 (批发和零售3家, 房地产2家); anything in ``lexicon.extra_terms``; an organ name with another level's suffix (生态环境厅, 农业农村委); an organ's short form without 和
(发展改革局), a place ending with the organ's first character (解放街街道办事处), an organ's last character
forming a word with the next (教育局局长, 档案管理); a
short formula (<= 4 characters) with a character that is no look-alike (一国两府 beside 一国两制); a term in
quotes (a cited term), unless a look-alike slip; 既使…又使…; a variant form (帐目) in a text of before 2002
(after it: a warning, 非推荐词形); parallel words of a finance term in either order (在编在职人员,
政府公开信息, 绩效预算管理); a formula adapted to the local level (依法治市委, 依法治县); 相比 with its
object (2024年相比2023年增长); 余 with its measure word (260余条); a malformed year inside a full date
(202020年12月31日: date-invalid reports the date); a different word in the slot of the report's own
phrase (拟定 beside 拟订, 政务信息 beside 政府信息), numbered parallels (第一包围圈、第二包围圈), a phrase
written only once elsewhere; 一般公共预算总收入 beside 一般公共预算收入 (总收入 is a word); 可以/得以/难以
完成; 3周岁, 60多岁; the unit's place before its organ (二街镇镇政府, 某县县委); a list item with
figures written twice (another rule's); a name shortened by a whole word (中国现代化, 西部开发,
基层组织建设); 分配格局, 良好开局 (words ending in 局, not organs).

**Source**: names.yaml, terms.txt, confusion.yaml, policies.yaml, catalogues.yaml (their headers give the sources);
same-sound and look-alike sets from pycorrector (Apache-2.0, ``lexicons/spelling/``); 崇阳县 and other
government-website inspection notices quoted in ``../shared/cases``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reportlint.findings import Finding, Severity
from reportlint.rules.base import RuleContext, rule


@rule("term-typo", "W503", "error", "wording",
      "错别字：术语、机构名称、政治表述、固定说法缺字多字错字，词语重复，本单位名称不一致",
      fires="本单位本级般公共预算财政拨款开支的在职人员74人，全年推进扫黑险恶专项斗争，完善监督保障保障机制。\n",
      silent="一般公共预算财政拨款支出，政府性基金预算，专项基金，财政拨付及时，资本支出，办公经费。\n")
def term_typo(ctx: RuleContext) -> Iterator[Finding]:
    from reportlint.spelling import find_typos
    from reportlint.spelling.laws import is_law, law_issues, misspelt_form

    extra_laws = tuple(ctx.config.extra_laws)
    issues = law_issues(ctx.text, extra_laws)
    laws = [(s, e) for s, e, _, _ in issues]
    for s, e, title, full in issues:
        # a regulation's name with a wrong character is a typo; a law's is law-name's (one finding per title)
        form = misspelt_form(title, extra_laws)
        if form and not is_law(full):
            yield ctx.report(s, e, f"疑似错字：《{title}》应为《{form}》（法律法规名称错字）", suggestion=f"《{form}》")
    for t in find_typos(ctx.doc, tuple(ctx.config.extra_terms), ctx.context.unit_name):
        if any(s <= t.start and t.end <= e for s, e in laws):
            continue  # law-name reports the whole title
        cand = ctx.text[t.start:t.end]
        if t.kind == "repeat":
            msg = f"词语重复：“{t.name}”连写了两次，删去一个"
        elif t.kind == "context":
            msg = f"用词不当：“{cand}”" + (f"应为“{t.fix}”" if t.fix else "") + (f"（{t.why}）" if t.why else "")
            if t.severity == "warning":
                yield ctx.report(t.start, t.end, msg, suggestion=t.fix, severity=Severity.WARNING)
                continue
        elif t.kind == "own":
            msg = f"本单位名称不一致：“{cand}”应为“{t.fix}”（{t.why}，以封面单位名称为准）"
        elif t.kind == "policy":
            msg = f"文件名称有误：{cand}应为{t.fix}（{t.why}）"
        elif t.kind == "year":
            msg = f"年份有误：“{cand}”" + (f"应为“{t.fix}”" if t.fix else "") + f"（{t.why}）"
        elif t.kind == "truncated":
            msg = f"疑似缺字：{t.why}"
        elif t.kind == "false-start":
            msg = f"疑似错字：{t.why}"
        elif t.kind == "own-term":
            yield ctx.report(t.start, t.end, f"疑似错字：“{cand}”应为“{t.fix}”（{t.why}）", suggestion=t.fix,
                             severity=Severity.WARNING if t.severity == "warning" else None)
            continue
        elif t.kind == "variant":
            if _latest_year(ctx) < VARIANTS_STANDARD_SINCE:
                continue  # written before the 异形词整理表 made 账 the standard form
            yield ctx.report(t.start, t.end, f"非推荐词形：“{cand}”宜作“{t.fix}”（第一批异形词整理表）",
                             suggestion=t.fix, severity=Severity.WARNING)
            continue
        else:
            msg = f"疑似错字：“{cand}”应为“{t.fix}”（{t.label}）"
        yield ctx.report(t.start, t.end, msg, suggestion=t.fix)


# 第一批异形词整理表 (教育部 国家语委, 2001-12-19) is in force from 2002-03-31
VARIANTS_STANDARD_SINCE = 2002
_YEAR = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})(?=年)")


def _latest_year(ctx: RuleContext) -> int:
    """The report's year: its evaluated or filing year, else the latest year it writes (9999: none)."""
    known = [y for y in (ctx.context.evaluation_year, ctx.context.filing_year) if y]
    if known:
        return max(known)
    years = [int(m.group(1)) for m in _YEAR.finditer(ctx.text)]
    return max(years) if years else 9999
