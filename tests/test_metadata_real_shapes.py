"""What the document is and when it was issued, in the shapes real pages take (documents written here)."""
import pytest

from extractors import extract
from gazetteer import load
from pipeline.readers import read_bytes

GAZ = load()


def document(text: str):
    return extract(read_bytes(text.encode("utf-8"), source="t.txt", fmt="txt"), GAZ).document


BODY = "新建幼儿园6所，已建成4所，完成年度任务的66.7%。\n新增养老床位300张，已完成210张。\n"


# ---- kind ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, kind", [
    ("某区2021年1-8月民生实事完成情况表\n序号 | 项目 | 年度目标 | 完成情况 | 责任单位 |\n1 | 新建幼儿园 | 6所 | 4所 | 区教育局 |\n",
     "progress"),
    ("某区2021年民生实事进展情况表（截至9月底）\n序号 | 项目 | 年度目标 | 完成情况 |\n1 | 新建幼儿园 | 6所 | 4所 |\n",
     "progress"),
    ("某区2021年民生实事完成情况汇总表\n序号 | 项目 | 年度目标 | 完成情况 |\n1 | 新建幼儿园 | 6所 | 6所 |\n",
     "summary"),
    ("某市新闻网12月30日讯 今年为民办实事项目全部完成。2021年，全市新建幼儿园6所，新增养老床位300张。\n",
     "summary"),
    ("本报讯 2019年，县政府承诺办好10件实事。通过一年的努力，10件实事全面完成。\n新建幼儿园6所。\n", "summary"),
    ("关于2018年政府为民办实事落实情况的调查报告\n近日，区政协对实事落实情况进行了调查。\n" + BODY, "summary"),
    (("3月2日，记者从县人民代表大会上了解到，2022年某县将集中力量办好十件民生实事。\n这十件实事分别是：新建幼儿园6所；"
      "新增养老床位300张。\n"), "plan"),
    ("昨日，市政府公布了2020年十件实事的任务分解表，还公布了工期进度表。\n新建幼儿园6所。\n主管领导:郭长河\n", "plan"),
    (("某县人民政府办公室关于对2019年民生实事进行重点督办的通知\n各乡镇：\n现将2019年民生实事目标任务分解下达，请认真落实。\n"
      "附件：2019年民生实事目标任务分解表\n"), "plan"),
    ("某市2022年十件民生实事推进情况（截至10月底）\n十件民生实事列入市委、市政府重点督办事项。现将进展通报如下。\n" + BODY,
     "supervision"),
    ("某省民生实事“年中成绩单”出炉\n今年上半年，各项民生实事稳步推进。\n新建幼儿园6所，已建成4所。\n", "progress"),
    ("关于2023年第二季度民生实事考核情况的通报\n各乡镇：\n现将二季度考核情况通报如下。\n" + BODY, "supervision"),
    ("关于三季度为民办实事考核结果的通报\n" + BODY, "supervision"),
    (("各镇：\n三季度为民办实事考评已结束，得分如下。\n（一）考评得分\n东岭镇96分，第一名；西湖乡93分，第二名；"
      "南山镇90分，第三名。\n（二）项目推进\n" + BODY), "supervision"),
    ("关于2023年1-8月民生实事进展情况的通报\n二、重点项目推进\n" + BODY + "全县排名第一名的是东岭镇。\n", "progress"),
    ("某县2023年十件民生实事全面完成\n本网讯 截至12月底，十件实事全部完成。\n新建幼儿园6所，新增养老床位300张。\n", "summary"),
    ("某县十件民生实事上半年全面完成开工\n本网讯 截至6月底，十件实事全面开工。\n" + BODY, "progress"),
    ("我县公布2025年十件民生实事\n本报讯 近日，县政府研究确定了十件民生实事。一是新增就业1000人；二是新建幼儿园2所。\n", "plan"),
    ("某县人民政府督查室\n关于2024年为民办实事项目第二季度督查情况的通报\n各乡镇：\n" + BODY, "supervision"),
    ("督查通报 第6期\n某市人民政府督查室\n近期，市政府督查室对民生实事推进情况开展了督查。\n" + BODY, "supervision"),
    ("上周，市督查组分三路对今年民生实事推进情况开展了实地督查，走访项目21个。现将督查结果通报如下：\n" + BODY,
     "supervision"),
    (("关于2024年1-6月为民办实事进展情况的通报\n各乡镇：\n上月，县督查组会同县统计局逐项开展了核实督查。现将推进情况"
      "通报如下：\n" + BODY), "progress"),
    (("关于印发某县2024年民生实事工作方案的通知\n县政府督查室将对各项目推进情况进行专项督查，现将方案印发给你们。\n"
      "新建幼儿园6所。\n"), "plan"),
    # no title (a headline written in two halves); its body's 占年度计划投资 is no 计划 of the text's own
    (("某县民生实事有序推进 前三季度投资过八成\n记者近日从县发改局获悉，截至9月底，12件民生实事累计完成投资4.1亿元，"
      "占年度计划投资的83.5%。\n全县新增城镇就业2650人，完成年度任务的88.3%。\n"), "progress"),
], ids=["month-range-table-is-progress", "as-of-table-is-progress", "summary-table", "news-of-all-done",
        "a-year-of-effort", "survey-report", "news-of-a-plan", "news-of-a-task-table", "supervised-plan-that-assigns-tasks",
        "report-on-supervised-items", "first-half-news", "assessment-notice", "assessment-and-reporting-notice",
        "units-ranked-at-the-head", "one-rank-mentioned-is-still-a-report", "headline-of-all-done",
        "headline-of-the-half-year", "news-of-the-years-list", "an-inspections-notice", "an-inspections-bulletin",
        "an-inspection-reported-under-no-title", "a-progress-notice-that-an-inspection-gathered", "a-plan-that-promises-one",
        "untitled-news-of-the-year-so-far"])
def test_kind(text, kind):
    assert document(text).kind == kind


# ---- date ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, date", [
    ("某市2017年民生实事1-9月进度公示\n发布时间:2017-10-13 09:20 来源:某市民生办\n" + BODY + "\n某市人民政府民生工作办公室\n\n20171012\n",
     "2017-10-12"),
    ("某区民生实事进展\n发布日期: 2024- 06- 18 10: 02 浏览次数:\n" + BODY, "2024-06-18"),
    ("某县民生实事完成情况\n更新时间：2019-12-20\n" + BODY, "2019-12-20"),
    ("某县民生实事完成情况\n时间:2019年11月05日 信息来源:不详\n" + BODY, "2019-11-05"),
    ("某县2019年民生实事\n完成时间:2019年12月31日\n" + BODY, None),
    ("发布单位 | 区府办 | 发文日期 | 2022-10-28 |\n2022年区民生实事进展情况\n" + BODY, "2022-10-28"),
    ("首页 >> 民生工程 >> 正文\n2019年民生实事完成情况\n2020-01-15 09:12  市民生办 [字号: ] 打印\n" + BODY, "2020-01-15"),
    ("某市新闻网3月5日讯 2021年，某市为民办实事项目进展顺利。\n" + BODY, "2021-03-05"),
    ("某市新闻网3月5日讯 今年，某市为民办实事项目进展顺利。\n" + BODY, None),
    ("某市人民政府督查室                    2019年10月15日\n关于民生实事前三季度进展情况的通报\n" + BODY, "2019-10-15"),
    ("关于印发2020年民生实事项目的通知\n发布日期：2020-03-06\n" + BODY + "某市人民政府办公室\n2020年3月2日\n", "2020-03-02"),
    ("关于印发2020年民生实事项目的通知\n发布日期：2020-03-06\n" + BODY + "某市人民政府办公室\n2020年3月20日\n", None),
    ("关于印发2020年民生实事项目的通知\n" + BODY + "抄送：县委办公室。\n某县人民政府办公室\n2020年3月2日印发\n", "2020-03-02"),
    ("某县民生实事进展情况的通报\n2021/10/12\n" + BODY, "2021-10-12"),
    ("某县民生实事进展情况的通报\n2021.10.12\n" + BODY, "2021-10-12"),
    ("某县民生实事进展情况的通报\n2021-10-12 来源：某县人民政府\n" + BODY, "2021-10-12"),
    ("某县民生实事进展情况的通报\n【发布时间】2021年10月12日\n" + BODY, "2021-10-12"),
], ids=["damaged-signing-date-under-its-issuer", "spaces-inside-a-date", "updated-label", "bare-time-label",
        "a-deadline-is-no-date", "metadata-table-cell", "bare-datetime-head-line", "news-dateline-with-year-in-text",
        "news-dateline-without-a-year", "issuer-and-date-on-one-line", "signed-before-published",
        "signed-after-published-is-unsure", "the-printing-line-of-a-document", "slashed-date-under-the-title",
        "dotted-date-under-the-title", "date-then-source", "label-in-lenticular-brackets"])
def test_date(text, date):
    assert document(text).date == date


# ---- year and title --------------------------------------------------------------------------

@pytest.mark.parametrize("text, year", [
    ("2016年20件民生实事上半年完成投资80亿元。主要进度如下:\n1200个村通公路(2014—2018年)。上半年已完成900公里。\n", 2016),
    ("我市实施民生工程进度快\n自实施民生工程以来，项目由2009年的10项拓展为2016年的30项。\n", 2016),
    ("二〇二四年县政府十件民生实事进展情况\n新建幼儿园6所，已建成4所。\n", 2024),
    ("县政府十件民生实事进展情况\n二零二二年，全县新建幼儿园6所，已建成4所。\n", 2022),
], ids=["a-range-of-years-in-a-project", "from-then-to-now-takes-now", "year-in-chinese-digits-in-the-title",
        "year-with-ling-in-the-body"])
def test_year(text, year):
    assert document(text).year == year


@pytest.mark.parametrize("text, title", [
    ("完成800口山坪塘整治(2014-2018年)。上半年已全部完工。\n新建幼儿园6所。\n", None),
    ("3.农村道路建设:(1)2017年新建公路120公里\n新建幼儿园6所。\n", None),
    ("关于2023年民生实事项目进展情况的通报\n" + BODY, "关于2023年民生实事项目进展情况的通报"),
    ("关于2023年民生实事项目\n进展情况的通报\n" + BODY, "关于2023年民生实事项目进展情况的通报"),
    ("我县公布2025年十件民生实事\n本报讯 近日，县政府研究确定了十件民生实事。一是新增就业1000人；二是新建幼儿园2所。\n",
     "我县公布2025年十件民生实事"),
    ("关于2024年民生实事项目完成情况的公示\n根据《某县2024年民生实事项目》（某政发〔2024〕3号）文件，现将完成情况公示如下\n"
     + BODY, "关于2024年民生实事项目完成情况的公示"),
    # a body folded at a width: its first line, cut before the sentence ends, is still the body
    ("日前，县督查组深入各乡镇对民生实事推进情况开\n展了明察暗访。现将结果通报如下：\n" + BODY, None),
    ("2025年，县人民政府围绕群众最关心的民生问题，办好\n十件民生实事。\n" + BODY, None),
    ("下一步，我县将持续推进2025年民生实事，确保完成\n全年任务。\n" + BODY, None),
    ("2025年全县为民办实事共12项，其中县级项目8项，乡镇项目3项，村级\n项目1项。\n" + BODY, None),
    ("据了解，自2019年以来我县民生实事由8项增加到1\n2项。\n" + BODY, None),
    ("11月2日，2025年全县民生实事推进会上通报，10项\n已提前完成。\n" + BODY, None),
    ("我县2025年民生实事进展顺利，9件已完成\n" + BODY, "我县2025年民生实事进展顺利，9件已完成"),
], ids=["a-body-paragraph-is-no-title", "an-item-is-no-title", "a-title", "a-title-over-two-lines",
        "the-news-after-a-headline-is-no-title", "the-first-sentence-after-a-title-is-no-title",
        "a-folded-opening-is-no-title", "a-folded-year-opening-is-no-title", "a-folded-next-step-is-no-title",
        "a-folded-sentence-with-commas-is-no-title", "a-folded-ju-liaojie-is-no-title", "a-folded-dated-lead-is-no-title",
        "a-short-headline-keeps-its-comma"])
def test_title(text, title):
    assert document(text).title == title


def test_a_news_outlet_names_its_province():
    doc = document("浙江在线6月30日讯 2018年上半年，省政府十方面民生实事稳步推进。\n" + BODY)
    assert doc.region is not None and doc.region.name == "浙江省"


@pytest.mark.parametrize("text, kind", [
    ("某县2026年民生实事项目\n1.河道治理：全年中小河流治理60公里。\n2.学前教育：新建中心幼儿园3所。\n", "plan"),
    ("某县2026年中小学校舍改造项目安排\n1.改造中小学校舍12所。\n", "plan"),
    ("某县2026年民生实事年中推进情况\n1.改造中小学校舍12所，已完成7所。\n", "progress"),
], ids=["year-then-small-rivers", "year-then-schools", "mid-year-report"])
def test_nian_zhong_inside_words_is_no_mid_year(text, kind):
    # 全年中小河流 / 2026年中小学 hold 年中 by accident: only a mid-year (年中) report is the year so far
    assert document(text).kind == kind


def test_a_signing_date_is_no_title():
    # no title: the 落款's date is not one, and the opening's 进展情况…通报如下 makes the text a report
    d = document("各乡镇人民政府，县直各单位：\n现将今年民生实事项目进展情况通报如下。\n1.新建幼儿园3所，已完成2所。\n"
                 "平江县人民政府办公室\n2026年10月12日\n")
    assert (d.title, d.kind, d.date) == (None, "progress", "2026-10-12")


@pytest.mark.parametrize("title, report, kind", [
    ("某县2026年民生实事工作要点", False, "plan"),
    ("2026年民生实事项目任务清单", False, "plan"),
    ("某县2026年民生实事项目月报（第9期）", True, "progress"),
    ("某县民生实事项目推进周报", True, "progress"),
    ("某县2026年民生实事项目进度表", True, "progress"),
    ("2026年民生实事项目完成情况汇总表", True, "summary"),
], ids=["work-points", "task-list", "monthly-bulletin", "weekly-bulletin", "pace-table", "summary-table"])
def test_kind_of_a_title(title, report, kind):
    body = "1.新建幼儿园3所，已完成2所。\n2.新增城镇就业2000人，已新增1800人。\n" if report else \
        "1.新建幼儿园3所。\n2.新增城镇就业2000人。\n"
    assert document(title + "\n\n" + body).kind == kind


@pytest.mark.parametrize("title, kind, period", [
    ("2031年民生实事项目第三季度推进情况", "progress", {"from": "2031-01", "to": "2031-09"}),
    ("2031年第二季度民生实事进展情况", "progress", {"from": "2031-01", "to": "2031-06"}),
    ("2031年下半年民生实事项目工作打算", "plan", None),
    ("2031年民生实事项目进展情况", "progress", None),
], ids=["third-quarter", "second-quarter", "plans-for-the-second-half", "no-period-named"])
def test_a_quarters_report_states_the_year_so_far(title, kind, period):
    d = document(title + "\n\n新增城镇就业4200人，完成年度任务的84%。改造老旧小区26个，已完工20个。\n")
    assert (d.kind, d.period) == (kind, period)


@pytest.mark.parametrize("number", ["某政办发〔2031〕12号", "某政办发[2031]12号", "某政办发（2031）12号", "某政办函〔2031〕第12号",
                                    "某民生办〔2031〕3号"])
def test_a_document_number_in_its_written_forms(number):
    d = document("某县人民政府办公室\n" + number + "\n\n关于印发2031年民生实事项目的通知\n\n1.新建公办幼儿园6所（县教育局）\n")
    assert (d.doc_number, d.title) == (number, "关于印发2031年民生实事项目的通知")


# ---- issuer ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, issuer", [
    (("东至县人民政府办公室关于印发2031年民生实事项目的通知\n各乡镇人民政府：\n1.新建乡镇卫生院3所。牵头单位：县卫健局\n"
      "东至县人民政府办公室\n2031年3月5日\n"), "东至县人民政府办公室"),
    ("关于2031年民生实事项目进展情况的通报\n各乡镇：\n" + BODY + "东至县民生实事工作领导小组办公室\n二〇三一年十月五日\n",
     "东至县民生实事工作领导小组办公室"),
    ("2031年民生实事项目\n一、新建公交线路12条。责任单位：县交通局\n二、新建公厕20座。责任单位：县城管局\n", None),
    ("2031年民生实事项目\n牵头单位：县教育局\n新建幼儿园6所。\n", None),
], ids=["signed-under-the-items", "signed-with-a-date-in-chinese-figures", "an-item-ending-in-its-unit",
        "a-unit-field-near-the-top"])
def test_the_issuer_is_a_line_of_names(text, issuer):
    assert document(text).issuer == issuer
