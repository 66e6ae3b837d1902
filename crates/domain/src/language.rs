crate::named_enum!(
    /// The six official languages of the United Nations (ISO 639-1 codes).
    Language, "language" {
        Ar => "ar",
        Zh => "zh",
        En => "en",
        Fr => "fr",
        Ru => "ru",
        Es => "es",
    }
);

impl Language {
    /// Arabic is written right to left; the other five left to right.
    pub fn is_rtl(self) -> bool {
        self == Language::Ar
    }

    /// The language's name in itself, for a language switcher.
    pub fn endonym(self) -> &'static str {
        match self {
            Language::Ar => "العربية",
            Language::Zh => "中文",
            Language::En => "English",
            Language::Fr => "Français",
            Language::Ru => "Русский",
            Language::Es => "Español",
        }
    }
}

/// A title in other languages than its original: at most one a language.
/// A reader sees the one in their language, else the original.
pub type TitleTranslations = std::collections::BTreeMap<Language, String>;

/// The longest translated title, in characters.
pub const MAX_TRANSLATED_TITLE: usize = 500;

/// Rules on a title's translations: none empty, none too long.
pub fn check_title_translations(
    what: &'static str,
    translations: &TitleTranslations,
) -> Result<(), crate::ValidationError> {
    for title in translations.values() {
        crate::error::required(what, title)?;
        crate::error::at_most(what, title, MAX_TRANSLATED_TITLE)?;
    }
    Ok(())
}

/// The title in `lang` where it is translated, else the original, and the
/// language of what is returned (`None`: the original's).
pub fn title_in<'a>(
    original: &'a str,
    translations: &'a TitleTranslations,
    lang: Language,
) -> (&'a str, Option<Language>) {
    match translations.get(&lang) {
        Some(t) => (t, Some(lang)),
        None => (original, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_and_direction() {
        assert_eq!("ar".parse::<Language>().unwrap(), Language::Ar);
        assert!(Language::Ar.is_rtl());
        assert!(!Language::Zh.is_rtl());
        assert!("de".parse::<Language>().is_err());
        assert_eq!(Language::ALL.len(), 6);
    }
}

#[cfg(test)]
mod title_tests {
    use super::*;

    #[test]
    fn a_title_is_read_in_the_readers_language_or_else_in_the_original() {
        let mut t = TitleTranslations::new();
        t.insert(Language::Fr, "Pacte".into());
        assert_eq!(
            title_in("Compact", &t, Language::Fr),
            ("Pacte", Some(Language::Fr))
        );
        assert_eq!(title_in("Compact", &t, Language::Ar), ("Compact", None));
        assert!(check_title_translations("translated title", &t).is_ok());
        t.insert(Language::Zh, "  ".into());
        assert_eq!(
            check_title_translations("translated title", &t),
            Err(crate::ValidationError::Empty("translated title"))
        );
        t.insert(Language::Zh, "x".repeat(MAX_TRANSLATED_TITLE + 1));
        assert!(matches!(
            check_title_translations("translated title", &t),
            Err(crate::ValidationError::TooLong { .. })
        ));
    }
}
