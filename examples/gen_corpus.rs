//! A corpus generator: N stories of K articles each, in several domains, with one planted
//! discrepancy per story (a day, a place, a count or a title) and a gold file, deterministic by
//! seed. For benchmarks and the batch mode, not for judging quality (the text is templated).
//!
//! ```sh
//! cargo run --release --example gen_corpus -- OUT_DIR STORIES ARTICLES_PER_STORY [SEED] [BACKGROUND]
//! ```
//! `BACKGROUND` (default 0) adds that many background paragraphs to each article (about 330
//! bytes each: 16 make the 5 KB articles of a day's wire copy).
//! writes `OUT_DIR/s00001/{a1_outlet.txt, ..., manifest.csv, gold.json}`, ...

use std::fmt::Write as _;
use std::path::Path;

/// xorshift64*: small, fast, and the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Cities with another city of the same country, for a planted place.
const PLACES: &[(&str, &str, &str)] = &[
    ("Leiria", "Coimbra", "Portugal"),
    ("Porto", "Braga", "Portugal"),
    ("Lyon", "Grenoble", "France"),
    ("Bordeaux", "Toulouse", "France"),
    ("Kraków", "Katowice", "Poland"),
    ("Gdańsk", "Szczecin", "Poland"),
    ("Seville", "Córdoba", "Spain"),
    ("Valencia", "Alicante", "Spain"),
    ("Turin", "Genoa", "Italy"),
    ("Naples", "Bari", "Italy"),
    ("Izmir", "Bursa", "Turkey"),
    ("Antalya", "Konya", "Turkey"),
    ("Mombasa", "Nakuru", "Kenya"),
    ("Kisumu", "Eldoret", "Kenya"),
    ("Pune", "Nagpur", "India"),
    ("Lagos", "Ibadan", "Nigeria"),
    ("Cebu", "Davao", "Philippines"),
    ("Recife", "Fortaleza", "Brazil"),
    ("Daegu", "Gwangju", "South Korea"),
    ("Leeds", "Sheffield", "United Kingdom"),
];
const FIRST: &[&str] = &[
    "Ana", "Marta", "Elena", "Olga", "Grace", "Amara", "Lucia", "Sofia", "Helena", "Irene",
    "Tomás", "Piotr", "Daniel", "Mehmet", "Joseph", "Kwame", "Luis", "Ivan", "Henrik", "Rafael",
];
const OUTLETS: &[&str] = &[
    "Harbor Wire",
    "Valley Chronicle",
    "Continental Review",
    "Morning Ledger",
    "Coastal Post",
    "Capital Herald",
    "Northern Gazette",
    "Evening Courier",
    "Market Journal",
    "City Monitor",
];
const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Title pairs of one exclusion class: the story's and the planted one.
const TITLES: &[(&str, &str)] = &[
    ("Transport Minister", "Interior Minister"),
    ("Health Minister", "Finance Minister"),
    ("Mayor", "Governor"),
    ("Chief Executive", "Chief Financial Officer"),
    ("Prosecutor", "Judge"),
    ("Head Coach", "Team Captain"),
];

struct Story {
    domain: usize,
    city: &'static str,
    other_city: &'static str,
    country: &'static str,
    official: String,
    witness: String,
    title: &'static str,
    other_title: &'static str,
    count: u32,
    planted_count: u32,
    event_day: i64,
    company: String,
}

/// The date `day` days after 1 January 2026.
fn date(day: i64) -> jiff::civil::Date {
    jiff::civil::date(2026, 1, 1)
        .checked_add(jiff::Span::new().days(day))
        .expect("a date within jiff's range")
}

fn day_name(day: i64) -> &'static str {
    WEEKDAYS[date(day).weekday().to_monday_zero_offset() as usize]
}

fn iso(day: i64) -> String {
    date(day).to_string()
}

/// A made-up surname of two or three syllables ("Velorani"): stories need names of their own,
/// as real ones have, for grouping a pile of them to mean anything.
fn coined(rng: &mut Rng) -> String {
    const ON: &[&str] = &[
        "b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "st", "tr",
        "kh", "sh",
    ];
    const NUC: &[&str] = &["a", "e", "i", "o", "u", "ai", "ou", "ei"];
    const CODA: &[&str] = &[
        "", "", "n", "r", "s", "l", "k", "sson", "ski", "ani", "ez", "ov",
    ];
    let mut w = String::new();
    for _ in 0..2 + rng.below(2) {
        w.push_str(rng.pick::<&str>(ON));
        w.push_str(rng.pick::<&str>(NUC));
    }
    w.push_str(rng.pick::<&str>(CODA));
    let mut c = w.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// A background paragraph about earlier events: names, years and figures of its own.
fn background(rng: &mut Rng, st: &Story) -> String {
    let year = 2005 + rng.below(18);
    let who = format!("{} {}", rng.pick(FIRST), coined(rng));
    match rng.below(4) {
        0 => format!("In {year}, {who}, then head of the regional council, opened a new hospital in {} at a cost of {} million euros, a project that took {} years to finish and still divides local opinion.", st.other_city, 20 + rng.below(300), 2 + rng.below(8)),
        1 => format!("The region has a population of about {} and relies heavily on farming and tourism; unemployment stood at {} percent last year, according to the national statistics office, and young people have been leaving for the capital.", 100_000 + rng.below(900_000), 4 + rng.below(15)),
        2 => format!("{who}, a historian at the University of {}, said the area had seen similar episodes in {year} and {}, and that each time officials had promised reforms that never arrived. \"People remember,\" {} said.", st.other_city, year + 3, who.rsplit(' ').next().unwrap_or("")),
        _ => format!("Critics including {who}, who chairs a local residents' association, have long argued that spending on roads, bridges and drainage lagged behind the growth of the towns, and a report in {year} found that {} of {} inspected sites needed urgent repairs.", 10 + rng.below(60), 80 + rng.below(200)),
    }
}

/// One article: `plant` is the planted discrepancy (0 day, 1 place, 2 count, 3 title) or none.
fn article(
    rng: &mut Rng,
    st: &Story,
    outlet: &str,
    published: i64,
    plant: Option<usize>,
    extra: usize,
) -> String {
    let mut t = String::new();
    let day = if plant == Some(0) {
        st.event_day - 1
    } else {
        st.event_day
    };
    let city = if plant == Some(1) {
        st.other_city
    } else {
        st.city
    };
    let count = if plant == Some(2) {
        st.planted_count
    } else {
        st.count
    };
    let title = if plant == Some(3) {
        st.other_title
    } else {
        st.title
    };
    let when = if published - day == 1 && rng.below(2) == 0 {
        "yesterday".to_string()
    } else {
        format!("on {}", day_name(day))
    };
    let pd = date(published);
    let (m, d) = (pd.month() as usize - 1, pd.day());
    let upper = city.to_uppercase();
    let lead = match st.domain {
        0 => format!("A coach carrying {} passengers left the road and overturned near {city} {when}, killing {count} people and injuring dozens, police said.", count * 3 + 7),
        1 => format!("A court in {city} {when} sentenced {}, the former director of a regional water company, to {count} years in prison for fraud, prosecutors said.", st.company),
        2 => format!("{} agreed {when} to buy a rival logistics group for {count}0 million euros, in a deal announced at a news conference in {city}.", st.company),
        3 => format!("The home side won the cup final in {city} {when} in front of {count},000 spectators, after a late goal settled a tense match."),
        4 => format!("Floods swept through {city} {when} after two days of torrential rain, killing {count} people and forcing thousands from their homes, officials said."),
        _ => format!("Voters in {city} went to the polls {when} in a mayoral election that {count} candidates contested, the electoral commission said."),
    };
    let _ = writeln!(t, "{}\n", headline(st.domain, city));
    let _ = writeln!(t, "{upper}, {} {d} ({outlet}) - {lead}\n", MONTHS[m]);
    let _ = writeln!(
        t,
        "{title} {} visited {city} later that day and promised a full inquiry. \"We owe the families answers, and we will give them answers,\" {} told reporters. Local officials said emergency teams had worked through the night and that schools and clinics in {} would reopen within the week.\n",
        st.official,
        st.official.rsplit(' ').next().unwrap_or(""),
        st.country
    );
    for _ in 0..2 + rng.below(3) {
        let _ = writeln!(t, "{}\n", filler(rng, st, city));
    }
    let _ = writeln!(
        t,
        "\"It happened so fast,\" said {}, who saw it from nearby.\n",
        st.witness
    );
    for _ in 0..extra {
        let _ = writeln!(t, "{}\n", background(rng, st));
    }
    let year = 2010 + rng.below(12);
    let _ = writeln!(
        t,
        "In {} {year}, a similar event in {} left {} people dead, according to records kept by the authorities, and led to new rules that critics say were never fully applied.\n",
        MONTHS[rng.below(12)],
        st.other_city,
        rng.below(9) + 2
    );
    t
}

fn headline(domain: usize, city: &str) -> String {
    match domain {
        0 => format!("Coach crash near {city} leaves many dead"),
        1 => format!("Former water company director sentenced in {city}"),
        2 => format!("Logistics deal announced in {city}"),
        3 => format!("Late goal decides cup final in {city}"),
        4 => format!("Deadly floods hit {city}"),
        _ => format!("{city} votes for a new mayor"),
    }
}

fn filler(rng: &mut Rng, st: &Story, city: &str) -> String {
    let s = [
        format!("Residents of {city} described scenes of confusion as the news spread, and several said they had warned the authorities about the risks for years."),
        format!("Analysts in {} said the events would weigh on the regional economy and on the government's plans for the coming months.", st.country),
        "A spokesperson for the regional authority said an independent review would be published before the end of the year, and that all relevant documents would be made public.".to_string(),
        "Opposition politicians called for a debate in parliament, arguing that the response had been slow and that the lessons of earlier disasters had been ignored.".to_string(),
        format!("Aid groups said they had sent teams to {city} and asked for donations of food, blankets and medicine for the families affected."),
        "The company and the unions said in a joint statement that they would cooperate fully with investigators and would not comment further until the review was complete.".to_string(),
    ];
    let mut out = String::new();
    for _ in 0..2 {
        let p: &String = rng.pick(&s);
        out.push_str(p);
        out.push(' ');
    }
    out.trim_end().to_string()
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 4 {
        eprintln!("usage: gen_corpus OUT_DIR STORIES ARTICLES_PER_STORY [SEED] [BACKGROUND]");
        std::process::exit(2);
    }
    let out = Path::new(&args[1]);
    let stories: usize = args[2].parse().expect("STORIES");
    let per: usize = args[3].parse().expect("ARTICLES_PER_STORY");
    let seed: u64 = args.get(4).map_or(42, |s| s.parse().expect("SEED"));
    let extra: usize = args.get(5).map_or(0, |s| s.parse().expect("BACKGROUND"));
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let kinds = ["when", "where", "quantity", "title"];
    for s in 0..stories {
        let (city, other_city, country) = *rng.pick(PLACES);
        let (title, other_title) = *rng.pick(TITLES);
        let count = 5 + rng.below(40) as u32;
        let st = Story {
            domain: rng.below(6),
            city,
            other_city,
            country,
            official: format!("{} {}", rng.pick(FIRST), coined(&mut rng)),
            witness: format!("{} {}", rng.pick(FIRST), coined(&mut rng)),
            title,
            other_title,
            count,
            planted_count: count + 3 + rng.below(5) as u32,
            event_day: (s as i64 * 3) % 700 + rng.below(5) as i64,
            company: format!("{} Holdings", coined(&mut rng)),
        };
        let plant = rng.below(4);
        let dir = out.join(format!("s{s:05}"));
        std::fs::create_dir_all(&dir).expect("create story folder");
        let mut manifest = String::from("file,outlet,published\n");
        let mut files = Vec::new();
        for a in 0..per {
            let outlet = OUTLETS[(s + a) % OUTLETS.len()];
            let published = st.event_day + 1 + (a % 2) as i64;
            let planted = (a + 1 == per && per > 1).then_some(plant);
            let text = article(&mut rng, &st, outlet, published, planted, extra);
            let slug: String = outlet.to_lowercase().replace(' ', "-");
            let file = format!("a{}_{slug}.txt", a + 1);
            std::fs::write(dir.join(&file), text).expect("write article");
            let _ = writeln!(manifest, "{file},{outlet},{}", iso(published));
            files.push(file.trim_end_matches(".txt").to_string());
        }
        std::fs::write(dir.join("manifest.csv"), manifest).expect("write manifest");
        let planted_article = files.last().cloned().unwrap_or_default();
        let others: Vec<&String> = files.iter().take(files.len().saturating_sub(1)).collect();
        let (planted, told): (Vec<String>, Vec<String>) = match plant {
            0 => (
                vec![day_name(st.event_day - 1).into(), iso(st.event_day - 1)],
                vec![day_name(st.event_day).into(), iso(st.event_day)],
            ),
            1 => (vec![st.other_city.into()], vec![st.city.into()]),
            2 => (
                vec![st.planted_count.to_string()],
                vec![st.count.to_string()],
            ),
            _ => (vec![st.other_title.into()], vec![st.title.into()]),
        };
        let gold = serde_json::json!({
            "story": format!("s{s:05}"),
            "about": "generated story, one planted discrepancy",
            "must_flag": [{
                "id": "planted",
                "kind": kinds[plant],
                "sides": [
                    {"values": planted, "articles": [planted_article]},
                    {"values": told, "articles": others},
                ],
            }],
            "must_not_flag": [],
        });
        std::fs::write(
            dir.join("gold.json"),
            serde_json::to_string_pretty(&gold).unwrap(),
        )
        .expect("write gold");
    }
}
