"""What page furniture looks like: the vocabulary and patterns the text cleaner matches.

Kept apart from the cleaning logic so an editor who meets a new site can add a phrase here
without reading the algorithm. Everything is matched case-insensitively against a whole line
(or each part of a line split at separators such as '|', '·' or runs of spaces).
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
    "share", "share this", "share this article", "share this story", "copy link", "link copied",
    "email", "e-mail", "print", "tweet", "facebook", "twitter", "x", "linkedin", "whatsapp",
    "reddit", "save", "save article", "bookmark", "comments", "comment", "listen",
    "listen to this article", "gift this article", "close", "open", "x close",
    "공유", "공유하기", "페이스북", "트위터", "카카오톡", "카카오스토리", "카카오", "네이버",
    "밴드", "네이버밴드", "url복사", "url 복사", "링크복사", "링크 복사", "인쇄", "스크랩",
    "댓글", "좋아요", "추천", "닫기", "이메일", "기사저장", "가-", "가+", "가",
    # layout and promotion
    "advertisement", "ad", "sponsored", "sponsored content", "promoted", "top", "go top",
    "go to top", "back to top", "top of page", "most read", "most popular", "most viewed",
    "trending", "trending now", "popular", "recommended", "recommended for you", "more",
    "read more", "see more", "more stories", "related", "related stories", "related articles",
    "related news", "latest news", "editor's picks", "you may also like", "a-", "a", "a+",
    "광고", "맨 위로", "맨위로", "위로", "많이 본 뉴스", "많이 본 기사", "인기기사", "인기 기사",
    "관련기사", "관련 기사", "관련뉴스", "최신기사", "주요뉴스", "추천기사", "오늘의 주요뉴스",
}

# Whole-line patterns: widgets described in words, copyright notices, cookie banners.
CHROME_PATTERNS = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"\b(text|font)[ -]?size\b",
        r"글자\s*크기",
        r"^top \d+ (stories|news|articles)$",
        r"^\d+\s+comments?$",
        r"^댓글\s*\d+",
        r"^(share|post|send|email) (on|via|to|by|this)\b[\w ]{0,20}$",
        r"\bcookies?\b.*\b(accept|use|policy|consent)\b",
        r"^(story continues|article continues) below",
        r"^(click|tap) here\b",
        r"^follow us\b|^sign up for\b|^get the .* newsletter\b",
        r"^\[?(사진|그래픽|영상)\s*[=:][^\]]*\]?$",
        r"^▶",
    )
]

# Copyright notices end the article wherever they stand.
COPYRIGHT = re.compile(
    r"©|ⓒ|\(c\)\s*\d{4}|\bcopyright\b|all rights reserved|unauthori[sz]ed reproduction|"
    r"저작권자|무단\s*전재|재배포\s*금지|무단\s*복제",
    re.IGNORECASE,
)

# Lines that end the article: nothing after them (until a real paragraph) is article text.
SECTION_END = re.compile(
    r"^(related( stories| articles| news)?|more (stories|from .*)|read more|see also|"
    r"most (read|popular|viewed)|trending( now)?|recommended( for you)?|you may also like|"
    r"editor'?s picks|latest news|comments?|top \d+ (stories|news)|"
    r"관련\s*기사|관련\s*뉴스|많이 본 (뉴스|기사)|인기\s*기사|추천\s*기사|주요\s*뉴스|최신\s*기사|댓글)\b",
    re.IGNORECASE,
)

# Separators that join several widget labels on one line: 'Subscribe | Log in', 'A- A A+'.
SEPARATORS = re.compile(r"\s{2,}|\s*[|·•/]\s*|\t")

BULLET = re.compile(r"^\s*(?:[•·◦▪■□●○◆◇►▸\-–*]|\d+\.)\s+")

# Photo credits that end a caption: 'Courtesy of X', '(AP Photo/Name)', 'AP-Yonhap',
# '[사진=한빛시 제공]', '/연합뉴스'. The credit must be set apart from the sentence (after a
# full stop, a slash or a bracket) so that a body sentence ending '... Yonhap said.' is safe.
AGENCIES = (
    r"(?:AP|AFP|EPA|Reuters|Yonhap|Xinhua|Kyodo|UPI|Getty Images|Bloomberg|NurPhoto|"
    r"Shutterstock|연합뉴스|뉴시스|뉴스1|newsis|News1)(?:[-/ ](?:Yonhap|연합뉴스|AP|AFP|EPA))?"
)
CAPTION_CREDIT = re.compile(
    r"(?:"
    r"[\[(](?:사진|그래픽|Photo|Image)\s*[=:/]\s*(?P<c1>[^\])]+)[\])]"
    r"|[\[(](?P<c2>(?:AP|AFP|EPA|Reuters) Photo[^\])]*|" + AGENCIES + r"(?:\s*자료사진)?)[\])]"
    r"|(?<=[.!?)\]])\s*/?\s*(?P<c3>" + AGENCIES + r")"
    r"|\s/\s*(?P<c4>" + AGENCIES + r")"
    r"|(?<=[.!?)\]])\s+(?P<c5>(?:Courtesy of|Photo by|Photo:|Photo courtesy of|Image:|Credit:)\s+[^.]{2,80})"
    r")\s*$",
    re.IGNORECASE,
)

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")

# 'By Mira Okafor', 'By MIRA OKAFOR and Jo Park, Reuters', 'Written by ...'.
BYLINE_EN = re.compile(
    r"^(?:by|written by|words by|reporting by)\s+(?P<name>[A-Z][\w.'’\-]*(?:(?:\s+|\s*&\s*|\s+and\s+)[A-Z][\w.'’\-]*){0,7})"
    r"(?:\s*[,|\-–—]\s*(?P<affiliation>[^@]{2,60}?))?\s*(?P<email>" + EMAIL.pattern + r")?\s*$",
    re.IGNORECASE,
)
# A sign-off line: 'Mira Okafor mira.okafor@haldendaily.example' or 'Mira Okafor | email'.
SIGNOFF_EN = re.compile(
    r"^(?P<name>[A-Z][\w.'’\-]+(?:\s+[A-Z][\w.'’\-]+){1,3})\s*[|,/]?\s*(?P<email>" + EMAIL.pattern + r")\s*$"
)
# '홍길동 기자', '홍길동·김철수 기자 hong@x.com', '서울=홍길동 기자', '홍길동 특파원'.
BYLINE_KO = re.compile(
    r"^(?:[\[(]?[^=\s\])]{1,15}=)?\s*(?P<name>[가-힣]{2,4}(?:\s*[·,]\s*[가-힣]{2,4})*)\s*"
    r"(?:기자|특파원|선임기자|객원기자|인턴기자|통신원)[\])]?\s*(?P<email>" + EMAIL.pattern + r")?\s*$"
)
# Credit glued to the start of the first paragraph: '[한빛일보=서지원 기자] ...',
# '(서울=연합뉴스) 홍길동 기자 = ...'.
BYLINE_KO_PREFIX = re.compile(
    r"^(?:[\[(](?P<place>[^=\])]{1,15})=(?P<org>[^\])]{1,20})[\])]\s*(?P<name>[가-힣]{2,4}(?:\s*[·,]\s*[가-힣]{2,4})*)\s*(?:기자|특파원)\s*=\s*"
    r"|\[(?P<org2>[^=\]]{1,20})=(?P<name2>[가-힣]{2,4}(?:\s*[·,]\s*[가-힣]{2,4})*)\s*(?:기자|특파원)\]\s*"
    r"|(?P<name3>[가-힣]{2,4})\s*(?:기자|특파원)\s*=\s*)"
)
# English dateline at the start of the lede: 'PORT HALDEN —', 'SEOUL, Nov. 27 (Yonhap) --'.
DATELINE_EN = re.compile(r"^(?P<place>[A-Z][A-Z .,'’\-]{1,40}?)(?:,[^—–\n]{1,30})?\s*(?:\([^)]{1,30}\))?\s*(?:—|–|--|-)\s+")

# Date and time lines: 'Published 10:32 a.m. Nov. 27, 2026', '입력 2026.11.27 10:32'.
DATE_VALUE = re.compile(
    r"\d{4}[-./]\s?\d{1,2}[-./]\s?\d{1,2}(?:\.)?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?"
    r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}"
    r"|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{4}"
    r"|\d{4}년\s*\d{1,2}월\s*\d{1,2}일",
    re.IGNORECASE,
)
DATE_LINE_WORDS = re.compile(
    r"^(?:published|updated|posted|last updated|modified|first published|date|입력|수정|승인|"
    r"기사입력|최종수정|등록|발행|송고시간|송고)?\s*:?\s*",
    re.IGNORECASE,
)
DATE_EXTRAS = re.compile(
    r"\b\d{1,2}:\d{2}(?::\d{2})?\b|\b[ap]\.?m\.?(?=\s|$)|\b(?:KST|UTC|GMT|EST|EDT|ET|PT|CET|BST)\b|"
    r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?|[(\[]?[월화수목금토일](?:요일)?[)\]]|"
    r"\b(?:published|updated|posted|modified|on|at)\b:?|입력|수정|승인|기사입력|최종수정|송고시간|송고|오전|오후",
    re.IGNORECASE,
)
# The owner named in a copyright line: '© 2026 Riverton Herald.', '<저작권자 © 청솔신문, 무단전재...>'.
COPYRIGHT_OWNER = re.compile(r"(?:©|ⓒ|\(c\)|copyright)\s*(?:\d{4}\s*)?(?P<owner>[^.,<>()©ⓒ|]{2,40}?)\s*(?:[.,>|]|all rights|$)",
                             re.IGNORECASE)
