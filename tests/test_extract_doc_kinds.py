"""Documents of other kinds, on small texts built here: a 常务会议纪要, a 人大 决议 with its ballot,
and a notice that reports last year and sets this year."""
from extract_helpers import completed, run, targets

# ---- 纪要 -------------------------------------------------------------------------------------

MINUTES = (
    "某县人民政府常务会议纪要\n\n〔2017〕第3期\n\n某县人民政府办公室                    2017年3月14日\n\n"
    "{held}上午，县长刘振华在县政府第一会议室主持召开县政府2017年第3次常务会议，研究确定2017年县政府为民办理的十件实事。\n\n"
    "（一）城镇新增就业1800人。由副县长王立新负责，县人社局牵头，县农业局配合，12月底前完成。\n\n"
    "（二）新建改造农村公路120公里。由副县长张国峰负责，县交通局牵头，10月15日前完成。\n\n"
    "出席：刘振华  王立新  张国峰\n")


def test_minutes_are_a_plan_dated_in_their_header_with_assigned_leaders_and_deadlines():
    got = run(MINUTES.format(held="2017年3月10日"))
    d = got.document
    assert (d.kind, d.date, d.doc_number, d.title) == ("plan", "2017-03-14", "〔2017〕第3期", "某县人民政府常务会议纪要")
    assert {p.name[:6]: (p.leaders, p.deadline) for p in got.projects if p.targets} == {
        "城镇新增就业": (["王立新"], "2017-12-31"), "新建改造农村": (["张国峰"], "2017-10-15")}
    assert "刘振华" not in [x for p in got.projects for x in p.leaders]       # the chair
    assert not [f for f in got.flags if f.code == "DATE_INCONSISTENT"]


def test_a_meeting_held_after_the_date_of_its_minutes_is_flagged():
    got = run(MINUTES.format(held="2017年3月16日"))
    assert [(f.code, f.found) for f in got.flags if f.code == "DATE_INCONSISTENT"] == [("DATE_INCONSISTENT", "2017-03-16")]


def test_minutes_header_line_read_from_a_pdf_without_its_spaces():
    got = run(MINUTES.format(held="2017年3月10日").replace("办公室                    2017", "办公室2017"))
    assert got.document.date == "2017-03-14"


# ---- 决议 -------------------------------------------------------------------------------------

RESOLUTION = (
    "某区第七届人民代表大会第五次会议\n关于某区2026年民生实事项目票决结果的决议\n\n"
    "（2026年1月12日某区第七届人民代表大会第五次会议通过）\n\n"
    "会议对区人民政府提交的{n}个民生实事候选项目进行了无记名投票表决，按得票多少确定前2个项目为当选项目。\n\n"
    "序号  候选项目                赞成票（票）  得票率    票决结果\n"
    "1     新增基础教育公办学位    276           95.50%    当选\n"
    "2     社区健康服务机构扩容    268           92.73%    当选\n"
    "3     既有住宅加装电梯        208           71.97%    未当选\n\n"
    "（一）新增基础教育公办学位。新增基础教育公办学位2.4万个。（责任单位：区教育局）\n\n"
    "（二）社区健康服务机构扩容。新建改造社区健康服务机构15家。（责任单位：区卫生健康局）\n")


def test_a_resolution_is_a_plan_dated_when_adopted_and_its_ballot_lists_candidates_not_projects():
    got = run(RESOLUTION.format(n=3))
    assert (got.document.kind, got.document.date, got.document.doc_number) == ("plan", "2026-01-12", None)
    assert targets(got) == [(24000.0, "个"), (15.0, "家")]
    assert not [f for f in got.flags if f.code == "COUNT_MISMATCH"]


def test_candidates_declared_against_the_ballot_rows():
    got = run(RESOLUTION.format(n=4))
    assert [(f.expected, f.found) for f in got.flags if f.code == "COUNT_MISMATCH"] == [(4.0, 3)]


# ---- two years in one notice ----------------------------------------------------------------

TWO_YEARS = (
    "某自治区人民政府关于2020年为民办实事完成情况\n及2021年为民办实事项目安排的通知\n\n"
    "一、2020年为民办实事完成情况\n\n"
    "2020年，各地全力推进10件为民办实事。城镇新增就业19.3万人，完成年度目标18万人的107.2%；改造城镇老旧小区1856个。\n\n"
    "二、2021年为民办实事项目\n\n"
    "2021年，自治区继续集中力量办好{n}件为民办实事：\n\n"
    "（一）促进城乡就业。城镇新增就业18万人。（牵头单位：自治区人力资源和社会保障厅）\n\n"
    "（二）改善城镇居住条件。改造城镇老旧小区1500个、惠及居民20万户。（牵头单位：自治区住房和城乡建设厅）\n")


def test_last_years_results_are_not_this_years_targets():
    got = run(TWO_YEARS.format(n=2))
    assert (got.document.kind, got.document.year) == ("plan", 2021)
    assert targets(got) == [(180000.0, "人"), (1500.0, "个"), (200000.0, "户")]
    assert not completed(got)
    assert not [f for f in got.flags if f.code == "COUNT_MISMATCH"]


def test_projects_declared_with_banhao_are_counted():
    got = run(TWO_YEARS.format(n=3))
    assert [(f.expected, f.found) for f in got.flags if f.code == "COUNT_MISMATCH"] == [(3.0, 2)]
