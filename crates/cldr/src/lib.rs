//! Names of states and territories in the six official languages of the
//! United Nations, from the Unicode CLDR (`data/<lang>/territories.json`,
//! vendored unchanged from `cldr-localenames-full`; see `data/README.md`).
//! The files are embedded at build time and each is parsed once, the first
//! time a name in its language is asked for.
//!
//! Names are looked up by ISO 3166-1 alpha-2 code. CLDR's names are the
//! common short names ("Russie", "Corée du Sud"); where CLDR's territory is
//! not the entity the United Nations seats, [`state_name`] says so (see
//! there).

use std::collections::HashMap;
use std::sync::OnceLock;

/// The languages this crate has names in, as BCP 47 / ISO 639-1 codes.
pub const LANGUAGES: [&str; 6] = ["ar", "en", "es", "fr", "ru", "zh"];

/// The CLDR release the vendored files come from.
pub const CLDR_VERSION: &str = "48";

const FILES: [&str; 6] = [
    include_str!("../data/ar/territories.json"),
    include_str!("../data/en/territories.json"),
    include_str!("../data/es/territories.json"),
    include_str!("../data/fr/territories.json"),
    include_str!("../data/ru/territories.json"),
    include_str!("../data/zh/territories.json"),
];

static TABLES: [OnceLock<HashMap<String, String>>; 6] = [const { OnceLock::new() }; 6];

/// One language's table (`code → name`, variants keyed `XX-alt-…`), parsed
/// from its vendored file on first use.
fn table(index: usize) -> &'static HashMap<String, String> {
    TABLES[index].get_or_init(|| parse(LANGUAGES[index], FILES[index]))
}

/// The territories of a CLDR `territories.json` for `lang`. The files are
/// ours and checked by the tests: a file that does not have the expected
/// shape is a build mistake, and panics.
fn parse(lang: &str, json: &str) -> HashMap<String, String> {
    let value: serde_json::Value =
        serde_json::from_str(json).unwrap_or_else(|e| panic!("CLDR territories for {lang}: {e}"));
    let territories = value
        .pointer(&format!("/main/{lang}/localeDisplayNames/territories"))
        .and_then(serde_json::Value::as_object)
        .unwrap_or_else(|| panic!("CLDR territories for {lang}: no territories object"));
    territories
        .iter()
        .filter_map(|(code, name)| Some((code.clone(), name.as_str()?.to_owned())))
        .collect()
}

/// Whether `code` is shaped like an ISO 3166-1 alpha-2 code (two ASCII
/// capital letters); anything else (region numbers, variant keys, text
/// from outside) has no name here.
fn is_alpha2(code: &str) -> bool {
    code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase())
}

/// CLDR's name of the territory `iso2` in `lang` (one of [`LANGUAGES`]),
/// or `None` for an unknown language or code.
pub fn territory_name(lang: &str, iso2: &str) -> Option<&'static str> {
    let index = LANGUAGES.iter().position(|l| *l == lang)?;
    if !is_alpha2(iso2) {
        return None;
    }
    table(index).get(iso2).map(String::as_str)
}

/// CLDR's name of the UN M49 region `m49` (three digits: `002` Africa,
/// `419` Latin America, `155` Western Europe…) in `lang`, or `None` for an
/// unknown language or code.
pub fn region_name(lang: &str, m49: &str) -> Option<&'static str> {
    let index = LANGUAGES.iter().position(|l| *l == lang)?;
    if !(m49.len() == 3 && m49.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    table(index).get(m49).map(String::as_str)
}

/// The name of the state whose ISO 3166-1 alpha-2 code is `iso2`, as the
/// United Nations seats it, in `lang`; `None` where CLDR has no name for
/// that entity. Two observer states differ from CLDR's territory:
///
/// * `PS`: CLDR's main name is the territory ("Palestinian Territories");
///   the observer state is named by CLDR's short variant ("Palestine").
/// * `VA`: CLDR names Vatican City, a territory; the observer state is the
///   Holy See, which CLDR does not name, so there is no name here and the
///   caller keeps its own.
pub fn state_name(lang: &str, iso2: &str) -> Option<&'static str> {
    match iso2 {
        "VA" => None,
        "PS" => {
            let index = LANGUAGES.iter().position(|l| *l == lang)?;
            table(index).get("PS-alt-short").map(String::as_str)
        }
        _ => territory_name(lang, iso2),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_file_parses_and_names_the_same_territories() {
        let en = table(1);
        assert!(en.len() > 250, "{}", en.len());
        for (i, lang) in LANGUAGES.iter().enumerate() {
            let t = table(i);
            for code in en.keys().filter(|c| is_alpha2(c)) {
                assert!(t.contains_key(code), "{lang} lacks {code}");
            }
        }
    }
}
