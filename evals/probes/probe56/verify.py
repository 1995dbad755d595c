#!/usr/bin/env python3
"""Check the probe: corpus/n01..n10.txt and qs.tsv (question<TAB>answer<TAB>file)."""
import os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")
QS = os.path.join(HERE, "qs.tsv")

FORBIDDEN = """澶屿 珲阳 蔚川 崤原 潍陵 琰南 萸江 溧城 岷港 璜桐 瑱桐 砚溪 湜陵 蕤安 东兴 内江 并济 天济 青梧 岍宁 峣溪 崟阳 嵙寮 嶸港 旻崧 昶陂 棻州 湳岫 滢舟 澐崁 澔濱 玙峤 珹溪 珺岙 琠山 琤原 琮湫 琮溪 瑢埔 璆川 璟塘 竑港 翙溟 翙阳 翚渚 翯阳 翾平 芃溆 邶阳 鄀阳 霽湖 骃湟 栎溟 桤岙 棠湄 椤汀 榉滘 楸泖 樗岑 柘漪 榉埕 桤埤 沅嶂 涪濑 濉崙 漳岵 湄溆 泸崃 洮埕 浔岈 洮嶙 漳渼 琯汧 璠潆 璘涔 瑄崌 瑨灃 璩浍 琬湑 瑭峄 璠汭 璩淯 淯岚 沩屺 滟汀 溱嵎 潆畈 澴琦 湫垭 淯泷 溦琈 湫瑀 郗渫 鄠垣 郛峪 郯湍 鄞漈 邗淇 鄣圻 郏崦 鄞峒 硖渟 碚溇 砀浛 碣泺 磐湍 砻瀼 硖峃 礁垚 磻涘 碣瀞 岽沄 岿潾 岣淼 嵛琇 峋瀧 崦滃 巇嶠 嵬澧 翊漷 翎峁 翥泠 翕岢 翮溍 翦垟 羿峧 翛湲 翎瀍 翦湉 旸澥 昉溱 晔泷 晗嶠 曜浉 昀瀛 暄沣 曦漭 苕崆 荻滹 莒崶 菀浈 萁泂 蓁埭 蔺滉 薏澉 鸾沚 鹭潏 鹤塬 鶴塬 鸥滍 鹊澨 鵲澨 鹂崮 鸢洑 鹞埝 鰲嵫 鳌嵫 鰻瀹 鳗瀹 鲈漖 鲑湔 鲟埇 鲥埗 鲲澂 鲸垌 骅浯 骐岵 驍埔 骁埔 骊沱 骏岑 骢潼 骥淞 骧渭 驥寮 骥寮 骁汶 雯峤 霏沄 霖岵 霓汭 霆埗 霈溆 霄崌 雱湑 霏嵐 霏岚 霈崙 霈崙 皓淠 皑潺 皎岘 皙浐 皛埏 皞沭 皓嵝 皑湋 皤嵻 皦澪 甄澋 瓴峧 瓿溁 甏垱 甍溦 甑嵘 甓浥 瓒峪 甄岧 瓚漻 琨涑 瑾沨 璞嵊 璨垕 璀岺 琳峓 琛泐 瑜淏 琛灝 瑜嶔 珂渌 珈崞 珩洧 珮嵚 珣汜 珧淝 玳岨 珏渑 珈溠 珣峬 舫崾 舫渼 舳嵫 舳瀠 舴峂 舸浈 艄澂 艋漖 艟嶧 艨浛 賚淞 贄崙 贽澂 赆岈 赉浔 赍嵘 赑沄 赓溆 赜峤 赟岵 瑶汊 璐濛 瑷滠 璇埕 璎垸 瑗岍 瑙涠 璋潢 驿潢 驺崿 驽嵋 驷滏 驹洹 駘珥 骀珥 驻岜 驸琊""".split()

# fictional places used in this probe: (simplified/traditional name, first char must be in 桉梓楠榕椿槿楝楹)
PLACES = ["桉溆", "梓沄", "楠埕", "榕岙", "椿泷", "楝淇", "槿嶧", "楹潾"]
FIRST = set("桉梓楠榕椿槿楝楹")
TRAD_FILES = {"n09.txt", "n10.txt"}
# characters that only appear in Traditional script (used to spot Traditional questions)
TRAD_CHARS = set("藝點領麼縣輔輪補購錢買幾電臺請時間數們個這說關為與會後於從過還書業應報單實務區號費戶歲嗎沒療護學費額經費補貼發證")

errors = []
def err(msg):
    errors.append(msg)

# 1. corpus files
names = sorted(f for f in os.listdir(CORPUS) if f.endswith(".txt"))
expected = ["n%02d.txt" % i for i in range(1, 11)]
if names != expected:
    err("corpus files %r != %r" % (names, expected))
texts = {}
for n in expected:
    p = os.path.join(CORPUS, n)
    if not os.path.exists(p):
        continue
    t = open(p, encoding="utf-8").read()
    texts[n] = t
    if not (900 <= len(t) <= 2500):
        err("%s has %d chars (need 900-2500)" % (n, len(t)))
tables = sum(1 for t in texts.values()
             if sum(1 for l in t.splitlines() if l.count("｜") >= 1 or l.count("\t") >= 1) >= 3)
if tables < 3:
    err("only %d notices contain a table" % tables)
for n in TRAD_FILES:
    if n in texts and sum(c in TRAD_CHARS for c in texts[n]) < 30:
        err("%s does not look Traditional" % n)
for n, t in texts.items():
    if n not in TRAD_FILES and sum(c in TRAD_CHARS for c in t) > 0:
        err("%s (Simplified) contains Traditional-only chars: %r" % (n, sorted({c for c in t if c in TRAD_CHARS})))
for p in PLACES:
    if p[0] not in FIRST:
        err("place %s has a bad first char" % p)
    if not any(p in t for t in texts.values()):
        err("place %s not used in corpus" % p)

# 2. questions
raw = open(QS, encoding="utf-8").read()
lines = raw.split("\n")
if lines and lines[-1] == "":
    lines = lines[:-1]
if len(lines) != 60:
    err("qs.tsv has %d lines (need 60)" % len(lines))
n_ans = n_ref = n_trad = 0
seen_q = set()
for i, line in enumerate(lines, 1):
    parts = line.split("\t")
    if len(parts) != 3:
        err("line %d: %d fields" % (i, len(parts)))
        continue
    q, a, f = (x.strip() for x in parts)
    if not q or not a or not f:
        err("line %d: empty field" % i)
        continue
    if q in seen_q:
        err("line %d: duplicate question" % i)
    seen_q.add(q)
    if not any(p in q for p in PLACES):
        err("line %d: question names no corpus place: %s" % (i, q))
    is_trad = any(c in TRAD_CHARS for c in q)
    if a == "REFUSE" or f == "REFUSE":
        if not (a == "REFUSE" and f == "REFUSE"):
            err("line %d: REFUSE must be in both answer and file" % i)
        n_ref += 1
        continue
    n_ans += 1
    if f not in texts:
        err("line %d: unknown file %s" % (i, f))
        continue
    if is_trad:
        n_trad += 1
        if f not in TRAD_FILES:
            err("line %d: Traditional question about Simplified notice" % i)
    elif f in TRAD_FILES:
        err("line %d: Simplified question about Traditional notice" % i)
    for alt in a.split("|"):
        if alt not in texts[f]:
            err("line %d: answer %r not found verbatim in %s" % (i, alt, f))
        if len(alt) > 20:
            err("line %d: answer %r longer than 20 chars" % (i, alt))
if n_ans != 50:
    err("%d answerable questions (need 50)" % n_ans)
if n_ref != 10:
    err("%d REFUSE questions (need 10)" % n_ref)
if n_trad < 5:
    err("%d Traditional answerable questions (need 5+)" % n_trad)

# 3. forbidden names anywhere
alltext = raw + "".join(texts.values())
for w in FORBIDDEN:
    if w in alltext:
        err("forbidden place name %s appears" % w)

if errors:
    for e in errors:
        print("ERROR:", e)
    sys.exit(1)
print("files=%d questions=%d answerable=%d refuse=%d traditional_answerable=%d tables=%d" %
      (len(texts), len(lines), n_ans, n_ref, n_trad, tables))
print("OK")
