"""Facts about names and person words shared by the English and Korean rules: surnames, and
the words that tell a person's gender (honorifics, kinship and role words). These are closed,
general classes of the languages, not the vocabulary of any one outlet."""

from __future__ import annotations

import functools
import re

# Romanised Korean surnames: in 'Kim Jong Un' or 'Moon Jae-in' the surname comes first.
ROMAN_KOREAN_SURNAMES = {
    "kim", "lee", "yi", "park", "pak", "choi", "choe", "jung", "jeong", "chung", "kang", "cho",
    "jo", "yoon", "yun", "jang", "chang", "lim", "im", "han", "oh", "seo", "suh", "shin", "kwon",
    "hwang", "ahn", "an", "song", "ryu", "yoo", "yu", "hong", "jeon", "chun", "ko", "go", "moon",
    "mun", "yang", "son", "bae", "baek", "heo", "nam", "noh", "roh", "ha", "kwak", "sung", "cha",
    "ju", "joo", "woo", "koo", "ku", "min", "jin", "na", "ji", "um", "won", "chae",
}
# Single-syllable Korean surnames (and the common two-syllable ones), for Hangul names.
HANGUL_SURNAMES = set(
    "김이박최정강조윤장임한오서신권황안송류유홍전고문양손배백허남심노하곽성차주우구민진나지엄채원천방공현함변염여추도소석선설마길연위표명기반라왕금옥육인맹제모탁국어은편용예경봉사부가복태목형피두감"
) | {"남궁", "제갈", "선우", "황보", "독고", "사공", "서문"}

HONORIFICS = {"mr.": "m", "mr": "m", "mrs.": "f", "mrs": "f", "ms.": "f", "ms": "f", "miss": "f",
              "sir": "m", "dame": "f", "lady": "f", "lord": "m"}
FEMALE_WORDS = {
    "she", "her", "hers", "herself", "woman", "women", "girl", "mother", "mom", "mum", "wife",
    "daughter", "sister", "aunt", "niece", "grandmother", "granddaughter", "widow", "actress",
    "queen", "princess", "duchess", "countess", "empress", "lady", "dame", "madam", "heiress",
    "waitress", "hostess", "stepmother", "girlfriend", "bride", "mrs", "ms", "miss", "그녀",
}
MALE_WORDS = {
    "he", "him", "his", "himself", "man", "men", "boy", "father", "dad", "husband", "son",
    "brother", "uncle", "nephew", "grandfather", "grandson", "widower", "actor", "king",
    "prince", "duke", "count", "emperor", "lord", "sir", "stepfather", "boyfriend", "groom", "mr",
}

_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
_POSSESSIVE = re.compile(r"(?:'s|’s|')$")
_MAN_ROLES = {"spokes", "chair", "congress", "council", "assembly", "business", "sales", "police",
              "fire", "anchor", "committee", "front", "states", "country", "alder", "crafts"}


def strip_possessive(word: str) -> str:
    return _POSSESSIVE.sub("", word)


def surname_keys(name: str) -> set[str]:
    """The ways a person's surname alone may refer to them ('Kazianis'; 'Kim' for Kim Jong Un;
    '박' for 박모(47), whom the paper calls 박씨)."""
    name = re.sub(r"\(\d{1,3}\)$", "", name)
    if re.fullmatch(r"[가-힣](?:모|아무개)", name):
        return {name[0]}
    if re.fullmatch(r"[가-힣]{2,5}", name):
        two = name[:2]
        return {two} if two in HANGUL_SURNAMES and len(name) >= 4 else {name[0]}
    if re.fullmatch(r"[가-힣]{2,5} [가-힣]{2,6}", name):
        # A foreign name in Hangul, '하워드 클라인': called by either word ('클라인 장관', and a
        # reporter's '하워드 장관' slip too).
        return set(name.split())
    tokens = [t for t in name.replace(",", " ").split() if t.lower() not in _SUFFIXES]
    if not tokens:
        return set()
    keys = {strip_possessive(tokens[-1]).lower()}
    if len(tokens) >= 2 and tokens[0].lower() in ROMAN_KOREAN_SURNAMES and (
        len(tokens) == 3 or "-" in tokens[-1]
    ):
        keys.add(tokens[0].lower())
    return keys


def gender_of_words(words: str) -> str | None:
    """'congresswoman', 'his wife', 'actress' -> 'f'; 'spokesman', 'father' -> 'm'."""
    for w in re.findall(r"[a-z]+|그녀", words.lower()):
        if w in ("her", "his"):
            continue  # 'his wife' is a woman: the possessive is somebody else
        if w in FEMALE_WORDS or (w.endswith("woman") and len(w) > 5):
            return "f"
        if w in MALE_WORDS or (w.endswith("man") and w[:-3] in _MAN_ROLES):
            return "m"
    return None


# Common given names in English-language news (US, UK, Canada, Australia, Ireland, India),
# for the gender of a person the article never calls 'he' or 'she'. Names used for both
# (Jordan, Taylor, Alex…) are in neither list.
FEMALE_FIRST_NAMES = set("""
abigail ada adele adriana agnes aisha alexandra alexis alice alicia alison allison alyssa amanda amber amelia amy
ana andrea angela angelina anita ann anna anne annie antonia april arlene ashley audrey ava barbara beatrice
becky belinda bernadette beth bethany betsy betty beverly bianca bonnie brenda brianna brianne bridget brittany
brooke caitlin camila candace cara carla carly carmen carol caroline carolyn carrie cassandra catherine cathy
cecilia cecile celeste charlotte chelsea cheryl chloe christina christine cindy claire clara claudia colleen
connie courtney crystal cynthia daisy dana danielle daphne dawn debbie deborah debra denise diana diane dolores
donna doris dorothy edith eileen elaine eleanor elena elise elizabeth ella ellen eloise emily emma erica erin
esther eva evelyn faith fatima felicity fiona florence frances gabriela gabrielle gail gemma georgia geraldine
gillian gina ginger gloria grace gwen gwendolyn hannah harriet hazel heather heidi helen hillary holly hope
ilia ingrid irene iris isabel isabella ivanka jacqueline jade jan jane janet janice jasmine jean jeanne jenna
jennifer jenny jessica jill joan joanna joanne jocelyn josephine joy joyce judith judy julia julie june
karen karin kate katherine kathleen kathryn kathy katie kayla kelly kellyanne kim kimberly kirsten kristen kristin
laura lauren laurie leah leslie lillian lily linda lindsay lindsey lisa liz lois loretta lorraine louise lucy
lydia lynn madeleine madison maggie mandy margaret maria marian marie marilyn marion marsha martha mary maureen
maxine megan meghan melania melanie melinda melissa meredith mia michelle mildred miranda molly monica nadia
nancy naomi natalie natasha nicole nikki nina nora olivia paige pamela patricia patti paula pauline peggy
penelope penny phyllis priya rachel rebecca regina renee rhonda rita roberta robin rosa rosalind rose rosemary
ruth sabrina sally samantha sandra sara sarah sharon sheila shelby sherry shirley sofia sonia sophia sophie
stacey stacy stella stephanie sue susan suzanne sylvia tamara tammy tanya tara teresa theresa tiffany tina
tracy trisha ursula valerie vanessa vera veronica vicki victoria violet virginia vivian wanda wendy whitney
yasmin yolanda yvonne zoe zoey elise huma kamala nikki tulsi debbie nancy condoleezza madeleine theresa angela
jacinda nicola priti liz kemi rishi_not
""".split()) - {"rishi_not"}
MALE_FIRST_NAMES = set("""
aaron abdul abraham adam adrian ahmed al alan albert alberto alec alex_not alexander alfred ali allen alvin
amir andre andrew andy angus anthony antonio arnold arthur austin barack barry ben benjamin bernard bernie
bill billy bob bobby boris brad bradley brandon brendan brent brett brian bruce bryan byron calvin cameron carl
carlos chad charles charlie chris christian christopher chuck clarence clark claude clifford clint clinton_not
cody colin conrad corey craig curtis dale dan daniel danny darren dave david dean dennis derek devin dick
dominic don donald doug douglas duncan dustin dwight earl ed eddie edgar edward edwin elijah elliot elon
emmanuel eric erik ernest eugene evan felix fernando francis francisco frank franklin fred frederick gabriel
gareth gary gavin gene geoff geoffrey george gerald gerard gilbert glenn gordon graham grant greg gregory
gus guy hank harold harry harvey hector henry herbert howard hugh hugo ian isaac ivan jack jacob jake james
jamie_not jared jason javier jay jeb jeff jeffrey jeremy jerome jerry jesse jim jimmy joe joel john johnny
jon jonathan jorge jose joseph josh joshua juan julian justin karl keith ken kenneth kevin kurt kyle lance
larry lawrence lee_not leo leon leonard lewis lincoln lindsey_not lloyd louis lucas luis luke malcolm marco
marcus mario mark martin marvin matt matthew maurice max michael miguel mike mitch mitt mohammed muhammad
nathan neil nelson nicholas nick nigel noah norman oliver omar oscar owen pablo patrick paul pedro peter
phil philip pierre ralph randy raul ray raymond reggie reince rex ricardo richard rick rob robert roberto
rod rodney roger roland ron ronald ross roy rudy rupert russell ryan salvador sam samuel scott sean sergei
seth shane shaun sidney simon stanley stephen steve steven stuart ted terry theodore thomas tim timothy tobias
todd tom tommy tony travis trevor troy tyler vernon victor vincent vladimir wade walter warren wayne wesley
will william willie xavier zach zachary rand newt marco jeb mike tim ben chris rick bobby lindsey_not rishi
keir jeremy boris nigel justin stephen pierre kevin narendra rahul xi vladimir volodymyr emmanuel olaf
""".split()) - {"alex_not", "clinton_not", "jamie_not", "lee_not", "lindsey_not"}


@functools.lru_cache(maxsize=4096)  # (asked for every candidate of every pronoun)
def gender_of_first_name(name: str) -> str | None:
    """'f' for 'Stephanie Acs', 'm' for 'Donald Trump', None when the first name says nothing."""
    first = name.split()[0].lower().strip(".,") if name.split() else ""
    if first in FEMALE_FIRST_NAMES and first not in MALE_FIRST_NAMES:
        return "f"
    if first in MALE_FIRST_NAMES and first not in FEMALE_FIRST_NAMES:
        return "m"
    return None


# Title nouns that stand before a name: 'Councillor Dana Reyes', 'House Speaker Paul Ryan'.
TITLE_NOUNS = {
    "president", "vice", "sen", "sen.", "senator", "rep", "rep.", "representative", "gov",
    "gov.", "governor", "mayor", "councillor", "councilor", "councilman", "councilwoman",
    "secretary", "minister", "chancellor", "judge", "justice", "chief", "officer", "sgt.",
    "lt.", "capt.", "gen.", "general", "col.", "adm.", "dr.", "prof.", "professor", "rev.",
    "ambassador", "commissioner", "director", "chairman", "chairwoman", "chair", "speaker",
    "leader", "sheriff", "detective", "coach", "ceo", "spokesman", "spokeswoman",
    "spokesperson", "nominee", "candidate", "king", "queen", "pope", "premier", "attorney",
    "inspector", "superintendent", "commander", "captain", "lieutenant", "sergeant", "dean",
    "principal", "founder", "host", "anchor", "correspondent", "analyst", "economist",
    "deputy", "assemblyman", "assemblywoman", "congressman", "congresswoman", "delegate",
    # British and Commonwealth style writes the abbreviations without a full stop.
    "dr", "prof", "cllr", "sgt", "insp", "supt", "det", "capt", "col", "gen", "lt", "rev", "mp",
    "constable",
    # Plural titles before a list of names: 'Sens. Robert Menendez (D-N.J.), Joe Manchin III'.
    "sens.", "sens", "reps.", "reps", "govs.",
}

# Nouns for what a person does, that stand before or after a name: 'pollster Daron Shaw',
# 'Jane Okafor, the chief medical officer'.
ROLE_NOUNS = {
    "pollster", "strategist", "spokesman", "spokeswoman", "spokesperson", "lawyer", "attorney",
    "author", "writer", "columnist", "editor", "reporter", "journalist", "actor", "actress",
    "singer", "player", "striker", "midfielder", "goalkeeper", "defender", "manager", "owner",
    "executive", "officer", "official", "adviser", "advisor", "aide", "consultant", "activist",
    "organizer", "organiser", "resident", "student", "teacher", "doctor", "nurse", "scientist",
    "researcher", "economist", "analyst", "historian", "professor", "lecturer", "expert",
    "founder", "partner", "president", "chairman", "chairwoman", "chair", "director", "head",
    "leader", "member", "candidate", "nominee", "senator", "governor", "mayor", "minister",
    "secretary", "ambassador", "judge", "coach", "captain", "premier", "councillor", "councilor",
    "mp", "lawmaker", "legislator", "congressman", "congresswoman", "representative", "delegate",
    "commissioner", "superintendent", "sheriff", "inspector", "detective", "constable",
    "prosecutor", "mother", "father", "wife", "husband", "son", "daughter", "widow",
    "farmer", "worker", "driver", "pilot", "surgeon", "psychologist", "ceo", "cfo", "chancellor",
}

# Nouns that make a description an organisation's: 'the company said', 'the department said'.
ORG_ROLE_NOUNS = {
    "company", "firm", "department", "ministry", "agency", "campaign", "committee", "group",
    "organization", "organisation", "government", "administration", "council", "board", "court",
    "police", "union", "party", "network", "newspaper", "paper", "magazine", "station",
    "university", "school", "club", "team", "bank", "foundation", "institute", "commission",
    "office", "bureau", "service", "airline", "charity", "hospital", "coalition", "alliance",
    "league", "association", "authority", "regulator", "watchdog", "broadcaster", "insurer",
    "retailer", "carrier", "manufacturer", "developer", "publisher", "startup", "giant", "outlet",
    "tabloid", "daily", "weekly", "community", "campaign", "administration", "government",
    "embassy", "military", "army", "navy", "force", "city", "county", "province", "state",
    "municipality", "district", "centre", "center", "federation",
    "maker", "automaker", "carmaker", "chipmaker", "drugmaker", "miner", "lender", "chain",
    "supplier", "brand", "conglomerate", "utility",
}
# The kinds of organisation that 'the company' and 'the firm' stand for: 'appliance maker
# Brightline Home' … 'the company said'.
COMPANY_NOUNS = {
    "company", "firm", "maker", "automaker", "carmaker", "chipmaker", "drugmaker", "miner", "lender",
    "chain", "supplier", "brand", "conglomerate", "utility", "retailer", "carrier", "manufacturer",
    "developer", "publisher", "startup", "giant", "insurer", "airline", "bank", "group",
}


# Things that 'say' in news writing: documents, publications, media.
DOCUMENT_NOUNS = {
    "report", "statement", "study", "poll", "survey", "letter", "email", "e-mail", "memo", "ad",
    "advertisement", "video", "book", "article", "editorial", "complaint", "lawsuit", "suit",
    "filing", "document", "documents", "release", "tweet", "post", "message", "note", "notes",
    "transcript", "ruling", "order", "opinion", "analysis", "review", "audit", "website", "site",
    "account", "headline", "story", "column", "op-ed", "piece", "cable", "readout", "sign",
    "signs", "banner", "slogan", "petition", "resolution", "platform", "bill", "law", "motion",
    "indictment", "affidavit", "testimony", "speech", "remarks", "interview", "blog", "page",
    "clip", "film", "movie", "documentary", "show", "broadcast", "program", "programme", "podcast",
    "paper", "findings", "data", "guidance", "notice", "warning", "judgment", "verdict", "decision",
    "investigation", "inquiry", "probe", "research", "forecast", "estimate", "estimates", "figures",
}
# Endings of English nouns for people who do something: resident, neighbour, employee, critic.
_AGENT_ENDING = re.compile(r"(?:er|or|our|ist|ian|man|woman|men|women|ess|ant|ent|ee|al|ic|ive|ary|ster)s?$")
_NOT_AGENT = {"ago", "freeze", "week", "year", "time", "past", "end", "moment", "deal", "plan"}


def can_speak(head: str) -> bool:
    """Whether a description's head noun can stand for a source: somebody, a body, a group
    or a document ('a resident', 'the company', 'officials', 'the report'), not 'the past'."""
    head = head.lower().strip(".,’'")
    singular = head[:-1] if head.endswith("s") else head
    if not head.isalpha() or head in _NOT_AGENT or len(head) < 3:
        return False
    return (head in TITLE_NOUNS or head in ROLE_NOUNS or singular in ROLE_NOUNS or head in ORG_ROLE_NOUNS
            or singular in ORG_ROLE_NOUNS or head in DOCUMENT_NOUNS or gender_of_words(head) is not None
            or bool(_AGENT_ENDING.search(head)))


def head_noun(description: str) -> str:
    """The head of an English description: 'the director of the FBI' -> 'director',
    'one of the former prosecutors' -> 'prosecutors'."""
    description = re.sub(r"^(?:one|some|many|several|most|each|all|none|both|two|three)\s+of\s+(?:the\s+)?", "",
                         description.strip(), flags=re.I)
    words = re.split(r"\s+(?:of|for|on|in|at|from|with|about|who|that|which|to)\s+", description.strip(), maxsplit=1)[0].split()
    return words[-1].lower() if words else ""


_PERSON_SUFFIX = re.compile(r"(?:er|or|ist|ian|man|woman|ant|ess)$")


def is_person_noun(word: str) -> bool:
    """'senator', 'businessman', 'actress', 'organizer', 'strategist': words for a person."""
    return word in TITLE_NOUNS or word in ROLE_NOUNS or gender_of_words(word) is not None or (
        word not in ORG_ROLE_NOUNS and bool(_PERSON_SUFFIX.search(word)))


# The endings of Korean company names: '한빛전자', '한결에너지솔루션', '한빛로지스'.
COMPANY_ENDINGS = (r"전자|그룹|건설|제약|화학|증권|은행|카드|자동차|항공|중공업|물산|바이오|홀딩스|산업|반도체|"
                   r"솔루션|로지스|에너지|테크|시스템|엔지니어링|상사|식품|유통|모터스|디스플레이|엔터테인먼트|게임즈|소프트|"
                   r"마트|쇼핑|백화점|리테일|푸드|생명|보험|캐피탈|제철|철강|해운|물류")
# Endings of job titles and roles: '한빛시장', '시의원', '문화관광과장', '위원장', '관계자'.
TITLE_SUFFIXES = (
    "대통령", "총리", "장관", "차관", "의원", "의장", "위원장", "위원", "시장", "군수", "구청장",
    "도지사", "지사", "청장", "국장", "과장", "실장", "부장", "팀장", "소장", "원장", "회장",
    "사장", "이사장", "대표", "총장", "교수", "박사", "연구원", "연구위원", "변호사", "판사",
    "검사", "감독", "코치", "선수", "대변인", "관계자", "담당관", "주무관", "비서관", "수석",
    "본부장", "센터장", "단장", "처장", "서장", "교사", "작가", "이사", "후보", "씨", "측",
    "기자", "특파원", "애널리스트", "연구소장", "당대표", "원내대표", "경영자", "창업자", "사무총장", "경위", "경감",
    "대장", "이코노미스트", "전무", "상무", "사무관", "조합장", "지부장", "지회장", "평론가", "전문의", "CEO", "CFO", "CTO",
)

# Korean bodies named by a generic noun once the article has named them ('재판부는' for
# 서울남부지법 형사13부, '경찰은' for 대전 유성경찰서, '회사 측은' for 한빛전자): the kind of
# body each noun stands for, by the endings of the names of such bodies.
KO_BODY_KINDS = {
    "경찰": re.compile(r"(?:경찰서|경찰청|수사대)$"),
    "재판부": re.compile(r"(?:법원|지법|고법|[형민]사[가-힣]{0,4}\d+(?:부|단독))$"),  # '형사합의25부', '형사항소5부'
    "법원": re.compile(r"(?:법원|지법|고법|[형민]사[가-힣]{0,4}\d+(?:부|단독))$"),
    "검찰": re.compile(r"(?:검찰청|지검|지청)(?:\s|$)"),
    "회사": re.compile(rf"(?:{COMPANY_ENDINGS})$"),
    "사측": re.compile(rf"(?:{COMPANY_ENDINGS})$"),
    "업체": re.compile(rf"(?:{COMPANY_ENDINGS})$"),
    "제조사": re.compile(rf"(?:{COMPANY_ENDINGS})$"),
    "운영사": re.compile(rf"(?:{COMPANY_ENDINGS})$"),
    "항공사": re.compile(r"항공$"),
    # 'the authorities': a government body the article named (a ministry, an agency)
    "당국": re.compile(r"(?:부|청|처|성|위원회|본부)$"),
    "시공사": re.compile(r"(?:건설|산업|엔지니어링)$"),
    "시": re.compile(r"시(?:청)?$"),
    "도": re.compile(r"도(?:청)?$"),
    "군": re.compile(r"군(?:청)?$"),
    "구": re.compile(r"구(?:청)?$"),
    "시민단체": re.compile(r"(?:연대|연합|협의회|운동본부|시민모임|네트워크)$"),
    "환경단체": re.compile(r"(?:연대|연합|협의회|운동본부|시민모임|네트워크)$"),
    "단체": re.compile(r"(?:연대|연합|연합회|협의회|운동본부|시민모임|네트워크)$"),
    "노조": re.compile(r"(?:노조|노동조합|지부|지회|분회)$"),
}


def ko_body_kind(mention: str) -> re.Pattern | None:
    """The kind of body a generic Korean mention stands for ('회사 측' -> companies), or None."""
    words = re.sub(r"\s*측$", "", mention).split()
    return KO_BODY_KINDS.get(words[-1]) if words else None  # ('항소심 재판부': a 재판부)

