"""Notices whose answer is one row of a table, one item of an exclusion list, or one numbered
line among look-alikes (session 16, issue 9). The documents are written here for the shapes
they have, not copied from any probe or dataset."""

import pytest
from support import open_small_corpus

# two estates of one programme, several rows each: a row is named by its estate and its size
RENTALS = """白沙市住房和城乡建设局关于白沙市公共租赁住房第二批配租的公告

一、房源及租金
小区名称｜房型｜套数｜月租金（元）
金桂苑｜一室户｜80｜650
金桂苑｜两室户｜60｜980
金桂苑｜三室户｜20｜1320
银杏园｜一室户｜40｜600
银杏园｜两室户｜30｜900
二、申请时间：2026年3月2日至3月20日。
三、咨询电话：0719-6612030。
"""

# a schools table whose planned places are a count of pupils (人数), and a wage-subsidy table
# whose amounts are in 元 beside a column of hours
SCHOOLS = """白沙市教育局2026年秋季小学一年级招生计划

学校｜年级｜计划班数｜计划人数｜咨询电话
白沙市实验小学｜一年级｜10｜450｜0719-6630001
白沙市东湖小学｜一年级｜6｜270｜0719-6630002
白沙市西岭小学｜一年级｜4｜180｜0719-6630003
"""

TRAINING = """白沙市人力资源和社会保障局关于公布2026年职业技能培训补贴标准的通知

一、补贴标准
序号｜职业（工种）｜等级｜培训课时｜补贴标准（元/人）
1｜育婴员｜四级/中级工｜120｜1500
2｜电工｜四级/中级工｜200｜2200
3｜焊工｜三级/高级工｜240｜2800
4｜茶艺师｜五级/初级工｜80｜800

二、不予补贴的情形
1．参加学历教育的在校学生（毕业年度除外）；
2．实际培训时间未达到规定课时80%的。

三、工作要求
培训机构的职责有两个方面：一是如实登记学员考勤，二是按期上传培训视频。
"""

# two metro lines in one traffic notice: the one asked is not the one stated
TRAFFIC = """白沙市公安局交通警察支队关于白沙半程马拉松期间交通管制的通告

一、地铁1号线当日首班车提前至5:30发车。
二、管制时间：2026年4月12日6:00至12:00。
"""


# an inspection report whose items open with a company's name line, then what was found there
INSPECTION = """白沙市应急管理局关于2026年第一季度企业安全生产检查情况的通报

一、存在重大事故隐患的企业
（一）白沙市恒远化工有限公司（地址：白沙市临江路9号）。储罐区可燃气体报警装置失效，属于重大事故隐患。处理：罚款人民币6万元。
（二）白沙市宏达机械有限公司（地址：白沙市工业大道18号）。冲压设备安全防护装置被拆除。处理：责令停产整顿。
"""

# numbered items that are whole sentences (not headings), and a cap on them in the line after
REWARDS = """白沙市城市管理局关于建筑垃圾违规处置有奖举报的通告

一、举报方式：拨打12319城建热线或登录市数字城管平台。
二、经查证属实的，按照下列标准给予举报人奖励：
（一）举报工地未覆盖渣土车辆上路的，每次奖励50元；
（二）举报偷倒建筑垃圾的，每次奖励800元。
同一举报人每年累计获得奖励不超过3000元。
"""


@pytest.fixture(scope="module")
def rows_qa(tmp_path_factory, embedder):
    return open_small_corpus(tmp_path_factory, embedder, "rows",
                             {"rentals.txt": RENTALS, "schools.txt": SCHOOLS, "training.txt": TRAINING,
                              "traffic.txt": TRAFFIC, "inspection.txt": INSPECTION,
                              "rewards.txt": REWARDS},
                             folder="notices")


@pytest.mark.parametrize(
    ("question", "expected", "source"),
    [
        # a row named by two cells: its estate and its size (两室户 of three 金桂苑 rows)
        ("白沙市金桂苑的两室户每个月租金多少？", "980", "rentals.txt"),
        ("白沙市银杏园一室户的月租金是多少？", "600", "rentals.txt"),  # guard: passed before (first row)
        # the column in the asked unit (元), not the one the question's other words name (培训课时)
        ("在白沙市培训考了焊工高级工证，能补多少钱？", "2800", "training.txt"),
        # 「补得最多」 names the column 补贴标准 by its first character
        ("白沙市培训补贴标准里哪个工种补得最多？", "焊工", "training.txt"),
        # a count of pupils answers 「招多少人」 though the cell has no 人
        ("白沙市东湖小学一年级今年计划招多少人？", "270", "schools.txt"),
        # an item under the heading 「二、不予补贴的情形」 (items numbered 1．) answers no
        ("白沙市正在读书的在校学生参加培训能不能领补贴？", "不是。资料记载：不予补贴的情形：参加学历教育的在校学生", "training.txt"),
        # an item's name line names the company; the sentence after it says what was found
        ("白沙市恒远化工公司被查出什么问题？", "储罐区可燃气体报警装置失效", "inspection.txt"),
        # 「一是…，二是…」 lists the items, with the heading that announces them
        ("白沙市培训机构的职责有哪些？", "培训机构的职责有两个方面：一是如实登记学员考勤，二是按期上传培训视频", "training.txt"),
        # an item line that says its clauses is no heading over the line after it (the yearly cap)
        ("在白沙看到有人偷倒建筑垃圾，举报查实了能奖励多少？", "每次奖励800元", "rewards.txt"),
    ],
)
def test_a_row_or_item_of_a_notice_answers(rows_qa, question, expected, source):
    answer = rows_qa.ask(question)
    assert expected in answer.text.splitlines()[0]
    assert answer.citations[0].source == f"notices/{source}"


@pytest.mark.parametrize(
    ("question", "rule"),
    [
        # 银杏园 has no 三室户: 金桂苑's is another estate's
        ("白沙市银杏园三室户每个月租金多少？", "table-row"),
        # the notice states line 1's first train, not line 2's
        ("白沙半程马拉松那天地铁2号线首班车几点开？", "designation"),
    ],
)
def test_a_row_or_line_the_notice_does_not_list_is_refused(rows_qa, question, rule):
    answer = rows_qa.ask(question)
    assert answer.refused, answer.text
    assert answer.refusal.rule == rule
