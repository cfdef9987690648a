"""Every regular expression of the extractors, compiled once, each with an example.

Patterns run on normalised text (extractors.normalize): ASCII digits, simplified characters,
Chinese punctuation kept as written.
"""
from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from functools import lru_cache


class Gated:
    """A compiled pattern with the characters one of which every match holds (`marks`; several strings: one of
    each): a string holding none of them is answered as the pattern would answer it (no match, nothing replaced)
    without running the pattern.
    Most lines hold no colon, so the field patterns, which the engine cannot skip ahead for (they open with
    alternatives of groups), are run only on the lines that may hold a field.  tests/test_extract_cost4.py
    proves from each pattern's parse that every match holds one of its marks."""

    __slots__ = ("groupindex", "marks", "pattern", "rx")

    def __init__(self, rx: re.Pattern[str], *marks: str) -> None:
        self.rx, self.marks, self.pattern, self.groupindex = rx, marks, rx.pattern, rx.groupindex

    def may(self, string: str) -> bool:
        """One of each string of marks stands in `string` (the methods below test it inline: a call less)."""
        for marks in self.marks:
            for mark in marks:
                if mark in string:
                    break
            else:
                return False
        return True

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        for marks in self.marks:
            for mark in marks:
                if mark in string:
                    break
            else:
                return None
        return self.rx.search(string, pos, endpos)

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        for marks in self.marks:
            for mark in marks:
                if mark in string:
                    break
            else:
                return None
        return self.rx.match(string, pos, endpos)

    def fullmatch(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.rx.fullmatch(string, pos, endpos) if self.may(string) else None

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        for marks in self.marks:
            for mark in marks:
                if mark in string:
                    break
            else:
                return iter(())
        return self.rx.finditer(string, pos, endpos)

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list:
        return self.rx.findall(string, pos, endpos) if self.may(string) else []

    def sub(self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0) -> str:
        for marks in self.marks:
            for mark in marks:
                if mark in string:
                    break
            else:
                return string
        return self.rx.sub(repl, string, count)


COLON = ":："           # every field's label ends with one
BRACKET = "（("

# 1.1亿 / 2.3万 / 10265 / 1,200 / 一万二千 / 三千 / 上百 (at least a hundred) / 万余 / 近万
NUMBER = r"(?P<num>\d+(?:,\d{3})*(?:\.\d+)?|(?<!以)上[百千万]|万(?=[余多])|(?<=[近逾超约])万|[零〇一二两三四五六七八九十百千]+(?:[万亿][零〇一二两三四五六七八九十百千]*)?)"
# NUMBER written to open with its first character as a class, which lets the regex engine skip in C to the
# next character a figure can begin with (a pattern opening with a look-behind or an alternation of classes
# is tried at every position of the text): the same matches, alternative by alternative, as NUMBER; `before`,
# a look-behind class, is what may not stand before the figure ((?<![\d.A-Za-z]) of quantity_pattern).
# tests/test_extract_shortcuts.py holds the two equal.
_CN = "零〇一二两三四五六七八九十百千"


def number_led(before: str = "") -> str:
    guard = f"(?<!{before}.)" if before else ""
    return (r"(?P<num>[\d上万" + _CN + "]" + guard
            + r"(?:(?<=\d)\d*(?:,\d{3})*(?:\.\d+)?"           # 1,200.5
            + r"|(?<=上)(?<!以上)[百千万]"                       # 上百
            + r"|(?<=万)(?:(?=[余多])|(?<=[近逾超约]万))"          # 万余 / 近万
            + r"|(?<=[" + _CN + r"])[" + _CN + r"]*(?:[万亿][" + _CN + r"]*)?))")   # 一万二千


def next_opens(firsts: str) -> str:
    """A look-ahead after a figure's number that the rest of its pattern implies: the next character is a space,
    余 / 多, a multiplier or one of `firsts` (what its units open with).  Numerals of words (一是, 统一, 十四五)
    are then left at once, not tried against every multiplier and unit after them (a quarter of the quantity
    pattern's time over the texts the readers search).  tests/test_figure_cost.py holds the matches equal."""
    return r"(?=[\s" + re.escape("".join(sorted(set("余多千百万亿" + firsts)))) + "])"


# 3 / 万 / 两 -> a character one of which every NUMBER holds (上百 holds 百; \d is any decimal digit, as in NUMBER)
NUMERAL = re.compile(r"[\d万零〇一二两三四五六七八九十百千]")
# 3千名 -> mult=千 (but 3千米 / 5千瓦 / 2千克 are units)
MULT = r"(?P<mult>千万|百万|万|亿|千(?![米瓦克]))?"

# 每人每月60元 -> 60 元/人/月;  每生每天4元 -> 4 元/人/天
PER_PERSON_MONTH = re.compile(r"每(?:人|生|名学生|名)每(?P<per>[月年天日])\s*(?P<op>不低于|不少于|不超过|不高于|达到|提高到|提高至)?\s*" + NUMBER + r"\s*" + MULT + r"元")
# 5.6万农村人口 / 12万农村牧区人口 / 2.1万农牧民 -> 人
POPULATION = re.compile(number_led() + next_opens("农城贫受常户人牧居村群") + r"\s*" + MULT + r"(?:(?:农村|城镇|城乡|贫困|农村牧区|受益|常住|户籍)?人口|农牧民|农民工|农民|牧民|"
                        r"居民|村民|群众)")
# 每月60元 -> 60 元/月
PER_MONTH = re.compile(r"每(?P<per>[月年])\s*" + NUMBER + r"\s*" + MULT + r"元")

# 不低于3480元/年 / 惠及居民≥6000户 -> op >=; 最低标准提高到每人每月138元 names the standard (op =)
OP_BEFORE = re.compile(r"(?P<op>不低于|不少于|不小于|至少|最低(?!标准|工资|生活)|不超过|不高于|不多于|控制在|力争达到|超过|[≥≧≤≦])"
                       r"[^，。；、\d]{0,6}$")
# 100张以上 -> op >= (matched at the figure's end, within its next 4 characters)
OP_AFTER = re.compile(r"\s*(?P<op>以上|及以上|以内|以下|及以下|左右)")

# 完成年任务44.63% -> measure=完成年任务 rate=44.63 / 占年度目标的88% -> measure=占年度目标
# (a bare 进度 looks behind from its 进: every alternative opens with a character, which the engine skips to)
RATE = Gated(re.compile(
    r"(?P<measure>完成(?:了)?(?:全年|年度|年|全年目标|年度目标|目标|计划)?任务(?:的)?|完成(?:了)?(?:年度|全年|年)?计划(?:的)?|"
    r"完成(?:了)?(?:全年|年度)?目标(?:的)?|竣工率(?:为|达到|达)?|"
    r"完成率均?(?:达到|达|为)?|占(?:年|全年|年度)?(?:任务|目标任务|目标|计划)(?:数)?的?|占总投资(?:的)?|"
    r"形象进度(?:为|达到|达)?|启动率(?:为|达到|达)?|开工率(?:为|达到|达)?|拨付率(?:为|达到|达)?|"
    r"完工率(?:为|达到|达)?|到位率(?:为|达到|达)?|覆盖率(?:为|达到|达)?|签约率(?:为|达到|达)?|兑现率(?:为|达到|达)?|"
    r"时序进度(?:为)?|序时进度(?:为)?|超序时进度|完成(?=\d)|进(?<![序时象间付位行出]进)度(?:为|达到|达|已达)?)\s*"
    r"(?P<rate>\d+(?:\.\d+)?)\s*%"), "%")
# 占总任务的60% / 为目标任务的113% / 占计划投资的84%: a rate of the task named by its share (a wording RATE
# lacks; read by the rate reader only, so that a line holding it is no heading's progress)
RATE_OF_WHOLE = Gated(re.compile(r"(?:占|为)(?:总|全年|年度|年|(?:省|市|州|县|区)(?:定|下达))?(?:目标任务|任务|目标|计划)(?:数|总数|投资|总投资)?的?\s*"
                                 r"(?P<rate>\d+(?:\.\d+)?)\s*%"), "%")
# 确保三季度末完成年度任务的75%以上 -> a milestone required, not a rate reached (the text before the rate)
REQUIRED_RATE = re.compile(r"(?:确保|力争|争取|务必|必须|要求)[^，,。；;]{0,14}$")
# （完成率90%以上为基本完成） -> a grade's threshold defined, not a rate reached (the text after the rate)
RATE_THRESHOLD = Gated(re.compile(r"\s*(?:及)?(?:以上|以下|以内|至\d+(?:\.\d+)?%)(?:的)?(?:为|属于|视为|算作)"), "以至", "为属视算")
# 完成率：乐都区58.2%、平安区61.4% -> r=乐都区 rate=58.2 (a place right before its percentage)
PLACE_RATE = Gated(re.compile(r"(?P<r>[\u4e00-\u9fff]{1,8}?(?:市|县|区|旗|州|镇|乡|街道))\s*(?P<rate>\d+(?:\.\d+)?)\s*%"), "%")

# 同比增长6.2% / 较去年同期多竣工412户 / （去年同期开工率为65.4%） / 较去年末的96.8%: a clause about last year (not
# 去年以来, which runs to now); 去年全年城镇新增就业4.62万人，完成年度目标的102.7%: a sentence about last year
_LAST_YEAR = r"(?:去年|上年|上一年)(?![\u4e00-\u9fff\d]{0,4}以来)|同比|(?:较|比|与)[^，,；;。]{0,6}同期"
LAST_YEAR_CLAUSE = re.compile(rf"[（(][^（）()]*(?:{_LAST_YEAR})[^（）()]*[）)]|[^，,；;（(）)]*(?:{_LAST_YEAR})[^，,；;（(）)]*")
LAST_YEAR_SENTENCE = re.compile(r"^\s*(?:去年|上年|上一年)(?![\u4e00-\u9fff\d]{0,4}以来)")

# 分别完成年任务130.36%、46.99% / 完成率分别为90%、75%、66.7% -> measure (the rate's name when it comes first), rates
RATE_LIST = Gated(re.compile(r"(?:分别(?:完成|为|占|达到)(?:省定|省下达|市定|市下达)?(?:年|全年|年度)?(?:目标)?(?:任务|计划|目标)?(?:数)?(?:的)?|(?P<measure>(?:完成|完工|竣工|开工)率)分别(?:为|是|达到|达)?)"
                             r"\s*(?P<rates>\d+(?:\.\d+)?%(?:\s*[、和及]\s*\d+(?:\.\d+)?%)+)"), "%", "分")
# 完成省下达任务5800人的106.9% / 为省下达任务5000人的105.2% / 完成年度计划3万人次的104%
RATE_OF_TARGET = Gated(re.compile(r"(?:完成|为|占|达)(?:了)?(?:省|市|县|区|州)?(?:下达|确定|年度|全年|年)?(?:的)?(?:目标)?(?:任务|计划|目标)(?:数|投资|总投资)?"
                                  r"(?P<target>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s*(?:万|亿)?\s*[^\d，。；、%]{1,4}?)的\s*"
                                  r"(?P<rate>\d+(?:\.\d+)?)\s*%"), "%")     # (1,000人: thousands written with commas)
# 超额完成1.8万人的目标任务 / 完成4所的年度任务: the task named after the figure done (no rate)
TASK_AFTER_FIGURE = re.compile(r"完成(?:了)?(?:[省市县区州]?(?:下达|确定)的?)?(?:年度|全年)?(?P<target>\d+(?:\.\d+)?\s*(?:万|亿)?\s*[^\d，。；、%的]{1,4}?)的\s*"
                               r"(?:省|市|县|区|州)?(?:下达|确定)?(?:年度|全年)?(?:目标(?:任务)?|任务)")
PERCENT = Gated(re.compile(r"(?P<rate>\d+(?:\.\d+)?)\s*%"), "%")

# 益赫政办发〔2017〕29号 / 州办发电〔2021〕32 号 / 政发[2019]3号
# (gated on its bracket and 号: most head lines hold neither, and the run of 1-12 characters it opens with is tried
# at every character)
DOC_NUMBER = Gated(re.compile(r"(?P<no>[\u4e00-\u9fff]{1,12}[〔\[【（(]\s*(?:19|20)\d{2}\s*[〕\]】）)]\s*第?\s*\d{1,4}\s*号)"),
               "〔[【（(", "号")

# 2017年6月6日 / 2016-12-26 / 二〇一七年六月六日
DATE_CN = re.compile(r"(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日")
DATE_ISO = re.compile(r"(?P<y>(?:19|20)\d{2})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})")
DATE_HANZI = re.compile(r"(?P<y>[二〇零一二三四五六七八九]{4})年(?P<m>[一二三四五六七八九十]{1,2})月(?P<d>[一二三四五六七八九十]{1,3})日")
# 发布时间:2016-12-26 20:43:08
PUBLISHED = Gated(re.compile(r"(?:发布时间|发布日期|发文日期|成文日期|日期)\s*[:：]\s*(?P<date>\S+)"), "间期", COLON)

# ——2018年1月25日在福建省第十三届人民代表大会第一次会议上 -> the day a report was delivered
SPEECH_DATE = re.compile(r"^\s*-{1,2}\s*(?P<date>(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*在\S{2,60}上(?:的(?:讲话|报告))?\s*$")
# 2016年11月23日  星期三  第01版：要闻 (a newspaper's masthead) / 容县发布  2024-02-28 18:30  广西 or
# 原创　某区发布　某区发布　2023-10-16 17:30 发表于山东 (a WeChat account line) -> the day of the issue or the post
ISSUE_DATE = re.compile(r"^\s*(?P<date>(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*星期[一二三四五六日天]")
POST_DATE = re.compile(r"^\s*(?:\S{1,16}\s+){0,4}(?P<date>(?:19|20)\d{2}-\d{1,2}-\d{1,2})\s+\d{1,2}:\d{2}(?:\s*\S{1,8})?\s*$")
# 拜泉县人民政府办公室        2017年3月14日 -> a 纪要's header line: the issuing office and the date
HEADER_DATE = re.compile(r"^\s*\S{2,30}?(?:办公室|办公厅|人民政府|委员会)\s*"
                         r"(?P<date>(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*$")
# （2026年1月12日深圳市龙岗区第七届人民代表大会第五次会议通过） -> the day a 决议 was adopted
ADOPTED_DATE = re.compile(r"^\s*[（(]\s*(?P<date>(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)"
                          r"[^（）()]{0,60}(?:会议|常务委员会)[^（）()]{0,20}通过\s*[）)]\s*$")
# 2017年3月16日上午，县长刘振华…主持召开…常务会议 -> a meeting already held (not 将于…召开)
MEETING_HELD = re.compile(r"(?<!将于)(?<!拟于)(?<!定于)(?P<date>(?:19|20)\d{2}年\d{1,2}月\d{1,2}日)(?:上午|下午|晚上)?[，,]?"
                          r"[^。；将拟]{0,40}(?:主持召开|召开了?|举行了?)[^。；]{0,30}会议")
# 关于2020年为民办实事完成情况及2021年为民办实事项目安排的通知 -> y=2021: last year's results, this year's plan
REVIEW_THEN_PLAN = re.compile(r"(?:完成情况|总结|落实情况)\S{0,6}?(?:及|和|暨|与)\s*(?P<y>(?:19|20)\d{2})年\S{0,20}?"
                              r"(?:项目|安排|计划|方案)\S{0,4}?(?:的)?(?:通知|方案|意见)$")
# 一、2020年为民办实事完成情况 -> y=2020: a section of last year's results in this year's plan
PAST_RESULTS = re.compile(r"^\s*(?P<y>(?:19|20)\d{2})\s*年\S{0,16}?(?:完成情况|落实情况|工作回顾|主要成效|办理情况)")
# （三） / 2、 / 其中， -> what opens a sentence before the county it is about (其中，秦安县任务1500户)
SENTENCE_LEAD = re.compile(r"^(?:[（(]?[一二三四五六七八九十\d]{1,3}[）)、.]\s*)?(?:其中|另外|此外)?[，,：:]?\s*")
# 已完成2项，按计划推进13项，进度滞后1项 -> a tally of projects by status (two or more make a summary)
STATUS_TALLY = Gated(re.compile(r"(?:已(?:全面|全部)?完成|按计划推进|序时推进|正常推进|有序推进|(?:进度)?滞后|未完成|未开工|已开工)"
                                r"(?:的)?\s*\d+\s*(?:项|件|个项目)"), "项件")
# ，已完成年度任务的52% / ，完成率60% -> a rate with no count before it (the clause's task comes first)
RATE_ONLY = re.compile(r"^\s*[，,]\s*(?:(?:已|累计)(?:完成(?:了)?(?:年度|全年)?(?:任务|目标|计划)?的?)|完成率(?:为|达到|达)?|"
                       r"(?:完工|竣工|开工)率(?:为|达到|达)?)\s*\d+(?:\.\d+)?\s*%")
# 562.8亿元，其中中央资金298.6亿元、… -> the 其中 that opens a breakdown of money
MONEY_BREAKDOWN = re.compile(r"(?<=元)[，,]?\s*其中[：:，,]?")
# 宫颈癌和乳腺癌检查各 -> things=宫颈癌和乳腺癌 (two figures of the same size); 甘孜州、阿坝州各新建 (a verb after 各);
# 生活补贴和护理补贴标准均提高到 (均 with a verb of reaching)
EACH_OF = re.compile(r"(?P<things>[\u4e00-\u9fff]{1,10}(?:(?:和|、|及|与)[\u4e00-\u9fff]{1,10}){1,4}?)(?:[\u4e00-\u9fff]{0,4})(?:各"
                     r"(?:新建|改建|扩建|新增|建设|建成|改造|培训|举办|开展)?|(?<!平)均(?:提高到|提高至))\s*$")
# 100% / 95%以上 -> a table cell that is only a share
SHARE_CELL = re.compile(r"(?P<num>\d+(?:\.\d+)?)\s*%(?P<after>以上|及以上)?")
# — 3 — / - 12 - / 第3页 -> a page footer left in a text
PAGE_FOOTER = re.compile(r"^\s*(?:[—\-－–]+\s*\d{1,3}\s*[—\-－–]+|第\s*\d{1,3}\s*页(?:\s*[，,/]?\s*共\s*\d{1,3}\s*页)?)\s*$")
# 一、 / （三） / 2． / ④ -> a line that opens an item (not the second half of a sentence)
ITEM_START = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,3}[、.．](?!\d)|[①-⑳])")
# 已完成年度任务。 / 责任单位： / （区教育局） -> a line that ends a sentence (the next line of a PDF paste starts anew)
SENTENCE_END = re.compile(r"[。；;！？:：）)]\s*$")
# 责任单位：… / 完成时限：… -> a line that opens a field of its own
FIELD_START = re.compile(r"^\s*[\u4e00-\u9fff]{2,8}[:：]")
RATE_ONLY_ANYWHERE = re.compile(RATE_ONLY.pattern[1:])     # the cheap test before the figures are read
# 〔2017〕第3期 -> the issue number of a 纪要 (its doc_number)
ISSUE_NUMBER = re.compile(r"^\s*(?P<no>[〔\[【]\s*(?:19|20)\d{2}\s*[〕\]】]\s*第\s*\d{1,4}\s*期)\s*$")
# （第4号） / 第15期 -> a 公告's or a bulletin's serial number alone on its line (its doc_number when it has no 文号)
SERIAL_NUMBER = re.compile(r"^\s*[（(]?\s*(?P<no>第\s*\d{1,4}\s*[号期])\s*[）)]?\s*$")
# 天津市津南区人民政府办公室      2017年10月12日印发 -> the 版记's printing date
PRINTED = re.compile(r"(?P<date>(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*印发\s*$")
# 河南日报 / 株洲晚报 -> a newspaper's masthead, n=河南
MASTHEAD = re.compile(r"^\s*(?P<n>[\u4e00-\u9fff]{2,4}?)(?:日报|晚报|都市报)\s*$")
# 我省 / 全省 -> the level of the place a newspaper writes about
OUR_LEVEL = re.compile(r"[我全本](?P<level>省|区|市|州|县)")

# 2021年1-5月 / 1—9月 / 19月 (damaged) / 前三季度 / 上半年
# (gated on its dash and 月: its optional year first makes the engine try it at every character)
PERIOD = Gated(re.compile(r"(?:(?P<y>(?:19|20)\d{2})\s*年\s*)?(?P<m1>1[0-2]?|[2-9])\s*[-~至到]\s*(?P<m2>1[0-2]|[1-9])\s*月"),
               "-~至到", "月")
# (12月底前 is a month, not 1—2月 damaged)
PERIOD_DAMAGED = re.compile(r"(?:(?P<y>(?:19|20)\d{2})\s*年\s*)?(?<!\d)1(?P<m2>[2-9])\s*月(?:份)?(?!底|末|中旬|上旬|下旬|前)"
                            r"(?:全|，|,|,|\s|以来|[\u4e00-\u9fff])")
# 前三季度 / 第三季度 / 全年 (not 全年任务, 全年目标: the year's task, not the period)
PERIOD_WORDS = re.compile(r"(?P<w>前三季度|上半年|下半年|一季度|第[一二三四]季度|前两季度|全年(?!任务|目标|计划|时间)|1季度)")
# 截至2020年8月31日 / 截至10月底 / （截至2023年8月31日） -> y, m: the day a report's figures stand at
AS_OF = re.compile(r"(?:截至|截止|截止到|截至到)\s*(?:(?P<y>(?:19|20)\d{2})\s*年\s*)?(?P<m>1[0-2]|[1-9])\s*月\s*(?:(?P<d>\d{1,2})\s*日|底|末|份)?")

# 2017年 in a title: the year of the projects
YEAR = re.compile(r"(?P<y>(?:19|20)\d{2})\s*年")

# 9月底前 / 12月底 / 6月30日前 / 年底前 / 11月30日之前
DEADLINE = re.compile(r"(?:(?P<y>(?:19|20)\d{2})年)?(?:(?P<m>1[0-2]|[1-9])月(?:(?P<d>[1-3]?\d)日|(?P<end>底|末|中旬|上旬|下旬))|(?P<ye>年底|年末))(?:前|之前)?")

# 1.投资… / 1、… / （1）… / 一、… — a number opening an item
ITEM_NUMBER = re.compile(r"^\s*(?P<seq>\d{1,3})\s*[.、．](?!\d)\s*")
# 8．65岁以上老年人健康体检 -> seq=8, when the items above run to 7 (the dot before a figure is the item's)
ITEM_BEFORE_FIGURE = re.compile(r"^\s*(?P<seq>\d{1,2})\s*[.．](?=\d+[\u4e00-\u9fff])")
HEADING_CN = re.compile(r"^\s*(?P<seq>[一二三四五六七八九十]{1,3})\s*[、.．]\s*(?P<title>.*)")
HEADING_PAREN = re.compile(r"^\s*[（(](?P<seq>[一二三四五六七八九十\d]{1,3})[）)]\s*(?P<title>.*)")
HEADING_NUM = re.compile(r"^\s*(?P<seq>\d{1,2})\s*[、.．](?!\d)\s*(?P<title>.*)")

# 由州人社局牵头组织实施的“…”项目：
LEAD_PROJECT = re.compile(r"由(?P<unit>[^，。“”\"]{2,25}?)牵头(?:组织)?(?:实施|负责|落实|承办)?的?[“\"「](?P<name>.+?)[”\"」](?:项目[:：，,]?|[:：])")

# ① 学有优教 -> the circled number opening a block heading (a short line of its own)
CIRCLED_BLOCK = re.compile(r"^\s*([\u2460-\u2473])\s*[^\d\s]{2,16}\s*$")

# 共9个项目、12个指标任务 / 共16件 / 10项重点民生工程的30个具体工作任务
DECLARED = re.compile(r"(?P<n>\d+|[一二三四五六七八九十百]+)\s*(?P<unit>个项目|项项目|个民生项目|件民生实事|件实事|件|项重点民生工程|项民生工程|项实事|项|个具体工作任务|个工作任务|个任务|个指标任务|个考核指标|个指标|大类|个方面)")



@lru_cache(maxsize=8)
def quantity_pattern(units: tuple[str, ...]) -> re.Pattern:
    """Number, multiplier and one of the gazetteer's units, longest unit first.

    2.3万人次 -> num=2.3 mult=万 unit=人次;  3000余人 -> num=3000 approx=余 unit=人 (more than);
    3460多万元 -> num=3460 approx_pre=多 mult=万 unit=元;
    运动场5片 -> unit=片 (but 3片区 is 3 districts)
    """
    alts = "|".join(re.escape(u) for u in sorted(units, key=len, reverse=True))
    return re.compile(number_led(r"[\d.A-Za-z]") + next_opens("".join(u[0] for u in units)) + r"\s*(?P<approx_pre>余|多(?=[万亿]))?" + MULT + r"(?P<approx>余|多)?\s*(?P<unit>" + alts + r")(?![A-Za-z])(?<!部(?=[门分署队委]))(?<!片(?=区))")


# ---- extract ------------------------------------------------------------

# 形成21个候选项目 / 从15个民生实事候选项目中 -> n=21 (the candidates a ballot lists)
CANDIDATES = re.compile(r"(?P<n>\d+|[一二三四五六七八九十]{1,3})(?:个|件|项)(?:民生实事|实事)?(?:项目)?候选项目")
# 计划投资（万元） -> unit=万元: the unit of a column's bare numbers
HEADER_UNIT = re.compile(r"[（(]\s*(?P<unit>万元|亿元|元|万人|人|户|个|公里|平方米|万平方米|套|所|张)\s*[)）]$")
# （投资单位：万元） / 单位：万元 — a line above a table naming the unit of its money columns
TABLE_MONEY_UNIT = re.compile(r"^[（(]?\s*(?:投资|资金|金额)?单位\s*[：:]\s*(?P<unit>万元|亿元|元)\s*[)）]?$")
# 计划投资 / 完成投资 / 到位资金: a column of money
MONEY_HEADER = re.compile(r"投资|资金|金额")
# 一、教育卫生类 alone in a table row's first cell: a category row -> the category
CATEGORY_CELL = re.compile(r"^[一二三四五六七八九十]{1,3}\s*[、.．]\s*\S{2,}$")
# 小计 / 合计 / 总计: a table row that sums the rows above it
TOTAL_ROW = re.compile(r"(?P<kind>小计|合计|总计|共计)")
# 8600 / 1,450 / 75.0: a cell that is only a number
BARE_NUMBER = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")

# 注：1-8项为省级重点民生实事 -> a=1 b=8 level=省
LEVEL_NOTE = Gated(re.compile(r"(?P<a>\d+)\s*[-—~至到]\s*(?P<b>\d+)\s*项(?:为|是)(?P<level>[省市县区])(?:级|列|定)?"), "项", "为是")


# ---- checks ------------------------------------------------------------

# ① … ⑳ -> a sub-item's number
CIRCLED = re.compile(r"[\u2460-\u2473]")

# 新增学位2700个 / 44.63% -> a figure worth reading
# (\d\d* for \d+: the same matches, and a pattern opening with a class lets the engine skip ahead to a digit)
FIGURE = re.compile(r"\d\d*(?:\.\d+)?\s*(?:%|万|亿|人|户|个|公里|元|件|所|张|套|座|处|项)")


# ---- entities ------------------------------------------------------------

# 州长 / 常务副县长 / 书记 (a title before a name)
TITLES = r"(?:州长|市长|县长|区长|省长|副州长|副市长|副县长|副区长|常务副县长|常务副市长|书记|主任|局长|组长|部长)"

# 州长龙晓华多次强调 / 市委常委、组织部长某某某出席会议 -> name=龙晓华 / 某某某
# (each title first, the 总 before it looked behind from its end: alternatives that open with a literal let the engine
# skip to the next character a title can begin with, where (?<!总) first was tried at every character; the same matches,
# held equal in tests/test_extract_cost8.py)
TITLES_UNLESS_CHIEF = "(?:" + "|".join(f"{t}(?<!总{t})" for t in TITLES[3:-1].split("|")) + ")"
TITLED_PERSON = Gated(re.compile(TITLES_UNLESS_CHIEF + r"(?P<name>[\u4e00-\u9fff]{2,3}?)(?=同志|[，。、；,;]|多次|强调|指出|要求|主持|表示|在|带队|率队|出席)"
                                 r"(?![^，。；]{0,20}主持)"), "长记任")      # 县长刘振华在…主持召开: the chair of the meeting is no leader

# 由副区长杨  帆约谈区交通局主要负责同志 -> name=杨  帆 (an official acting on the projects, name padded or not)
ACTING_LEADER = re.compile(r"由\s*(?:分管|主管)?" + TITLES + r"\s*(?P<name>[\u4e00-\u9fff](?:\s{1,3}[\u4e00-\u9fff]|[\u4e00-\u9fff]{1,2}?))"
                           r"(?=约谈|督办|督导|带队|牵头|挂帅)")

# 区长负总责: 负总责 is not a name
NOT_TITLED_NAME = re.compile(r"负|总|责|亲|抓|牵|带|全|各|要|是|在")

HEAD_CHARS = "省市州县区"

# 由区卫计局协办: 协办 does not end an organisation
NOT_ORG = re.compile(r"[向按纳重视为等和、的在将把对]|委政府|以下简称|(?:协|承|督|举|兴|开|创)办$")


# ---- items ------------------------------------------------------------

# （一）… / 1.… / 一、… -> the item number (a, b or c)
# ①… / 1）… (circled numbers and a closing bracket alone number items too) -> d, b; 1．5G网络建设: 5G is a name
# (so are 4G, 4K), the dot before it an item dot
# 项目3：… / 第二，… (a report's 第一 to 第十) / 第三件：… (a plan's 第一件 to 第二十件) -> e, f
ITEM = re.compile(r"^\s*(?:[（(](?P<a>[一二三四五六七八九十\d]{1,3})[）)]|(?P<b>\d{1,2})\s*(?:[.．](?!\d)|、|[.．](?=\d[GK](?![A-Za-z]))|[）)])|"
                  r"(?P<c>[一二三四五六七八九十]{1,3})\s*[、．.]|(?P<d>[\u2460-\u2473])|(?:项目|实事)\s*(?P<e>\d{1,2})\s*[:：]|"
                  r"第(?P<f>[一二三四五六七八九十]{1,3})\s*(?:[，,、]|[件项条]\s*[，,、:：])|"
                  r"督办事项\s*(?P<g>[一二三四五六七八九十]{1,3}|\d{1,2})\s*[:：])\s*")   # 督办事项一：城镇老旧小区改造

# 项目须于2026年12月31日前全部建成交付 / 确保年底前全面完成 -> y: the document requires completion within the year
WITHIN_YEAR = re.compile(r"(?:须|必须|确保|务必|要求)\s*(?:于|在)?\s*(?:(?P<y>(?:19|20)\d{2})\s*年\s*)?"
                         r"(?:12\s*月\s*(?:31\s*日|底)|年底|年内)(?:前|之前)?\s*(?:全部|全面|如期|按期)?\s*"
                         r"(?:建成|完成|竣工|交付|投用)")
# 跨年度项目 / 续建 -> a project the document lets run into the next year
CROSS_YEAR = re.compile(r"跨年度|跨年|续建")

# 8．65岁以上老年人健康体检 (after item 7．): an item dot right before a figure -> n
# 1.新建… / 2、新增… / （3）改造…: an item's number, where items run on in one line (items.run_on_items: only where it stands apart)
# (two patterns, each opening with a class the engine skips to: as alternatives of one they were tried at every
# character; neither can match inside the other's match, so together they find what the alternation found)
RUN_ON_BRACKETED = re.compile(r"[（(](?P<p>\d{1,2}|[一二三四五六七八九十]{1,3})[）)](?=[\u4e00-\u9fff])")
RUN_ON_NUMBERED = re.compile(r"(?P<n>\d\d?)\s*[.．、](?=[\u4e00-\u9fff（(])")     # (a digit before it: items._stands_apart)
ITEM_DOT_FIGURE = re.compile(r"^\s*(?P<n>\d{1,2})\s*[.．](?=\d)")

# 牵头单位：县教育局；配合单位：县发改委 / 分管领导：苗某 责任单位：县民政局 (one space between fields) -> key, val
# Every character `\s` matches (tests/test_extract_cost9.py holds the list to the class)
SPACE_CHARACTERS = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
_LEADER = r"(?:市|县|区|州|省|盟)?领导"
# Each alternative of the key opens with a character of its own (a bracketed 牵头 / 协同 / 配合 / 时限 looks its bracket
# up behind its first character; one led by spaces has an alternative for each space), so that the engine skips
# to where a key can begin; written as alternatives of groups it tried the pattern at every character (80 → 9 ns)
FIELD = Gated(re.compile(r"(?P<key>牵头(?:单位|部门|" + _LEADER + r")|责任(?:单位|部门|人|" + _LEADER + r")|主要责任(?:单位|人)|"
                         r"配合(?:单位|部门)|协办单位|协助单位|参与单位|"
                         + "".join(f"{word}{_LEADER}|" for word in ("分管", "主管", "联系", "包抓", "督办", "挂点", "包保", "包联"))
                         + "".join(f"{place}级领导|" for place in "市县区州省盟")
                         + r"项目责任人|完成时限|完成时间|时间节点|督办时限|办理时限|"
                         r"牵(?<=[（(；;]牵)头|协(?<=[（(；;]协)同|配(?<=[（(；;]配)合|时(?<=[（(；;]时)限|"
                         + "|".join(rf"{re.escape(space)}(?<=[（(；;]\s)\s*(?:牵头|协同|配合|时限)" for space in SPACE_CHARACTERS) + r")"
                         r"\s*[:：]\s*"
                         r"(?P<val>(?:(?![，,][\u4e00-\u9fff]{2,8}[:：]|[ \t\u3000]+[\u4e00-\u9fff]{2,8}[:：])(?:[^；;。（(）)]|[（(][^（(）)]*[）)]))*)"), COLON)

# 由市人社局牵头 / （省卫生健康委牵头） / 由区住建局、区国土资源局协办 / 鱼嘴镇、复盛镇负责实施 /
# （省委宣传部、省体育局按职责分工负责） -> units, role (the units still to be checked as organisations)
UNIT_ROLE = re.compile(r"(?:^|(?<=[，,。；;：:（(\s由]))(?P<units>[^，,。；;：:（）()\s]{2,80}?)(?:按职责分工|按职责|分别|共同|具体)?"
                       r"(?P<role>牵头|配合|协办|协助|参与|负责)(?:组织)?(?:实施|负责|落实)?")
ROLE_WORD = re.compile(r"牵头|配合|协办|协助|参与|负责")
# 配合：罗阳街道办事处 -> role=配合, inside an item title's brackets or a unit cell (牵头：区建设局；配合：…)
ROLE_LABEL = re.compile(r"^\s*(?P<role>牵头|配合|协办|协助|参与|责任|主责|主办|负责)(?:单位|部门)?\s*[:：]\s*")
# 韦宁（副市长） -> the post in brackets after a leader's name
POST_IN_BRACKETS = re.compile(r"[（(][^（）()]*(?:长|书记|主任|常委|委员|主席|调研员|巡视员)[^（）()]*[）)]")
# 韦  宁（副市长）　　牵头单位：市住建局 -> the next field on the same line, after a wide gap
NEXT_FIELD = re.compile(r"\s{2,}[\u4e00-\u9fff]{2,8}[：:].*$")
# 主要原因是县住建局 / 请各 -> words no organisation's name holds; 责任站所 / 牵头单位 -> a column's or a
# field's label, never a unit itself
NOT_UNIT = re.compile(r"[是因要请把对向在的已]|主要|原因|各|相关|有关|"
                      r"^(?:责任|牵头|配合|协办|主办|承办|实施|主责)(?:单位|部门|站所|科室|处室)$")

# 年度目标为城镇新增就业3万人 (not 完成年度目标的55%; 计划生育 / 计划单列 promise nothing)
TARGET_SENT = re.compile(r"(?:年度目标|目标任务|年度任务|全年目标|任务目标|年度计划|计划(?!生育|单列)|目标(?=\s*\d)|任务数(?=\s*\d)|目标数(?=\s*\d)|"
                         r"年度(?=新建|新增|改造|开工|建设|实施|完成|提供|发放|培训|解决|资助|救助|筛查|检查))"
                         r"(?![\u4e00-\u9fff]{0,2}的|\d+(?:\.\d+)?\s*%)"
                         r"(?:为|是|：|:)?")

# …1.8万人，上半年完成1.02万人 -> the comma where progress begins
# (，8个已全部开工: the task restated, then 已)
# 已建成 / 累计完成投资 / 截至9月底 -> words that report work done, never a project's name
_REPORTING = r"实际|已|目前|现已|截至|截止"        # the words a report opens with (累计 / 完成 added where they count)
REPORT_WORD_OPENING = re.compile(rf"\s*(?:{_REPORTING}|累计|完成(?!率))")
# 新建线路8条|，已开通5条: a report's own word opening the clause after a task
REPORT_AFTER_TASK = re.compile(rf"[，,。；]\s*(?:{_REPORTING})")     # (累计 may count earlier years)
# 目标3000个|/完成1200个 / 目标8条|，已开通5条: where a cell's report follows its task
CELL_REPORT_START = re.compile(rf"[，,。；;/／]\s*(?={_REPORTING}|累计|完成)")
PROGRESS_START = re.compile(r"[）)](?=已|累计|实际|目前|现已)|[，,。；](?=(?:实际|已|目前|全市|全县|全区|全州|全省|累计|截至|今年(?:以来|已)|1-\d+月|1[3-9]月|上半年|前三季度|"
                            r"一季度|全年|[^，,。；]{0,6}(?:完成|建成)|(?:竣工|完工|开工)(?=\d)|(?:竣工|完工|开工)率|(?:其中)?\d+(?:\.\d+)?[万]?[^\d，,。；]{0,3}已))")

# 那顺乌日图副盟长 -> the title written after a leader's name
TITLE_AFTER = re.compile(r"(?<=[\u4e00-\u9fff])(?:常务)?副?(?:省|市|州|县|区|旗|盟|乡|镇)长$|(?<=[\u4e00-\u9fff])(?:副)?(?:书记|主任|局长|部长|秘书长)$")
# 额尔德尼•巴雅尔 / 额尔德尼・巴雅尔 -> the middle dot of a transliterated name, written ·
NAME_DOT = re.compile(r"[•・‧∙⋅]")
# 那顺乌日图 / 孟克吉日嘎拉: a name of up to six characters, when a title after it marks it as one
LONG_NAME = re.compile(r"^[\u4e00-\u9fff]{2,6}$")

# 副区长 王  强 / 常务副县长李军 -> the title before a leader's name
LEADER_TITLE = re.compile(r"^(?:(?:常务)?副?(?:省|市|州|县|区|旗|盟|乡|镇)长|(?:省|市|州|县|区)委(?:常委|书记|副书记)|书记|副?主任|"
                          r"副?局长|副?部长|副?秘书长|调研员|副?主席)\s*")

# 限期于11月30日前整改到位 / 予以通报批评 -> a 督查通报 that assigns work and sanctions
SANCTION = re.compile(r"限期(?:于|在)?[^，,。；]{2,14}?前[^，,。；]{0,4}整改|予以通报批评|予以通报|责令[^，,。；]{0,8}整改")

# 限期于10月31日前整改到位 -> d=10月31日前
DEADLINE_PHRASE = re.compile(r"限期(?:于|在)?\s*(?P<d>[^，,。；]{2,14}?前)")
# 县农业局配合，12月底前完成。 -> d=12月底前 (a clause of its own giving the time limit)
DEADLINE_CLAUSE = re.compile(r"(?:^|[，,。；;])\s*(?:(?:要|须|确保|力争)(?:于|在)?)?\s*"
                             r"(?P<d>(?:(?:19|20)\d{2}年)?(?:\d{1,2}月(?:\d{1,2}日|[^，,。；\d]{0,3})|年底|年末)(?:前|之前))(?:全面|全部)?(?:完成|建成|竣工|完工|投用|投入使用|开工)")
# 第（三）、（四）、（八）项由副市长陈  海负责 / 第1至3项于6月底前完成 -> refs, the items a sentence assigns
ITEM_REFS = re.compile(r"第\s*(?P<refs>[（(]?[一二三四五六七八九十\d]{1,3}[）)]?"
                       r"(?:\s*[、，,和及至\-—~]\s*(?:第\s*)?[（(]?[一二三四五六七八九十\d]{1,3}[）)]?)*)\s*(?:项|件|条)")
# 对3个滞后项目，由分管副市长李  东牵头… -> n=3: the projects a sentence assigns, by their count
PROJECTS_COUNTED = re.compile(r"^\s*(?:[（(][一二三四五六七八九十]{1,2}[）)]|\d{1,2}[.、．])?\s*对(?:上述|以上|这)?(?P<n>\d{1,2}|[一二三四五六七八九十]{1,2})"
                              r"(?:个|项|件)[^，,。；]{0,8}?(?:项目|实事)")
# 第（七）项于2014年4月底前完成 -> d=2014年4月底前: the time limit a 第…项 clause gives (kept when DEADLINE finds a date in it)
ITEMS_DEADLINE = re.compile(r"(?:于|在)?\s*(?P<d>[^，,。；]{2,16}?(?:前|之前))\s*(?:完成|建成|竣工|办结)?")
# （十一） / 至3 -> n=11 / sep=至 n=3: one number of ITEM_REFS' refs (a range when sep is given)
ITEM_REF = re.compile(r"(?P<sep>[至\-—~])?\s*(?:第\s*)?[（(]?(?P<n>[一二三四五六七八九十\d]{1,3})[）)]?")
# 由副县长王立新负责 -> name=王立新 (the official a 纪要 or a plan assigns to the item)
# 由省委常委、副省长某某负责 / 由副市长某某、某某某牵头 / 。县政府副县长某某负责 -> name (one or two officials)
# (gated on its 长 and the last character of its verbs: its opening, 由 or a look-behind, is tried at every character,
# and under one text in ten it is asked of holds both)
ASSIGNED_LEADER = Gated(re.compile(r"(?:由|(?:^|(?<=[。；;，,：:\s]))(?:(?:省|市|州|县|区)政府)?)(?:(?:省|市|州|县|区)委常委[、，,]?)?(?:分管|主管)?(?:常务)?副?(?:省|市|州|县|区|旗|盟)长\s*"
                             r"(?!具体|亲自|统筹|全面|负总责)(?P<name>(?:[\u4e00-\u9fff]\s*){2,4}?(?:、(?:[\u4e00-\u9fff]\s*){2,4}?)?)"
                             r"(?:同志)?(?:具体)?(?:负责|牵头|督办|分管|领办)"), "长", "责头办管")  # (欧阳海涛: a compound surname's four)

# 城镇新增就业（区人社局）：年度目标4200人… -> name
LABELLED = Gated(re.compile(r"^\s*(?P<name>[^：:，,。；\d]{2,30}?)\s*[：:]"), COLON)

# 促进就业（责任单位：市人社局） -> the bracketed field after an item's title
FIELD_BRACKET = Gated(re.compile(r"\s*[（(][^（）()]{0,12}(?:单位|部门|领导|牵头)[:：][^（）()]*[）)]\s*$"), COLON)
# a project name's tail that is a field of its own: （责任单位：市住建局，配合单位：各县（市）人民政府） / ，牵头部门：市交通局 / ：
NAME_FIELD_TAIL = re.compile(r"\s*(?:[（(][^（）()]{0,12}(?:单位|部门|领导|牵头)[:：](?:[^（）()]|[（(][^（）()]*[）)])*[）)]"
                             r"(?:\s*[：:].*)?|[，,]\s*(?:牵头|责任|配合|主管)(?:单位|部门|领导)[:：].*|"
                             r"[，,]\s*由?[^，,。]{0,30}?(?:局|委|办|院|中心|政府|公司|队)[^，,。]{0,10}?(?:负责|牵头|配合)[^，,。]{0,4})?"
                             r"\s*[：:]?\s*$")

# 托育服务扩容：新增普惠性托位400个… -> name (a short label, then a colon and the task with its figures)
NAME_LABEL = Gated(re.compile(r"^(?P<name>[^：:，,。；;\d（()）]{2,15})(?:[（(][^（()）]{0,20}[）)])?[：:](?=[^：:]*\d)"), COLON)
# 城镇新增就业（县人社局） / 棚户区改造（县住建局，配合：罗阳街道办事处） -> units, at the end of an item's title
TITLE_UNITS = Gated(re.compile(r"[（(](?P<units>[^（）()]{3,60})[）)]\s*$"), BRACKET)

# 一、老旧小区改造（区住房和城乡建设局牵头） -> a heading naming the unit that leads it
HEADING_OWNER = Gated(re.compile(r"[（(][^（）()]{2,40}(?:局|委|厅|办|中心|院|站|所|公司|会)(?:牵头|负责)[^（）()]{0,20}[）)]\s*$"), BRACKET)

# 城镇新增就业（市人社局）年度目标4.8万人 -> name, units: a clause opening with a project and its unit in brackets
NAME_UNITS = Gated(re.compile(r"^\s*(?P<name>[^，,。；;（()）\d]{2,30}?)\s*[（(](?P<units>[^（）()]{3,60})[）)]\s*(?=\S)"), BRACKET)

# （一）就业和社会保障方面 / 二、教育卫生类 -> a category of several projects, not a project
CATEGORY_TITLE = re.compile(r"(?:方面|类|领域)(?:工作|实事|项目)?$")
# 教育类（2件） / 就业和社会保障（共3项）: the count of a category's items, in brackets after its name
ITEM_COUNT_BRACKET = re.compile(r"[（(]\s*共?\s*\d+\s*[件项个]\s*(?:实事|项目)?\s*[）)]\s*$")

# ，完成率分别为81.3%、80% -> rates, the 分别 rates after a paired list of counts
# 2所主体完工 / 1所完成基础工程 / 3个已完成前期: a count of a stage of the work, not of the work done
STAGE_AFTER = re.compile(r"\s*(?:已|正在|正)?(?:完成|进行)?(?:主体|基础|前期|招标|设计|立项|选址|土建)")
# 农村公路和城市道路分别为90公里、12公里，已分别完成67公里、9.5公里: names, their tasks, the counts done
NAMED_PAIRS = re.compile(r"^\s*(?P<names>[^，,。；\d]{4,40}?)分别(?:为|是|达到|新建|建设|改造)?(?P<tasks>[^，,。；]*\d[^，,。；]*)[，,]\s*"
                         r"(?P<done>(?:目前|截至[^，,]{1,8}[，,]?)?(?:已分别|分别已|已)[^，,。；]*\d[^，,。；]*)")
# 农村公路和城市道路 / 幼儿园、小学及初中 -> the names a list joins
AND_SPLIT = re.compile(r"[和、及与]")
PAIRED_RATES = re.compile(r"[，,]\s*(?:分别)?(?:完成率|完工率|竣工率|完成(?:年度|全年|年)?(?:任务|目标|计划)?的?)(?:分别)?(?:为|达到|达)?(?:分别)?(?:为)?\s*"
                          r"(?P<rates>\d+(?:\.\d+)?\s*%(?:\s*[、和及]\s*\d+(?:\.\d+)?\s*%)+)")

# 目标任务：… 进展情况：… 存在问题：… 下步打算：… -> the labelled sections of one project's paragraph
SECTION_LABEL = Gated(re.compile(r"(?:^|(?<=[。；;\s]))(?:(?P<target>目标任务|年度目标|工作目标|任务目标|建设任务|主要目标)|"
                                 r"(?P<progress>进展情况|完成情况|推进情况|工作进展|进度情况)|"
                                 r"(?P<other>存在(?:的)?问题|主要问题|困难和问题|原因分析|下步打算|下一步打算|下步工作|下一步工作|"
                                 r"下步措施|下一步措施|工作措施|意见建议))\s*[:：]"), COLON)

# 人均可支配收入增长6.5%左右 -> name=人均可支配收入, num=6.5: a growth rate (a % target when promised, a % reached when reported)
GROWTH = re.compile(r"(?P<name>[\u4e00-\u9fff]{2,12}?)(?:同比)?增长\s*(?P<num>\d+(?:\.\d+)?)\s*%(?P<after>以上|左右)?")

# 问：在就业方面有哪些安排？ / 答：今年全市城镇新增就业2600人… -> a 政策解读's question and answer
QUESTION = re.compile(r"^\s*(?:问|提问)\s*[:：]")
ANSWER = re.compile(r"^\s*(?:答|回答)\s*[:：]\s*")
# 一是 / 教育方面， -> the words opening an answer's sentence, before the project it names
ANSWER_SENTENCE_OPENER = re.compile(r"^\s*(?:[一二三四五六七八九十]是|[\u4e00-\u9fff]{2,6}方面[，,])")
# 今年全市(城镇新增就业) -> the time and the scope written before a project's name in an answer
ANSWER_SCOPE = re.compile(r"^(?:今年|全年|年内)?(?:全市|全县|全区|全州|全省)?")
# 由每人每月800元提高到 / 比去年增加2所 / 比上年分别提高60元 -> a figure that is an old level or a change, not a target
# (an answer's filter, wider than find_quantities' RAISED_TO and target_figures' INCREASE_BEFORE: 增至, 比上年新增)
NOT_A_TARGET_AFTER = re.compile(r"^\s*(?:提高到|提高至|提升到|提升至|增加到|增至|调整为|调整到)")
NOT_A_TARGET_BEFORE = re.compile(r"比(?:去年|上年|上一年|往年|\d{4}年)[^，,。；]*$")

# 1．新建幼儿园6所，已全部建成。（区教育局） -> units, in brackets of their own after an item's last sentence
TAIL_UNITS = Gated(re.compile(r"[。；;]\s*[（(](?P<units>[^（）()]{3,60})[）)]\s*[。；;]?\s*$"), BRACKET)

# 督办内容：年度新增公共停车泊位1500个… / 目标：新建幼儿园4所 (not 年度目标：, a target sentence) / 主要内容：…
# 进展：已建成11个 / 完成情况：… (a line under an item reporting on it)
# (a bare 进展 or 目标 looks behind from its end for the word it must not close: opening with a look-behind, the
# alternatives kept the engine from skipping to their first characters)
REPORT_LABELS = r"进展情况|工作进展|项目进展|目前进展|进展(?<![\u4e00-\u9fff]进展)|推进情况|完成情况|落实情况|进度情况|实施进度"
REPORT_LABEL = Gated(re.compile(r"(?:" + REPORT_LABELS + r")\s*[:：]\s*"), COLON)
CONTENT = Gated(re.compile(r"(?:督办内容|" + REPORT_LABELS + "|"
                           r"建设内容|工作内容|目标任务|主要任务|任务内容|建设规模|工作目标|主要内容|具体内容|实施内容|"
                           r"项目内容|建设地点|实施地点|实施范围|目标(?<![\u4e00-\u9fff]目标))\s*[:：]\s*"), COLON)

# 【牵头单位】县教育局 / 【目标】新建… (a WeChat article's field labels) -> key; 【一、教育惠民】 -> a 小标题 alone on its line
BRACKET_LABEL = re.compile(r"^\s*【(?P<key>[^【】]{1,20})】")

# 一、总体情况 / 三、存在问题: headings that are not projects
GENERIC_HEADING = re.compile(r"总体|基本情况|预期目标|主要(?:做法|成效|问题|措施|特点|工作)|存在|问题|下一步|下步|要求|措施|目标任务|工作特点|成效|做法|"
                             r"保障措施|组织领导|组织保障|考核|责任体系|意见|建议|经验|进展情况$|"
                             r"^(?:据|经)(?:初步)?(?:统计|了解|悉|调查|核实)")     # 据统计：… a source, not a project

# 完成全年目标的55% / 占年度目标的88% / 完成率 / 完工率 / 竣工率: a passage states a rate of progress
PROGRESS_RATE = Gated(re.compile(r"(?:完成|占(?:全年|年度|年)?(?:目标|任务|计划))\S{0,8}?\d+(?:\.\d+)?\s*%|完成率|完工率|竣工率"), "%率")

# 城市低保标准提高到每人每月不低于560元
STANDARD = Gated(re.compile(r"(?:标准)?(?:提高到|提高至|提标至|调整为|调整到)"), "提调")


# ---- metadata ------------------------------------------------------------

# ……的通知 / ……情况表（分县） -> a title is complete
TITLE_END = re.compile(r"(通知|通报|意见|方案|报告|公告|公示|决定|决议|纪要|计划|情况|表|清单|安排|函|要点|任务)》?(?:[（(][^）)]{1,12}[）)])?$")

# 您好，今天是2013年10月25日 星期五 / 当前位置：首页 > 政务公开 / 首页 | 政务公开 -> a web page's chrome, not a title
PAGE_CHROME = re.compile(r"您好|今天是|星期[一二三四五六日天]|当前位置|首页\s*[>|｜]|门户网站|【|浏览次数|阅读次数|打印本页|关闭窗口|"
                         r"点击上方|关注我们")

# 益阳市赫山区人民政府办公室 -> an issuer
# 东至县人民政府办公室 / 中共某县委办公室 某县人民政府办公室: an issuer's line is names alone
ISSUER_NAME = re.compile(r"[\u4e00-\u9fff（）()、]+")
ISSUER_END = re.compile(r"(人民政府办公室|人民政府|政府办公室|办公室|委员会|督查室|实事办|领导小组|考核办|局|厅|委)$")

# 赫山公安分局 -> 公安 follows a short place name
ORG_AFTER = re.compile(r"(?:公安|供电|国土|移动|电信|联通|质监|税务|人社|财政|民政|教育|卫健|住建|交通|水务|人民|政府)")

# 岳阳楼公安分局 -> 公安 right after 岳阳楼
ORG_CONTEXT = re.compile(r"^(?:公安|供电|国土|移动|电信|联通|质监|税务|人社|财政|民政|教育|卫健|住建|交通|水务|人民|区|县|市|政府)")


# ---- normalize ------------------------------------------------------------

# 區(qū) / 4萬(wàn)人 -> the pinyin gloss
# (the bracket first and the character before it looked behind from it: the same matches as (?<=[\u4e00-\u9fff])[(（]…,
# and the engine skips ahead to a bracket)
GLOSS = re.compile(r"[(（](?<=[\u4e00-\u9fff][(（])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ]{1,7}[)）]")

# 完成 65 户 / 2021 年 / 第 3 季度 -> the one space set between Chinese and a figure (not a run of them: columns)
# (the space first, what stands either side of it looked around from it: the engine skips to the next space instead of
# trying the look-behinds at every character; the same matches as
# (?<=[0-9%])(?<! ) (?! )(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])(?<! ) (?! )(?=[0-9]), held equal in the tests)
FIGURE_GAP = re.compile(r" (?:(?<=[0-9%] )(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff] )(?=[0-9]))")

# 竣工率达九成 / 完成九成 / 九成以上 -> n (tenths, after a verb of reaching or before 以上)
# (the numeral first and the verb looked behind from it: the same matches as (?<=[达…率])(?P<n>[一…九])成, and the
# engine skips ahead to a numeral instead of trying the look-behind at every character)
TENTHS = re.compile(r"(?P<n>[一二三四五六七八九])(?<=[达到成为占超近约逾在持率].)成(?=以上|左右|[，,。；;、）)]|$)")

# 百分之九十五 / 百分之九十五点五 / 百分之百 -> n (written as a percentage in words)
PERCENT_WORDS = re.compile(r"百分之(?P<n>[零〇一二两三四五六七八九十百]+(?:点[零〇一二三四五六七八九]+)?)")


# ---- numbers ------------------------------------------------------------

# 、 / 和 / 及 — between the members of a list of figures (3120元、2940元)
LIST_JOIN = re.compile(r"\s*[、和及与]\s*")

# 新建改造公共厕所八座 / 三处，新增… -> the figure ends its clause (启动三台、太平湾净水厂: 三台 is a place)
CLAUSE_END = re.compile(r"\s*(?:$|[，,。；;）)]|以上|左右)")

# 近3万人 / 约1.2万户 / 逾5000人 -> a figure written roughly
APPROX_BEFORE = re.compile(r"(?P<word>近|约|逾|超|大约|不到|不足)$")
# the bound an approximate figure gives (README, batch 4): 3000余人 / 逾200公里 -> '>=', 近2.4万户 / 不足300户 -> '<='
APPROX_OP = {"余": ">=", "多": ">=", "逾": ">=", "超": ">=", "近": "<=", "不到": "<=", "不足": "<=", "约": "=", "大约": "="}

# 3-5所 -> num=3 before the upper bound
RANGE_LOW = re.compile(r"(?<![\d.])(?P<num>\d+(?:\.\d+)?)\s*(?:万)?\s*[-~至到]\s*$")
RANGE_MARKS = "-~至到"            # one of them stands in every RANGE_LOW match

# 15分钟医疗服务圈 / 10分钟健身圈 -> a slogan (what lies within N minutes), not a figure
SLOGAN_AFTER = re.compile(r"[\u4e00-\u9fff]{0,6}?圈")

# 各新建两所寄宿制学校 -> a lone numeral right after a verb of building is a figure (两项补贴 is a name)
LONE_NUMERAL_VERB = re.compile(r"(?:新建|改建|扩建|新增|建设|建成|打造|创建|设立)$")

# 数十万人次 / 几百人 -> a vague amount that states no number
VAGUE_BEFORE = re.compile(r"[数几]$")

# 由每人每月410元提高到450元 -> the figure before is the old standard, the one after the new
RAISED_TO = re.compile(r"\s*(?:提高|提升|调整|上调|增加|增长)(?:到|至|为)\s*")
RAISED_TO_CHARS = "提调增"        # one of them stands in every RAISED_TO match
# 比上年分别提高30元和300元 / 较上年增加2所 / 每人每月提高20元 -> an increase, not the level itself (comparison=比上年)
INCREASE_BEFORE = re.compile(r"(?P<comparison>(?:比|较)[^，,。；;]{1,12}?)?(?:分别)?(?:提高|增加|上调|增长)了?(?:分别)?$")

# 超任务20元 / 超出任务8个 / 超额完成12人 -> a difference over the task, never a fact of its own
# 超过|目标1.8个百分点 / 高于|计划 -> the task named after a comparison: by how much, no task opened
BEYOND_TASK = re.compile(r"(?:超过|高于|超出|低于|比)$")
BY_HOW_MUCH = re.compile(r"\s*(?:多|少|增加|减少|提高|超出)?\s*\d")
OVER_TASK_BEFORE = re.compile(r"(?:超任务|超出任务|超出|超额完成|超额|(?:超过|高于|超出)(?:年度|全年)?(?:目标|任务|计划)(?:任务)?)$")

# 力争都有1个市民广场: a figure per village, not a target
SKIP_BEFORE = re.compile(r"(?:都有|各有|每村|每个|每户|第|(?<![目此])前)$")      # (目前2所已建成 counts: 目前 is now)

# 市级财政安排就业补助资金2.1亿元 / （资金：县级财政投入3600万元） -> money that funds a project, not its target
FUNDING = re.compile(r"资金|经费|财政(?:投入|安排|补助|配套)|配套")
# 资金安排：市级财政安排…。 / （资金：…） -> a funding field, dropped from the text targets are read from
FUNDING_FIELD = Gated(re.compile(r"[（(]\s*资金\s*[:：][^（）()]*[）)]|(?:资金安排|资金来源|资金筹措|资金保障|资金)\s*[:：][^。]*"), COLON)
# 十个方面18项为民办实事项目 / 十五项具体任务 / 县级民生实事（6项） -> counts of the projects themselves
PROJECT_COUNT_AFTER = re.compile(r"^(?:方面|大类|领域)|^[^，,。；;\d]{0,6}(?:实事|民生|民心|为民|具体任务|具体指标)")
# 实事（ / 超时间进度的指标有 / 已完成的项目共有 -> a count of the projects themselves follows
PROJECT_COUNT_BEFORE = re.compile(r"(?:实事|工程|项目|方面|保障|服务)\s*[（(]\s*$|(?:指标|项目|事项|实事)(?:共|只|仅)?有$")
# （1）2031年计划退出的 | 3个乡和12个村…: a clause opening with the places a plan names, whom the work is for —
# a year at most, then a list's choice (计划 / 确定 / 列入 / 纳入) and 的 — states the scope, no task
SCOPE_BEFORE = re.compile(r"\s*(?:[（(]\d{1,2}[）)])?\s*(?:对|在|安排在|针对)?(?:\d{4}年度?|今年|全年|本年度?)?\s*"
                          r"(?:计划|确定|列入|纳入|拟)[\u4e00-\u9fff]{0,6}的")
# 3个乡|和|12个村: the scope's next count, joined to it by its noun and 和 / 及 / 、
SCOPE_JOIN = re.compile(r"[\u4e00-\u9fff]{1,6}[和及与、]")

# 覆盖率达到100% / 比例不低于50% / 普及率提高2个百分点、达到96% -> num, after
PERCENT_TARGET = Gated(re.compile(r"(?P<what>率|比例|比重|占比|满意度|覆盖面)(?:(?:提高|提升|增加)\d+(?:\.\d+)?个百分点[、，,]?)?"
                                  r"(?:要|应|将)?(?:达到|不低于|提高到|提升至|提高至|保持在|控制在|稳定在|"
                                  r"维持在|保持|稳定|达)?"
                                  r"\s*(?P<num>\d+(?:\.\d+)?)\s*%(?P<after>以上|以内|以下|左右)?"), "%", "率比满覆")

# 参合率达到 / 实际参合率 -> name=参合 (the measure a share is of)
SHARE_NAME = re.compile(r"(?P<name>[\u4e00-\u9fff]{2})(?:率|比例|比重|占比|满意度|覆盖面)[\u4e00-\u9fff]{0,6}$")
# 拨付率 / 到位率 / 执行率: shares of funding, not of the work
FUNDING_SHARE = re.compile(r"拨付|到位|执行|支出|使用")
# 98%以上的目标 -> the share is the promise, not the result
SHARE_PROMISED = re.compile(r"(?:以上|以内|以下)?的?(?:目标|任务)")


# ---- people ------------------------------------------------------------

# 区发改局、区财政局/区扶贫办
SPLIT = re.compile(r"[、，,；;/\n]+")

# 市教育体育局（牵头），市发展改革委 / 市住建局、市公安局（共同牵头）， -> the mark after a unit cell's lead units
LEAD_MARK = re.compile(r"[（(](?:共同|联合)?牵头[）)][，,、；;]?")

# 市政府副市长、市公安局局长　王  涛 -> the posts written before a name, set off by a wide space
POST_BEFORE_NAME = re.compile(r"^(?:[\u4e00-\u9fff]{0,12}?(?:省|市|州|县|区|旗|盟|乡|镇|政府|局|委|厅|办|部)[\u4e00-\u9fff]{0,4}?"
                              r"(?:长|书记|主任|常委|委员|主席|调研员|巡视员)[、，,]?)+[ \t\u3000]+(?=\S)")

# 夏  洁 -> a two-character name padded to three
PADDED_NAME = re.compile(r"^[\u4e00-\u9fff]\s+[\u4e00-\u9fff]$")
# 陆 明俞 悦 -> two padded two-character names written side by side (陆明, 俞悦)
PADDED_NAMES = re.compile(r"^[\u4e00-\u9fff](?:\s+[\u4e00-\u9fff]{2})+\s+[\u4e00-\u9fff]$")

# 夏洁 / 艾尼瓦尔·吐尔逊
PERSON_NAME = re.compile(r"^[\u4e00-\u9fff]{2,4}$|^[\u4e00-\u9fff]{1,8}·[\u4e00-\u9fff]{1,8}$")

# 各乡镇长 / 区直单位: not a person
# 其中 / 人年 / 高要区 (a fragment, a unit of count, a place of a misread cell): not a person either
NOT_PERSON = re.compile(r"^(各|相关|有关|属地|全体)|^(?:分管|主管|常务|协管|联系|包联|包抓|挂点|牵头|责任)$|乡镇|街道|单位|部门|局|办|委|政府|公司|中心|负责人|领导$|同志|待定|[长]$"
                        r"|^(?:其中|人年|人月|人次|户年|合计|小计|总计|共计|全市|全县|全区|全省|本级)$|^[\u4e00-\u9fff]{1,4}[省市县区旗盟]$|^在")
# 已完成。从1月1日起… / a progress note of 30 characters with figures: a cell of prose, no leader's
PROSE_CELL = re.compile(r"。\s*\S|^(?=[^\n]{31,})[^\n]*\d")
# 县督查室 / 市民生办 / 市绩效办 / 市督考办 / 区实事办: the office that inspects, compiles or publishes, never a responsible unit
NOT_A_UNIT = re.compile(r"(?:督查|督办|督考|督查落实|民生|绩效|目标绩效|实事)(?:室|办|办公室)$")

# 已进场施工，完成30% / 培育县级示范基地各两个 / 正在推进选址: a note of progress or a task in a unit's cell
STATEMENT_PART = re.compile(r"\d\s*(?:%|％)|\d\s*(?:个|所|家|条|座|处|套|户|张|名|人|公里|千米|米|万|亿|元)|[一二两三四五六七八九十]个"
                            r"|^(?:已|正在|完成|其余|累计)|已(?:经)?(?:完成|建成|开工|启动|进场|竣工|实施|开展|投入)|正在")

# 各街道（乡） / 相关乡镇: not an organisation
# 县各有关单位 / 市级其他有关部门 / 开发园区管委会 / 联席会议成员单位: a collective, no one organisation
GENERIC_UNIT = re.compile(r"^(各|相关|有关|属地|其他|全体|所在|项目所在)|^(等|无|/|-)$"
                          r"|^[省市州县区]级?(?:各|其他|其它|有关|相关)|(?:有关|相关)(?:部门|单位)$|成员单位$|^开发园区")

# 区教育局（牵头） / 益阳农村电信分公司等 -> the role word at the end
TRAILING = re.compile(r"(等(?:单位|部门)?|[（(](?:牵头|配合|协办|责任|主办)[)）]|牵头|负责|配合|协助)$")

# ---- people: duties written as labels in running text, and leaders over a section ----------

# 牵头领导:林某某 / 主管领导：张某 / 分管市领导: / 项目责任人: / 主要责任人： / 牵头单位主要负责人: -> a leader's label
_LEADER_LABEL = (r"(?:牵头|主管|分管|责任|联系|包抓|督办|挂点|包保|包联)(?:市|县|区|州|省|盟)?领导|"
                 r"(?:项目|主要|任务|牵头单位主要|牵头单位)?责任人|牵头单位主要负责人")
# 责任单位:市交通委 / 牵头单位： / 配合单位: -> a unit's label (lead or partner)
_LEAD_LABEL = r"(?:牵头|主要)?责任单位|牵头(?:责任)?单位|责任部门|牵头部门"     # (主办单位: a web page's publisher)
_PARTNER_LABEL = r"配合单位|协办单位|协助单位|配合部门|参与单位"
# 牵头领导:林某 责任单位:市交通委 项目责任人:劳某 配合单位:市应急局、市市场监管局 (one line, one space between fields)
# -> label, value (up to the next label, a sentence's end or the line's end)
DUTY_FIELD = re.compile(rf"(?P<label>(?P<leader>{_LEADER_LABEL})|(?P<partner>{_PARTNER_LABEL})|(?P<lead>{_LEAD_LABEL}))"
                        r"\s*[:：]\s*(?P<value>(?:(?!\s*[\u4e00-\u9fff]{2,10}\s*[:：])[^。；;\n])*)")
# DUTY_FIELD's labels and colon, each alternative opening with a character of its own: the engine skips to where a
# label can begin (DUTY_FIELD's labels, groups of alternatives of groups, are tried at every character), and DUTY_FIELD
# matches exactly where this does (its value may be empty), so people._duty_fields runs it only there
DUTY_LABEL_AT = re.compile("(?:" + "|".join(
    [f"{word}(?:市|县|区|州|省|盟)?领导" for word in ("牵头", "主管", "分管", "责任", "联系", "包抓", "督办", "挂点", "包保", "包联")]
    + ["项目责任人", "主要责任人", "任务责任人", "牵头单位主要责任人", "牵头单位责任人", "责任人", "牵头单位主要负责人",
       "配合单位", "协办单位", "协助单位", "配合部门", "参与单位",
       "牵头责任单位", "主要责任单位", "责任单位", "牵头单位", "责任部门", "牵头部门"]) + r")\s*[:：]")
# 领导： / 责任人: / 单位： / 部门: the end of every DUTY_FIELD label and its colon (a line without one holds no field)
DUTY_LABEL_END = re.compile(r"[导人位门]\s*[:：]")
# DUTY_FIELD in a text holding one colon: the look-ahead for the next label (a colon after up to ten characters, tried at
# each character of the value) cannot find one, so the value runs to the sentence's or the line's end as this reads it
DUTY_FIELD_ALONE = re.compile(rf"(?P<label>(?P<leader>{_LEADER_LABEL})|(?P<partner>{_PARTNER_LABEL})|(?P<lead>{_LEAD_LABEL}))"
                              r"\s*[:：]\s*(?P<value>[^。；;\n]*)")
# 序号实事名称建设内容县分管领导牵头单位配合单位 (a flattened table's header, its labels run together):
# a leader's label straight before a unit's label, no space or bar between them
RUN_HEADER = Gated(re.compile(r"(?:分管|主管|责任|牵头|联系|包抓|挂点)(?:[市县区]政府|[市县区])?领导(?:牵头|责任|主要责任)(?:单位|部门)"), "领")
# 新建… / 推进… / 提升改造…: a sentence of the next cell, never a unit run together with the ones before it (use .match)
CONTENT_START = re.compile(r"(?:新建|改造|提升|推进|完成|开展|实施|建设|新增|为|对|加快|落实|组织|举办|打造|创建|支持|扩大|增加|"
                           r"优化|全面|持续|深化|启动|计划|确保|力争|做好|加强|巩固|推动|促进|保障|免费|改扩建)")
# 马某某 市委常委、市政府常务副市长 (the line after 责任领导:胡某某 市委副书记) -> name: one more leader of the field
NAME_THEN_POST = re.compile(r"^\s*(?P<name>[\u4e00-\u9fff](?:\s{1,3}[\u4e00-\u9fff]|[\u4e00-\u9fff]{1,2}))[ \t\u3000]+"
                            r"[\u4e00-\u9fff、，,]{0,24}(?:长|书记|常委|主任|委员|主席)\s*$")
# 一、尹某某市长牵头的重点工作 / 二、王某市长主抓重点工作 / 一、区长张某牵头… -> name: the leader over a section
SECTION_LEADER = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[（(][一二三四五六七八九十]{1,3}[）)])\s*(?:由)?"
                            r"(?:(?P<a>[\u4e00-\u9fff]{2,3}?)(?:常务)?副?(?:省|市|州|县|区|旗|盟)长|"
                            r"(?:常务)?副?(?:省|市|州|县|区|旗|盟)长\s*(?P<b>(?:[\u4e00-\u9fff]\s*){2,3}?))"
                            r"(?:同志)?(?:牵头|主抓|负责|分管|领衔|领办)")
# 日常协调工作由于某某同志负责 -> name=于某某 (由 then a name, the word 由于 hiding a surname)
COMRADE_IN_CHARGE = re.compile(r"由(?P<name>[\u4e00-\u9fff]{2,3})同志(?:具体)?(?:负责|牵头|分管|主抓)")
# 金华开发区、某某新区管委会都是配合单位 -> units, role (units a sentence declares lead or partner)
DECLARED_UNITS = Gated(re.compile(r"(?:^|(?<=[，,。；;和及]))(?P<units>[^，,。；;：:]{2,80}?)(?:都|均|也)?(?:是|为|作为)"
                                  r"(?P<role>配合|牵头|责任|协办)单位"), "单")

# ---- metadata read by people's metadata.py (what the document is, when it was issued) ---------------

# 更新时间:2018-12-17 / 发表时间：… / 时间:2031年05月09日 (not 完成时间:) / 发文日期 | 2022-11-03 | -> the page's date
PAGE_DATE = Gated(re.compile(r"(?:(?:发布|更新|发表|发文|成文|印发)(?:时间|日期)|(?<![\u4e00-\u9fff])时间)\s*(?:[:：]|[|｜\t])\s*(?P<date>.{6,24})"), "时日", "间期")
# 2025- 05- 20 / 2025年 5月 20日 -> the spaces a paste put inside a date
DATE_SPACES = re.compile(r"(?<=[\d年月\-/.])\s+(?=\d)")
# 2020-01-22 16:06  市民生办 [字号: ] 打印 / 2018-12-17 10:30:42 字号: -> a page's date and time opening a head line
LINE_DATETIME = re.compile(r"^\s*(?P<date>(?:19|20)\d{2}-\d{1,2}-\d{1,2})\s+\d{1,2}:\d{2}")
# 2031/10/12 alone under a title / 2031-10-12 来源：县政府办 -> a page's date opening a head line
HEAD_ISO_DATE = re.compile(r"^\s*(?P<date>(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2})"
                           r"(?=\s*$|\s*(?:来源|信息来源|作者|编辑|发布|浏览|点击|字号|阅读))")
# 20311011 (a 落款 whose 年 月 日 were lost, alone on its line) -> y m d
DATE_DIGITS = re.compile(r"(?P<y>(?:19|20)\d{2})(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])")
# 某某网12月31日讯 / 2月11日，记者从… -> m, d: a news dateline (its year stated elsewhere in the text)
DATELINE = re.compile(r"^\s*\S{0,16}?(?<!\d)(?P<m>1[0-2]|[1-9])\s*月\s*(?P<d>[1-3]?\d)\s*日\s*(?:电|讯|消息|[，,]?\s*记者)")
# 某市人民政府督查室                    2018年10月12日 -> who, date: an issuer and its date on one head line
ISSUER_DATE_LINE = re.compile(r"^\s*(?P<who>[\u4e00-\u9fff]{2,30})\s{2,}(?P<date>(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*$")
# 2026年10月12日印发 -> the word after the date of a 版记 line (the date alone is the line's); asked of every
# line of a document, and opening with a look-behind (tried at every character): run only on a line with 发
PRINTED_TAIL = Gated(re.compile(r"(?<=日)(?:印发|发布|签发)$"), "发")
# 2013—2017年 / 2016-2020年 -> a range of years a project spans (never the document's year)
YEAR_RANGE = re.compile(r"(?:19|20)\d{2}\s*(?:年)?\s*[-—–~至到]\s*(?:19|20)\d{2}\s*年")
# 督查通报〔2024〕第9期 / 关于对…实行挂牌督办的通知 -> a supervision document by its title
SUPERVISION_TITLE = re.compile(r"督办|督查方案|挂牌")
# 十件民生实事列入市委、市政府重点督办事项 -> the document reports on items under supervision
SUPERVISED_ITEMS = re.compile(r"督办事项")
# the notice of an assessment, not the report of the work: 考核…情况的通报 (in the title), 第一名…第二名…第三名
# (units ranked at its head)
ASSESSMENT_TITLE = re.compile(r"考核[^，。]{0,16}通报|通报[^，。]{0,8}考核(?:结果|情况)")
RANK_PLACE = re.compile(r"第[一二三四五六七八九十]{1,2}名")
# …督查情况的通报 / 督查通报 / …的督查报告: the report of an inspection (in the title)
INSPECTION_TITLE = re.compile(r"督查(?:情况)?(?:的)?(?:通报|报告)")
# 督查室于9月中旬对…进行了专项督查。现将…通报如下 (at the head): the text is the inspection's own report (a plan's
# 督查室将…进行督查 promises one)
INSPECTION_OPENING = re.compile(r"督查(?:室|组)[^。]{0,60}?对[^。]{2,80}?(?:进行|开展)(?:了)?[^。]{0,6}督查[^。]{0,30}。\s*现将")
# …督办的通知 whose body 分解下达 the year's 目标任务 (no lagging projects named) -> a plan set under supervision
ASSIGNS_TASKS = re.compile(r"分解下达|任务分解|分解表")
LAGGING = re.compile(r"滞后|整改|挂牌|督查通报")
# 关于…落实情况的调查报告 -> a survey of what was done (a summary)
SURVEY = re.compile(r"调查报告")
# 关于…进度考核和信息报送情况的通报 / …的督查通报 -> a title reporting an assessment or an inspection
INSPECTION_TITLE = re.compile(r"(?:考核|督查|排名)[^。]{0,24}通报")
# 全部完成 / 圆满完成 / 满意答卷 / 通过一年的努力 / 截止2017年12月底 / 经考核验收 -> what was done in the year (a summary,
# in news without a formal title; a 完成情况的报告 stays a report of progress)
YEAR_END = re.compile(r"(?<!确保)(?<!力争)(?<!争取)(?:实事|民生工程|项目)(?:已|均)?(?:全部|全面)完成|圆满完成|均按时完成|满意答卷|"
                      r"一年的努力|一年来|年终|考核验收|"
                      r"截[至止]\s*(?:(?:19|20)\d{2}\s*年\s*)?12\s*月(?:底|末|31\s*日)")
# 将集中力量办好十件民生实事 / 公布了…任务分解表 / 研究确定了2025年十件民生实事 / 公布2025年十件民生实事 -> news
# about a plan (not 公布…实事完成情况)
NEWS_OF_PLAN = re.compile(r"将[^。，,；]{0,8}办好|公布了[^。]{0,20}分解表|"
                          r"(?:研究确定|确定|公布)了?\s*(?:(?:19|20)\d{2}年)?[^。，,；完进]{0,8}(?:民生实事|实事项目)"
                          r"(?![^。，,；]{0,8}(?:完成|进展|进度|情况|落实))")
# 某县2026年十件民生实事 / 2026年市政府为民办实事项目 / …重点民生实事项目清单: a title that is only the year's list
LIST_TITLE = re.compile(r"(?:19|20)\d{2}年[^，,。；]{0,16}?(?:[一二三四五六七八九十\d]+[件项大个]|重点|为民)?"
                        r"(?:民生实事|为民办实事|办实事|民生工程|惠民实事|实事)(?:项目)?(?:清单|名单|目录)?$")
# 目前已达93.5% / 已提高到96% / 现为97.2%: the level a share has reached (not a rate of a task: 完成…的80%)
# (目前覆盖率为86.5% / 现已达到91.2%: the measure may be named again between the time and the verb)
REACHED_SHARE = re.compile(r"(?:已达到?|已提高到|已提升到|已升至|已降至|已下降到|已控制在|"
                           r"(?:目前|现在?|实际)(?:[\u4e00-\u9fff]{0,6}?(?:率|比例|占比))?(?:为|达到?|提高到|提升到))\s*"
                           r"(?P<num>\d+(?:\.\d+)?)\s*%")
# 已达 / 目前覆盖率为 / 累计: the share after it is one reached, not one promised
REACHED_BEFORE_SHARE = re.compile(r"(?:已|目前|现在?|实际|累计|截[至止])[^，,；;。]*$")
# 入园率目标92% / 参保率年度目标为98%: a share named the goal (the plain share pattern has no place for 目标)
SHARE_GOAL = Gated(re.compile(r"(?:率|比例|占比)(?:年度|全年)?目标值?(?:为|是)?\s*(?P<num>\d+(?:\.\d+)?)\s*%"
                              r"(?P<after>以上|以内|以下|左右)?"), "%")
# 普及率达到 / 参保率目标 / 失业率控制在 / 项目完成投资: the verb a name ends in before its figure, no part of the name
# (gated on a character of its verbs: it opens with a look-behind, tried at every character of every name)
NAME_VERB_TAIL = Gated(re.compile(r"(?<=率)(?:年度|全年)?(?:目标(?:任务|值)?|达到|提高到|提升到|控制在|保持在?|稳定在|维持在|不低于)$"
                                  r"|(?<=[\u4e00-\u9fff]{2})[，,]?(?:已|累计|共)?完成(?:投资)?$"), "标到在持于成")     # 停车场项目完成投资
# 检查各 / 标准不低于 / 分别提高到 / 覆盖: a word that needs the figure after it, so a name may not end in it
# 20所|，其中小学12所… / 20所|、新增学位900个: what a name that runs past its task's figure goes on to
NAME_RUNS_ON = re.compile(r"[，,、；;]\s*(?:其中)?[^，,。；;]{0,12}\d")
NAME_BOUND_TAIL = re.compile(r"(?:各|均|有|共|分别|不低于|不少于|不超过|达到|提高到|提高至|提升到|控制在|为|是|约|近|超过|覆盖)$")
# （一）农村公路建设进度滞后。 / 农贸市场改造资金到位不足: a problem heading's verdict after the project's name
# (gated on the last character of its verdicts: it opens with a look-behind, tried at every character of every name)
NAME_PROBLEM_TAIL = Gated(re.compile(r"(?<=[\u4e00-\u9fff]{2})(?:(?:工作|项目)?(?:进度|进展|推进)?(?:严重|明显)?(?:滞后|缓慢|迟缓|较慢)|"
                                     r"资金(?:到位|拨付)?(?:不足|滞后|缓慢|不到位))$"), "后慢缓足位")
# …各项目进展顺利。 / …通报如下： -> the end of what stood before a name read from run-together text
# (gated on its marks: a search of .* from every character is quadratic in a name that holds none)
NAME_PREAMBLE = Gated(re.compile(r".*(?:[。；;！？]|如下[：:])\s*"), "。；;！？如")
# ● ◆ ▶ • ★ ✔ - * / 一是 / 其二，: the bullet or enumerator a list item opens with (a WeChat post, a slide, a
# speech), no part of its name
BULLET_LEAD = re.compile(r"^\s*(?:[●○■□◆◇▶►▸▪•·★☆✔✓➤➢→\-—*※]+|[一二三四五六七八九十]{1,2}是|其[一二三四五六七八九十]{1,2}[，,、：:]?)\s*")
# 6所 / 2800人 / 80公里: a count of work, which a list's title does not go on with
WORK_COUNT = re.compile(r"\d+(?:\.\d+)?万?(?:所|个|名|人|户|公里|千米|米|座|张|套|家|处|条|台|辆|亩|吨|平方米|间|床|例)")
# 进度表 / 进度安排 / 工期进度: a schedule, not progress
SCHEDULE = re.compile(r"进度(?:时间)?表|进度安排|工期进度")



# ---- programme ------------------------------------------------------------

# 牵头责任单位：区工信局、区民政局、… -> key, val
UNIT_LIST = re.compile(r"(?P<key>(?:牵头|主要|相关|配合|协办)?责任(?:主体)?单位|牵头单位|配合单位|协办单位)\s*[:：]\s*"
                       r"(?P<val>(?:[^。；;\s]|(?<=[、，,；])\s+){4,400})")     # a space ends it, but after a 、

# 由县委常委、常务副县长李  军任组长 -> title, name
GROUP_LEADER = re.compile(r"(?P<title>(?:常务)?副?(?:省|市|州|县|区|旗|盟)长|(?:省|市|州|县|区)委(?:常委|书记|副书记)|主任)"
                          r"(?P<name>(?:[\u4e00-\u9fff·]\s*){2,9}?)\s*(?:为|任|担任)(?:副)?(?:组长|总召集人|召集人|指挥长)")


# ---- progress ------------------------------------------------------------


# 16项具体任务中已完成7项: counts of tasks, not figures of progress
STATUS_COUNT = re.compile(r"^[^，,。]{0,5}中")

# ，16月全地区…: a damaged 1—6月 (no month 13–19) opens the count so far, like 1-6月
# ，截至6月底已检查1.18万人 / ，目前已完成620个 -> the count so far, after the task restated
SO_FAR = re.compile(r"[，,；]\s*(?:截至|截止|目前|实际|累计|已|上半年|前三季度|1-\d+月|1至\d+月|1[3-9]月|"
                    r"\d+(?:\.\d+)?\s*万?[^\d，,。；%]{0,3}已|"
                    r"(?:完成|实现|完工|竣工|建成|开工)(?=\d)(?!\d+(?:\.\d+)?\s*%))")

# SO_FAR without its look-ahead past the digit: a text where this finds nothing has no SO_FAR match anywhere, nor in
# any window of it (a window cut before the % could let SO_FAR's (?!…%) pass; every other piece reads no further than
# its own characters), so the readers that ask SO_FAR of a window need not find the text's figures first
SO_FAR_ANYWHERE = re.compile(r"[，,；]\s*(?:截至|截止|目前|实际|累计|已|上半年|前三季度|1-\d+月|1至\d+月|1[3-9]月|"
                             r"\d+(?:\.\d+)?\s*万?[^\d，,。；%]{0,3}已|(?:完成|实现|完工|竣工|建成|开工)\d)")

# DONE_IN_FULL without its anchors and its look-ahead: a text where this finds nothing has no DONE_IN_FULL match in any
# slice of it (a slice moves ^ and $ and can hide what (?![的\d]) looks at)
DONE_IN_FULL_ANYWHERE = re.compile(r"(?:全部|全面)[\u4e00-\u9fff]{0,4}?(?:完成|建成|完工|竣工|入住|到位|发放|惠及|覆盖)"
                                   r"|[，,]\s*(?:已经?|均已)(?:全部)?完成|(?:已经?|均已)完成(?:了)?(?:年度|全年)(?:目标)?任务")
# ，已全部建成 / 全面完成 / 已全部搬迁入住 -> the task done in full
DONE_IN_FULL = re.compile(r"(?:全部|全面)[\u4e00-\u9fff]{0,4}?(?:完成|建成|完工|竣工|入住|到位|发放|惠及|覆盖)"
                          r"|^[，,]\s*(?:已经?|均已)(?:全部)?完成\s*$"
                          r"|(?:已经?|均已)完成(?:了)?(?:年度|全年)(?:目标)?任务(?![的\d])")

# …，已完成年度任务 (the segment's end): 完成 right before the 年度任务 it names
DONE_BEFORE_TASK = re.compile(r"完成(?:了)?(?:全年)?$")
# 已完成全年任务，|分别为城区420张: a clause listing the parts of the clause before it
PARTS_OPENING = re.compile(r"(?:其中|分别(?:为|是))(?=[\u4e00-\u9fff]{0,6}\d)")
# 其中甲地块保障房(420套)目前完成工程量的80% / ；乙地块(380套)完成进度85%: a part of the task, its own size and rate
PART_WITH_RATE = Gated(re.compile(r"(?:其中|；|;|，|,|。)\s*(?:其中)?\s*(?:[:：①-⑳]\s*)?(?P<name>[^，,。；;：:（()）]{2,30}?)\s*"
                                  r"[（(](?P<size>\d+(?:\.\d+)?\s*(?:万)?[\u4e00-\u9fff]{1,2})[）)]\s*(?:已|目前|现已)?"
                                  r"(?:完成|完工)(?:了)?(?:总|全部|整体)?(?:工程量|工程|投资|进度|形象进度)?(?:的|为|达)?\s*"
                                  r"(?P<rate>\d+(?:\.\d+)?)\s*%"), "%")
# 、农贸市场改造（完成率30%） -> a project named with its rate in brackets, in a list of them
BRACKETED_RATE = re.compile(r"(?:^|(?<=[：:、，,；;]))\s*(?P<name>[^：:、，,；;（()）\d]{2,24})[（(]\s*(?:完成率|完成进度|进度|完成)?"
                            r"\s*(?:为|达|达到)?\s*(?P<rate>\d+(?:\.\d+)?)\s*%\s*[）)]")
# 进度滞后的项目有 / 推进缓慢 -> the projects listed after it are behind
LAGGING_WORD = re.compile(r"滞后|缓慢|迟缓|较慢|落后")
# 改造老旧小区30个，其中 -> a count, then the places it is split among
PLACE_SPLIT = re.compile(r"(?P<total>\d+(?:\.\d+)?)(?P<unit>个|所|户|条|座|处|家|张|套|公里)[，,]\s*其中")
# 城东区12个 / 、平安镇8个 -> a place and its part
PLACE_PART = re.compile(r"(?:^|[、，,和及]|(?<=其中))\s*(?P<place>[\u4e00-\u9fff]{2,8}?)(?P<n>\d+(?:\.\d+)?)"
                        r"(?P<unit>个|所|户|条|座|处|家|张|套|公里)")
# 平安镇 / 城关街道 / 高新区管委会 -> a place below the county, or a zone counted as one
PLACE_END = re.compile(r"(?:街道|镇|乡|新区|开发区|高新区|园区|管委会)$")
# 一、教育提升 / （二）就业社保类 -> a heading naming a field of the items below it (no figure, no sentence)
CATEGORY_HEADING = re.compile(r"(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[）)])\s*"
                              r"(?P<name>[^，,。；;：:\d]{2,16}?)(?:[（(][^）)]*[）)])?[。]?")
# 农贸市场改造（完成率 -> a bracket a name opens and never closes: what it held was read as a figure
OPEN_BRACKET_TAIL = Gated(re.compile(r"\s*[（(][^（()）]*$"), "（(")
# 已超额完成全年目标任务 -> the whole task done (what follows may list its parts)
TASK_DONE_CLAUSE = re.compile(r"完成了?(?:全年|年度)?(?:目标)?任务|完成了?(?:全年|年度)目标")
# 已完成年度目标|，其中农村低保达到310元以上: what the task done in full is made of, no task of its own
DONE_BREAKDOWN = re.compile(r"(?:任务)?\s*[，,；;。]?\s*(?:其中|分别|具体)")
# 完成全年目标|任务: the 任务 left after a 全年目标 that TARGET_SENT took
TASK_WORD_REST = re.compile(r"^任务")
# 64户正在施工 / 剩下任务列入6月开工计划: not done
NOT_DONE = re.compile(r"正在|正|在建|施工中|计划|拟|将|待|尚未|未|共建设|分解|均在|开展前期|列入|剩下|剩余|其余|预计|目标|任务数|下达")

# 全州已筛查6923人 / 完工32处: done
DONE_WORD = re.compile(r"完成|建成|完工|竣工|开工|已|累计|达到|达(?=\d|$)|受理|筛查|检查|增加|新增|实施|开展|培训|就业|投入使用|发放|救助|改造|签约|覆盖|办理|新建")

# 吉首市完成年任务243% -> r=吉首市
REGION_HEAD = re.compile(r"^(?P<r>[\u4e00-\u9fff]{1,6}?(?:市|县|区|州|旗|街道|镇|乡))(?:公安局|[^\u4e00-\u9fff]|完成|已|共|建成|实现|均)")

# 观音桥街道完成年任务68.4% / 南山街道年度任务8个 / 南山街道排名靠后 -> r=观音桥街道, 南山街道
SUBCOUNTY = re.compile(r"(?<![各全有相其])(?P<r>[\u4e00-\u9fff]{2,5}(?:街道|镇|乡))(?=完成|已|均|、|，|进度|累计|年度|任务|排名)")
# 街道完成 / 镇、 / 乡进度: the end of every SUBCOUNTY match and what stands after it (opening with a literal, found in C;
# a line without one holds no SUBCOUNTY place, whose own search opens with a look-behind tried at every character)
SUBCOUNTY_END = re.compile(r"(?:街道|镇|乡)(?=完成|已|均|、|，|进度|累计|年度|任务|排名)")


# ---- sheets ------------------------------------------------------------

# 得票数 / 票数: a table of candidates voted on (征集, 票决), not of projects
VOTE_HEADER = re.compile(r"得票|票数")
# 票决结果的公示 / 票决确定的… -> a ballot's result (the projects chosen); 候选 -> the candidates before it
BALLOT_RESULT = re.compile(r"票决(?:结果|确定|产生|通过)|(?:当选|确定)(?:的)?(?:民生实事|实事)")
CANDIDATE_WORD = re.compile(r"候选|征集|初选")
NOT_CHOSEN = re.compile(r"未当选|未通过|落选|未入选")

# 全市 / 合计 / 全市合计: the total row of a summary table
TOTAL = re.compile(r"^(?:全(?:市|州|县|区|省|盟|旗)(?:合计|总计|小计)?|合计|总计|小计)$")
# 就业任务（人） / 累计完成 / 完成比例 -> the role word of a summary table's column; what comes before it
# names the project group (就业)
COLUMN_ROLE_WORD = re.compile(r"(?:年度|全年)?(?:目标)?任务|(?:年度|全年)?目标|计划|(?:累计|实际|已)?完成|进度|比例")

# 城镇新增就业（人） -> u=人
UNIT_IN = re.compile(r"[（(](?P<u>[^）)]{1,6})[）)]")

# 黔东南州2022年农村户厕改造民生实事进展情况汇总表 -> 农村户厕改造
TITLE_NOISE = re.compile(r"^.*?(?:19|20)\d{2}\s*年(?:度)?|(?:重点)?(?:民生实事|为民办实事|民生工程)|(?:的)?(?:进展|完成|推进|落实)"
                         r"情况|(?:汇总|统计|一览|情况)?表$|[（(].*?[）)]|项目|分县")


# ---- summaries ------------------------------------------------------------

# 共18件24个考核指标 -> n=24 unit=考核指标
STATUS_TOTAL = re.compile(r"共\s*(?:\d+\s*件\s*)?(?P<n>\d+)\s*[个项](?P<unit>(?:具体|考核)?指标|项目|任务)")

# 工作有序推进的有9个 -> what, n=9
STATUS_PART = re.compile(r"(?P<what>[^，,。；：:]{2,20}?)的(?:有|是)?\s*(?P<n>\d+)\s*(?:个|项|件)")

# 工作进度相对滞后的是：A、B共7个指标 -> what, list, n=7
LIST_PART = re.compile(r"(?P<what>[^，,。；]{2,20}?)的(?:是|有)[：:](?P<list>.+?)共\s*(?P<n>\d+)\s*(?:个|项|件)(?P<unit>指标|项目|任务|实事)?")

# 完成率超过时序进度的县（市）共10个 / 完成率低于60%的乡镇有3个 -> cmp, ref, what, n
THRESHOLD_COUNT = re.compile(r"完成率(?P<cmp>超过|高于|达到|不低于|低于|未达到)(?P<ref>时序进度|序时进度|时间进度|\d+(?:\.\d+)?\s*%)(?:的)?"
                             r"(?P<what>[\u4e00-\u9fff（）()]{1,8}?)(?:共|有|共有)\s*(?P<n>\d+|[一二三四五六七八九十]+)\s*个")
# 1—8月时序进度为66.7% -> rate=66.7 (the share of the year gone by)
TIME_PROGRESS = re.compile(r"(?:时序|序时|时间)进度(?:为|是|达到|达)?\s*(?P<rate>\d+(?:\.\d+)?)\s*%")

# 52项具体任务中，已完成… / 十件民生实事中已完成3件 -> n=52 unit=项: a total the clauses after it split by status
# (the count opens with its first character's class, each alternative going on from it: the engine skips to the next
# numeral instead of trying the alternatives at every character; the same matches as (?P<n>\d+|[一…十]+))
TALLY_TOTAL = Gated(re.compile(r"(?P<n>[\d一二三四五六七八九十](?:(?<=\d)\d*|(?<=[一二三四五六七八九十])[一二三四五六七八九十]*))"
                               r"\s*(?P<unit>[件项个])[^，,。；;：:\d%]{0,12}?中(?:有)?[，,：:]?"), "中", "件项个")
# 超序时进度推进的28项 / 其余9项正在按计划推进 / 8件达到进度要求 -> rest, n (one part of a tally)
TALLY_PART = re.compile(r"(?P<rest>其余|剩余)?(?P<n>\d+|[一二三四五六七八九十]+)\s*(?P<unit>[件项个])")
# 已完成 / 序时推进 / 进度滞后 / 基本达到序时进度 / 未开工: a clause that states a status
TALLY_STATUS = re.compile(r"完成|推进|滞后|进度|开工|竣工|缓慢|取消|启动")

# 其余6件均按目标进度要求 -> rest=其余 n=6 unit=件
PART = re.compile(r"(?:(?P<rest>其余|剩余|其他)\s*)?(?P<n>\d+)\s*(?P<unit>件|项|个)(?P<tail>[^，,。；]{0,16})")

# （一）吉首市省定重点民生实事… -> s=吉首市
SUBJECT = re.compile(r"^[（(]?[一二三四五六七八九十\d]{0,3}[）)、.]?\s*(?P<s>[\u4e00-\u9fff]{2,8}?(?:市|县|区|州|旗|镇|乡))")

# 提质改造26公里开工建设城镇老旧小区 -> cut after 26公里
REST_ITEMS = re.compile(r"([\d.]+(?:公里|个|户|件|人次|人|所|张|万元|元))(?=(?:开工|建设|实施|改|新建|增加|完成|办理|康复|推进))")

# 交办事项 / 年度任务 / 当前进展 / 责任领导 / 责任单位 / 完成时限: the label cell of a form table (交办单, 督办单),
# its group the role of the value beside it; 反馈要求 / 交办日期 / 联系人 are known and left out
FORM_LABEL = re.compile(r"(?P<name>(?:交办|督办|督查|重点)?事项(?:名称)?|项目(?:名称)?|实事(?:名称|项目)?|任务名称|"
                        r"(?:交办|督办|督查|整改)?事项[一二三四五六七八九十\d]{1,3}|(?:项目|实事)[一二三四五六七八九十\d]{1,3})|"
                        r"(?P<target>年度任务|目标任务|年度目标|任务目标|工作目标|建设内容|建设规模|主要任务|督办内容|交办内容|工作任务|任务)|"
                        r"(?P<progress>当前进展|进展情况|工作进展|推进情况|完成情况|目前进展|进度情况)|"
                        r"(?P<leader>(?:责任|分管|牵头|包保|包联|联系|督办)(?:市|县|区|州|省)?领导|(?:市|县|区|州|省)级领导|"
                        r"(?:项目|主要)?责任人)|"
                        r"(?P<partner>配合单位|协办单位|协助单位|配合部门|参与单位)|"
                        r"(?P<lead_unit>责任单位|牵头单位|责任部门|牵头部门|主办单位|承办单位|主责单位)|"
                        r"(?P<deadline>完成时限|完成时间|办结时限|督办时限|办理时限|时间节点|完成期限)|"
                        r"(?P<skip>反馈要求|反馈时间|交办日期|督办日期|联系人|联系电话|备注|编号|交办单位|督办单位|"
                        r"整改要求|整改措施|整改时限|存在问题|问题表现)")
# 责任领导：副区长　韩  磊 / 牵头单位：区水务局　　配合单位：区财政局 -> a form's field written as a line
# (label, then its value up to a wide gap and the next label)
FORM_LINE_FIELD = re.compile(r"(?:^|[ \t\u3000]{2,}|[，,；;]\s*(?=[\u4e00-\u9fff]{2,4}(?:单位|部门|领导|时限)\s*[:：]))"
                             r"(?P<label>[\u4e00-\u9fff\d]{2,8})\s*[:：]\s*"
                             r"(?P<value>.*?)(?=[ \t\u3000]{2,}[\u4e00-\u9fff]{2,8}\s*[:：]|"
                             r"[，,；;]\s*[\u4e00-\u9fff]{2,4}(?:单位|部门|领导|时限)\s*[:：]|\s*$)")

# 各项目进展按“年度目标／累计完成／完成率”列示 -> the defining sentence of slash triplets (three labels)
TRIPLET_HEADER = re.compile(r"[\u4e00-\u9fff]{2,6}/[\u4e00-\u9fff]{2,6}/[\u4e00-\u9fff]{2,6}")
# 1.城镇新增就业（州人社局）：4500人/4212人/93.6% -> body (an item line whose body is a slash triplet)
TRIPLET_LINE = re.compile(r"^\s*(?:\d{1,2}\s*[.、]|[（(][一二三四五六七八九十\d]{1,3}[）)])?[^：:/]{2,40}(?P<colon>[：:])\s*(?P<body>[^/]+/[^/]+/[^/]+)$")
# the slash between a triplet's parts, not one inside a unit (元/人/年)
TRIPLET_SLASH = re.compile(r"/(?![人户月年天日次亩])")
# ✔ 新增学位 5400个 ▶ 已完成 4860个 ▶ 完成率 90% -> name, target, rest (an infographic's indicator line)
SYMBOL_LINE = re.compile(r"^\s*(?P<sym>[✔✓√☑●■◆★])\s*(?P<name>[^\d▶►➤▸→]{2,40}?)\s+(?P<target>\d[^▶►➤▸→]*?)\s*"
                         r"(?P<rest>[▶►➤▸→].*)$")
# ▶ 已完工 25个 ▶ 完工率 78.1% (steps alone on a line, continuing the indicator above)
SYMBOL_STEPS_ONLY = re.compile(r"^\s*(?P<rest>[▶►➤▸→].*)$")
# ▶ 已完成 4860个 / ▶ 完成率 90% / ▶ 提前完成 ✔ -> word, fig
SYMBOL_STEP = re.compile(r"[▶►➤▸→]\s*(?P<word>[^\d▶►➤▸→✔✓√]*?)\s*(?P<fig>\d[^▶►➤▸→]*?)?\s*[✔✓√]?\s*(?=[▶►➤▸→]|$)")

# 已完工38个 / 已建成17个 / 2个完工 / 已受益2.05万人 -> finished work, in a 形象进度 cell
FINISHED = re.compile(r"已|完工|建成|竣工|完成|受益")
# 在建18个 / 3所主体完工 / 开工 -> work under way or a stage, not finished
UNDER_WAY = re.compile(r"在建|主体|开工|施工|装修|前期|招标|未")
# 建成623张，完成率124.6% -> rate (a completion rate written inside a 完成情况 cell)
CELL_RATE = re.compile(r"完成(?:率|比例|年度任务的?|年任务的?)?\s*(?:为|达|达到)?\s*(?P<rate>\d+(?:\.\d+)?)\s*%")
# 排名 | 责任单位 | 得分 | 扣分原因 -> a score ranking of units
RANKING_HEADER = re.compile(r"^(?:排名|名次|位次|得分|考核得分|总分)$")
# 中共腾冲市和顺镇委员会 / 腾冲市和顺镇人民政府 / 观音桥街道办事处 -> county (may be absent), town: a township issuing
TOWNSHIP_ISSUER = re.compile(r"(?:中共)?(?P<county>[\u4e00-\u9fff]{1,8}?(?:市|县|区|旗))?(?![各全该本])"
                             r"(?P<town>(?:(?![市县区旗])[\u4e00-\u9fff]){1,5}(?:镇|乡|街道))"
                             r"(?:人民政府|委员会|党委|办事处|党工委|工作委员会)")
# 统计时段：… 填报单位：… 填报日期：… -> the header line of a 填报 form (a 月报, a 进度表 sent up)
FILLING_FORM = re.compile(r"填报单位\s*[:：]")


# ---- small patterns of the readers' inner loops, compiled once (re.search(r"…") looks its pattern up on every call)

# 一、教育 / 三. -> a line that opens with a Chinese item number
CN_ITEM_NUMBER = re.compile(r"^\s*[一二三四五六七八九十]+[、.]")
# （一） / (二) -> a Chinese item number in brackets, opening a line
PAREN_CN_NUMBER = re.compile(r"^\s*[（(][一二三四五六七八九十]+[）)]")
# 学前教育（市教育局） -> the bracketed part, the shortest
BRACKETED_LAZY = re.compile(r"[（(].*?[）)]")
# 责任单位：… / 牵头部门: -> a body that opens with a field of units or leaders
UNIT_FIELD_OPENING = Gated(re.compile(r"[^。，：:]{0,4}(?:单位|部门|领导)\s*[:：]"), COLON)
# 。 ； ; -> the ends of a sentence a reader splits a paragraph at
SENTENCE_SPLIT = re.compile(r"[；;。]")
# …；②… : the sentences of a paragraph, and the projects numbered ① to ⑳ inside one
SEGMENT_SPLIT = re.compile(r"[；;。]|(?=[①-⑳])")
# ① … ⑳: a text without one is cut by SEGMENT_SPLIT where SENTENCE_SPLIT cuts it (SEGMENT_SPLIT's look-ahead is tried at
# every character; SENTENCE_SPLIT's class the engine skips to)
CIRCLED = re.compile(r"[①-⑳]")
# 完成4200人/5000人 / 已完成980/1200户 / 完成情况：240张/300张 -> the count done, over the task, in one unit
DONE_OVER_TASK = Gated(re.compile(r"(?:已|累计)?完成(?:情况)?[:：]?\s*(?P<done>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*"
                                  r"(?P<unit1>[^\d/，,。；;\s]{0,3}?)\s*/\s*"
                                  r"(?P<task>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*(?P<unit>[^\d/，,。；;\s%]{1,3})"), "/")
# …完成率89. / 7%。 · …改造26 / 00户: a line that ends inside a figure and the line that carries it on
CUT_FIGURE_END = re.compile(r"(?<![\d.])\d+\.?$|\d\.$")
CUT_FIGURE_START = re.compile(r"\d|%")
# 全部开工，… / 均已建成: a sentence that opens with what is done (after a task sentence; SO_FAR holds the others)
REPORT_OPENING = re.compile(r"\s*(?:全部|均已|均)(?:开工|完工|建成|完成|竣工)")
# 为 / 对全市 / 给辖区: the words before a figure of the people a task serves (为全市1.2万名老人体检): no name
BENEFICIARY_LEAD = re.compile(r"[为对向给](?:全[省市县区州旗]|辖区|城乡|本[省市县区])?")
# 就业方面 / 民生保障领域 / 教育类: a heading that names a field of several projects
FIELD_HEADING_END = re.compile(r"(?:方面|领域|类)$")
# 其中： / 另外， -> a word that opens a segment and is no part of it
SEGMENT_LEAD = re.compile(r"^\s*(?:其中|另外|此外)[:：，,]?")
# 一是 / 截至9月底，二是 -> a segment of a list counted in words: each its own project, the count no part of its name
ENUMERATED_LEAD = Gated(re.compile(r"^\s*(?:[^，,。；;\d]{0,4}\d{0,2}[^，,。；;\d]{0,6}[，,]\s*)?[一二三四五六七八九十]{1,2}是[:：，,]?\s*"), "是")
# 在教育方面， / 教育提升方面， -> the field a segment opens with
IN_FIELD_LEAD = re.compile(r"^\s*在?[^，,]{1,12}方面[，,]\s*")
# 全年 / 今年全县 / 年内: when and where, before a 计划 that opens a clause (全年计划新增城镇就业2800人): no name
PLAN_SCOPE = re.compile(r"(?:今年|全年|年内|本年度?|年初|[全我本][省市县区州旗]|全[省市县区州旗]?[上下]?)*")
# 共12项 -> a count of items
TOTAL_ITEMS = re.compile(r"共\s*\d+\s*[项件]")
# 新增就业的 / …为 -> the word a name ends with before its figure
NAME_TAIL_DE = re.compile(r"(?:的|为)$")
# 养老金最低标准由每人每月100元 -> the old level at a name's end
OLD_LEVEL_TAIL = re.compile(r"(?<=..)由[^，,]*$")
# 实事 / 项目 / 指标 -> what a declared count counts
DECLARED_SUBJECT = re.compile(r"实事|民生工程|项目|任务|指标")
# 共 / 全市 / 确定 / 的12个 -> a word a declared count stands by
DECLARED_WORD = re.compile(r"共|全区|全市|全县|全州|全省|确定|办理|办好|的\d+个")
# 全县承办…8项10件 -> n=10
PIECES_UNDERTAKEN = re.compile(r"(?:承办|确定|安排|实施|办理)[^，,。]{0,20}?(?:\d+\s*个方面\s*)?(?:\d+\s*项\s*)?(?P<n>\d+)\s*件")
# 省列民生实事 -> the level that listed them
LISTED_LEVEL = re.compile(r"([省市县区州]列[\u4e00-\u9fff]{0,10}实事)")
# 陆明、俞悦 / 陆明   俞悦 -> the separators of a cell of leaders
LEADER_SEPARATOR = re.compile(r"[、，,；;/\n]+|\s{3,}")
# 县住建局（牵头） -> a bracketed part with no bracket inside
BRACKETED = re.compile(r"[（(][^（）()]*[）)]")
# 市民政局 伍某某 -> the spaces between words
SPACES = re.compile(r"\s+")
# 市水务局（农村饮水安全） -> org=市水务局 task=农村饮水安全
ORG_WITH_TASK = re.compile(r"(?P<org>.+?)[（(](?P<task>[^（）()]{4,})[）)]")
# ， , ； ; -> the ends of a clause a reader splits at
CLAUSE_SPLIT = re.compile(r"[，,；;]")
# 县热力公司负责 -> the role written after a unit
ROLE_AFTER = re.compile(r"(?:牵头|负责|配合|协办|协助|参与)(?:实施)?$")
# 年度任务分别为 -> the word right before a task's figure
TASK_WORD_BEFORE = re.compile(r"(?:任务|目标|计划)(?:分别)?(?:为|是|数)?\s*$")
# 已 / 达到 / 均 -> a bound figure reached, not promised
REACHED_WORD = re.compile(r"已|达到|均")
# 完成率均为 -> 完成率
MEASURE_TAIL = re.compile(r"均?(?:了|的|为|达到|达|数)?$")
# 完成全年任务 / 占年度目标 -> the measure 完成年任务
YEAR_TASK_MEASURE = re.compile(r"^完成(?:了)?(?:全年|年度|年)?(?:任务|目标|计划)$|^占(?:全年|年度|年)?(?:目标任务|任务|目标)$")
# 已开工 / 累计建成 -> the figure after is a count done so far
DONE_SO_FAR_BEFORE = re.compile(r"(?:已|累计)[\u4e00-\u9fff]{0,4}$")
# 开工45个，完工21个 / 实际开工18所: a count done of a stage (so not the task a later count restates)
STAGE_DONE_BEFORE = re.compile(r"(?:已|累计|实际|开工|完工|竣工)[\u4e00-\u9fff]{0,4}$")
# 已拨付 / 到位 -> money paid out
PAID_WORD = re.compile(r"拨付|到位|下达")
# 1所，已全部建成 -> done, said after the figure
# (not a stage: 3个主体工程已完工 / 已完成主体施工)
DONE_AFTER = re.compile(r"^(?![^，,]{0,6}主体)[^，,]{0,6}?(?:已|全部|全面)+(?:完成|建成|竣工|完工|投入使用|投用|交付)(?!主体)"
                        r"|^全部投入使用|^建成投入使用")
# 正在 / 尚未 / 未 -> not done yet
UNDERWAY_WORD = re.compile(r"正在|尚未|未")
# 已全部完成 / 完成 -> done, said before the figure
DONE_BEFORE = re.compile(r"已(?:全部|全面)?(?:完成|建成)|完成")
# 30所，完成 -> done, right after the figure
DONE_NEXT = re.compile(r"^[，,]?\s*完成")
# 3 -> a digit
DIGIT = re.compile(r"\d")
# 宫颈癌和乳腺癌 -> the words that join the things of a list
AND_WORD = re.compile(r"和|、|及|与")
# 均完成61.2% -> a rate every place listed before it reached
ALL_REACHED_BEFORE = re.compile(r"均(?:完成|达到|为)?\S{0,4}$")
# 完成率均为66.7% -> 均 right before a rate, or (ALL_AFTER) right after its figure
ALL_BEFORE = re.compile(r"均\S{0,2}$")
ALL_AFTER = re.compile(r"[^\d，,]{0,5}均")
# 其中 -> the parts of the figure before it follow
AMONG_THEM = re.compile(r"其中")
# 1.5万 -> 1.5 and 万: the number a cell opens with
LEADING_NUMBER = re.compile(r"^(\d+(?:\.\d+)?)(万)?")
# 吉首市 / 县本级 -> a cell naming a region of a sheet
REGION_CELL = re.compile(r"[\u4e00-\u9fff]{1,8}(?:县|市|区|旗|州)|[市县区州]本级")
# （；） -> brackets left empty once their fields are read
EMPTY_BRACKETS = re.compile(r"[（(]\s*[；;]*\s*[）)]")
# 完成率56.3% -> the verb of a rate reached, right before it
REACHED_VERB = re.compile(r"(?:完成|完工|开工|拨付|执行)$")
# 达到 / 不低于 / 控制 -> a share promised
PROMISE_WORD = re.compile(r"达到|不低于|提高|保持|控制")
# 市林水局（水利） -> the bracket a name ends with
BRACKET_AT_END = re.compile(r"[（(][^）)]*[）)]$")
# “城乡环境整治” -> the quotation marks in a name
QUOTE_MARKS = re.compile(r"[“”‘’\"']")


# ---- words a pattern cannot match without --------------------------------------------------------

# words every match of a pattern holds (one of them at least): without one, the pattern is not run
# (a pattern that opens with a literal, such as PER_MONTH's 每, needs none: the regex engine skips ahead to it)
REQUIRED: dict[re.Pattern[str] | Gated, tuple[str, ...]] = {
    POPULATION: ("人口", "农民", "牧民", "居民", "村民", "群众"),      # 农牧民 and 农民工 hold 牧民 and 农民
    UNIT_LIST: ("单位",),
    GROUP_LEADER: ("组长", "召集人", "指挥长"),
    ACTING_LEADER: ("由",),
    PERIOD: ("月",),
    PERIOD_DAMAGED: ("月",),
}


_REQUIRED_BY_ID = {id(pattern): words for pattern, words in REQUIRED.items()}   # a Pattern hashes its code: ~1 µs


def may_match(pattern: re.Pattern[str] | Gated, text: str) -> bool:
    """False when `text` lacks every word the pattern's matches hold (REQUIRED): searching is pointless."""
    words = _REQUIRED_BY_ID.get(id(pattern))
    if words is None:
        return True
    for word in words:
        if word in text:
            return True
    return False


# ---- plain progress lines (items.py's sentence and item readers) ----------------------------------

# 确保年底前全面完成 / 力争…全部建成: a promise after a task, not its count done
PROMISED = re.compile(r"确保|力争|争取|计划|预计|将|[月年]底前|年内")
# ，完成年度任务的55% / ，为目标任务的108% / ，占年度计划的60%: a share of the task right after a count
RATE_AFTER_COUNT = re.compile(r"\s*[，,]\s*(?:完成|为|占)(?:了)?(?:全年|年度|年)?(?:目标|计划)?(?:任务)?(?:数)?的?\s*"
                              r"(?P<rate>\d+(?:\.\d+)?)\s*%")
# RATE_AFTER_COUNT from its comma: a text where this finds nothing has no RATE_AFTER_COUNT match at any offset
RATE_AFTER_COUNT_ANYWHERE = re.compile(RATE_AFTER_COUNT.pattern.removeprefix(r"\s*"))
# ，正在装修 / ，目前正在施工 / ，已开工建设 (no figure): the work goes on
UNDER_WAY_AFTER = re.compile(r"\s*[，,]\s*(?:目前|现)?(?:正在|正抓紧|已进场|已开工建设|有序推进|加快推进|进度滞后|推进缓慢|"
                             r"(?:仍|还|尚)(?:在|处于))"
                             r"(?![^，,。；]*\d)")
# UNDER_WAY_AFTER from its comma: a text where this finds nothing has no UNDER_WAY_AFTER match at any offset
UNDER_WAY_ANYWHERE = re.compile(UNDER_WAY_AFTER.pattern.removeprefix(r"\s*"))
# 城镇新增就业：目标… / 教育方面：… -> name (a label before a colon, not a clock's 9:30)
COLON_LABEL = re.compile(r"^\s*(?P<name>[^，,。；;:：\d]{1,20}?)\s*[:：](?!\d)")
# what a label's colon may run on to as one name's task: 目标…, 全年计划…, a figure
LABEL_CONTINUES = re.compile(r"\s*(?:全年|年度|今年)?(?:目标|任务|计划)|\s*\d")
# 。已全部开课 / ，目前已全面完工: the progress part says the whole task is done
WHOLE_DONE = re.compile(r"[，,。；;]?\s*(?:目前|现已|截至[^，,。]{1,8}[，,]?)?\s*(?:已经|已|均已)?(?:全部|全面)[\u4e00-\u9fff]{0,3}?"
                        r"(?:完成|建成|完工|竣工|开课|开放|投用|投入使用|运营|到位)(?![^，,。；]{0,4}\d)"
                        r"|[，,。；;]?\s*(?:目前|现已)?\s*(?:已经?|均已)完成(?:了)?(?:年度|全年)(?:目标)?任务\s*[。；;]?$")
# 已 / 累计 / 截至 / 目前: words that report what is done (完成 and 建成 also name a task: 完成加装电梯100部)
LATER_SO_FAR = re.compile(r"已|目前|截[至止]|累计")
# 已建成620张 / 已新增2900个: a verb of the task's own work right before a count (not 已帮助3.5万名…实现再就业)
DONE_VERB_BEFORE = re.compile(r"(?:完成|建成|新增|实现|改造|开工|竣工|完工|建设|培训|发放|解决|救助|增加|筛查|检查)"
                              r"[\u4e00-\u9fff]{0,4}$")
COUNT_DONE_BEFORE = re.compile(r"已|累计|实际(?=[\u4e00-\u9fff]{0,2}(?:开工|完工|竣工|完成|建成))|开工|完工|竣工")
SO_FAR_BEFORE = re.compile(r"已|完成|实现|累计|建成|竣工|截至|截止")
# 截至目前，全市新增城镇就业… / 今年以来，… : the time and the whole area a sentence opens with are no part of the name
SENTENCE_NAME_LEAD = re.compile(r"^\s*(?:(?:截[至止]|到)[^，,]{1,10}[，,]\s*|(?:今年|年初|\d{1,2}月)以来[，,]?\s*|"
                                r"全(?:市|县|区|省|州|旗)(?=[\u4e00-\u9fff]{2}))+")
# ①城镇新增就业… -> the circled number a segment opens with
CIRCLED_OPENING = re.compile(r"\s*([①-⑳])\s*")
# 城乡居民养老保险（县人社局） -> the bracket a short title ends with
BRACKET_TAIL = re.compile(r"[（(][^（()）]*[）)]$")
# a digit or a clause mark: a short title holds neither
DIGIT_OR_CLAUSE_MARK = re.compile(r"\d|[，,：:]")
# 项目一 / 实事3 -> n: a label that is only an item's number
NUMBERED_LABEL = re.compile(r"(?:项目|实事|事项)(?P<n>[一二三四五六七八九十]{1,3}|\d{1,2})")
