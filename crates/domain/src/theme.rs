use crate::error::{at_most, required};
use crate::{FieldChange, Slug, ValidationError};
use serde::{Deserialize, Serialize};

/// An entry in one of a process's taxonomies (e.g. the six thematic-session
/// topics, or the 23 objectives of the compact).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Theme {
    pub process: Slug,
    /// Unique within the process, e.g. `objective-7`. It never changes.
    pub code: Slug,
    /// Which taxonomy the theme belongs to, e.g. `objectives`.
    pub taxonomy: Slug,
    #[serde(default)]
    pub number: Option<u32>,
    pub title: String,
    /// Why the secretariat withdrew it; `None` while it stands. Nothing new
    /// is filed under a withdrawn theme; what was filed under it keeps it,
    /// marked withdrawn.
    #[serde(default)]
    pub withdrawn_reason: Option<String>,
}

/// What the secretariat may change in a theme by editing it: its code and
/// taxonomy stay (they are how it is filed and analysed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThemeEdit {
    pub title: String,
    pub number: Option<u32>,
}

impl Theme {
    pub fn validate(&self) -> Result<(), ValidationError> {
        required("theme title", &self.title)?;
        at_most("theme title", &self.title, 500)
    }

    pub fn is_withdrawn(&self) -> bool {
        self.withdrawn_reason.is_some()
    }

    /// May something new be filed under it (or the theme be changed)?
    /// Refused with `theme_withdrawn` once withdrawn.
    pub fn check_standing(&self) -> Result<(), ValidationError> {
        if self.is_withdrawn() {
            return Err(ValidationError::ThemeWithdrawn(self.code.to_string()));
        }
        Ok(())
    }

    /// The theme as edited, and what changed field by field; refused when
    /// it is withdrawn, breaks a theme's rules, or changes nothing.
    pub fn edited(&self, edit: &ThemeEdit) -> Result<(Theme, Vec<FieldChange>), ValidationError> {
        self.check_standing()?;
        let mut next = self.clone();
        next.title = edit.title.trim().to_owned();
        next.number = edit.number;
        next.validate()?;
        let changes = theme_changes(self, &next);
        if changes.is_empty() {
            return Err(ValidationError::NothingChanged(
                "the theme already reads so".into(),
            ));
        }
        Ok((next, changes))
    }

    /// The theme withdrawn, with the reason (required).
    pub fn withdrawn(&self, reason: &str) -> Result<(Theme, Vec<FieldChange>), ValidationError> {
        self.check_standing()?;
        required("reason", reason)?;
        at_most("reason", reason, 2_000)?;
        let mut next = self.clone();
        next.withdrawn_reason = Some(reason.trim().to_owned());
        let changes = theme_changes(self, &next);
        Ok((next, changes))
    }
}

/// The fields that differ between two states of a theme, as text.
fn theme_changes(before: &Theme, after: &Theme) -> Vec<FieldChange> {
    let text = |t: &Theme| {
        [
            ("title", t.title.clone()),
            (
                "number",
                t.number.map(|n| n.to_string()).unwrap_or_default(),
            ),
            (
                "status",
                if t.is_withdrawn() {
                    "withdrawn"
                } else {
                    "standing"
                }
                .to_owned(),
            ),
        ]
    };
    text(before)
        .into_iter()
        .zip(text(after))
        .filter(|((_, b), (_, a))| b != a)
        .map(|((field, before), (_, after))| FieldChange {
            field: field.to_owned(),
            before,
            after,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn theme() -> Theme {
        Theme {
            process: "gcm".parse().unwrap(),
            code: "objective-7".parse().unwrap(),
            taxonomy: "objectives".parse().unwrap(),
            number: Some(7),
            title: "Address and reduce vulnerabilities in migration".into(),
            withdrawn_reason: None,
        }
    }

    fn edit(title: &str, number: Option<u32>) -> ThemeEdit {
        ThemeEdit {
            title: title.into(),
            number,
        }
    }

    #[test]
    fn edits_as_a_table() {
        let t = theme();
        let same = t.title.as_str();
        let long = "x".repeat(501);
        // (edit, the fields changed or the error's kind)
        let cases: Vec<(ThemeEdit, Result<Vec<&str>, &str>)> = vec![
            (edit(same, Some(7)), Err("nothing_changed")),
            (edit(&format!("  {same} "), Some(7)), Err("nothing_changed")),
            (edit("Reduce vulnerabilities", Some(7)), Ok(vec!["title"])),
            (edit(same, None), Ok(vec!["number"])),
            (edit(same, Some(8)), Ok(vec!["number"])),
            (edit("Other", Some(1)), Ok(vec!["title", "number"])),
            (edit("   ", Some(7)), Err("invalid")),
            (edit(&long, Some(7)), Err("too_long")),
        ];
        for (e, expected) in cases {
            let got = t
                .edited(&e)
                .map(|(next, changes)| {
                    assert_eq!(next.code, t.code, "the code never changes");
                    assert_eq!(next.taxonomy, t.taxonomy);
                    assert_eq!(next.title, e.title.trim());
                    changes.into_iter().map(|c| c.field).collect::<Vec<_>>()
                })
                .map_err(|err| err.kind());
            let expected = expected.map(|v| v.into_iter().map(String::from).collect::<Vec<_>>());
            assert_eq!(got, expected, "{e:?}");
        }
        let (_, changes) = t.edited(&edit(same, None)).unwrap();
        assert_eq!(
            (changes[0].before.as_str(), changes[0].after.as_str()),
            ("7", "")
        );
    }

    #[test]
    fn a_withdrawal_needs_a_reason_and_happens_once() {
        let t = theme();
        assert_eq!(t.withdrawn("  ").unwrap_err().kind(), "invalid");
        assert_eq!(
            t.withdrawn(&"x".repeat(2_001)).unwrap_err().kind(),
            "too_long"
        );
        assert!(t.check_standing().is_ok());
        let (gone, changes) = t.withdrawn("  Merged into objective 8 ").unwrap();
        assert_eq!(
            gone.withdrawn_reason.as_deref(),
            Some("Merged into objective 8")
        );
        assert!(gone.is_withdrawn());
        assert_eq!(changes.len(), 1);
        assert_eq!(
            (
                changes[0].field.as_str(),
                changes[0].before.as_str(),
                changes[0].after.as_str()
            ),
            ("status", "standing", "withdrawn")
        );
        for refused in [
            gone.withdrawn("again").unwrap_err(),
            gone.edited(&edit("New", None)).unwrap_err(),
            gone.check_standing().unwrap_err(),
        ] {
            assert_eq!(refused.kind(), "theme_withdrawn");
        }
    }
}
