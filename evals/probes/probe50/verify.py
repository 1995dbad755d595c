#!/usr/bin/env python3
"""Verify the probe: corpus/n01..n10.txt and qs.tsv."""
import os, re, sys

D = os.path.dirname(os.path.abspath(__file__))
FORBIDDEN = """澶屿 珲阳 蔚川 崤原 潍陵 琰南 萸江 溧城 岷港 璜桐 瑱桐 砚溪 湜陵 蕤安 东兴 内江 并济 天济 青梧 岍宁 峣溪 崟阳 嵙寮 嶸港 旻崧 昶陂 棻州 湳岫 滢舟 澐崁 澔濱 玙峤 珹溪 珺岙 琠山 琤原 琮湫 琮溪 瑢埔 璆川 璟塘 竑港 翙溟 翙阳 翚渚 翯阳 翾平 芃溆 邶阳 鄀阳 霽湖 骃湟 栎溟 桤岙 棠湄 椤汀 榉滘 楸泖 樗岑 柘漪 榉埕 桤埤 沅嶂 涪濑 濉崙 漳岵 湄溆 泸崃 洮埕 浔岈 洮嶙 漳渼 琯汧 璠潆 璘涔 瑄崌 瑨灃 璩浍 琬湑 瑭峄 璠汭 璩淯 淯岚 沩屺 滟汀 溱嵎 潆畈 澴琦 湫垭 淯泷 溦琈 湫瑀 郗渫 鄠垣 郛峪 郯湍 鄞漈 邗淇 鄣圻 郏崦 鄞峒 硖渟 碚溇 砀浛 碣泺 磐湍 砻瀼 硖峃 礁垚 磻涘 碣瀞 岽沄 岿潾 岣淼 嵛琇 峋瀧 崦滃 巇嶠 嵬澧 翊漷 翎峁 翥泠 翕岢 翮溍 翦垟 羿峧 翛湲 翎瀍 翦湉 旸澥 昉溱 晔泷 晗嶠 曜浉 昀瀛 暄沣 曦漭 苕崆 荻滹 莒崶 菀浈 萁泂 蓁埭 蔺滉 薏澉 鸾沚 鹭潏 鹤塬 鶴塬 鸥滍 鹊澨 鵲澨 鹂崮 鸢洑 鹞埝 鰲嵫 鳌嵫 鰻瀹 鳗瀹 鲈漖 鲑湔 鲟埇 鲥埗 鲲澂 鲸垌 骅浯 骐岵 驍埔 骁埔 骊沱 骏岑 骢潼 骥淞 骧渭 驥寮 骥寮 骁汶 雯峤 霏沄 霖岵 霓汭 霆埗 霈溆 霄崌 雱湑 霏嵐 霏岚 霈崙 霈崙 皓淠 皑潺 皎岘 皙浐 皛埏 皞沭 皓嵝 皑湋 皤嵻 皦澪 甄澋 瓴峧 瓿溁 甏垱 甍溦 甑嵘 甓浥 瓒峪 甄岧 瓚漻""".split()
# a few real city names that must not appear as place names either
REAL = "北京 上海 广州 深圳 杭州 南京 成都 重庆 武汉 西安 天津 苏州 长沙 郑州 台北 臺北 新竹 台中 臺中 高雄 桃園".split()
TRAD_ONLY = set("個們領這還請錢貼臺齡歲縣鄉裡會隻補養幾罰結紮麼與說聯絡絕須應該發給長輩嗎費撥辦證")
PLACE_FIRST = set("珂珈珏珩珮珣珧玳")

errs = []
def err(m): errs.append(m)

cdir = os.path.join(D, "corpus")
names = sorted(f for f in os.listdir(cdir) if f.endswith(".txt"))
want = ["n%02d.txt" % i for i in range(1, 11)]
if names != want:
    err("corpus files %r != %r" % (names, want))
texts = {}
for n in names:
    t = open(os.path.join(cdir, n), encoding="utf-8").read()
    texts[n] = t
    L = len(t)
    if not 900 <= L <= 2500:
        err("%s length %d not in 900-2500" % (n, L))
tables = [n for n, t in texts.items() if sum(1 for l in t.splitlines() if "｜" in l or "\t" in l) >= 3]
if len(tables) < 3:
    err("only %d notices with tables" % len(tables))
trad_files = [n for n, t in texts.items() if sum(c in TRAD_ONLY for c in t) >= 20]
if len(trad_files) != 2:
    err("traditional notices: %r (want 2)" % trad_files)

lines = open(os.path.join(D, "qs.tsv"), encoding="utf-8").read().split("\n")
if lines and lines[-1] == "":
    lines = lines[:-1]
if len(lines) != 60:
    err("qs.tsv has %d lines" % len(lines))
ans = ref = trad_q = 0
for i, l in enumerate(lines, 1):
    f = l.split("\t")
    if len(f) != 3 or not all(x.strip() for x in f):
        err("line %d: bad fields %r" % (i, f)); continue
    q, a, fn = f
    if a == "REFUSE" or fn == "REFUSE":
        if not (a == "REFUSE" and fn == "REFUSE"):
            err("line %d: half REFUSE" % i)
        ref += 1
        if not any(c in PLACE_FIRST for c in q):
            err("line %d: REFUSE question names no corpus place" % i)
        continue
    ans += 1
    if fn not in texts:
        err("line %d: unknown file %s" % (i, fn)); continue
    for alt in a.split("|"):
        if not alt or alt not in texts[fn]:
            err("line %d: answer %r not in %s" % (i, alt, fn))
        if len(alt) > 20:
            err("line %d: answer %r longer than 20 chars" % (i, alt))
    if fn in trad_files and any(c in TRAD_ONLY for c in q):
        trad_q += 1
if ans != 50: err("answerable = %d (want 50)" % ans)
if ref != 10: err("REFUSE = %d (want 10)" % ref)
if trad_q < 5: err("traditional questions = %d (want >=5)" % trad_q)

alltext = "\n".join(texts.values()) + "\n" + "\n".join(lines)
for w in FORBIDDEN + REAL:
    if w in alltext:
        err("forbidden name %s present" % w)

if errs:
    print("\n".join(errs)); print("FAIL (%d problems)" % len(errs)); sys.exit(1)
print("OK: 10 notices (tables in %d, traditional %s), 60 questions (%d answerable, %d REFUSE, %d traditional)"
      % (len(tables), ",".join(trad_files), ans, ref, trad_q))
