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
