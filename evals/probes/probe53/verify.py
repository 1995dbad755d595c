#!/usr/bin/env python3
"""Checks the probe in this folder: corpus/n01..n10.txt and qs.tsv."""
import os, sys
D = os.path.dirname(os.path.abspath(__file__))
FORBIDDEN = '澶屿 珲阳 蔚川 崤原 潍陵 琰南 萸江 溧城 岷港 璜桐 瑱桐 砚溪 湜陵 蕤安 东兴 内江 并济 天济 青梧 岍宁 峣溪 崟阳 嵙寮 嶸港 旻崧 昶陂 棻州 湳岫 滢舟 澐崁 澔濱 玙峤 珹溪 珺岙 琠山 琤原 琮湫 琮溪 瑢埔 璆川 璟塘 竑港 翙溟 翙阳 翚渚 翯阳 翾平 芃溆 邶阳 鄀阳 霽湖 骃湟 栎溟 桤岙 棠湄 椤汀 榉滘 楸泖 樗岑 柘漪 榉埕 桤埤 沅嶂 涪濑 濉崙 漳岵 湄溆 泸崃 洮埕 浔岈 洮嶙 漳渼 琯汧 璠潆 璘涔 瑄崌 瑨灃 璩浍 琬湑 瑭峄 璠汭 璩淯 淯岚 沩屺 滟汀 溱嵎 潆畈 澴琦 湫垭 淯泷 溦琈 湫瑀 郗渫 鄠垣 郛峪 郯湍 鄞漈 邗淇 鄣圻 郏崦 鄞峒 硖渟 碚溇 砀浛 碣泺 磐湍 砻瀼 硖峃 礁垚 磻涘 碣瀞 岽沄 岿潾 岣淼 嵛琇 峋瀧 崦滃 巇嶠 嵬澧 翊漷 翎峁 翥泠 翕岢 翮溍 翦垟 羿峧 翛湲 翎瀍 翦湉 旸澥 昉溱 晔泷 晗嶠 曜浉 昀瀛 暄沣 曦漭 苕崆 荻滹 莒崶 菀浈 萁泂 蓁埭 蔺滉 薏澉 鸾沚 鹭潏 鹤塬 鶴塬 鸥滍 鹊澨 鵲澨 鹂崮 鸢洑 鹞埝 鰲嵫 鳌嵫 鰻瀹 鳗瀹 鲈漖 鲑湔 鲟埇 鲥埗 鲲澂 鲸垌 骅浯 骐岵 驍埔 骁埔 骊沱 骏岑 骢潼 骥淞 骧渭 驥寮 骥寮 骁汶 雯峤 霏沄 霖岵 霓汭 霆埗 霈溆 霄崌 雱湑 霏嵐 霏岚 霈崙 霈崙 皓淠 皑潺 皎岘 皙浐 皛埏 皞沭 皓嵝 皑湋 皤嵻 皦澪 甄澋 瓴峧 瓿溁 甏垱 甍溦 甑嵘 甓浥 瓒峪 甄岧 瓚漻 琨涑 瑾沨 璞嵊 璨垕 璀岺 琳峓 琛泐 瑜淏 琛灝 瑜嶔 珂渌 珈崞 珩洧 珮嵚 珣汜 珧淝 玳岨 珏渑 珈溠 珣峬 舫崾 舫渼 舳嵫 舳瀠 舴峂 舸浈 艄澂 艋漖 艟嶧 艨浛 賚淞 贄崙 贽澂 赆岈 赉浔 赍嵘 赑沄 赓溆 赜峤 赟岵'.split()
REAL_CITIES = "北京 上海 天津 重庆 广州 深圳 杭州 南京 武汉 成都 西安 长沙 郑州 济南 青岛 沈阳 大连 哈尔滨 长春 福州 厦门 合肥 南昌 昆明 贵阳 南宁 兰州 太原 石家庄 呼和浩特 乌鲁木齐 拉萨 银川 西宁 海口 台北 臺北 新竹 台中 臺中 台南 臺南 高雄 桃园 桃園 苏州 无锡 宁波 温州 常德 邵阳".split()
TRAD = set("縣見義為險檢幾錢歲項參補電話號領獎傷會長嗎這裡請報項鄉鎮買賣蹟詢輕傷醫藥費幫團體從們個麼對應單務過還業開關門問題時間東實發來")
errs = []
files = ["n%02d.txt" % i for i in range(1, 11)]
cdir = os.path.join(D, "corpus")
present = sorted(f for f in os.listdir(cdir) if f.endswith(".txt"))
if present != files:
    errs.append("corpus files: %s" % present)
texts = {}
for f in files:
    p = os.path.join(cdir, f)
    if not os.path.exists(p):
        continue
    t = open(p, encoding="utf-8").read()
    texts[f] = t
    n = len(t)
    if not 900 <= n <= 2500:
        errs.append("%s length %d" % (f, n))
tables = sum(1 for t in texts.values() if any(l.count("｜") >= 1 or l.count("\t") >= 1 for l in t.splitlines()))
if tables < 3:
    errs.append("only %d notices with tables" % tables)
lines = open(os.path.join(D, "qs.tsv"), encoding="utf-8").read().rstrip("\n").split("\n")
if len(lines) != 60:
    errs.append("qs.tsv has %d lines" % len(lines))
ans = ref = trad = trad_ans = 0
seen = set()
for i, l in enumerate(lines, 1):
    parts = l.split("\t")
    if len(parts) != 3:
        errs.append("line %d: %d fields" % (i, len(parts)))
        continue
    q, a, f = parts
    if q in seen:
        errs.append("line %d: duplicate question" % i)
    seen.add(q)
    if a == "REFUSE" or f == "REFUSE":
        if not (a == "REFUSE" and f == "REFUSE"):
            errs.append("line %d: half REFUSE" % i)
        ref += 1
    else:
        ans += 1
        if f not in texts:
            errs.append("line %d: bad file %s" % (i, f))
            continue
        for alt in a.split("|"):
            if not alt or alt not in texts[f]:
                errs.append("line %d: answer %r not in %s" % (i, alt, f))
            if len(alt) > 20:
                errs.append("line %d: answer %r longer than 20" % (i, alt))
    if any(c in TRAD for c in q):
        trad += 1
        if a != "REFUSE":
            trad_ans += 1
if ans != 50 or ref != 10:
    errs.append("answerable %d refuse %d" % (ans, ref))
if trad_ans < 5:
    errs.append("only %d Traditional questions" % trad)
alltext = "\n".join(texts.values()) + "\n" + "\n".join(lines)
for nm in FORBIDDEN:
    if nm in alltext:
        errs.append("forbidden place name %s" % nm)
for nm in REAL_CITIES:
    if nm in alltext:
        errs.append("real city name %s" % nm)
print("answerable=%d refuse=%d traditional_questions=%d (answerable %d) notices_with_tables=%d" % (ans, ref, trad, trad_ans, tables))
if errs:
    print("\n".join(errs))
    sys.exit(1)
print("OK")
