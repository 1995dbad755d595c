#!/usr/bin/env python3
"""Checks the probe: corpus files, qs.tsv format, answer spans, forbidden names, Traditional count."""
import os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")
QS = os.path.join(HERE, "qs.tsv")

FORBIDDEN = """东兴 内江 圩濯 埸峧 堃潏 塥渼 墒埭 壅漷 天济 岍宁 岣淼 岷港 岽沄 岿潾 峋瀧 峣溪 崟阳 崤原 崦滃 嵙寮 嵛琇 嵬澧 嶸港 巇嶠 帑瀞 帔漴 幞涧 并济 庋溟 廨埠 弁潭 彀岭 忭泽 戡泺 戢岘 戥溪 戬沅 扃浦 扆港 斛洺 斟浈 旃埒 旌潼 旸澥 旻崧 昀瀛 昉溱 昶陂 晁岜 晏浯 晔泷 晗嶠 晷沣 暄沣 暾岫 曜浉 曦漭 曷溱 朐嵋 杉沩 杪泷 杪瀧 杳沄 杳澐 柏涔 柘漪 栎溟 栩滘 桉溆 桤埤 桤岙 桦浍 桧汭 梓沄 棠湄 棻州 椤汀 椿泷 楝淇 楠埕 楣淼 楷沣 楷灃 楸泖 楹潾 榉埕 榉滘 榕岙 槿峄 槿嶧 樗岑 檀嵎 沅嶂 沩屺 泸崃 洮埕 洮嶙 浔岈 涪濑 淯岚 淯泷 湄溆 湜陵 湫垭 湫瑀 湳岫 溦琈 溧城 溱嵎 滟汀 滢舟 漳岵 漳渼 潆畈 潍陵 澐崁 澔濱 澴琦 澶屿 濉崙 牍泠 牖崧 牯崁 犄沣 犍漪 犒岙 犴埔 狎沄 玙峤 玳岨 珂渌 珈崞 珈溠 珏渑 珣峬 珣汜 珧淝 珩洧 珮嵚 珲阳 珹溪 珺岙 琛泐 琛灝 琠山 琤原 琨涑 琬湑 琮湫 琮溪 琯汧 琰南 琳峓 瑄崌 瑗岍 瑙涠 瑜嶔 瑜淏 瑢埔 瑨灃 瑭峄 瑱桐 瑶汊 瑷滠 瑾沨 璀岺 璆川 璇埕 璋潢 璎垸 璐濛 璘涔 璜桐 璞嵊 璟塘 璠汭 璠潆 璨垕 璩浍 璩淯 瓒峪 瓚漻 瓴峧 瓿溁 甄岧 甄澋 甍溦 甏垱 甑嵘 甓浥 皎岘 皑湋 皑潺 皓嵝 皓淠 皙浐 皛埏 皞沭 皤嵻 皦澪 瞿溏 矍洎 砀浛 砗墀 砚溪 砝崚 砩渰 砹巉 砻瀼 硖峃 硖渟 碇堌 碓漘 碚溇 碣泺 碣瀞 磐湍 磻涘 礁垚 竑港 絎溟 綰溪 縝沘 縹湟 绗溟 绛浯 绡泖 绶磡 绺沄 绻岚 绾湟 绾溪 缁澴 缃塍 缃岑 缇嵫 缗浰 缙岠 缛湑 缜沘 缟峒 缥湟 罍崁 罘浥 罟寮 罡漭 罨汀 罴岫 罾埗 羁泓 羿峧 翊漷 翎峁 翎瀍 翕岢 翙溟 翙阳 翚渚 翛湲 翥泠 翦垟 翦湉 翮溍 翯阳 翾平 舫崾 舫渼 舳嵫 舳瀠 舴峂 舸浈 艄澂 艋漖 艟嶧 艨浛 芃溆 苕崆 茆淦 茈屾 茛澍 茱崴 荃瀣 荇峣 荪崿 荸淩 荻滹 莒崶 菀浈 萁泂 萸江 蒗嶓 蓁埭 蓼汧 蔚川 蔺滉 蔻溇 蕙塱 蕤安 蕲垭 薏澉 薤峂 藜漹 蘅峿 蘋崱 蘖岏 蘘涴 蘩埼 蘼浰 觐渫 觚崃 觜澜 觜瀾 觞滘 觥潼 觫湄 觯岙 觳埤 賚淞 贄崙 贽澂 赆岈 赉浔 赍嵘 赑沄 赓溆 赜峤 赟岵 邗淇 邙滠 邙漹 邛崌 邛渼 邡岘 邡澯 邰淏 邳嵚 邳湝 邴浛 邴溦 邶阳 邺浍 邺瀍 郏崦 郓嵖 郓沺 郗渫 郛峪 郜湉 郜漯 郫泂 郯湍 郾嵝 鄀阳 鄄沨 鄞峒 鄞漈 鄠垣 鄢澪 鄣圻 鄯浈 鄱汭 酆峄 銓峮 銣嶙 鋱洳 錚溎 鐔濠 鑭淦 钰淜 钷滹 铂岯 铎瀺 铖峘 铘岑 铟垭 铠洇 铧嶅 铨峮 铮溎 铷嶙 铽洳 锆溱 锑浔 锝沅 镏嶷 镏泓 镐淅 镛澍 镛濡 镝埙 镡濠 镦峥 镧淦 镨漯 雯峤 雱湑 霄崌 霆埗 霈崙 霈溆 霏岚 霏嵐 霏沄 霓汭 霖岵 霽湖 青梧 駘珥 驂洵 驍埔 驏嶒 驥寮 驦潓 驷滏 驸琊 驹洹 驺崿 驻岜 驽嵋 驿潢 骀珥 骁埔 骁汶 骃湟 骅浯 骈嵂 骉汍 骊沱 骍湓 骏岑 骐岵 骒浠 骓涞 骕嵩 骖洵 骘沔 骛漴 骜浃 骜涢 骝坨 骟淖 骟漶 骠嵖 骢潼 骣嶒 骥寮 骥淞 骦潓 骧渭 鯪嵁 鯰滈 鰲嵫 鰻瀹 鲈漖 鲑湔 鲛澌 鲟埇 鲣峿 鲥埗 鲦沺 鲩垿 鲮嵁 鲲澂 鲶滈 鲸垌 鳅浡 鳊嵺 鳌嵫 鳗瀹 鵲澨 鶖瀔 鶚屺 鶴塬 鷦湳 鷯埔 鷹汐 鸛崡 鸢洑 鸥滍 鸾沚 鹂崮 鹇漋 鹉湋 鹊澨 鹌峃 鹑泖 鹖沇 鹗屺 鹘涘 鹙瀔 鹞埝 鹡濞 鹣洙 鹤塬 鹦涫 鹧洺 鹨崧 鹩潕 鹪峪 鹫嵯 鹬泫 鹭潏 鹮埒 鹮峦 鹰汐 鹳岖 鹳崡""".split()

# characters that only occur in Traditional script (their Simplified forms differ)
TRAD_ONLY = set("補輛臺請區處們飲準備個機車幾錢裡後電動門單時給應於從與為這會標類報關種資證號體學國際問題對開過還點擇縣鄉經當歲壽環護舊換購寄錄並該費須辦復實現務說話設計將數據讓達據議紀廳條據買賣業讀寫錯級絡網線頁")

errors = []
def err(m):
    errors.append(m)

files = sorted(f for f in os.listdir(CORPUS) if f.endswith(".txt"))
expected = ["n%02d.txt" % i for i in range(1, 11)]
if files != expected:
    err("corpus files %r != %r" % (files, expected))
texts = {}
for f in files:
    with open(os.path.join(CORPUS, f), encoding="utf-8") as fh:
        texts[f] = fh.read()
    n = len(texts[f])
    if not (900 <= n <= 2500):
        err("%s has %d chars (need 900-2500)" % (f, n))

with open(QS, encoding="utf-8") as fh:
    lines = fh.read().split("\n")
if lines and lines[-1] == "":
    lines = lines[:-1]
if len(lines) != 60:
    err("qs.tsv has %d lines (need 60)" % len(lines))
ans = ref = trad = 0
seen_q = set()
for i, line in enumerate(lines, 1):
    parts = line.split("\t")
    if len(parts) != 3:
        err("line %d: %d fields" % (i, len(parts)))
        continue
    q, a, f = parts
    if not q.strip() or not a.strip():
        err("line %d: empty field" % i)
    if q in seen_q:
        err("line %d: duplicate question" % i)
    seen_q.add(q)
    if any(c in TRAD_ONLY for c in q):
        trad += 1
    if a == "REFUSE" or f == "REFUSE":
        if not (a == "REFUSE" and f == "REFUSE"):
            err("line %d: REFUSE must be in both answer and file" % i)
        ref += 1
        continue
    ans += 1
    if f not in texts:
        err("line %d: unknown file %s" % (i, f))
        continue
    for alt in a.split("|"):
        if not alt:
            err("line %d: empty alternative" % i)
        elif alt not in texts[f]:
            err("line %d: answer %r not found in %s" % (i, alt, f))
        elif len(alt) > 20:
            err("line %d: answer %r longer than 20 chars" % (i, alt))
if ans != 50:
    err("%d answerable (need 50)" % ans)
if ref != 10:
    err("%d REFUSE (need 10)" % ref)
if trad < 5:
    err("only %d Traditional questions (need 5+)" % trad)

# forbidden place names anywhere in corpus or questions
alltext = {"qs.tsv": "\n".join(lines)}
alltext.update(texts)
for name in FORBIDDEN:
    for k, t in alltext.items():
        if name in t:
            err("forbidden name %s in %s" % (name, k))

tables = sum(1 for t in texts.values() if re.search(r"^.*[｜\t].*[｜\t].*$", t, re.M))
if tables < 3:
    err("only %d notices with tables (need 3+)" % tables)

if errors:
    print("\n".join(errors))
    print("FAIL (%d problems)" % len(errors))
    sys.exit(1)
print("files=%d lines=%d answerable=%d refuse=%d traditional_q=%d tables=%d forbidden_checked=%d" % (
    len(files), len(lines), ans, ref, trad, tables, len(FORBIDDEN)))
print("OK")
