"""Document metadata: title, 文号, 发文机关, date, year, period, kind and region."""
from __future__ import annotations

import calendar
import re
from collections import Counter

from . import patterns as P
from .normalize import squash
from .numbers import to_number
from .records import Region

# 2031年
_YEAR_WORD = re.compile(r"\d{4}年")
# a period before the year's end
# (全年中小河流治理 / 每年中医药…: a 年中 inside 全年中… or 每年中… is no mid-year)
_BEFORE_YEAR_END = re.compile(r"上半年|前三季度|一季度|第[二三]季度|时间过半|(?<![全每])年中(?![小医心型大央国等级高职药])")
# a sentence's end
_SENTENCE_MARK = re.compile(r"[。；;]")


def _unspaced(text: str) -> str:
    r"""`text` without its whitespace: re.sub(r"\s+", "", text), as str.split reads the same characters as space
    (tests/test_extract_cost8.py; the substitution built the string again through the engine, ~25 ns a character)."""
    return "".join(text.split())


# …汇总表 / …进度表（…）: a table's title
_TABLE_TITLE = re.compile(r"(?:汇总|情况|统计|一览|进度)表(?:[（(][^）)]*[）)])?$")
# words of a report
_REPORT_WORD = re.compile(r"进展|进度|完成情况|落实情况|办理情况|实施情况|通报|督查情况|推进情况|总结|情况的报告|"
                          r"[月周旬季]报")


def title_of(lines: list[str]) -> str | None:
    """The first title-like line within the head of the document, joined across breaks."""
    head = [(i, ln.strip()) for i, ln in enumerate(lines[:40]) if ln.strip()]
    for k, (i, text) in enumerate(head[:15]):
        if P.DOC_NUMBER.fullmatch(text) or text in ("正文",) or text.startswith(("发布时间", "来源", "索引号")) \
                or P.PAGE_CHROME.search(text):
            continue
        if P.ITEM_START.match(text):
            continue              # 4.农村饮水提升:(1)… opens an item of the body
        if P.DATE_CN.fullmatch(squash(text).strip("（）()")) or _dated_line(text):
            continue              # 2026年10月12日: a signing or a masthead's date, never a title
        if not (text.startswith("关于") or _YEAR_WORD.search(text) or P.TITLE_END.search(text)):
            continue
        if text.endswith(("：", ":")) or len(text) > 80 or _body_paragraph(text) or BODY_LEAD.match(text) \
                or (len(text) >= LONG_TITLE and ("，" in text or "," in text)):
            continue              # …共49项103件,其中… cut by a fold: a title of that length has no comma
        joined = text
        for _, nxt in head[k + 1:k + 4]:
            if (P.TITLE_END.search(joined) and not nxt.startswith(("及", "暨"))) or nxt.endswith(("：", ":")) or nxt.startswith(("各", "发布时间", "（", "(")) \
                    or "\t" in nxt or "：" in nxt or P.PAGE_CHROME.search(nxt) or _dated_line(nxt) \
                    or _body_paragraph(nxt) or len(joined) + len(nxt) > 80 or BODY_OPENING.match(nxt) \
                    or (P.LIST_TITLE.search(joined) and P.WORK_COUNT.search(nxt)) or P.ITEM_START.match(nxt):
                break             # …本报讯 近日，市政府…。 the body's first paragraph is no part of the title,
                                  # nor a project's line under 某县2026年十件民生实事 (新建公办幼儿园6所),
                                  # nor a numbered heading (一、教育提升)
            joined += nxt
        return joined
    return None


# 根据《…》文件… / 本报讯 … / 近日，…: the words a body opens with, never a title's second line
BODY_OPENING = re.compile(r"根据|按照|为了|为进一步|近日|今年|本报讯|本网讯|据悉")
# 日前，… / 下一步，… / 2025年，县里…: a sentence of the body (a title never opens so), though cut short where a
# folded text wrapped it
BODY_LEAD = re.compile(r"(?:日前|近日|下一步|目前|截至|截止|据悉|据了解|为进一步|(?:19|20)\d{2}年(?:以来)?|"
                       r"\d{1,2}月\d{1,2}日)[，,]")
LONG_TITLE = 30           # characters: a line this long with a comma in it is a sentence, not a headline


def _body_paragraph(text: str) -> bool:
    """完成3.2万口山塘清淤(2026-2030年)。上半年已全部完工。… — sentences of the body, never a title."""
    return bool(_SENTENCE_MARK.search(text)) or (len(text) > 40 and len(re.findall(r"[，,]", text)) >= 2)


def _dated_line(text: str) -> bool:
    """A speech's, a masthead's or a post's date line: never part of a title."""
    return bool(P.SPEECH_DATE.match(text) or P.ISSUE_DATE.match(text) or P.POST_DATE.match(text)
                or P.HEADER_DATE.match(text))


def doc_number_of(lines: list[str]) -> str | None:
    """A 文号 standing in the head of the document (not one cited in the body)."""
    for ln in [x.strip() for x in lines[:12] if x.strip()][:6]:
        m = P.DOC_NUMBER.search(ln)
        if m and (len(ln) <= len(m.group(0)) + 12) and "《" not in ln:
            return _unspaced(m.group("no"))
    for ln in [x.strip() for x in lines[:12] if x.strip()][:6]:
        m = P.ISSUE_NUMBER.match(ln) or P.SERIAL_NUMBER.match(ln)
        if m:
            return _unspaced(m.group("no"))
    return None


def as_written(number: str | None, original_lines: list[str]) -> str | None:
    """The 文号 in the document's own script (文政辦發〔2018〕8號 stays traditional)."""
    if not number:
        return None
    from .normalize import simplify

    for ln in original_lines[:12]:
        squeezed = squash(ln)
        if number in simplify(squeezed):
            start = simplify(squeezed).index(number)
            return squeezed[start:start + len(number)]
    return number


def _date(m: re.Match) -> str | None:
    y, mo, d = (int(to_number(m.group(k)) or 0) if not m.group(k).isdigit() else int(m.group(k))
                for k in ("y", "m", "d"))
    if m.re is P.DATE_HANZI:
        y = int(_hanzi_digits(m.group("y")))
    try:
        if 1 <= mo <= 12 and 1 <= d <= calendar.monthrange(y, mo)[1]:
            return f"{y:04d}-{mo:02d}-{d:02d}"
    except (ValueError, calendar.IllegalMonthError):
        return None
    return None


def date_of(lines: list[str]) -> str | None:
    """The signing date (a line that is only a date, or its digits when 年月日 were lost: 20311011 under the
    issuer), else the page's 发布/更新 date (a label, a metadata table's cell, a bare '2018-12-17 10:30' head
    line), else a speech's, a masthead's or a post's date, else a news dateline (12月31日讯) in the year the
    text states."""
    signed = _signing_date(lines)
    published = _page_date(lines)
    if signed:
        return None if published and signed > published else signed   # a 落款 after the page was published: unsure
    if published:
        return published
    head = [x for x in lines[:20] if x.strip()][:6]
    for ln in head:
        # a speech's '——2018年1月25日在…会议上', a masthead's '2016年11月23日 星期三', a post's '2024-02-28 18:30',
        # a page's '2031/10/12' or '2031-10-12 来源：…'
        m = P.SPEECH_DATE.match(ln) or P.ISSUE_DATE.match(ln) or P.POST_DATE.match(ln) or P.LINE_DATETIME.match(ln) \
            or P.HEAD_ISO_DATE.match(ln)
        if m:
            s = _unspaced(m.group("date"))
            d = P.DATE_CN.fullmatch(s) or P.DATE_ISO.fullmatch(s)
            return _date(d) if d else None
    for ln in head:
        # a 纪要's '拜泉县人民政府办公室    2017年3月14日', a 决议's '（2026年1月12日…会议通过）'
        m = P.HEADER_DATE.match(ln) or P.ADOPTED_DATE.match(ln)
        issued = P.ISSUER_DATE_LINE.match(ln)
        m = m or (issued if issued and P.ISSUER_END.search(issued.group("who")) else None)
        if m:
            d = P.DATE_CN.fullmatch(_unspaced(m.group("date")))
            return _date(d) if d else None
    return _dateline(lines)


# what a date that is the whole line opens with: 19/20 (DATE_CN, DATE_DIGITS) or a Chinese numeral (DATE_HANZI)
_DATE_OPENS = "12二〇零一三四五六七八九"


def _signing_date(lines: list[str]) -> str | None:
    """A line that is only a date (the 落款), or its digits when 年月日 were lost (20311011 under the issuer)."""
    before = None             # the last line read with something in it (the issuer's, above a date of digits)
    for k, ln in enumerate(lines):
        first = _FIRST_WRITTEN.search(ln)       # what its squeezed text opens with, its brackets stripped
        if first is None:
            continue              # spaces and brackets only: nothing to read, and no line to remember
        if first.group() not in _DATE_OPENS or not _may_end_a_date(_last_written(ln)):
            before = k            # most lines (一、… and 1.… open as a date does, but end otherwise)
            continue
        s = _signed(ln)
        for pat in (P.DATE_CN, P.DATE_HANZI):
            m = pat.fullmatch(s)
            if m:
                return _date(m)
        m = P.DATE_DIGITS.fullmatch(s)
        last = _signed(lines[before]) if before is not None else ""
        if m and P.ISSUER_END.search(last) and len(last) <= 30:
            return _date(m)
        before = k
    return None


# the first character that is neither a space nor a bracket: the first of a line's squeezed text, its brackets stripped
_FIRST_WRITTEN = re.compile(r"[^\s（）()]")


def _may_end_a_date(last: str) -> bool:
    """What the three dates end with (日; a decimal digit, DATE_DIGITS's \\d), or 发 / 布 of the 印发 / 签发 / 发布 that
    PRINTED_TAIL reads off after 日."""
    return last in ("日", "发", "布") or last.isdecimal()


def _last_written(line: str) -> str:
    """The last character that is neither a space nor a bracket ("" for none): the last of `_signed(line)`, but
    where PRINTED_TAIL cuts a 印发 off after 日."""
    text = line.rstrip()
    while text and text[-1] in "（）()":
        text = text[:-1].rstrip()
    return text[-1:]


def _signed(line: str) -> str:
    """A line squeezed, its brackets stripped, and 2026年10月12日印发 read as the 版记's date, as signed."""
    return P.PRINTED_TAIL.sub("", squash(line).strip("（）()"))


def _page_date(lines: list[str]) -> str | None:
    """发布时间:2016-12-26 / 更新时间： / 时间: / 发文日期 | 2022-11-03 | (spaces inside the date squeezed)."""
    for ln in lines[:60]:
        if "间" not in ln and "期" not in ln:
            continue          # both patterns need 时间 / 日期 (most lines: two calls saved)
        m = P.PUBLISHED.search(ln) or P.PAGE_DATE.search(ln)
        if m:
            after = P.DATE_SPACES.sub("", ln[m.start():])
            for pat in (P.DATE_ISO, P.DATE_CN):
                d = pat.search(after)
                if d and _date(d):
                    return _date(d)
    return None


def _dateline(lines: list[str]) -> str | None:
    """某某新闻网11月30日讯 / 2月11日，记者从…: the day of a news report, when the text states its year."""
    for ln in [x for x in lines[:12] if x.strip()][:8]:
        m = P.DATELINE.match(ln)
        if m:
            year = year_of(None, lines)
            d = P.DATE_CN.fullmatch(f"{year}年{m.group('m')}月{m.group('d')}日") if year else None
            return _date(d) if d else None
    return None


def printed_date(lines: list[str]) -> str | None:
    """The 版记's '2017年10月12日印发' (the day the document was printed)."""
    for ln in reversed(lines[-15:]):
        m = P.PRINTED.search(ln)
        if m:
            d = P.DATE_CN.fullmatch(_unspaced(m.group("date")))
            return _date(d) if d else None
    return None


def issuer_of(lines: list[str], title: str | None) -> str | None:
    written = [x for x in lines if x.strip()]
    for ln in (squash(x) for x in written[:6]):
        if P.ISSUER_END.search(ln) and len(ln) <= 30 and not ln.startswith("关于") and P.ISSUER_NAME.fullmatch(ln):
            return ln           # not 1.新建卫生院3所。牵头单位：县卫健局, an item ending in a unit
    for k, x in enumerate(written):
        # a date opens with 19 or 20, or 二 written in Chinese: only such a line is squeezed (a line's first
        # character is its squeezed text's)
        opening = x.lstrip()[:1]
        if k and ((opening in ("1", "2") and P.DATE_CN.fullmatch(squash(x)))
                  or (opening == "二" and P.DATE_HANZI.fullmatch(squash(x)))):
            above = squash(written[k - 1])
            if P.ISSUER_END.search(above) and len(above) <= 30:
                return above
    m = re.search(r"来源\s*[:：]\s*(\S+?)(?:\s|阅读|$)", "\n".join(lines[:60]))
    return m.group(1) if m else None


def year_of(title: str | None, lines: list[str]) -> int | None:
    plan = P.REVIEW_THEN_PLAN.search(_unspaced(title or ""))
    if plan:
        return int(plan.group("y"))         # 2020年…完成情况及2021年…项目安排的通知: the year planned
    for is_title, text in ([(True, title)] if title else []) + [(False, "\n".join(lines[:80]))]:
        text = _arabic_years(text)
        years = [int(m.group("y")) for m in P.YEAR.finditer(P.YEAR_RANGE.sub("", text))]   # not 2013—2017年
        if years:
            if is_title:
                return years[0]
            counts = Counter(years)
            top = max(counts.values())
            return max(y for y, n in counts.items() if n == top)     # 由2009年的10项拓展为2015年的28项: the later
    return None


# (opening with its first character's class, the character before it looked behind from there: the engine skips in
# C to the next 一 or 二 instead of trying the look-behind at every character of the document's head)
HANZI_YEAR = re.compile(r"(?P<y>[一二](?<![〇零一二三四五六七八九].)[〇零一二三四五六七八九]{3})(?=年)")


def _arabic_years(text: str) -> str:
    """二〇二三年 → 2023年: a year written in Chinese digits."""
    return HANZI_YEAR.sub(lambda m: _hanzi_digits(m.group("y")), text)


def _hanzi_digits(digits: str) -> str:
    """二〇二三 / 二零二二 → 2023 / 2022: Chinese digits written one by one (a character that is none reads 0)."""
    return "".join(str("〇一二三四五六七八九".index(c)) if c in "〇一二三四五六七八九" else "0" for c in digits.replace("零", "〇"))


def period_of(title: str | None, lines: list[str], year: int | None) -> dict | None:
    """The months a report covers: a range (1—9月, damaged 19月) or words (前三季度) in the title;
    else a range or the day the figures stand at (截至2020年8月31日, （截至10月底）) in the head;
    else words in the head (全年, but not 全年任务)."""
    if title:
        found = _range_in(title, year) or _words_in(title, year)
        if found:
            return found
    head = [x for x in lines[:40] if x]
    for text in head:
        found = _range_in(text, year) or _as_of_in(text, year)
        if found:
            return found
    for text in head:
        found = _words_in(text, year)
        if found:
            return found
    return None


def _span(y: int | None, m1: int, m2: int) -> dict | None:
    return {"from": f"{y}-{m1:02d}", "to": f"{y}-{m2:02d}"} if y else None


def _range_in(text: str, year: int | None) -> dict | None:
    if not P.may_match(P.PERIOD, text):
        return None          # no 月: neither a range nor a damaged one (PERIOD_DAMAGED needs it too)
    m = _period(text)
    m2, m1 = (int(m.group("m2")), int(m.group("m1"))) if m else (0, 0)
    if not m or not (1 <= m1 <= m2 <= 12):
        m = P.PERIOD_DAMAGED.search(text) if _DAMAGED_CORE.search(text) else None
        if m:
            m1, m2 = 1, int(m.group("m2"))
    if m:
        return _span(int(m.group("y")) if m.group("y") else year, m1, m2)
    return None


def _as_of_in(text: str, year: int | None) -> dict | None:
    m = P.AS_OF.search(text)
    return _span(int(m.group("y")) if m.group("y") else year, 1, int(m.group("m"))) if m else None


# the months a period word covers: a quarter's report (第三季度推进情况) states the year so far, as 前三季度 does
PERIOD_MONTHS = {"前三季度": (1, 9), "上半年": (1, 6), "前两季度": (1, 6), "一季度": (1, 3), "第一季度": (1, 3), "1季度": (1, 3),
                 "第二季度": (1, 6), "第三季度": (1, 9), "第四季度": (1, 12), "下半年": (7, 12), "全年": (1, 12)}


def _words_in(text: str, year: int | None) -> dict | None:
    w = P.PERIOD_WORDS.search(text)
    if w and year:
        start, end = PERIOD_MONTHS[w.group("w")]
        return _span(year, start, end)
    return None


def kinds_of(title: str | None, lines: list[str], has_prose: bool) -> tuple[str, str]:
    """(the kind reported, the kind the readers read the text as): supervision (a 督查/督办 notice or an
    inspection's report), plan, progress (a report of the year so far) or summary (a 填报 form, a year's
    results, a table of the whole year).  An assessment's notice (考核…通报), or one that ranks the units at its
    head, is reported as supervision and read as the report it otherwise is; so is an inspection's own report
    (…督查情况的通报; or, under no title, 督查室对…进行了专项督查。现将…通报如下: a 进展情况的通报 that opens
    so is the report of the work)."""
    t = title or " ".join(x.strip() for x in lines[:5])
    flat = _unspaced(t)
    head = _unspaced("\n".join(x for x in lines[:30] if x.strip())[:1500])
    if P.SUPERVISION_TITLE.search(flat):
        if not P.LAGGING.search(flat) and P.ASSIGNS_TASKS.search(head):
            return "plan", "plan"         # …进行重点督办的通知 that 分解下达 the year's 目标任务: the plan, under supervision
        return "supervision", "supervision"
    if "督查" in t and P.SANCTION.search("\n".join(lines)):
        return "supervision", "supervision"      # a 督查通报 that sets 限期整改 dates or imposes 通报批评 assigns work
    if P.SUPERVISED_ITEMS.search(head[:400]):
        return "supervision", "supervision"      # 十件民生实事列入重点督办事项: a report on items under supervision
    read = _report_kind(title, t, flat, head, lines, has_prose)
    assessed = P.ASSESSMENT_TITLE.search(flat) or len(set(P.RANK_PLACE.findall(head[:800]))) >= 3 \
        or P.INSPECTION_TITLE.search(flat) or (title is None and P.INSPECTION_OPENING.search(head[:300]))
    return ("supervision" if assessed else read), read


def _report_kind(title: str | None, t: str, flat: str, head: str, lines: list[str], has_prose: bool) -> str:
    """The kind of a text that is no supervision notice by its title or opening."""
    if P.REVIEW_THEN_PLAN.search(flat) or (P.BALLOT_RESULT.search(flat) and not P.CANDIDATE_WORD.search(flat)):
        return "plan"             # …票决结果的公示: the projects chosen for the year
    if P.FILLING_FORM.search("\n".join(lines[:8])):
        return "summary"          # 统计时段 / 填报单位 / 填报日期 over a 月报's table: a 填报 form
    so_far = _before_december(flat) or _before_december(head[:300])
    if _TABLE_TITLE.search(t):
        # 1-8月…完成情况表 / …进度表: the year so far (a 进度 is a pace, never the year's end)
        return "progress" if (so_far or "进度" in t) and "汇总" not in t else "summary"
    if P.SURVEY.search(flat) or (not so_far and P.YEAR_END.search(head[:400] if title is None else flat)):
        return "summary"          # news of 全部完成 / 通过一年的努力 / 截止12月底: what was done in the year
    if "总结" in t and not so_far and not re.search(r"进展|进度", flat):
        return "summary"          # 2026年民生实事工作总结: the year's results (a 年中/上半年 总结 is the year so far)
    if _REPORT_WORD.search(P.SCHEDULE.sub("", flat)):
        return "progress"
    named = flat if title is not None else _unspaced(next((x for x in lines if x.strip()), ""))
    # under no title, the first line names the text (the lines after it are its body: a report's 占年度计划投资
    # is no 计划); 公　　告 spaced out as the masthead's heading: a 人大 主席团's list of projects
    if re.search(r"实施意见|通知|方案|计划|分解|安排|打算|意见|责任|决定|决议|纪要|政府工作报告|清单|解读|公告|工作要点",
                 named if so_far else flat) or any(_unspaced(x) == "公告" for x in lines[:5]):
        return "plan"
    if not so_far and P.LIST_TITLE.search(named):
        return "plan"             # 某县2026年十件民生实事: the year's list of projects, under its own name
    news = P.NEWS_OF_PLAN.search(head[:400])
    if news and not (so_far and not news.group(0).startswith(("将", "公布了"))):
        return "plan"             # 将集中力量办好十件民生实事: news about a plan
    if so_far:
        return "progress"         # 上半年 / 截至8月底: a report of the year so far
    if not has_prose:
        return "summary"
    return "other"


# 1-8月 / 10 至 12 月: the months and the dash every PERIOD match ends with; 12月: the month every PERIOD_DAMAGED match
# holds (both patterns open with an optional year, so the engine tries them at every character: these open with a
# digit, which it skips to in C)
_PERIOD_CORE = re.compile(r"[0-9]\s*[-~至到]\s*[0-9]{1,2}\s*月")
_DAMAGED_CORE = re.compile(r"1[2-9]\s*月")


def _period(text: str) -> re.Match[str] | None:
    """P.PERIOD.search(text), run only on a text holding its core."""
    return P.PERIOD.search(text) if _PERIOD_CORE.search(text) else None


def _before_december(text: str) -> bool:
    """1-8月 / 截至9月底 / 上半年 / 前三季度: a period that ends before the year does."""
    m = _period(text)
    if m and int(m.group("m1")) <= int(m.group("m2")) < 12:
        return True
    a = P.AS_OF.search(text)
    if a and int(a.group("m")) < 12:
        return True
    return bool(_BEFORE_YEAR_END.search(text))


# ---- region ---------------------------------------------------------------------------------

def find_places(text: str, gaz) -> list[tuple[str, list, int]]:
    """(surface, candidate divisions, offset) for each place name in `text`.

    A name ending in a division suffix (省市州县区旗盟) counts anywhere; a short form without
    one (岳阳楼, 赫山) only when an organisation follows it (岳阳楼公安分局, 赫山供电分公司).
    Only the places where a name can end are tried, the longest name first and only the lengths some
    name ending in those two characters has, so a 10 KB text costs a few hundred dictionary look-ups
    rather than one per character.
    """
    names = gaz.names
    lengths = gaz.name_lengths_by_end         # every name has two characters or more
    ends = {m.start() for m in _SUFFIX.finditer(text)}
    ends |= {m.start() - 1 for m in P.ORG_AFTER.finditer(text) if m.start() > 0}
    out: list[tuple[str, list, int]] = []
    last_end = 0
    for j in sorted(ends):
        if j < last_end:
            continue
        room = j + 1 - last_end
        for k in lengths.get(text[j - 1:j + 1] if j else "", ()):      # only lengths of names ending so
            if k > room:
                continue
            start = j + 1 - k
            cand = text[start:j + 1]
            if cand not in names:
                continue
            qualified = bool(out) and out[-1][2] + len(out[-1][0]) == start      # 北京市西城区: after its parent
            if _inside_word(text, start, j + 1) and not qualified:
                continue
            if text[j + 1:j + 2] in SUFFIX_CHARS and text[start:j + 2] in names:
                break         # 秦州区: the county, not its short form 秦州 (the next end tries it)
            if cand[-1] in SUFFIX_CHARS or P.ORG_CONTEXT.match(text[j + 1:j + 3]):
                out.append((cand, names[cand], start))
                last_end = j + 1
                break
    return out


SUFFIX_CHARS = "省市州县区旗盟"
# 岳阳市 -> 市: a character a division's name may end with
_SUFFIX = re.compile(f"[{SUFFIX_CHARS}]")
GENERIC_PLACES = {"城区", "郊区", "矿区", "新区", "市区", "市辖区", "省直", "全市", "全县", "全区", "全州"}


def _inside_word(text: str, a: int, b: int) -> bool:
    """Names that are also common words (城区 is a district of 大同, and any town's centre), and
    names ending in one glued to the word before them (新增城区 holds 增城区, a district of 广州)."""
    name = text[a:b]
    if name in GENERIC_PLACES:
        return True
    return name[-2:] in GENERIC_PLACES and a > 0 and "\u4e00" <= text[a - 1] <= "\u9fff"


def _qualified(places: list, gaz) -> list:
    """重庆市江北区, 益阳市赫山区: a name written right before its own subdivision qualifies it —
    it picks the reading of an ambiguous name and is not a mention of its own."""
    out = []
    skip = False
    for k, (s, cands, pos) in enumerate(places):
        if skip:
            skip = False
            continue
        nxt = places[k + 1] if k + 1 < len(places) else None
        if nxt and nxt[2] == pos + len(s):
            codes = {d.code for d in cands}
            inside = [d for d in nxt[1] if codes & set(gaz.ancestors(d.code))]
            if inside:
                out.append((nxt[0], inside, nxt[2]))
                skip = True
                continue
        out.append((s, cands, pos))
    return out


def masthead_region(lines: list[str], gaz) -> Region | None:
    """河南日报 over an article about 我省: the newspaper's place, at the level the article writes of."""
    head = [x for x in lines[:6] if x.strip()]
    m = next((P.MASTHEAD.match(x) for x in head if P.MASTHEAD.match(x)), None)
    cands = gaz.names.get(m.group("n"), []) if m else []
    line = next((x for x in head if P.DATELINE.match(x)), None) if not m else None
    if line:          # 浙江在线7月7日讯: the news outlet's place, written before its dateline
        dateline = P.DATELINE.match(line.strip())
        assert dateline is not None, "a dateline line was picked by this match"
        outlet = line.strip()[:dateline.start("m")]
        cands = next((gaz.names[outlet[:k]] for k in (3, 2) if outlet[:k] in gaz.names), [])
    if not cands:
        return None
    level = P.OUR_LEVEL.search("\n".join(lines))
    want = {"省": "province", "市": "prefecture", "州": "prefecture"}.get(level.group("level"), "county") if level else None
    fit = [d for d in cands if d.level == want] if want else cands
    if len(fit) != 1:
        return None
    return Region(name=fit[0].name, code=fit[0].code, path=gaz.path(fit[0].code))


# the endings of TOWNSHIP_ISSUER: a line of issuers' names ends with one
ISSUER_ENDS = ("人民政府", "委员会", "党委", "办事处", "党工委")


def township_of(lines: list[str], region: Region | None) -> Region | None:
    """中共腾冲市和顺镇委员会 / 腾冲市和顺镇人民政府 issuing the document: a township's own document is about
    the township (the gazetteer stops at counties), under the county the masthead names."""
    county = region.name if region else ""
    for ln in [x for x in lines[:8] if x.strip()][:5]:
        line = squash(ln)
        if not line.endswith(ISSUER_ENDS):
            continue          # cannot be issuers' names alone (each ends in one of these)
        issuers = list(P.TOWNSHIP_ISSUER.finditer(line))
        if not issuers or "".join(m.group(0) for m in issuers) != line:
            continue          # only a line that is the issuers' names (not 城关镇人民政府、… addressed)
        m = issuers[-1]
        if m.group("county") in (None, county) or not county:
            return Region(name=m.group("town"), code=None, path=(region.path if region else []) + [m.group("town")])
    return region


def region_of(found: list, title: str | None, gaz) -> Region | None:
    """The most specific division the document is about, from the places `find_places` found
    in its text (and its title, which counts three times), resolved through the gazetteer."""
    places = _qualified(found, gaz)
    if title:
        places += [(s, c, -1) for s, c, _ in _qualified(find_places(title, gaz), gaz)] * 3
    if not places:
        return None
    score: Counter = Counter()
    surface: dict[str, Counter] = {}
    ambiguous: dict[str, list] = {}
    for s, cands, _ in places:
        codes = [d.code for d in cands]
        if len(codes) > 1:
            ambiguous.setdefault(s, codes)
            continue
        code = codes[0]
        score[code] += 1
        surface.setdefault(code, Counter())[s] += 1
    # an ambiguous name takes the reading that sits with the document's other places
    for s, codes in ambiguous.items():
        support = {c: sum(score[a] for a in gaz.ancestors(c)) for c in codes}
        best = max(support.values())
        winners = [c for c in codes if support[c] == best]
        n = sum(1 for p in places if p[0] == s)
        if best > 0 and len(winners) == 1:
            score[winners[0]] += n
            surface.setdefault(winners[0], Counter())[s] += n
        elif not score:
            return Region(name=s, code=None, path=[])
    if not score:
        return None
    # weight of a division = its own mentions + its descendants' mentions
    weight: Counter = Counter()
    for code, n in score.items():
        weight[code] += n
        for a in gaz.ancestors(code):
            weight[a] += n
    root = max(weight, key=lambda c: (weight[c], -len(gaz.ancestors(c))))
    while True:
        kids = [c for c in weight if gaz.divisions[c].parent == root]
        if not kids:
            break
        top = max(kids, key=lambda c: weight[c])
        if weight[top] < 0.6 * weight[root] or (score[root] > weight[top]):
            break
        root = top
    forms = surface.get(root, Counter())
    full = [(n, f) for f, n in forms.items() if f[-1] in SUFFIX_CHARS]     # 赫山区 over 赫山 (of 赫山公安分局)
    name = max(full, key=lambda x: (x[0], -len(x[1])))[1] if full else gaz.divisions[root].name   # ties: 天祝县 over 天祝藏族自治县
    return Region(name=name, code=root, path=gaz.path(root))
