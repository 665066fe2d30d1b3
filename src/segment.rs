//! Segmentation: paragraphs, sentences and tokens, all as byte spans into the article text.
//!
//! Lossless in the sense that every sentence is a slice of the text and sentences of one
//! paragraph are ordered and disjoint. Abbreviations ("U.S.", "Lt. Gen.", "a.m.") come from the
//! rules; a sentence end inside a quotation followed by its attribution ("…okay?” Smith said")
//! does not split.

use nom::branch::alt;
use nom::bytes::complete::{tag, take_while1};
use nom::character::complete::char;
use nom::combinator::recognize;
use nom::multi::many0_count;
use nom::sequence::{pair, preceded};
use nom::{IResult, Parser};

use crate::rules::Rules;
use crate::text::is_invisible;

/// A token: a word (letters/digits with inner connectors) or a single punctuation character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte start in the article.
    pub start: usize,
    /// Byte end in the article.
    pub end: usize,
    /// Whether it is a word (else punctuation).
    pub word: bool,
}

/// A sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Byte start.
    pub start: usize,
    /// Byte end.
    pub end: usize,
    /// Paragraph index.
    pub paragraph: usize,
    /// Part of a heading line (headline, subhead, tag line): no claims are read from it.
    pub heading: bool,
    /// Its tokens.
    pub tokens: Vec<Token>,
}

/// A paragraph (one non-empty line).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paragraph {
    /// Byte start.
    pub start: usize,
    /// Byte end.
    pub end: usize,
    /// A heading (no sentence-ending punctuation, short).
    pub heading: bool,
}

/// A dateline: "LISBON, March 4 (Valley Wire) -".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline {
    /// Byte start.
    pub start: usize,
    /// Byte end (after the dash).
    pub end: usize,
    /// The place as written.
    pub place: String,
    /// The date as written, if any.
    pub date: Option<String>,
    /// The agency in parentheses, if any.
    pub agency: Option<String>,
}

/// The segmentation of one article.
#[derive(Debug, Clone, Default)]
pub struct Segmentation {
    /// Paragraphs.
    pub paragraphs: Vec<Paragraph>,
    /// Sentences in text order.
    pub sentences: Vec<Sentence>,
    /// The dateline, if the body starts with one.
    pub dateline: Option<Dateline>,
}

/// A word: alphanumerics joined by inner connectors (`U.S`, `Bilotskyy’s`, `face-to-face`),
/// digit groups joined by `,` `.` `:` (`12,000`, `1.5`, `10:30`). The connectors are `.` `'`
/// `’` `-` `&` and a zero-width character inside a word ("Co\u{200b}sta" is one word).
///
/// Returns the byte length of the word at the start of `s` (0: none). A scanner over bytes
/// with a char path for non-ASCII text; the nom grammar it implements is kept in the tests,
/// where a property test holds the two to the same answers.
fn word_len(s: &str) -> usize {
    let b = s.as_bytes();
    let mut i = alnum_run(s, 0);
    if i == 0 {
        return 0;
    }
    while i < b.len() {
        let (c, n) = if b[i] < 0x80 {
            (b[i] as char, 1)
        } else {
            let c = s[i..].chars().next().unwrap_or('\0');
            (c, c.len_utf8())
        };
        let m = match c {
            '.' | '\'' | '’' | '-' | '&' => alnum_run(s, i + n),
            ',' | ':' => b[i + n..].iter().take_while(|c| c.is_ascii_digit()).count(),
            c if is_invisible(c) => alnum_run(s, i + n),
            _ => 0,
        };
        if m == 0 {
            break;
        }
        i += n + m;
    }
    i
}

/// The byte length of the run of alphanumeric characters at `s[from..]`.
fn alnum_run(s: &str, from: usize) -> usize {
    let b = s.as_bytes();
    let mut i = from;
    while i < b.len() {
        if b[i] < 0x80 {
            if !b[i].is_ascii_alphanumeric() {
                break;
            }
            i += 1;
        } else {
            match s[i..].chars().next() {
                Some(c) if c.is_alphanumeric() => i += c.len_utf8(),
                _ => break,
            }
        }
    }
    i - from
}

/// Tokenize `text[start..end]`; offsets are absolute.
pub fn tokenize(text: &str, start: usize, end: usize) -> Vec<Token> {
    let mut out = Vec::with_capacity((end - start) / 5);
    let s = &text[..end];
    let b = s.as_bytes();
    let mut pos = start;
    while pos < end {
        let c0 = b[pos];
        if c0 < 0x80 {
            if c0.is_ascii_whitespace() || c0 == 0x0b {
                pos += 1;
                continue;
            }
        } else {
            let c = s[pos..].chars().next().unwrap_or('\0');
            if c.is_whitespace() || is_invisible(c) {
                pos += c.len_utf8();
                continue;
            }
        }
        // Digit groups with a comma must be followed by exactly three digits to be one number.
        let n = word_len(&s[pos..]);
        if n > 0 {
            let w = trim_bad_groups(&s[pos..pos + n]);
            out.push(Token {
                start: pos,
                end: pos + w.len(),
                word: true,
            });
            pos += w.len();
            continue;
        }
        let n = s[pos..].chars().next().map_or(1, char::len_utf8);
        out.push(Token {
            start: pos,
            end: pos + n,
            word: false,
        });
        pos += n;
    }
    out
}

/// `12,000` is one number but `Russia,Ukraine`-style joins never match (`,` only between digits);
/// `1,2` (not three digits) is cut at the comma.
fn trim_bad_groups(w: &str) -> &str {
    let b = w.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b',' {
            let digits = b[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
            if digits != 3 {
                return &w[..i];
            }
        }
        i += 1;
    }
    w
}

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '”' | '’' | '\'' | ')' | ']' | '»')
}

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

/// Split an article body (`text[body_start..]`) into paragraphs and sentences.
pub fn segment(text: &str, body_start: usize, rules: &Rules) -> Segmentation {
    let mut seg = Segmentation::default();
    let mut pos = body_start.min(text.len());
    while !text.is_char_boundary(pos) {
        pos += 1;
    }
    if text[pos..].starts_with('\u{feff}') {
        pos += '\u{feff}'.len_utf8();
    }
    for line in crate::text::lines(&text[pos..]) {
        let lstart = pos;
        pos += line.len();
        let trimmed_end = lstart + line.trim_end().len();
        let lead = line.len() - line.trim_start().len();
        let pstart = lstart + lead;
        if pstart >= trimmed_end {
            continue;
        }
        let heading = is_heading(&text[pstart..trimmed_end]);
        let pidx = seg.paragraphs.len();
        seg.paragraphs.push(Paragraph {
            start: pstart,
            end: trimmed_end,
            heading,
        });
        let tokens = tokenize(text, pstart, trimmed_end);
        split_sentences(text, &tokens, pidx, heading, rules, &mut seg.sentences);
    }
    seg.dateline = seg
        .paragraphs
        .iter()
        .find(|p| !p.heading)
        .and_then(|p| dateline(text, p.start, p.end));
    seg
}

fn is_heading(p: &str) -> bool {
    let last = p.chars().rev().find(|c| !c.is_whitespace());
    let ends_like_sentence = last.is_some_and(|c| is_terminal(c) || is_closing(c) || c == ':');
    !ends_like_sentence && p.split_whitespace().nth(20).is_none()
}

fn lower_word(text: &str, t: &Token) -> String {
    text[t.start..t.end].to_lowercase()
}

fn split_sentences(
    text: &str,
    tokens: &[Token],
    paragraph: usize,
    heading: bool,
    rules: &Rules,
    out: &mut Vec<Sentence>,
) {
    let mut begin = 0usize;
    let mut i = 0usize;
    while i < tokens.len() {
        let t = tokens[i];
        let c = text[t.start..t.end].chars().next().unwrap_or(' ');
        if t.word || !is_terminal(c) {
            i += 1;
            continue;
        }
        // Absorb runs of terminal punctuation and closing quotes/brackets.
        let mut j = i + 1;
        let mut closed_quote = false;
        while j < tokens.len() && !tokens[j].word {
            let cj = text[tokens[j].start..tokens[j].end]
                .chars()
                .next()
                .unwrap_or(' ');
            if is_terminal(cj) {
                j += 1;
            } else if is_closing(cj) {
                closed_quote |= cj != ')' && cj != ']';
                j += 1;
            } else {
                break;
            }
        }
        if j >= tokens.len() {
            break;
        }
        if !boundary(text, tokens, i, j, c, closed_quote, rules) {
            i = j;
            continue;
        }
        let (s, e) = (tokens[begin].start, tokens[j - 1].end);
        out.push(Sentence {
            start: s,
            end: e,
            paragraph,
            heading,
            tokens: tokens[begin..j].to_vec(),
        });
        begin = j;
        i = j;
    }
    if begin < tokens.len() {
        let (s, e) = (tokens[begin].start, tokens[tokens.len() - 1].end);
        out.push(Sentence {
            start: s,
            end: e,
            paragraph,
            heading,
            tokens: tokens[begin..].to_vec(),
        });
    }
}

/// Is there a sentence boundary between token `i` (terminal punctuation) and token `j` (the next
/// token after the punctuation run)?
fn boundary(
    text: &str,
    tokens: &[Token],
    i: usize,
    j: usize,
    c: char,
    closed_quote: bool,
    rules: &Rules,
) -> bool {
    // A space must follow the punctuation run.
    if tokens[j].start == tokens[j - 1].end {
        return false;
    }
    let next = &text[tokens[j].start..tokens[j].end];
    let next_first = next.chars().next().unwrap_or(' ');
    if next_first.is_lowercase() {
        return false;
    }
    if c == '.' && i > 0 && tokens[i - 1].word && tokens[i - 1].end == tokens[i].start {
        let prev = &text[tokens[i - 1].start..tokens[i - 1].end];
        let abbr = format!("{}.", prev.to_lowercase());
        // An initial ("J.") inside a name.
        if prev.chars().count() == 1 && prev.chars().all(char::is_uppercase) {
            return false;
        }
        if rules.abbrevs_inner.contains(&abbr) {
            return false;
        }
        if rules.abbrevs.contains(&abbr) {
            // "... in the U.S. The president" ends; "U.S. Secretary of State" does not.
            return rules.starters.contains(&next.to_lowercase());
        }
    }
    if closed_quote && tokens[j].word {
        // “…okay?” Smith said / “…,” the president added
        let mut k = j + 1;
        let mut steps = 0;
        while k < tokens.len() && steps < 4 {
            if tokens[k].word {
                let w = lower_word(text, &tokens[k]);
                if rules.reporting_verbs.contains(&w) {
                    return false;
                }
                steps += 1;
            }
            k += 1;
        }
    }
    true
}

fn is_upper_word(s: &str) -> bool {
    s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_lowercase)
}

/// Parse a dateline at the start of a paragraph: `PLACE[, Month Day] [(Agency)] -`.
pub fn dateline(text: &str, start: usize, end: usize) -> Option<Dateline> {
    let p = &text[start..end];
    let lead_paren = p.starts_with('(');
    let body = if lead_paren { &p[1..] } else { p };
    let place_res: IResult<&str, &str> = recognize(pair(
        take_while1(|c: char| c.is_uppercase() || c == '.' || c == '\''),
        many0_count(preceded(
            char(' '),
            take_while1(|c: char| c.is_uppercase() || c == '.' || c == '-' || c == '\''),
        )),
    ))
    .parse(body);
    let (rest, place) = place_res.ok()?;
    if !is_upper_word(place) || place.chars().filter(|c| c.is_alphabetic()).count() < 3 {
        return None;
    }
    let mut rest = rest.trim_start_matches(' ');
    if lead_paren {
        rest = rest.strip_prefix(')')?.trim_start();
    }
    // ", Region, Country" segments, then an optional ", Month Day".
    let mut date = None;
    for _ in 0..3 {
        let Some(r) = rest.strip_prefix(',') else {
            break;
        };
        let r = r.trim_start();
        let seg_end = r.find([',', '(', '-', '–', '—']).unwrap_or(r.len());
        let seg = r[..seg_end].trim();
        let words: Vec<&str> = seg.split_whitespace().collect();
        if words.is_empty() || words.len() > 4 {
            return None;
        }
        if seg.ends_with(|c: char| c.is_ascii_digit()) {
            let month_like = words[0].chars().next().is_some_and(char::is_uppercase);
            if !month_like {
                return None;
            }
            rest = r[seg_end..].trim_start();
            // "May 16, 2025": the year after a comma belongs to the date.
            let year = rest.strip_prefix(',').map(str::trim_start).and_then(|y| {
                let n = y.bytes().take_while(u8::is_ascii_digit).count();
                (n == 4).then(|| (&y[..n], &y[n..]))
            });
            match year {
                Some((y, after)) => {
                    date = Some(format!("{seg}, {y}"));
                    rest = after.trim_start();
                }
                None => date = Some(seg.to_string()),
            }
            break;
        }
        if !words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        {
            return None;
        }
        rest = r[seg_end..].trim_start();
    }
    let mut agency = None;
    if let Some(r) = rest.strip_prefix('(') {
        let close = r.find(')')?;
        agency = Some(r[..close].trim().to_string());
        rest = r[close + 1..].trim_start();
    }
    let dash: IResult<&str, &str> = alt((tag("-"), tag("–"), tag("—"), tag("--"))).parse(rest);
    let (after, _) = dash.ok()?;
    let after = after.trim_start_matches([' ', '-']);
    let consumed = p.len() - after.len();
    Some(Dateline {
        start,
        end: start + consumed,
        place: place.trim_end_matches(['.', ' ']).to_string(),
        date,
        agency,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The grammar `word_len` implements, in nom: the reference the scanner is held to.
    fn nom_word(i: &str) -> IResult<&str, &str> {
        use nom::character::complete::char;
        use nom::multi::many0_count;
        use nom::sequence::{pair, preceded};
        fn connector(i: &str) -> IResult<&str, char> {
            alt((
                char('.'),
                char('\''),
                char('’'),
                char('-'),
                char('&'),
                nom::character::complete::satisfy(is_invisible),
            ))
            .parse(i)
        }
        let wc = |c: char| c.is_alphanumeric();
        recognize(pair(
            take_while1(wc),
            many0_count(alt((
                preceded(connector, take_while1(wc)),
                preceded(
                    alt((char(','), char(':'))),
                    take_while1(|c: char| c.is_ascii_digit()),
                ),
            ))),
        ))
        .parse(i)
    }

    /// The tokenizer before the byte scanner, on the nom grammar.
    fn nom_tokenize(text: &str) -> Vec<Token> {
        let mut out = Vec::new();
        let mut rest = text;
        let mut pos = 0;
        while !rest.is_empty() {
            let ws = rest.len()
                - rest
                    .trim_start_matches(|c: char| c.is_whitespace() || is_invisible(c))
                    .len();
            if ws > 0 {
                pos += ws;
                rest = &rest[ws..];
                continue;
            }
            let n = match nom_word(rest) {
                Ok((_, w)) => trim_bad_groups(w).len(),
                Err(_) => rest.chars().next().map_or(1, char::len_utf8),
            };
            out.push(Token {
                start: pos,
                end: pos + n,
                word: nom_word(rest).is_ok(),
            });
            pos += n;
            rest = &rest[n..];
        }
        out
    }

    fn same_tokens(text: &str) {
        let a: Vec<(usize, usize, bool)> = tokenize(text, 0, text.len())
            .iter()
            .map(|t| (t.start, t.end, t.word))
            .collect();
        let b: Vec<(usize, usize, bool)> = nom_tokenize(text)
            .iter()
            .map(|t| (t.start, t.end, t.word))
            .collect();
        assert_eq!(a, b, "{text:?}");
    }

    #[test]
    fn the_scanner_tokenizes_as_the_nom_grammar() {
        for t in [
            "U.S. Secretary Bilotskyy’s face-to-face talks, 12,000 or 1,2 at 10:30 a.m.",
            "Co\u{200b}sta A&B 1.5 -- x- .y 'z' 12,0000 3,000,000, 10:3 ::: ,,, \u{feff}x\u{00a0}y",
            "Zürich İstanbul ＡＢＣ１２ \u{0b}\u{0c}\u{85}x\u{2028}y 東京都 e\u{301}t\u{e9}",
            "",
            "a.",
            "Mr.\u{200b}",
        ] {
            same_tokens(t);
        }
        for d in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/corpus")).unwrap()
        {
            let d = d.unwrap().path();
            for f in std::fs::read_dir(&d).into_iter().flatten() {
                let f = f.unwrap().path();
                if f.extension().is_some_and(|e| e == "txt") {
                    same_tokens(&std::fs::read_to_string(&f).unwrap());
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn the_scanner_tokenizes_any_text_as_the_nom_grammar(
            s in "[a-zA-Z0-9 .,:'’&\\-\u{200b}\u{ad}\u{a0}\u{85}éİ東\t\n\u{b}]{0,40}"
        ) {
            same_tokens(&s);
        }
    }

    fn sents(text: &str) -> Vec<String> {
        let r = Rules::defaults();
        segment(text, 0, &r)
            .sentences
            .iter()
            .map(|s| text[s.start..s.end].to_string())
            .collect()
    }

    #[test]
    fn abbreviations_do_not_split() {
        let s = sents(
            "U.S. Secretary of State Jane Roe met Lt. Gen. Mark Doe at 10 a.m. Friday. He left.",
        );
        assert_eq!(
            s,
            [
                "U.S. Secretary of State Jane Roe met Lt. Gen. Mark Doe at 10 a.m. Friday.",
                "He left."
            ]
        );
    }

    #[test]
    fn quote_with_attribution_stays_whole() {
        let s = sents("“Nothing will happen, okay?” Smith said. Then he left.");
        assert_eq!(
            s,
            ["“Nothing will happen, okay?” Smith said.", "Then he left."]
        );
        let s = sents("“I want to be frank… we have doubts,” she said.");
        assert_eq!(s.len(), 1);
    }

    #[test]
    fn end_of_sentence_abbreviation() {
        let s = sents("The firm moved to the U.S. The board agreed.");
        assert_eq!(s.len(), 2);
    }

    #[test]
    fn headings_and_paragraphs() {
        let r = Rules::defaults();
        let text =
            "Bus Crash Kills 14 On Highway\n\nA bus crashed on Monday. Police said so.\nworld\n";
        let seg = segment(text, 0, &r);
        assert_eq!(seg.paragraphs.len(), 3);
        assert!(seg.paragraphs[0].heading);
        assert!(!seg.paragraphs[1].heading);
        assert_eq!(seg.sentences.len(), 4);
    }

    #[test]
    fn numbers_tokenize_whole() {
        let text = "More than 12,000 people, 1.5 million dollars, at 10:30, U.S. and face-to-face.";
        let toks: Vec<&str> = tokenize(text, 0, text.len())
            .iter()
            .filter(|t| t.word)
            .map(|t| &text[t.start..t.end])
            .collect();
        assert!(toks.contains(&"12,000"));
        assert!(toks.contains(&"1.5"));
        assert!(toks.contains(&"10:30"));
        assert!(toks.contains(&"U.S"));
        assert!(toks.contains(&"face-to-face"));
    }

    #[test]
    fn datelines() {
        let t = "LISBON, March 4 (Valley Wire) - A bus crashed.";
        let d = dateline(t, 0, t.len()).unwrap();
        assert_eq!(d.place, "LISBON");
        assert_eq!(d.date.as_deref(), Some("March 4"));
        assert_eq!(d.agency.as_deref(), Some("Valley Wire"));
        assert_eq!(&t[d.end..], "A bus crashed.");
        let t = "LEIRIA, Portugal, March 2 (Atlantic Wire) - At least 14 people died.";
        let d = dateline(t, 0, t.len()).unwrap();
        assert_eq!(
            (d.place.as_str(), d.date.as_deref()),
            ("LEIRIA", Some("March 2"))
        );
        assert_eq!(&t[d.end..], "At least 14 people died.");
        let t = "(LONDON )– Talks will be held.";
        assert_eq!(dateline(t, 0, t.len()).unwrap().place, "LONDON");
        let t = "LISBON, March 4, 2026 - A bridge fell.";
        let d = dateline(t, 0, t.len()).unwrap();
        assert_eq!(d.date.as_deref(), Some("March 4, 2026"));
        assert_eq!(&t[d.end..], "A bridge fell.");
        assert!(dateline("The bus - it crashed", 0, 20).is_none());
    }

    #[test]
    fn spans_slice_the_text() {
        let text = "Bilotskyy’s team met. “Yes,” he said! Über große Worte? Ja.";
        let r = Rules::defaults();
        for s in segment(text, 0, &r).sentences {
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            for t in s.tokens {
                assert!(t.start >= s.start && t.end <= s.end);
            }
        }
    }
}
