//! Quotations and their speakers.

use crate::model::{QuoteMention, Span};
use crate::rules::Rules;
use crate::segment::Segmentation;

/// A quotation: byte offsets of the marks (`open` at the opening mark, `close` at the closing
/// mark, or the paragraph end when unclosed).
#[derive(Debug, Clone, Copy)]
pub struct QuoteRange {
    pub open: usize,
    pub close: usize,
    pub paragraph: usize,
}

/// Quotations read in one paragraph at most (hostile input: a hundred thousand marks); the rest
/// of such a paragraph is not searched for quotations.
const MAX_QUOTES_PER_PARAGRAPH: usize = 1_000;

/// Find double quotations (“…” or "…") per paragraph. Single quotes are apostrophes or nested
/// quotes and are ignored.
pub fn find_quotes(text: &str, seg: &Segmentation) -> Vec<QuoteRange> {
    let mut out = Vec::new();
    for (pi, p) in seg.paragraphs.iter().enumerate() {
        let para = &text[p.start..p.end];
        let mut open: Option<usize> = None;
        let mut count = 0;
        for (i, c) in para.char_indices() {
            let abs = p.start + i;
            match (c, open) {
                ('“', None) => open = Some(abs),
                ('”', Some(o)) => {
                    out.push(QuoteRange {
                        open: o,
                        close: abs,
                        paragraph: pi,
                    });
                    open = None;
                    count += 1;
                }
                ('"', None) => open = Some(abs),
                ('"', Some(o)) if text[o..].starts_with('"') => {
                    out.push(QuoteRange {
                        open: o,
                        close: abs,
                        paragraph: pi,
                    });
                    open = None;
                    count += 1;
                }
                _ => {}
            }
            if count > MAX_QUOTES_PER_PARAGRAPH {
                break;
            }
        }
        if let Some(o) = open {
            // An unclosed quotation runs to the end of its paragraph (multi-paragraph quotes).
            if p.end > o + 1 {
                out.push(QuoteRange {
                    open: o,
                    close: p.end,
                    paragraph: pi,
                });
            }
        }
    }
    out
}

/// The quotation whose marks enclose `pos` (`open <= pos <= close`). The ranges are in text
/// order and disjoint, so this is a binary search: an article of a hundred thousand quotation
/// marks stays fast.
pub fn enclosing(quotes: &[QuoteRange], pos: usize) -> Option<&QuoteRange> {
    let i = quotes.partition_point(|q| q.open <= pos);
    quotes[..i].last().filter(|q| pos <= q.close)
}

/// Bytes either side of a quotation in which its speaker is looked for: every sentence of
/// ordinary prose fits; a sentence of megabytes (hostile input) costs no more than this.
const SPEAKER_WINDOW: usize = 2000;

fn mark_len(text: &str, pos: usize) -> usize {
    text[pos..].chars().next().map_or(0, char::len_utf8)
}

/// Attribute each quotation to a speaker. `people` lists (sentence, byte start, local person)
/// for every person mention outside quotes, in text order.
pub fn attribute(
    text: &str,
    seg: &Segmentation,
    quotes: &[QuoteRange],
    people: &[(usize, usize, usize)],
    rules: &Rules,
    article: usize,
) -> Vec<QuoteMention> {
    let inside = |pos: usize| enclosing(quotes, pos).is_some_and(|q| pos > q.open && pos < q.close);
    let mut people: Vec<(usize, usize, usize)> =
        people.iter().copied().filter(|p| !inside(p.1)).collect();
    people.sort_by_key(|p| p.1);
    let sentence_of = |pos: usize| {
        let i = seg.sentences.partition_point(|s| s.start <= pos);
        i.checked_sub(1)
            .filter(|&i| pos < seg.sentences[i].end.max(seg.sentences[i].start + 1))
            .unwrap_or(0)
    };
    let mut out = Vec::new();
    for q in quotes {
        let inner_start = q.open + mark_len(text, q.open);
        let inner_end = q.close;
        if inner_end <= inner_start {
            continue;
        }
        let body = text[inner_start..inner_end].trim();
        if body.is_empty() {
            continue;
        }
        let s_first = sentence_of(q.open);
        let s_last = sentence_of(q.close.saturating_sub(1)).max(s_first);
        let speaker = speaker_in_context(text, seg, quotes, &people, rules, q, s_first, s_last)
            .or_else(|| speaker_from_lead_in(text, seg, &people, q));
        out.push(QuoteMention {
            speaker,
            text: text[inner_start..inner_end].to_string(),
            span: Span {
                article,
                start: inner_start,
                end: inner_end,
            },
            sentence: s_first,
            last_sentence: s_last,
        });
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn speaker_in_context(
    text: &str,
    seg: &Segmentation,
    quotes: &[QuoteRange],
    people: &[(usize, usize, usize)],
    rules: &Rules,
    q: &QuoteRange,
    s_first: usize,
    s_last: usize,
) -> Option<usize> {
    let inside = |pos: usize| enclosing(quotes, pos).is_some();
    let s_lo = seg.sentences[s_first].start;
    let s_hi = seg.sentences[s_last].end;
    let (lo, hi) = (
        s_lo.max(q.open.saturating_sub(SPEAKER_WINDOW)),
        s_hi.min(q.close.saturating_add(SPEAKER_WINDOW)),
    );
    // Words outside any quotation in the sentences around the quote.
    let mut words: Vec<(usize, String)> = Vec::new();
    for si in s_first..=s_last {
        let toks = &seg.sentences[si].tokens;
        let first = toks.partition_point(|t| t.start < lo);
        for t in toks[first..].iter().take_while(|t| t.start < hi) {
            if t.word && !inside(t.start) {
                words.push((t.start, text[t.start..t.end].to_lowercase()));
            }
        }
    }
    // The people of those sentences (near the quotation).
    let people_lo = people.partition_point(|p| p.1 < s_lo.max(lo.saturating_sub(SPEAKER_WINDOW)));
    let people_hi = people.partition_point(|p| p.1 < s_hi);
    let near = &people[people_lo..people_hi.max(people_lo)];
    let last_before = |pos: usize| {
        let i = people.partition_point(|p| p.1 < pos);
        people[..i].last().map(|p| p.2)
    };
    let verbs: Vec<usize> = words
        .iter()
        .filter(|(_, w)| {
            rules.reporting_verbs.contains(w)
                || rules
                    .triggers
                    .get(w)
                    .is_some_and(|(c, _)| rules.predicates[*c].name == "say")
        })
        .map(|(p, _)| *p)
        .collect();
    if verbs.is_empty() {
        return None;
    }
    // The verb nearest the quotation.
    let verb = *verbs.iter().min_by_key(|&&v| {
        if v >= q.close {
            v - q.close
        } else {
            q.open.saturating_sub(v)
        }
    })?;
    // Who speaks, in order: a person right before the verb ("Haverford told Sorokov"); a
    // pronoun or title right before it ("he told reporters ... saw Ferreira score": the last
    // person named before the quotation); a person right after a verb that follows the
    // quotation ("…,” said Haverford); a person earlier in the sentence. A person after the
    // verb otherwise is its object, never the speaker.
    let vi = words.iter().position(|(p, _)| *p == verb)?;
    let before: Option<&(usize, usize, usize)> =
        near.iter().filter(|p| p.1 < verb).max_by_key(|p| p.1);
    let word_before_verb = vi.checked_sub(1).map(|k| words[k].1.as_str());
    let adjacent_subject = before.filter(|p| {
        // Only words of the name (or none) between it and the verb.
        words
            .iter()
            .filter(|(pos, _)| *pos > p.1 && *pos < verb)
            .count()
            <= 4
    });
    // "the Czech said", "the 24-year-old said": a description stands for the person as a
    // pronoun does.
    let description_before = vi.checked_sub(2).is_some_and(|k| words[k].1 == "the")
        && vi.checked_sub(1).is_some_and(|k| {
            let (pos, w) = (words[k].0, words[k].1.as_str());
            let orig = text.get(pos..pos + w.len()).unwrap_or("");
            w.ends_with("-year-old")
                || rules
                    .gazetteer
                    .find(orig)
                    .first()
                    .is_some_and(|m| m.demonym && m.start == 0 && m.end == orig.len())
        });
    let pronoun_before =
        word_before_verb.is_some_and(|w| rules.pronouns.contains(w)) || description_before;
    let title_before = word_before_verb.is_some_and(|w| rules.titles.forms.contains_key(w));
    if let Some(p) = adjacent_subject {
        let between = words
            .iter()
            .filter(|(pos, _)| *pos > p.1 && *pos < verb)
            .count();
        if !(pronoun_before && between > 2) {
            return Some(p.2);
        }
    }
    if pronoun_before {
        return last_before(q.open);
    }
    // "…,” Mwinyi, the union's secretary general, told a rally": the person between the
    // quotation and the verb, however long the apposition.
    if let Some(p) = before.filter(|p| p.1 >= q.close) {
        return Some(p.2);
    }
    if title_before {
        // "…,” the president said: the last person named before the quotation.
        return last_before(q.open);
    }
    let inverted = verb >= q.close
        && text[q.close..verb]
            .chars()
            .filter(|c| c.is_alphanumeric())
            .count()
            == 0;
    if inverted {
        let after = words.get(vi + 1).map(|w| w.0);
        if let Some(p) = near.iter().filter(|p| p.1 > verb).min_by_key(|p| p.1) {
            if after.is_some_and(|a| p.1 <= a + 40) {
                return Some(p.2);
            }
        }
        let next_is_pronoun = words
            .get(vi + 1)
            .is_some_and(|w| rules.pronouns.contains(&w.1));
        if next_is_pronoun {
            return last_before(q.open);
        }
    }
    if let Some(p) = before {
        if verb - p.1 < 160 {
            return Some(p.2);
        }
    }
    None
}

/// A quotation standing alone after a lead-in ending in ':' ("He made a comment:") belongs to
/// the person the lead-in is about.
fn speaker_from_lead_in(
    text: &str,
    seg: &Segmentation,
    people: &[(usize, usize, usize)],
    q: &QuoteRange,
) -> Option<usize> {
    let para = seg.paragraphs.get(q.paragraph)?;
    let lead_in_here = text[para.start..q.open].trim_end();
    let lead = if lead_in_here.is_empty() {
        let prev = seg.paragraphs[..q.paragraph]
            .iter()
            .rev()
            .find(|p| !p.heading)?;
        text[prev.start..prev.end].trim_end()
    } else {
        lead_in_here
    };
    if !lead.ends_with(':') {
        return None;
    }
    // The subject of the lead-in: the first person named in its last sentence ("McAlister,
    // who stood beside the premier, had described the blaze in stark terms:").
    let lead_end = text[..q.open].trim_end().len();
    // Sentences and people are in text order (binary searches).
    let n = seg
        .sentences
        .partition_point(|s| s.start < lead_end && s.end <= q.open + 1);
    if let Some(s) = n.checked_sub(1).map(|i| &seg.sentences[i]) {
        let i = people.partition_point(|p| p.1 < s.start);
        if let Some(p) = people.get(i).filter(|p| p.1 < s.end) {
            return Some(p.2);
        }
    }
    let i = people.partition_point(|p| p.1 < q.open);
    people[..i].last().map(|p| p.2)
}
