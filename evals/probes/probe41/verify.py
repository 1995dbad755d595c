#!/usr/bin/env python3
"""Checks the probe: corpus files, qs.tsv format, answer spans, forbidden names, script mix."""
import os, sys, re

D = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(D, "corpus")
FORBIDDEN = """澶屿 珲阳 蔚川 崤原 潍陵 琰南 萸江 溧城 岷港 璜桐 瑱桐 砚溪 湜陵 蕤安 东兴 内江 并济 天济 青梧 岍宁 峣溪 崟阳 嵙寮 嶸港 旻崧 昶陂 棻州 湳岫 滢舟 澐崁 澔濱 玙峤 珹溪 珺岙 琠山 琤原 琮湫 琮溪 瑢埔 璆川 璟塘 竑港 翙溟 翙阳 翚渚 翯阳 翾平 芃溆 邶阳 鄀阳 霽湖 骃湟 栎溟 桤岙 棠湄 椤汀 榉滘 楸泖 樗岑 柘漪 榉埕 桤埤 沅嶂 涪濑 濉崙 漳岵 湄溆 泸崃 洮埕 浔岈 洮嶙 漳渼 琯汧 璠潆 璘涔 瑄崌 瑨灃 璩浍 琬湑 瑭峄 璠汭 璩淯 淯岚 沩屺 滟汀 溱嵎 潆畈 澴琦 湫垭 淯泷 溦琈 湫瑀 郗渫 鄠垣 郛峪 郯湍 鄞漈 邗淇 鄣圻 郏崦 鄞峒 硖渟 碚溇 砀浛 碣泺 磐湍 砻瀼 硖峃 礁垚 磻涘 碣瀞 岽沄 岿潾 岣淼 嵛琇 峋瀧 崦滃 巇嶠 嵬澧""".split()
PLACES = ["旸澥", "昉溱", "晔泷", "晗嶠", "晗峤", "曜浉", "昀瀛", "暄沣", "曦漭"]
ALLOWED_FIRST = set("旸晔暄曦昉晗曜昀")
TRAD_CHARS = set("縣嶠結婚禮領們請幫辦記駕開闖紅燈罰錢對幾點會證帶離內電話規車騎號過這從麼")
SIMP_ONLY = set("县峤结礼领们请帮办记驾开闯红灯罚钱对几点会证带离电话规车骑号过这从么")

errs = []
def err(m): errs.append(m)

# corpus
files = sorted(f for f in os.listdir(CORPUS))
want = ["n%02d.txt" % i for i in range(1, 11)]
if files != want:
    err("corpus files: %s" % files)
texts = {}
for f in want:
    p = os.path.join(CORPUS, f)
    if not os.path.exists(p):
        continue
    t = open(p, encoding="utf-8").read()
    texts[f] = t
    n = len(t)
    if not (900 <= n <= 2500):
        err("%s length %d not in 900-2500" % (f, n))
    if not any(ch in t for ch in ALLOWED_FIRST):
        err("%s has no allowed place name" % f)
tables = [f for f, t in texts.items() if sum(1 for l in t.splitlines() if l.count("｜") >= 1 or "\t" in l) >= 3]
if len(tables) < 3:
    err("only %d notices with tables" % len(tables))
trad_files = [f for f, t in texts.items() if sum(t.count(c) for c in TRAD_CHARS) > 20 and sum(t.count(c) for c in SIMP_ONLY) < 3]
if len(trad_files) != 2:
    err("traditional notices: %s (want 2)" % trad_files)

# questions
lines = open(os.path.join(D, "qs.tsv"), encoding="utf-8").read().split("\n")
if lines and lines[-1] == "":
    lines = lines[:-1]
if len(lines) != 60:
    err("qs.tsv has %d lines" % len(lines))
ans = ref = trad_q = 0
for i, l in enumerate(lines, 1):
    parts = l.split("\t")
    if len(parts) != 3:
        err("line %d: %d fields" % (i, len(parts)))
        continue
    q, a, f = parts
    if not q.strip() or not a.strip():
        err("line %d empty field" % i)
    if a == "REFUSE":
        ref += 1
        if f != "REFUSE":
            err("line %d REFUSE with file %s" % (i, f))
    else:
        ans += 1
        if f not in texts:
            err("line %d: bad file %s" % (i, f))
            continue
        for alt in a.split("|"):
            if not alt or alt not in texts[f]:
                err("line %d: answer %r not in %s" % (i, alt, f))
            if len(alt) > 20:
                err("line %d: answer %r longer than 20" % (i, alt))
        if any(c in TRAD_CHARS for c in q) and not any(c in SIMP_ONLY for c in q):
            trad_q += 1
            if f not in trad_files:
                err("line %d: traditional question about non-traditional file" % i)
    if not any(p in q for p in PLACES):
        err("line %d: question names no place" % i)
if ans != 50: err("answerable = %d" % ans)
if ref != 10: err("REFUSE = %d" % ref)
if trad_q < 5: err("traditional answerable questions = %d" % trad_q)

# forbidden names
alltext = "".join(texts.values()) + "\n".join(lines)
for name in FORBIDDEN:
    if name in alltext:
        err("forbidden name %s present" % name)

if errs:
    print("\n".join(errs)); sys.exit(1)
print("files=%d answerable=%d refuse=%d traditional_q=%d tables=%s trad_notices=%s" %
      (len(texts), ans, ref, trad_q, ",".join(sorted(tables)), ",".join(sorted(trad_files))))
print("OK")
