#!/usr/bin/env python3
"""Checks the probe: corpus, qs.tsv, forbidden names, Traditional questions."""
import os, sys, re

D = os.path.dirname(os.path.abspath(__file__))
C = os.path.join(D, "corpus")
errs = []

FORBIDDEN = """澶屿 珲阳 蔚川 崤原 潍陵 琰南 萸江 溧城 岷港 璜桐 瑱桐 砚溪 湜陵 蕤安 东兴 内江 并济 天济 青梧 岍宁 峣溪 崟阳 嵙寮 嶸港 旻崧 昶陂 棻州 湳岫 滢舟 澐崁 澔濱 玙峤 珹溪 珺岙 琠山 琤原 琮湫 琮溪 瑢埔 璆川 璟塘 竑港 翙溟 翙阳 翚渚 翯阳 翾平 芃溆 邶阳 鄀阳 霽湖 骃湟 栎溟 桤岙 棠湄 椤汀 榉滘 楸泖 樗岑 柘漪 榉埕 桤埤 沅嶂 涪濑 濉崙 漳岵 湄溆 泸崃 洮埕 浔岈 洮嶙 漳渼 琯汧 璠潆 璘涔 瑄崌 瑨灃 璩浍 琬湑 瑭峄 璠汭 璩淯 淯岚 沩屺 滟汀 溱嵎 潆畈 澴琦 湫垭 淯泷 溦琈 湫瑀 郗渫 鄠垣 郛峪 郯湍 鄞漈 邗淇 鄣圻 郏崦 鄞峒 硖渟 碚溇 砀浛 碣泺 磐湍 砻瀼 硖峃 礁垚 磻涘 碣瀞 岽沄 岿潾 岣淼 嵛琇 峋瀧 崦滃 巇嶠 嵬澧 翊漷 翎峁 翥泠 翕岢 翮溍 翦垟 羿峧 翛湲 翎瀍 翦湉 旸澥 昉溱 晔泷 晗嶠 曜浉 昀瀛 暄沣 曦漭""".split()

PLACES = ["苕崆", "荻滹", "莒崶", "萁泂", "菀浈", "蓁埭", "薏澉", "蔺滉"]
ALLOWED_FIRST = set("苕荻莒萁菀蓁蔺薏")
TRAD_FILES = {"n07.txt", "n08.txt"}
# characters that exist only in Traditional script (their Simplified forms differ)
TRAD_CHARS = set("們個歲補領請臺發錢幾麼這縣時間過會還狀權張繳電話問開務級數熱戶對從給資罰騙實丟週環廠勞謄記應單")

# 1. corpus
names = sorted(f for f in os.listdir(C) if f.endswith(".txt"))
exp = ["n%02d.txt" % i for i in range(1, 11)]
if names != exp:
    errs.append("corpus files %r != %r" % (names, exp))
texts = {}
tables = 0
for n in exp:
    p = os.path.join(C, n)
    if not os.path.exists(p):
        continue
    t = open(p, encoding="utf-8").read()
    texts[n] = t
    if not 900 <= len(t) <= 2500:
        errs.append("%s length %d not in 900-2500" % (n, len(t)))
    if sum(1 for l in t.splitlines() if "｜" in l or "\t" in l) >= 3:
        tables += 1
    if not any(p in t for p in PLACES):
        errs.append("%s names no invented place" % n)
    tc = sum(ch in TRAD_CHARS for ch in t)
    if (n in TRAD_FILES) != (tc > 20):
        errs.append("%s script mismatch (trad chars=%d)" % (n, tc))
if tables < 3:
    errs.append("only %d notices contain a table" % tables)
for p in PLACES:
    if p[0] not in ALLOWED_FIRST:
        errs.append("place %s has bad first char" % p)

# 2. questions
lines = open(os.path.join(D, "qs.tsv"), encoding="utf-8").read().split("\n")
if lines and lines[-1] == "":
    lines = lines[:-1]
if len(lines) != 60:
    errs.append("qs.tsv has %d lines, need 60" % len(lines))
ans = ref = trad = 0
qs = set()
for i, l in enumerate(lines, 1):
    f = l.split("\t")
    if len(f) != 3 or not all(x.strip() == x and x for x in f):
        errs.append("line %d: bad fields %r" % (i, f))
        continue
    q, a, fn = f
    if q in qs:
        errs.append("line %d: duplicate question" % i)
    qs.add(q)
    if a == "REFUSE" or fn == "REFUSE":
        if not (a == "REFUSE" and fn == "REFUSE"):
            errs.append("line %d: REFUSE must be in both answer and file" % i)
        ref += 1
        if not any(p in q for p in PLACES):
            errs.append("line %d: REFUSE question names no corpus place" % i)
        continue
    ans += 1
    if fn not in texts:
        errs.append("line %d: unknown file %s" % (i, fn))
        continue
    for alt in a.split("|"):
        if not alt or alt not in texts[fn]:
            errs.append("line %d: answer %r not found verbatim in %s" % (i, alt, fn))
        if len(alt) > 20:
            errs.append("line %d: answer %r longer than 20 chars" % (i, alt))
    if not any(p in q for p in PLACES):
        errs.append("line %d: question names no place" % i)
    if fn in TRAD_FILES and any(ch in TRAD_CHARS for ch in q):
        trad += 1
if ans != 50:
    errs.append("%d answerable questions, need 50" % ans)
if ref != 10:
    errs.append("%d REFUSE questions, need 10" % ref)
if trad < 5:
    errs.append("only %d Traditional questions about Traditional notices" % trad)

# 3. forbidden names
alltext = "\n".join(texts.values()) + "\n" + "\n".join(lines)
for fb in FORBIDDEN:
    if fb in alltext:
        errs.append("forbidden place name %s present" % fb)

if errs:
    print("\n".join(errs))
    print("FAIL (%d problems)" % len(errs))
    sys.exit(1)
print("files=10 answerable=%d refuse=%d traditional_q=%d tables=%d" % (ans, ref, trad, tables))
print("OK")
