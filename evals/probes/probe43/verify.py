#!/usr/bin/env python3
"""Checks the probe: corpus + qs.tsv. Prints OK or a list of problems."""
import os, re, sys

D = os.path.dirname(os.path.abspath(__file__))
C = os.path.join(D, "corpus")
FORBIDDEN = """澶屿 珲阳 蔚川 崤原 潍陵 琰南 萸江 溧城 岷港 璜桐 瑱桐 砚溪 湜陵 蕤安 东兴 内江 并济 天济 青梧 岍宁 峣溪 崟阳 嵙寮 嶸港 旻崧 昶陂 棻州 湳岫 滢舟 澐崁 澔濱 玙峤 珹溪 珺岙 琠山 琤原 琮湫 琮溪 瑢埔 璆川 璟塘 竑港 翙溟 翙阳 翚渚 翯阳 翾平 芃溆 邶阳 鄀阳 霽湖 骃湟 栎溟 桤岙 棠湄 椤汀 榉滘 楸泖 樗岑 柘漪 榉埕 桤埤 沅嶂 涪濑 濉崙 漳岵 湄溆 泸崃 洮埕 浔岈 洮嶙 漳渼 琯汧 璠潆 璘涔 瑄崌 瑨灃 璩浍 琬湑 瑭峄 璠汭 璩淯 淯岚 沩屺 滟汀 溱嵎 潆畈 澴琦 湫垭 淯泷 溦琈 湫瑀 郗渫 鄠垣 郛峪 郯湍 鄞漈 邗淇 鄣圻 郏崦 鄞峒 硖渟 碚溇 砀浛 碣泺 磐湍 砻瀼 硖峃 礁垚 磻涘 碣瀞 岽沄 岿潾 岣淼 嵛琇 峋瀧 崦滃 巇嶠 嵬澧 翊漷 翎峁 翥泠 翕岢 翮溍 翦垟 羿峧 翛湲 翎瀍 翦湉 旸澥 昉溱 晔泷 晗嶠 曜浉 昀瀛 暄沣 曦漭 苕崆 荻滹 莒崶 菀浈 萁泂 蓁埭 蔺滉 薏澉""".split()
# places invented for this probe (simplified and traditional spellings)
PLACES = ["鸾沚", "鹭潏", "鶴塬", "鹤塬", "鸥滍", "鵲澨", "鹊澨", "鹂崮", "鸢洑", "鹞埝"]
TRAD_ONLY = set("們這個補請麼時幾費攤縣鶴鵲辦區裡錢擺賣繳開戶長輩歲電話問單補務醫幫給點嗎會學還義"
                "處線關證輛齡檢驗與買後來們將從對發們經應實說過們讓邊鄉鎮臺灣們為東頭間場")
probs = []

files = sorted(f for f in os.listdir(C) if f.endswith(".txt"))
if files != ["n%02d.txt" % i for i in range(1, 11)]:
    probs.append("corpus files: %r" % files)
texts = {f: open(os.path.join(C, f), encoding="utf-8").read() for f in files}
ntable = 0; ntrad = 0
for f, t in texts.items():
    n = len("".join(t.split()))
    if not 900 <= n <= 2500:
        probs.append("%s length %d (non-space) outside 900-2500" % (f, n))
    if sum(1 for l in t.splitlines() if l.count("｜") >= 2 or l.count("\t") >= 2) >= 3:
        ntable += 1
    if sum(c in TRAD_ONLY for c in t) > 30:
        ntrad += 1
    for p in FORBIDDEN:
        if p in t:
            probs.append("forbidden name %s in %s" % (p, f))
if ntable < 3: probs.append("only %d notices with tables" % ntable)
if ntrad != 2: probs.append("%d Traditional notices (want 2)" % ntrad)

lines = open(os.path.join(D, "qs.tsv"), encoding="utf-8").read().split("\n")
if lines and lines[-1] == "": lines = lines[:-1]
if len(lines) != 60: probs.append("qs.tsv has %d lines" % len(lines))
nans = nref = ntq = 0; maxlcs = []
def lcs(a, b):
    best = 0
    for i in range(len(a)):
        for j in range(i + best + 1, len(a) + 1):
            if a[i:j] in b: best = j - i
            else: break
    return best
for k, line in enumerate(lines, 1):
    fs = line.split("\t")
    if len(fs) != 3:
        probs.append("line %d: %d fields" % (k, len(fs))); continue
    q, a, f = fs
    for p in FORBIDDEN:
        if p in q: probs.append("line %d: forbidden name %s" % (k, p))
    if not any(p in q for p in PLACES):
        probs.append("line %d: question names no place" % k)
    if any(c in TRAD_ONLY for c in q): ntq += 1
    if a == "REFUSE" or f == "REFUSE":
        if not (a == "REFUSE" and f == "REFUSE"):
            probs.append("line %d: half REFUSE" % k)
        nref += 1; continue
    nans += 1
    if f not in texts:
        probs.append("line %d: unknown file %s" % (k, f)); continue
    for alt in a.split("|"):
        if not alt or alt not in texts[f]:
            probs.append("line %d: answer %r not in %s" % (k, alt, f))
        if len(alt) > 20:
            probs.append("line %d: answer %r longer than 20" % (k, alt))
    # place named in question must be the file's place
    if not any(p in q and p in texts[f] for p in PLACES):
        probs.append("line %d: question place not in %s" % (k, f))
    q2 = q
    for p in PLACES: q2 = q2.replace(p + "市", "").replace(p + "县", "").replace(p + "縣", "").replace(p + "区", "").replace(p, "")
    L = lcs(q2, texts[f]); maxlcs.append(L)
    if L >= 9: probs.append("line %d: question copies %d chars from notice" % (k, L))
if nans != 50: probs.append("%d answerable (want 50)" % nans)
if nref != 10: probs.append("%d REFUSE (want 10)" % nref)
if ntq < 5: probs.append("only %d Traditional questions" % ntq)

if probs:
    print("\n".join(probs)); sys.exit(1)
print("files=10 tables=%d trad_notices=%d answerable=%d refuse=%d trad_questions=%d max_copied_run=%d"
      % (ntable, ntrad, nans, nref, ntq, max(maxlcs)))
print("OK")
