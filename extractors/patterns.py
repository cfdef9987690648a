"""Every regular expression of the extractors, compiled once, each with an example.

Patterns run on normalised text (extractors.normalize): ASCII digits, simplified characters,
Chinese punctuation kept as written.
"""
from __future__ import annotations

import re
from functools import lru_cache

CN_DIGITS = "零〇一二两三四五六七八九十百千万亿"

# 1.1亿 / 2.3万 / 10265 / 1,200 / 一万二千 / 三千
NUMBER = r"(?P<num>\d+(?:,\d{3})*(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+(?:[万亿][零〇一二两三四五六七八九十百千]*)?)"
MULT = r"(?P<mult>千万|百万|万|亿)?"

# 每人每月60元 -> 60 元/人/月
PER_PERSON_MONTH = re.compile(r"每人每(?P<per>[月年])\s*(?P<op>不低于|不少于|不超过|不高于|达到|提高到|提高至)?\s*" + NUMBER + r"\s*" + MULT + r"元")
# 5.6万农村人口 / 12万农村牧区人口 -> 人
POPULATION = re.compile(NUMBER + r"\s*" + MULT + r"(?:农村|城镇|城乡|贫困|农村牧区|受益|常住|户籍)?人口")
# 每月60元 -> 60 元/月
PER_MONTH = re.compile(r"每(?P<per>[月年])\s*" + NUMBER + r"\s*" + MULT + r"元")

# 不低于3480元/年 -> op >=
OP_BEFORE = re.compile(r"(?P<op>不低于|不少于|不小于|至少|最低|不超过|不高于|不多于|控制在|力争达到|超过)[^，。；、\d]{0,6}$")
# 100张以上 -> op >=
OP_AFTER = re.compile(r"^\s*(?P<op>以上|及以上|以内|以下|及以下|左右)")

# 完成年任务44.63% -> measure=完成年任务 rate=44.63
RATE = re.compile(
    r"(?P<measure>完成(?:了)?(?:全年|年度|年|全年目标|年度目标|目标|计划)?任务(?:的)?|完成(?:了)?(?:年度|全年)?计划(?:的)?|"
    r"完成率(?:达到|达|为)?|占(?:年|全年|年度)?(?:任务|目标任务|计划)(?:数)?的?|占总投资(?:的)?|"
    r"形象进度(?:为|达到|达)?|启动率(?:为|达到|达)?|开工率(?:为|达到|达)?|拨付率(?:为|达到|达)?|"
    r"完工率(?:为|达到|达)?|到位率(?:为|达到|达)?|覆盖率(?:为|达到|达)?|签约率(?:为|达到|达)?|"
    r"时序进度(?:为)?|序时进度(?:为)?|超序时进度|完成(?=\d))\s*"
    r"(?P<rate>\d+(?:\.\d+)?)\s*%")
# 分别完成年任务130.36%、46.99%
RATE_LIST = re.compile(r"分别完成(?:年|全年|年度)?(?:任务)?(?:的)?\s*(?P<rates>\d+(?:\.\d+)?%(?:\s*[、和及]\s*\d+(?:\.\d+)?%)+)")
# 完成省下达任务5800人的106.9% / 为省下达任务5000人的105.2% / 完成年度计划3万人次的104%
RATE_OF_TARGET = re.compile(r"(?:完成|为|占|达)(?:了)?(?:省|市|县|区|州)?(?:下达|确定|年度|全年|年)?(?:的)?(?:目标)?(?:任务|计划|目标)(?:数)?"
                            r"(?P<target>\d+(?:\.\d+)?\s*(?:万|亿)?\s*[^\d，。；、%]{1,4}?)的\s*(?P<rate>\d+(?:\.\d+)?)\s*%")
PERCENT = re.compile(r"(?P<rate>\d+(?:\.\d+)?)\s*%")

# 益赫政办发〔2017〕29号 / 州办发电〔2021〕32 号 / 政发[2019]3号
DOC_NUMBER = re.compile(r"(?P<no>[\u4e00-\u9fff]{1,12}[〔\[【（(]\s*(?:19|20)\d{2}\s*[〕\]】）)]\s*\d{1,4}\s*号)")

# 2017年6月6日 / 2016-12-26 / 二〇一七年六月六日
DATE_CN = re.compile(r"(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日")
DATE_ISO = re.compile(r"(?P<y>(?:19|20)\d{2})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})")
DATE_HANZI = re.compile(r"(?P<y>[二〇零一二三四五六七八九]{4})年(?P<m>[一二三四五六七八九十]{1,2})月(?P<d>[一二三四五六七八九十]{1,3})日")
# 发布时间:2016-12-26 20:43:08
PUBLISHED = re.compile(r"(?:发布时间|发布日期|发文日期|成文日期|日期)\s*[:：]\s*(?P<date>\S+)")

# 2021年1-5月 / 1—9月 / 19月 (damaged) / 前三季度 / 上半年
PERIOD = re.compile(r"(?:(?P<y>(?:19|20)\d{2})\s*年\s*)?(?P<m1>1[0-2]?|[2-9])\s*[-~至到]\s*(?P<m2>1[0-2]|[1-9])\s*月")
PERIOD_DAMAGED = re.compile(r"(?:(?P<y>(?:19|20)\d{2})\s*年\s*)?(?<!\d)1(?P<m2>[2-9])\s*月(?:份)?(?:全|，|,|,|\s|以来|[\u4e00-\u9fff])")
PERIOD_WORDS = re.compile(r"(?P<w>前三季度|上半年|一季度|第一季度|前两季度|全年|1季度)")
# 截至10月31日 / 截至1031日 (damaged) / 截至10月底
AS_OF = re.compile(r"截(?:至|止)(?:(?P<y>(?:19|20)\d{2})年)?\s*(?P<m>1[0-2]|[1-9])(?:月)?\s*(?P<d>[1-3]?\d)?\s*(?:日|底|末)")

# 2017年 in a title: the year of the projects
YEAR = re.compile(r"(?P<y>(?:19|20)\d{2})\s*年")

# 9月底前 / 12月底 / 6月30日前 / 年底前 / 11月30日之前
DEADLINE = re.compile(r"(?:(?P<y>(?:19|20)\d{2})年)?(?:(?P<m>1[0-2]|[1-9])月(?:(?P<d>[1-3]?\d)日|(?P<end>底|末|中旬|上旬|下旬))|(?P<ye>年底|年末))(?:前|之前)?")

# 1.投资… / 1、… / （1）… / 一、… — a number opening an item
ITEM_NUMBER = re.compile(r"^\s*(?P<seq>\d{1,3})\s*[.、．](?!\d)\s*")
HEADING_CN = re.compile(r"^\s*(?P<seq>[一二三四五六七八九十]{1,3})\s*[、.．]\s*(?P<title>.*)")
HEADING_PAREN = re.compile(r"^\s*[（(](?P<seq>[一二三四五六七八九十\d]{1,3})[）)]\s*(?P<title>.*)")
HEADING_NUM = re.compile(r"^\s*(?P<seq>\d{1,2})\s*[、.．](?!\d)\s*(?P<title>.*)")

# 由州人社局牵头组织实施的“…”项目：
LEAD_PROJECT = re.compile(r"由(?P<unit>[^，。“”\"]{2,25}?)牵头(?:组织)?(?:实施|负责|落实|承办)?的?[“\"「](?P<name>.+?)[”\"」](?:项目[:：，,]?|[:：])")

# 共9个项目、12个指标任务 / 共16件 / 10项重点民生工程的30个具体工作任务
DECLARED = re.compile(r"(?P<n>\d+|[一二三四五六七八九十百]+)\s*(?P<unit>个项目|项项目|个民生项目|件民生实事|件实事|件|项重点民生工程|项民生工程|项实事|项|个具体工作任务|个工作任务|个任务|个指标任务|个考核指标|个指标|大类|个方面)")



@lru_cache(maxsize=8)
def quantity_pattern(units: tuple[str, ...]) -> re.Pattern:
    """Number, multiplier and one of the gazetteer's units, longest unit first.

    2.3万人次 -> num=2.3 mult=万 unit=人次
    """
    alts = "|".join(re.escape(u) for u in sorted(units, key=len, reverse=True))
    return re.compile(r"(?<![\d.A-Za-z])" + NUMBER + r"\s*" + MULT + r"\s*(?P<unit>" + alts + r")(?![A-Za-z])")
