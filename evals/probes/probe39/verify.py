#!/usr/bin/env python3
"""Checks the probe: corpus files, qs.tsv format, answer spans, forbidden names, scripts."""
import os, sys

DIR = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(DIR, "corpus")
FORBIDDEN = """澶屿 珲阳 蔚川 崤原 潍陵 琰南 萸江 溧城 岷港 璜桐 瑱桐 砚溪 湜陵 蕤安 东兴 内江 并济 天济 青梧 岍宁 峣溪 崟阳 嵙寮 嶸港 旻崧 昶陂 棻州 湳岫 滢舟 澐崁 澔濱 玙峤 珹溪 珺岙 琠山 琤原 琮湫 琮溪 瑢埔 璆川 璟塘 竑港 翙溟 翙阳 翚渚 翯阳 翾平 芃溆 邶阳 鄀阳 霽湖 骃湟 栎溟 桤岙 棠湄 椤汀 榉滘 楸泖 樗岑 柘漪 榉埕 桤埤 沅嶂 涪濑 濉崙 漳岵 湄溆 泸崃 洮埕 浔岈 洮嶙 漳渼 琯汧 璠潆 璘涔 瑄崌 瑨灃 璩浍 琬湑 瑭峄 璠汭 璩淯 淯岚 沩屺 滟汀 溱嵎 潆畈 澴琦 湫垭 淯泷 溦琈 湫瑀 郗渫 鄠垣 郛峪 郯湍 鄞漈 邗淇 鄣圻 郏崦 鄞峒 硖渟 碚溇 砀浛 碣泺 磐湍 砻瀼 硖峃 礁垚 磻涘 碣瀞""".split()
# a few real city names as a sanity check (not exhaustive)
REAL = "北京 上海 天津 重庆 广州 深圳 杭州 南京 成都 武汉 西安 长沙 郑州 济南 青岛 厦门 福州 昆明 贵阳 南宁 合肥 南昌 太原 石家庄 沈阳 长春 哈尔滨 兰州 西宁 银川 拉萨 乌鲁木齐 呼和浩特 海口 台北 新竹 台中 高雄 台南 桃園 嘉義 苗栗".split()
PLACES = {"岽沄市", "岿潾市", "岣淼区", "嵛琇市", "峋瀧市", "崦滃县", "巇嶠縣", "巇嶠县", "嵬澧县"}
ALLOWED_FIRST = set("岽岣岿崦嵛嵬巇峋")
TRAD = set("這個們補請區車麼幾電話還錢買舊換節戶為於從與機準費繳內報單級發點備氣貸處時傳開關應當條證書號規齊審撥帳費歲")
TRAD_NOTICES = {"n05.txt", "n07.txt"}

errs = []
def err(m): errs.append(m)

files = sorted(f for f in os.listdir(CORPUS))
want = ["n%02d.txt" % i for i in range(1, 11)]
if files != want:
    err("corpus files: %r" % files)
texts = {}
for f in want:
    p = os.path.join(CORPUS, f)
    if not os.path.exists(p):
        continue
    t = open(p, encoding="utf-8").read()
    texts[f] = t
    n = len("".join(t.split()))
    if not 900 <= n <= 2500:
        err("%s length %d (non-space chars) not in 900-2500" % (f, n))
    is_trad = sum(c in TRAD for c in t) > 20
    if is_trad != (f in TRAD_NOTICES):
        err("%s script mismatch (trad=%s)" % (f, is_trad))
    if not any(p_ in t for p_ in PLACES):
        err("%s names no known place" % f)
tables = [f for f, t in texts.items() if sum(1 for l in t.splitlines() if l.count("｜") >= 1 or "\t" in l) >= 3]
if len(tables) < 3:
    err("only %d notices have tables" % len(tables))
if not any("—" in l and "｜" in l for t in texts.values() for l in t.splitlines()):
    err("no table row with a range")
for p in PLACES:
    if p[0] not in ALLOWED_FIRST:
        err("place %s has disallowed first char" % p)

lines = open(os.path.join(DIR, "qs.tsv"), encoding="utf-8").read().split("\n")
if lines and lines[-1] == "":
    lines = lines[:-1]
if len(lines) != 60:
    err("qs.tsv has %d lines" % len(lines))
ans = ref = trad_q = 0
for i, l in enumerate(lines, 1):
    parts = l.split("\t")
    if len(parts) != 3 or not all(x.strip() for x in parts):
        err("line %d: bad fields %r" % (i, parts)); continue
    q, a, f = parts
    if not any(p in q for p in PLACES):
        err("line %d: question names no place" % i)
    if any(c in TRAD for c in q):
        trad_q += 1
    if a == "REFUSE":
        ref += 1
        if f != "REFUSE":
            err("line %d: REFUSE with file %s" % (i, f))
        continue
    ans += 1
    if f not in texts:
        err("line %d: unknown file %s" % (i, f)); continue
    for alt in a.split("|"):
        if not alt or alt not in texts[f]:
            err("line %d: answer %r not in %s" % (i, alt, f))
        if len(alt) > 20:
            err("line %d: answer %r longer than 20" % (i, alt))
    # question should name the place of its notice
    fp = [p for p in PLACES if p in texts[f]]
    if not any(p in q for p in fp):
        err("line %d: question does not name the place of %s" % (i, f))
if ans != 50 or ref != 10:
    err("answerable %d, refuse %d" % (ans, ref))
if trad_q < 5:
    err("only %d traditional questions" % trad_q)

alltext = "".join(texts.values()) + "\n".join(lines)
for name in FORBIDDEN + REAL:
    if name in alltext:
        err("forbidden/real name found: %s" % name)

if errs:
    print("\n".join(errs)); sys.exit(1)
print("OK: 10 notices, %d answerable, %d REFUSE, %d traditional questions, %d notices with tables" % (ans, ref, trad_q, len(tables)))
