#!/usr/bin/env python3
"""Checks the probe: corpus files, qs.tsv format, answer spans, forbidden names, Traditional questions."""
import os, re, sys
from collections import Counter

D = os.path.dirname(os.path.abspath(__file__))
C = os.path.join(D, 'corpus')
errs = []

FORBIDDEN = """澶屿 珲阳 蔚川 崤原 潍陵 琰南 萸江 溧城 岷港 璜桐 瑱桐 砚溪 湜陵 蕤安 东兴 内江 并济 天济 青梧 岍宁 峣溪 崟阳 嵙寮 嶸港 旻崧 昶陂 棻州 湳岫 滢舟 澐崁 澔濱 玙峤 珹溪 珺岙 琠山 琤原 琮湫 琮溪 瑢埔 璆川 璟塘 竑港 翙溟 翙阳 翚渚 翯阳 翾平 芃溆 邶阳 鄀阳 霽湖 骃湟 栎溟 桤岙 棠湄 椤汀 榉滘 楸泖 樗岑 柘漪 榉埕 桤埤 沅嶂 涪濑 濉崙 漳岵 湄溆 泸崃 洮埕 浔岈 洮嶙 漳渼 琯汧 璠潆 璘涔 瑄崌 瑨灃 璩浍 琬湑 瑭峄 璠汭 璩淯 淯岚 沩屺 滟汀 溱嵎 潆畈 澴琦 湫垭 淯泷 溦琈 湫瑀 郗渫 鄠垣 郛峪 郯湍 鄞漈 邗淇 鄣圻 郏崦 鄞峒 硖渟 碚溇 砀浛 碣泺 磐湍 砻瀼 硖峃 礁垚 磻涘 碣瀞 岽沄 岿潾 岣淼 嵛琇 峋瀧 崦滃 巇嶠 嵬澧 翊漷 翎峁 翥泠 翕岢 翮溍 翦垟 羿峧 翛湲 翎瀍 翦湉 旸澥 昉溱 晔泷 晗嶠 曜浉 昀瀛 暄沣 曦漭 苕崆 荻滹 莒崶 菀浈 萁泂 蓁埭 蔺滉 薏澉 鸾沚 鹭潏 鹤塬 鶴塬 鸥滍 鹊澨 鵲澨 鹂崮 鸢洑 鹞埝 鰲嵫 鳌嵫 鰻瀹 鳗瀹 鲈漖 鲑湔 鲟埇 鲥埗 鲲澂 鲸垌 骅浯 骐岵 驍埔 骁埔 骊沱 骏岑 骢潼 骥淞 骧渭 驥寮 骥寮 骁汶 雯峤 霏沄 霖岵 霓汭 霆埗 霈溆 霄崌 雱湑 霏嵐 霏岚 霈崙 霈崙""".split()

# places invented for this probe (first char must be one of 甄瓴瓿甏甍甑甓瓒/瓚)
PLACES = {'n01.txt': '甄澋市', 'n02.txt': '瓴峧县', 'n03.txt': '瓿溁区', 'n04.txt': '甏垱县',
          'n05.txt': '甍溦市', 'n06.txt': '甑嵘区', 'n07.txt': '甓浥县', 'n08.txt': '瓒峪市',
          'n09.txt': '甄岧县', 'n10.txt': '瓚漻市'}
TRAD_FILES = {'n05.txt', 'n10.txt'}
# characters that only occur in Traditional script (simplified forms differ)
TRAD_CHARS = set('們個這來時間說實補請領錢歲學園齡縣區號費戶讀電話館場動運幾嗎與興還書會當對從開關幫應該長麼準備額計處撥權難發劃條辦稅')

# 1. corpus files
names = sorted(os.listdir(C))
want = ['n%02d.txt' % i for i in range(1, 11)]
if names != want:
    errs.append('corpus files: %r' % names)
docs = {}
for n in want:
    p = os.path.join(C, n)
    if not os.path.exists(p):
        continue
    t = open(p, encoding='utf-8').read()
    docs[n] = t
    L = len(''.join(t.split()))
    if not 900 <= L <= 2500:
        errs.append('%s length %d (non-space chars) outside 900-2500' % (n, L))
    if PLACES[n] not in t:
        errs.append('%s does not mention its place %s' % (n, PLACES[n]))
    trad = sum(ch in TRAD_CHARS for ch in t)
    if (n in TRAD_FILES) != (trad > 20):
        errs.append('%s script check failed (trad chars=%d)' % (n, trad))
tables = [n for n, t in docs.items() if sum(1 for l in t.splitlines() if l.count('｜') >= 2 or l.count('\t') >= 2) >= 3]
if len(tables) < 3:
    errs.append('only %d notices with tables' % len(tables))
ranged = [n for n in tables if re.search(r'\d+—\d+[^｜\n]*｜', docs[n])]
if not ranged:
    errs.append('no table row naming a range')
for p in PLACES.values():
    if p[0] not in '甄瓴瓿甏甍甑甓瓒瓚':
        errs.append('place %s has wrong first char' % p)

# 2. questions
lines = open(os.path.join(D, 'qs.tsv'), encoding='utf-8').read().split('\n')
if lines and lines[-1] == '':
    lines = lines[:-1]
if len(lines) != 60:
    errs.append('qs.tsv has %d lines' % len(lines))
rows = []
for i, l in enumerate(lines, 1):
    f = l.split('\t')
    if len(f) != 3 or not all(x.strip() == x and x for x in f):
        errs.append('line %d: bad fields %r' % (i, f))
        continue
    rows.append(f)
ans = [r for r in rows if r[1] != 'REFUSE']
ref = [r for r in rows if r[1] == 'REFUSE']
if len(ans) != 50 or len(ref) != 10:
    errs.append('answerable=%d refuse=%d' % (len(ans), len(ref)))
for q, a, f in ref:
    if f != 'REFUSE':
        errs.append('REFUSE row with file %s: %s' % (f, q))
    if not any(p in q for p in PLACES.values()):
        errs.append('REFUSE question names no corpus place: %s' % q)
for q, a, f in ans:
    if f not in docs:
        errs.append('unknown file %s: %s' % (f, q))
        continue
    for alt in a.split('|'):
        if not alt or alt not in docs[f]:
            errs.append('answer %r not in %s (%s)' % (alt, f, q))
        if len(alt) > 20:
            errs.append('answer %r longer than 20 chars' % alt)
    if PLACES[f] not in q:
        errs.append('question does not name its place %s: %s' % (PLACES[f], q))
    if a in q:
        errs.append('answer appears in question: %s' % q)
cnt = Counter(f for _, _, f in ans)
for n in want:
    if cnt[n] == 0:
        errs.append('no question for %s' % n)
tradq = [q for q, _, _ in rows if sum(ch in TRAD_CHARS for ch in q) >= 2]
if len(tradq) < 5:
    errs.append('only %d Traditional questions' % len(tradq))

# 3. forbidden names
alltext = '\n'.join(docs.values()) + '\n' + '\n'.join(lines)
for name in FORBIDDEN:
    if name in alltext:
        errs.append('forbidden name %s found' % name)

if errs:
    print('\n'.join(errs))
    sys.exit(1)
print('files=%d questions=%d answerable=%d refuse=%d trad_questions=%d tables=%s per_file=%s'
      % (len(docs), len(rows), len(ans), len(ref), len(tradq), ','.join(sorted(tables)),
         dict(sorted(cnt.items()))))
print('OK')
