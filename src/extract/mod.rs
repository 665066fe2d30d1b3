//! Extraction: from the sentences of one article to people, titles, places, quotes and event
//! claims. The grammars for time expressions ([`time`]) and quantities ([`quantity`]) are nom
//! parsers; names, titles and places are found with automata built from the rules.

#[allow(missing_docs)]
pub mod quantity;
#[allow(missing_docs)]
pub mod time;

mod quotes;

use crate::model::{
    Actor, Article, EventClaim, Extraction, LocalPerson, OrgMention, PlaceMention, QuantitySlot,
    Span, TimeRecord, TitleMention, WhenSlot, WhereSlot,
};
use crate::rules::{wc, Modality, ModifierKind, PlaceKind, PlaceMatch, Rules, WordTense};
use crate::segment::{segment, Segmentation, Sentence, Token};
use crate::text::{floor_char_boundary, name_variants};
use time::{DayOrder, Resolved, Tense};

/// Options for extraction.
#[derive(Debug, Clone, Copy, Default)]
pub struct ExtractOptions {
    /// How to read `05/06/2025`.
    pub day_order: DayOrder,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tag {
    None,
    Time(usize),
    Place(usize),
    Title(usize),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PlaceRole {
    Location,
    Motion,
    Actor,
    Modifier,
}

#[derive(Debug, Clone)]
struct SentPlace {
    start: usize,
    end: usize,
    place: usize,
    candidates: Vec<usize>,
    demonym: bool,
    role: PlaceRole,
    tok: usize,
}

#[derive(Debug, Clone)]
struct SentPerson {
    person: usize,
    tok: usize,
    start: usize,
}

/// Per-sentence working state.
struct Sent<'a> {
    idx: usize,
    s: &'a Sentence,
    tags: Vec<Tag>,
    in_quote: Vec<bool>,
    lower: Vec<String>,
    /// Each token's word classes ([`crate::rules::wc`]), from one look-up.
    cls: Vec<u64>,
    times: Vec<time::TimeMention>,
    places: Vec<SentPlace>,
    persons: Vec<SentPerson>,
    orgs: Vec<(String, usize)>,
    /// The sentence's quantity mentions (offsets in the sentence), read once when first asked
    /// for: the event claims and the money said of things both use them.
    quantities: std::cell::OnceCell<Vec<quantity::QuantityMention>>,
}

impl Sent<'_> {
    /// The place (not a demonym) tagged at token `k`, if any.
    fn place_at(&self, k: usize) -> Option<&SentPlace> {
        match self.tags.get(k) {
            Some(&Tag::Place(i)) => self.places.get(i).filter(|p| !p.demonym),
            _ => None,
        }
    }

    /// The quantity mentions of the sentence (offsets relative to its start).
    fn quantities(&self, text: &str, rules: &Rules) -> &[quantity::QuantityMention] {
        self.quantities.get_or_init(|| {
            let sentence = &text[self.s.start..self.s.end];
            let mut qs = rules
                .quantities
                .as_ref()
                .map(|f| f.find(sentence))
                .unwrap_or_default();
            // "hand over 37 soldiers": the particle of the verb, not "more than".
            for q in &mut qs {
                let over = sentence[q.start..]
                    .get(..5)
                    .is_some_and(|w| w.eq_ignore_ascii_case("over "));
                let verb = sentence[..q.start]
                    .split_whitespace()
                    .next_back()
                    .is_some_and(|w| rules.particle_over.contains(&w.to_lowercase()));
                if over && verb && q.qualifier == quantity::Qualifier::AtLeast {
                    q.qualifier = quantity::Qualifier::Exact;
                    q.strict = false;
                    q.start += 5;
                }
            }
            qs
        })
    }
}

/// Extract everything from one article.
pub fn extract(
    article_idx: usize,
    article: &Article,
    rules: &Rules,
    opts: ExtractOptions,
) -> (Segmentation, Extraction) {
    let text = article.text.as_str();
    let seg = segment(text, article.body_start, rules);
    let mut ex = Extraction {
        sentences: seg.sentences.iter().map(|s| (s.start, s.end)).collect(),
        ..Extraction::default()
    };
    let quote_ranges = quotes::find_quotes(text, &seg);
    // Quotations and the dateline are muted: no claims or names are read from them.
    let dateline = seg.dateline.as_ref().map(|d| (d.start, d.end));
    ex.agency = seg.dateline.as_ref().and_then(|d| d.agency.clone());
    let in_quote = |pos: usize| {
        quotes::enclosing(&quote_ranges, pos).is_some_and(|q| pos < q.close)
            || dateline.is_some_and(|(a, b)| pos >= a && pos < b)
    };

    let mut sents: Vec<Sent> = Vec::with_capacity(seg.sentences.len());
    for (idx, s) in seg.sentences.iter().enumerate() {
        let stext = &text[s.start..s.end];
        let lower: Vec<String> = s
            .tokens
            .iter()
            .map(|t| text[t.start..t.end].to_lowercase())
            .collect();
        let cls: Vec<u64> = lower.iter().map(|w| rules.word_class(w)).collect();
        let mut tags = vec![Tag::None; s.tokens.len()];
        let in_q: Vec<bool> = s.tokens.iter().map(|t| in_quote(t.start)).collect();
        let mut times = time::find_times(stext, &rules.time, opts.day_order);
        for t in &mut times {
            t.start += s.start;
            t.end += s.start;
        }
        // A race time ("2:16:42", "2:03.84") is a duration, not a time of day; a day after it
        // ("2:16:42 on Sunday") is still a time.
        let mut kept = Vec::with_capacity(times.len());
        for t in times {
            match quantity::race_time_at(text, t.start) {
                None => kept.push(t),
                Some((len, _)) if t.start + len < t.end => {
                    let from = t.start + len;
                    for mut x in time::find_times(&text[from..t.end], &rules.time, opts.day_order) {
                        x.start += from;
                        x.end += from;
                        kept.push(x);
                    }
                }
                Some(_) => {}
            }
        }
        let times = kept;
        for (i, t) in times.iter().enumerate() {
            tag_range(&s.tokens, &mut tags, t.start, t.end, Tag::Time(i));
        }
        let mut st = Sent {
            idx,
            s,
            tags,
            in_quote: in_q,
            lower,
            cls,
            times,
            places: Vec::new(),
            persons: Vec::new(),
            orgs: Vec::new(),
            quantities: Default::default(),
        };
        if !s.heading {
            find_places(text, rules, &mut st, &mut ex, article_idx);
        }
        sents.push(st);
    }

    // People and titles, in text order so that surnames link back to full names.
    // Each person's country as the text gives it ("Armenia's X", "X of Armenia"); None when
    // two are given.
    let mut nationality: std::collections::BTreeMap<usize, Option<usize>> = Default::default();
    let mut subject: Option<(usize, usize)> = None;
    for st in sents.iter_mut() {
        if st.s.heading {
            continue;
        }
        find_people(text, rules, st, &mut ex, article_idx);
        demonym_references(
            text,
            rules,
            st,
            &mut ex,
            article_idx,
            &mut nationality,
            subject,
        );
        // The subject of this sentence, for the next one: the one person it names, when it
        // reports no one's words ("Hovhannes Grigoryan is the new world champion.").
        let named: Vec<&SentPerson> = st
            .persons
            .iter()
            .filter(|sp| !st.in_quote[sp.tok])
            .collect();
        let reports = st.cls.iter().any(|c| c & wc::REPORTING != 0);
        subject = match named[..] {
            [sp] if !reports => Some((st.s.paragraph, sp.person)),
            _ => None,
        };
        find_sites(text, rules, st, &mut ex, article_idx);
    }

    // Quotes and their speakers.
    ex.quotes = quotes::attribute(
        text,
        &seg,
        &quote_ranges,
        &sents_people(&sents),
        rules,
        article_idx,
    );

    // Event claims.
    let anchor = article.published;
    let mut context_date: Option<Context> = None;
    let mut last_para: Option<usize> = None;
    let mut para_when: Option<WhenSlot> = None;
    let mut lede_para: Option<usize> = None;
    let mut lede_when: Option<WhenSlot> = None;
    for st in &sents {
        if st.s.heading {
            continue;
        }
        if last_para != Some(st.s.paragraph) {
            // The lede's day carries into the next paragraph, which usually tells more of the
            // same event ("... completed its takeover on Monday." / "Whitfield presented the
            // deal at a news conference in London ..."); after that, each paragraph has its own.
            // Only acts known by their agent take it (a news conference, a speech): counts
            // and outcomes keep to their own paragraph's day.
            if lede_para.is_some_and(|l| last_para == Some(l)) {
                lede_when = para_when.clone();
            } else {
                lede_when = None;
            }
            para_when = None;
            if lede_para.is_none() {
                lede_para = Some(st.s.paragraph);
            }
            last_para = Some(st.s.paragraph);
        }
        let mut claims = sentence_claims(
            text,
            rules,
            st,
            article_idx,
            anchor,
            &mut context_date,
            &mut ex.times,
        );
        for c in &mut claims {
            let by_agent = rules.predicates[c.class].agent || rules.predicates[c.class].repeat;
            let carried = para_when
                .as_ref()
                .or(lede_when.as_ref().filter(|_| by_agent));
            if c.when.is_none() {
                if let Some(w) = carried {
                    let mut w = w.clone();
                    w.inherited = true;
                    c.when = Some(w);
                }
            }
        }
        if let Some(w) = claims
            .iter()
            .filter_map(|c| c.when.as_ref())
            .find(|w| !w.inherited)
        {
            para_when = Some(w.clone());
        }
        ex.events.extend(claims);
    }
    // Sums of money said of things ("a €62.5 million contract").
    let year = article.published.map(|d| d.year());
    for st in &sents {
        if !st.s.heading
            && text[st.s.start..st.s.end]
                .bytes()
                .any(|b| b.is_ascii_digit())
        {
            ex.values
                .extend(thing_values(text, rules, st, article_idx, year));
        }
    }
    (seg, ex)
}

/// The words of a lowercase text, without punctuation.
fn words_of(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// Whether a figure is one item's or one part's share ("value it alone at €18 million",
/// "worth €5 million each"): a share word among the four words before it (`before`, lowercase)
/// or right after it (`after`).
fn is_share(rules: &Rules, before: &str, after: &str) -> bool {
    let mut back = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty());
    (0..4).any(|_| back.next().is_some_and(|w| rules.share_words.contains(w)))
        || words_of(after)
            .next()
            .is_some_and(|w| rules.share_words.contains(w))
}

/// Sums of money in a sentence said of a thing: the noun after the figure ("a €62.5 million
/// contract", "the €50 million emergency plan") or before "worth", "valued at", "costs", "of"
/// ("the contract, worth €26.5 million", "a ransom of $4.5 million"). Left out: quotations,
/// figures for comparison ("up from"), changes ("rose to"), one item's share ("each"), and
/// sentences that name an earlier year.
fn thing_values(
    text: &str,
    rules: &Rules,
    st: &Sent,
    article: usize,
    year: Option<i16>,
) -> Vec<crate::model::ValueMention> {
    if rules.quantities.is_none() {
        return Vec::new();
    }
    let toks = &st.s.tokens;
    // Only sentences that name a currency (the quantity grammar is the costly part).
    // ... or a measure of matter ("12 million cubic metres of water").
    let currency = st.lower.iter().zip(&st.cls).any(|(w, c)| {
        c & wc::CURRENCY != 0
            || w.contains(['$', '€', '£', '¥', '₹', '₩', '₽', '₺'])
            || rules.matter_words.contains(w)
    });
    if !currency {
        return Vec::new();
    }
    // An earlier year named in the sentence: background.
    let other_year = toks.iter().zip(&st.lower).any(|(t, w)| {
        t.word
            && w.len() == 4
            && w.bytes().all(|b| b.is_ascii_digit())
            && w.parse::<i16>()
                .is_ok_and(|y| y >= 1900 && year.is_some_and(|p| y < p))
    });
    if other_year {
        return Vec::new();
    }
    let noun_word = |k: usize| {
        toks.get(k).is_some_and(|t| t.word)
            && !st.in_quote[k]
            && st.lower[k]
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b == b'-')
            && !is_capitalized(&text[toks[k].start..toks[k].end])
            && !rules.value_phrase_stop.contains(&st.lower[k])
            && !rules.finite_verbs.contains(&st.lower[k])
            && !rules.clause_words.contains(&st.lower[k])
    };
    let sentence = &text[st.s.start..st.s.end];
    let lower = crate::text::lower_keeping_offsets(sentence);
    let mut out = Vec::new();
    for q in st.quantities(text, rules).iter().cloned() {
        let Some(unit) = q.unit.as_deref() else {
            continue;
        };
        let money = rules.numbers.is_currency_code(unit);
        if !money && !rules.matter_units.contains(unit) || q.modifier {
            continue;
        }
        let (start, end) = (st.s.start + q.start, st.s.start + q.end);
        let first = tok_at(toks, start);
        if st.in_quote[first] {
            continue;
        }
        let before = &lower[..q.start];
        if ends_with_phrase(before, &rules.baseline_cues)
            || ends_with_phrase(before, &rules.update_cues)
            || ends_with_phrase(before, &rules.figure_update_cues)
        {
            continue;
        }
        let after_first = toks.iter().position(|t| t.start >= end);
        if is_share(rules, before, &lower[q.end..]) {
            continue;
        }
        // A measure of matter is the value of what follows "of" ("cubic metres of water").
        let name = if money {
            money_thing(text, rules, st, first, end, after_first, &noun_word)
        } else {
            let of = after_first.filter(|&k| toks[k].word && st.lower[k] == "of");
            // "... of water a second": a rate, not an amount.
            let rate = |k: usize| {
                st.lower
                    .get(k + 1)
                    .is_some_and(|w| matches!(w.as_str(), "a" | "an" | "per" | "each" | "every"))
            };
            of.map(|k| k + 1)
                .filter(|&k| noun_word(k) && !rate(k))
                .map(|h| format!("{} of {}", unit, lemma(&st.lower[h])))
        };
        let Some(name) = name else {
            continue;
        };
        out.push(crate::model::ValueMention {
            thing: name,
            text: text[start..end].to_string(),
            q: crate::extract::quantity::QuantityMention { start, end, ..q },
            span: Span {
                article,
                start,
                end,
            },
            sentence: st.idx,
        });
    }
    out
}

/// What a sum of money is the value of: the noun after it ("a €62.5 million contract"), the
/// noun before "worth", "costs" or "valued at", or the subject a verb of level opens the sentence
/// with ([`subject_of_level`]).
fn money_thing(
    text: &str,
    rules: &Rules,
    st: &Sent,
    first: usize,
    end: usize,
    after_first: Option<usize>,
    noun_word: &dyn Fn(usize) -> bool,
) -> Option<String> {
    let toks = &st.s.tokens;
    // The noun after the figure: up to three words of its phrase, the last one the head.
    let mut thing = None;
    if let Some(k0) = after_first.filter(|&k| toks[k].start == end + 1) {
        // "a €62.5 million contract awarded in March": a participle ends the phrase.
        let mut k = k0;
        while k < toks.len() && k < k0 + 3 && noun_word(k) && !st.lower[k].ends_with("ed") {
            thing = Some(k);
            k += 1;
        }
    }
    // The noun before "worth", "valued at", "costs".
    if thing.is_none() {
        let prev = prev_word_idx(toks, first).filter(|&p| p + 1 == first);
        let cue = prev.and_then(|p| match st.lower[p].as_str() {
            "worth" | "costs" | "cost" | "costing" | "of" => Some(p),
            "at" => prev_word_idx(toks, p)
                .filter(|&v| matches!(st.lower[v].as_str(), "valued" | "priced")),
            _ => None,
        });
        // "fixing bail at 50 million reais", "put losses at 4.5 million euros": the noun a
        // verb of setting sets (`value-setter`).
        let set = prev
            .filter(|&p| st.lower[p] == "at")
            .and_then(|p| prev_word_idx(toks, p).filter(|&h| h + 1 == p && noun_word(h)))
            .filter(|&h| {
                prev_word_idx(toks, h)
                    .is_some_and(|v| v + 1 == h && rules.value_setters.contains(&st.lower[v]))
            });
        if let Some(h) = set {
            return Some(lemma(&st.lower[h]));
        }
        if let Some(c) = cue {
            // Skip one comma ("The contract, worth ...").
            let mut h = c.checked_sub(1);
            if h.is_some_and(|h| !toks[h].word && st.lower[h] == ",") {
                h = h.and_then(|h| h.checked_sub(1));
            }
            thing = h.filter(|&h| noun_word(h));
        }
    }
    let Some(h) = thing else {
        // "Bilateral trade stood at $2.4 billion last year": the subject that opens the
        // sentence, before a verb of level in the past ("was", "reached", "stood at").
        return subject_of_level(text, rules, st, first, noun_word);
    };
    // "the offer price", "the closing price": the word before names which price.
    let mut name = lemma(&st.lower[h]);
    if rules.value_heads.contains(&st.lower[h]) {
        if let Some(m) = h.checked_sub(1).filter(|&m| noun_word(m)) {
            name = format!("{} {name}", st.lower[m]);
        }
    }
    Some(name)
}

/// A noun's singular for naming a thing ("exports" -> "export", "losses" -> "losses").
fn lemma(w: &str) -> String {
    let w = w.trim_end_matches("'s");
    match w.strip_suffix('s') {
        Some(stem) if stem.len() > 3 && !stem.ends_with('s') => stem.to_string(),
        _ => w.to_string(),
    }
}

/// The name of the subject that opens the sentence, when a past verb of level stands right
/// before the figure at token `first` ("Two-way trade reached $2.4 billion", "Trade between
/// the two countries was worth $4.2 billion"): at most six words before the verb. The name is
/// the head noun, with the words that narrow it: a period before it ("annual revenue",
/// "fourth-quarter revenue", `period-word`) and a named place or body after a preposition
/// ("exports from China").
fn subject_of_level(
    text: &str,
    rules: &Rules,
    st: &Sent,
    first: usize,
    noun_word: &dyn Fn(usize) -> bool,
) -> Option<String> {
    let toks = &st.s.tokens;
    let p = prev_word_idx(toks, first).filter(|&p| p + 1 == first)?;
    let before = |k: usize| prev_word_idx(toks, k).filter(|&q| q + 1 == k);
    let verb = match st.lower[p].as_str() {
        w if rules.level_verbs.contains(w) => p,
        "at" | "to" | "worth" => before(p).filter(|&v| rules.level_verbs.contains(&st.lower[v]))?,
        _ => return None,
    };
    let start = toks.iter().position(|t| t.word)?;
    if verb <= start || verb - start > 6 {
        return None;
    }
    let period = |w: &str| {
        rules.period_words.contains(w)
            || w.split('-')
                .next_back()
                .is_some_and(|l| rules.period_words.contains(l))
    };
    // The subject's first words, up to a preposition: its last noun is the head.
    let mut head = None;
    let mut narrowing: Vec<&str> = Vec::new();
    let mut k = start;
    while k < verb {
        let w = &st.lower[k];
        if !toks[k].word || rules.is_prep(w) || rules.value_phrase_stop.contains(w) {
            break;
        }
        // The sentence's first word is capitalised; the others are not.
        let noun = if k == start {
            w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
                && !rules.determiners.contains(w)
                && !rules.value_phrase_stop.contains(w)
                && !rules.clause_words.contains(w)
                && text[toks[k].start..toks[k].end]
                    .chars()
                    .skip(1)
                    .all(|c| !c.is_uppercase())
        } else {
            noun_word(k)
        };
        if noun {
            if let Some(h) = head.filter(|&h: &usize| period(st.lower[h].as_str())) {
                narrowing.push(st.lower[h].as_str());
            }
            head = Some(k);
        } else if !rules.determiners.contains(w) {
            return None;
        }
        k += 1;
    }
    let head = head?;
    // "from China", "of the United States": a name after the preposition narrows the head.
    let mut name = narrowing.join(" ");
    if !name.is_empty() {
        name.push(' ');
    }
    name.push_str(&lemma(&st.lower[head]));
    if k < verb {
        let named: Vec<&str> = (k + 1..verb)
            .filter(|&j| {
                toks[j].word
                    && (is_capitalized(&text[toks[j].start..toks[j].end]) || period(&st.lower[j]))
            })
            .map(|j| st.lower[j].as_str())
            .collect();
        if !named.is_empty() {
            name = format!("{name} {} {}", st.lower[k], named.join(" "));
        }
    }
    Some(name)
}

fn sents_people(sents: &[Sent]) -> Vec<(usize, usize, usize)> {
    // (sentence, byte start, person)
    let mut v = Vec::new();
    for st in sents {
        for p in &st.persons {
            v.push((st.idx, p.start, p.person));
        }
    }
    v
}

/// Tokens are in text order and disjoint: binary searches keep a sentence of a million
/// tokens (hostile input) linear overall.
fn tag_range(tokens: &[Token], tags: &mut [Tag], start: usize, end: usize, tag: Tag) {
    let first = tokens.partition_point(|t| t.end <= start);
    for (i, t) in tokens.iter().enumerate().skip(first) {
        if t.start >= end {
            break;
        }
        if t.end > start && tags[i] == Tag::None {
            tags[i] = tag;
        }
    }
}

fn tok_at(tokens: &[Token], pos: usize) -> usize {
    let i = tokens.partition_point(|t| t.end <= pos);
    if i < tokens.len() {
        i
    } else {
        tokens.len().saturating_sub(1)
    }
}

fn find_places(text: &str, rules: &Rules, st: &mut Sent, ex: &mut Extraction, article: usize) {
    let s = st.s;
    let g = &rules.gazetteer;
    for mut m in g.find(&text[s.start..s.end]) {
        let (start, mut end) = (m.start + s.start, m.end + s.start);
        let tok = tok_at(&s.tokens, start);
        // "the Kenyan capital" is Nairobi.
        if m.demonym {
            let next = (tok + 1..s.tokens.len()).find(|&k| s.tokens[k].word);
            if let Some(k) = next.filter(|&k| st.lower[k] == "capital") {
                if let Some(cap) = g.places[m.candidates[0]].capital {
                    m = PlaceMatch {
                        candidates: vec![cap],
                        demonym: false,
                        ..m
                    };
                    end = s.tokens[k].end;
                }
            }
        }
        if st.in_quote.get(tok).copied().unwrap_or(false) {
            continue;
        }
        // Words that are places only when capitalised mid-sentence or introduced by a preposition.
        let mut candidates = g.readings(&m.candidates);
        let prev_word = prev_word_idx(&s.tokens, tok).map(|i| st.lower[i].as_str());
        // "at Csongrád", "near Lamia": a point, so a town rather than a region of its name.
        let point = matches!(prev_word, Some("at" | "near"))
            && m.candidates
                .iter()
                .any(|&c| g.places[c].kind == PlaceKind::City);
        if point
            && candidates
                .iter()
                .any(|&c| g.places[c].kind != PlaceKind::City)
        {
            m.candidates
                .retain(|&c| g.places[c].kind == PlaceKind::City);
            candidates = g.readings(&m.candidates);
        }
        let place = candidates[0];
        let p = &g.places[place];
        // ... or continuing a list of places ("in Brno, Zlín and Kroměříž").
        let in_list = tok >= 2
            && matches!(st.lower[tok - 1].as_str(), "," | "and" | "or")
            && matches!(st.tags[tok - 2], Tag::Place(_));
        let after_prep = prev_word.is_some_and(|w| rules.is_prep(w))
            || (place_object_before(rules, st, tok) && !site_after(st, end))
            || in_list;
        if p.kind == PlaceKind::City
            && !m.demonym
            && (p.ambiguous || p.pop < 100_000)
            && !after_prep
        {
            continue;
        }
        if st.tags[tok] != Tag::None || (!m.demonym && inside_name(text, rules, st, tok, end)) {
            continue;
        }
        // A small town's name before any capitalised word is the start of another name
        // ("Atlantic Wire", "Bohemia Interactive").
        if crate::resolve::is_small_town(g, place)
            && !m.demonym
            && s.tokens.iter().find(|t| t.start >= end).is_some_and(|t| {
                t.word && t.start == end + 1 && is_capitalized(&text[t.start..t.end])
            })
        {
            continue;
        }
        let idx = st.places.len();
        st.places.push(SentPlace {
            start,
            end,
            place,
            candidates: candidates.clone(),
            demonym: m.demonym,
            role: PlaceRole::Modifier,
            tok,
        });
        tag_range(&s.tokens, &mut st.tags, start, end, Tag::Place(idx));
        if !m.demonym {
            ex.places.push(PlaceMention {
                place,
                candidates,
                all: m.candidates.clone(),
                text: text[start..end].to_string(),
                span: Span {
                    article,
                    start,
                    end,
                },
            });
        }
    }
    // Roles once every place of the sentence is known ("Ukrainian and Russian representatives").
    for i in 0..st.places.len() {
        let (tok, end, demonym) = (st.places[i].tok, st.places[i].end, st.places[i].demonym);
        st.places[i].role = place_role(text, rules, st, tok, end, demonym);
    }
}

/// Sites an owner has in one place ([`crate::model::SiteMention`]): a possessor, or a name of
/// the site's own ("the Sainte-Famille hospital", "Hôpital Sainte-Famille"), then the site's
/// word with the place before it ("its Tarragona plant", "Bolton's Ridgeway hospital") or after
/// "in", "at" or "near" ("the company's headquarters in Hsinchu"). Without a possessor or a
/// name ("a plant in Zaragoza") the site could be anyone's, and a plural ("its plants") is
/// several sites: neither is read.
fn find_sites(text: &str, rules: &Rules, st: &Sent, ex: &mut Extraction, article: usize) {
    if rules.sites.is_empty() {
        return;
    }
    let toks = &st.s.tokens;
    based_sites(st, ex, article);
    let mut k = 0;
    while k < toks.len() {
        let at = k;
        k += 1;
        if st.cls[at] & wc::SITE == 0 || !toks[at].word || st.in_quote[at] {
            continue;
        }
        // The site's name: two words first ("head office"), then one.
        let next =
            (at + 1 < toks.len() && toks[at + 1].word && rules.site_heads.contains(&st.lower[at]))
                .then_some(at + 1);
        let (site, last) = match next.and_then(|n| {
            rules
                .sites
                .get(&format!("{} {}", st.lower[at], st.lower[n]))
        }) {
            Some(s) => (s, at + 1),
            None => match rules.sites.get(&st.lower[at]) {
                Some(s) => (s, at),
                None => continue,
            },
        };
        // A name of its own: capitalised words right before the site's name ("the
        // Sainte-Famille hospital"), or right after it when it opens the name ("Hôpital
        // Sainte-Famille").
        let name_word = |j: usize| {
            let w = &text[toks[j].start..toks[j].end];
            toks[j].word
                && strip_possessive(w) == w
                && st.tags[j] == Tag::None
                && !st.in_quote[j]
                && st.cls[j] & wc::NOT_NAME == 0
                && is_capitalized(&text[toks[j].start..toks[j].end])
        };
        let mut name_start = at;
        while name_start > 0 && at - name_start < 4 && name_word(name_start - 1) {
            name_start -= 1;
        }
        let mut end = last;
        if name_start == at && is_capitalized(&text[toks[at].start..toks[at].end]) {
            while end + 1 < toks.len() && end - last < 4 && name_word(end + 1) {
                end += 1;
            }
        }
        let name: Vec<&str> = (name_start..at)
            .chain(last + 1..=end)
            .map(|j| strip_possessive(&text[toks[j].start..toks[j].end]))
            .collect();
        // Lowercase words of kind before an unnamed site ("Veltra's specialty resins plant"):
        // up to three, and the one next to the site's name tells the site apart (a resins plant
        // is not the company's coatings plant).
        let mut before = name_start;
        let mut kind = None;
        if name_start == at {
            let mut j = at;
            while j > 0 && at - j < 3 && site_modifier(text, rules, st, toks, j - 1) {
                j -= 1;
            }
            // "Veltra's largest plant in Belgium": a place after a superlative is its scope,
            // not where one plant is.
            if (j..at).any(|m| {
                let w = st.lower[m].as_str();
                (w.len() > 4 && w.ends_with("est")) || matches!(w, "main" | "only" | "biggest")
            }) {
                continue;
            }
            if j < at {
                kind = Some(st.lower[at - 1].clone());
                before = j;
            }
        }
        // Before it: a place ("its Tarragona plant", "Sherbrooke's Sainte-Famille hospital"),
        // then the possessor.
        let mut place = None;
        if let Some(p) = before.checked_sub(1).and_then(|b| st.place_at(b)) {
            place = Some(p);
            before = p.tok;
        }
        // The possessor: "Veltra's", or a plural's bare apostrophe ("Marlow Foods'").
        let mut owner_tok = before.checked_sub(1);
        let mut apostrophe = false;
        if let Some(p) = owner_tok.filter(|&p| p > 0 && !toks[p].word) {
            if matches!(&text[toks[p].start..toks[p].end], "'" | "’")
                && toks[p - 1].word
                && toks[p - 1].end == toks[p].start
                && st.lower[p - 1].ends_with('s')
                && is_capitalized(&text[toks[p - 1].start..toks[p - 1].end])
            {
                owner_tok = Some(p - 1);
                apostrophe = true;
            }
        }
        let owner_tok = owner_tok.filter(|&p| toks[p].word);
        let possessor = owner_tok.map_or("", |p| st.lower[p].as_str());
        let owned = matches!(possessor, "its" | "their");
        let named = owner_tok.map_or("", |p| strip_possessive(&text[toks[p].start..toks[p].end]));
        let possessive =
            apostrophe || owner_tok.is_some_and(|p| named.len() < toks[p].end - toks[p].start);
        if !(owned || possessive || !name.is_empty()) {
            continue;
        }
        // After it: "in", "at" or "near" and the place.
        if place.is_none() {
            let prep =
                (end + 1 < toks.len() && toks[end + 1].word).then(|| st.lower[end + 1].as_str());
            if matches!(prep, Some("in" | "at" | "near")) {
                place = st.place_at(end + 2);
            }
        }
        let Some(place) = place else {
            continue;
        };
        let owner = if !name.is_empty() {
            Some(format!("name:{}", crate::text::fold(&name.join(" "))))
        } else if possessive && is_capitalized(named) {
            // The organisation the possessor ends ("Marlow Foods'"), else its one word.
            let p = owner_tok.map_or(0, |p| toks[p].start);
            ex.orgs
                .iter()
                .find(|o| o.span.start <= p && p < o.span.end)
                .map_or_else(|| org_key(named), |o| o.key.clone())
                .into()
        } else {
            let pos = toks[at].start;
            ex.orgs
                .iter()
                .rev()
                .find(|o| o.span.end <= pos)
                .map(|o| o.key.clone())
        };
        ex.sites.push(crate::model::SiteMention {
            site: kind.map_or_else(|| site.clone(), |m| format!("{m} {site}")),
            owner,
            name: (!name.is_empty()).then(|| name.join(" ")),
            place: Span {
                article,
                start: place.start,
                end: place.end,
            },
            sentence: st.idx,
        });
        k = end + 1;
    }
}

/// Whether token `j` is a lowercase word of kind before a site's name ("resins" in "its resins
/// plant"): a plain word, no function word, verb, number or time.
fn site_modifier(text: &str, rules: &Rules, st: &Sent, toks: &[Token], j: usize) -> bool {
    let w = st.lower[j].as_str();
    toks[j].word
        && st.tags[j] == Tag::None
        && !st.in_quote[j]
        && toks[j + 1].start <= toks[j].end + 1
        && text[toks[j].start..toks[j].end]
            .chars()
            .all(|c| c.is_ascii_lowercase() || c == '-')
        && st.cls[j] & (wc::DETERMINER | wc::CLAUSE | wc::FINITE | wc::REPORTING | wc::SITE) == 0
        && !rules.is_prep(w)
        && !matches!(w, "and" | "or" | "its" | "their" | "his" | "her" | "our")
}

/// Headquarters told by "based": "Osaka-based Hoshimura Pharmaceutical" (the organisation
/// named within three words after), "Hoshimura, headquartered in Osaka" or "based in Osaka"
/// (the organisation named before it in the sentence). Without a named organisation nothing
/// is read: "a London-based investigator" is no one's headquarters.
fn based_sites(st: &Sent, ex: &mut Extraction, article: usize) {
    let toks = &st.s.tokens;
    let mut found = Vec::new();
    for k in 0..toks.len() {
        if !toks[k].word || st.in_quote[k] {
            continue;
        }
        let w = st.lower[k].as_str();
        let (place, owner) = if w.ends_with("-based") {
            // The place is the word's first part.
            let Some(p) = st.place_at(k).filter(|p| p.start == toks[k].start) else {
                continue;
            };
            let before = toks.get(k + 4).map_or(st.s.end, |t| t.start);
            let owner = ex
                .orgs
                .iter()
                .find(|o| o.span.start > toks[k].end && o.span.start < before);
            (p, owner)
        } else if matches!(w, "headquartered" | "based")
            && st.lower.get(k + 1).is_some_and(|n| n == "in")
        {
            let Some(p) = st.place_at(k + 2) else {
                continue;
            };
            let owner = ex
                .orgs
                .iter()
                .rev()
                .find(|o| o.span.end <= toks[k].start && o.span.start >= st.s.start);
            (p, owner)
        } else {
            continue;
        };
        let Some(owner) = owner else {
            continue;
        };
        found.push(crate::model::SiteMention {
            site: "headquarters".to_string(),
            owner: Some(owner.key.clone()),
            name: None,
            place: Span {
                article,
                start: place.start,
                end: place.end,
            },
            sentence: st.idx,
        });
    }
    ex.sites.extend(found);
}

/// A place name inside a longer proper name: "Milan Đorđević", "Kemal Aydın", "North Atlantic
/// Treaty Organization". The name runs on into a capitalised word that is neither a title
/// ("Texas Governor"), an organisation word ("Kenya Airways", "Istanbul Airport"), a day or
/// month, nor a word that never names ("Kenya On Monday" does not occur, "Paris The" neither);
/// or a capitalised first name stands right before it, mid-sentence.
fn inside_name(text: &str, rules: &Rules, st: &Sent, tok: usize, end: usize) -> bool {
    let toks = &st.s.tokens;
    let names_word = |k: usize| {
        let t = toks[k];
        let w = &text[t.start..t.end];
        let lw = &st.lower[k];
        t.word
            && is_capitalized(w)
            && !st.in_quote[k]
            && !rules.not_names.contains(lw)
            && !rules.org_words.contains(strip_possessive(lw))
            && !rules.place_words.contains(lw)
            && !rules.honorifics.contains(lw)
            && !rules.time.weekdays.contains_key(lw.as_str())
            && !rules.time.months.contains_key(lw.as_str())
            && rules
                .titles
                .find(
                    &text
                        [t.start..floor_char_boundary(text, st.s.end.min(t.start + 48)).max(t.end)],
                )
                .first()
                .is_none_or(|&(a, _, _)| a != 0)
    };
    // The next word, one space after the place.
    let next = (tok..toks.len()).find(|&k| toks[k].start >= end);
    if let Some(k) = next {
        if &text[end..toks[k].start] == " " && names_word(k) && st.tags[k] == Tag::None {
            return true;
        }
        // "the Palau de les Arts": name particles, then a word of the name.
        if &text[end..toks[k].start] == " " {
            let mut j = k;
            while j < toks.len() && toks[j].word && rules.name_particles.contains(&st.lower[j]) {
                j += 1;
            }
            if j > k && j < toks.len() && names_word(j) && st.tags[j] == Tag::None {
                return true;
            }
        }
    }
    // The word before, one space before, not opening the sentence.
    let prev = prev_word_idx(toks, tok).filter(|&p| p + 1 == tok);
    if let Some(p) = prev {
        let opening = toks.iter().position(|t| t.word) == Some(p);
        if !opening
            && &text[toks[p].end..toks[tok].start] == " "
            && names_word(p)
            && st.tags[p] == Tag::None
        {
            return true;
        }
    }
    false
}

/// Whether the word right after a place (ending at byte `end`) is a site noun ("struck the
/// Kasanda mine"): the verb's object is the site, so a small town of that name is no reading
/// the verb vouches for (a larger place still places the site: "visited the Brno plant").
fn site_after(st: &Sent, end: usize) -> bool {
    let toks = &st.s.tokens;
    let k = toks.partition_point(|t| t.start < end);
    toks.get(k).is_some_and(|t| t.word) && st.cls.get(k).is_some_and(|c| c & wc::SITE != 0)
}

/// "visited Tecuci", "toured flood-hit Tecuci": a place-object verb right before the place,
/// allowing one modifier between.
fn place_object_before(rules: &Rules, st: &Sent, tok: usize) -> bool {
    let toks = &st.s.tokens;
    let mut k = tok;
    for _ in 0..2 {
        let Some(prev) = prev_word_idx(toks, k) else {
            return false;
        };
        if prev + 1 != k {
            // Punctuation between: not a direct object.
            return false;
        }
        if let Some(&(class, _)) = rules.triggers.get(st.lower[prev].as_str()) {
            return rules.predicates[class].place_object;
        }
        k = prev;
    }
    false
}

fn prev_word_idx(tokens: &[Token], tok: usize) -> Option<usize> {
    (0..tok).rev().find(|&i| tokens[i].word)
}

fn place_role(
    text: &str,
    rules: &Rules,
    st: &Sent,
    tok: usize,
    end: usize,
    demonym: bool,
) -> PlaceRole {
    let toks = &st.s.tokens;
    if demonym {
        // "Russian delegation", "Ukrainian and Russian representatives": an actor; else a modifier.
        let mut k = tok + 1;
        let mut steps = 0;
        while k < toks.len() && steps < 4 {
            if toks[k].word {
                let w = &st.lower[k];
                if rules.group_nouns.contains(w) {
                    return PlaceRole::Actor;
                }
                if w != "and"
                    && !is_demonym_tag(st, k)
                    && !matches!(w.as_str(), "peace" | "military" | "official" | "senior")
                {
                    break;
                }
                steps += 1;
            } else if &text[toks[k].start..toks[k].end] != "," {
                break;
            }
            k += 1;
        }
        return PlaceRole::Modifier;
    }
    // Inside a hyphenated compound ("Ukraine-Russia talks"): an actor.
    if toks
        .get(tok)
        .is_some_and(|t| t.end > end || t.start < end && text[t.start..t.end].contains('-'))
    {
        return PlaceRole::Actor;
    }
    // "8:40 a.m. UK time", "a UK-based firm": a modifier.
    if let Some(next) = (tok + 1..toks.len()).find(|&i| toks[i].word) {
        if matches!(st.lower[next].as_str(), "time" | "-based" | "based") {
            return PlaceRole::Modifier;
        }
    }
    // Followed directly by a title: "U.S. Secretary of State" is a modifier.
    if let Some(next) = (tok + 1..toks.len()).find(|&i| toks[i].word) {
        if matches!(st.tags[next], Tag::Title(_)) && toks[next].start <= end + 1 {
            return PlaceRole::Modifier;
        }
    }
    let mut k = tok;
    let mut steps = 0;
    while k > 0 && steps < 5 {
        k -= 1;
        let t = toks[k];
        if !t.word {
            let c = &text[t.start..t.end];
            if c == "," {
                // "Porto, Portugal": the role of the place before the comma.
                if let Some(prev) = st.places.iter().rev().find(|p| p.tok < k) {
                    if prev.tok + 2 >= k || (k > 0 && prev.tok + 1 == k) {
                        return prev.role;
                    }
                }
            }
            break;
        }
        let w = st.lower[k].as_str();
        if rules.location_preps.contains(w) || (steps == 0 && place_object_before(rules, st, tok)) {
            if rules.location_preps.contains(w) && destination_before(rules, st, k) {
                return PlaceRole::Motion;
            }
            return PlaceRole::Location;
        }
        if rules.motion_preps.contains(w) {
            // "delegations from Russia": the origin of a group is an actor.
            if w == "from" {
                if let Some(b) = prev_word_idx(toks, k) {
                    if rules.group_nouns.contains(st.lower[b].as_str()) {
                        return PlaceRole::Actor;
                    }
                }
            }
            return PlaceRole::Motion;
        }
        if w == "and" || w == "or" {
            if let Some(prev) = st.places.iter().rev().find(|p| p.tok < k) {
                if prev.tok + 1 == k || prev.tok + 2 == k {
                    return prev.role;
                }
            }
            break;
        }
        let is_place = matches!(st.tags[k], Tag::Place(_));
        if !(rules.place_words.contains(w) || is_place) {
            break;
        }
        steps += 1;
    }
    PlaceRole::Actor
}

/// Whether the words before the location word at `k` are a destination's noun phrase ("flown
/// to the burns centre in ...", "taken to a laboratory in ..."): a motion word a few words back
/// followed by a determiner, with no verb, punctuation or event word between. The place then says where the destination
/// is, not where the event happened ("travelled to talks in Geneva" keeps its place).
fn destination_before(rules: &Rules, st: &Sent, k: usize) -> bool {
    let toks = &st.s.tokens;
    let mut j = k;
    for _ in 0..5 {
        let Some(p) = j.checked_sub(1) else {
            return false;
        };
        j = p;
        if !toks[j].word {
            return false;
        }
        let w = st.lower[j].as_str();
        if matches!(w, "to" | "into" | "towards" | "toward") {
            // A noun phrase, not an infinitive ("agreed to meet in Geneva").
            return j + 1 < k && st.cls[j + 1] & wc::DETERMINER != 0;
        }
        // An event word, but for a verb's form after a determiner ("the burns centre").
        let event_word = match rules.triggers.get(w) {
            Some(&(_, WordTense::Noun)) => true,
            Some(_) => j
                .checked_sub(1)
                .is_none_or(|d| st.cls[d] & wc::DETERMINER == 0),
            None => rules.senses.contains_key(w),
        };
        if event_word
            || rules.finite_verbs.contains(w)
            || rules.reporting_verbs.contains(w)
            || matches!(st.tags[j], Tag::Place(_) | Tag::Time(_))
        {
            return false;
        }
    }
    false
}

fn is_demonym_tag(st: &Sent, k: usize) -> bool {
    matches!(st.tags[k], Tag::Place(i) if st.places.get(i).is_some_and(|p| p.demonym))
}

fn is_capitalized(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

fn strip_possessive(s: &str) -> &str {
    s.strip_suffix("’s")
        .or_else(|| s.strip_suffix("'s"))
        .or_else(|| s.strip_suffix('’'))
        .unwrap_or(s)
}

fn find_people(text: &str, rules: &Rules, st: &mut Sent, ex: &mut Extraction, article: usize) {
    let s = st.s;
    let toks = &s.tokens;
    // Titles.
    let mut title_matches: Vec<(usize, usize, usize)> = Vec::new();
    for (a, b, ti) in rules.titles.find(&text[s.start..s.end]) {
        let (a, b) = (a + s.start, b + s.start);
        let tok = tok_at(toks, a);
        if st.in_quote[tok] || !matches!(st.tags[tok], Tag::None) {
            continue;
        }
        title_matches.push((a, b, ti));
        let idx = title_matches.len() - 1;
        tag_range(toks, &mut st.tags, a, b, Tag::Title(idx));
    }
    // Capitalised runs.
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i];
        let w = &text[t.start..t.end];
        // An initialism ("WHO", "IT") is a name even when its word is not.
        let initialism = w.chars().count() >= 2 && w.chars().all(|c| c.is_uppercase());
        if !t.word
            || st.tags[i] != Tag::None
            || st.in_quote[i]
            || !is_capitalized(w)
            || (st.cls[i] & wc::NOT_NAME != 0 && !initialism)
        {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        let mut end = i + 1;
        while j < toks.len() {
            let tj = toks[j];
            let wj = &text[tj.start..tj.end];
            if tj.word
                && st.tags[j] == Tag::None
                && !st.in_quote[j]
                && is_capitalized(wj)
                && st.cls[j] & wc::NOT_NAME == 0
            {
                j += 1;
                end = j;
            } else if tj.word
                && rules.name_particles.contains(&st.lower[j])
                && j + 1 < toks.len()
                && is_capitalized(&text[toks[j + 1].start..toks[j + 1].end])
            {
                j += 1;
            } else if !tj.word
                && wj == "."
                && j == end
                && toks[j - 1].end == tj.start
                && text[toks[j - 1].start..toks[j - 1].end].chars().count() == 1
            {
                // An initial: "J."
                j += 1;
                end = j;
            } else {
                break;
            }
            // A possessive ends the name.
            if end > 0
                && strip_possessive(&text[toks[end - 1].start..toks[end - 1].end])
                    != &text[toks[end - 1].start..toks[end - 1].end]
            {
                break;
            }
        }
        let is_org_word = |k: usize| rules.org_words.contains(strip_possessive(&st.lower[k]));
        let mut start = i;
        if (i..end).any(is_org_word) {
            // An organisation's name runs on through "of (the)", "for" or "on": "International
            // Committee of the Red Cross", "National Centre for Hydro-Meteorological
            // Forecasting", "Court of Arbitration for Sport".
            loop {
                let mut k = end;
                if k < toks.len()
                    && matches!(st.lower[k].as_str(), "of" | "for" | "on")
                    && toks[k].word
                {
                    k += 1;
                    if k < toks.len() && st.lower[k] == "the" {
                        k += 1;
                    }
                }
                let mut e = k;
                while e < toks.len()
                    && k > end
                    && toks[e].word
                    && st.tags[e] == Tag::None
                    && !st.in_quote[e]
                    && is_capitalized(&text[toks[e].start..toks[e].end])
                {
                    e += 1;
                }
                if e > k && k > end {
                    end = e;
                } else {
                    break;
                }
            }
            // And back over a compass word: "North Atlantic Treaty Organization".
            if let Some(p) = prev_word_idx(toks, i).filter(|&p| p + 1 == i) {
                if matches!(
                    st.lower[p].as_str(),
                    "north" | "south" | "east" | "west" | "central"
                ) && st.tags[p] == Tag::None
                    && is_capitalized(&text[toks[p].start..toks[p].end])
                {
                    start = p;
                }
            }
        }
        let run: Vec<usize> = (start..end).filter(|&k| toks[k].word).collect();
        i = end.max(i + 1);
        if run.is_empty() {
            continue;
        }
        classify_run(text, rules, st, ex, article, &run, &title_matches);
    }
    title_references(text, rules, st, ex, article, &title_matches);
}

/// "The Armenian grandmaster won ...", "The Hungarian, who won in 2:03.48": "the", a demonym
/// and no name refer to the one person of the article named earlier with that country
/// ("Armenia's Hovhannes Grigoryan", "Grigoryan of Armenia", "Armenian Hovhannes Grigoryan"),
/// or, when no one is, to the subject of the sentence before in the paragraph. The demonym may
/// stand alone or before a noun of people (`person-noun`). First, the sentence's own people are
/// given the countries written beside them.
fn demonym_references(
    text: &str,
    rules: &Rules,
    st: &mut Sent,
    ex: &mut Extraction,
    article: usize,
    nationality: &mut std::collections::BTreeMap<usize, Option<usize>>,
    subject: Option<(usize, usize)>,
) {
    let toks = &st.s.tokens;
    let g = &rules.gazetteer;
    let country_at = |k: usize| match st.tags.get(k) {
        Some(&Tag::Place(i)) => st.places.get(i).map(|p| g.country_of(p.place)),
        _ => None,
    };
    for sp in &st.persons {
        if st.in_quote[sp.tok] {
            continue;
        }
        // Before the name: "Armenia's", "Armenian".
        let mut country = None;
        if let Some(p) = prev_word_idx(toks, sp.tok).filter(|&p| p + 1 == sp.tok) {
            country = country_at(p);
        } else if sp.tok >= 2 && matches!(st.lower[sp.tok - 1].as_str(), "'s" | "’s" | "'" | "’")
        {
            country = country_at(sp.tok - 2);
        }
        // After it: "of Armenia".
        if country.is_none() {
            let last = (sp.tok..toks.len())
                .take_while(|&k| toks[k].word && is_capitalized(&text[toks[k].start..toks[k].end]))
                .last()
                .unwrap_or(sp.tok);
            if st.lower.get(last + 1).is_some_and(|w| w == "of") {
                // "of Armenia", "of the Czech Republic"
                let at = if st.lower.get(last + 2).is_some_and(|w| w == "the") {
                    last + 3
                } else {
                    last + 2
                };
                country = country_at(at);
            }
        }
        if let Some(c) = country {
            let e = nationality.entry(sp.person).or_insert(Some(c));
            if *e != Some(c) {
                *e = None;
            }
        }
    }
    for k in 1..toks.len() {
        let Tag::Place(i) = st.tags[k] else { continue };
        let Some(place) = st.places.get(i).filter(|p| p.demonym) else {
            continue;
        };
        if st.in_quote[k] || !toks[k - 1].word || st.lower[k - 1] != "the" {
            continue;
        }
        let country = g.country_of(place.place);
        // Alone, or before a noun of people, and no name after.
        let mut next = k + 1;
        if toks.get(next).is_some_and(|t| t.word) && rules.person_nouns.contains(&st.lower[next]) {
            next += 1;
        }
        // "The Swiss voted", "the British": alone, a demonym in -sh, -ch, -ss or -ese names a
        // people, not a person.
        let people = {
            let w = st.lower[k].as_str();
            ["sh", "ch", "ss", "ese"].iter().any(|e| w.ends_with(e))
        };
        let ends = toks.get(next).is_none_or(|t| {
            !t.word || !is_capitalized(&text[t.start..t.end]) && st.tags[next] == Tag::None
        });
        let names_here = st.persons.iter().any(|sp| sp.tok > k && sp.tok <= next + 1);
        if !ends
            || names_here
            || next == k + 1 && toks.get(next).is_some_and(|t| t.word) && {
                // alone: the next word must not be a noun the lexicon does not know as a verb
                let w = &st.lower[next];
                st.cls[next] & (wc::FINITE | wc::REPORTING | wc::TRIGGER | wc::CLAUSE) == 0
                    && !w.ends_with("ed")
                    && !rules.relatives.contains(w)
            }
        {
            continue;
        }
        let holders: Vec<usize> = nationality
            .iter()
            .filter(|(_, c)| **c == Some(country))
            .map(|(p, _)| *p)
            .collect();
        // No one named with that country: the subject of the sentence before, in the same
        // paragraph ("Hovhannes Grigoryan is the new world champion. The Armenian
        // grandmaster won ..."), unless the text gives that person another country.
        let person = match holders[..] {
            [person] => person,
            [] => match subject {
                Some((para, person))
                    if para == st.s.paragraph
                        && !(next == k + 1 && people)
                        && nationality.get(&person).is_none_or(|c| *c == Some(country)) =>
                {
                    person
                }
                _ => continue,
            },
            _ => continue,
        };
        let (start, end) = (toks[k - 1].start, toks[next - 1].end);
        add_reference(text, ex, person, article, start, end);
        st.persons.push(SentPerson {
            person,
            tok: k,
            start: toks[k].start,
        });
    }
}

/// Note `text[start..end]` as a reference to the article's person `person`.
fn add_reference(
    text: &str,
    ex: &mut Extraction,
    person: usize,
    article: usize,
    start: usize,
    end: usize,
) {
    ex.persons[person].references.push((
        text[start..end].to_string(),
        Span {
            article,
            start,
            end,
        },
    ));
}

/// "The foreign minister said ...": a title after "the", given to no name here, refers to the
/// one person of the article named earlier with that office ("the minister" fits a foreign
/// minister too). With two such people, or none, it refers to no one. It is a participant (and
/// a speaker) only in a sentence that names no one.
fn title_references(
    text: &str,
    rules: &Rules,
    st: &mut Sent,
    ex: &mut Extraction,
    article: usize,
    title_matches: &[(usize, usize, usize)],
) {
    let toks = &st.s.tokens;
    for &(a, b, ti) in title_matches {
        let used = ex
            .titles
            .iter()
            .any(|t| t.sentence == st.idx && t.span.end == b);
        let tok = tok_at(toks, a);
        let after_the = prev_word_idx(toks, tok).filter(|&p| p + 1 == tok && st.lower[p] == "the");
        let Some(p) = after_the.filter(|_| !used && !st.in_quote[tok]) else {
            continue;
        };
        let canonical = &rules.titles.titles[ti].canonical;
        let suffix = format!(" {canonical}");
        let mut holders: Vec<usize> = ex
            .titles
            .iter()
            .filter(|t| !t.past && (&t.canonical == canonical || t.canonical.ends_with(&suffix)))
            .map(|t| t.person)
            .collect();
        holders.sort_unstable();
        holders.dedup();
        let [person] = holders[..] else { continue };
        let start = toks[p].start;
        let named = st.persons.iter().any(|sp| sp.start != a);
        add_reference(text, ex, person, article, start, b);
        if !named {
            st.persons.push(SentPerson {
                person,
                tok,
                start: a,
            });
        }
    }
}

fn title_before(
    text: &str,
    st: &Sent,
    first: usize,
    titles: &[(usize, usize, usize)],
) -> Option<usize> {
    let toks = &st.s.tokens;
    let k = first.checked_sub(1)?;
    if let Tag::Title(ti) = st.tags[k] {
        let (_, b, _) = titles[ti];
        if b <= toks[first].start && text[b..toks[first].start].trim().is_empty() {
            return Some(ti);
        }
    }
    // "Lt. Gen." ends with a period token.
    if !toks[k].word && k > 0 && &text[toks[k].start..toks[k].end] == "." {
        if let Tag::Title(ti) = st.tags[k - 1] {
            return Some(ti);
        }
    }
    // "Ferrovia's chair, Lucia Benedetti, a granddaughter ...": the name closes the apposition.
    if k > 0 && &text[toks[k].start..toks[k].end] == "," {
        if let Tag::Title(ti) = st.tags[k - 1] {
            let mut j = first;
            while j < toks.len()
                && toks[j].word
                && is_capitalized(&text[toks[j].start..toks[j].end])
            {
                j += 1;
            }
            let closes = toks
                .get(j)
                .is_some_and(|t| matches!(&text[t.start..t.end], "," | "—" | "–" | ")"));
            if closes {
                return Some(ti);
            }
        }
    }
    None
}

fn honorific_before(rules: &Rules, st: &Sent, first: usize) -> bool {
    let mut k = first;
    while k > 0 {
        k -= 1;
        if st.s.tokens[k].word {
            return rules.honorifics.contains(&st.lower[k]);
        }
    }
    false
}

fn classify_run(
    text: &str,
    rules: &Rules,
    st: &mut Sent,
    ex: &mut Extraction,
    article: usize,
    run: &[usize],
    titles: &[(usize, usize, usize)],
) {
    let toks = &st.s.tokens;
    let first = run[0];
    let last = *run.last().unwrap_or(&first);
    let words: Vec<&str> = run
        .iter()
        .map(|&k| strip_possessive(&text[toks[k].start..toks[k].end]))
        .collect();
    let start = toks[first].start;
    let mut end = toks[last].start + words.last().map_or(0, |w| w.len());
    // "U.N.": the closing period of an initialism is part of it.
    if words
        .last()
        .is_some_and(|w| w.chars().count() == 1 || w.contains('.'))
        && toks
            .get(last + 1)
            .is_some_and(|t| t.start == end && &text[t.start..t.end] == ".")
    {
        end += 1;
    }
    let name = text[start..end].to_string();
    // Natural features ("Bârlad River", "Black Sea") are neither people nor participants.
    if run
        .iter()
        .any(|&k| rules.feature_words.contains(strip_possessive(&st.lower[k])))
    {
        return;
    }
    let is_org = run
        .iter()
        .any(|&k| rules.org_words.contains(strip_possessive(&st.lower[k])));
    // "NT$7.4 billion": capitals glued to a currency sign are part of an amount.
    if text[end..].starts_with('$') {
        return;
    }
    let all_caps = words.len() == 1
        && words[0].chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !words[0].chars().any(char::is_lowercase);
    let title = title_before(text, st, first, titles);
    let honor = honorific_before(rules, st, first);
    // A short form of an organisation named earlier in the article ("Halden" after "Halden
    // Capital Partners") is that organisation, not a person.
    let short_org = title.is_none()
        && !honor
        && words.len() <= 2
        && ex.orgs.iter().any(|o| {
            let mut ow = o.key.split(' ');
            o.key.split(' ').count() > words.len()
                && words
                    .iter()
                    .all(|w| ow.next().is_some_and(|x| x == org_key(w)))
        });
    if is_org || all_caps || short_org {
        let key = org_key(&name);
        // "Nordvik Chief Executive Åsa Lindqvist": the organisation owns the title; the person
        // is the participant.
        let owns_title = toks
            .get(last + 1)
            .is_some_and(|_| matches!(st.tags[last + 1], Tag::Title(_)));
        // A generic word alone ("the Trust", "the League") is no name; opening the sentence it
        // is no participant either ("Shipping through the Bosphorus was suspended").
        let generic = words.len() == 1 && rules.org_words.contains(&st.lower[first]);
        if generic && prev_word_idx(toks, first).is_none() {
            return;
        }
        if !owns_title {
            st.orgs.push((key.clone(), first));
        }
        if generic {
            return;
        }
        ex.orgs.push(OrgMention {
            key,
            surface: name,
            span: Span {
                article,
                start,
                end,
            },
        });
        return;
    }
    let looks_like_name = words.len() >= 2
        && words.len() <= 4
        && words
            .iter()
            .all(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 1);
    let mut appos = appositive_titles(text, rules, st, last);
    // Titles given together ("Hoshimura's president and chief executive officer") are held
    // together: one that would exclude a later one is dropped (the later one is the office).
    let canon = |i: usize| rules.titles.titles[titles[i].2].canonical.as_str();
    let together = appos.clone();
    appos.retain(|&i| {
        !together
            .iter()
            .any(|&j| j > i && rules.titles.excludes(canon(i), canon(j)))
    });
    let known = find_person(ex, &words);
    let person = if let Some(p) = known {
        if words.len() > ex.persons[p].name.split_whitespace().count() {
            ex.persons[p].name = words.join(" ");
        }
        Some(p)
    } else if looks_like_name || title.is_some() || honor || !appos.is_empty() {
        ex.persons.push(LocalPerson {
            name: words.join(" "),
            mentions: Vec::new(),
            references: Vec::new(),
        });
        Some(ex.persons.len() - 1)
    } else {
        None
    };
    let Some(person) = person else {
        // A single capitalised word: possibly a surname or a short name used in full elsewhere
        // in the story ([`crate::resolve::adopt_loose_names`]).
        if words.len() == 1 && words[0].chars().count() >= 3 {
            ex.loose.push((
                name,
                Span {
                    article,
                    start,
                    end,
                },
            ));
        }
        return;
    };
    ex.persons[person].mentions.push((
        name.clone(),
        Span {
            article,
            start,
            end,
        },
    ));
    st.persons.push(SentPerson {
        person,
        tok: first,
        start,
    });
    if let Some(ti) = title {
        push_title(text, rules, st, ex, article, person, titles[ti], first);
    }
    for ti in appos {
        push_title(text, rules, st, ex, article, person, titles[ti], last + 1);
    }
}

/// The normalised name of an organisation: lowercase, without dots, a possessive or a leading
/// "the".
///
/// ```
/// use crosscheck::extract::org_key;
/// assert_eq!(org_key("The board"), org_key("board"));
/// assert_eq!(org_key("U.N.'s"), "un");
/// ```
pub fn org_key(name: &str) -> String {
    let key = strip_possessive(name).to_lowercase().replace('.', "");
    // "The board" at the start of a sentence is the board.
    match key.strip_prefix("the ") {
        Some(rest) if !rest.is_empty() => rest.to_string(),
        _ => key,
    }
}

/// Find the article's person a run names: same surname (variants allowed) and a compatible
/// first name, or a surname alone.
fn find_person(ex: &Extraction, words: &[&str]) -> Option<usize> {
    let last = words.last()?;
    let first = if words.len() >= 2 {
        Some(words[0])
    } else {
        None
    };
    let last_forms = crate::text::forms(last);
    for (i, p) in ex.persons.iter().enumerate() {
        let mut parts = p.name.split_whitespace();
        let Some(head) = parts.next() else { continue };
        let (plast, pfirst) = match parts.next_back() {
            Some(l) => (l, Some(head)),
            None => (head, None),
        };
        // Equal names need no forms of their own (compare_forms: one name if its key is not
        // empty).
        let same = if plast == *last {
            last_forms.has_key()
        } else {
            crate::text::compare_forms(plast, &crate::text::forms(plast), last, &last_forms).0
        };
        if !same {
            // A surname alone may be a first name in an odd run; only exact last names link.
            continue;
        }
        match (first, pfirst) {
            (Some(a), Some(b)) if !first_names_compatible(a, b) => continue,
            _ => return Some(i),
        }
    }
    None
}

fn first_names_compatible(a: &str, b: &str) -> bool {
    let (a, b) = (a.trim_end_matches('.'), b.trim_end_matches('.'));
    if a.chars().count() == 1 || b.chars().count() == 1 {
        return a.chars().next().map(|c| c.to_lowercase().to_string())
            == b.chars().next().map(|c| c.to_lowercase().to_string());
    }
    name_variants(a, b)
}

/// Titles in an appositive after a name: "Raman, Parcelwise's co-founder and former chief
/// operating officer, said" gives both titles; a title followed by another name belongs to it.
fn appositive_titles(text: &str, rules: &Rules, st: &Sent, last: usize) -> Vec<usize> {
    let toks = &st.s.tokens;
    let mut out = Vec::new();
    let mut k = last + 1;
    let Some(p) = toks.get(k) else { return out };
    let c = &text[p.start..p.end];
    if !(c == "," || c == "—" || c == "–") {
        return out;
    }
    k += 1;
    let mut steps = 0;
    while k < toks.len() && steps < 6 {
        if let Tag::Title(ti) = st.tags[k] {
            let mut n = k + 1;
            while n < toks.len() && matches!(st.tags[n], Tag::Title(x) if x == ti) {
                n += 1;
            }
            let next_is_name = toks.get(n).is_some_and(|t| {
                t.word
                    && is_capitalized(&text[t.start..t.end])
                    && !rules.not_names.contains(&st.lower[n])
            });
            if next_is_name {
                break;
            }
            out.push(ti);
            k = n;
            steps = 0;
            continue;
        }
        if !toks[k].word {
            if !out.is_empty() {
                break;
            }
            k += 1;
            continue;
        }
        let w = st.lower[k].as_str();
        if w == "and" && !out.is_empty() {
            k += 1;
            continue;
        }
        if rules.triggers.contains_key(w)
            || rules.reporting_verbs.contains(w)
            || matches!(
                w,
                "who"
                    | "which"
                    | "and"
                    | "but"
                    | "said"
                    | "says"
                    | "is"
                    | "was"
                    | "whose"
                    | "until"
            )
        {
            break;
        }
        k += 1;
        steps += 1;
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn push_title(
    text: &str,
    rules: &Rules,
    st: &Sent,
    ex: &mut Extraction,
    article: usize,
    person: usize,
    m: (usize, usize, usize),
    _at: usize,
) {
    let (a, mut b, ti) = m;
    let mut canonical = rules.titles.titles[ti].canonical.clone();
    let mut past = false;
    // A portfolio the lexicon does not know: "Correctional Services Minister", "Minister of
    // Police" (`portfolio` in titles.rules).
    let mut a = a;
    if rules.titles.portfolios.contains(&canonical) {
        if let Some((start, end, words)) = portfolio_of(text, rules, st, a, b) {
            canonical = format!("{words} {canonical}");
            a = a.min(start);
            b = b.max(end);
        }
    }
    let mut surface_start = a;
    // Modifiers before the title: "former", "then-", "deputy".
    let before = &text[st.s.start..a];
    let mut words_before: Vec<(usize, &str)> = Vec::new();
    let trimmed = before.trim_end();
    let mut end = trimmed.len();
    for _ in 0..2 {
        let seg = &trimmed[..end];
        let ws = seg.rfind(|c: char| c.is_whitespace()).map_or(0, |i| i + 1);
        let w = &seg[ws..];
        if w.is_empty() {
            break;
        }
        words_before.push((st.s.start + ws, w));
        end = ws.saturating_sub(1);
        if ws == 0 {
            break;
        }
    }
    // "then-Senator": the modifier is glued with a hyphen.
    if let Some(h) = before.strip_suffix('-') {
        let ws = h.rfind(|c: char| !c.is_alphanumeric()).map_or(0, |i| i + 1);
        words_before.insert(0, (st.s.start + ws, &before[ws..]));
    }
    let mut after_field = false;
    for (n, (pos, w)) in words_before.into_iter().enumerate() {
        let lw = w.to_lowercase();
        // "a former hospital director": one lowercase word of the office's field between.
        let field = n == 0
            && w.chars().all(|c| c.is_lowercase())
            && !rules.determiners.contains(lw.as_str())
            && !rules.titles.modifiers.contains_key(lw.as_str());
        if field {
            after_field = true;
            continue;
        }
        match rules
            .titles
            .modifiers
            .get(lw.as_str())
            .or_else(|| rules.titles.modifiers.get(lw.trim_end_matches('-')))
        {
            Some(ModifierKind::Past) => {
                past = true;
                surface_start = pos;
            }
            // A level word before the field is the field's ("regional development minister").
            Some(ModifierKind::Level(_)) if after_field => break,
            Some(ModifierKind::Rank | ModifierKind::Level(_)) => {
                // "vice mayor" is a deputy mayor.
                let word = match lw.trim_end_matches('-') {
                    "vice" => "deputy",
                    w => w,
                };
                canonical = format!("{word} {canonical}");
                surface_start = pos;
            }
            Some(ModifierKind::Acting) => surface_start = pos,
            None => break,
        }
    }
    let surface = text[surface_start..b].to_string();
    let org =
        title_org(text, rules, st, surface_start).or_else(|| title_org_after(text, rules, st, b));
    ex.titles.push(TitleMention {
        person,
        canonical,
        org,
        surface,
        span: Span {
            article,
            start: surface_start,
            end: b,
        },
        sentence: st.idx,
        past,
    });
}

/// The portfolio named with a portfolio title (title at bytes `a..b`): capitalised words right
/// before it ("Correctional Services Minister", "Mines and Minerals Development Minister") or
/// after "of" or "for" right after it ("Minister of Correctional Services", "Minister of Local
/// Government"), none of them a name, place or function word. Its byte span and lowercase
/// words.
fn portfolio_of(
    text: &str,
    rules: &Rules,
    st: &Sent,
    a: usize,
    b: usize,
) -> Option<(usize, usize, String)> {
    const MAX_WORDS: usize = 4;
    let toks = &st.s.tokens;
    // A portfolio word: capitalised (not all capitals: "ANC Minister" names a party), no name
    // or place, no function word ("But Minister ...", "When Minister ..."), no word that says
    // nothing of a portfolio ("Cabinet Minister": `not-portfolio`); before the title, no
    // modifier ("Deputy", "Regional").
    let word = |k: usize, before: bool| {
        let t = toks[k];
        let w = &text[t.start..t.end];
        t.word
            && is_capitalized(w)
            && !(w.chars().count() > 1 && w.chars().all(|c| !c.is_lowercase()))
            && st.tags[k] == Tag::None
            && !st.in_quote[k]
            && st.cls[k] & (wc::DETERMINER | wc::CLAUSE | wc::FINITE | wc::REPORTING) == 0
            && !rules.starters.contains(&st.lower[k])
            && !rules.not_portfolio.contains(&st.lower[k])
            && !(before && rules.titles.modifiers.contains_key(&st.lower[k]))
    };
    let joiner = |k: usize| toks[k].word && matches!(st.lower[k].as_str(), "and" | "&");
    let first = toks.iter().position(|t| t.start >= a)?;
    let last = toks.iter().rposition(|t| t.end <= b)?;
    // Before: "Correctional Services Minister".
    let mut k = first;
    let mut n = 0;
    while k > 0
        && n < MAX_WORDS
        && (word(k - 1, true) || (n > 0 && k >= 2 && joiner(k - 1) && word(k - 2, true)))
    {
        k -= 1;
        n += usize::from(!joiner(k));
    }
    if k < first {
        let words: Vec<&str> = (k..first).map(|i| &st.lower[i][..]).collect();
        return Some((toks[k].start, a, words.join(" ")));
    }
    // After: "Minister of Correctional Services".
    let of = last + 1;
    if toks.get(of).is_some_and(|t| t.word) && matches!(st.lower[of].as_str(), "of" | "for") {
        let mut k = of + 1;
        let mut n = 0;
        while k < toks.len()
            && n < MAX_WORDS
            && (word(k, false) || (n > 0 && joiner(k) && k + 1 < toks.len() && word(k + 1, false)))
        {
            n += usize::from(!joiner(k));
            k += 1;
        }
        if n > 0 {
            let words: Vec<&str> = (of + 1..k).map(|i| &st.lower[i][..]).collect();
            return Some((a, toks[k - 1].end, words.join(" ")));
        }
    }
    None
}

/// The organisation or country a title belongs to, from the words right before it:
/// "Ferrovia Chief Executive", "Ferrovia's chair", "Turkish Foreign Minister", "U.S. Senator".
fn title_org(text: &str, rules: &Rules, st: &Sent, title_start: usize) -> Option<String> {
    let toks = &st.s.tokens;
    let first = toks.iter().position(|t| t.start >= title_start)?;
    let p = prev_word_idx(toks, first).filter(|&p| p + 1 == first)?;
    if let Tag::Place(i) = st.tags[p] {
        let place = st.places.get(i)?.place;
        let g = &rules.gazetteer;
        return Some(format!("c:{}", g.places[g.country_of(place)].id));
    }
    let mut words = Vec::new();
    let mut k = p;
    loop {
        let w = &text[toks[k].start..toks[k].end];
        if !toks[k].word
            || !is_capitalized(w)
            || st.tags[k] != Tag::None
            || rules.not_names.contains(&st.lower[k])
            || words.len() == 3
        {
            break;
        }
        words.push(strip_possessive(w).to_string());
        match prev_word_idx(toks, k).filter(|&q| q + 1 == k) {
            Some(q) => k = q,
            None => break,
        }
    }
    if words.is_empty() {
        return None;
    }
    words.reverse();
    Some(words.join(" "))
}

/// The organisation or country a title belongs to, from "of" right after it: "chief executive
/// of Lagoon Freight", "President of France". Capitalised words right after "of" (up to four,
/// not followed by a lowercase word of their own: "head of Old Masters paintings" names a
/// department); a place only when it is a country (a mayor of one city is no mayor of another).
fn title_org_after(text: &str, rules: &Rules, st: &Sent, title_end: usize) -> Option<String> {
    let toks = &st.s.tokens;
    let of = toks.iter().position(|t| t.start > title_end)?;
    if !toks[of].word || st.lower[of] != "of" || text[title_end..toks[of].start].trim() != "" {
        return None;
    }
    let first = of + 1;
    if first >= toks.len() || toks[first].start != toks[of].end + 1 {
        return None;
    }
    if let Tag::Place(i) = st.tags[first] {
        let place = st.places.get(i)?.place;
        let g = &rules.gazetteer;
        return (g.country_of(place) == place).then(|| format!("c:{}", g.places[place].id));
    }
    let mut words = Vec::new();
    let mut k = first;
    while k < toks.len() && words.len() < 4 {
        let w = &text[toks[k].start..toks[k].end];
        if !toks[k].word
            || !is_capitalized(w)
            || st.tags[k] != Tag::None
            || (k > first && toks[k].start != toks[k - 1].end + 1)
        {
            break;
        }
        // A possessive ("of Parliament's Finance Committee", "of Danube Logistics' Serbian
        // unit") or a capitalised word that is no name cuts the organisation short: a part of it
        // is named, not it.
        if rules.not_names.contains(&st.lower[k])
            || strip_possessive(w) != w
            || toks.get(k + 1).is_some_and(|n| {
                !n.word && n.start == toks[k].end && matches!(&text[n.start..n.end], "'" | "’")
            })
        {
            return None;
        }
        words.push(w.to_string());
        k += 1;
    }
    // "chief executive of Danube Logistics until 2021": a past office.
    if st
        .lower
        .get(k)
        .is_some_and(|w| matches!(w.as_str(), "until" | "from" | "between" | "till"))
    {
        return None;
    }
    let lowercase_next = toks.get(k).is_some_and(|t| {
        t.word
            && t.start == toks[k - 1].end + 1
            && text[t.start..t.end]
                .chars()
                .next()
                .is_some_and(char::is_lowercase)
            && !rules.is_prep(&st.lower[k])
            && st.cls[k] & (wc::CLAUSE | wc::FINITE | wc::REPORTING | wc::DETERMINER) == 0
    });
    (!words.is_empty() && !lowercase_next).then(|| words.join(" "))
}

/// A vote tally in a sentence: byte span (absolute) and the figures for and against.
struct Tally {
    start: usize,
    end: usize,
    yes: f64,
    no: f64,
}

/// Vote tallies of a sentence: "79 votes to 62", "79 to 62", "79-62", "five votes to two"; the
/// larger figure first, as tallies are written (a smaller first figure is a score or a range
/// read the other way, and is left alone).
fn vote_tallies(text: &str, rules: &Rules, st: &Sent) -> Vec<Tally> {
    let toks = &st.s.tokens;
    let number = |k: usize| -> Option<f64> {
        let t = toks.get(k).filter(|t| t.word)?;
        let w = &st.lower[k];
        if w.bytes().all(|b| b.is_ascii_digit()) && w.len() <= 4 {
            return w.parse().ok();
        }
        let f = rules.quantities.as_ref()?;
        let q = f.find(&text[t.start..t.end]);
        (q.len() == 1 && q[0].start == 0 && q[0].end == t.end - t.start && q[0].unit.is_none())
            .then(|| q[0].value)
            .filter(|v| v.fract() == 0.0)
    };
    let mut out = Vec::new();
    for k in 0..toks.len() {
        if !toks[k].word {
            continue;
        }
        // "79-62" is one word.
        if let Some((a, b)) = st.lower[k]
            .starts_with(|c: char| c.is_ascii_digit())
            .then(|| st.lower[k].split_once(['-', '–']))
            .flatten()
        {
            let digits =
                |x: &str| !x.is_empty() && x.len() <= 4 && x.bytes().all(|c| c.is_ascii_digit());
            let vote_near = |r: std::ops::Range<usize>| {
                r.filter_map(|j| st.lower.get(j))
                    .any(|w| matches!(w.as_str(), "vote" | "votes" | "voted" | "voting" | "ballot"))
            };
            if digits(a) && digits(b) && vote_near(k.saturating_sub(4)..k + 3) {
                let (yes, no) = (a.parse().unwrap_or(0.0), b.parse().unwrap_or(0.0));
                if yes > no {
                    out.push(Tally {
                        start: toks[k].start,
                        end: toks[k].end,
                        yes,
                        no,
                    });
                }
            }
            continue;
        }
        // "79 votes to 62" or "79 to 62" (after "voting"/"vote of"/"by"): the words first, the
        // numbers (a look-up in the quantity grammar for "five") only then.
        let mut j = k + 1;
        let said_votes =
            toks.get(j).is_some_and(|t| t.word) && matches!(st.lower[j].as_str(), "votes" | "vote");
        if said_votes {
            j += 1;
        }
        if !(toks.get(j).is_some_and(|t| t.word) && st.lower[j] == "to") {
            continue;
        }
        let led = prev_word_idx(toks, k)
            .is_some_and(|p| matches!(st.lower[p].as_str(), "voting" | "voted" | "of" | "by"));
        if !(said_votes || led) {
            continue;
        }
        let (Some(yes), Some(no)) = (number(k), number(j + 1)) else {
            continue;
        };
        if yes > no {
            out.push(Tally {
                start: toks[k].start,
                end: toks[j + 1].end,
                yes,
                no,
            });
        }
    }
    out
}

fn sentence_claims(
    text: &str,
    rules: &Rules,
    st: &Sent,
    article: usize,
    anchor: Option<jiff::civil::Date>,
    context_date: &mut Option<Context>,
    times_out: &mut Vec<TimeRecord>,
) -> Vec<EventClaim> {
    let toks = &st.s.tokens;
    let sentence_start = toks.first().map_or(0, |t| t.start);
    // Triggers.
    let mut triggers: Vec<(usize, usize, WordTense)> = Vec::new();
    for (k, t) in toks.iter().enumerate() {
        if st.cls[k] & (wc::TRIGGER | wc::SENSE) == 0
            || !t.word
            || st.in_quote[k]
            || st.tags[k] != Tag::None
        {
            continue;
        }
        let w = &text[t.start..t.end];
        if is_capitalized(w) && t.start != sentence_start {
            continue;
        }
        let prev_lower = prev_word_idx(toks, k)
            .filter(|&p| p + 1 == k)
            .map(|p| st.lower[p].as_str());
        let sense = rules.senses.get(&st.lower[k]).and_then(|v| {
            v.iter()
                .find(|x| {
                    prev_lower.is_some_and(|p| x.before.contains(p))
                        || (k + 1..(k + 5).min(toks.len()))
                            .map(|n| st.lower[n].as_str())
                            .find(|w| x.after.contains(*w) || rules.is_prep(w))
                            .is_some_and(|w| x.after.contains(w))
                })
                .map(|x| x.class)
        });
        // A trigger of two words ("gave way", "broke into"), known by its first, before the
        // first word alone ("broke").
        let pair = || {
            let next = (k + 1 < toks.len() && toks[k + 1].word).then_some(k + 1)?;
            if !rules.trigger_heads.iter().any(|h| *h == st.lower[k]) {
                return None;
            }
            let key = format!("{} {}", st.lower[k], st.lower[next]);
            rules.triggers.get(&key).copied()
        };
        let two_words = pair();
        let base = two_words.or_else(|| rules.triggers.get(&st.lower[k]).copied());
        let found = match (sense, base) {
            (Some(c), Some((_, t))) => Some((c, t)),
            (Some(c), None) => Some((c, WordTense::Noun)),
            (None, b) => b,
        };
        if let Some((class, tense)) = found {
            // A participle used as an adjective ("their flooded house", "toured flooded
            // streets") is not an event of its own.
            let prev = prev_word_idx(toks, k).filter(|&p| p + 1 == k);
            // So is one that opens the sentence before a word of its noun phrase ("Freed
            // nurse back in Spain"), unlike "Freed on Tuesday, the nurse ...".
            let opening_adjective = t.start == sentence_start
                && toks.get(k + 1).is_some_and(|n| {
                    n.word
                        && text[n.start..].starts_with(|c: char| c.is_alphabetic())
                        && !rules.participle_verb_followers.contains(&st.lower[k + 1])
                });
            // A present form after a determiner is a noun the class does not list ("the burns
            // unit", "the shakes"): no event. A verb in -ing after "sending" tells the main
            // event's consequence ("sending seven vehicles plunging").
            // A plural of an event noun ("the attacks") is the noun, not a verb form.
            let plural_noun = || {
                let w = st.lower[k].as_str();
                [w.strip_suffix("es"), w.strip_suffix('s')]
                    .into_iter()
                    .flatten()
                    .any(|sg| {
                        rules
                            .triggers
                            .get(sg)
                            .is_some_and(|&(c, t)| c == class && t == WordTense::Noun)
                    })
            };
            // So is a form in -s after a preposition, or after one and an adjective ("treated
            // for severe burns").
            let prep = |p: usize| toks[p].word && rules.is_prep(&st.lower[p]);
            let after_prep = st.lower[k].ends_with('s')
                && prev.is_some_and(|p| {
                    prep(p)
                        || (p > 0
                            && prep(p - 1)
                            && toks[p].word
                            && st.cls[p] & (wc::TRIGGER | wc::FINITE | wc::DETERMINER) == 0
                            && text[toks[p].start..toks[p].end]
                                .bytes()
                                .all(|b| b.is_ascii_lowercase()))
                });
            let determined = tense == WordTense::Present
                && !plural_noun()
                && (prev.is_some_and(|p| st.cls[p] & wc::DETERMINER != 0)
                    || after_prep
                    || st.lower[k].ends_with("ing")
                        && (k.saturating_sub(4)..k)
                            .any(|x| rules.consequence_verbs.contains(&st.lower[x])));
            let adjectival = determined
                || tense == WordTense::Past
                    && (opening_adjective
                        || prev.is_some_and(|p| {
                            rules.determiners.contains(&st.lower[p])
                                || triggers
                                    .last()
                                    .is_some_and(|&(tk, _, tt)| tk == p && tt != WordTense::Noun)
                        }));
            // A verb that needs an object ("cut ... jobs") counts only with one nearby.
            let objects = &rules.predicates[class].objects;
            let has_object = objects.is_empty()
                || tense == WordTense::Noun
                || (k + 1..(k + 6).min(toks.len()))
                    .any(|x| toks[x].word && objects.contains(&st.lower[x]));
            // A noun in -ing after a form of "be" is a verb in the progressive ("the tribunal
            // has been hearing the dispute"), not the event the noun names (a hearing).
            let progressive = tense == WordTense::Noun
                && st.lower[k].ends_with("ing")
                && prev.is_some_and(|p| is_be(&st.lower[p]));
            // An event noun that is also an adjective, before a noun ("the final results").
            let as_adjective = tense == WordTense::Noun
                && rules.adjectives.contains(&st.lower[k])
                && toks.get(k + 1).is_some_and(|n| {
                    let w = &st.lower[k + 1];
                    n.word
                        && n.start == t.end + 1
                        && st.tags[k + 1] == Tag::None
                        && w.bytes().all(|b| b.is_ascii_lowercase())
                        && st.cls[k + 1]
                            & (wc::FINITE | wc::REPORTING | wc::CLAUSE | wc::DETERMINER)
                            == 0
                        && !w.ends_with("ed")
                        && !rules.is_prep(w)
                        && !matches!(
                            w.as_str(),
                            "of" | "on"
                                | "as"
                                | "like"
                                | "with"
                                | "against"
                                | "between"
                                | "and"
                                | "or"
                                | "but"
                                | "than"
                                | "by"
                        )
                });
            // A noun that modifies another ("the crash site", "launch director") names no
            // event of its own.
            let modifier = as_adjective
                || tense == WordTense::Noun
                    && toks.get(k + 1).is_some_and(|n| n.word)
                    && st
                        .lower
                        .get(k + 1)
                        .is_some_and(|n| rules.compound_heads.contains(n));
            if !adjectival && !progressive && has_object && !modifier {
                triggers.push((k, class, tense));
            }
        }
    }
    impact_verbs(rules, st, &mut triggers);
    // "X was arrested on Tuesday evening, a day after Y and Z were detained": an act of the
    // class in a clause of time ("a day after", "before") is another act than the main
    // clause's, and its participants are not this claim's.
    // The time clause each trigger stands in, if any: from the comma that opens it to the
    // next comma, semicolon or dash.
    let time_clause: Vec<Option<(usize, usize)>> = triggers
        .iter()
        .map(|&(k, class, _)| {
            // Only an act whose class has another trigger in the sentence can be another act.
            if triggers.iter().filter(|t| t.1 == class).count() < 2 {
                return None;
            }
            let comma = (0..k)
                .rev()
                .find(|&i| !toks[i].word && st.lower[i] == ",")?;
            if !time_relation_clause(st, toks, comma + 1) {
                return None;
            }
            let end = (k + 1..toks.len())
                .find(|&i| !toks[i].word && matches!(st.lower[i].as_str(), "," | ";" | "—" | "–"))
                .unwrap_or(toks.len());
            Some((comma + 1, end))
        })
        .collect();
    let other_act: Vec<bool> = (0..triggers.len())
        .map(|i| {
            time_clause[i]
                .is_some_and(|(a, _)| triggers.iter().any(|t| t.1 == triggers[i].1 && t.0 < a))
        })
        .collect();
    // Resolve every time of the sentence in text order, each with the tense around it; a day
    // becomes the context for "the day before" and "two days later" that follow.
    // Indexed with offsets into the text: a lowercase of the same byte length.
    let sent_lower = crate::text::lower_keeping_offsets(&text[st.s.start..st.s.end]);
    let first_time = times_out.len();
    let mut prev_end = 0;
    let mut interim = false;
    for tm in &st.times {
        let surface = &text[tm.start..tm.end];
        let rel = tm.start - st.s.start;
        let mut tense = tense_near(rules, &sent_lower, rel, &triggers, toks, st);
        // "postponed to Monday", "had been scheduled for Thursday": the tense is the change's,
        // not the date's, which may lie either side of publication.
        let changed = after_cue(&rules.reschedule_cues, &sent_lower, prev_end, rel);
        // "By 5 p.m., turnout stood at 49.6%": a figure as of a time is a snapshot, not the count.
        interim |= ends_with_phrase(&sent_lower[..rel], &rules.interim_cues);
        let superseded = superseded_time(rules, &sent_lower, prev_end, rel);
        if changed || superseded {
            tense = Tense::Unknown;
        }
        // "postponed from Thursday to Monday" is a change, not a range: the new date.
        let expr = match &tm.expr {
            time::TimeExpr::Range { to, .. } if changed => to.as_ref(),
            e => e,
        };
        let value = time::resolve(
            expr,
            surface,
            anchor,
            context_for(expr, *context_date, st.idx),
            tense,
        );
        if let Resolved::Value(v) = &value {
            *context_date = Some((v.start, v.granularity, st.idx));
        }
        let tok = tok_at(toks, tm.start);
        times_out.push(TimeRecord {
            text: surface.to_string(),
            span: Span {
                article,
                start: tm.start,
                end: tm.end,
            },
            sentence: st.idx,
            expr: expr.clone(),
            tense,
            value,
            quoted: st.in_quote[tok],
            superseded,
        });
        prev_end = tm.end - st.s.start;
    }
    let resolved = &times_out[first_time..];
    if triggers.is_empty() {
        return Vec::new();
    }
    // Attribution ("..., police said") rarely owns the sentence's time or place: event
    // triggers win over repeatable acts unless those are much closer.
    let has_event = triggers
        .iter()
        .any(|&(_, c, _)| !rules.predicates[c].repeat);
    // A time, place or number does not attach across a subordinating word ("weighing their
    // future on Tuesday after X agreed to be bought"), unless it opens the sentence.
    let mut clause_before = Vec::with_capacity(toks.len() + 1);
    let mut n_clause = 0usize;
    for (k, t) in toks.iter().enumerate() {
        clause_before.push(n_clause);
        // "before dawn", "after Monday": a preposition before a time, not a new clause.
        let before_time = || {
            toks.get(k + 1).is_some_and(|_| {
                matches!(st.tags[k + 1], Tag::Time(_))
                    || rules.time.parts_of_day.contains_key(&st.lower[k + 1])
            })
        };
        // "after a seismic event on Wednesday afternoon": a time before any verb (and before
        // the next punctuation) makes the clause word a preposition, and the time that of the
        // event before it.
        let has_verb = || {
            // "after taking silver ... on Monday": a gerund right after the clause word is its
            // verb.
            if toks.get(k + 1).is_some_and(|t| t.word)
                && st
                    .lower
                    .get(k + 1)
                    .is_some_and(|w| w.len() > 4 && w.ends_with("ing"))
                && st.tags.get(k + 1) == Some(&Tag::None)
            {
                return true;
            }
            // "after 64 moves and six hours of play, ...": a figure right after the clause word
            // and no verb before the next punctuation make it a preposition.
            let figure = matches!(st.lower[k].as_str(), "after" | "before" | "until" | "since")
                && st.lower.get(k + 1).is_some_and(|w| {
                    w.starts_with(|c: char| c.is_ascii_digit())
                        || rules.numbers.units.contains_key(w.as_str())
                });
            for (j, t) in toks.iter().enumerate().skip(k + 1) {
                if !t.word {
                    return !figure;
                }
                if matches!(st.tags[j], Tag::Time(_)) {
                    return false;
                }
                let w = &st.lower[j];
                // "after 46 moves when his position collapsed": the next clause word opens a
                // clause of its own, with its own verb.
                if st.cls[j] & wc::CLAUSE != 0 || rules.relatives.contains(w) || w == "when" {
                    return !figure;
                }
                // "after 64 moves", "of play": the word after a figure is what it counts, and
                // one after a preposition or determiner is a noun.
                let prev = st.lower[j - 1].as_str();
                if prev.starts_with(|c: char| c.is_ascii_digit())
                    || rules.numbers.units.contains_key(prev)
                    || rules.is_prep(prev)
                    || st.cls[j - 1] & wc::DETERMINER != 0
                {
                    continue;
                }
                if st.cls[j] & (wc::FINITE | wc::REPORTING) != 0
                    || (w.len() > 4 && w.ends_with("ed"))
                    || st.cls[j] & wc::TRIGGER != 0
                        && rules
                            .triggers
                            .get(w)
                            .is_some_and(|&(_, t)| t != WordTense::Noun)
                {
                    return true;
                }
            }
            !figure
        };
        // ", and he underwent surgery in Ljubljana", ", and traders said the vote ...": a new
        // subject (a pronoun, or a noun that reports) after a comma and "and" or "but" opens a
        // clause of its own.
        let reports_at =
            |j: usize| toks.get(j).is_some_and(|t| t.word) && st.cls[j] & wc::REPORTING != 0;
        // ", as investors weighed the cost of the flooding on Tuesday": "as" after a comma
        // opens a clause when a verb follows.
        let after_comma = k > 0 && !toks[k - 1].word && &st.lower[k - 1] == ",";
        let comma_as = || after_comma && &st.lower[k] == "as";
        let new_subject = || {
            after_comma
                && matches!(st.lower[k].as_str(), "and" | "but")
                && (st
                    .lower
                    .get(k + 1)
                    .is_some_and(|w| rules.pronouns.contains(w))
                    || reports_at(k + 2)
                    || (st.cls.get(k + 1).is_some_and(|c| c & wc::DETERMINER != 0)
                        && reports_at(k + 3)))
        };
        if t.word
            && !st.in_quote[k]
            && ((st.cls[k] & wc::CLAUSE != 0 || comma_as()) && !before_time() && has_verb()
                || new_subject())
        {
            n_clause += 1;
        }
    }
    clause_before.push(n_clause);
    let crosses = |a: usize, b: usize| {
        let (lo, hi) = (a.min(b), a.max(b));
        clause_before[hi] > clause_before[lo + 1]
    };
    // "After the landslide, the government started ... on Monday": a phrase fronted by a clause
    // word, with no verb before its comma, holds an event the main clause's times and places
    // are not of.
    let fronted_phrase: Option<usize> = toks
        .iter()
        .position(|t| t.word)
        .filter(|&f| st.cls[f] & wc::CLAUSE != 0)
        .and_then(|f| {
            (f + 1..toks.len().min(f + 10))
                .take_while(|&j| {
                    !toks[j].word
                        || st.cls[j] & (wc::FINITE | wc::REPORTING) == 0
                            && !(st.lower[j].len() > 4 && st.lower[j].ends_with("ed"))
                })
                .find(|&j| !toks[j].word && &st.lower[j] == ",")
        });
    let nearest_with = |tok: usize, after_penalty: usize| -> Option<usize> {
        let fronted = tok < 3;
        let mut best = None;
        let mut best_d = usize::MAX;
        for (i, &(k, class, _)) in triggers.iter().enumerate() {
            if !fronted && crosses(tok, k) {
                continue;
            }
            if fronted_phrase.is_some_and(|c| k < c && tok > c) {
                continue;
            }
            let mut d = if k <= tok {
                tok - k
            } else {
                (k - tok) + after_penalty
            };
            if has_event && rules.predicates[class].repeat {
                d += 8;
            }
            if d < best_d {
                best_d = d;
                best = Some(i);
            }
        }
        best
    };
    // Times and places attach to the verb before them (right attachment); a figure is often the
    // subject of the verb after it ("14 people were killed"), so it takes the nearest.
    let nearest = |tok: usize| nearest_with(tok, 6);
    // The reporting verb a time or place right after it belongs to, over prepositions and the
    // other times and places of the phrase: "said on Monday", "said in Santiago on Friday".
    let reported_at = |tok: usize| -> Option<usize> {
        let mut k = tok;
        for _ in 0..6 {
            let p = prev_word_idx(toks, k).filter(|&p| p + 1 == k)?;
            let w = st.lower[p].as_str();
            if rules.reporting_verbs.contains(w) {
                return triggers.iter().position(|&(t, _, _)| t == p);
            }
            let phrase = matches!(w, "on" | "in" | "at")
                || matches!(st.tags[p], Tag::Place(_) | Tag::Time(_));
            if !phrase {
                return None;
            }
            k = p;
        }
        None
    };
    // A participial aside between commas ("The vessel, built in Japan in 1991 and operated by
    // X, had 112 people on board"): its times and places describe the noun, not the event.
    let mut aside = vec![false; toks.len()];
    let mut k = 0;
    while k + 1 < toks.len() {
        let comma = !toks[k].word && &text[toks[k].start..toks[k].end] == ",";
        let next = k + 1;
        let w = &st.lower[next];
        let participle = toks[next].word
            && !st.in_quote[next]
            && (st.cls[next] & wc::ASIDE != 0 || (w.len() > 4 && w.ends_with("ed")))
            && !triggers.iter().any(|&(t, _, _)| t == next);
        if comma && participle {
            let end = (next..toks.len())
                .find(|&x| !toks[x].word && &text[toks[x].start..toks[x].end] == ",")
                .unwrap_or(toks.len());
            // Only a closed aside: one that runs to the end of the sentence is the main clause.
            if end < toks.len() {
                for a in aside.iter_mut().take(end).skip(next) {
                    *a = true;
                }
                k = end;
                continue;
            }
        }
        k += 1;
    }
    let outside_aside = |tok: usize, ti: usize| !aside[tok] || aside[triggers[ti].0];
    let update = rules.update_cues.occurs_in(&sent_lower);
    let continuation_at: Vec<usize> = if update {
        rules
            .update_cues
            .starts_in(&sent_lower)
            .map(|at| tok_at(toks, at + st.s.start))
            .collect()
    } else {
        Vec::new()
    };
    // A changed figure ("the death toll from the landslide that struck on Sunday rose to 21")
    // is the change of the claim its subject names: the first trigger after the last comma
    // before the cue ("death toll" or "died", not "landslide" or "struck"). That
    // claim's day is the change's; the other claims of the sentence keep theirs, unless their
    // time follows the cue ("the toll from the collapse rose to five on Thursday": Thursday is
    // the change's, not the collapse's). Without a trigger there ("..., and it rose to 14"),
    // every claim of the sentence may be the change.
    let cues_at: Vec<usize> = rules
        .figure_update_cues
        .starts_in(&sent_lower)
        .map(|at| at + st.s.start)
        .collect();
    let changed_classes: Vec<Option<usize>> = cues_at
        .iter()
        .map(|&at| {
            let cue = tok_at(toks, at);
            let from = (0..cue)
                .rev()
                .find(|&i| !toks[i].word && matches!(&text[toks[i].start..toks[i].end], "," | ";"))
                .map_or(0, |i| i + 1);
            triggers
                .iter()
                .find(|&&(k, _, _)| k >= from && k < cue)
                .map(|&(_, class, _)| class)
        })
        .collect();
    let figure_update = |class: usize| changed_classes.iter().any(|c| c.is_none_or(|c| c == class));
    let rescheduled = rules.reschedule_cues.occurs_in(&sent_lower);
    // "Avalanches kill about 20 people in Austria in an average winter": a rule, no event.
    let modal = |k: usize| {
        (k.saturating_sub(2)..k).any(|j| {
            matches!(
                st.lower[j].as_str(),
                "will" | "would" | "could" | "may" | "might" | "shall" | "should" | "must"
            )
        })
    };
    if triggers.iter().any(|&(_, _, t)| t == WordTense::Present)
        && triggers
            .iter()
            .all(|&(k, _, t)| t == WordTense::Noun || t == WordTense::Present && !modal(k))
        && rules.habitual_cues.occurs_in(&sent_lower)
    {
        return Vec::new();
    }
    // Group triggers by class.
    let mut by_class: Vec<(usize, Vec<usize>)> = Vec::new();
    for (i, &(_, class, _)) in triggers.iter().enumerate() {
        match by_class.iter_mut().find(|(c, _)| *c == class) {
            Some((_, v)) => v.push(i),
            None => by_class.push((class, vec![i])),
        }
    }
    let trig_claim: Vec<usize> = triggers
        .iter()
        .map(|&(_, class, _)| by_class.iter().position(|(c, _)| *c == class).unwrap_or(0))
        .collect();
    let mut claims: Vec<EventClaim> = by_class
        .iter()
        .map(|(class, idxs)| {
            let trigger = idxs
                .iter()
                .map(|&i| {
                    let k = triggers[i].0;
                    // A trigger of two words ("gave way", "broke into") is known by both.
                    let two = rules.trigger_heads.iter().any(|h| *h == st.lower[k])
                        && toks.get(k + 1).is_some_and(|t| t.word)
                        && rules.triggers.contains_key(&format!(
                            "{} {}",
                            st.lower[k],
                            st.lower[k + 1]
                        ));
                    let end = if two { toks[k + 1].end } else { toks[k].end };
                    text[toks[k].start..end].to_string()
                })
                .collect::<Vec<_>>()
                .join(", ");
            EventClaim {
                article,
                sentence: st.idx,
                span: Span {
                    article,
                    start: st.s.start,
                    end: st.s.end,
                },
                class: *class,
                trigger,
                actors: Vec::new(),
                when: None,
                place: None,
                quantities: Vec::new(),
                modality: if idxs.iter().any(|&i| {
                    triggers[i].2 == WordTense::Noun && called_off(rules, st, triggers[i].0)
                }) {
                    Modality::Negated
                } else {
                    modality(rules, st, triggers[idxs[0]].0)
                },
                update: update || figure_update(*class),
                rescheduled,
                verbal: idxs.iter().any(|&i| triggers[i].2 != WordTense::Noun),
                onset: false,
                agent: None,
            }
        })
        .collect();

    // Times.
    // Per claim: the best time so far, ranked by its tie to the trigger and its precision, then
    // by its distance from the trigger (the right-attached "... broke in early yesterday" over
    // "spent Monday combing ..." before it).
    type TimeRank = (usize, std::cmp::Reverse<usize>);
    let mut best_time: Vec<Option<(TimeRank, WhenSlot)>> = vec![None; claims.len()];
    let mut possessive_dated = vec![false; claims.len()];
    let mut onset_dated = vec![false; claims.len()];
    // A superseded date ("moved from Thursday") is not the event's time while the sentence
    // gives another.
    let has_current = resolved.iter().any(|r| !r.superseded && !r.quoted);
    for (tm, rec) in st.times.iter().zip(resolved) {
        let tok = tok_at(toks, tm.start);
        if st.in_quote[tok] || (rec.superseded && has_current) {
            continue;
        }
        // A bare year right after a name is part of it ("the Wrocław 2030 committee").
        let bare_year =
            tm.end - tm.start == 4 && text[tm.start..tm.end].bytes().all(|b| b.is_ascii_digit());
        if bare_year {
            let prev = prev_word_idx(toks, tok).filter(|&p| p + 1 == tok);
            // "the 2026 budget": a year between a determiner and its noun names the thing,
            // unless the noun is an event's ("a 2014 outbreak"), which it dates.
            if prev.is_some_and(|p| rules.determiners.contains(&st.lower[p]))
                && toks.get(tok + 1).is_some_and(|t| t.word)
                && !triggers
                    .iter()
                    .any(|&(k, _, t)| k == tok + 1 && t == WordTense::Noun)
            {
                continue;
            }
            if prev.is_some_and(|p| {
                is_capitalized(&text[toks[p].start..toks[p].end])
                    && p > 0
                    && !st
                        .times
                        .iter()
                        .any(|t| t.start <= toks[p].start && toks[p].end <= t.end)
            }) {
                continue;
            }
        }
        // "Sunday's runoff": a possessive time belongs to the noun it modifies.
        let last = tok_at(toks, tm.end.saturating_sub(1));
        let possessive = text[..tm.end.min(text.len())].ends_with("’s")
            || text[..tm.end.min(text.len())].ends_with("'s")
            || text[tm.end..].starts_with("’s")
            || text[tm.end..].starts_with("'s");
        let direct = if possessive {
            triggers.iter().position(|&(k, _, _)| {
                // The noun right after the time, or after a separate "'s" token.
                k == last + 1 || (k == last + 2 && !toks[last + 1].word)
            })
        } else {
            None
        };
        // "January 2009, when a fire ... burned": the time governs the when-clause after it.
        let when_clause = {
            let mut n = last + 1;
            if toks
                .get(n)
                .is_some_and(|t| !t.word && &text[t.start..t.end] == ",")
            {
                n += 1;
            }
            if st.lower.get(n).is_some_and(|w| w == "when") {
                triggers.iter().position(|&(k, _, _)| k > n)
            } else {
                None
            }
        };
        // "..., people familiar with the talks said on Monday": the time of the saying.
        let said_on = reported_at(tok);
        // "the October 3 parliamentary election": a date between a determiner and an event
        // noun (one word between at most) dates that noun.
        let in_phrase = prev_word_idx(toks, tok)
            .filter(|&p| p + 1 == tok && st.cls[p] & wc::DETERMINER != 0)
            .and_then(|_| {
                triggers.iter().position(|&(k, _, t)| {
                    t == WordTense::Noun
                        && k > last
                        && k <= last + 2
                        && (last + 1..k).all(|x| toks[x].word && st.tags[x] == Tag::None)
                })
            });
        let direct = direct.or(when_clause).or(said_on).or(in_phrase);
        let Some(ti) = direct.or_else(|| nearest(tok)) else {
            continue;
        };
        if !outside_aside(tok, ti) {
            continue;
        }
        let ci = trig_claim[ti];
        // An event the sentence names with a noun of its class ("the funeral was being held on
        // Saturday") is dated by a passive in progress; only a state is not.
        let named_by_noun = |class: usize| {
            triggers
                .iter()
                .any(|&(_, c, t)| c == class && t == WordTense::Noun)
        };
        // A noun dated through a verb of its own ("the walkout, which began on Tuesday") is as
        // firmly dated as a verb.
        let (k, tense) = (triggers[ti].0, triggers[ti].2);
        // Through a verb between them, or right before the noun ("announced his resignation
        // on Sunday evening").
        let around = k.min(tok).saturating_sub(2)..k.max(tok);
        // A participle between the noun and its time dates it too ("the results, published
        // yesterday", "results announced on Monday").
        let participle = |x: usize| {
            x > k
                && x < tok
                && x <= k + 3
                && (st.lower[x].ends_with("ed") || rules.reporting_verbs.contains(&st.lower[x]))
        };
        let aspect = tense == WordTense::Noun
            && around.clone().any(|x| {
                toks[x].word
                    && (rules.aspect_verbs.contains(&st.lower[x])
                        || (x + 3 > k && x < k && rules.reporting_verbs.contains(&st.lower[x]))
                        || participle(x))
            });
        if direct.is_some() || aspect {
            possessive_dated[ci] = true;
        }
        if (around.start..(k.max(tok) + 2).min(toks.len()))
            .any(|x| toks[x].word && rules.onset_verbs.contains(&st.lower[x]))
        {
            onset_dated[ci] = true;
        }
        let surface = rec.text.clone();
        let value = rec.value.clone();
        if matches!(value, Resolved::Unresolved { vague: true, .. }) {
            // "recently", "earlier": never a value, never a conflict.
            continue;
        }
        let rank = match &value {
            Resolved::Value(v) => v.granularity as usize + 1,
            Resolved::Unresolved { vague: true, .. } => 0,
            Resolved::Unresolved { .. } => 1,
        };
        let slot = WhenSlot {
            text: surface,
            span: Span {
                article,
                start: tm.start,
                end: tm.end,
            },
            expr: tm.expr.clone(),
            value,
            inherited: false,
            since: prev_word_idx(toks, tok).is_some_and(|p| st.lower[p] == "since")
                || end_bound(rules, st, tok)
                || (in_progress(st, toks, k, tense) && !named_by_noun(triggers[ti].1)),
        };
        // A time tied to its trigger by the grammar ("Sunday's runoff", "2009, when") wins.
        let rank = if direct.is_some() { rank + 100 } else { rank };
        let distance = if k <= tok { tok - k } else { k - tok + 6 };
        let rank = (rank, std::cmp::Reverse(distance));
        if best_time[ci].as_ref().is_none_or(|(r, _)| rank > *r) {
            best_time[ci] = Some((rank, slot));
        }
    }
    for (((c, t), firm), onset) in claims
        .iter_mut()
        .zip(best_time)
        .zip(possessive_dated)
        .zip(onset_dated)
    {
        // A time the grammar ties to the trigger ("Saturday's referendum") is the event's own:
        // a continuation cue elsewhere in the sentence ("rose for a second day on Tuesday after
        // voters in Saturday's referendum backed ...") is another act's; one right after the
        // trigger ("Monday's talks in Geneva resumed on Wednesday") or right before it ("the
        // resumed talks") is the event's.
        if t.as_ref().is_some_and(|(r, _)| r.0 >= 100) && !figure_update(c.class) {
            c.update = triggers.iter().any(|&(k, class, _)| {
                class == c.class
                    && continuation_at
                        .iter()
                        .any(|&cue| (cue > k && cue <= k + CUE_AFTER) || (cue < k && k - cue <= 2))
            });
        }
        c.when = t.map(|(_, s)| s);
        c.verbal |= firm;
        c.onset = onset;
    }
    // "won the 14th game on Saturday": the verb's object (or setting: "signed at a ceremony on
    // Tuesday") is dated, and so is the verb; its place is the verb's too (below). Pairs of
    // (noun's claim, verb's claim).
    let noun_verb: Vec<(usize, usize)> = (0..triggers.len())
        .filter_map(|ti| {
            verb_of_noun(rules, st, &triggers, ti, true).map(|v| (trig_claim[ti], trig_claim[v]))
        })
        .filter(|(cn, cv)| cn != cv)
        .collect();
    for &(cn, cv) in &noun_verb {
        if claims[cv].when.is_none() {
            claims[cv].when = claims[cn].when.clone();
        }
    }
    // Claims of one sentence share its time ("killing six people" in a sentence dated 2008):
    // the time nearest to the claim's trigger.
    let first_trigger: Vec<usize> = by_class
        .iter()
        .map(|(_, idxs)| toks[triggers[idxs[0]].0].start)
        .collect();
    let dated: Vec<(usize, WhenSlot)> = claims
        .iter()
        .filter(|c| !rules.predicates[c.class].repeat)
        .filter_map(|c| c.when.clone().filter(|w| !w.inherited))
        .map(|w| (w.span.start, w))
        .collect();
    // "landed on Wednesday, a day after they were handed over": between the time and the
    // claim, a count of days before "after" or "before" puts the claim on another day.
    let other_day_between = |a: usize, b: usize| {
        let (lo, hi) = (a.min(b), a.max(b));
        toks.iter().enumerate().any(|(k, t)| {
            t.start > lo
                && t.start < hi
                && matches!(&st.lower[k][..], "after" | "before" | "earlier" | "later")
                && prev_word_idx(toks, k).is_some_and(|p| {
                    matches!(
                        &st.lower[p][..],
                        "day" | "days" | "week" | "weeks" | "month" | "months"
                    )
                })
        })
    };
    for (ci, c) in claims.iter_mut().enumerate() {
        if c.when.is_some() {
            continue;
        }
        if let Some((_, w)) = dated
            .iter()
            .min_by_key(|(pos, _)| pos.abs_diff(first_trigger[ci]))
            .filter(|(pos, _)| !other_day_between(*pos, first_trigger[ci]))
        {
            let mut w = w.clone();
            w.inherited = true;
            c.when = Some(w);
        }
    }

    // Places as locations. A place in a list of places neither of which contains the other
    // ("hospitals in Brno, Zlín and Kroměříž") is not where one event happened.
    let g = &rules.gazetteer;
    let listed = |p: &SentPlace| {
        st.places.iter().any(|q| {
            let (a, b) = if q.tok > p.tok { (p, q) } else { (q, p) };
            q.tok != p.tok
                && !q.demonym
                && !g.within(a.place, b.place)
                && !g.within(b.place, a.place)
                && (tok_at(toks, a.end.saturating_sub(1)) + 1..b.tok)
                    .all(|k| matches!(st.lower[k].as_str(), "," | "and" | "or"))
                && b.tok > tok_at(toks, a.end.saturating_sub(1)) + 1
        })
    };
    let mut place_dist = vec![usize::MAX; claims.len()];
    for p in st
        .places
        .iter()
        .filter(|p| p.role == PlaceRole::Location && !p.demonym && !listed(p))
    {
        // "..., the minister said in Santiago": the place of the saying.
        let Some(ti) = reported_at(p.tok)
            .or_else(|| nearest(p.tok))
            .filter(|&ti| outside_aside(p.tok, ti))
        else {
            continue;
        };
        let ci = trig_claim[ti];
        let dist = p.tok.abs_diff(triggers[ti].0);
        let slot = WhereSlot {
            text: text[p.start..p.end].to_string(),
            span: Span {
                article,
                start: p.start,
                end: p.end,
            },
            place: p.place,
            candidates: p.candidates.clone(),
        };
        let c = &mut claims[ci];
        match &c.place {
            None => {
                c.place = Some(slot);
                place_dist[ci] = dist;
            }
            Some(old) => {
                // Keep the most specific of compatible places ("Porto, Portugal" -> Porto),
                // else the one nearest the trigger.
                let refines = g.within(p.place, old.place) && p.place != old.place;
                let coarser = g.within(old.place, p.place);
                if refines || (!coarser && dist < place_dist[ci]) {
                    c.place = Some(slot);
                    place_dist[ci] = dist;
                }
            }
        }
    }

    // "signed at a ceremony in Samarkand", "won the final in Valencia": the place of the
    // verb's object or setting is the verb's.
    for &(cn, cv) in &noun_verb {
        if claims[cv].place.is_none() {
            claims[cv].place = claims[cn].place.clone();
        }
    }
    // Quantities, each with the participant standing next to it, if any.
    // Actors.
    let mut actors: Vec<(usize, Actor)> = Vec::new();
    for p in &st.persons {
        if !st.in_quote[p.tok] {
            actors.push((p.tok, Actor::Person(p.person)));
        }
    }
    for p in &st.places {
        if p.role != PlaceRole::Actor {
            continue;
        }
        let g = &rules.gazetteer;
        let place = &g.places[p.place];
        let country = match place.kind {
            PlaceKind::Country => Some(p.place),
            PlaceKind::City => {
                let c = g.country_of(p.place);
                (g.places[c].capital == Some(p.place)).then_some(c)
            }
            PlaceKind::Region => None,
        };
        if let Some(c) = country {
            actors.push((p.tok, Actor::Country(c)));
        }
    }
    for (name, tok) in &st.orgs {
        if !st.in_quote[*tok] {
            actors.push((*tok, Actor::Org(name.clone())));
        }
    }
    // A body ("Ligura's board", "the cabinet", "the jury") is a participant of its own: its
    // meeting is not the meeting of the people it belongs to.
    for (k, w) in st.lower.iter().enumerate() {
        if !toks[k].word || st.in_quote[k] || !rules.bodies.contains(w) {
            continue;
        }
        let owner = prev_word_idx(toks, k)
            .map(|p| strip_possessive(&text[toks[p].start..toks[p].end]))
            .filter(|o| {
                // "The board" at a sentence's start has no owner.
                is_capitalized(o)
                    && toks[k].start != sentence_start
                    && !rules.determiners.contains(&o.to_lowercase())
            });
        let name = match owner {
            Some(o) => format!("{} {w}", o.to_lowercase()),
            None => w.clone(),
        };
        actors.push((k, Actor::Org(name)));
    }
    let holder_of = |tok: usize| -> Option<Actor> {
        actors
            .iter()
            .filter(|(t, _)| {
                // Before the figure ("Zielińska took 53.8%", "Wróbel's 46.2%"), or after it
                // with "for" ("46.2% for Wróbel"); a name after it otherwise starts a new clause.
                let after_for =
                    *t > tok && t - tok <= 3 && (tok + 1..*t).any(|k| st.lower[k] == "for");
                // "Witberg Gold said 43 miners were trapped": the source of the figure, not
                // whose it is.
                let source =
                    *t < tok && (*t + 1..tok).any(|k| rules.reporting_verbs.contains(&st.lower[k]));
                !crosses(*t, tok) && (*t < tok && tok - t <= 4 && !source || after_for)
            })
            .min_by_key(|(t, _)| if *t < tok { tok - t } else { (t - tok) + 1 })
            .map(|(_, a)| a.clone())
    };
    // What a figure measures: a measure word just before it ("a depth of about 12 km"), or a
    // compass direction after it ("90 km north of") for a distance.
    let measure_of = |first: usize, last: usize| -> Option<String> {
        let before = (first.saturating_sub(4)..first)
            .rev()
            .take_while(|&k| !crosses(k, first))
            .find(|&k| rules.measure_words.contains(&st.lower[k]));
        if let Some(k) = before {
            return Some(st.lower[k].clone());
        }
        let next = (last + 1..toks.len()).find(|&k| toks[k].word)?;
        let w = st.lower[next].as_str();
        let compass = [
            "north",
            "south",
            "east",
            "west",
            "northeast",
            "northwest",
            "southeast",
            "southwest",
            "north-east",
            "north-west",
            "south-east",
            "south-west",
        ];
        compass.contains(&w).then(|| "distance".to_string())
    };
    let qs = st.quantities(text, rules).to_vec();
    // Vote tallies ("by 79 votes to 62", "voting 79 to 62", "a 5-2 vote", "five votes to two"):
    // the figures for and against, each compared with the same side of another report's tally.
    let tallies = vote_tallies(text, rules, st);
    let in_tally = |a: usize, b: usize| tallies.iter().any(|t| a < t.end && t.start < b);
    for t in &tallies {
        let tok = tok_at(toks, t.start);
        if st.in_quote[tok] {
            continue;
        }
        // The nearest trigger of an event between parties (a vote, a match), in the clause.
        let Some(ti) = triggers
            .iter()
            .enumerate()
            .filter(|(_, &(k, c, _))| rules.predicates[c].parties && !crosses(tok, k))
            .min_by_key(|(_, &(k, _, _))| k.abs_diff(tok))
            .map(|(i, _)| i)
        else {
            continue;
        };
        for (value, measure) in [(t.yes, "votes for"), (t.no, "votes against")] {
            claims[trig_claim[ti]].quantities.push(QuantitySlot {
                text: text[t.start..t.end].to_string(),
                q: quantity::QuantityMention {
                    start: t.start,
                    end: t.end,
                    value,
                    qualifier: quantity::Qualifier::Exact,
                    unit: Some(measure.into()),
                    noun: Some("votes".into()),
                    modifier: false,
                    range: None,
                    strict: true,
                    converted: false,
                },
                update: false,
                remaining: false,
                holder: None,
                measure: Some(measure.into()),
            });
        }
    }
    // Where each quantity starts in the sentence, to tell a part from its whole.
    let q_starts: Vec<usize> = qs.iter().map(|q| q.start).collect();
    for mut q in qs {
        // "28 of the 34 workers": the first figure counts a part of the second, another count
        // (those brought out alive) than the event's.
        let partitive = {
            let rest = text[st.s.start + q.end..st.s.end].trim_start();
            rest.strip_prefix("of ")
                .map(|r| {
                    let r = r.trim_start();
                    r.strip_prefix("the ").unwrap_or(r).trim_start()
                })
                .is_some_and(|r| q_starts.contains(&(st.s.end - st.s.start - r.len())))
        };
        if partitive {
            continue;
        }
        q.start += st.s.start;
        q.end += st.s.start;
        if in_tally(q.start, q.end) {
            continue;
        }
        let tok = tok_at(toks, q.start);
        // "the 171 km stage": a measure between a determiner and a noun describes the noun,
        // as a compound modifier does ("a 30-day ceasefire").
        let next_word = toks
            .iter()
            .position(|t| t.start >= q.end)
            .filter(|&n| toks[n].word && toks[n].start == q.end + 1);
        // "a 7-second margin", "his seven-second victory": the figure is the margin.
        let margin_noun = next_word.is_some_and(|n| rules.margin_nouns.contains(&st.lower[n]));
        let attributive = !margin_noun
            && q.unit.as_deref().is_some_and(|u| u != "people")
            && prev_word_idx(toks, tok)
                .is_some_and(|p| p + 1 == tok && st.cls[p] & wc::DETERMINER != 0)
            && next_word.is_some_and(|n| {
                let w = &st.lower[n];
                st.cls[n] & (wc::TRIGGER | wc::FINITE | wc::REPORTING | wc::CLAUSE) == 0
                    && w.bytes().all(|b| b.is_ascii_lowercase())
                    && !w.ends_with("ed")
                    && !w.ends_with("ing")
                    && !rules.is_prep(w)
                    && !rules.relatives.contains(w)
                    && !matches!(w.as_str(), "of" | "on" | "per")
                    && !is_capitalized(&text[toks[n].start..toks[n].end])
            });
        if st.in_quote[tok]
            || q.modifier
            || attributive
            || st.times.iter().any(|t| t.start < q.end && q.start < t.end)
        {
            continue;
        }
        let Some(mut ti) = nearest_with(tok, 0) else {
            continue;
        };
        let before = &sent_lower[..q.start - st.s.start];
        // "won the race on Saturday by 0.41 seconds": a margin ("by ...") is the verb's, not
        // that of the noun trigger that is its object.
        let by = prev_word_idx(toks, tok).is_some_and(|p| st.lower[p] == "by");
        if by {
            if let Some(v) = verb_of_object(rules, st, &triggers, ti) {
                ti = v;
            }
        }
        // "finishing 1.6 seconds ahead of Great Britain": a margin before `margin-after` words.
        let ahead = next_word.is_some_and(|n| rules.margin_after.contains(&st.lower[n]));
        // A margin is the winner's: the nearest verb of an event between parties in the clause
        // ("won Sunday's regatta final by 0.38 seconds").
        if by || ahead || margin_noun {
            let verb = triggers
                .iter()
                .enumerate()
                .filter(|(_, &(k, c, t))| {
                    t != WordTense::Noun && rules.predicates[c].parties && !crosses(tok, k)
                })
                .min_by_key(|(_, &(k, _, _))| k.abs_diff(tok))
                .map(|(i, _)| i);
            if let Some(v) = verb {
                ti = v;
            }
        }
        let ci = trig_claim[ti];
        let margin = (margin_noun || by || ahead) && rules.predicates[claims[ci].class].parties;
        if is_time_unit(q.unit.as_deref()) {
            // "in (over) three years": elapsed time, not a count.
            let prev: Vec<&str> = before
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect();
            let n = prev.len();
            let lead = [prev.get(n.wrapping_sub(1)), prev.get(n.wrapping_sub(2))];
            let qualified = q.qualifier != quantity::Qualifier::Exact;
            let elapsed = lead[0].is_some_and(|w| rules.elapsed.contains(*w))
                || (qualified && lead[1].is_some_and(|w| rules.elapsed.contains(*w)));
            if elapsed {
                continue;
            }
        }
        // "has now infected 19 people, up from 14": the earlier level of a changing count (a
        // count of people or things; a sum or a rate "up from" last year's is a comparison). It
        // is kept as a step of the change: never compared, and the same figure in another
        // report is that earlier level, not a contradiction.
        let count = q
            .unit
            .as_deref()
            .is_none_or(|u| u != "percent" && !rules.numbers.is_currency_code(u));
        let earlier_level = count && ends_with_phrase(before, &rules.changed_from);
        // "down 58% from NT$7.4 billion": an earlier value for comparison, not a claim.
        let baseline = ends_with_phrase(before, &rules.baseline_cues);
        if baseline && !earlier_level {
            continue;
        }
        // "20 miners still trapped", "12 people remain missing": what is left of a count
        // still changing, a snapshot like "rose to 12".
        // "value it alone at €18 million", "worth €5 million each": one item's share, not the
        // event's figure.
        let after = &sent_lower[q.end - st.s.start..];
        if is_share(rules, before, after) {
            continue;
        }
        let remaining = {
            let mut after = words_of(after);
            match after.next() {
                Some("are" | "were" | "is" | "was") => after
                    .next()
                    .is_some_and(|w| rules.remaining_words.contains(w)),
                Some(w) => rules.remaining_words.contains(w),
                None => false,
            }
        };
        // "wiped €900 million off", "three more deaths", "a further 3.1%": a step of a
        // change, not the level.
        let step = words_of(after)
            .next()
            .is_some_and(|w| rules.step_after.contains(w))
            || ends_with_phrase(before, &rules.step_before);
        let cue_before = ends_with_phrase(before, &rules.update_cues)
            || ends_with_phrase(before, &rules.figure_update_cues);
        let upd = interim || remaining || step || earlier_level || cue_before;
        // A figure without a known unit counts in its predicate's unit ("a crowd of 58,000").
        let known = q.unit.as_ref().is_some_and(|u| {
            rules
                .quantities
                .as_ref()
                .is_some_and(|f| f.is_unit_class(u))
        });
        // "Van Roosbroeck, 23, the best-placed Belgian": a bare whole number up to 120 between
        // commas after a name is an age, never the class's count ("the crowd at Wembley,
        // 87,000," is one).
        let age = q.unit.is_none()
            && q.value <= 120.0
            && text[q.start..q.end].bytes().all(|b| b.is_ascii_digit())
            && text[q.end..].starts_with(',')
            && text[..q.start].strip_suffix(", ").is_some_and(|b| {
                b.split_whitespace()
                    .next_back()
                    .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
            });
        if !known && !age {
            if let Some(u) = &rules.predicates[claims[ci].class].unit {
                q.unit = Some(u.clone());
            }
        }
        let holder = holder_of(tok);
        let measure = if margin {
            Some("margin".to_string())
        } else {
            measure_of(tok, tok_at(toks, q.end.saturating_sub(1)))
        };
        claims[ci].quantities.push(QuantitySlot {
            text: text[q.start..q.end].to_string(),
            q,
            update: upd,
            remaining: remaining && !(interim || step || earlier_level || cue_before),
            holder,
            measure,
        });
    }

    // Sources are not participants: the agent of an attribution ("the GNR said") and whoever
    // follows "according to" are left out of the event's actors.
    // (actor token, position of the verb it is the source for; usize::MAX: always a source)
    let mut sources: Vec<(usize, usize)> = Vec::new();
    let reporting: Vec<usize> = (0..toks.len())
        .filter(|&k| {
            toks[k].word && !st.in_quote[k] && rules.reporting_verbs.contains(&st.lower[k])
        })
        .collect();
    let says = triggers
        .iter()
        .filter(|&&(_, class, _)| rules.predicates[class].name == "say")
        .map(|&(k, _, _)| k);
    for k in says.chain(reporting.iter().copied()) {
        if let Some((tok, _)) = actors
            .iter()
            .filter(|(t, _)| t.abs_diff(k) <= 4)
            .min_by_key(|(t, _)| t.abs_diff(k))
        {
            sources.push((*tok, k));
        }
    }
    for (k, w) in st.lower.iter().enumerate() {
        if (w == "according" || w == "citing") && !st.in_quote[k] {
            let limit = k + 6;
            for (tok, _) in &actors {
                if *tok > k && *tok <= limit {
                    sources.push((*tok, usize::MAX));
                }
            }
        }
    }
    for (ci, (class, idxs)) in by_class.iter().enumerate() {
        let c = &mut claims[ci];
        if rules.predicates[*class].repeat || rules.predicates[*class].agent {
            // The agent only: the actor nearest to a trigger, preferring the one before it; a
            // companion ("alongside chief executive Emre Şahin") is not the agent. Failing a
            // near one, the sentence's subject when the sentence opens with it ("Robert
            // Whitfield, the firm's founder and managing partner, presented the deal at a news
            // conference").
            let companion = |tok: usize| {
                let k = idxs.iter().map(|&ti| triggers[ti].0).min().unwrap_or(0);
                // After the trigger, everyone past a companion word: "alongside X and Y".
                (k < tok && (k..tok).any(|j| rules.companion_words.contains(&st.lower[j])))
                    || (tok.saturating_sub(4)..tok).any(|j| {
                        rules.companion_words.contains(&st.lower[j])
                            && (j + 1..tok).all(|m| {
                                !toks[m].word
                                    || st.lower[m] == "by"
                                    || matches!(st.tags[m], Tag::Title(_))
                            })
                    })
            };
            let mut best: Option<(usize, &Actor)> = None;
            let first_trigger = idxs.iter().map(|&ti| triggers[ti].0).min().unwrap_or(0);
            for &ti in idxs {
                let k = triggers[ti].0;
                for (tok, a) in &actors {
                    let d = if *tok <= k { k - tok } else { (tok - k) + 1 };
                    if d <= 12
                        && best.is_none_or(|(bd, _)| d < bd)
                        && !matches!(a, Actor::Country(_))
                        && !companion(*tok)
                    {
                        best = Some((d, a));
                    }
                }
            }
            if best.is_none() {
                let opening = toks.iter().position(|t| t.word).unwrap_or(0);
                best = actors
                    .iter()
                    .filter(|(tok, a)| {
                        *tok < first_trigger
                            && (opening..*tok)
                                .all(|m| !toks[m].word || matches!(st.tags[m], Tag::Title(_)))
                            && matches!(a, Actor::Person(_))
                    })
                    .map(|(tok, a)| (*tok, a))
                    .next();
            }
            if let Some((_, a)) = best {
                c.actors.push(a.clone());
            }
        } else {
            // Participants come from the trigger's own clause: a comma before a participle
            // ("..., defying an injunction issued by the court"), a semicolon or a dash starts
            // another.
            let scopes: Vec<(usize, usize)> = idxs
                .iter()
                .map(|&ti| clause_scope(text, st, triggers[ti].0))
                .collect();
            // Participants of another act of the class, in a clause of time, are not this
            // claim's.
            let other: Vec<(usize, usize)> = idxs
                .iter()
                .filter(|&&ti| other_act[ti])
                .filter_map(|&ti| time_clause[ti])
                .collect();
            let in_scope = |t: usize| {
                scopes.iter().any(|&(a, b)| t >= a && t < b)
                    && !other.iter().any(|&(a, b)| t >= a && t < b)
            };
            let mut v: Vec<Actor> = actors
                .iter()
                .filter(|(t, _)| {
                    // An attribution after the event ("14 people died, police said") names a
                    // source; a speaker before it ("Silverpine said it would cut 1,800 jobs",
                    // "Kovacevic announced his resignation") is also its subject.
                    let first = idxs.iter().map(|&ti| triggers[ti].0).min().unwrap_or(0);
                    let source = sources
                        .iter()
                        .any(|&(s, verb)| s == *t && (verb == usize::MAX || verb > first));
                    !source && in_scope(*t)
                })
                .map(|(_, a)| a.clone())
                .collect();
            v.sort();
            v.dedup();
            // The agent of the first verb: before an active verb, after "by" a passive one.
            let verb = idxs
                .iter()
                .map(|&ti| triggers[ti])
                .find(|t| t.2 != WordTense::Noun)
                .map(|t| t.0);
            c.agent = verb.and_then(|k| {
                let prev: Vec<&str> = (k.saturating_sub(3)..k)
                    .filter(|&j| toks[j].word)
                    .map(|j| st.lower[j].as_str())
                    .collect();
                let passive = prev.iter().rev().take(2).any(|w| {
                    matches!(
                        *w,
                        "was" | "were" | "been" | "is" | "are" | "be" | "being" | "got"
                    )
                });
                let found = if passive {
                    actors
                        .iter()
                        .filter(|(t, _)| {
                            *t > k
                                && *t - k <= 6
                                && in_scope(*t)
                                && (k..*t).any(|j| st.lower[j] == "by")
                        })
                        .min_by_key(|(t, _)| *t)
                } else {
                    let near = actors
                        .iter()
                        .filter(|(t, _)| *t < k && k - *t <= 8 && in_scope(*t))
                        .max_by_key(|(t, _)| *t);
                    // "Aino Heikkilä of Finland won": the person, not her country.
                    match near {
                        Some((t, Actor::Country(_))) if *t >= 2 && st.lower[t - 1] == "of" => {
                            actors
                                .iter()
                                .filter(|(p, a)| {
                                    matches!(a, Actor::Person(_)) && *p < t - 1 && t - 1 - *p <= 4
                                })
                                .max_by_key(|(p, _)| *p)
                                .or(near)
                        }
                        _ => near,
                    }
                };
                found.map(|(_, a)| a.clone()).filter(|a| v.contains(a))
            });
            c.actors = v;
        }
    }
    // "The toll rose to seven after two passengers died overnight": beside a figure marked as
    // a change, the claim's other figures of the same unit are steps of that change.
    for c in &mut claims {
        let changed: Vec<(Option<String>, bool)> = c
            .quantities
            .iter()
            .filter(|q| q.update)
            .map(|q| (q.q.unit.clone(), q.remaining))
            .collect();
        for q in &mut c.quantities {
            if !q.update {
                // A step beside what is left of a count is itself of that count's remains.
                let by: Vec<bool> = changed
                    .iter()
                    .filter(|(u, _)| *u == q.q.unit)
                    .map(|&(_, r)| r)
                    .collect();
                if !by.is_empty() {
                    q.update = true;
                    q.remaining = by.iter().all(|&r| r);
                }
            }
        }
        if c.when
            .as_ref()
            .is_some_and(|w| !w.inherited && cues_at.iter().any(|&at| w.span.start > at))
        {
            c.update = true;
        }
    }
    claims
}

/// The verb trigger (an index of `triggers`) whose direct object is the noun trigger `ti`
/// ("won the race", "signed a new deal"): only a determiner or modifiers between them.
fn verb_of_object(
    rules: &Rules,
    st: &Sent,
    triggers: &[(usize, usize, WordTense)],
    ti: usize,
) -> Option<usize> {
    verb_of_noun(rules, st, triggers, ti, false)
}

/// [`verb_of_object`], or (with `setting`) the verb whose setting the noun trigger names
/// ("signed at a ceremony in Samarkand", "agreed during talks on Monday").
fn verb_of_noun(
    rules: &Rules,
    st: &Sent,
    triggers: &[(usize, usize, WordTense)],
    ti: usize,
    setting: bool,
) -> Option<usize> {
    let (k, _, tense) = triggers[ti];
    if tense != WordTense::Noun {
        return None;
    }
    let toks = &st.s.tokens;
    let (vi, &(mut v, _, _)) = triggers
        .iter()
        .enumerate()
        .filter(|(_, &(j, _, t))| j < k && k - j <= 5 && t != WordTense::Noun)
        .max_by_key(|(_, &(j, _, _))| j)?;
    // "said the attack in Lyon ... was": a reported clause's subject, not an object; a setting
    // is still the saying's ("Speaking at a news conference in Lisbon").
    let says = st.cls[v] & wc::REPORTING != 0 || rules.predicates[triggers[vi].1].repeat;
    if setting && toks[v + 1].word && matches!(st.lower[v + 1].as_str(), "at" | "during") {
        v += 1;
    } else if says {
        return None;
    }
    if k - v > 4 {
        return None;
    }
    // A word of an event that is no verb here modifies the object ("won the final game").
    let verb = |m: usize| {
        triggers
            .iter()
            .any(|&(j, _, t)| j == m && t != WordTense::Noun)
    };
    (v + 1..k)
        .all(|m| {
            toks[m].word
                && st.cls[m] & (wc::FINITE | wc::REPORTING | wc::CLAUSE) == 0
                && !verb(m)
                && !rules.is_prep(&st.lower[m])
        })
        .then_some(vi)
}

/// A verb of impact after an accident's or disaster's noun, its subject ("the landslide that
/// struck the village before dawn on Sunday", "A landslide set off by days of rain buried the
/// village on Monday"), tells of that event: it becomes a trigger of the noun's class, so that
/// the time and place it carries are the event's own ("struck" is no earthquake there).
/// The subject is the nearest trigger before the verb: a noun of an impersonal class that
/// names the event, not a count of its victims ("the toll hit 50": `count-noun`), not governed
/// by a preposition or clause word ("After the landslide, the government started ..."), at
/// most [`IMPACT_REACH`] tokens back, with no new subject (a comma and a determiner, a
/// pronoun) and no strong boundary (";", a dash, a colon, brackets) between.
fn impact_verbs(rules: &Rules, st: &Sent, triggers: &mut Vec<(usize, usize, WordTense)>) {
    let toks = &st.s.tokens;
    if !triggers
        .iter()
        .any(|&(_, c, t)| t == WordTense::Noun && rules.predicates[c].impersonal)
    {
        return;
    }
    for k in 0..toks.len() {
        if !toks[k].word || st.in_quote[k] || st.cls[k] & wc::IMPACT == 0 {
            continue;
        }
        let Some(&(n, class, _)) = triggers.iter().rev().find(|&&(t, _, _)| t < k) else {
            continue;
        };
        // The noun is no subject after a preposition or a clause word ("After the landslide,
        // the government started ..."), nor across a comma and a new subject. After a clause
        // word with no comma before the verb, it is the clause's subject ("after an avalanche
        // on Saturday swept away a group of 12 skiers").
        let comma = (n + 1..k).any(|i| !toks[i].word && &st.lower[i] == ",");
        let governed = {
            let mut p = n;
            while p > 0 && st.cls[p - 1] & wc::DETERMINER != 0 {
                p -= 1;
            }
            p > 0
                && toks[p - 1].word
                && (rules.is_prep(&st.lower[p - 1])
                    || st.cls[p - 1] & wc::CLAUSE != 0 && comma
                    || matches!(st.lower[p - 1].as_str(), "of" | "with" | "by"))
        };
        let new_subject = (n + 1..k).any(|i| {
            !toks[i].word
                && &st.lower[i] == ","
                && st.cls.get(i + 1).is_some_and(|c| c & wc::DETERMINER != 0)
                || rules.pronouns.contains(&st.lower[i])
        });
        // ... unless a relative clause is its own ("died in the landslide that struck ...").
        let relative =
            toks.get(n + 1).is_some_and(|t| t.word) && rules.relatives.contains(&st.lower[n + 1]);
        let subject = rules.predicates[class].impersonal
            && (!governed || relative)
            && !new_subject
            && !rules.count_nouns.contains(&st.lower[n])
            && triggers
                .iter()
                .any(|&(t, c, w)| t == n && c == class && w == WordTense::Noun)
            && k - n <= IMPACT_REACH
            && !(n + 1..k).any(|i| {
                !toks[i].word && matches!(st.lower[i].as_str(), ";" | "—" | "–" | ":" | "(" | ")")
            });
        if !subject {
            continue;
        }
        let tense = if st.lower[k].ends_with('s') {
            WordTense::Present
        } else {
            WordTense::Past
        };
        match triggers.iter_mut().find(|(t, _, _)| *t == k) {
            Some(t) => *t = (k, class, tense),
            None => {
                let at = triggers.partition_point(|&(t, _, _)| t < k);
                triggers.insert(at, (k, class, tense));
            }
        }
    }
}

/// How far after a trigger (in tokens) a continuation cue is still the trigger's own ("Monday's
/// talks in Geneva resumed").
const CUE_AFTER: usize = 8;

/// How far back (in tokens) a verb of impact looks for the event noun it tells of.
const IMPACT_REACH: usize = 10;

pub(crate) fn is_time_unit(unit: Option<&str>) -> bool {
    matches!(
        unit,
        Some("years" | "months" | "weeks" | "days" | "hours" | "minutes")
    )
}

/// The token range of the clause around token `k`, for participants: bounded by the sentence,
/// semicolons, dashes and a comma followed by a participle.
fn clause_scope(text: &str, st: &Sent, k: usize) -> (usize, usize) {
    let toks = &st.s.tokens;
    let is_boundary = |i: usize| -> bool {
        let t = toks[i];
        if t.word {
            return false;
        }
        match &text[t.start..t.end] {
            ";" | "—" | "–" => true,
            "," => toks.get(i + 1).is_some_and(|n| {
                let w = &st.lower[i + 1];
                n.word
                    && w.len() > 4
                    && (w.ends_with("ing") || w.ends_with("ed"))
                    && !st.in_quote[i + 1]
            }),
            _ => false,
        }
    };
    let start = (0..k).rev().find(|&i| is_boundary(i)).map_or(0, |i| i + 1);
    let end = (k + 1..toks.len())
        .find(|&i| is_boundary(i))
        .unwrap_or(toks.len());
    (start, end)
}

/// Whether the clause starting at token `a` (after a comma) is one of time: "after" or
/// "before" within its first four words, after lowercase words only ("a day after", "hours
/// before", "shortly after").
fn time_relation_clause(st: &Sent, toks: &[Token], a: usize) -> bool {
    let Some(prev) = a.checked_sub(1) else {
        return false;
    };
    if toks[prev].word || st.lower[prev] != "," {
        return false;
    }
    for (j, t) in toks.iter().enumerate().take(a + 4).skip(a) {
        if !t.word {
            return false;
        }
        if matches!(st.lower[j].as_str(), "after" | "before") {
            return true;
        }
        if st.cls[j] & (wc::FINITE | wc::REPORTING | wc::TRIGGER) != 0 {
            return false;
        }
    }
    false
}

fn modality(rules: &Rules, st: &Sent, trigger_tok: usize) -> Modality {
    let toks = &st.s.tokens;
    let from = trigger_tok.saturating_sub(5);
    let window: Vec<&str> = (from..trigger_tok)
        .filter(|&k| toks[k].word && !st.in_quote[k])
        .map(|k| st.lower[k].as_str())
        .collect();
    let joined = window.join(" ");
    let mut found = Modality::Asserted;
    let Some((ac, modalities)) = &rules.cue_matcher else {
        return found;
    };
    for hit in ac.find_overlapping_iter(&joined) {
        let m = &modalities[hit.pattern().as_usize()];
        if crate::text::is_word_bounded(&joined, hit.start(), hit.end()) {
            let rank = |m: Modality| match m {
                Modality::Negated => 4,
                Modality::Hypothetical => 3,
                Modality::Expected => 2,
                Modality::Reported => 1,
                Modality::Asserted => 0,
            };
            if rank(*m) > rank(found) {
                found = *m;
            }
        }
    }
    found
}

/// Whether the event a noun names is called off in its sentence: a cancelling verb governs it,
/// after a form of "be" that follows the noun's phrase ("the launch of the satellite was called
/// off on Tuesday") or right before the phrase ("scrubbed Tuesday's launch").
fn called_off(rules: &Rules, st: &Sent, tok: usize) -> bool {
    let toks = &st.s.tokens;
    let at = |k: usize, phrase: &[String]| {
        phrase.iter().enumerate().all(|(j, w)| {
            toks.get(k + j)
                .is_some_and(|t| t.word && !st.in_quote[k + j] && st.lower[k + j] == *w)
        })
    };
    let cancel_at = |k: usize| rules.cancel_verbs.iter().any(|p| at(k, p));
    // After: "<noun> [of ..., ...,] was|were|had been|has been <cancel>": the first verb after
    // the noun, within its clause.
    for k in tok + 1..toks.len().min(tok + 17) {
        let w = st.lower[k].as_str();
        if !toks[k].word {
            if w == "," {
                continue;
            }
            break;
        }
        if matches!(w, "was" | "were" | "is" | "are" | "been") {
            return toks.get(k + 1).is_some_and(|t| t.word) && cancel_at(k + 1);
        }
        if rules.finite_verbs.contains(w) || rules.clause_words.contains(w) {
            break;
        }
    }
    // Before: "<cancel> [the|a|its|possessive ...] <noun>", at most three words between.
    (tok.saturating_sub(5)..tok).any(|start| {
        rules.cancel_verbs.iter().any(|p| {
            let end = start + p.len();
            end <= tok
                && tok - end <= 3
                && at(start, p)
                && (end..tok).all(|j| toks[j].word || matches!(st.lower[j].as_str(), "'s" | "’s"))
        })
    })
}

/// Whether the time at token `tok` bounds a lasting event rather than dating it: an end word
/// among the four words before it, within its clause ("will continue until midnight on
/// Wednesday", "ended as scheduled at midnight on Wednesday").
fn end_bound(rules: &Rules, st: &Sent, tok: usize) -> bool {
    let toks = &st.s.tokens;
    let mut seen = 0;
    let mut k = tok;
    while k > 0 && seen < 4 {
        k -= 1;
        if !toks[k].word {
            return false;
        }
        if rules.end_words.contains(&st.lower[k]) {
            return true;
        }
        seen += 1;
    }
    false
}

/// The last resolved time: its start, granularity and sentence.
type Context = (jiff::civil::Date, time::Granularity, usize);

/// The date "the day before" or "the following year" counts from: the last time stated in this
/// sentence or the one before, if it is fine enough for the expression ("the day before" needs a
/// day, "the following year" only a year).
fn context_for(
    expr: &time::TimeExpr,
    context: Option<Context>,
    sentence: usize,
) -> Option<jiff::civil::Date> {
    use time::{Granularity as G, TimeExpr, Unit};
    let (date, granularity, at) = context?;
    if at + 1 < sentence {
        return None;
    }
    let need = match expr {
        TimeExpr::Shift {
            unit: Unit::Year, ..
        } => G::Year,
        TimeExpr::Shift {
            unit: Unit::Month, ..
        } => G::Month,
        TimeExpr::DayOfMonth { .. } => G::Month,
        _ => G::Day,
    };
    (granularity >= need).then_some(date)
}

/// Whether a verb trigger is a passive in progress ("was being held", "are being treated"): its
/// time is a moment of a state, not the day of an event.
fn in_progress(st: &Sent, toks: &[Token], k: usize, tense: WordTense) -> bool {
    tense != WordTense::Noun
        && prev_word_idx(toks, k).is_some_and(|p| {
            st.lower[p] == "being" && prev_word_idx(toks, p).is_some_and(|b| is_be(&st.lower[b]))
        })
}

/// Whether a lowercase word is a form of "be".
fn is_be(w: &str) -> bool {
    matches!(
        w,
        "be" | "been" | "being" | "is" | "are" | "was" | "were" | "am"
    )
}

/// Whether `before` ends with one of `phrases` (lowercase) as whole words, ignoring trailing space.
pub(crate) fn ends_with_phrase(before: &str, phrases: &[String]) -> bool {
    let before = before.trim_end();
    phrases.iter().any(|c| {
        before.ends_with(c.as_str())
            && crate::text::is_word_bounded(before, before.len() - c.len(), before.len())
    })
}

/// Bytes before a time within which a superseded cue ("moved from", "originally set for")
/// marks it as the old date.
const SUPERSEDED_WINDOW: usize = 32;

/// Whether the time at byte `pos` of the sentence is an old date: a superseded cue ends in the
/// few words before it, after the previous time (`lo`).
fn superseded_time(rules: &Rules, sent_lower: &str, lo: usize, pos: usize) -> bool {
    after_cue(&rules.superseded_cues, sent_lower, lo, pos)
}

/// Whether one of `cues` stands in the few words before byte `pos`, after byte `lo`.
fn after_cue(cues: &crate::rules::Phrases, sent_lower: &str, lo: usize, pos: usize) -> bool {
    let mut from = pos.saturating_sub(SUPERSEDED_WINDOW).max(lo);
    while from > 0 && !sent_lower.is_char_boundary(from) {
        from -= 1;
    }
    let window = &sent_lower[from..pos.min(sent_lower.len())];
    cues.occurs_in(window)
}

/// Bytes within which a tense marker governs a time expression.
const TENSE_WINDOW: usize = 48;

fn tense_near(
    rules: &Rules,
    sent_lower: &str,
    pos: usize,
    triggers: &[(usize, usize, WordTense)],
    toks: &[Token],
    st: &Sent,
) -> Tense {
    let best: std::cell::Cell<Option<(usize, Tense)>> = std::cell::Cell::new(None);
    // "who toured the centre on Sunday, said households would receive ...": a marker after a
    // reporting verb that follows the time is the reported clause's.
    let reporting_at = std::cell::OnceCell::new();
    let reporting_at = || {
        reporting_at.get_or_init(|| {
            (0..toks.len())
                .filter(|&k| toks[k].word && !st.in_quote[k] && st.cls[k] & wc::REPORTING != 0)
                .map(|k| toks[k].start - st.s.start)
                .collect::<Vec<usize>>()
        })
    };
    let consider_with = |at: usize, t: Tense, penalty: usize| {
        let d = at.abs_diff(pos);
        // A marker far from the time expression belongs to another clause.
        if d > TENSE_WINDOW {
            return;
        }
        let reported = at > pos && reporting_at().iter().any(|&r| r > pos && r < at);
        let d = d + penalty + if reported { TENSE_WINDOW / 2 } else { 0 };
        if best.get().is_none_or(|(bd, _)| d < bd) {
            best.set(Some((d, t)));
        }
    };
    let consider = |at: usize, t: Tense| consider_with(at, t, 0);
    let consider_far = |at: usize, t: Tense| consider_with(at, t, TENSE_WINDOW / 2);
    // Every future and past marker of the sentence, in one pass of the automaton.
    if let Some((ac, tenses)) = &rules.tense_markers {
        for m in ac.find_overlapping_iter(sent_lower) {
            let (s, e) = (m.start(), m.end());
            if crate::text::is_word_bounded(sent_lower, s, e)
                && !st.in_quote[tok_at(toks, s + st.s.start)]
            {
                consider(s, tenses[m.pattern().as_usize()]);
            }
        }
    }
    // A participle after "be"/"been"/"to" is passive or infinitive, and after "has"/"have" a
    // present perfect: not a past tense ("is due to be sentenced in June", "has invited both
    // sides to talks on Wednesday").
    let passive = |k: usize| {
        prev_word_idx(toks, k).is_some_and(|p| {
            matches!(
                st.lower[p].as_str(),
                "be" | "been" | "being" | "to" | "has" | "have" | "is" | "are"
            )
        })
    };
    for &(k, _, wt) in triggers {
        let at = toks[k].start - st.s.start;
        // Attribution ("..., unions said") rarely sets the tense of the event it reports.
        let reporting = rules.reporting_verbs.contains(&st.lower[k]);
        if wt == WordTense::Past && !passive(k) {
            if reporting {
                // "..., unions said" after the time is attribution: no say on the event's tense.
                if at < pos {
                    consider_far(at, Tense::Past);
                }
            } else {
                consider(at, Tense::Past);
            }
        } else if wt == WordTense::Present && !reporting && st.lower[k].ends_with('s') {
            // "The strike begins on Monday": a present-tense event is this week's or the next.
            consider(at, Tense::Present);
        }
    }
    // Regular past forms of verbs the lexicon does not know ("weighed", "breached"), and present
    // forms of aspect verbs, which are not events of their own ("begins", "opens", "ends").
    for (k, t) in toks.iter().enumerate() {
        let w = &st.lower[k];
        if !t.word || st.in_quote[k] {
            continue;
        }
        if w.len() > 4 && w.ends_with("ed") && w.chars().all(char::is_alphabetic) && !passive(k) {
            consider(t.start - st.s.start, Tense::Past);
        } else if w.ends_with('s') && rules.aspect_verbs.contains(w) {
            consider(t.start - st.s.start, Tense::Present);
        }
    }
    best.get().map_or(Tense::Unknown, |(_, t)| t)
}
