"""Rendering a Result for people: Markdown for the CLI's --format markdown and feed output."""

from __future__ import annotations

from .document import Result


def to_markdown(result: Result) -> str:
    """A readable Markdown page: title, byline, key points, quotes, body, warnings."""
    art = result.article
    lines = [f"# {art.title or '(untitled)'}", ""]
    meta = [x for x in (art.byline, art.publisher, art.published, art.email) if x]
    if meta:
        lines += ["*" + " · ".join(meta) + "*", ""]
    conf = f"{result.language.confidence:.2f}"
    lines += [f"Language: {result.language.code} ({conf}{', mixed' if result.language.mixed else ''})", ""]
    if result.key_points:
        lines += ["## Key points", ""] + [f"- {k.text}" for k in result.key_points] + [""]
    if result.quotes:
        lines += ["## Quotes", ""]
        for q in result.quotes:
            who = q.speaker or "unknown speaker"
            if q.speaker_title:
                who += f", {q.speaker_title}"
            notes = []
            if q.mention and q.speaker and q.mention != q.speaker:
                notes.append(f"as “{q.mention}”")
            if q.doubtful:
                notes.append(f"doubtful, confidence {q.confidence:.2f}")
            lines.append(f"- “{q.text}” — {who}" + (f" ({'; '.join(notes)})" if notes else ""))
        lines.append("")
    if art.captions:
        lines += ["## Captions", ""]
        lines += [f"- {c.text}" + (f" ({c.credit})" if c.credit else "") for c in art.captions] + [""]
    lines += ["## Article", ""]
    for p in art.paragraphs:
        lines += [p.text, ""]
    if result.translation:
        tr = result.translation
        lines += [f"## Translation ({tr.source} → {tr.target})", ""]
        if tr.title:
            lines += [f"**{tr.title}**", ""]
        for p in tr.paragraphs:
            lines += [p, ""]
    if result.warnings:
        lines += ["## Warnings", ""] + [f"- {w.message}" for w in result.warnings] + [""]
    return "\n".join(lines).rstrip() + "\n"
