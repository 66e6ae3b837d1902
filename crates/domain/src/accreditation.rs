//! Stakeholder accreditation: an organisation applies, member states may
//! object during a no-objection period, then the secretariat decides.

use crate::error::{at_most, required};
use crate::{ActorCode, Slug, ValidationError};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

crate::named_enum!(
    /// The kinds of stakeholder DESIGN.md §2 names.
    StakeholderKind, "stakeholder kind" {
        Ngo => "ngo",
        Academia => "academia",
        PrivateSector => "private_sector",
        TradeUnion => "trade_union",
        MigrantsOrganisation => "migrants_or_diaspora_organisation",
        LocalAuthority => "local_authority",
        HumanRightsInstitution => "national_human_rights_institution",
    }
);

crate::named_enum!(
    AccreditationStatus, "accreditation status" {
        Pending => "pending",
        Approved => "approved",
        Rejected => "rejected",
    }
);

/// What an organisation sends when it applies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewApplication {
    pub name: String,
    pub kind: StakeholderKind,
    /// Where it is based: a state's actor code.
    pub country: ActorCode,
    pub website: String,
    /// Holds ECOSOC consultative status.
    pub ecosoc_status: bool,
    pub description: String,
}

impl NewApplication {
    pub fn validate(&self) -> Result<(), ValidationError> {
        required("organisation name", &self.name)?;
        at_most("organisation name", &self.name, 300)?;
        at_most("website", &self.website, 500)?;
        at_most("description", &self.description, 5000)?;
        let site = self.website.trim();
        let host = site
            .strip_prefix("https://")
            .or_else(|| site.strip_prefix("http://"));
        if !host.is_some_and(|h| {
            h.split('/')
                .next()
                .is_some_and(|d| d.contains('.') && !d.contains(char::is_whitespace))
        }) {
            return Err(ValidationError::Invalid {
                what: "website",
                value: site.chars().take(80).collect(),
                reason: "must be an address such as https://example.org",
            });
        }
        Ok(())
    }
}

/// An application as recorded, with its decision once made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "openapi",
    derive(utoipa::ToSchema),
    schema(as = AccreditationRecord)
)]
pub struct Application {
    pub id: i64,
    pub process: Slug,
    #[serde(flatten)]
    #[cfg_attr(feature = "openapi", schema(schema_with = application_fields))]
    pub application: NewApplication,
    pub applied_at: DateTime<Utc>,
    /// Member states may object until this instant.
    pub objection_deadline: DateTime<Utc>,
    pub status: AccreditationStatus,
    pub decided_at: Option<DateTime<Utc>>,
    pub decision_note: Option<String>,
    /// The stakeholder organisation created on approval.
    pub actor: Option<ActorCode>,
    pub objections: Vec<Objection>,
}

/// The fields of what was sent, as they appear in an [`Application`]: the
/// schema of [`NewApplication`] without its refusal of other fields (it
/// refuses them when sent, but here it sits beside the record's own).
#[cfg(feature = "openapi")]
fn application_fields() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
    use utoipa::openapi::{schema::Schema, RefOr};
    let mut fields = <NewApplication as utoipa::PartialSchema>::schema();
    if let RefOr::T(Schema::Object(object)) = &mut fields {
        object.additional_properties = None;
    }
    fields
}

/// A member state's objection to an application.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "openapi",
    derive(utoipa::ToSchema),
    schema(as = AccreditationObjectionEntry)
)]
pub struct Objection {
    pub state: ActorCode,
    pub account: i64,
    pub at: DateTime<Utc>,
    pub reason: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn app() -> NewApplication {
        NewApplication {
            name: "Migrants' Rights Network".into(),
            kind: StakeholderKind::MigrantsOrganisation,
            country: "GBR".parse().unwrap(),
            website: "https://example.org".into(),
            ecosoc_status: false,
            description: "An association of migrants.".into(),
        }
    }

    #[test]
    fn applications_are_checked() {
        assert!(app().validate().is_ok());
        for (site, ok) in [
            ("http://x.org/a", true),
            ("ftp://x.org", false),
            ("https://localhost", false),
            ("javascript:alert(1)", false),
            ("https://a b.org", false),
        ] {
            let mut a = app();
            a.website = site.into();
            assert_eq!(a.validate().is_ok(), ok, "{site}");
        }
        let mut a = app();
        a.name = "x".repeat(301);
        assert_eq!(a.validate().unwrap_err().kind(), "too_long");
        a.name = " ".into();
        assert!(a.validate().is_err());
    }
}
