"""The quotes stage: every quoted passage of an article, with its speaker, cue and kind.

First the article's people and organisations are gathered (entities.py, with the language
module's signals); then for each passage (marks.py) the language module looks for an
attribution in its sentence (the mention), which is resolved to an entity by position
(speakers.py). A passage with no
attribution of its own takes one by news convention:
  * another quote of the same sentence that has one ('"A" and "B," he said');
  * the speaker just before, when the quote opens its sentence: the second half of
    '"A," said X. "B."', the later paragraphs of a multi-paragraph quote, a paragraph that is
    nothing but a quote (after reported speech, 'Sanders said:', the reported speaker);
  * the name a sentence opens with, for a quote inside it ('Japan branded North Korea an
    "outlaw nation."').
A short quoted term or title that nobody is said to say is a 'scare' quote, with no speaker.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from ..document import Article, Quote, Sentence
from . import english, korean
from .marks import Span, find_spans
from .entities import EntityModel, Quoted
from .speakers import Attribution, Resolved, resolve

_WORD = re.compile(r"\w+")
_TERMINAL = re.compile(r"[.!?…]['’\"”]?$")


# Words a title leaves in lower case: 'Face the Nation', 'Keeping Up with the Joneses'.
_TITLE_SMALL_WORDS = {"a", "an", "the", "and", "or", "but", "of", "for", "in", "on", "at", "to", "by",
                      "with", "from", "as", "vs", "vs.", "nor", "per", "de", "la", "y"}


def looks_like_title(text: str) -> bool:
    """'Face the Nation,' / 'Commander-in-Chief Forum': a name or title, not speech."""
    words = text.strip(" ,.;:").split()
    if not 2 <= len(words) <= 8 or text.rstrip().endswith(("?", "!")):
        return False
    content = [w for w in words if w.strip("'’\",.").lower() not in _TITLE_SMALL_WORDS]
    return words[0][:1].isupper() and bool(content) and all(w[:1].isupper() or w[:1].isdigit() for w in content)


def is_sentence_like(text: str, lang: str) -> bool:
    """A clause someone said, rather than a quoted term."""
    if lang == "ko":
        return korean.sentence_like(text)
    words = _WORD.findall(text)
    return len(words) >= 6 or (len(words) >= 3 and bool(_TERMINAL.search(text.strip())))


@dataclass
class _Said:
    """The latest known speaker, and the sentence where we learnt it."""

    speaker: str
    title: str | None
    cue: str | None
    sentence: int
    paragraph: int
    confidence: float
    quoted: bool = True  # by a quote (not by reported speech: 'Paul also asked how …')


class _Sentences:
    """An article's sentences, looked up by offset."""

    def __init__(self, body: str, sentences: list[Sentence]) -> None:
        self.body = body
        self.sentences = sentences
        self._starts = [s.start for s in sentences]

    def at(self, offset: int) -> Sentence:
        """The sentence that holds `offset`."""
        return self.sentences[max(0, bisect.bisect_right(self._starts, offset) - 1)]

    def following(self, sent: Sentence) -> Sentence | None:
        """The next sentence of the same paragraph, if any."""
        nxt = self.sentences[sent.id + 1] if sent.id + 1 < len(self.sentences) else None
        return nxt if nxt is not None and nxt.paragraph == sent.paragraph else None

    def attribution_end(self, close_end: int) -> int:
        """Where the attribution of a quote closing at `close_end` may reach: the end of its
        sentence, or of the next one when a closing '."' split off a short attribution
        ('"… missing." Trump said.')."""
        sent = self.at(close_end)
        nxt = self.following(sent)
        if not self.body[close_end:sent.end].strip() and nxt is not None and len(nxt.text.split()) <= 8:
            return nxt.end
        return sent.end


class RulesQuoteExtractor:
    """Rules for English and Korean; one instance serves any number of articles."""

    def extract(self, article: Article, lang: str) -> list[Quote]:
        """The quotes of a segmented article (segmented here if it is not)."""
        if not article.sentences:
            from ..segment import segment

            article = segment(article, lang)
        spans = find_spans(article, lang)
        if not spans:
            return []
        body = article.body
        sentences = list(article.sentences)
        starts = [s.start for s in sentences]
        opens = [sp.open_at for sp in spans]  # in order: quotes do not overlap
        by_sentence: dict[int, list[Span]] = {}
        for span in spans:
            idx = max(0, bisect.bisect_right(starts, span.open_at) - 1)
            by_sentence.setdefault(idx, []).append(span)

        language = korean if lang == "ko" else english
        model = self.entities(article, lang, Quoted([(sp.open_at, sp.close_end) for sp in spans]))

        doc = _Sentences(body, sentences)

        quotes: list[Quote] = []
        last: _Said | None = None  # who spoke last, by quote or by reported speech
        for idx, sent in enumerate(sentences):
            in_sentence = by_sentence.get(idx)
            if not in_sentence:
                for att in language.subjects(sent):
                    if att.kind == "pronoun" or len(att.name.split()) > 1 or att.cue == "label" \
                            or model.find(att.name, sent.start) is not None:
                        # 'Though Ms. Olivieri has …, she said': the names before the pronoun count.
                        at = _mention_at(att, body, sent.start, sent.end, sent.start) if att.kind == "pronoun" else sent.start
                        res = resolve(att, model, at)
                        if res.speaker:
                            last = _Said(res.speaker, res.title, att.cue, idx, sent.paragraph, res.confidence,
                                         quoted=False)
                continue
            opening = None
            if lang == "en":
                # 'Trump took to Twitter … what he called "…"': he is Trump.
                # Not from inside a quote that began in an earlier sentence and ends in this one.
                k = bisect.bisect_left(opens, sent.start) - 1  # the last quote opened before this sentence
                lead_start = max(sent.start, spans[k].close_end) if k >= 0 else sent.start
                opening = english.sentence_subject(body[lead_start:in_sentence[0].open_at]) \
                    if lead_start < in_sentence[0].open_at else None
                if opening and (opening.kind not in ("person", "pronoun") or (opening.kind == "person" and (
                        len(opening.name.split()) == 1 and model.find(opening.name, sent.start) is None))):
                    opening = None
            for q in self._sentence(doc, sent, idx, in_sentence, lang, model, last, opening):
                quotes.append(Quote(id=f"q{len(quotes) + 1}", **q))
                if q["speaker"] and q["kind"] == "speech":
                    last = _Said(q["speaker"], q["speaker_title"], q["cue"], idx, q["paragraph"], q["confidence"])
                elif q["mention"] and q["kind"] == "speech":
                    last = None  # somebody we cannot name spoke: the quotes after are not the last speaker's
        return _headline_echoes(quotes, korean.is_headline(body, 0, 0))

    @staticmethod
    def entities(article: Article, lang: str, quoted: Quoted) -> EntityModel:
        """The people and organisations of a segmented article, outside the quoted ranges."""
        sentences = article.sentences
        model = EntityModel([s.start for s in sentences])
        windows = [0, 0]  # where the two sentences before this one start
        if lang == "ko":
            for sent in sentences:
                korean.find_orgs(sent, model, quoted)
        for sent in sentences:
            if lang == "ko":
                korean.find_mentions(sent, model, quoted)
            else:
                english.find_mentions(sent.text, sent.start, model, quoted)
                english.gender_evidence(sent.text, sent.start, model, windows[0], quoted)
            windows = [windows[1], sent.start]
        return model

    def _attributions(self, doc: _Sentences, sent: Sentence, spans: list[Span], lang: str) -> list[Attribution | None]:
        body = doc.body
        if lang == "ko":
            shared = korean.sentence_attribution(body, sent, spans)
            found_ko = [shared(k) for k in range(len(spans))]
            last_sent = doc.at(spans[-1].close_end)  # a quote of several sentences ends later
            nxt = doc.following(last_sent)
            if nxt is not None and not body[spans[-1].close_end:last_sent.end].strip(" .”\"'’"):
                # The sentence is only quotes: the next one may say who spoke them.
                att = korean.trailing_attribution(nxt)
                if att is not None:
                    found_ko = [a if a is not None and a.kind == "scare" else att for a in found_ko]
            return found_ko
        found: list[Attribution | None] = []
        prev_end = sent.start
        for k, span in enumerate(spans):
            text = body[span.start:span.end]
            # A quote of several sentences: its attribution is in the sentence it closes in.
            next_open = spans[k + 1].open_at if k + 1 < len(spans) else max(sent.end, doc.attribution_end(span.close_end))
            before = body[max(sent.start, prev_end):span.open_at]
            after = "" if span.runs_on else body[span.close_end:next_open]
            head = body[sent.start:span.open_at]
            if not looks_like_title(text):
                # A title in quotes (the show "Morning Joe") is part of the running text: the
                # credit before it still counts for the quote after it.
                prev_end = span.close_end
            if text.rstrip()[-1:] in ",?!—–-" or after.lstrip().startswith(","):
                att = english.after_quote(after) or english.before_quote(before, head)
            else:
                att = english.before_quote(before, head) or english.after_quote(after)
            found.append(att)
        # '"A" and "B," he said': a quote without an attribution shares the next one's.
        for k in range(len(found) - 2, -1, -1):
            if found[k] is None and found[k + 1] is not None and found[k + 1].kind != "scare":
                found[k] = found[k + 1]
        return found

    def _sentence(self, doc: _Sentences, sent: Sentence, idx: int, spans: list[Span], lang: str,
                  model: EntityModel, last: _Said | None, opening: Attribution | None) -> list[dict]:
        body = doc.body
        out: list[dict] = []
        for span, att in zip(spans, self._attributions(doc, sent, spans, lang)):
            text = body[span.start:span.end]
            speaker = title = cue = resolved_from = mention = None
            confidence = 0.0
            kind = "speech"
            # (or after a connective only: 'Instead, "he just acts like a defeated man."')
            opens_sentence = not body[sent.start:span.open_at].strip() or bool(out) \
                or bool(_CONNECTIVE_LEAD.fullmatch(body[sent.start:span.open_at]))
            if (lang != "ko" and looks_like_title(text)) or (att is not None and att.kind == "scare"):
                kind = "scare"
            elif att is not None and att.kind != "continuation":
                at, exclude = span.open_at, ()
                if att.kind in ("pronoun", "descriptor") and lang == "en":
                    # 'He said Mateen "…"', 'the candidate stated that Trump's "…"': the mention
                    # stands before the names that follow it.
                    at = _mention_at(att, body, sent.start, span.open_at, at)
                if att.kind == "pronoun" and lang == "en":
                    exclude = english.addressees(body[span.close_end:sent.end] + " " + body[sent.start:span.open_at])
                if att.kind in ("pronoun", "descriptor") and last is not None and last.cue in ("asked", "asks") \
                        and last.quoted and idx - last.sentence <= 1:
                    exclude += (last.speaker,)  # '"That would be you?" Borger asked. "…," the senator said.'
                res = resolve(att, model, at, exclude)
                speaker, title, cue, resolved_from = res.speaker, res.title, att.cue, res.resolved_from
                mention, confidence = res.mention, res.confidence
            elif out and out[-1]["speaker"] and out[-1]["kind"] == "speech":
                # A later quote of a sentence whose earlier quote has a speaker.
                prev = out[-1]
                speaker, title, cue, mention = prev["speaker"], prev["speaker_title"], prev["cue"], prev["mention"]
                resolved_from, confidence = "continuation", prev["confidence"]
            elif att is None and not is_sentence_like(text, lang):
                kind = "scare"  # a quoted term: 'the so-called "super PACs"'
            elif opens_sentence or span.continued or (att is not None and att.kind == "continuation"):
                # The speaker just before carries on, if close enough to be the same voice.
                if last is not None and (span.continued or sent.paragraph - last.paragraph <= 1):
                    speaker, title = last.speaker, last.title
                    cue = (att.cue if att is not None and att.cue else None) or last.cue
                    resolved_from = "continuation"
                    same = span.continued or sent.paragraph == last.paragraph
                    confidence = round(min(last.confidence, 0.85 if same else 0.75), 2)
                    entity = model.find(speaker, span.open_at)
                    if entity is not None:
                        model.spoke(entity, span.open_at)
            elif opening is not None and opening.kind in ("person", "org", "pronoun"):
                # Inside a sentence with no reporting verb: the sentence's subject.
                res: Resolved = resolve(opening, model, sent.start)
                speaker, title, mention, resolved_from = res.speaker, res.title, res.mention, res.resolved_from
                confidence = min(res.confidence, 0.6)
            if kind == "scare":
                confidence = 0.0
            out.append(dict(text=text, start=span.start, end=span.end, paragraph=span.paragraph,
                            speaker=speaker, speaker_title=title, mention=mention, cue=cue,
                            resolved_from=resolved_from, confidence=round(confidence, 2), kind=kind))
        return out


_CONNECTIVE_LEAD = re.compile(r"\s*(?:And|But|Yet|So|Still|Instead|Then|Later|Also|Again|Now|Besides|Otherwise),?\s*")


def _mention_at(att: Attribution, body: str, start: int, end: int, default: int) -> int:
    """Where the words of a mention stand in body[start:end], or `default` if not there."""
    m = re.search(rf"\b{re.escape(att.name)}\b", body[start:end], re.I)
    return start + m.start() if m else default


def _headline_echoes(quotes: list[Quote], headline: bool) -> list[Quote]:
    """A headline's quote with nobody named beside it (or a title only) repeats, shortened, a quote of the body:
    '여야 "정부안만 고집"' for '"정부·여당이 여전히 정부안만 고집하고 있어 …"', 박성훈 said. It is
    given that quote's speaker, when one body quote shares most of its words."""
    body = [q for q in quotes if q.paragraph > 0 and q.kind == "speech" and q.speaker]
    out = []
    for q in quotes:
        if q.paragraph == 0 and q.kind == "speech" and body and headline:
            grams = _bigrams(q.text)
            best = max(body, key=lambda b: len(grams & _bigrams(b.text)))
            shared = len(grams & _bigrams(best.text))
            # (or named only by a title the body quote's speaker holds: '인제군수 "…"')
            titled = q.speaker and q.speaker == q.mention and q.speaker in (best.speaker_title or "")
            if (not q.speaker or titled) and grams and shared >= max(2, 0.6 * len(grams)):
                q = replace(q, speaker=best.speaker, speaker_title=best.speaker_title, cue=best.cue,
                            resolved_from="headline", confidence=round(min(best.confidence, 0.7), 2))
        out.append(q)
    return out


def _bigrams(text: str) -> set[str]:
    """Two-character pieces of a text's words (Korean words change their endings; English
    headlines shorten theirs)."""
    return {w[i:i + 2] for w in _WORD.findall(text.lower()) for i in range(max(1, len(w) - 1))}

