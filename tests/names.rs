//! The measurement behind the name-variant threshold (`crosscheck::text::name_variants`):
//! Jaro-Winkler similarity on transliteration-folded keys, over spelling variants of one name
//! and over different names that look alike. Run with `--nocapture` to see the table.
//!
//! Folding (`name_key`) makes most variants identical; Jaro-Winkler (threshold 0.93, keys of at
//! least 5 letters) catches the rest. The table shows the gap the threshold sits in.

use crosscheck::text::{compare_names, name_key, NAME_SIMILARITY};

/// One name written two ways (transliteration, diacritics, doubled letters, spelling).
const VARIANTS: &[(&str, &str)] = &[
    ("Zelensky", "Zelenskyy"),
    ("Zelensky", "Zelenskiy"),
    ("Bilotsky", "Bilotskyy"),
    ("Andriy", "Andrii"),
    ("Sybiga", "Sybiha"),
    ("Horbach", "Horbakh"),
    ("Mikhail", "Mihail"),
    ("Mohammed", "Muhammad"),
    ("Mohammed", "Mohamed"),
    ("Muhammad", "Mohamad"),
    ("Yevgeny", "Evgeny"),
    ("Yevgeny", "Yevgeniy"),
    ("Aleksandr", "Alexander"),
    ("Sergei", "Sergey"),
    ("Dmitry", "Dmitri"),
    ("Tatyana", "Tatiana"),
    ("Yulia", "Julia"),
    ("Olexandr", "Oleksandr"),
    ("Kovalenko", "Kowalenko"),
    ("Đorđević", "Djordjevic"),
    ("Şahin", "Sahin"),
    ("Müller", "Mueller"),
    ("Köhler", "Koehler"),
    ("Wróbel", "Wrobel"),
    ("Ștefan", "Stefan"),
    ("Bălan", "Balan"),
    ("Lindqvist", "Lindquist"),
    ("MacAlister", "McAlister"),
    ("Abdulrahman", "Abdelrahman"),
    ("Gaddafi", "Qaddafi"),
    ("Khaled", "Khalid"),
    ("Hussein", "Husain"),
    ("Chernyshev", "Tchernychev"),
    ("Tchaikovsky", "Chaikovsky"),
    ("Nawaz", "Navaz"),
    ("Zhukov", "Joukov"),
    ("Shevchenko", "Chevtchenko"),
    ("Khrushchev", "Khrouchtchev"),
    ("Yanukovych", "Ianoukovitch"),
    ("Tsvangirai", "Tsvangiray"),
    ("Medvedev", "Medvedyev"),
    ("Zevallos", "Zeballos"),
    ("Córdoba", "Córdova"),
];

/// Different names that look alike: one letter, a suffix, a gendered form.
const DISTINCT: &[(&str, &str)] = &[
    ("Gabi", "Gavi"),
    ("Iban", "Ivan"),
    ("Varga", "Vargas"),
    ("Peterson", "Petersen"),
    ("Voronin", "Voronina"),
    ("Kowalski", "Kowalska"),
    ("Varga", "Vass"),
    ("Kovalenko", "Kovalchuk"),
    ("Horbach", "Horvath"),
    ("Smith", "Smyth-Jones"),
    ("Martin", "Martins"),
    ("Hansen", "Hanson"),
    ("Mohamed", "Mahmoud"),
    ("Ahmed", "Ahmadi"),
    ("Ivanov", "Ivanova"),
    ("Petrov", "Petrova"),
    ("Novak", "Novotny"),
    ("Weber", "Webber-Lang"),
    ("Schmidt", "Schmitz"),
    ("Brandt", "Brant-Cole"),
    ("Olsen", "Nilsen"),
    ("Kovacs", "Kovac"),
    ("Andersen", "Anderson"),
    ("Karimov", "Karimi"),
    ("Rahman", "Rahmani"),
    ("Lopez", "Lopes"),
    ("Stavridis", "Stavrou"),
    ("Eze", "Ezeh-Obi"),
    ("Bondarenko", "Bondarchuk"),
    ("Park", "Parker"),
    ("Abubakar", "Abdullahi"),
    ("Shevchenko", "Savchenko"),
    ("Ivanenko", "Ivanchenko"),
    ("Kuznetsov", "Kuzmin"),
    ("Okafor", "Okonkwo"),
    ("Hernandez", "Fernandez"),
];

fn jw(a: &str, b: &str) -> f64 {
    strsim::jaro_winkler(&name_key(a), &name_key(b))
}

#[test]
fn threshold_separates_variants_from_different_names() {
    let mut wrong = Vec::new();
    // The similarity of the pairs the Jaro-Winkler rule decides, by kind.
    let (mut variant_jw, mut distinct_jw) = (Vec::new(), Vec::new());
    for (same, pairs) in [(true, VARIANTS), (false, DISTINCT)] {
        for &(a, b) in pairs {
            let (verdict, rule) = compare_names(a, b);
            let s = jw(a, b);
            eprintln!(
                "{:<9} {a:>12} {b:<12} keys {:<12} {:<12} jw {s:.3}  {rule}",
                if same { "variant" } else { "distinct" },
                name_key(a),
                name_key(b)
            );
            if matches!(rule, "similar" | "dissimilar") {
                if same {
                    &mut variant_jw
                } else {
                    &mut distinct_jw
                }
                .push(s);
            }
            if verdict != same {
                wrong.push(format!(
                    "{a} / {b}: {rule}, should be {}",
                    if same { "one name" } else { "two" }
                ));
            }
        }
    }
    let lowest = variant_jw.iter().copied().fold(1.0, f64::min);
    let highest = distinct_jw.iter().copied().fold(0.0, f64::max);
    eprintln!(
        "{} variant and {} look-alike pairs; decided by Jaro-Winkler: {} variants (lowest {lowest:.3}), \
         {} look-alikes (highest {highest:.3}); threshold {NAME_SIMILARITY}",
        VARIANTS.len(),
        DISTINCT.len(),
        variant_jw.len(),
        distinct_jw.len()
    );
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert!(highest < NAME_SIMILARITY && NAME_SIMILARITY <= lowest);
}
