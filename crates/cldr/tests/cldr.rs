//! The vendored CLDR names: every state the United Nations seats has a name
//! in each of the six languages (read from the checked list of states in
//! `../shared/data/`, when present), names are the files' own, and text from
//! outside never reaches a variant or a region.

use accord_cldr::{state_name, territory_name, LANGUAGES};

/// The name CLDR gives `code` in `lang`, read from the vendored file by the
/// test itself.
fn from_file(lang: &str, code: &str) -> String {
    let path = format!(
        "{}/data/{lang}/territories.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    json.pointer(&format!(
        "/main/{lang}/localeDisplayNames/territories/{code}"
    ))
    .and_then(serde_json::Value::as_str)
    .unwrap()
    .to_owned()
}

#[test]
fn names_are_the_vendored_files_own() {
    for lang in LANGUAGES {
        for code in ["MX", "US", "FR", "CN", "SA"] {
            assert_eq!(territory_name(lang, code).unwrap(), from_file(lang, code));
            assert_eq!(state_name(lang, code).unwrap(), from_file(lang, code));
        }
    }
    // The six languages really differ.
    let mexico: std::collections::BTreeSet<_> = LANGUAGES
        .iter()
        .map(|l| territory_name(l, "MX").unwrap())
        .collect();
    assert_eq!(mexico.len(), LANGUAGES.len(), "{mexico:?}");
}

#[test]
fn observer_states_are_named_as_seated_not_as_territories() {
    for lang in LANGUAGES {
        assert_eq!(
            state_name(lang, "PS").unwrap(),
            from_file(lang, "PS-alt-short")
        );
        assert_ne!(state_name(lang, "PS"), territory_name(lang, "PS"));
        // CLDR names Vatican City, not the Holy See.
        assert!(territory_name(lang, "VA").is_some());
        assert_eq!(state_name(lang, "VA"), None);
    }
}

#[test]
fn every_seated_state_has_a_name_in_each_language() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/un-member-states.csv"
    );
    let Ok(list) = std::fs::read_to_string(path) else {
        eprintln!("{path} not found: checked against the demo's states instead");
        return;
    };
    let mut checked = 0;
    for line in list.lines().skip(1) {
        let fields = csv_fields(line);
        let fields: Vec<&str> = fields.iter().map(String::as_str).collect();
        // The checked list writes the EU's own codes beside ISO's as
        // alternatives (`^GR$|^EL$`): ISO 3166's is the first.
        let iso2 = fields[1]
            .trim_start_matches('^')
            .split(['$', '|'])
            .next()
            .unwrap();
        let status = fields[7];
        assert!(
            status == "member_state" || status == "observer_state",
            "{line}"
        );
        for lang in LANGUAGES {
            let name = state_name(lang, iso2);
            if iso2 == "VA" {
                assert_eq!(name, None);
            } else {
                assert!(name.is_some_and(|n| !n.is_empty()), "{lang} {iso2}");
            }
        }
        checked += 1;
    }
    assert_eq!(checked, 195);
}

#[test]
fn outside_text_finds_no_name() {
    for hostile in [
        "",
        "M",
        "mx",
        "MEX",
        "001",
        "419",
        "PS-alt-short",
        "US-alt-short",
        "ÉU",
        "M\0",
        "MX ",
        " MX",
        "../en",
        "ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ",
    ] {
        for lang in LANGUAGES {
            assert_eq!(territory_name(lang, hostile), None, "{hostile:?}");
            assert_eq!(state_name(lang, hostile), None, "{hostile:?}");
        }
    }
    for lang in ["", "EN", "de", "zh-Hant", "../fr", "en\0"] {
        assert_eq!(territory_name(lang, "MX"), None, "{lang:?}");
        assert_eq!(state_name(lang, "PS"), None, "{lang:?}");
    }
}

/// The fields of one CSV line; a quoted field may hold commas and doubled quotes.
fn csv_fields(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                fields.last_mut().unwrap().push('"');
            }
            '"' => quoted = !quoted,
            ',' if !quoted => fields.push(String::new()),
            c => fields.last_mut().unwrap().push(c),
        }
    }
    fields
}
