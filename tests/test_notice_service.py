"""Service notices asked the way residents ask (session 24, issue 9): which window or office,
where a thing is done on a Q&A page whose question lines are numbered, a closing date below a
table (how many days and how far: the literal tests in test_stages and test_offline_stages).
The documents are written here for the shapes they have, not copied from any probe or dataset."""

import pytest
from support import open_small_corpus

# a Q&A page whose question lines are numbered (「3. 问：」) and ask two things at once
QA_PAGE = """青梧市居住证办理常见问题解答

1. 问：哪些人可以申领居住证？
答：离开常住户口所在地，到本市居住半年以上，并有合法稳定就业、住所或连续就读的，可以申领居住证。

2. 问：申领居住证需要准备哪些材料？
答：一般需准备本人居民身份证、近期免冠照片1张，以及住所、就业或就读证明。

3. 问：到哪里办理？多长时间能拿到证？
答：可到居住地所在街道便民服务中心或青梧市政务服务中心二楼公安综合窗口（青梧市文昌路66号）办理。材料齐全的，公安机关在10个工作日内制发居住证。
"""

# a public-safety notice: distances, a permit asked for some days ahead, a contact office
FIREWORKS = """青梧市人民政府关于烟花爆竹燃放管理的通告

一、禁止燃放区域
（一）医院、学校、敬老院及其周边80米范围内；
（二）加油站、液化气储配站及其周边150米范围内。
二、举办焰火晚会的，主办单位应当提前15日向市公安局提出申请，经许可后方可燃放。
三、咨询部门：市公安局治安管理支队（青梧市中山路12号），咨询电话：0737-4412110。
"""

# a loan notice: the window named in the lead of the materials list, a table, and a closing
# date said below the table's rows
LOANS = """青梧市创业担保贷款实施细则

第五条　贷款额度和期限按下表确定：
申请主体｜最高贷款额度｜最长期限
个人｜20万元｜3年
个人合伙创业｜每人20万元，合计不超过100万元｜3年
小微企业｜300万元｜2年
第六条　申请人持下列材料到市政务服务中心三楼C区8号窗口提出申请：
（一）身份证、户口簿或居住证；
（二）营业执照；
（三）经营场所证明。
第七条　经办银行应在受理后，对材料齐全、符合条件的，于7个工作日内作出放贷决定。
第八条　2026年度个人贷款申请受理截止日期为2026年11月30日，逾期受理的顺延至下一年度办理。
第九条　咨询电话：0737-4418800。
"""


# a service guide whose place and phone are given under their sections' headings, not by a label
GUIDE = """青梧市困难残疾人生活补贴办事指南

一、补贴对象
具有本市户籍、持有第二代残疾人证的低保家庭残疾人。
二、申请材料
1. 《困难残疾人生活补贴申请审批表》；
2. 残疾人证原件及复印件；
3. 户口簿和身份证原件及复印件。
三、办理时限
承诺时限：8个工作日
四、办理地点
户籍所在地街道便民服务中心残联窗口。
办公时间：周一至周五上午8:30—12:00。
五、咨询电话
市残联康复部：0737-4420315
各县（区）残联联系方式详见附件。

附件：各县（区）残联联系方式
"""


@pytest.fixture(scope="module")
def service_qa(tmp_path_factory, embedder):
    return open_small_corpus(tmp_path_factory, embedder, "service",
                             {"qa.txt": QA_PAGE, "fireworks.txt": FIREWORKS, "loans.txt": LOANS, "guide.txt": GUIDE},
                             folder="notices")


@pytest.mark.parametrize(
    ("question", "expected", "source"),
    [
        # 「在哪儿办」: the sentence that says where it is done (「到…办理」), 40 characters away
        ("青梧市居住证在哪儿办？", "青梧市政务服务中心二楼公安综合窗口", "qa.txt"),
        # 「找哪个部门咨询」 asks the office, not the phone beside it
        ("青梧市放烟花的事情找哪个部门咨询？", "市公安局治安管理支队", "fireworks.txt"),
        # the lead of the materials list names the window; its items do not
        ("青梧市办创业贷款，材料送到哪个窗口？", "8号窗口", "loans.txt"),
        # a closing date below the table rows that name the loan
        ("青梧市今年个人创业贷款最迟哪天之前要递申请？", "2026年11月30日", "loans.txt"),
        # the line under 「四、办理地点」, and the phone line under 「五、咨询电话」 that does not say 电话
        ("青梧市残疾人生活补贴的申请材料交到哪儿？", "街道便民服务中心残联窗口", "guide.txt"),
        ("青梧市残疾人生活补贴的事打哪个电话问？", "0737-4420315", "guide.txt"),
    ],
)
def test_a_service_notice_answers_as_residents_ask(service_qa, question, expected, source):
    answer = service_qa.ask(question)
    assert not answer.refused, answer.refusal
    assert expected in answer.text.splitlines()[0], answer.text.splitlines()[0]
    assert answer.citations[0].source == f"notices/{source}"
