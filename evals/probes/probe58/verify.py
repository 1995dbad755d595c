#!/usr/bin/env python3
"""Checks the probe: corpus/ (10 notices) and qs.tsv (60 questions)."""
import os, re, sys

D = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(D, "corpus")
FORBIDDEN = """澶屿 珲阳 蔚川 崤原 潍陵 琰南 萸江 溧城 岷港 璜桐 瑱桐 砚溪 湜陵 蕤安 东兴 内江 并济 天济 青梧 岍宁 峣溪 崟阳 嵙寮 嶸港 旻崧 昶陂 棻州 湳岫 滢舟 澐崁 澔濱 玙峤 珹溪 珺岙 琠山 琤原 琮湫 琮溪 瑢埔 璆川 璟塘 竑港 翙溟 翙阳 翚渚 翯阳 翾平 芃溆 邶阳 鄀阳 霽湖 骃湟 栎溟 桤岙 棠湄 椤汀 榉滘 楸泖 樗岑 柘漪 榉埕 桤埤 沅嶂 涪濑 濉崙 漳岵 湄溆 泸崃 洮埕 浔岈 洮嶙 漳渼 琯汧 璠潆 璘涔 瑄崌 瑨灃 璩浍 琬湑 瑭峄 璠汭 璩淯 淯岚 沩屺 滟汀 溱嵎 潆畈 澴琦 湫垭 淯泷 溦琈 湫瑀 郗渫 鄠垣 郛峪 郯湍 鄞漈 邗淇 鄣圻 郏崦 鄞峒 硖渟 碚溇 砀浛 碣泺 磐湍 砻瀼 硖峃 礁垚 磻涘 碣瀞 岽沄 岿潾 岣淼 嵛琇 峋瀧 崦滃 巇嶠 嵬澧 翊漷 翎峁 翥泠 翕岢 翮溍 翦垟 羿峧 翛湲 翎瀍 翦湉 旸澥 昉溱 晔泷 晗嶠 曜浉 昀瀛 暄沣 曦漭 苕崆 荻滹 莒崶 菀浈 萁泂 蓁埭 蔺滉 薏澉 鸾沚 鹭潏 鹤塬 鶴塬 鸥滍 鹊澨 鵲澨 鹂崮 鸢洑 鹞埝 鰲嵫 鳌嵫 鰻瀹 鳗瀹 鲈漖 鲑湔 鲟埇 鲥埗 鲲澂 鲸垌 骅浯 骐岵 驍埔 骁埔 骊沱 骏岑 骢潼 骥淞 骧渭 驥寮 骥寮 骁汶 雯峤 霏沄 霖岵 霓汭 霆埗 霈溆 霄崌 雱湑 霏嵐 霏岚 霈崙 霈崙 皓淠 皑潺 皎岘 皙浐 皛埏 皞沭 皓嵝 皑湋 皤嵻 皦澪 甄澋 瓴峧 瓿溁 甏垱 甍溦 甑嵘 甓浥 瓒峪 甄岧 瓚漻 琨涑 瑾沨 璞嵊 璨垕 璀岺 琳峓 琛泐 瑜淏 琛灝 瑜嶔 珂渌 珈崞 珩洧 珮嵚 珣汜 珧淝 玳岨 珏渑 珈溠 珣峬 舫崾 舫渼 舳嵫 舳瀠 舴峂 舸浈 艄澂 艋漖 艟嶧 艨浛 賚淞 贄崙 贽澂 赆岈 赉浔 赍嵘 赑沄 赓溆 赜峤 赟岵 瑶汊 璐濛 瑷滠 璇埕 璎垸 瑗岍 瑙涠 璋潢 驿潢 驺崿 驽嵋 驷滏 驹洹 駘珥 骀珥 驻岜 驸琊 钰淜 铂岯 铮溎 錚溎 铎瀺 铖峘 铠洇 铨峮 銓峮 铧嶅 桉溆 梓沄 楠埕 榕岙 椿泷 楝淇 槿峄 槿嶧 楹潾""".split()
# the fictional places used in this probe (first char from 杉桦柏桧栩楣楷檀)
PLACES = ["杉沩", "桦浍", "柏涔", "桧汭", "栩滘", "楣淼", "楷灃", "楷沣", "檀嵎"]
# characters that occur only in Traditional script (used to spot Traditional text)
TRAD = set("個們來這會時為於與說對從無後發問題應該國學檢區縣網請領補貼錢費麼幾處營業務額費證書關聯絡電話號機構經濟歲條規範辦撥帳戶難廳準備鄉鎮縣灃嵐臺萬間樓層審查給達額罰鍰歇駐館處確認負責權強醫療價讓還連續區")
REAL_CITIES = ["北京", "上海", "天津", "重庆", "广州", "深圳", "杭州", "南京", "成都", "武汉",
               "西安", "长沙", "台北", "臺北", "新竹", "台中", "臺中", "高雄", "苏州", "郑州"]

errs = []
def err(m): errs.append(m)

files = sorted(f for f in os.listdir(CORPUS) if f.endswith(".txt"))
want = ["n%02d.txt" % i for i in range(1, 11)]
if files != want:
    err("corpus files %r != %r" % (files, want))
texts = {}
for f in files:
    t = open(os.path.join(CORPUS, f), encoding="utf-8").read()
    texts[f] = t
    if not (900 <= len(t) <= 2500):
        err("%s length %d not in 900-2500" % (f, len(t)))
trad_files = {f for f, t in texts.items() if sum(c in TRAD for c in t) > 30}
if len(trad_files) != 2:
    err("expected 2 Traditional notices, got %r" % sorted(trad_files))
tables = [f for f, t in texts.items() if sum(1 for l in t.splitlines() if l.count("｜") >= 1 or l.count("\t") >= 1) >= 3]
if len(tables) < 3:
    err("only %d notices with tables" % len(tables))

lines = open(os.path.join(D, "qs.tsv"), encoding="utf-8").read().splitlines()
if len(lines) != 60:
    err("qs.tsv has %d lines, want 60" % len(lines))
n_ans = n_ref = n_trad = 0
seenq = set()
for i, line in enumerate(lines, 1):
    parts = line.split("\t")
    if len(parts) != 3:
        err("line %d: %d fields" % (i, len(parts))); continue
    q, a, f = parts
    if not q.strip() or not a.strip():
        err("line %d: empty field" % i)
    if q in seenq:
        err("line %d: duplicate question" % i)
    seenq.add(q)
    if a == "REFUSE":
        if f != "REFUSE":
            err("line %d: REFUSE answer but file %s" % (i, f))
        n_ref += 1
        if not any(p in q for p in PLACES):
            err("line %d: REFUSE question names no corpus place" % i)
        continue
    n_ans += 1
    if f not in texts:
        err("line %d: unknown file %s" % (i, f)); continue
    for alt in a.split("|"):
        if not alt or alt not in texts[f]:
            err("line %d: answer %r not in %s" % (i, alt, f))
        if len(alt) > 20:
            err("line %d: answer %r longer than 20 chars" % (i, alt))
    if not any(p in q for p in PLACES):
        err("line %d: question names no place" % i)
    if f in trad_files and sum(c in TRAD for c in q) >= 1:
        n_trad += 1
if n_ans != 50: err("%d answerable, want 50" % n_ans)
if n_ref != 10: err("%d REFUSE, want 10" % n_ref)
if n_trad < 5: err("%d Traditional questions, want 5+" % n_trad)

alltext = "".join(texts.values()) + "\n".join(lines)
for name in FORBIDDEN + REAL_CITIES:
    if name in alltext:
        err("forbidden/real place name %s used" % name)

if errs:
    print("\n".join(errs)); print("FAIL (%d)" % len(errs)); sys.exit(1)
print("files=10 answerable=%d refuse=%d traditional_questions=%d tables=%d trad_notices=%s"
      % (n_ans, n_ref, n_trad, len(tables), ",".join(sorted(trad_files))))
print("OK")
