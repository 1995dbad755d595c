#!/usr/bin/env python3
"""Checks the probe: corpus files, qs.tsv format, answer spans, forbidden names, Traditional questions."""
import os, re, sys

DIR = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(DIR, "corpus")
FORBIDDEN = "澶屿 珲阳 蔚川 崤原 潍陵 琰南 萸江 溧城 岷港 璜桐 瑱桐 砚溪 湜陵 蕤安 东兴 内江 并济 天济 青梧 岍宁 峣溪 崟阳 嵙寮 嶸港 旻崧 昶陂 棻州 湳岫 滢舟 澐崁 澔濱 玙峤 珹溪 珺岙 琠山 琤原 琮湫 琮溪 瑢埔 璆川 璟塘 竑港 翙溟 翙阳 翚渚 翯阳 翾平 芃溆 邶阳 鄀阳 霽湖 骃湟 栎溟 桤岙 棠湄 椤汀 榉滘 楸泖 樗岑 柘漪 榉埕 桤埤 沅嶂 涪濑 濉崙 漳岵 湄溆 泸崃 洮埕 浔岈 洮嶙 漳渼 琯汧 璠潆 璘涔 瑄崌 瑨灃 璩浍 琬湑 瑭峄 璠汭 璩淯 淯岚 沩屺 滟汀 溱嵎 潆畈 澴琦 湫垭 淯泷 溦琈 湫瑀 郗渫 鄠垣 郛峪 郯湍 鄞漈 邗淇 鄣圻 郏崦 鄞峒 硖渟 碚溇 砀浛 碣泺 磐湍 砻瀼 硖峃 礁垚 磻涘 碣瀞 岽沄 岿潾 岣淼 嵛琇 峋瀧 崦滃 巇嶠 嵬澧 翊漷 翎峁 翥泠 翕岢 翮溍 翦垟 羿峧 翛湲 翎瀍 翦湉 旸澥 昉溱 晔泷 晗嶠 曜浉 昀瀛 暄沣 曦漭 苕崆 荻滹 莒崶 菀浈 萁泂 蓁埭 蔺滉 薏澉 鸾沚 鹭潏 鹤塬 鶴塬 鸥滍 鹊澨 鵲澨 鹂崮 鸢洑 鹞埝 鰲嵫 鳌嵫 鰻瀹 鳗瀹 鲈漖 鲑湔 鲟埇 鲥埗 鲲澂 鲸垌 骅浯 骐岵 驍埔 骁埔 骊沱 骏岑 骢潼 骥淞 骧渭 驥寮 骥寮 骁汶 雯峤 霏沄 霖岵 霓汭 霆埗 霈溆 霄崌 雱湑 霏嵐 霏岚 霈崙 霈崙 皓淠 皑潺 皎岘 皙浐 皛埏 皞沭 皓嵝 皑湋 皤嵻 皦澪 甄澋 瓴峧 瓿溁 甏垱 甍溦 甑嵘 甓浥 瓒峪 甄岧 瓚漻".split()
# a rough list of real city / county names that must not appear either
REAL = ("北京 上海 天津 重庆 广州 深圳 杭州 南京 苏州 武汉 成都 西安 长沙 郑州 济南 青岛 "
        "合肥 福州 厦门 南昌 昆明 贵阳 南宁 海口 太原 石家庄 沈阳 大连 长春 哈尔滨 "
        "兰州 西宁 银川 乌鲁木齐 拉萨 呼和浩特 台北 臺北 新竹 台中 臺中 高雄 台南 臺南 "
        "桃园 桃園 嘉义 嘉義 宜兰 宜蘭 花莲 花蓮 苏州 无锡 常州 宁波 温州 绍兴 佛山 东莞 "
        "中山 珠海 惠州 汕头 常德 岳阳 衡阳 株洲 湘潭 文昌 三亚 桂林 柳州 遵义 大理 丽江 "
        "中正 永安 吉安 安康 开平 栖霞 澄江 临川 泸州 宜宾 绵阳 德阳 乐山 南充 梧州 通化 "
        "安顺 龙口 新民 大同 泰安 长治 开封 洛阳 安阳 新乡 漳州 泉州 莆田 三明").split()
TRAD = set("臺灣縣區領請電話幾貼產薪嬰歲補險鄉鎮與為後個們會時間還錢麼這說寶媽爺奶蓋裡嗎號撥帳戶稅權費條應")

errors = []
def err(m): errors.append(m)

files = sorted(f for f in os.listdir(CORPUS) if f.endswith(".txt"))
expected = ["n%02d.txt" % i for i in range(1, 11)]
if files != expected:
    err("corpus files %r != %r" % (files, expected))
texts = {}
tables = 0
for f in files:
    s = open(os.path.join(CORPUS, f), encoding="utf-8").read()
    texts[f] = s
    n = len(re.sub(r"\s", "", s))
    if not 900 <= n <= 2500:
        err("%s: %d non-space chars (need 900-2500)" % (f, n))
    if sum(1 for line in s.splitlines() if line.count("｜") >= 1 or line.count("\t") >= 1) >= 3:
        tables += 1
if tables < 3:
    err("only %d notices with tables" % tables)

rows = []
for i, line in enumerate(open(os.path.join(DIR, "qs.tsv"), encoding="utf-8").read().splitlines(), 1):
    parts = line.split("\t")
    if len(parts) != 3:
        err("qs line %d: %d fields" % (i, len(parts)))
        continue
    rows.append(parts)
if len(rows) != 60:
    err("qs.tsv: %d rows, need 60" % len(rows))
ans = [r for r in rows if r[1] != "REFUSE"]
ref = [r for r in rows if r[1] == "REFUSE"]
if len(ans) != 50 or len(ref) != 10:
    err("answerable %d / refuse %d (need 50/10)" % (len(ans), len(ref)))
for q, a, f in ref:
    if f != "REFUSE":
        err("REFUSE row with file %s: %s" % (f, q))
seen = set()
for q, a, f in rows:
    if q in seen:
        err("duplicate question: " + q)
    seen.add(q)
for q, a, f in ans:
    if f not in texts:
        err("unknown file %s for: %s" % (f, q))
        continue
    for alt in a.split("|"):
        if not alt:
            err("empty alternative: " + q)
        elif alt not in texts[f]:
            err("answer %r not in %s (%s)" % (alt, f, q))
        if len(alt) > 20:
            err("answer longer than 20 chars: %r" % alt)
        if alt and alt in q:
            err("answer appears in question: " + q)

alltext = "\n".join(texts.values()) + "\n" + "\n".join(r[0] for r in rows)
for name in FORBIDDEN:
    if name in alltext:
        err("forbidden place name found: " + name)
for name in REAL:
    if name in alltext:
        err("real place name found: " + name)

trad_q = [r for r in rows if any(c in TRAD for c in r[0])]
if len(trad_q) < 5:
    err("only %d Traditional questions" % len(trad_q))
trad_files = [f for f, s in texts.items() if sum(c in TRAD for c in s) > 30]
if len(trad_files) != 2:
    err("Traditional notices: %r (need 2)" % trad_files)

if errors:
    print("\n".join(errors))
    sys.exit(1)
print("files=%d questions=%d answerable=%d refuse=%d traditional_questions=%d tables=%d" % (
    len(files), len(rows), len(ans), len(ref), len(trad_q), tables))
print("OK")
