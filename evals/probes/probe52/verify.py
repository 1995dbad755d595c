#!/usr/bin/env python3
"""Verify the probe: corpus files, qs.tsv format, answer spans, forbidden names, scripts."""
import os, sys

DIR = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(DIR, 'corpus')
FORBIDDEN = """澶屿 珲阳 蔚川 崤原 潍陵 琰南 萸江 溧城 岷港 璜桐 瑱桐 砚溪 湜陵 蕤安 东兴 内江 并济 天济 青梧 岍宁 峣溪 崟阳 嵙寮 嶸港 旻崧 昶陂 棻州 湳岫 滢舟 澐崁 澔濱 玙峤 珹溪 珺岙 琠山 琤原 琮湫 琮溪 瑢埔 璆川 璟塘 竑港 翙溟 翙阳 翚渚 翯阳 翾平 芃溆 邶阳 鄀阳 霽湖 骃湟 栎溟 桤岙 棠湄 椤汀 榉滘 楸泖 樗岑 柘漪 榉埕 桤埤 沅嶂 涪濑 濉崙 漳岵 湄溆 泸崃 洮埕 浔岈 洮嶙 漳渼 琯汧 璠潆 璘涔 瑄崌 瑨灃 璩浍 琬湑 瑭峄 璠汭 璩淯 淯岚 沩屺 滟汀 溱嵎 潆畈 澴琦 湫垭 淯泷 溦琈 湫瑀 郗渫 鄠垣 郛峪 郯湍 鄞漈 邗淇 鄣圻 郏崦 鄞峒 硖渟 碚溇 砀浛 碣泺 磐湍 砻瀼 硖峃 礁垚 磻涘 碣瀞 岽沄 岿潾 岣淼 嵛琇 峋瀧 崦滃 巇嶠 嵬澧 翊漷 翎峁 翥泠 翕岢 翮溍 翦垟 羿峧 翛湲 翎瀍 翦湉 旸澥 昉溱 晔泷 晗嶠 曜浉 昀瀛 暄沣 曦漭 苕崆 荻滹 莒崶 菀浈 萁泂 蓁埭 蔺滉 薏澉 鸾沚 鹭潏 鹤塬 鶴塬 鸥滍 鹊澨 鵲澨 鹂崮 鸢洑 鹞埝 鰲嵫 鳌嵫 鰻瀹 鳗瀹 鲈漖 鲑湔 鲟埇 鲥埗 鲲澂 鲸垌 骅浯 骐岵 驍埔 骁埔 骊沱 骏岑 骢潼 骥淞 骧渭 驥寮 骥寮 骁汶 雯峤 霏沄 霖岵 霓汭 霆埗 霈溆 霄崌 雱湑 霏嵐 霏岚 霈崙 霈崙 皓淠 皑潺 皎岘 皙浐 皛埏 皞沭 皓嵝 皑湋 皤嵻 皦澪 甄澋 瓴峧 瓿溁 甏垱 甍溦 甑嵘 甓浥 瓒峪 甄岧 瓚漻 琨涑 瑾沨 璞嵊 璨垕 璀岺 琳峓 琛泐 瑜淏 琛灝 瑜嶔 珂渌 珈崞 珩洧 珮嵚 珣汜 珧淝 玳岨 珏渑 珈溠 珣峬""".split()
# places invented for this probe (first char must be one of 舸艄舳舫艋艨舴艟)
PLACES = ['舸浈市', '艋漖县', '舳嵫市', '艨浛县', '舫渼区', '舴峂区', '艄澂市', '舫崾县', '舳瀠縣', '艟嶧市']
TRAD_FILES = {'n09.txt', 'n10.txt'}
# characters that only occur in Traditional script (simplified forms differ)
TRAD_CHARS = set('機車補財請額幾縣長險後廢換電給會與為個這們麼錢領島體條類處證嶧瀠級輔務顧評與應撥')
SIMP_ONLY = set('机车补请额几县长险后废换电给会为个这们么钱领条类处证级辅务顾评应拨')

errors = []
def err(m): errors.append(m)

# 1. corpus
files = sorted(f for f in os.listdir(CORPUS) if f.endswith('.txt'))
expected = ['n%02d.txt' % i for i in range(1, 11)]
if files != expected:
    err('corpus files: %r' % files)
texts = {}
for f in expected:
    p = os.path.join(CORPUS, f)
    if not os.path.exists(p):
        continue
    t = open(p, encoding='utf-8').read()
    texts[f] = t
    if not (900 <= len(t) <= 2500):
        err('%s length %d not in 900..2500' % (f, len(t)))
    trad = sum(c in TRAD_CHARS for c in t)
    simp = sum(c in SIMP_ONLY for c in t)
    if f in TRAD_FILES:
        if simp > 0 or trad < 20:
            err('%s should be Traditional (trad=%d simp=%d)' % (f, trad, simp))
    else:
        if trad > 0 or simp < 20:
            err('%s should be Simplified (trad=%d simp=%d)' % (f, trad, simp))
tables = [f for f, t in texts.items() if sum(1 for l in t.splitlines() if l.count('｜') >= 1 or l.count('\t') >= 1) >= 3]
if len(tables) < 3:
    err('only %d notices with tables' % len(tables))
ranges = [f for f, t in texts.items() if any('｜' in l and '—' in l for l in t.splitlines())]
if not ranges:
    err('no table row with a range')

# 2. questions
lines = open(os.path.join(DIR, 'qs.tsv'), encoding='utf-8').read().split('\n')
if lines and lines[-1] == '':
    lines = lines[:-1]
if len(lines) != 60:
    err('qs.tsv has %d lines' % len(lines))
n_ans = n_ref = n_trad = 0
seen = set()
for i, line in enumerate(lines, 1):
    parts = line.split('\t')
    if len(parts) != 3:
        err('line %d: %d fields' % (i, len(parts)))
        continue
    q, a, f = parts
    if not q.strip() or not a.strip():
        err('line %d: empty field' % i)
    if q in seen:
        err('line %d: duplicate question' % i)
    seen.add(q)
    if a == 'REFUSE' or f == 'REFUSE':
        if not (a == 'REFUSE' and f == 'REFUSE'):
            err('line %d: REFUSE must be in both answer and file' % i)
        n_ref += 1
        if not any(p in q for p in PLACES):
            err('line %d: REFUSE question names no corpus place' % i)
        continue
    n_ans += 1
    if f not in texts:
        err('line %d: unknown file %s' % (i, f))
        continue
    for alt in a.split('|'):
        if not alt:
            err('line %d: empty alternative' % i)
        elif alt not in texts[f]:
            err('line %d: answer %r not in %s' % (i, alt, f))
        elif len(alt) > 20:
            err('line %d: answer %r longer than 20 chars' % (i, alt))
    place = [p for p in PLACES if p[:2] in texts[f][:200]]
    if not any(p[:2] in q for p in place):
        err('line %d: question does not name the place of %s' % (i, f))
    if f in TRAD_FILES and any(c in TRAD_CHARS for c in q) and not any(c in SIMP_ONLY for c in q):
        n_trad += 1
if n_ans != 50:
    err('%d answerable (want 50)' % n_ans)
if n_ref != 10:
    err('%d REFUSE (want 10)' % n_ref)
if n_trad < 5:
    err('%d Traditional questions (want 5+)' % n_trad)

# 3. forbidden names
alltext = '\n'.join(texts.values()) + '\n' + '\n'.join(lines)
for name in FORBIDDEN:
    if name in alltext:
        err('forbidden name %s found' % name)
for p in PLACES:
    if p[0] not in '舸艄舳舫艋艨舴艟':
        err('place %s bad first char' % p)

if errors:
    print('\n'.join(errors))
    print('FAIL (%d problems)' % len(errors))
    sys.exit(1)
print('files=%d answerable=%d refuse=%d traditional_q=%d tables=%s' % (len(texts), n_ans, n_ref, n_trad, ','.join(sorted(tables))))
print('OK')
