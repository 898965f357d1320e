"""What page furniture looks like: the vocabulary and patterns the text cleaner matches.

Kept apart from the cleaning logic so an editor who meets a new site can add a phrase here
without reading the algorithm. Everything is matched case-insensitively against a whole line
(or each part of a line split at separators such as '|', '·' or runs of spaces).

These lists help, but no layout should depend on them: the cleaner finds the body as the
longest run of article sentences, and the title, byline and captions by their shape and
position (text.py). A phrase missing here costs at most one stray line.
"""

from __future__ import annotations

import re

# Single items of navigation, account, sharing and layout widgets, in English and Korean.
CHROME_PHRASES = {
    # navigation and account
    "menu", "main menu", "search", "home", "subscribe", "subscribe now", "log in", "login",
    "log out", "logout", "sign in", "sign up", "register", "my account", "newsletter",
    "newsletters", "skip to content", "skip to main content", "skip navigation", "sections",
    "전체메뉴", "메뉴", "검색", "로그인", "로그아웃", "회원가입", "구독", "구독하기", "기자 구독",
    "마이페이지", "홈", "본문 바로가기", "전체기사", "기사제보", "제보하기",
    # sharing and tools
    "share", "short url", "share this", "share this article", "share this story", "copy link", "link copied",
    "email", "e-mail", "print", "tweet", "facebook", "twitter", "x", "linkedin", "whatsapp",
    "reddit", "save", "save article", "bookmark", "comments", "comment", "listen",
    "listen to this article", "gift this article", "close", "open", "x close",
    "공유", "공유하기", "페이스북", "트위터", "카카오톡", "카카오스토리", "카카오", "네이버",
    "밴드", "네이버밴드", "url복사", "url 복사", "링크복사", "링크 복사", "인쇄", "스크랩",
    "댓글", "좋아요", "추천", "닫기", "이메일", "기사저장", "가-", "가+", "가",
    # layout and promotion
    "advertisement", "skip advertisement", "ad", "sponsored", "sponsored content", "promoted",
    "top", "go top", "go to top", "back to top", "top of page", "most read", "most popular",
    "most viewed", "trending", "trending now", "popular", "recommended", "recommended for you",
    "more", "read more", "see more", "more stories", "related", "related stories",
    "related articles", "related news", "latest news", "editor's picks", "you may also like",
    "a-", "a", "a+",
    "광고", "맨 위로", "맨위로", "위로", "많이 본 뉴스", "많이 본 기사", "인기기사", "인기 기사",
    "관련기사", "관련 기사", "관련뉴스", "최신기사", "주요뉴스", "추천기사", "오늘의 주요뉴스",
    # the widgets of a photo: 'hide caption', 'toggle caption', 'Image caption,'
    "hide caption", "toggle caption", "image caption", "caption", "enlarge this image",
    "end of article", "end of story", "end of the article",
}

# Whole-line patterns: widgets described in words, copyright notices, cookie banners.
_CHROME_LINE = (
        r"\b(text|font)[ -]?size\b",
        r"글자\s*크기",
        r"^top \d+ (stories|news|articles)$",
        r"^\d+\s+comments?(?:\s*/\s*\d+\s+new)?$",
        r"^댓글\s*\d+",
        r"^(share|post|send|email) (on|via|to|by|this)\b[\w ]{0,20}$",
        r"\bcookies?\b.*\b(accept|use|policy|consent)\b",
        r"^(story continues|article continues) below",
        r"\bcomment(ing)? (policy|guidelines)\b|\bcommunity (guidelines|standards)\b",
        r"^(click|tap) here\b",
        r"^follow us\b|^sign up for\b|^get the .* newsletter\b",
        r"^subscribe to\b|^don['’]t miss\b|^stay with\b.{0,40}\bfor (?:updates|more)\b",
        r"^follow\b.{0,60}\b(?:to see more|for (?:real-time )?updates)\b|^kindly share\b",
        # a note on the story, not the story: 'Correction: …', 'Update, Nov 6, 2:10PM ET: …',
        # 'Contributing: Jordan Feld'
        r"^(?:correction|clarification|editor['’]s note|contributing)\s*:|^update\b,?[^:]{0,40}:",
        r"\bcontributed (?:to this report|reporting)\.?$|\bopens in (?:a )?new window\b|^\S+(?:\s\S+){1,6}\scontributed\.$",
        # an agency's signature and a contributing line: 'This report by The Canadian Press was
        # first published Nov. 25, 2026.', 'Additional sources • AFP', 'Additional reporting by …'
        r"^this (?:report|story|article)\b.{0,60}\bwas (?:first|originally) published\b.{0,30}\d{4}\.?$",
        r"^additional (?:sources?|reporting)(?:\s*(?:by|from)\b|\s*[:•|·-])",
        # a question to the reader about the page: 'Do you like the content of this article?'
        r"^(?:do|did) you (?:like|enjoy|find)\b[^.!?]{0,40}\bthis\b[^.!?]{0,30}\?$|^(?:was|is) this (?:article|story|content|page)\b[^.!?]{0,30}\?$",
        r"^copy(?:\s*/\s*paste)?\b.{0,40}\bembed\b",
        r"^지금까지\s.{0,30}(?:기자|특파원)(?:였습니다|이었습니다|와 함께했습니다)\.?$",  # a studio talk's closing line  # 'Copy/paste the article video embed link below:'
        r"^(?:chart|graphic|table|map)\s*:.{0,80}\b(?:source|created with|data)\b",  # a chart's credit line

        r"^\d{1,2}:\d{2}(?:\s*[-–/]\s*.{0,30})?$",  # a video's duration (DURATION below)
        # a notice set apart with a reference mark: '※KCN뉴스는 여러분의 제보로 …', or a
        # label: '덧붙이는 글 | 이 기사는 …', 'Editor's note | …'
        r"^※|^\*(?=[^\s*])",  # '*인터뷰를 인용 보도할 때는 …': a footnote
        # a screen reader's list labels: 'list of 4 items', 'list 1 of 4', 'end of list'
        r"^(?:list (?:\d+ )?of \d+(?: items)?|end of list)$",
        r"^[^|.!?\[]{2,20}\s\|\s[^|]{10,}[.!?]$",  # (a table's row has more cells, no full stop)
        r"^\[?(사진|그래픽|영상)\s*[=:][^\]]*\]?$",
        r"^▶",
        # a link to another story inside the article: 'Read more: ...', 'See also: ...'
        r"^(read|read more|see also|also read|related|more on this( story)?|관련\s*기사|관련\s*뉴스)\s*[:：]",
)
# Calls to the reader, searched in short lines only (an article's paragraph is no call): the
# site's own channels ('Sign up for our Morning Edition newsletter.', 'Join SE's WhatsApp
# Channel …'), its small print, and appeals for money ('we have a small favour to ask').
_CALLS = (
    r"^(?:sign up for|subscribe to|join|follow|download) (?:our|\w+['’]s)\b.{0,60}"
    r"\b(?:newsletters?|channel|app|podcast|whatsapp|telegram)\b",
    r"^download (?:the )?[\w ]{0,50}\bapp\b", r"^stay up to date with\b", r"^follow (?:me|us) on\b",
    r"^by subscribing, you\b", r"^get (?:the )?latest\b",
    r"\b(?:weekly|daily|free|our) newsletter\.?$", r"\bi agree to the terms\b",
    r"\b(?:delivered|straight|directly) to your inbox\b", r"\byou can now listen to\b",
    r"\bsign up(?: for it)? (?:here|now|today)\.?$", r"\bsign up for our\b",
    r"\bwe (?:may )?(?:receive|earn|get) (?:a )?(?:small )?commission\b", r"\blisten to more stories\b",
    r"\bcheck out my website\b", r"\bfollow [\w ]{1,30} on (?:whatsapp|telegram|instagram|google news|facebook|x)\b",
    r"\bprivacy policy and terms of service apply\b", r"\bcontact us\.?$", r"\bsmall favou?r to ask\b",
    r"\bsupport (?:our|independent) journalism\b", r"\bfunded by (?:our )?readers\b", r"\bquality journalism is\b",
    r"\bbrought to you by\b", r"\bour award-winning\b",
    # a machine's note on the page: 'This is AI generated summarization, which may have
    # errors.', 'Weekline AI is in beta. Translations may contain inaccuracies …'
    r"\bai[- ]generated (?:summar|translat|text)", r"\btranslations? may contain (?:errors|inaccuracies)\b",
)
# A Korean page's appeal to its readers: '… 비평을 위해 후원해주세요.', '독자 여러분의 후원으로 …'.
CALL_KO = re.compile(r"(?:후원|구독|응원|제보)\s?(?:해\s?주세요|해\s?주십시오|부탁드립니다)|독자 여러분의 (?:후원|구독|성원)")
# Tried as two regexes, the calls that open a line by a match only (see CHROME_START below).
CALL_START = re.compile("|".join(f"(?:{p[1:]})" for p in _CALLS if p.startswith("^")), re.IGNORECASE)
CALL_ANYWHERE = re.compile("|".join(f"(?:{p})" for p in _CALLS if not p.startswith("^")), re.IGNORECASE)
CALL_REACH = 320  # characters: longer lines are text
# Words one of those calls has (a cheap test before the search): 'our', 'subscrib…', ….
CALL_HINTS = (" our ", "subscrib", "newsletter", "latest", "contact us", "brought to", "terms of",
              "favour", "favor", "journalism", "funded by", "award-winning", "'s ", "’s ", "inbox", "privacy policy", "listen to", "download", "sign up", "follow", "stay up to date", "commission", "listen to", "generated", "translation")
# Compiled as two regexes, one tried at the start of a line only: searching every position of
# a long line for every pattern is what cleaning would spend its time on.
CHROME_START = re.compile("|".join(f"(?:{p[1:]})" for p in _CHROME_LINE if p.startswith("^")), re.IGNORECASE)
CHROME_ANYWHERE = re.compile("|".join(f"(?:{p})" for p in _CHROME_LINE if not p.startswith("^")), re.IGNORECASE)
# A speaker or part marker of a broadcast script: '[앵커]', '<기자>', '◀ 리포트 ▶'.
SCRIPT_MARKER = re.compile(r"^[\[<〈◀【]\s*[^\]>〉▶】\s]{1,6}\s*[\]>〉▶】]$")

# Copyright notices end the article wherever they stand.
COPYRIGHT = re.compile(
    r"©|ⓒ|Ⓒ|\(c\)\s*\d{4}|\bcopyright\b|all rights reserved|unauthori[sz]ed reproduction|"
    r"저작권자|무단\s*전재|재배포\s*금지|무단\s*복제",
    re.IGNORECASE,
)

# Lines that open a list of other stories: what follows them (until a real paragraph) is
# not article text.
SECTION_END = re.compile(
    r"^(related( stories| articles| news| content)?|more (stories|from .*|on this story)|read more|"
    r"see also|most (read|popular|viewed)|trending( now)?|recommended( for you)?|"
    r"you may also like|editor'?s picks|latest news|top stories|comments?|top \d+ (stories|news)|"
    r"관련\s*기사|관련\s*뉴스|많이 본 (뉴스|기사)|인기\s*기사|추천\s*기사|주요\s*뉴스|최신\s*기사|댓글)\b",
    re.IGNORECASE,
)

# A marker that the article is over: 'end of article', 'End of story'.
ARTICLE_END = re.compile(r"^(?:end of (?:the )?(?:article|story)|기사\s*끝)$", re.IGNORECASE)

# Separators that join several widget labels on one line: 'Subscribe | Log in', 'A- A A+'.
SEPARATORS = re.compile(r"\s{2,}|\s*[|·•/]\s*|\t")

BULLET = re.compile(r"^\s*(?:[•·◦▪■□●○◆◇►▸\-–*]|\d+\.)\s+")

# --- captions and photo credits -------------------------------------------------------------
AGENCIES = (
    r"(?:AP|AFP|EPA|Reuters|Yonhap|Xinhua|Kyodo|UPI|Getty(?: Images)?|Bloomberg|NurPhoto|"
    r"Shutterstock|연합뉴스|연합|뉴시스|뉴스1|newsis|News1)(?:[-/ ](?:Yonhap|연합뉴스|AP|AFP|EPA))?"
)
# Agencies that sell photos only: named alone on a line, they credit a photo ('GETTY IMAGES'),
# where a news agency's name alone is its logo.
PHOTO_AGENCIES = r"(?:Getty Images|Shutterstock|Alamy|NurPhoto|EPA|AFP via Getty Images)"
# An organisation or a person in proper case, as credited in brackets: 'Getty Images', 'Seoul
# Metropolitan Government' (not a wire marker in capitals such as '(END)' or '(LEAD)').
_PROPER_NAME = r"(?-i:[A-Z][a-z][\w.&'’-]*(?:\s+(?:[A-Z&][\w.&'’-]*|of|and|for|the)){0,6})"
# A sentence or phrase has ended just before the credit: after a full stop or a bracket.
_AFTER_TEXT = r"(?<=[.!?)\]])\s*"
# Credits that end a caption, tried in this order; each leaves the credit in group 'c'. The
# credit is set apart from the text (after a full stop, a slash or inside brackets), so a body
# sentence ending '... Yonhap said.' is safe.
CAPTION_CREDITS = [
    re.compile(p + r"\s*$", re.IGNORECASE)
    for p in (
        # '[사진=한빛시 제공]', '(Photo: Dana Ortiz/The Daily Ledger)'
        # '【 사진 = HNB DB 】', '〈자료=과학기술정보통신부〉'
        r"[\[(【〈<]\s*(?:사진|자료|그래픽|이미지\s*출처|사진\s*출처|Photo|Image|File)\s*[=:/]\s*(?P<c>[^\])】〉>]+?)\s*[\])】〉>]",
        # '. [사진] 두산 베어스 제공'
        r"(?<=[.!?])\s+\[사진\]\s*(?P<c>[^\s.!?/]{1,15}(?:\s[^\s.!?/]{1,15}){0,2}\s?제공)",
        # '. —LANTERN FILE PHOTO / GRIG C. MONTEGRANDE'
        r"(?<=[.!?])\s*[—–]\s*(?P<c>(?-i:[A-Z][A-Z .]*PHOTOS?\s*/\s*[A-Z][A-Z .'’-]+))",
        # '(AP Photo/Kim Lee)', '[연합뉴스 자료사진]', '(Yonhap)', '[동아일보 자료사진]'
        r"[\[(<‹〈](?P<c>[^\])>›〉]{1,20}(?:제공|자료사진|DB))[\])>›〉]",
        r"[\[(](?P<c>(?:AP|AFP|EPA|Reuters) Photo[^\])]*|" + AGENCIES + r"(?:\s*자료사진)?)[\])]",
        # '... March 10, 2016 © Mehdi FEDOUACH / AFP' (a notice alone is no caption: see text.py)
        r"(?<=[\w.,)\]])\s+[©ⓒⒸ]\s*(?P<c>[^©ⓒⒸ]{2,60})",
        # '. AP-Yonhap', '/연합뉴스'
        _AFTER_TEXT + r"/?\s*(?P<c>" + AGENCIES + r")",
        r"\s/\s*(?P<c>" + AGENCIES + r")",
        # '. Photo by Ana Ruiz', '. Photograph: Martin Hale/PA', '. Korea Times photo by Kim'
        r"(?<=[.!?)\]])\s+(?P<c>(?:Courtesy of|Photo by|Photo:|Photo /|Photo courtesy of|Image:|Credit:|"
        r"Photograph:|Photographer:|Picture:|Illustration:|(?:[A-Z][\w.'’-]*\s+){1,4}photo by)\s+[^.]{2,80})",
        # '… on Tuesday.Jamie Kwan / NBN News', '… the rinks.Fred Lum/The Maple Courant' (glued to the full stop)
        r"(?<=[.!?])(?P<c>(?-i:[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,2}\s?/\s?(?:The\s+)?[A-Z][\w&.' -]{1,40}))",
        # '… main station - Copyright Michael Probst/AP Photo'
        r"(?<=\w)\s[-–—]\s(?:copyright|©)\s*(?P<c>(?!\d)[^©]{2,60})",
        # '… 설치돼 있다. 사진=이서진 기자', '… 추이. 그래픽=김은교 kim@…'
        r"(?<=[.!?])\s+(?P<c>(?:사진|자료|그래픽)\s?=\s?[^.!?=@\s][^.!?=@]{0,29}?)(?:\s+[\w.+-]+@[\w-]+(?:\.[\w-]+)+)?",
        # '… 살펴보고 있다. /최현배 기자 choi@…' (a photographer's slash credit with an address, set
        # apart by a space: a sign-off glued to a paragraph's full stop has none, '…말했다./김도윤기자')
        r"(?<=[.!?])\s+/\s?(?P<c>[가-힣]{2,4}\s?(?:선임|사진|전문)?기자)\s+[\w.+-]+@[\w-]+(?:\.[\w-]+)+",
        # '… fog. — White Star/File'
        r"(?<=[.!?])\s+[—–]\s+(?P<c>(?-i:[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3}(?:/[A-Z][\w'’.-]+){1,2}))",
        # '. Dean Lewins/AAP', '. Ethan Pruitt/The Ashford Courier-Journal' (a photographer, and the agency or paper)
        r"(?<=[.!?])\s+(?P<c>(?-i:[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,2}/(?:The\s+)?[A-Z][\w&.-]+(?:\s+[A-Z][\w&.'’-]+){0,3}))",
        # '… in Chennai. File | Photo Credit: S. Thamizhselvan'
        r"(?<=[.!?])\s+(?:File\s+)?\|\s*(?P<c>(?:Photo|Image|Picture)\s+Credit\s*:\s*[^|]{2,60})",
        # '… 30%. | KYODO', '… 있다. 수원 | 박준형 기자 jhpark@…', '… 있다. 제공 | 한국배구연맹'
        r"(?<=[.!?])\s+\|\s*(?P<c>(?-i:[A-Z][A-Z .&/-]{1,30}))",
        r"(?<=[.!?])\s+(?P<c>[^\s.|]{1,10}\s\|\s[^|.@]{2,40}?(?:\s+[\w.+-]+@[\w-]+(?:\.[\w-]+)+)?)",
        # '. Jerry Jackson, USA NOW' (a photographer, and the paper)
        r"(?<=[.!?])\s+(?P<c>(?-i:[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,2},\s+[A-Z][\w&.' -]{1,40}))",
        # '. REUTERS/Carlos Mena/File Photo'
        r"(?<=[.!?])\s+(?P<c>(?-i:[A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Z'’.-]+){0,3})/[^.]{2,80})",
        # '. 대구시 제공', '. 부산일보DB', '. 한겨레 자료사진'
        r"(?<=[.!?])\s+(?P<c>[^\s.!?/]{1,15}(?:\s[^\s.!?/]{1,15})?\s?(?:제공|DB|자료사진))",
        # '... 있다. /사진=뉴스1', '. /솔뫼시대 DB', '... 전경. 2026.11.27/뉴스1 © News1 김기남 기자'
        r"(?:(?<=[.!?])|(?<=[.!?)])\s*\d{4}\.\s?\d{1,2}\.\s?\d{1,2}\.?)\s*/\s*(?:사진\s*=\s*)?"
        r"(?P<c>(?=[^/]*[^\W\d_])[^/.!?\s][^/.!?]{0,29})/?",
        # '... 있다. 2026.11.4 /이지훈기자 jhlee@hannae.example' (a photographer and address)
        r"(?<=[.!?])\s*\d{4}\.\s?\d{1,2}\.\s?\d{1,2}\.?\s*/\s?(?P<c>[가-힣]{2,4}\s?기자)"
        r"\s+[\w.+-]+@[\w-]+(?:\.[\w-]+)+",
        # '... 심고 있다.ⓒ주간시선 조남진': a credit glued to the caption's full stop
        r"(?<=[.!?])[©ⓒⒸ]\s*(?P<c>[^©ⓒⒸ.]{2,40})",
        # '... in Punggol. SE PHOTO: GAVIN TEO'
        r"(?<=[.!?])\s+(?P<c>(?-i:[A-Z]{2,6}\s+)?(?-i:(?:FILE\s+)?PHOTO|Photo):\s*[^.]{2,60})",
        # '... 있다. 2026.11.27. jhb@newsis.example' (a photographer's date and address)
        r"(?<=[.!?])\s*\d{4}\.\s?\d{1,2}\.\s?\d{1,2}\.?\s*/?\s*(?P<c>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)",
        # '... Seoul (Seoul Metropolitan Government)', '(Bill O'Leary/The Post)', '(ANC News: Dana
        # Webb)', '(Hanmaeum archives)': two words or more, or a slash or a colon, in brackets
        r"\s\((?!(?:Opens|Updated|Click|Link)\b)(?P<c>" + _PROPER_NAME + r"|(?-i:[A-Z])[^()]{0,58}(?:[/:][^()]*|\s[^()]+))\)",
        r"\s\((?P<c>(?:stock|file) (?:image|photo|picture))\)",
        # '... 받고 있다. 정지윤 선임기자', '... 학원가. 중앙포토', '... 2026.11.27 안주영 전문기자'
        r"(?<=[.!?])\s+(?:\d{4}\.\s?\d{1,2}\.\s?\d{1,2}\.?\s*)?"
        r"(?P<c>[가-힣]{2,4}\s?(?:선임|사진|전문|수습)?기자|[^\s.!?/]{1,10}(?:포토|사진))",
        _AFTER_TEXT + r"\[(?P<c>[A-Z][A-Z0-9 .&-]{1,30})\]",
    )
]

# A line that is only a photo credit: 'Luis Moreno/WPR', 'Credit...Nathan Price for The
# Times', 'Image source, Getty Images', '(Getty Images)', 'GETTY IMAGES', 'ⓒ News1 김민호 기자'. Such a line belongs to the photo
# caption printed just before it (or, for 'Image source', just after it).
CREDIT_LINE = re.compile(
    r"^/?(?:(?i:image source|image|photo(?:graph(?:er)?)?|picture|credit|사진|사진출처|이미지 출처)\s*(?:[,:=]|\.{2,}|…)\s*(?P<c1>.{2,80})"
    r"|(?i:illustration|photo(?:graph)?|image|picture|artwork)\s+by\s+(?P<c7>[A-Z][^.]{1,60}\.(?:\s*Sources?:\s*[^.]{2,40}\.?)?)"
    r"|(?P<c2>(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3}|[A-Z]{2,})\s*/\s*[A-Z][\w .&'’-]{1,40}(?:/[\w .&-]{2,30})?)"
    r"|\((?P<c3>" + _PROPER_NAME + r")\)"
    r"|(?P<c4>(?i:" + PHOTO_AGENCIES + r"))"
    r"|[©ⓒⒸ]\s*(?P<c5>[\w ]{2,20}\s[가-힣]{2,4}\s?(?:선임|사진)?기자)"
    r"|[©ⓒⒸ]\s*(?P<c6>[가-힣]{3}))$",  # 'ⓒ 박지수': a person's name, not a paper's notice
)
# A wire photo's caption as its own site prints it: the wire's credit, the caption, the date and
# agency, then the agency's notice: '(서울=뉴스1) 김도윤 기자 = 1일 … 있다. 2026.12.2/뉴스1
# Copyright (C) 뉴스1. All rights reserved. …'.
CAPTION_WITH_NOTICE = re.compile(
    r"^(?:[\[(][^\])=]{1,15}=[^\])]{1,20}[\])]\s*[가-힣]{2,4}\s*기자\s*=\s*)?(?P<text>[^=]{10,300}?[.!?])\s*"
    r"\d{4}\.\s?\d{1,2}\.\s?\d{1,2}\.?\s*/\s*(?P<c>[^\s/©ⓒ]{2,20})\s+(?:copyright|©|ⓒ)", re.IGNORECASE)
# 'Image source, X' comes before its caption rather than after it.
CREDIT_BEFORE = re.compile(r"^image source\b", re.IGNORECASE)
# 'Image caption, Residents clear mud ...' or 'Image caption,' with the caption on the next line.
CAPTION_MARKER = re.compile(r"^(?:(?:image|photo|video)?\s*caption\s*[,:]\s*(?P<text>.*)|open this (?:photo|image) in (?:the )?gallery\s*:?"
                            r"|(?:photo|image|picture|file|사진)\s*:\s*(?P<long>(?:\S+\s+){5,}.*))$", re.IGNORECASE)

# --- bylines ---------------------------------------------------------------------------------
# Bounded as the standard bounds them, so a search is linear on a long run of letters.
EMAIL = re.compile(r"[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+")
_NAME_EN = r"[A-Z][\w.'’\-]*(?:(?:\s+|\s*&\s*|\s+and\s+)[A-Z][\w.'’\-]*){0,7}"
_EMAIL_PART = r"\s*[\[(<]?(?P<email>" + EMAIL.pattern + r")?[\])>]?\s*$"

ROLE_WORDS = (r"correspondent|editor|reporter|writer|columnist|critic|contributor|producer|"
              r"journalist|staff|analyst|bureau chief|chief")
# The last word of an outlet's name, run into a byline after the reporter's.
OUTLET_WORDS = r"news|times|post|herald|press|tribune|journal|telegraph|gazette|daily|network|radio|tv|media|wire"
# 'By Mira Okafor', 'By MIRA OKAFOR and Jo Park, Reuters', 'BY LEE HA-EUN [lee@x.example]',
# 'Reporter : Kim Min-ji'.
BYLINE_EN = re.compile(
    r"^(?:by:?|written by|words by|reporting by|(?:reporter|writer|author)\s*:)\s*[—–-]?\s*"
    # a role before the name: 'By state political reporter Jess Harding'
    r"(?:(?-i:[a-z][\w-]*\s+){0,3}(?:" + ROLE_WORDS + r")\s+)?(?P<name>(?-i:" + _NAME_EN + r"))"
    # what follows: 'Reuters', 'Staff Writer', or an agency 'with AFP'
    r"(?:(?:\s*[,|\-–—]\s*|\s+with\s+)(?P<affiliation>[^@\[]{2,60}?))?(?:\s*/?\s*@\w{2,30})?" + _EMAIL_PART,
    re.IGNORECASE,
)
# A sign-off line: 'Mira Okafor mira.okafor@haldendaily.example', 'Mira Okafor | email',
# '한지수 (jisoo@edaily.example)'.
SIGNOFF = re.compile(
    r"^(?P<name>[A-Z][\w.'’\-]+(?:\s+[A-Z][\w.'’\-]+){1,3}|[가-힣]{2,4})\s*[|,/]?\s*[\[(<]?"
    r"(?P<email>" + EMAIL.pattern + r")[\])>]?\s*$"
)
# A reporter's name standing alone under the headline: 'Min-ji Park', 'Gwen Adeyemi Transport
# correspondent' (what follows the name must then name a newsroom role).
# Letters of names in Latin script, accents included ('Ciarán Doyle', 'Hélène Roy', 'Séamus Ó Briain').
_UPPER = r"[A-Z\u00c0-\u00d6\u00d8-\u00de]"
_LOWER = r"[a-z\u00df-\u00f6\u00f8-\u00ff\u0100-\u017f'’]"
BARE_NAME_EN = re.compile(
    r"^(?!(?i:the|by|and|or|of|in|on|at|for|to|with|from|a|an)\b)"
    r"(?P<name>(?:[A-Z]\.\s?){0,2}" + _UPPER + _LOWER + r"+(?:-[a-z]+)?(?:\s+(?:[A-Z]\.|[\u00c0-\u00de]|" + _UPPER + _LOWER + r"+(?:-[A-Za-z]+)?)){1,2}?)"
    r"(?:,?\s+(?P<role>(?:[A-Z][\w&-]*\s+){0,3}(?i:" + ROLE_WORDS + r")))?"
    r"(?:\s+in\s+(?P<place>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,2}))?$",  # 'Clara Voss in Frankfurt'
)
# Words of page widgets and sections: a name-shaped line made of them ('Social Sharing',
# 'Related Topics', 'Print Preview') is no reporter.
WIDGET_WORDS = frozenset(
    "social sharing share topics topic related print preview save font size read more top stories "
    "story news latest popular most sign log follow listen watch video videos photos comments "
    "newsletter newsletters edition home menu search live opinion sections account subscribe help "
    "contact about privacy terms advertisement sponsored trending next previous report error "
    "corrections tips settings now playing play up next close copied count channel facebook whatsapp linkedin "
    "reddit email copy link".split()
)
# '홍길동 기자', '홍길동·김철수 기자 hong@x.com', '세종=홍길동 기자', '기자명 홍길동 기자',
# '홍길동 기자 구독' (a widget after the name is no part of it).
BYLINE_KO = re.compile(
    r"^(?:[\[(]|/\s?)?(?:기자명\s*)?(?:[\[(]?(?P<place>[^=\s\])]{1,15})=)?\s*(?P<name>[가-힣]{2,4}(?:\s*[·,]\s*[가-힣]{2,4})*)\s*"
    r"(?P<middle>[A-Za-z0-9가-힣]{2,12}\s)?(?:기자|특파원|선임기자|객원기자|인턴기자|통신원)[\])]?"
    r"(?:\s*[\[(<]?(?P<email>" + EMAIL.pattern + r")[\])>]?|\s+(?P<widget>[^.!?]{0,19}[^.!?다]))?\s*$"
)
# A broadcast reporter's sign-off: 'KBS 뉴스 박서윤입니다.', '해솔방송 윤서진입니다.' (not '이정민
# 기자입니다.', the anchor's cue in the middle of a script, nor '저는 …입니다.').
SIGNOFF_KO = re.compile(r"^[A-Za-z가-힣0-9]*[A-Za-z0-9가-힣](?<![은는이가])(?:\s?뉴스)?\s(?!기자|특파원)(?P<name>[가-힣]{2,4})입니다\.?$")
# Credit glued to the start of the first paragraph: '[한빛일보=서지원 기자] ...',
# '(서울=연합뉴스) 홍길동 기자 = ...', '[이데일리 한지수 기자] ...', '[팩트라인ㅣ한지수 기자] …' (ㅣ for a bar).
BYLINE_KO_PREFIX = re.compile(
    r"^(?:[\[(](?P<place>[^=\])]{1,15})=(?P<org>[^\])]{1,20})[\])]\s*(?P<name>[가-힣]{2,4}(?:\s*[·,]\s*[가-힣]{2,4})*)\s*(?:기자|특파원)\s*=\s*"
    r"|\[(?P<org5>[^\]=|]{1,20}?)\s*[=|]\s*(?P<place5>[^,=\]]{1,10})\s*[,=]\s*(?P<name5>[가-힣]{2,4})\s*(?:기자|특파원)\]\s*"
    r"|\[(?P<org2>[^=\]ㅣ｜]{1,20}?)\s*[=ㅣ｜]\s*(?P<name2>[가-힣]{2,4}(?:\s*[·,]\s*[가-힣]{2,4})*)\s*(?:기자|특파원)\]\s*"
    r"|(?P<name3>[가-힣]{2,4})\s*(?:기자|특파원)\s*=\s*"
    r"|\[(?P<org4>[^\]=]{1,15}?)\s+(?P<name4>[가-힣]{2,4})\s*(?:기자|특파원)\]\s*)"
)
# English dateline at the start of the lede: 'PORT HALDEN —', 'SEOUL, Nov. 27 (Yonhap) --',
# 'PORT AMITY, N.C. (AP) —' (a state's abbreviation is part of the place, a date is not).
_MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\."
_MONTHS_DAYS = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
                r"December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
DATELINE_EN = re.compile(
    r"^(?P<place>[A-Z][A-Z .'’\-]{1,40}?(?:,\s+(?!" + _MONTH_ABBR + r")[A-Z][a-z]{0,4}\.(?:[A-Z]\.)?"
    # a state or country written out: 'HARPERSFIELD, Ohio (AP) —' (not 'WASHINGTON, March 14')
    r"|,\s+(?!" + _MONTHS_DAYS + r")[A-Z][a-z]+(?:\s[A-Z][a-z]+)?(?=\s*(?:\(|—|–|--)))?"
    # a place in proper case and its country: 'Dar es Salaam, Tanzania – …'
    r"|(?-i:[A-Z][a-z]+(?:\s(?:[A-Z][a-z]+|es|de|la|al|el|do|da)){0,3},\s+[A-Z][a-z]+(?:\s[A-Z][a-z]+)?(?=\s+[–—]\s))"
    # or alone before the agency's tag or a colon: 'Denver (GNN) — …', 'New Delhi: …'
    r"|(?-i:[A-Z][a-z]+(?=\s\([A-Z]{2,6}\)\s*[—–-])|[A-Z][a-z]+(?:\s[A-Z][a-z]+){1,2}(?=\s\([A-Z]{2,6}\)\s*[—–-]|:\s[A-Z])))"
    r"(?:,[^—–\n]{1,30})?\s*(?:\([^)]{1,30}\))?\s*(?:—|–|--|-|:)\s+"
)

# --- dates -----------------------------------------------------------------------------------
# Date and time lines: 'Published 10:32 a.m. Nov. 27, 2026', '입력 2026.11.27 10:32'.
DATE_VALUE = re.compile(
    # (the time as printed: '17:33', '오전 6:00:00', '(21:18)')
    r"\d{4}[-./]\s?\d{1,2}[-./]\s?\d{1,2}(?:\.)?(?:\s+(?:[오][전후]\s?)?\d{1,2}:\d{2}(?::\d{2})?|\s+\(\d{1,2}:\d{2}\))?"
    r"|(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s*\d{1,2},?\s*\d{4}"
    r"|\d{1,2}/\d{1,2}/\d{4}|\b\d{1,2}/\d{1,2}/\d{2}(?![\d/])"
    r"|(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?\d{1,2}(?:st|nd|rd|th)?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?,?\s+\d{4}"
    r"|\d{4}년\s*\d{1,2}월\s*\d{1,2}일(?:\s*\d{1,2}시\s*\d{1,2}분)?"
    r"|\b\d{2}\.\d{2}\.\d{2}\s+\d{1,2}:\d{2}(?=\D|$)",  # '26.11.04 20:55': a two-digit year, with the time
    re.IGNORECASE,
)
DATE_LINE_WORDS = re.compile(
    r"^(?:published|updated|posted|last updated|modified|first published|date|입력|수정|기사승인|승인|발행일|게재\s*일자|"
    r"기사입력|최종수정|등록|발행|송고시간|송고|작성|업데이트|기사전송|전송|write|update)?\s*:?\s*",
    re.IGNORECASE,
)
DATE_EXTRAS = re.compile(
    r"\b\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?=\W|$)|\b\d{1,2}\s?[ap]\.?m\.?(?=\W|$)|\b[ap]\.?m\.?(?=\W|$)|\b(?:KST|UTC|GMT|EST|EDT|ET|PT|CET|BST|CST|CDT|MST|MDT|PST|PDT|AEDT|AEST|IST|SGT|JST|HKT|NZDT|NZST|PHT|WIB|ICT|CEST|EET|GST|PKT)\b|"
    r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?|[(\[]?[월화수목금토일月火水木金土日](?:요일)?[)\]]|게재\s*일자|"
    r"\b(?:published|updated|posted|modified|last|first|originally|on|at|about)\b:?|\b\d+\s+(?:minutes?|hours?|days?)\s+ago\b|입력|수정|승인|기사입력|최종수정|최종|"
    r"송고시간|송고|등록|작성|업데이트|기사전송|전송|발행일|\bwrite\b|\bupdate\b|오전|오후|(?-i:^[A-Z]{3,}\b)|"
    r"(?:지면|본지)\s?[A-Z]?\d{1,2}(?:면)?|\b\d{1,2}면|게재",  # the print page: '지면A23', '본지 8면', '게재 : … (10면)'
    re.IGNORECASE,
)
# A date labelled as the first publication, or as a later update ('수정', 'Updated').
PUBLISHED_LABEL = re.compile(r"(?:published|posted|write|입력|등록|작성|송고|기사입력|기사전송|발행)\s*:?\s*$", re.IGNORECASE)
UPDATED_LABEL = re.compile(r"(?:updated?|modified|수정|최종수정|업데이트|게재)\s*:?\s*$", re.IGNORECASE)

# The owner named in a copyright line: '© 2026 Riverton Herald.', '<저작권자 © 청솔신문, 무단전재...>',
# '[ⓒ 당진시대 무단전재 및 재배포 금지]', 'Copyright 조선일보 & chosun.com', 'ⓒ부산일보(www.busan.com)',
# '©2026 Bloomberg L.P. All Rights Reserved.' (initials keep their stops).
COPYRIGHT_OWNER = re.compile(
    r"(?:©|ⓒ|Ⓒ|\(c\)|copyright)\s*(?:(?:©|ⓒ|Ⓒ|\(c\)|copyright)\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?,?\s*)?(?:by\s+)?"
    r"['‘\"“]?(?P<owner>[^\W\d_](?:[^.,:&<>()\[\]©ⓒⒸ|]|(?<=\b[A-Z])\.(?=[A-Z]))*?)"
    r"\s*(?:(?-i:\.(?![A-Z]))|[,:&>|(\]]|\s[-–—]\s|all rights|무단|$)",
    re.IGNORECASE,
)
# A notice with no sign before it: 'The Japan Dispatch Ltd. All rights reserved.', '[와글뉴스
# 무단전재 및 재배포 금지]'.
RESERVED_OWNER = re.compile(r"^(?P<owner>(?:The\s+)?[A-Z][\w&'’ -]{2,60}?(?:\s(?:Ltd|Inc|Co)\.?)?)\.?\s+all rights reserved"
                            r"|^[\[<(]?\s*(?P<ko>[가-힣A-Za-z0-9]{2,15})\s+무단\s*(?:전재|복제)", re.IGNORECASE)
# A video's duration on a line of its own: '0:58', '01:12 - Source: GNN'.
DURATION = re.compile(r"^\d{1,2}:\d{2}(?:\s*[-–/]\s*.{0,30})?$")

