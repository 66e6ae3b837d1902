//! Names of actors in the reader's language. A state (an actor with an ISO
//! 3166-1 alpha-2 code) is named from the Unicode CLDR (`accord-cldr`) in
//! the five languages other than English; in English, and wherever CLDR has
//! no name (groups, organisations, the Holy See), the actor keeps the name
//! the process stored — in English, the United Nations' short name, which
//! CLDR's common names ("Russia", "South Korea") are not.

use accord_domain::Language;
use std::borrow::Cow;

/// The name of an actor in `lang`: its state name from CLDR when it has an
/// `iso2` code and `lang` is not English, else `stored`.
pub fn actor_name<'a>(lang: Language, iso2: Option<&str>, stored: &'a str) -> Cow<'a, str> {
    match localised(lang, iso2) {
        Some(name) => Cow::Borrowed(name),
        None => Cow::Borrowed(stored),
    }
}

/// The language the name [`actor_name`] gives is in: `lang` when CLDR named
/// the state, English (the stored name) otherwise.
pub fn actor_name_language(lang: Language, iso2: Option<&str>) -> Language {
    if localised(lang, iso2).is_some() {
        lang
    } else {
        Language::En
    }
}

fn localised(lang: Language, iso2: Option<&str>) -> Option<&'static str> {
    if lang == Language::En {
        return None;
    }
    accord_cldr::state_name(lang.as_str(), iso2?)
}

/// The UN M49 regions and sub-regions Accord's actors are placed in, by
/// the English name stored with them, and their M49 codes.
const M49_REGIONS: &[(&str, &str)] = &[
    ("Africa", "002"),
    ("America", "019"),
    ("Americas", "019"),
    ("Asia", "142"),
    ("Europe", "150"),
    ("Oceania", "009"),
    ("Eastern Africa", "014"),
    ("Middle Africa", "017"),
    ("Northern Africa", "015"),
    ("Southern Africa", "018"),
    ("Western Africa", "011"),
    ("Sub-Saharan Africa", "202"),
    ("Caribbean", "029"),
    ("Central America", "013"),
    ("South America", "005"),
    ("Northern America", "021"),
    ("Latin America and the Caribbean", "419"),
    ("Central Asia", "143"),
    ("Eastern Asia", "030"),
    ("South-eastern Asia", "035"),
    ("Southern Asia", "034"),
    ("Western Asia", "145"),
    ("Eastern Europe", "151"),
    ("Northern Europe", "154"),
    ("Southern Europe", "039"),
    ("Western Europe", "155"),
    ("Australia and New Zealand", "053"),
    ("Melanesia", "054"),
    ("Micronesia", "057"),
    ("Polynesia", "061"),
];

/// A region or sub-region (stored by its English M49 name) in `lang`:
/// CLDR's name of its M49 code when `lang` is not English and CLDR has
/// one, else `stored`.
pub fn region_name(lang: Language, stored: &str) -> Cow<'_, str> {
    match localised_region(lang, stored) {
        Some(name) => Cow::Borrowed(name),
        None => Cow::Borrowed(stored),
    }
}

/// The language the name [`region_name`] gives is in.
pub fn region_name_language(lang: Language, stored: &str) -> Language {
    if localised_region(lang, stored).is_some() {
        lang
    } else {
        Language::En
    }
}

fn localised_region(lang: Language, stored: &str) -> Option<&'static str> {
    if lang == Language::En {
        return None;
    }
    let (_, m49) = M49_REGIONS
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(stored))?;
    accord_cldr::region_name(lang.as_str(), m49)
}

/// `lang` and `dir` attributes for an element holding a name in `lang`.
pub fn lang_attributes(lang: Language) -> String {
    let dir = if lang.is_rtl() { "rtl" } else { "ltr" };
    format!(r#"lang="{}" dir="{dir}""#, lang.as_str())
}

/// A key that orders names as a reader expects more nearly than their
/// bytes do: letters without their accents, in lower case ("États-Unis"
/// among the E's, not after "Zimbabwe"), then the name itself to break ties.
pub fn sort_key(name: &str) -> (String, String) {
    use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};
    let folded = name
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect();
    (folded, name.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn states_are_named_in_the_readers_language_and_others_keep_theirs() {
        let fr = accord_cldr::state_name("fr", "MX").unwrap();
        assert_eq!(actor_name(Language::Fr, Some("MX"), "Mexico"), fr);
        assert_eq!(actor_name_language(Language::Fr, Some("MX")), Language::Fr);
        // English keeps the stored (United Nations) name.
        assert_eq!(
            actor_name(Language::En, Some("RU"), "Russian Federation"),
            "Russian Federation"
        );
        // Groups and organisations have no code: the stored name, in English.
        assert_eq!(
            actor_name(Language::Zh, None, "European Union"),
            "European Union"
        );
        assert_eq!(actor_name_language(Language::Zh, None), Language::En);
        // The Holy See is not CLDR's Vatican City.
        assert_eq!(actor_name(Language::Ar, Some("VA"), "Holy See"), "Holy See");
        // A code from outside that CLDR does not know: the stored name.
        assert_eq!(actor_name(Language::Ru, Some("<x>"), "X"), "X");
        assert_eq!(lang_attributes(Language::Ar), r#"lang="ar" dir="rtl""#);
    }

    #[test]
    fn names_sort_without_their_accents() {
        let mut names = vec![
            "Zimbabwe",
            "États-Unis",
            "Espagne",
            "Érythrée",
            "Égypte",
            "équateur",
        ];
        names.sort_by_key(|n| sort_key(n));
        assert_eq!(
            names,
            [
                "Égypte",
                "équateur",
                "Érythrée",
                "Espagne",
                "États-Unis",
                "Zimbabwe"
            ]
        );
    }

    #[test]
    fn regions_are_named_from_cldr_by_their_m49_code() {
        assert_eq!(
            region_name(Language::Fr, "Western Europe"),
            "Europe de l’Ouest"
        );
        assert_eq!(region_name(Language::Es, "Africa"), "África");
        assert_eq!(region_name(Language::Fr, "America"), "Amériques");
        assert_eq!(
            region_name(Language::En, "Western Europe"),
            "Western Europe"
        );
        assert_eq!(
            region_name_language(Language::Fr, "Western Europe"),
            Language::Fr
        );
        // A name that is not an M49 region stays as stored, in English.
        assert_eq!(region_name(Language::Fr, "Atlantis"), "Atlantis");
        assert_eq!(region_name_language(Language::Fr, "Atlantis"), Language::En);
        assert_eq!(region_name(Language::Fr, ""), "");
        // Every region the table names has a name in every language.
        for (name, _) in M49_REGIONS {
            for lang in [
                Language::Ar,
                Language::Es,
                Language::Fr,
                Language::Ru,
                Language::Zh,
            ] {
                assert_eq!(region_name_language(lang, name), lang, "{name} in {lang}");
            }
        }
    }
}
