#!/usr/bin/env python3
"""Checks the probe: corpus files, qs.tsv format, answer spans, forbidden names, Traditional questions."""
import os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")
FORBIDDEN = """澶屿 珲阳 蔚川 崤原 潍陵 琰南 萸江 溧城 岷港 璜桐 瑱桐 砚溪 湜陵 蕤安 东兴 内江 并济 天济 青梧 岍宁 峣溪 崟阳 嵙寮 嶸港 旻崧 昶陂 棻州 湳岫 滢舟 澐崁 澔濱 玙峤 珹溪 珺岙 琠山 琤原 琮湫 琮溪 瑢埔 璆川 璟塘 竑港 翙溟 翙阳 翚渚 翯阳 翾平 芃溆 邶阳 鄀阳 霽湖 骃湟 栎溟 桤岙 棠湄 椤汀 榉滘 楸泖 樗岑 柘漪 榉埕 桤埤 沅嶂 涪濑 濉崙 漳岵 湄溆 泸崃 洮埕 浔岈 洮嶙 漳渼 琯汧 璠潆 璘涔 瑄崌 瑨灃 璩浍 琬湑 瑭峄 璠汭 璩淯 淯岚 沩屺 滟汀 溱嵎 潆畈 澴琦 湫垭 淯泷 溦琈 湫瑀 郗渫 鄠垣 郛峪 郯湍 鄞漈 邗淇 鄣圻 郏崦 鄞峒 硖渟 碚溇 砀浛 碣泺 磐湍 砻瀼 硖峃 礁垚 磻涘 碣瀞 岽沄 岿潾 岣淼 嵛琇 峋瀧 崦滃 巇嶠 嵬澧 翊漷 翎峁 翥泠 翕岢 翮溍 翦垟 羿峧 翛湲 翎瀍 翦湉 旸澥 昉溱 晔泷 晗嶠 曜浉 昀瀛 暄沣 曦漭 苕崆 荻滹 莒崶 菀浈 萁泂 蓁埭 蔺滉 薏澉 鸾沚 鹭潏 鹤塬 鶴塬 鸥滍 鹊澨 鵲澨 鹂崮 鸢洑 鹞埝 鰲嵫 鳌嵫 鰻瀹 鳗瀹 鲈漖 鲑湔 鲟埇 鲥埗 鲲澂 鲸垌 骅浯 骐岵 驍埔 骁埔 骊沱 骏岑 骢潼 骥淞 骧渭 驥寮 骥寮 骁汶 雯峤 霏沄 霖岵 霓汭 霆埗 霈溆 霄崌 雱湑 霏嵐 霏岚 霈崙 霈崙 皓淠 皑潺 皎岘 皙浐 皛埏 皞沭 皓嵝 皑湋 皤嵻 皦澪 甄澋 瓴峧 瓿溁 甏垱 甍溦 甑嵘 甓浥 瓒峪 甄岧 瓚漻 琨涑 瑾沨 璞嵊 璨垕 璀岺 琳峓 琛泐 瑜淏 琛灝 瑜嶔 珂渌 珈崞 珩洧 珮嵚 珣汜 珧淝 玳岨 珏渑 珈溠 珣峬 舫崾 舫渼 舳嵫 舳瀠 舴峂 舸浈 艄澂 艋漖 艟嶧 艨浛 賚淞 贄崙 贽澂 赆岈 赉浔 赍嵘 赑沄 赓溆 赜峤 赟岵 瑶汊 璐濛 瑷滠 璇埕 璎垸 瑗岍 瑙涠 璋潢 驿潢 驺崿 驽嵋 驷滏 驹洹 駘珥 骀珥 驻岜 驸琊 钰淜 铂岯 铮溎 錚溎 铎瀺 铖峘 铠洇 铨峮 銓峮 铧嶅 桉溆 梓沄 楠埕 榕岙 椿泷 楝淇 槿峄 槿嶧 楹潾 鹇漋 鹉湋 鹌峃 鹑泖 鶚屺 鹗屺 鹖沇 鹘涘 鶖瀔 鹙瀔 杉沩 桦浍 檀嵎 柏涔 楷灃 楷沣 栩滘 楣淼 桧汭 骒浠 骓涞 骕嵩 驂洵 骖洵 鹧洺 鹪峪 鷦湳 鹨崧 鹩潕 鷯埔 骘沔 骛漴 骜浃 骝坨 骠嵖 骟淖 骦潓 驦潓 骜涢 骣嶒 驏嶒 骟漶 鹬泫 鹮峦 鹫嵯 鹡濞 鷹汐 鹰汐 鹣洙 鹦涫 鹳岖 鹮埒 鸛崡 鹳崡 鲛澌 鲣峿 鲦沺 鲩垿 鳅浡 鳊嵺 鯪嵁 鲮嵁 鯰滈 鲶滈 骉汍 骈嵂 骍湓 蘼浰 蘅峿 蘖岏 蘘涴 蘩埼""".split()
REAL_CITIES = ["北京", "上海", "天津", "重庆", "广州", "深圳", "杭州", "南京", "武汉", "成都",
               "西安", "长沙", "郑州", "济南", "青岛", "苏州", "厦门", "福州", "合肥", "昆明",
               "台北", "臺北", "台中", "臺中", "高雄", "台南", "臺南", "新竹", "桃园", "桃園",
               "苗栗", "屏东", "屏東", "宜兰", "宜蘭", "花莲", "花蓮", "基隆", "嘉义", "嘉義"]
TRAD_CHARS = set("臺縣請領補錢幾號機車費檢驗歲護級長顧會還這個們裡媽嬤麼給匯進來買換動過價獎關於應當時間區經")
PLACES = ["绛浯市", "绶磡县", "綰溪縣", "绺沄市", "缃塍县", "绻岚市", "絎溟市", "绾湟区", "绡泖县", "缃岑市"]

errors = []
def err(m): errors.append(m)

files = sorted(f for f in os.listdir(CORPUS) if f.endswith(".txt"))
expected = ["n%02d.txt" % i for i in range(1, 11)]
if files != expected:
    err("corpus files %s != %s" % (files, expected))
texts = {}
for f in files:
    t = open(os.path.join(CORPUS, f), encoding="utf-8").read()
    texts[f] = t
    n = len(t)
    if not (900 <= n <= 2500):
        err("%s length %d outside 900-2500" % (f, n))
tables = sum(1 for t in texts.values() if sum(1 for l in t.splitlines() if l.count("｜") >= 2 or l.count("\t") >= 2) >= 2)
if tables < 3:
    err("only %d notices with tables" % tables)

lines = open(os.path.join(HERE, "qs.tsv"), encoding="utf-8").read().split("\n")
if lines and lines[-1] == "":
    lines = lines[:-1]
if len(lines) != 60:
    err("qs.tsv has %d lines, want 60" % len(lines))
ans = ref = trad = 0
for i, line in enumerate(lines, 1):
    parts = line.split("\t")
    if len(parts) != 3 or not all(p.strip() for p in parts):
        err("line %d: not 3 non-empty fields" % i); continue
    q, a, f = parts
    if a == "REFUSE" or f == "REFUSE":
        if not (a == "REFUSE" and f == "REFUSE"):
            err("line %d: REFUSE must be in both answer and file" % i)
        ref += 1
        if not any(p in q for p in PLACES):
            err("line %d: REFUSE question names no corpus place" % i)
    else:
        ans += 1
        if f not in texts:
            err("line %d: unknown file %s" % (i, f)); continue
        for alt in a.split("|"):
            if not alt or alt not in texts[f]:
                err("line %d: answer %r not verbatim in %s" % (i, alt, f))
            if len(alt) > 20:
                err("line %d: answer %r longer than 20 chars" % (i, alt))
        if not any(p in q for p in PLACES):
            err("line %d: question names no place" % i)
    if any(c in TRAD_CHARS for c in q):
        trad += 1
if ans != 50: err("%d answerable, want 50" % ans)
if ref != 10: err("%d REFUSE, want 10" % ref)
if trad < 5: err("only %d Traditional questions" % trad)

alltext = "\n".join(texts.values()) + "\n" + "\n".join(lines)
for name in FORBIDDEN + REAL_CITIES:
    if name in alltext:
        err("forbidden/real name present: %s" % name)

if errors:
    print("\n".join(errors)); print("FAIL (%d problems)" % len(errors)); sys.exit(1)
print("files=%d questions=%d answerable=%d refuse=%d traditional_qs=%d table_notices=%d" % (len(files), len(lines), ans, ref, trad, tables))
print("OK")
