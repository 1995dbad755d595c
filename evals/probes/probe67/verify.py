#!/usr/bin/env python3
"""Checks the probe in this folder: corpus/n01..n10.txt and qs.tsv."""
import os, sys, re
HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")
FORBIDDEN = ['东兴', '内江', '天济', '岍宁', '岣淼', '岷港', '岽沄', '岿潾', '峋瀧', '峣溪', '崟阳', '崤原', '崦滃', '嵙寮', '嵛琇', '嵬澧', '嶸港', '巇嶠', '并济', '旸澥', '旻崧', '昀瀛', '昉溱', '昶陂', '晔泷', '晗嶠', '暄沣', '曜浉', '曦漭', '杉沩', '柏涔', '柘漪', '栎溟', '栩滘', '桉溆', '桤埤', '桤岙', '桦浍', '桧汭', '梓沄', '棠湄', '棻州', '椤汀', '椿泷', '楝淇', '楠埕', '楣淼', '楷沣', '楷灃', '楸泖', '楹潾', '榉埕', '榉滘', '榕岙', '槿峄', '槿嶧', '樗岑', '檀嵎', '沅嶂', '沩屺', '泸崃', '洮埕', '洮嶙', '浔岈', '涪濑', '淯岚', '淯泷', '湄溆', '湜陵', '湫垭', '湫瑀', '湳岫', '溦琈', '溧城', '溱嵎', '滟汀', '滢舟', '漳岵', '漳渼', '潆畈', '潍陵', '澐崁', '澔濱', '澴琦', '澶屿', '濉崙', '玙峤', '玳岨', '珂渌', '珈崞', '珈溠', '珏渑', '珣峬', '珣汜', '珧淝', '珩洧', '珮嵚', '珲阳', '珹溪', '珺岙', '琛泐', '琛灝', '琠山', '琤原', '琨涑', '琬湑', '琮湫', '琮溪', '琯汧', '琰南', '琳峓', '瑄崌', '瑗岍', '瑙涠', '瑜嶔', '瑜淏', '瑢埔', '瑨灃', '瑭峄', '瑱桐', '瑶汊', '瑷滠', '瑾沨', '璀岺', '璆川', '璇埕', '璋潢', '璎垸', '璐濛', '璘涔', '璜桐', '璞嵊', '璟塘', '璠汭', '璠潆', '璨垕', '璩浍', '璩淯', '瓒峪', '瓚漻', '瓴峧', '瓿溁', '甄岧', '甄澋', '甍溦', '甏垱', '甑嵘', '甓浥', '皎岘', '皑湋', '皑潺', '皓嵝', '皓淠', '皙浐', '皛埏', '皞沭', '皤嵻', '皦澪', '砀浛', '砚溪', '砻瀼', '硖峃', '硖渟', '碚溇', '碣泺', '碣瀞', '磐湍', '磻涘', '礁垚', '竑港', '絎溟', '綰溪', '縝沘', '縹湟', '绗溟', '绛浯', '绡泖', '绶磡', '绺沄', '绻岚', '绾湟', '绾溪', '缁澴', '缃塍', '缃岑', '缇嵫', '缗浰', '缙岠', '缛湑', '缜沘', '缟峒', '缥湟', '羿峧', '翊漷', '翎峁', '翎瀍', '翕岢', '翙溟', '翙阳', '翚渚', '翛湲', '翥泠', '翦垟', '翦湉', '翮溍', '翯阳', '翾平', '舫崾', '舫渼', '舳嵫', '舳瀠', '舴峂', '舸浈', '艄澂', '艋漖', '艟嶧', '艨浛', '芃溆', '苕崆', '荻滹', '莒崶', '菀浈', '萁泂', '萸江', '蓁埭', '蔚川', '蔺滉', '蕤安', '薏澉', '蘅峿', '蘖岏', '蘘涴', '蘩埼', '蘼浰', '賚淞', '贄崙', '贽澂', '赆岈', '赉浔', '赍嵘', '赑沄', '赓溆', '赜峤', '赟岵', '邗淇', '邶阳', '郏崦', '郗渫', '郛峪', '郯湍', '鄀阳', '鄞峒', '鄞漈', '鄠垣', '鄣圻', '銓峮', '錚溎', '钰淜', '铂岯', '铎瀺', '铖峘', '铠洇', '铧嶅', '铨峮', '铮溎', '雯峤', '雱湑', '霄崌', '霆埗', '霈崙', '霈溆', '霏岚', '霏嵐', '霏沄', '霓汭', '霖岵', '霽湖', '青梧', '駘珥', '驂洵', '驍埔', '驏嶒', '驥寮', '驦潓', '驷滏', '驸琊', '驹洹', '驺崿', '驻岜', '驽嵋', '驿潢', '骀珥', '骁埔', '骁汶', '骃湟', '骅浯', '骈嵂', '骉汍', '骊沱', '骍湓', '骏岑', '骐岵', '骒浠', '骓涞', '骕嵩', '骖洵', '骘沔', '骛漴', '骜浃', '骜涢', '骝坨', '骟淖', '骟漶', '骠嵖', '骢潼', '骣嶒', '骥寮', '骥淞', '骦潓', '骧渭', '鯪嵁', '鯰滈', '鰲嵫', '鰻瀹', '鲈漖', '鲑湔', '鲛澌', '鲟埇', '鲣峿', '鲥埗', '鲦沺', '鲩垿', '鲮嵁', '鲲澂', '鲶滈', '鲸垌', '鳅浡', '鳊嵺', '鳌嵫', '鳗瀹', '鵲澨', '鶖瀔', '鶚屺', '鶴塬', '鷦湳', '鷯埔', '鷹汐', '鸛崡', '鸢洑', '鸥滍', '鸾沚', '鹂崮', '鹇漋', '鹉湋', '鹊澨', '鹌峃', '鹑泖', '鹖沇', '鹗屺', '鹘涘', '鹙瀔', '鹞埝', '鹡濞', '鹣洙', '鹤塬', '鹦涫', '鹧洺', '鹨崧', '鹩潕', '鹪峪', '鹫嵯', '鹬泫', '鹭潏', '鹮埒', '鹮峦', '鹰汐', '鹳岖', '鹳崡']
PLACES = ["茆淦市", "茛澍区", "荪崿市", "茈屾县", "荃瀣县", "荸淩县", "荇峣縣", "茱崴市"]
ALLOWED_FIRST = "茆茈茛茱荇荃荪荸"
# characters that only occur in Traditional script (never in Simplified)
TRAD_ONLY = set("縣駕訓課幾錢還費補處設請辦時麼屋權繳們線區條應調據證車學劃這裡給後電話單戶備隻裝嗎該點數")
errs = []
files = sorted(os.listdir(CORPUS))
want = ["n%02d.txt" % i for i in range(1, 11)]
if files != want:
    errs.append("corpus files: %r" % files)
texts = {}
for f in want:
    p = os.path.join(CORPUS, f)
    if os.path.exists(p):
        t = open(p, encoding="utf-8").read()
        texts[f] = t
        n = len(t)
        if not 900 <= n <= 2500:
            errs.append("%s length %d" % (f, n))
trad_files = {f for f, t in texts.items() if sum(c in TRAD_ONLY for c in t) > 30}
if len(trad_files) != 2:
    errs.append("traditional notices: %r" % sorted(trad_files))
tables = [f for f, t in texts.items() if sum(1 for l in t.splitlines() if l.count("｜") >= 1) >= 3]
if len(tables) < 3:
    errs.append("notices with tables: %r" % tables)
lines = open(os.path.join(HERE, "qs.tsv"), encoding="utf-8").read().split("\n")
if lines and lines[-1] == "":
    lines = lines[:-1]
if len(lines) != 60:
    errs.append("qs.tsv has %d lines" % len(lines))
ans = ref = trad_q = 0
qs = []
for i, l in enumerate(lines, 1):
    parts = l.split("\t")
    if len(parts) != 3 or not all(x.strip() for x in parts):
        errs.append("line %d: %d fields" % (i, len(parts)))
        continue
    q, a, f = parts
    qs.append(q)
    if a == "REFUSE" or f == "REFUSE":
        if not (a == "REFUSE" and f == "REFUSE"):
            errs.append("line %d: half REFUSE" % i)
        ref += 1
        if not any(p[:2] in q for p in PLACES):
            errs.append("line %d: REFUSE question names no corpus place" % i)
        continue
    ans += 1
    if f not in texts:
        errs.append("line %d: unknown file %s" % (i, f))
        continue
    for alt in a.split("|"):
        if alt == "" or alt not in texts[f]:
            errs.append("line %d: answer %r not in %s" % (i, alt, f))
        if len(alt) > 20:
            errs.append("line %d: answer %r longer than 20" % (i, alt))
    if f in trad_files and any(c in TRAD_ONLY for c in q):
        trad_q += 1
    place = [p for p in PLACES if p in texts[f][:80]]
    if place and not any(p[:2] in q for p in place):
        errs.append("line %d: question does not name its place %s" % (i, place))
if ans != 50 or ref != 10:
    errs.append("answerable %d, refuse %d" % (ans, ref))
if trad_q < 5:
    errs.append("traditional questions: %d" % trad_q)
alltext = "".join(texts.values()) + "\n".join(qs)
for nm in FORBIDDEN:
    if nm in alltext:
        errs.append("forbidden name %s found" % nm)
for p in PLACES:
    if p[0] not in ALLOWED_FIRST:
        errs.append("place %s has disallowed first character" % p)
if errs:
    print("\n".join(errs))
    sys.exit(1)
print("OK: 10 notices (%d traditional, %d with tables), %d questions = %d answerable + %d REFUSE, %d traditional questions" % (len(trad_files), len(tables), len(lines), ans, ref, trad_q))
