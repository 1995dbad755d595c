#!/usr/bin/env python3
"""Checks the probe: corpus, qs.tsv, spans, forbidden names, Traditional counts."""
import os, re, sys

DIR = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(DIR, "corpus")
FORBIDDEN = """澶屿 珲阳 蔚川 崤原 潍陵 琰南 萸江 溧城 岷港 璜桐 瑱桐 砚溪 湜陵 蕤安 东兴 内江 并济 天济 青梧 岍宁 峣溪 崟阳 嵙寮 嶸港 旻崧 昶陂 棻州 湳岫 滢舟 澐崁 澔濱 玙峤 珹溪 珺岙 琠山 琤原 琮湫 琮溪 瑢埔 璆川 璟塘 竑港 翙溟 翙阳 翚渚 翯阳 翾平 芃溆 邶阳 鄀阳 霽湖 骃湟 栎溟 桤岙 棠湄 椤汀 榉滘 楸泖 樗岑 柘漪 榉埕 桤埤 沅嶂 涪濑 濉崙 漳岵 湄溆 泸崃 洮埕 浔岈 洮嶙 漳渼 琯汧 璠潆 璘涔 瑄崌 瑨灃 璩浍 琬湑 瑭峄 璠汭 璩淯 淯岚 沩屺 滟汀 溱嵎 潆畈 澴琦 湫垭 淯泷 溦琈 湫瑀 郗渫 鄠垣 郛峪 郯湍 鄞漈 邗淇 鄣圻 郏崦 鄞峒 硖渟 碚溇 砀浛 碣泺 磐湍 砻瀼 硖峃 礁垚 磻涘 碣瀞 岽沄 岿潾 岣淼 嵛琇 峋瀧 崦滃 巇嶠 嵬澧 翊漷 翎峁 翥泠 翕岢 翮溍 翦垟 羿峧 翛湲 翎瀍 翦湉 旸澥 昉溱 晔泷 晗嶠 曜浉 昀瀛 暄沣 曦漭 苕崆 荻滹 莒崶 菀浈 萁泂 蓁埭 蔺滉 薏澉 鸾沚 鹭潏 鹤塬 鶴塬 鸥滍 鹊澨 鵲澨 鹂崮 鸢洑 鹞埝""".split()
PLACES = ["鲲澂市", "鰲嵫縣", "鲑湔县", "鲸垌县", "鲈漖市", "鲟埇区", "鲥埗市", "鰻瀹市"]
ALLOWED_FIRST = set("鲲鲸鲟鳌鲈鳗鲑鲥" + "鯤鯨鱘鰲鱸鰻鮭鰣")  # simplified + traditional forms
TRAD_CHARS = set("這們來個時為說對發會經過還後邊現問題長門見開關車馬書買賣親報級務補質電話號縣區機業員農產證請設認議讓記許識讀調費錢間隊陽際陸難頁領風飛驗魚齊龍處單壓廳歷參雙變與專兩嚴舉義樂習鄉亂爭產畝億僅從倉儀價眾優傳傷償儲兒黨關興養內寫軍決減擊則劃劑劇勸辦動勞勢區醫華協卻縣參嗎聽啟員響團園圍圖圓場壞塊堅壩墳牆聲殼備復夠頭奪獎婦媽孫學寧寶實審寬對導壽將層歲島嶺幣師帶幫廣莊慶應廢異棄張彎彈強歸當錄徑憶態總惡懸驚懷戶執擴掃揚護擔擁擇掛擋換據擺數斷無舊曬曉暫術殺雜權條楊極構標欄樹樣檔橋夢檢樓橫歡歐殘氣匯漢汙湯溝沒淚澤潔灑淺測濟渾濃塗湧潤濤漲漸漁溫灣濕滿滾濾濫潛滅燈靈災爐點煉爛煙煩燒熱愛獄獵獻環瓏畫暢療瘋盡監蓋盤確礙禮禍離種積稱穩窮竊豎競筆籠築簽簡糧緊紅約紀緯純綱納縱紛紙紋線練組細織終紹結繞繪給絡絕統繡繼績緒續維綿綜綠緩編緣縮繳罰罷羅職聯腸膚腎腫脹脅勝脈臟腦腳脫騰艦艱藝節蘆蘇蘋範薦蕩榮藥獲營蕭薩藍慮虛雖蝕蠻襯襪裝觀規視覽覺譽計訂討訓訊講論訪評訴診詞譯試詩誠誕詢該詳語誤諸諾課誰談謀謂謝謠譜負貢財責賢敗賬貨販貪貧購貫貼貴貸貿賀資賦賭賞賠賴賽贊贈趕趨躍踐蹤軌軒轉輪軟轟輕載較輔輛輩輝輸辭辯達遷邁運這進遠違連遲適選遜遞邏遺鄧郵鄰鄭釋釘針釣鐘鋼鑰鑽鐵鈴鉛銅銘銀鋪鏈銷鎖鍋鋒錯錫錦鍵鎮鏡閃閉閒悶閘鬧聞閥閣閱闡陣階陝險隱隸霧靜韌頂項順須顧頓預頻顏額饑飯飲飾飽飼館驅駛駐駕罵騙騷驟鮮鳥雞鳴鴨鴻鵝鵬麥黃齒齡歲幾臺萬")

errors = []
def err(m): errors.append(m)

files = sorted(f for f in os.listdir(CORPUS) if f.endswith(".txt"))
expected = [f"n{i:02d}.txt" for i in range(1, 11)]
if files != expected:
    err(f"corpus files {files} != {expected}")
texts = {}
for f in files:
    t = open(os.path.join(CORPUS, f), encoding="utf-8").read()
    texts[f] = t
    n = len(t.strip())
    if not 900 <= n <= 2500:
        err(f"{f}: length {n} outside 900-2500")
tables = [f for f, t in texts.items() if sum(1 for l in t.splitlines() if "｜" in l or "\t" in l) >= 3]
if len(tables) < 3:
    err(f"only {len(tables)} notices with tables")
def is_trad(s):
    return sum(c in TRAD_CHARS for c in s) >= 2
trad_docs = [f for f, t in texts.items() if sum(c in TRAD_CHARS for c in t) > 50]
if len(trad_docs) != 2:
    err(f"Traditional notices: {trad_docs} (expected 2)")

lines = open(os.path.join(DIR, "qs.tsv"), encoding="utf-8").read().rstrip("\n").split("\n")
if len(lines) != 60:
    err(f"qs.tsv has {len(lines)} lines, expected 60")
ans = ref = trad_q = 0
seen = set()
for i, line in enumerate(lines, 1):
    parts = line.split("\t")
    if len(parts) != 3 or not all(p.strip() for p in parts):
        err(f"line {i}: needs 3 non-empty fields: {line!r}")
        continue
    q, a, f = parts
    if q in seen:
        err(f"line {i}: duplicate question")
    seen.add(q)
    if is_trad(q):
        trad_q += 1
    if not any(p in q for p in PLACES):
        err(f"line {i}: question names no corpus place")
    if a == "REFUSE" or f == "REFUSE":
        if not (a == "REFUSE" and f == "REFUSE"):
            err(f"line {i}: REFUSE must be in both answer and file")
        ref += 1
        continue
    ans += 1
    if f not in texts:
        err(f"line {i}: unknown file {f}")
        continue
    for alt in a.split("|"):
        if not alt or alt not in texts[f]:
            err(f"line {i}: answer {alt!r} not found verbatim in {f}")
        if len(alt) > 20:
            err(f"line {i}: answer {alt!r} longer than 20 chars")
    # the question's place must be the notice's place
    qplaces = [p for p in PLACES if p in q]
    if qplaces and not any(p in texts[f] for p in qplaces):
        err(f"line {i}: question place {qplaces} not in {f}")
if ans != 50: err(f"{ans} answerable (expected 50)")
if ref != 10: err(f"{ref} REFUSE (expected 10)")
if trad_q < 5: err(f"only {trad_q} Traditional questions")

alltext = "\n".join(texts.values()) + "\n" + "\n".join(lines)
for name in FORBIDDEN:
    if name in alltext:
        err(f"forbidden name {name!r} found")
for p in PLACES:
    if p[0] not in ALLOWED_FIRST:
        err(f"place {p} has disallowed first character")
    if p[:2] not in alltext:
        err(f"place {p} unused")

if errors:
    print("\n".join(errors)); print(f"FAIL ({len(errors)} problems)"); sys.exit(1)
print(f"files={len(files)} tables={len(tables)} trad_notices={trad_docs} answerable={ans} refuse={ref} trad_questions={trad_q}")
print("OK")
