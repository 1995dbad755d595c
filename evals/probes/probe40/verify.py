#!/usr/bin/env python3
"""Check the probe: corpus files, qs.tsv format, answer spans, forbidden names, Traditional questions."""
import os, re, sys

D = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(D, "corpus")
errors = []

FORBIDDEN = """澶屿 珲阳 蔚川 崤原 潍陵 琰南 萸江 溧城 岷港 璜桐 瑱桐 砚溪 湜陵 蕤安 东兴 内江 并济 天济 青梧 岍宁 峣溪 崟阳 嵙寮 嶸港 旻崧 昶陂 棻州 湳岫 滢舟 澐崁 澔濱 玙峤 珹溪 珺岙 琠山 琤原 琮湫 琮溪 瑢埔 璆川 璟塘 竑港 翙溟 翙阳 翚渚 翯阳 翾平 芃溆 邶阳 鄀阳 霽湖 骃湟 栎溟 桤岙 棠湄 椤汀 榉滘 楸泖 樗岑 柘漪 榉埕 桤埤 沅嶂 涪濑 濉崙 漳岵 湄溆 泸崃 洮埕 浔岈 洮嶙 漳渼 琯汧 璠潆 璘涔 瑄崌 瑨灃 璩浍 琬湑 瑭峄 璠汭 璩淯 淯岚 沩屺 滟汀 溱嵎 潆畈 澴琦 湫垭 淯泷 溦琈 湫瑀 郗渫 鄠垣 郛峪 郯湍 鄞漈 邗淇 鄣圻 郏崦 鄞峒 硖渟 碚溇 砀浛 碣泺 磐湍 砻瀼 硖峃 礁垚 磻涘 碣瀞 岽沄 岿潾 岣淼 嵛琇 峋瀧 崦滃 巇嶠 嵬澧""".split()
# a spot list of real place names that could slip into addresses
REAL = "北京 上海 天津 重庆 广州 深圳 南京 杭州 成都 武汉 西安 长沙 中山 东方 文昌 滨湖 合作 长治 安康 永康 通化 和平 延安 桃園 新竹 臺北 台北 台中 高雄 臺南 台南 嘉義 新北 花蓮 宜蘭".split()
PLACES = {"n01.txt": "翊漷市", "n02.txt": "翎峁县", "n03.txt": "翥泠市", "n04.txt": "翕岢市",
          "n05.txt": "翮溍区", "n06.txt": "翦垟县", "n07.txt": "羿峧市", "n08.txt": "翛湲县",
          "n09.txt": "翎瀍区", "n10.txt": "翦湉縣"}
ALLOWED_FIRST = set("翊翎翥翕翮翦羿翛")
TRAD_FILES = {"n07.txt", "n10.txt"}
TRAD_CHARS = set("縣歲點費錢這裡嗎麼幾補辦請機關證處區時間內與於車業調資話長運網購鐵臺為後會級據")

# 1. corpus
names = sorted(os.listdir(CORPUS))
expected = ["n%02d.txt" % i for i in range(1, 11)]
if names != expected:
    errors.append("corpus files: %r" % names)
texts = {}
for n in expected:
    p = os.path.join(CORPUS, n)
    if not os.path.exists(p):
        continue
    t = open(p, encoding="utf-8").read()
    texts[n] = t
    if not 900 <= len(t) <= 2500:
        errors.append("%s length %d" % (n, len(t)))
    if PLACES[n] not in t.splitlines()[0]:
        errors.append("%s title lacks place %s" % (n, PLACES[n]))
    trad = sum(c in TRAD_CHARS for c in t)
    if (n in TRAD_FILES) != (trad > 20):
        errors.append("%s script check failed (trad chars %d)" % (n, trad))
for n, pl in PLACES.items():
    if pl[0] not in ALLOWED_FIRST:
        errors.append("place %s has disallowed first char" % pl)
tables = [n for n, t in texts.items() if sum(l.count("｜") >= 1 for l in t.splitlines()) >= 3]
if len(tables) < 3:
    errors.append("only %d notices with tables" % len(tables))

# 2. questions
lines = open(os.path.join(D, "qs.tsv"), encoding="utf-8").read().split("\n")
if lines and lines[-1] == "":
    lines = lines[:-1]
if len(lines) != 60:
    errors.append("qs.tsv has %d lines" % len(lines))
ans = ref = trad_q = 0
seen = set()
for i, line in enumerate(lines, 1):
    f = line.split("\t")
    if len(f) != 3 or not all(x.strip() for x in f):
        errors.append("line %d: not 3 fields" % i)
        continue
    q, a, fn = f
    if q in seen:
        errors.append("line %d: duplicate question" % i)
    seen.add(q)
    if a == "REFUSE" or fn == "REFUSE":
        if not (a == "REFUSE" and fn == "REFUSE"):
            errors.append("line %d: half REFUSE" % i)
        ref += 1
        if not any(pl in q for pl in PLACES.values()):
            errors.append("line %d: REFUSE question names no corpus place" % i)
        continue
    ans += 1
    if fn not in texts:
        errors.append("line %d: unknown file %s" % (i, fn))
        continue
    if PLACES[fn] not in q:
        errors.append("line %d: question does not name %s" % (i, PLACES[fn]))
    for alt in a.split("|"):
        if alt not in texts[fn]:
            errors.append("line %d: answer %r not in %s" % (i, alt, fn))
        if len(alt) > 20:
            errors.append("line %d: answer %r longer than 20" % (i, alt))
    if fn in TRAD_FILES and any(c in TRAD_CHARS for c in q):
        trad_q += 1
if ans != 50 or ref != 10:
    errors.append("answerable %d, REFUSE %d" % (ans, ref))
if trad_q < 5:
    errors.append("only %d Traditional questions" % trad_q)

# 3. forbidden / real names
alltext = "\n".join(texts.values()) + "\n" + "\n".join(lines)
for w in FORBIDDEN + REAL:
    if w in alltext:
        errors.append("forbidden/real name found: %s" % w)

if errors:
    print("\n".join(errors))
    sys.exit(1)
print("OK: 10 notices (%d with tables), 60 questions (%d answerable, %d REFUSE, %d Traditional)"
      % (len(tables), ans, ref, trad_q))
