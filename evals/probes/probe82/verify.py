#!/usr/bin/env python3
"""Verify probe82: corpus + qs.tsv consistency (stdlib only)."""
import os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")
QS = os.path.join(HERE, "qs.tsv")

FORBIDDEN = """澶屿 珲阳 蔚川 崤原 潍陵 琰南 萸江 溧城 岷港 璜桐 瑱桐 砚溪 湜陵 蕤安 东兴 内江 并济 天济 青梧 岍宁 峣溪 崟阳 嵙寮 嶸港 旻崧 昶陂 棻州 湳岫 滢舟 澐崁 澔濱 玙峤 珹溪 珺岙 琠山 琤原 琮湫 琮溪 瑢埔 璆川 璟塘 竑港 翙溟 翙阳 翚渚 翯阳 翾平 芃溆 邶阳 鄀阳 霽湖 骃湟 栎溟 桤岙 棠湄 椤汀 榉滘 楸泖 樗岑 柘漪 榉埕 桤埤 沅嶂 涪濑 濉崙 漳岵 湄溆 泸崃 洮埕 浔岈 洮嶙 漳渼 琯汧 璠潆 璘涔 瑄崌 瑨灃 璩浍 琬湑 瑭峄 璠汭 璩淯 淯岚 沩屺 滟汀 溱嵎 潆畈 澴琦 湫垭 淯泷 溦琈 湫瑀 郗渫 鄠垣 郛峪 郯湍 鄞漈 邗淇 鄣圻 郏崦 鄞峒 硖渟 碚溇 砀浛 碣泺 磐湍 砻瀼 硖峃 礁垚 磻涘 碣瀞 岽沄 岿潾 岣淼 嵛琇 峋瀧 崦滃 巇嶠 嵬澧 翊漷 翎峁 翥泠 翕岢 翮溍 翦垟 羿峧 翛湲 翎瀍 翦湉 旸澥 昉溱 晔泷 晗嶠 曜浉 昀瀛 暄沣 曦漭 苕崆 荻滹 莒崶 菀浈 萁泂 蓁埭 蔺滉 薏澉 鸾沚 鹭潏 鹤塬 鶴塬 鸥滍 鹊澨 鵲澨 鹂崮 鸢洑 鹞埝 鰲嵫 鳌嵫 鰻瀹 鳗瀹 鲈漖 鲑湔 鲟埇 鲥埗 鲲澂 鲸垌 骅浯 骐岵 驍埔 骁埔 骊沱 骏岑 骢潼 骥淞 骧渭 驥寮 骥寮 骁汶 雯峤 霏沄 霖岵 霓汭 霆埗 霈溆 霄崌 雱湑 霏嵐 霏岚 霈崙 霈崙 皓淠 皑潺 皎岘 皙浐 皛埏 皞沭 皓嵝 皑湋 皤嵻 皦澪 甄澋 瓴峧 瓿溁 甏垱 甍溦 甑嵘 甓浥 瓒峪 甄岧 瓚漻 琨涑 瑾沨 璞嵊 璨垕 璀岺 琳峓 琛泐 瑜淏 琛灝 瑜嶔 珂渌 珈崞 珩洧 珮嵚 珣汜 珧淝 玳岨 珏渑 珈溠 珣峬 舫崾 舫渼 舳嵫 舳瀠 舴峂 舸浈 艄澂 艋漖 艟嶧 艨浛 賚淞 贄崙 贽澂 赆岈 赉浔 赍嵘 赑沄 赓溆 赜峤 赟岵 瑶汊 璐濛 瑷滠 璇埕 璎垸 瑗岍 瑙涠 璋潢 驿潢 驺崿 驽嵋 驷滏 驹洹 駘珥 骀珥 驻岜 驸琊 钰淜 铂岯 铮溎 錚溎 铎瀺 铖峘 铠洇 铨峮 銓峮 铧嶅 桉溆 梓沄 楠埕 榕岙 椿泷 楝淇 槿峄 槿嶧 楹潾 鹇漋 鹉湋 鹌峃 鹑泖 鶚屺 鹗屺 鹖沇 鹘涘 鶖瀔 鹙瀔 杉沩 桦浍 檀嵎 柏涔 楷灃 楷沣 栩滘 楣淼 桧汭 骒浠 骓涞 骕嵩 驂洵 骖洵 鹧洺 鹪峪 鷦湳 鹨崧 鹩潕 鷯埔 骘沔 骛漴 骜浃 骝坨 骠嵖 骟淖 骦潓 驦潓 骜涢 骣嶒 驏嶒 骟漶 鹬泫 鹮峦 鹫嵯 鹡濞 鷹汐 鹰汐 鹣洙 鹦涫 鹳岖 鹮埒 鸛崡 鹳崡 鲛澌 鲣峿 鲦沺 鲩垿 鳅浡 鳊嵺 鯪嵁 鲮嵁 鯰滈 鲶滈 骉汍 骈嵂 骍湓 蘼浰 蘅峿 蘖岏 蘘涴 蘩埼 缁澴 缇嵫 縝沘 缜沘 缙岠 缛湑 缟峒 缗浰 縹湟 缥湟 绛浯 绶磡 綰溪 绾溪 绺沄 缃塍 绻岚 絎溟 绗溟 绾湟 绡泖 缃岑 茆淦 茛澍 荪崿 茈屾 荃瀣 荸淩 荇峣 茱崴 镏嶷 镐淅 镡濠 鐔濠 镛澍 镝埙 镦峥 镨漯 镧淦 鑭淦 镏泓 镛濡 蕲垭 蓼汧 蘋崱 薤峂 蒗嶓 藜漹 蔻溇 蕙塱 锑浔 铘岑 鋱洳 铽洳 锝沅 銣嶙 铷嶙 锆溱 铟垭 钷滹 圩濯 堃潏 帑瀞 塥渼 壅漷 墒埭 帔漴 埸峧 幞涧 弁潭 庋溟 廨埠 彀岭 扃浦 忭泽 扆港 戡泺 斛洺 戢岘 戬沅 斟浈 戥溪 旃埒 旌潼 晁岜 晏浯 晷沣 暾岫 曷溱 朐嵋 杪瀧 杪泷 杳澐 杳沄 牍泠 牖崧 牯崁 犄沣 犍漪 犒岙 犴埔 狎沄 瞿溏 砝崚 碇堌 矍洎 砗墀 砩渰 砹巉 碓漘 觚崃 觥潼 觫湄 觯岙 觞滘 觐渫 觜瀾 觜澜 觳埤 罘浥 罡漭 罨汀 罴岫 罾埗 羁泓 罍崁 罟寮 郫泂 邰淏 郾嵝 鄱汭 鄄沨 酆峄 鄢澪 鄯浈 邙漹 郜湉 邛崌 邺瀍 邡澯 邳嵚 邴浛 郓沺 邙滠 邳湝 邡岘 郜漯 邛渼 郓嵖 邺浍 邴溦""".split()
REAL_CITIES = ("北京 上海 天津 重庆 广州 深圳 杭州 南京 武汉 成都 西安 长沙 郑州 济南 青岛 "
               "福州 厦门 昆明 贵阳 南宁 合肥 南昌 沈阳 大连 长春 哈尔滨 石家庄 太原 兰州 "
               "银川 西宁 拉萨 乌鲁木齐 呼和浩特 海口 苏州 无锡 宁波 温州 东莞 佛山 "
               "台北 臺北 新北 桃园 桃園 台中 臺中 台南 臺南 高雄 新竹 嘉义 嘉義 基隆 花莲 花蓮").split()
PLACE_INITIALS = set("耔耖耜耠耢耥耧耩")
TRAD_CHARS = set("們過這費幾麼獎勵數員領補錢臺縣戶來該請會說時間應後對動發證點體經務變讓單與開關聯當進處繳額薪資協區場館禮儀")

errors = []
def err(m): errors.append(m)

# corpus
expected = ["n%02d.txt" % i for i in range(1, 11)]
files = sorted(f for f in os.listdir(CORPUS) if f.endswith(".txt"))
if files != expected:
    err("corpus files %r != %r" % (files, expected))
texts = {}
for f in files:
    t = open(os.path.join(CORPUS, f), encoding="utf-8").read()
    texts[f] = t
    if not (900 <= len(t) <= 2500):
        err("%s length %d not in 900-2500" % (f, len(t)))
n_table = sum(1 for t in texts.values()
              if sum(1 for ln in t.splitlines() if ln.count("｜") >= 1 or ln.count("\t") >= 1) >= 3)
if n_table < 3:
    err("only %d notices with tables" % n_table)
n_trad = sum(1 for t in texts.values() if sum(ch in TRAD_CHARS for ch in t) > 30)
if n_trad != 2:
    err("expected 2 Traditional notices, found %d" % n_trad)

# questions
lines = open(QS, encoding="utf-8").read().splitlines()
if len(lines) != 60:
    err("qs.tsv has %d lines, expected 60" % len(lines))
ans = ref = trad_q = 0
for i, ln in enumerate(lines, 1):
    parts = ln.split("\t")
    if len(parts) != 3 or not all(p.strip() for p in parts):
        err("line %d: not 3 non-empty fields" % i); continue
    q, a, f = parts
    if a == "REFUSE" or f == "REFUSE":
        if not (a == "REFUSE" and f == "REFUSE"):
            err("line %d: REFUSE must be in both answer and file" % i)
        ref += 1
    else:
        ans += 1
        if f not in texts:
            err("line %d: unknown file %s" % (i, f)); continue
        for alt in a.split("|"):
            if not alt or alt not in texts[f]:
                err("line %d: answer %r not found verbatim in %s" % (i, alt, f))
            if len(alt) > 20:
                err("line %d: answer %r longer than 20 chars" % (i, alt))
    if not any(ch in PLACE_INITIALS for ch in q):
        err("line %d: question names no corpus place" % i)
    if sum(ch in TRAD_CHARS for ch in q) >= 2:
        trad_q += 1
if ans != 50: err("answerable count %d != 50" % ans)
if ref != 10: err("REFUSE count %d != 10" % ref)
if trad_q < 5: err("only %d Traditional questions" % trad_q)

# forbidden / real place names
alltext = "\n".join(texts.values()) + "\n" + "\n".join(lines)
for n in FORBIDDEN + REAL_CITIES:
    if n in alltext:
        err("forbidden/real place name %r found" % n)

if errors:
    for e in errors: print("ERROR:", e)
    sys.exit(1)
print("files=%d questions=%d answerable=%d refuse=%d traditional_q=%d table_notices=%d trad_notices=%d"
      % (len(files), len(lines), ans, ref, trad_q, n_table, n_trad))
print("OK")
