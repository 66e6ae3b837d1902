//! Identifiers that come from outside: checked once, at the edge, then trusted.

use crate::ValidationError;
use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! ident {
    ($(#[$m:meta])* $name:ident, $what:literal, $check:expr) => {
        $(#[$m])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            pub fn new(value: impl Into<String>) -> Result<Self, ValidationError> {
                let value = value.into();
                let check: fn(&str) -> Result<(), &'static str> = $check;
                match check(&value) {
                    Ok(()) => Ok(Self(value)),
                    Err(reason) => Err(ValidationError::Invalid {
                        what: $what,
                        value: value.chars().take(80).collect(),
                        reason,
                    }),
                }
            }
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl TryFrom<String> for $name {
            type Error = ValidationError;
            fn try_from(value: String) -> Result<Self, Self::Error> {
                Self::new(value)
            }
        }

        impl From<$name> for String {
            fn from(value: $name) -> String {
                value.0
            }
        }

        #[cfg(feature = "openapi")]
        impl utoipa::PartialSchema for $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                utoipa::openapi::schema::ObjectBuilder::new()
                    .schema_type(utoipa::openapi::schema::Type::String)
                    .description(Some($what))
                    .into()
            }
        }

        #[cfg(feature = "openapi")]
        impl utoipa::ToSchema for $name {}

        impl std::str::FromStr for $name {
            type Err = ValidationError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Self::new(s)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }
    };
}

ident!(
    /// A URL-safe name: lowercase ASCII letters, digits and inner hyphens, 1–64 long.
    Slug,
    "slug",
    |s| {
        if s.is_empty() || s.len() > 64 {
            return Err("must be 1 to 64 characters long");
        }
        if !s
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        {
            return Err("may contain only lowercase letters a-z, digits and '-'");
        }
        if s.starts_with('-') || s.ends_with('-') || s.contains("--") {
            return Err("'-' may only separate words");
        }
        Ok(())
    }
);

ident!(
    /// An actor's code: ISO 3166-1 alpha-3 for states (`MEX`), a short
    /// uppercase name for others (`EU`, `IOM`): A–Z, 0–9 and '-', 2–16 long.
    ActorCode,
    "actor code",
    |s| {
        if s.len() < 2 || s.len() > 16 {
            return Err("must be 2 to 16 characters long");
        }
        if !s
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-')
        {
            return Err("may contain only uppercase letters A-Z, digits and '-'");
        }
        Ok(())
    }
);

ident!(
    /// A UN document symbol such as `A/RES/73/195` or `A/CONF.231/3`.
    Symbol,
    "document symbol",
    |s| {
        if s.is_empty() || s.len() > 64 {
            return Err("must be 1 to 64 characters long");
        }
        if !s.bytes().all(|b| {
            b.is_ascii_uppercase()
                || b.is_ascii_digit()
                || matches!(b, b'/' | b'.' | b'-' | b'(' | b')')
        }) {
            return Err("may contain only A-Z, digits and / . - ( )");
        }
        if s.starts_with('/') || s.ends_with('/') || s.contains("//") {
            return Err("'/' may only separate parts of the symbol");
        }
        Ok(())
    }
);

impl ActorCode {
    /// True for a well-formed ISO 3166-1 alpha-3 code (three letters).
    pub fn is_alpha3(&self) -> bool {
        self.0.len() == 3 && self.0.bytes().all(|b| b.is_ascii_uppercase())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert!(Slug::new("gcm").is_ok());
        assert!(Slug::new("thematic-session-1").is_ok());
        for bad in [
            "",
            "GCM",
            "-gcm",
            "gcm-",
            "a--b",
            "a b",
            "gcm/..",
            "é",
            &"a".repeat(65),
        ] {
            assert!(Slug::new(bad).is_err(), "{bad:?} accepted");
        }
    }

    #[test]
    fn actor_codes() {
        assert!(ActorCode::new("MEX").unwrap().is_alpha3());
        assert!(!ActorCode::new("EU").unwrap().is_alpha3());
        for bad in ["", "M", "mex", "M X", "MEX;DROP", &"A".repeat(17)] {
            assert!(ActorCode::new(bad).is_err(), "{bad:?} accepted");
        }
    }

    #[test]
    fn symbols() {
        for good in [
            "A/RES/73/195",
            "A/CONF.231/3",
            "E/ESCAP/GCM/PREP/6",
            "A/72/643",
        ] {
            assert!(Symbol::new(good).is_ok(), "{good} refused");
        }
        for bad in ["", "/A/1", "A/1/", "A//1", "a/res/1", "A/1<script>"] {
            assert!(Symbol::new(bad).is_err(), "{bad:?} accepted");
        }
    }

    #[test]
    fn deserialising_checks_too() {
        let r: Result<Slug, _> = serde_json::from_str("\"Not A Slug\"");
        assert!(r.is_err());
    }
}
