#!/usr/bin/env python3
"""Checks the probe in this folder: corpus/n01..n10.txt and qs.tsv."""
import os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")
QS = os.path.join(HERE, "qs.tsv")

FORBIDDEN = """东兴 内江 圩濯 埸峧 堃潏 塥渼 墒埭 壅漷 天济 岍宁 岣淼 岷港 岽沄 岿潾 峋瀧 峣溪 崟阳 崤原 崦滃 嵙寮 嵛琇 嵬澧 嶸港 巇嶠 帑瀞 帔漴 幞涧 并济 庋溟 廨埠 弁潭 彀岭 忭泽 戡泺 戢岘 戥溪 戬沅 扃浦 扆港 斛洺 斟浈 旃埒 旌潼 旸澥 旻崧 昀瀛 昉溱 昶陂 晁岜 晏浯 晔泷 晗嶠 晷沣 暄沣 暾岫 曜浉 曦漭 曷溱 朐嵋 杉沩 杪泷 杪瀧 杳沄 杳澐 柏涔 柘漪 栎溟 栩滘 桉溆 桤埤 桤岙 桦浍 桧汭 梓沄 棠湄 棻州 椤汀 椿泷 楝淇 楠埕 楣淼 楷沣 楷灃 楸泖 楹潾 榉埕 榉滘 榕岙 槿峄 槿嶧 樗岑 檀嵎 沅嶂 沩屺 泸崃 洮埕 洮嶙 浔岈 涪濑 淯岚 淯泷 湄溆 湜陵 湫垭 湫瑀 湳岫 溦琈 溧城 溱嵎 滟汀 滢舟 漳岵 漳渼 潆畈 潍陵 澐崁 澔濱 澴琦 澶屿 濉崙 牍泠 牖崧 牯崁 犄沣 犍漪 犒岙 犴埔 狎沄 玙峤 玳岨 珂渌 珈崞 珈溠 珏渑 珣峬 珣汜 珧淝 珩洧 珮嵚 珲阳 珹溪 珺岙 琛泐 琛灝 琠山 琤原 琨涑 琬湑 琮湫 琮溪 琯汧 琰南 琳峓 瑄崌 瑗岍 瑙涠 瑜嶔 瑜淏 瑢埔 瑨灃 瑭峄 瑱桐 瑶汊 瑷滠 瑾沨 璀岺 璆川 璇埕 璋潢 璎垸 璐濛 璘涔 璜桐 璞嵊 璟塘 璠汭 璠潆 璨垕 璩浍 璩淯 瓒峪 瓚漻 瓴峧 瓿溁 甄岧 甄澋 甍溦 甏垱 甑嵘 甓浥 皎岘 皑湋 皑潺 皓嵝 皓淠 皙浐 皛埏 皞沭 皤嵻 皦澪 瞿溏 矍洎 砀浛 砗墀 砚溪 砝崚 砩渰 砹巉 砻瀼 硖峃 硖渟 碇堌 碓漘 碚溇 碣泺 碣瀞 磐湍 磻涘 礁垚 竑港 絎溟 綰溪 縝沘 縹湟 绗溟 绛浯 绡泖 绶磡 绺沄 绻岚 绾湟 绾溪 缁澴 缃塍 缃岑 缇嵫 缗浰 缙岠 缛湑 缜沘 缟峒 缥湟 罍崁 罘浥 罟寮 罡漭 罨汀 罴岫 罾埗 羁泓 羿峧 翊漷 翎峁 翎瀍 翕岢 翙溟 翙阳 翚渚 翛湲 翥泠 翦垟 翦湉 翮溍 翯阳 翾平 舫崾 舫渼 舳嵫 舳瀠 舴峂 舸浈 艄澂 艋漖 艟嶧 艨浛 芃溆 苕崆 茆淦 茈屾 茛澍 茱崴 荃瀣 荇峣 荪崿 荸淩 荻滹 莒崶 菀浈 萁泂 萸江 蒗嶓 蓁埭 蓼汧 蔚川 蔺滉 蔻溇 蕙塱 蕤安 蕲垭 薏澉 薤峂 藜漹 蘅峿 蘋崱 蘖岏 蘘涴 蘩埼 蘼浰 觐渫 觚崃 觜澜 觜瀾 觞滘 觥潼 觫湄 觯岙 觳埤 賚淞 贄崙 贽澂 赆岈 赉浔 赍嵘 赑沄 赓溆 赜峤 赟岵 邗淇 邶阳 郏崦 郗渫 郛峪 郯湍 鄀阳 鄞峒 鄞漈 鄠垣 鄣圻 銓峮 銣嶙 鋱洳 錚溎 鐔濠 鑭淦 钰淜 钷滹 铂岯 铎瀺 铖峘 铘岑 铟垭 铠洇 铧嶅 铨峮 铮溎 铷嶙 铽洳 锆溱 锑浔 锝沅 镏嶷 镏泓 镐淅 镛澍 镛濡 镝埙 镡濠 镦峥 镧淦 镨漯 雯峤 雱湑 霄崌 霆埗 霈崙 霈溆 霏岚 霏嵐 霏沄 霓汭 霖岵 霽湖 青梧 駘珥 驂洵 驍埔 驏嶒 驥寮 驦潓 驷滏 驸琊 驹洹 驺崿 驻岜 驽嵋 驿潢 骀珥 骁埔 骁汶 骃湟 骅浯 骈嵂 骉汍 骊沱 骍湓 骏岑 骐岵 骒浠 骓涞 骕嵩 骖洵 骘沔 骛漴 骜浃 骜涢 骝坨 骟淖 骟漶 骠嵖 骢潼 骣嶒 骥寮 骥淞 骦潓 骧渭 鯪嵁 鯰滈 鰲嵫 鰻瀹 鲈漖 鲑湔 鲛澌 鲟埇 鲣峿 鲥埗 鲦沺 鲩垿 鲮嵁 鲲澂 鲶滈 鲸垌 鳅浡 鳊嵺 鳌嵫 鳗瀹 鵲澨 鶖瀔 鶚屺 鶴塬 鷦湳 鷯埔 鷹汐 鸛崡 鸢洑 鸥滍 鸾沚 鹂崮 鹇漋 鹉湋 鹊澨 鹌峃 鹑泖 鹖沇 鹗屺 鹘涘 鹙瀔 鹞埝 鹡濞 鹣洙 鹤塬 鹦涫 鹧洺 鹨崧 鹩潕 鹪峪 鹫嵯 鹬泫 鹭潏 鹮埒 鹮峦 鹰汐 鹳岖 鹳崡""".split()

# characters that exist only in Traditional script (used to count Traditional questions)
TRAD = set("縣網補幾麼錢請嗎們學進會處間內這個對點從應過買開夠還氣視鏡遷業讓罰歲設條戶單數與實區專為電話該發證費經說時麼遠")

errors = []
expected = ["n%02d.txt" % i for i in range(1, 11)]
files = sorted(f for f in os.listdir(CORPUS) if f.endswith(".txt"))
if files != expected:
    errors.append("corpus files: %r" % files)
texts = {}
for f in files:
    t = open(os.path.join(CORPUS, f), encoding="utf-8").read()
    texts[f] = t
    if not 900 <= len(t) <= 2500:
        errors.append("%s length %d not in 900-2500" % (f, len(t)))

lines = open(QS, encoding="utf-8").read().rstrip("\n").split("\n")
if len(lines) != 60:
    errors.append("qs.tsv has %d lines" % len(lines))
ans = ref = trad = 0
seen = set()
for n, line in enumerate(lines, 1):
    parts = line.split("\t")
    if len(parts) != 3:
        errors.append("line %d: %d fields" % (n, len(parts)))
        continue
    q, a, f = parts
    if q in seen:
        errors.append("line %d: duplicate question" % n)
    seen.add(q)
    if a == "REFUSE" or f == "REFUSE":
        if not (a == "REFUSE" and f == "REFUSE"):
            errors.append("line %d: REFUSE must be in both fields" % n)
        ref += 1
        continue
    ans += 1
    if f not in texts:
        errors.append("line %d: unknown file %s" % (n, f))
        continue
    for alt in a.split("|"):
        if not alt or alt not in texts[f]:
            errors.append("line %d: answer %r not in %s" % (n, alt, f))
        if len(alt) > 20:
            errors.append("line %d: answer %r longer than 20" % (n, alt))
    if any(c in TRAD for c in q):
        trad += 1
if ans != 50 or ref != 10:
    errors.append("answerable=%d refuse=%d" % (ans, ref))
if trad < 5:
    errors.append("only %d Traditional answerable questions" % trad)

alltext = "\n".join(texts.values()) + "\n" + "\n".join(lines)
for name in FORBIDDEN:
    if name in alltext:
        errors.append("forbidden place name %s" % name)

if errors:
    print("\n".join(errors))
    sys.exit(1)
print("OK: 10 files, 60 questions (50 answerable, 10 REFUSE), %d Traditional answerable" % trad)
