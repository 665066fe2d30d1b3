//! Small text helpers shared by the stages.

/// ASCII-fold (deunicode) and lowercase.
pub fn fold(s: &str) -> String {
    let mut out = deunicode::deunicode(s);
    out.make_ascii_lowercase();
    out
}

/// The lines of `text`, each with its line end: a line ends at `\n`, `\r\n` or a lone `\r`
/// (old Mac files), so that every line ending is read alike. The lines tile the text.
///
/// ```
/// let l: Vec<&str> = crosscheck::text::lines("a\r\nb\rc\nd").collect();
/// assert_eq!(l, ["a\r\n", "b\r", "c\n", "d"]);
/// ```
pub fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let b = rest.as_bytes();
        let end = match b.iter().position(|&c| c == b'\n' || c == b'\r') {
            Some(i) if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') => i + 2,
            Some(i) => i + 1,
            None => b.len(),
        };
        let (line, r) = rest.split_at(end);
        rest = r;
        Some(line)
    })
}

/// The largest char boundary of `s` at or before byte `i` (`i` past the end gives the
/// length), for cutting a text at a byte budget without splitting a character.
///
/// ```
/// assert_eq!(crosscheck::text::floor_char_boundary("aé", 2), 1);
/// assert_eq!(crosscheck::text::floor_char_boundary("aé", 9), 3);
/// ```
pub fn floor_char_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Lowercase that keeps every byte offset: a character whose lowercase has another UTF-8
/// length ("İ" is "i̇", two bytes to three) stays as it is, so that offsets into the text
/// index the lowercase copy too.
///
/// ```
/// assert_eq!(crosscheck::text::lower_keeping_offsets("İstanbul ÀB"), "İstanbul àb");
/// ```
pub fn lower_keeping_offsets(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        let mut l = c.to_lowercase();
        match (l.next(), l.next()) {
            (Some(x), None) if x.len_utf8() == c.len_utf8() => out.push(x),
            _ => out.push(c),
        }
    }
    out
}

/// Invisible format characters that may sit inside a word or name without being part of it:
/// zero-width space and joiners, word joiner, soft hyphen, direction marks and embeddings, and
/// a byte-order mark inside the text.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00ad}'
            | '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{feff}'
    )
}

/// Whether `text[start..end]` starts and ends on word boundaries.
pub fn is_word_bounded(text: &str, start: usize, end: usize) -> bool {
    if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
        return false;
    }
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let inner_last = text[..end].chars().next_back();
    let ok_before = before.is_none_or(|c| !c.is_alphanumeric());
    // A pattern ending in '.' (an abbreviation) is bounded by itself.
    let ok_after = inner_last == Some('.') || after.is_none_or(|c| !c.is_alphanumeric());
    ok_before && ok_after
}

/// A key for matching name variants: ASCII-folded, lowercase, with common transliteration
/// differences removed (y/i, -skyy/-sky, kh/h, g/h, doubled letters, Mohammed/Muhammad).
pub fn name_key(name: &str) -> String {
    forms(name).key.clone()
}

/// A name's folded form and key, computed once per thread.
pub(crate) struct NameForms {
    key: String,
    folded: String,
}

impl NameForms {
    /// Whether the name has a key (letters or digits after folding): a name without one
    /// matches nothing, not even itself.
    pub(crate) fn has_key(&self) -> bool {
        !self.key.is_empty()
    }
}

thread_local! {
    static FORMS: std::cell::RefCell<foldhash::HashMap<Box<str>, std::rc::Rc<NameForms>>> =
        Default::default();
}

/// A per-thread memo of a name's forms: names recur across a story's sentences and articles,
/// and folding one costs a dozen allocations.
pub(crate) fn forms(s: &str) -> std::rc::Rc<NameForms> {
    FORMS.with(|t| {
        if let Some(v) = t.borrow().get(s) {
            return v.clone();
        }
        let v = std::rc::Rc::new(NameForms {
            key: compute_name_key(s),
            folded: fold(s),
        });
        let mut t = t.borrow_mut();
        if t.len() >= 65_536 {
            t.clear();
        }
        t.insert(s.into(), v.clone());
        v
    })
}

fn compute_name_key(name: &str) -> String {
    let f = fold(name);
    let mut f: String = f.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
    // MacAlister / McAlister.
    if f.len() > 5 && f.starts_with("mac") {
        f.replace_range(..3, "mc");
    }
    let mut s = f
        .replace("tch", "ch")
        .replace("sh", "ch")
        .replace("zh", "j")
        .replace("kh", "h")
        .replace("dj", "d")
        .replace('q', "h")
        .replace('x', "ks")
        .replace("oe", "o")
        .replace("ue", "u")
        .replace("ph", "f")
        .replace("ck", "k")
        .replace("ou", "u")
        .replace("iy", "i")
        .replace("ij", "i")
        .replace(['y', 'j'], "i")
        .replace('g', "h")
        .replace('w', "v")
        .replace('e', "a")
        .replace('o', "u");
    // Inside a longer name, "b" and "v" are one sound in Spanish (Zeballos / Zevallos, Córdoba
    // / Córdova); a first letter keeps them apart (Bela / Vela), and so does a short name (Gabi
    // / Gavi, Iban / Ivan).
    if f.len() >= 7 && s.len() > 1 {
        let tail = s[1..].replace('b', "v");
        s.truncate(1);
        s.push_str(&tail);
    }
    // A final "ch" is the "kh" of another transliteration (Horbach / Horbakh).
    if s.ends_with("ch") {
        s.truncate(s.len() - 2);
        s.push('h');
    }
    // Collapse doubled letters.
    let mut out = String::with_capacity(s.len());
    let mut prev = None;
    for c in s.drain(..) {
        if Some(c) != prev {
            out.push(c);
        }
        prev = Some(c);
    }
    out
}

/// Whether two folded name parts are variants of one name.
pub fn name_variants(a: &str, b: &str) -> bool {
    compare_names(a, b).0
}

/// Whether two name parts are one name, and the rule that decided: `folded` (equal keys),
/// `gendered` (Voronin / Voronina), `patronymic` (-sen / -son), `extended` (letters added at
/// the end), `vowels` (endings differ in vowels only), `ending` (a short ending differs in
/// consonants), `similar` / `dissimilar` (Jaro-Winkler on the keys against
/// [`NAME_SIMILARITY`]).
pub fn compare_names(a: &str, b: &str) -> (bool, &'static str) {
    compare_forms(a, &forms(a), b, &forms(b))
}

/// [`compare_names`] with the names' forms at hand ([`forms`]), for a caller that compares
/// one name with many.
pub(crate) fn compare_forms(
    a: &str,
    na: &NameForms,
    b: &str,
    nb: &NameForms,
) -> (bool, &'static str) {
    let (ka, kb) = (na.key.as_str(), nb.key.as_str());
    if ka.is_empty() || kb.is_empty() {
        return (false, "empty");
    }
    if a == b {
        return (true, "folded");
    }
    // A family name's feminine form names another person (Voronin / Voronina, Kowalski /
    // Kowalska), and -sen and -son are different names (Petersen / Peterson).
    let (fa, fb) = (na.folded.as_str(), nb.folded.as_str());
    let gendered = |m: &str, f: &str| {
        f.strip_suffix('a')
            .is_some_and(|stem| stem == m || m.strip_suffix(['i', 'y']) == Some(stem))
    };
    if gendered(fa, fb) || gendered(fb, fa) {
        return (false, "gendered");
    }
    let ends = |x: &str, s: &str| x.len() > s.len() + 2 && x.ends_with(s);
    if (ends(fa, "sen") && ends(fb, "son")) || (ends(fa, "son") && ends(fb, "sen")) {
        return (false, "patronymic");
    }
    if ka == kb {
        return (true, "folded");
    }
    // Where the keys part: a name with letters added at its end is another name (Martin /
    // Martins, Rahman / Rahmani, Varga / Vargas); endings that differ only in vowels are one
    // name (Khaled / Khalid, Aleksandr / Alexander, Abdulrahman / Abdelrahman); a short ending
    // that differs in consonants is another name (Schmidt / Schmitz, Lopez / Lopes).
    let p = ka
        .bytes()
        .zip(kb.bytes())
        .take_while(|(x, y)| x == y)
        .count();
    let (ta, tb) = (&ka[p..], &kb[p..]);
    if ta.is_empty() || tb.is_empty() {
        return (false, "extended");
    }
    let consonants = |t: &str| -> String { t.chars().filter(|c| !"aiu".contains(*c)).collect() };
    if p >= 3 && consonants(ta) == consonants(tb) {
        return (true, "vowels");
    }
    if ta.len() < 3 || tb.len() < 3 {
        return (false, "ending");
    }
    // Consonants inserted after a shared stem make another name (Ivanenko / Ivanchenko).
    if p >= 3 && ta.len().abs_diff(tb.len()) >= 2 {
        return (false, "inserted");
    }
    // Otherwise Jaro-Winkler on the keys: tests/names.rs measures it over variants and
    // look-alike names that reach this test (variants 0.95 and up, look-alikes 0.90 and below).
    let similar = ka.len() >= 5
        && kb.len() >= 5
        && jaro_winkler_bound(ka, kb, p) >= NAME_SIMILARITY
        && strsim::jaro_winkler(ka, kb) >= NAME_SIMILARITY;
    (similar, if similar { "similar" } else { "dissimilar" })
}

/// An upper bound of the Jaro-Winkler similarity of two keys sharing a prefix of `prefix`
/// bytes, from the letters they have in common (at most the Jaro matches) and no
/// transposition: most pairs of names fall short of [`NAME_SIMILARITY`] by it, without the
/// quadratic matching.
fn jaro_winkler_bound(a: &str, b: &str, prefix: usize) -> f64 {
    let winkler = |jaro: f64| jaro + prefix.min(4) as f64 * 0.1 * (1.0 - jaro);
    if !(a.is_ascii() && b.is_ascii()) {
        return winkler(1.0);
    }
    let (la, lb) = (a.len() as f64, b.len() as f64);
    // Jaro with `m` letters matched and no transposition.
    let jaro = |m: f64| {
        if m == 0.0 {
            0.0
        } else {
            (m / la + m / lb + 1.0) / 3.0
        }
    };
    // From the lengths alone: at most the shorter key's letters match.
    let by_lengths = winkler(jaro(la.min(lb)));
    if by_lengths < NAME_SIMILARITY {
        return by_lengths;
    }
    let mut counts = [0u32; 128];
    for x in a.bytes() {
        counts[x as usize] += 1;
    }
    let mut m = 0usize;
    for y in b.bytes() {
        let c = &mut counts[y as usize];
        if *c > 0 {
            *c -= 1;
            m += 1;
        }
    }
    winkler(jaro(m as f64))
}

/// The Jaro-Winkler similarity of two name keys above which they are one name (see
/// [`name_variants`] and `tests/names.rs`).
pub const NAME_SIMILARITY: f64 = 0.93;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_jaro_winkler_bound_is_never_below_the_similarity() {
        let names = [
            "kovalenko",
            "kowalenko",
            "selensky",
            "kowalski",
            "kowalska",
            "ivanenko",
            "ivanchenko",
            "abdulrahman",
            "abdelrahman",
            "martin",
            "martins",
            "aleksandr",
            "alexander",
            "mohamed",
            "muhammad",
            "schmidt",
            "schmitz",
            "oconnor",
            "connor",
            "aaaaab",
            "baaaaa",
            "abcdef",
        ];
        for a in names {
            for b in names {
                let p = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
                let (bound, jw) = (jaro_winkler_bound(a, b, p), strsim::jaro_winkler(a, b));
                assert!(bound + 1e-12 >= jw, "{a} {b}: bound {bound} < {jw}");
            }
        }
    }

    #[test]
    fn name_variant_folding() {
        assert!(name_variants("Bilotsky", "Bilotskyy"));
        assert!(name_variants("Horbach", "Horbakh"));
        assert!(name_variants("Andriy", "Andrii"));
        assert!(name_variants("Mohammed", "Muhammad"));
        assert!(name_variants("Aleksandr", "Alexander"));
        assert!(name_variants("Köhler", "Koehler"));
        assert!(name_variants("Jürgen", "Juergen"));
        assert!(!name_variants("Voronin", "Voronina"));
        assert!(!name_variants("Kowalski", "Kowalska"));
        assert!(!name_variants("Peterson", "Petersen"));
        assert!(name_variants("MacAlister", "McAlister"));
        assert!(name_variants("Đorđević", "Djordjevic"));
        assert!(!name_variants("Smith", "Smyth-Jones"));
        assert!(!name_variants("Varga", "Quintas"));
        assert!(!name_variants("Peterson", "Petersen-Holt"));
    }

    #[test]
    fn word_bounds() {
        assert!(is_word_bounded("in Paris.", 3, 8));
        assert!(!is_word_bounded("Parisian", 0, 5));
        assert!(is_word_bounded("the U.S. said", 4, 8));
    }
}
