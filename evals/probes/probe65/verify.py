#!/usr/bin/env python3
"""Verify probe65: corpus files, qs.tsv structure, spans, forbidden names, Traditional questions."""
import os, sys

BASE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(BASE, "corpus")
FORBIDDEN = ['东兴', '内江', '天济', '岍宁', '岣淼', '岷港', '岽沄', '岿潾', '峋瀧', '峣溪', '崟阳', '崤原', '崦滃', '嵙寮', '嵛琇', '嵬澧', '嶸港', '巇嶠', '并济', '旸澥', '旻崧', '昀瀛', '昉溱', '昶陂', '晔泷', '晗嶠', '暄沣', '曜浉', '曦漭', '杉沩', '柏涔', '柘漪', '栎溟', '栩滘', '桉溆', '桤埤', '桤岙', '桦浍', '桧汭', '梓沄', '棠湄', '棻州', '椤汀', '椿泷', '楝淇', '楠埕', '楣淼', '楷沣', '楷灃', '楸泖', '楹潾', '榉埕', '榉滘', '榕岙', '槿峄', '槿嶧', '樗岑', '檀嵎', '沅嶂', '沩屺', '泸崃', '洮埕', '洮嶙', '浔岈', '涪濑', '淯岚', '淯泷', '湄溆', '湜陵', '湫垭', '湫瑀', '湳岫', '溦琈', '溧城', '溱嵎', '滟汀', '滢舟', '漳岵', '漳渼', '潆畈', '潍陵', '澐崁', '澔濱', '澴琦', '澶屿', '濉崙', '玙峤', '玳岨', '珂渌', '珈崞', '珈溠', '珏渑', '珣峬', '珣汜', '珧淝', '珩洧', '珮嵚', '珲阳', '珹溪', '珺岙', '琛泐', '琛灝', '琠山', '琤原', '琨涑', '琬湑', '琮湫', '琮溪', '琯汧', '琰南', '琳峓', '瑄崌', '瑗岍', '瑙涠', '瑜嶔', '瑜淏', '瑢埔', '瑨灃', '瑭峄', '瑱桐', '瑶汊', '瑷滠', '瑾沨', '璀岺', '璆川', '璇埕', '璋潢', '璎垸', '璐濛', '璘涔', '璜桐', '璞嵊', '璟塘', '璠汭', '璠潆', '璨垕', '璩浍', '璩淯', '瓒峪', '瓚漻', '瓴峧', '瓿溁', '甄岧', '甄澋', '甍溦', '甏垱', '甑嵘', '甓浥', '皎岘', '皑湋', '皑潺', '皓嵝', '皓淠', '皙浐', '皛埏', '皞沭', '皤嵻', '皦澪', '砀浛', '砚溪', '砻瀼', '硖峃', '硖渟', '碚溇', '碣泺', '碣瀞', '磐湍', '磻涘', '礁垚', '竑港', '羿峧', '翊漷', '翎峁', '翎瀍', '翕岢', '翙溟', '翙阳', '翚渚', '翛湲', '翥泠', '翦垟', '翦湉', '翮溍', '翯阳', '翾平', '舫崾', '舫渼', '舳嵫', '舳瀠', '舴峂', '舸浈', '艄澂', '艋漖', '艟嶧', '艨浛', '芃溆', '苕崆', '荻滹', '莒崶', '菀浈', '萁泂', '萸江', '蓁埭', '蔚川', '蔺滉', '蕤安', '薏澉', '蘅峿', '蘖岏', '蘘涴', '蘩埼', '蘼浰', '賚淞', '贄崙', '贽澂', '赆岈', '赉浔', '赍嵘', '赑沄', '赓溆', '赜峤', '赟岵', '邗淇', '邶阳', '郏崦', '郗渫', '郛峪', '郯湍', '鄀阳', '鄞峒', '鄞漈', '鄠垣', '鄣圻', '銓峮', '錚溎', '钰淜', '铂岯', '铎瀺', '铖峘', '铠洇', '铧嶅', '铨峮', '铮溎', '雯峤', '雱湑', '霄崌', '霆埗', '霈崙', '霈溆', '霏岚', '霏嵐', '霏沄', '霓汭', '霖岵', '霽湖', '青梧', '駘珥', '驂洵', '驍埔', '驏嶒', '驥寮', '驦潓', '驷滏', '驸琊', '驹洹', '驺崿', '驻岜', '驽嵋', '驿潢', '骀珥', '骁埔', '骁汶', '骃湟', '骅浯', '骈嵂', '骉汍', '骊沱', '骍湓', '骏岑', '骐岵', '骒浠', '骓涞', '骕嵩', '骖洵', '骘沔', '骛漴', '骜浃', '骜涢', '骝坨', '骟淖', '骟漶', '骠嵖', '骢潼', '骣嶒', '骥寮', '骥淞', '骦潓', '骧渭', '鯪嵁', '鯰滈', '鰲嵫', '鰻瀹', '鲈漖', '鲑湔', '鲛澌', '鲟埇', '鲣峿', '鲥埗', '鲦沺', '鲩垿', '鲮嵁', '鲲澂', '鲶滈', '鲸垌', '鳅浡', '鳊嵺', '鳌嵫', '鳗瀹', '鵲澨', '鶖瀔', '鶚屺', '鶴塬', '鷦湳', '鷯埔', '鷹汐', '鸛崡', '鸢洑', '鸥滍', '鸾沚', '鹂崮', '鹇漋', '鹉湋', '鹊澨', '鹌峃', '鹑泖', '鹖沇', '鹗屺', '鹘涘', '鹙瀔', '鹞埝', '鹡濞', '鹣洙', '鹤塬', '鹦涫', '鹧洺', '鹨崧', '鹩潕', '鹪峪', '鹫嵯', '鹬泫', '鹭潏', '鹮埒', '鹮峦', '鹰汐', '鹳岖', '鹳崡']
# invented places; must start with 缁缇缗缙缛缜缟缥 (or their Traditional forms)
PLACES = ["缁澴市", "缇嵫县", "縝沘市", "缙岠市", "缛湑县", "缟峒区", "缗浰县", "縹湟縣"]
ALLOWED_FIRST = set("缁缇缗缙缛缜缟缥" + "緇緹緡縉縟縝縞縹")
TRAD_CHARS = set("縝縹縣僱幾獎費補罰話還個後請電號錢會歲領習與價級業準從過們當於這來種對應說開單給貼內嗎麼離職訓練參學時")

errs = []
files = sorted(f for f in os.listdir(CORPUS) if f.endswith(".txt"))
expected = ["n%02d.txt" % i for i in range(1, 11)]
if files != expected:
    errs.append("corpus files: %s" % files)
texts = {}
for f in files:
    t = open(os.path.join(CORPUS, f), encoding="utf-8").read()
    texts[f] = t
    n = len(t)
    if not (900 <= n <= 2500):
        errs.append("%s length %d out of 900-2500" % (f, n))
tables = sum(1 for t in texts.values() if any(("｜" in l or "\t" in l) for l in t.splitlines()))
if tables < 3:
    errs.append("only %d notices with tables" % tables)
for p in PLACES:
    if p[0] not in ALLOWED_FIRST:
        errs.append("place %s has disallowed first char" % p)

rows = []
with open(os.path.join(BASE, "qs.tsv"), encoding="utf-8") as fh:
    for i, line in enumerate(fh, 1):
        line = line.rstrip("\n")
        parts = line.split("\t")
        if len(parts) != 3 or not all(x.strip() for x in parts):
            errs.append("line %d: expected 3 fields, got %d" % (i, len(parts)))
            continue
        rows.append((i, parts))
if len(rows) != 60:
    errs.append("expected 60 rows, got %d" % len(rows))
ans = [r for r in rows if r[1][1] != "REFUSE"]
ref = [r for r in rows if r[1][1] == "REFUSE"]
if len(ans) != 50 or len(ref) != 10:
    errs.append("answerable=%d refuse=%d" % (len(ans), len(ref)))
for i, (q, a, f) in ref:
    if f != "REFUSE":
        errs.append("line %d: REFUSE answer but file %s" % (i, f))
for i, (q, a, f) in ans:
    if f not in texts:
        errs.append("line %d: unknown file %s" % (i, f))
        continue
    for alt in a.split("|"):
        if not alt or alt not in texts[f]:
            errs.append("line %d: span %r not in %s" % (i, alt, f))
        if len(alt) > 20:
            errs.append("line %d: span %r longer than 20" % (i, alt))
qs = [r[1][0] for r in rows]
if len(set(qs)) != len(qs):
    errs.append("duplicate questions")
alltext = "\n".join(texts.values()) + "\n" + "\n".join(qs)
for name in FORBIDDEN:
    if name in alltext:
        errs.append("forbidden name %s found" % name)
trad = [r for r in ans if any(c in TRAD_CHARS for c in r[1][0])]
if len(trad) < 5:
    errs.append("only %d Traditional answerable questions" % len(trad))
for i, (q, a, f) in trad:
    if f not in ("n03.txt", "n09.txt"):
        errs.append("line %d: Traditional question about non-Traditional notice" % i)

if errs:
    print("\n".join(errs))
    sys.exit(1)
print("OK: %d files, %d questions (%d answerable, %d REFUSE, %d Traditional), %d notices with tables"
      % (len(files), len(rows), len(ans), len(ref), len(trad), tables))
