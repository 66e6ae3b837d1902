use crate::error::required;
use crate::{Language, Slug, Symbol, ValidationError};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

crate::named_enum!(
    /// What a document is (DESIGN.md §3).
    DocumentKind, "document kind" {
        IssueBrief => "issue_brief",
        ConceptNote => "concept_note",
        Programme => "programme",
        Report => "report",
        Draft => "draft",
        Summary => "summary",
        Letter => "letter",
        NonPaper => "non_paper",
        Resolution => "resolution",
        OutcomeDocument => "outcome_document",
    }
);

crate::named_enum!(
    /// Who may read a document, a statement or an input: everyone; member
    /// states only (the UN's "restricted" distribution); or the secretariat only.
    Distribution, "distribution" {
        Public => "public",
        Restricted => "restricted",
        Secretariat => "secretariat",
    }
);

/// How much of a process a reader may see: the public; the member states
/// (their delegates, and the co-facilitators); or the secretariat, who also
/// sees what is embargoed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Clearance {
    Public,
    MemberStates,
    Secretariat,
}

impl Clearance {
    /// The distributions a reader with this clearance may read.
    pub fn distributions(self) -> &'static [Distribution] {
        match self {
            Clearance::Public => &[Distribution::Public],
            Clearance::MemberStates => &[Distribution::Public, Distribution::Restricted],
            Clearance::Secretariat => Distribution::ALL,
        }
    }

    /// May this reader see an item of `distribution`, embargoed until
    /// `embargo`, at `now`? Only the secretariat sees an embargoed item early.
    pub fn may_see(
        self,
        distribution: Distribution,
        embargo: Option<DateTime<Utc>>,
        now: DateTime<Utc>,
    ) -> bool {
        if self == Clearance::Secretariat {
            return true;
        }
        self.distributions().contains(&distribution) && embargo.is_none_or(|until| until <= now)
    }
}

/// Document metadata about to be recorded (the files come with ingestion).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewDocument {
    /// Taken from the path.
    #[cfg_attr(feature = "openapi", schema(ignore))]
    pub process: Slug,
    /// Unique within the process: a stable name for documents with no symbol.
    pub slug: Slug,
    /// The UN symbol, for official documents; unique across all processes.
    #[serde(default)]
    pub symbol: Option<Symbol>,
    pub title: String,
    pub kind: DocumentKind,
    pub date: NaiveDate,
    pub languages: Vec<Language>,
    pub distribution: Distribution,
    /// Nobody but the secretariat sees the document before this instant.
    #[serde(default)]
    pub embargo_until: Option<DateTime<Utc>>,
    /// The meeting the document belongs to, by the meeting's slug.
    #[serde(default)]
    pub meeting: Option<Slug>,
}

impl NewDocument {
    pub fn validate(&self) -> Result<(), ValidationError> {
        required("document title", &self.title)?;
        if self.languages.is_empty() {
            return Err(ValidationError::Empty("document languages"));
        }
        Ok(())
    }

    pub fn with_id(self, id: i64) -> Document {
        Document {
            id,
            document: self,
            withdrawn_reason: None,
        }
    }
}

/// A recorded document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    pub id: i64,
    #[serde(flatten)]
    pub document: NewDocument,
    /// Why the secretariat withdrew it; `None` while it stands. A withdrawn
    /// document stays readable by those who may see it, marked so, and
    /// leaves the lists.
    #[serde(default)]
    pub withdrawn_reason: Option<String>,
}

/// What the secretariat may change in a document's metadata by editing it
/// (its slug stays; its files come with uploads).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentEdit {
    pub symbol: Option<Symbol>,
    pub title: String,
    pub kind: DocumentKind,
    pub date: NaiveDate,
    pub languages: Vec<Language>,
    pub distribution: Distribution,
    pub embargo_until: Option<DateTime<Utc>>,
    /// The meeting it belongs to, by the meeting's slug.
    pub meeting: Option<Slug>,
}

crate::named_enum!(
    /// What a change to a document (or a process, or a theme) was.
    ChangeKind, "change" {
        Edited => "edited",
        Withdrawn => "withdrawn",
    }
);

/// A change to a document, a process or a theme, kept as its history: who,
/// when, what, why. `subject` names the item as the audit log does
/// (`document:12`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordChange {
    pub subject: String,
    pub kind: ChangeKind,
    pub at: DateTime<Utc>,
    /// Who made the change, by name (never an e-mail address).
    pub by: String,
    /// Why (required for a withdrawal).
    pub reason: Option<String>,
    pub changes: Vec<crate::FieldChange>,
}

impl Document {
    pub fn is_withdrawn(&self) -> bool {
        self.withdrawn_reason.is_some()
    }

    fn check_standing(&self) -> Result<(), ValidationError> {
        if self.is_withdrawn() {
            return Err(ValidationError::DocumentWithdrawn(self.title.clone()));
        }
        Ok(())
    }

    /// The document as edited, and what changed field by field; refused
    /// when it is withdrawn, breaks a document's rules, or changes nothing.
    pub fn edited(
        &self,
        edit: &DocumentEdit,
    ) -> Result<(Document, Vec<crate::FieldChange>), ValidationError> {
        self.check_standing()?;
        let mut next = self.clone();
        let d = &mut next.document;
        d.symbol = edit.symbol.clone();
        d.title = edit.title.trim().to_owned();
        d.kind = edit.kind;
        d.date = edit.date;
        d.languages = edit.languages.clone();
        d.distribution = edit.distribution;
        d.embargo_until = edit.embargo_until;
        d.meeting = edit.meeting.clone();
        next.document.validate()?;
        let changes = document_changes(self, &next);
        if changes.is_empty() {
            return Err(ValidationError::NothingChanged(
                "the document already reads so".into(),
            ));
        }
        Ok((next, changes))
    }

    /// The document withdrawn, with the reason (required).
    pub fn withdrawn(
        &self,
        reason: &str,
    ) -> Result<(Document, Vec<crate::FieldChange>), ValidationError> {
        self.check_standing()?;
        crate::error::required("reason", reason)?;
        crate::error::at_most("reason", reason, 2_000)?;
        let mut next = self.clone();
        next.withdrawn_reason = Some(reason.trim().to_owned());
        let changes = document_changes(self, &next);
        Ok((next, changes))
    }

    /// May the public read it at `now`? Restricted documents never; embargoed
    /// ones once the embargo has passed.
    pub fn is_public_at(&self, now: DateTime<Utc>) -> bool {
        Clearance::Public.may_see(self.distribution, self.embargo_until, now)
    }
}

/// The fields that differ between two states of a document, as text.
fn document_changes(before: &Document, after: &Document) -> Vec<crate::FieldChange> {
    let text = |d: &Document| {
        [
            (
                "symbol",
                d.symbol
                    .as_ref()
                    .map(ToString::to_string)
                    .unwrap_or_default(),
            ),
            ("title", d.title.clone()),
            ("kind", d.kind.to_string()),
            ("date", d.date.to_string()),
            (
                "languages",
                d.languages
                    .iter()
                    .map(|l| l.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
            ("distribution", d.distribution.to_string()),
            (
                "embargo_until",
                d.embargo_until.map(|t| t.to_rfc3339()).unwrap_or_default(),
            ),
            (
                "meeting",
                d.meeting
                    .as_ref()
                    .map(ToString::to_string)
                    .unwrap_or_default(),
            ),
            (
                "status",
                if d.is_withdrawn() {
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
        .map(|((field, before), (_, after))| crate::FieldChange {
            field: field.to_owned(),
            before,
            after,
        })
        .collect()
}

impl std::ops::Deref for Document {
    type Target = NewDocument;
    fn deref(&self) -> &NewDocument {
        &self.document
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc() -> Document {
        NewDocument {
            process: Slug::new("gcm").unwrap(),
            slug: Slug::new("a-72-643").unwrap(),
            symbol: Some(Symbol::new("A/72/643").unwrap()),
            title: "Making migration work for all".into(),
            kind: DocumentKind::Report,
            date: "2017-12-12".parse().unwrap(),
            languages: Language::ALL.to_vec(),
            distribution: Distribution::Public,
            embargo_until: None,
            meeting: None,
        }
        .with_id(1)
    }

    #[test]
    fn restricted_and_embargoed_documents_are_not_public() {
        let now: DateTime<Utc> = "2018-01-01T12:00:00Z".parse().unwrap();
        let mut d = doc();
        assert!(d.is_public_at(now));
        d.document.embargo_until = Some("2018-01-01T12:00:01Z".parse().unwrap());
        assert!(!d.is_public_at(now));
        assert!(d.is_public_at("2018-01-01T12:00:01Z".parse().unwrap()));
        d.document.embargo_until = None;
        d.document.distribution = Distribution::Restricted;
        assert!(!d.is_public_at(now));
    }

    #[test]
    fn each_clearance_sees_its_distributions_and_only_the_secretariat_sees_embargoes() {
        let now: DateTime<Utc> = "2018-01-01T12:00:00Z".parse().unwrap();
        let later = Some("2018-01-02T00:00:00Z".parse().unwrap());
        use Clearance::*;
        use Distribution as D;
        for (c, d, embargo, seen) in [
            (Public, D::Public, None, true),
            (Public, D::Restricted, None, false),
            (Public, D::Secretariat, None, false),
            (Public, D::Public, later, false),
            (MemberStates, D::Restricted, None, true),
            (MemberStates, D::Secretariat, None, false),
            (MemberStates, D::Restricted, later, false),
            (Secretariat, D::Secretariat, later, true),
        ] {
            assert_eq!(c.may_see(d, embargo, now), seen, "{c:?} {d} {embargo:?}");
        }
    }

    #[test]
    fn an_edit_records_what_changed_and_a_withdrawn_document_takes_no_change() {
        let d = doc();
        let mut edit = DocumentEdit {
            symbol: d.symbol.clone(),
            title: d.title.clone(),
            kind: d.kind,
            date: d.date,
            languages: d.languages.clone(),
            distribution: d.distribution,
            embargo_until: None,
            meeting: None,
        };
        assert_eq!(d.edited(&edit).unwrap_err().kind(), "nothing_changed");
        edit.title = "Making migration work for all (corrected)".into();
        edit.languages = vec![Language::En];
        let (next, changes) = d.edited(&edit).unwrap();
        assert_eq!(next.title, edit.title);
        let fields: Vec<&str> = changes.iter().map(|c| c.field.as_str()).collect();
        assert_eq!(fields, ["title", "languages"]);
        assert_eq!(changes[1].after, "en");
        edit.languages.clear();
        assert_eq!(d.edited(&edit).unwrap_err().kind(), "invalid");
        assert_eq!(d.withdrawn("  ").unwrap_err().kind(), "invalid");
        let (gone, changes) = d.withdrawn("Issued in error").unwrap();
        assert_eq!(gone.withdrawn_reason.as_deref(), Some("Issued in error"));
        assert_eq!(
            (changes[0].field.as_str(), changes[0].after.as_str()),
            ("status", "withdrawn")
        );
        assert_eq!(
            gone.withdrawn("again").unwrap_err().kind(),
            "document_withdrawn"
        );
        edit.languages = vec![Language::En];
        assert_eq!(gone.edited(&edit).unwrap_err().kind(), "document_withdrawn");
    }

    #[test]
    fn a_document_needs_a_language() {
        let mut d = doc().document;
        d.languages.clear();
        assert_eq!(
            d.validate(),
            Err(ValidationError::Empty("document languages"))
        );
    }
}
