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
        Document { id, document: self }
    }
}

/// A recorded document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    pub id: i64,
    #[serde(flatten)]
    pub document: NewDocument,
}

impl Document {
    /// May the public read it at `now`? Restricted documents never; embargoed
    /// ones once the embargo has passed.
    pub fn is_public_at(&self, now: DateTime<Utc>) -> bool {
        Clearance::Public.may_see(self.distribution, self.embargo_until, now)
    }
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
    fn a_document_needs_a_language() {
        let mut d = doc().document;
        d.languages.clear();
        assert_eq!(
            d.validate(),
            Err(ValidationError::Empty("document languages"))
        );
    }
}
