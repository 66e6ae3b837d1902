//! UI strings through Fluent: one message file per language, English complete,
//! the others falling back to English for any message they lack.

use accord_domain::Language;
use axum::http::HeaderMap;
use chrono::{Datelike, NaiveDate};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// The cookie that remembers the reader's language.
pub const LANG_COOKIE: &str = "accord_lang";

const SOURCES: [(Language, &str); 6] = [
    (Language::En, include_str!("../../locales/en.ftl")),
    (Language::Ar, include_str!("../../locales/ar.ftl")),
    (Language::Zh, include_str!("../../locales/zh.ftl")),
    (Language::Fr, include_str!("../../locales/fr.ftl")),
    (Language::Ru, include_str!("../../locales/ru.ftl")),
    (Language::Es, include_str!("../../locales/es.ftl")),
];

pub struct I18n {
    bundles: Vec<(Language, FluentBundle<FluentResource>)>,
}

impl I18n {
    /// Parses the embedded message files; a syntax error is a bug caught by tests.
    pub fn new() -> Self {
        let bundles = SOURCES
            .iter()
            .map(|(lang, source)| {
                let resource =
                    FluentResource::try_new(source.to_string()).unwrap_or_else(|(_, errors)| {
                        panic!("locales/{lang}.ftl does not parse: {errors:?}")
                    });
                let langid = lang
                    .as_str()
                    .parse()
                    .expect("language codes are valid identifiers");
                let mut bundle = FluentBundle::new_concurrent(vec![langid]);
                bundle.set_use_isolating(false);
                bundle
                    .add_resource(resource)
                    .unwrap_or_else(|e| panic!("locales/{lang}.ftl: {e:?}"));
                (*lang, bundle)
            })
            .collect();
        I18n { bundles }
    }

    fn bundle(&self, lang: Language) -> &FluentBundle<FluentResource> {
        &self
            .bundles
            .iter()
            .find(|(l, _)| *l == lang)
            .unwrap_or(&self.bundles[0])
            .1
    }

    /// Does `lang` have its own translation of `key`?
    pub fn has(&self, lang: Language, key: &str) -> bool {
        self.bundle(lang).has_message(key)
    }

    /// The message `key` in `lang`, or in English, or the key itself.
    pub fn text(&self, lang: Language, key: &str, args: Option<&FluentArgs>) -> String {
        for bundle in [self.bundle(lang), self.bundle(Language::En)] {
            if let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) {
                let mut errors = vec![];
                let text = bundle.format_pattern(pattern, args, &mut errors);
                if errors.is_empty() {
                    return text.into_owned();
                }
                tracing::warn!(key, ?errors, "message did not format");
            }
        }
        key.to_owned()
    }

    /// The message `key` if any language file defines it, else `fallback`.
    pub fn text_or(&self, lang: Language, key: &str, fallback: &str) -> String {
        if self.has(lang, key) || self.has(Language::En, key) {
            self.text(lang, key, None)
        } else {
            fallback.to_owned()
        }
    }

    /// A date in the reader's language, e.g. "8 May 2017", "2017年5月8日".
    pub fn date(&self, lang: Language, date: NaiveDate) -> String {
        let args = date_args(self, lang, date, "");
        self.text(lang, "date-full", Some(&args))
    }

    /// A date range, compact when both ends share a month: "8–9 May 2017".
    pub fn date_range(&self, lang: Language, start: NaiveDate, end: NaiveDate) -> String {
        if start == end {
            return self.date(lang, start);
        }
        if (start.year(), start.month()) == (end.year(), end.month()) {
            let mut args = date_args(self, lang, start, "");
            args.set("end_day", end.day().to_string());
            return self.text(lang, "date-range-same-month", Some(&args));
        }
        let mut args = FluentArgs::new();
        args.set("start", self.date(lang, start));
        args.set("end", self.date(lang, end));
        self.text(lang, "date-range", Some(&args))
    }

    /// A month and year, for time axes: "May 2017".
    pub fn month_year(&self, lang: Language, date: NaiveDate) -> String {
        let args = date_args(self, lang, date, "-short");
        self.text(lang, "date-month-year", Some(&args))
    }
}

impl Default for I18n {
    fn default() -> Self {
        Self::new()
    }
}

fn date_args<'a>(
    i18n: &I18n,
    lang: Language,
    date: NaiveDate,
    month_style: &str,
) -> FluentArgs<'a> {
    let mut args = FluentArgs::new();
    args.set("day", date.day().to_string());
    args.set(
        "month",
        i18n.text(lang, &format!("month{month_style}-{}", date.month()), None),
    );
    args.set("month_number", date.month().to_string());
    args.set("year", date.year().to_string());
    args
}

/// Builds Fluent arguments from pairs.
pub fn args<'a>(pairs: &[(&'a str, FluentValue<'a>)]) -> FluentArgs<'a> {
    let mut a = FluentArgs::new();
    for (k, v) in pairs {
        a.set(*k, v.clone());
    }
    a
}

/// The reader's language: the remembered choice, else the best match in
/// `Accept-Language`, else English.
pub fn negotiate(headers: &HeaderMap) -> Language {
    cookie_language(headers)
        .or_else(|| {
            headers
                .get(axum::http::header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(accept_language)
        })
        .unwrap_or(Language::En)
}

fn cookie_language(headers: &HeaderMap) -> Option<Language> {
    headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == LANG_COOKIE)
        .and_then(|(_, value)| value.parse().ok())
}

/// Picks the supported language with the highest quality in an
/// `Accept-Language` header ("fr-CH, fr;q=0.9, en;q=0.8").
pub fn accept_language(header: &str) -> Option<Language> {
    let mut best: Option<(f32, usize, Language)> = None;
    for (position, part) in header.split(',').take(32).enumerate() {
        let mut pieces = part.trim().split(';');
        let tag = pieces.next().unwrap_or("").trim();
        let primary = tag
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        let quality = pieces
            .find_map(|p| p.trim().strip_prefix("q="))
            .map(|q| q.trim().parse::<f32>().unwrap_or(0.0))
            .unwrap_or(1.0);
        if !(quality > 0.0 && quality <= 1.0) {
            continue;
        }
        let Ok(lang) = primary.parse::<Language>() else {
            continue;
        };
        // Higher quality wins; at equal quality, the earlier entry.
        if best.is_none_or(|(q, p, _)| quality > q || (quality == q && position < p)) {
            best = Some((quality, position, lang));
        }
    }
    best.map(|(_, _, lang)| lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_parses_and_has_every_message() {
        let i18n = I18n::new();
        let en = SOURCES[0].1;
        let keys: Vec<&str> = en
            .lines()
            .filter_map(|l| l.split_once(" = ").map(|(k, _)| k.trim()))
            .filter(|k| {
                !k.starts_with('#') && !k.starts_with('.') && !k.is_empty() && !k.contains(' ')
            })
            .collect();
        assert!(keys.len() > 100, "{}", keys.len());
        for lang in Language::ALL {
            for key in &keys {
                assert!(i18n.has(*lang, key), "{lang} lacks {key}");
            }
        }
    }

    #[test]
    fn the_page_shell_is_in_all_six_languages() {
        let i18n = I18n::new();
        let shell = [
            "site-name",
            "nav-processes",
            "nav-actors",
            "nav-language",
            "skip-to-content",
            "home-title",
            "process-current-phase",
            "process-mandate",
            "process-co-facilitators",
            "process-timeline",
            "process-phases",
            "process-meetings",
            "process-documents",
            "process-themes",
            "meetings-title",
            "meeting-dates",
            "meeting-venue",
            "meeting-agenda",
            "documents-title",
            "document-symbol",
            "document-date",
            "actors-title",
            "actor-name",
            "actor-subregion",
            "phase-consultation",
            "phase-negotiation",
            "phase-follow_up",
            "meeting-kind-thematic_session",
            "meeting-kind-negotiation_round",
            "actor-kind-member_state",
            "month-1",
            "month-12",
            "month-short-5",
            "date-full",
            "date-range-same-month",
            "date-range",
            "error-not-found-title",
        ];
        for lang in Language::ALL {
            for key in shell {
                assert!(i18n.has(*lang, key), "{lang} lacks {key}");
            }
        }
    }

    #[test]
    fn dates_in_six_languages() {
        let i18n = I18n::new();
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        assert_eq!(i18n.date(Language::En, d("2017-05-08")), "8 May 2017");
        assert_eq!(i18n.date(Language::Fr, d("2017-05-08")), "8 mai 2017");
        assert_eq!(
            i18n.date(Language::Es, d("2017-05-08")),
            "8 de mayo de 2017"
        );
        assert_eq!(i18n.date(Language::Ru, d("2017-05-08")), "8 мая 2017 г.");
        assert_eq!(i18n.date(Language::Zh, d("2017-05-08")), "2017年5月8日");
        assert_eq!(i18n.date(Language::Ar, d("2017-05-08")), "8 مايو 2017");
        assert_eq!(
            i18n.date_range(Language::En, d("2017-05-08"), d("2017-05-09")),
            "8–9 May 2017"
        );
        assert_eq!(
            i18n.date_range(Language::En, d("2017-11-30"), d("2017-12-01")),
            "30 November 2017 – 1 December 2017"
        );
        assert_eq!(
            i18n.date_range(Language::En, d("2018-12-19"), d("2018-12-19")),
            "19 December 2018"
        );
    }

    #[test]
    fn accept_language_picks_the_best_supported() {
        assert_eq!(
            accept_language("fr-CH, fr;q=0.9, en;q=0.8"),
            Some(Language::Fr)
        );
        assert_eq!(
            accept_language("de-DE, es;q=0.5, ar;q=0.7"),
            Some(Language::Ar)
        );
        assert_eq!(accept_language("zh-Hans-CN"), Some(Language::Zh));
        assert_eq!(accept_language("de, it"), None);
        // Hostile or malformed headers never panic and never pick nonsense.
        for hostile in [
            "",
            ";;;,,,",
            "en;q=abc",
            "ar;q=-1",
            "ru;q=2",
            &"x,".repeat(10_000),
            "é;q=1",
        ] {
            let picked = accept_language(hostile);
            assert!(
                picked.is_none() || hostile.starts_with("en"),
                "{hostile:?} -> {picked:?}"
            );
        }
    }

    #[test]
    fn the_cookie_wins_over_the_header() {
        let mut h = HeaderMap::new();
        h.insert("accept-language", "fr".parse().unwrap());
        assert_eq!(negotiate(&h), Language::Fr);
        h.insert("cookie", "other=1; accord_lang=ar".parse().unwrap());
        assert_eq!(negotiate(&h), Language::Ar);
        h.insert("cookie", "accord_lang=xx".parse().unwrap());
        assert_eq!(
            negotiate(&h),
            Language::Fr,
            "an unknown cookie value is ignored"
        );
    }
}
