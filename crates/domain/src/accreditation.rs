//! Stakeholder accreditation: an organisation applies, member states may
//! object during a no-objection period. An application nobody objected to
//! is decided by the secretariat once the period is over (the
//! no-objection basis); one with an objection is referred to the body the
//! process's rules name (the plenary by default, as GA resolution 71/280
//! sent the names objected to the General Assembly), whose decision the
//! secretariat records. An objection stands once made: a state that no
//! longer objects says so before the deciding body, which decides.

use crate::error::{at_most, required};
use crate::{ActorCode, Slug, ValidationError};
use chrono::{DateTime, NaiveDate, Utc};
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
    /// `pending`: open to objections, or waiting for the secretariat;
    /// `referred`: objected to, so only the deciding body decides it.
    AccreditationStatus, "accreditation status" {
        Pending => "pending",
        Referred => "referred",
        Approved => "approved",
        Rejected => "rejected",
    }
);

crate::named_enum!(
    /// The body that decides the applications member states objected to,
    /// as the process's rules name it: the plenary (for a process of the
    /// General Assembly, the Assembly itself) or the process's bureau.
    DecidingBody, "deciding body" {
        Plenary => "plenary",
        Bureau => "bureau",
    }
);

impl Default for DecidingBody {
    /// As GA resolution 71/280 did for the GCM's stakeholders: the plenary.
    fn default() -> Self {
        DecidingBody::Plenary
    }
}

crate::named_enum!(
    /// What a deciding body decided on an application.
    AccreditationOutcome, "outcome" {
        Approved => "approved",
        Rejected => "rejected",
    }
);

impl AccreditationOutcome {
    /// The application's status after the decision.
    pub fn status(self) -> AccreditationStatus {
        match self {
            AccreditationOutcome::Approved => AccreditationStatus::Approved,
            AccreditationOutcome::Rejected => AccreditationStatus::Rejected,
        }
    }
}

/// A deciding body's decision on a referred application, as the
/// secretariat records it; the outcome is the application's status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "openapi",
    derive(utoipa::ToSchema),
    schema(as = AccreditationBodyDecisionEntry)
)]
pub struct BodyDecision {
    /// The body the application was referred to.
    pub body: DecidingBody,
    /// The day the body decided.
    pub date: NaiveDate,
    /// The meeting of the process at which it decided, if recorded.
    pub meeting: Option<i64>,
    /// The decision's reference, such as its symbol ("A/72/L.2"), if any.
    pub reference: Option<String>,
}

impl BodyDecision {
    /// The longest reference kept.
    pub const MAX_REFERENCE: usize = 200;
}

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
    /// The body it was referred to when a member state objected.
    pub referred_to: Option<DecidingBody>,
    /// When the decision was recorded.
    pub decided_at: Option<DateTime<Utc>>,
    pub decision_note: Option<String>,
    /// The deciding body's decision, for a referred application.
    pub body_decision: Option<BodyDecision>,
    /// The stakeholder organisation created on approval.
    pub actor: Option<ActorCode>,
    pub objections: Vec<Objection>,
}

impl Application {
    fn check_undecided(&self) -> Result<(), ValidationError> {
        match self.status {
            AccreditationStatus::Approved | AccreditationStatus::Rejected => {
                Err(ValidationError::AlreadyDecided(self.status.to_string()))
            }
            AccreditationStatus::Pending | AccreditationStatus::Referred => Ok(()),
        }
    }

    /// A member state objects: while the application is undecided and the
    /// period runs, once per state.
    pub fn check_objection(
        &self,
        state: &ActorCode,
        now: DateTime<Utc>,
    ) -> Result<(), ValidationError> {
        self.check_undecided()?;
        if now >= self.objection_deadline {
            return Err(ValidationError::ObjectionPeriodOver(
                self.objection_deadline.to_rfc3339(),
            ));
        }
        if self.objections.iter().any(|o| &o.state == state) {
            return Err(ValidationError::AlreadyObjected(state.to_string()));
        }
        Ok(())
    }

    /// The secretariat decides alone only on the no-objection basis: once the
    /// period is over, and never an application a member state objected to.
    pub fn check_secretariat_decision(&self, now: DateTime<Utc>) -> Result<(), ValidationError> {
        self.check_undecided()?;
        if let Some(body) = self.referred_to {
            return Err(ValidationError::ObjectionPendingDecision(body.to_string()));
        }
        self.check_period_over(now)
    }

    /// The deciding body's decision, recorded once, for a referred
    /// application, after the period (every objection heard), on a day that
    /// has come, within its meeting's dates when a meeting is named.
    pub fn check_body_decision(
        &self,
        date: NaiveDate,
        meeting: Option<(NaiveDate, NaiveDate)>,
        now: DateTime<Utc>,
    ) -> Result<(), ValidationError> {
        self.check_undecided()?;
        if self.referred_to.is_none() {
            return Err(ValidationError::NotReferred);
        }
        self.check_period_over(now)?;
        if date > now.date_naive() {
            return Err(ValidationError::DecisionDateInFuture(date));
        }
        if date < self.objection_deadline.date_naive() {
            return Err(ValidationError::DecisionBeforePeriodEnd {
                date,
                end: self.objection_deadline.date_naive(),
            });
        }
        if let Some((start, end)) = meeting {
            if date < start || date > end {
                return Err(ValidationError::DecisionOutsideMeeting { date, start, end });
            }
        }
        Ok(())
    }

    fn check_period_over(&self, now: DateTime<Utc>) -> Result<(), ValidationError> {
        if now < self.objection_deadline {
            return Err(ValidationError::ObjectionPeriodRunning(
                self.objection_deadline.to_rfc3339(),
            ));
        }
        Ok(())
    }
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

    fn t(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    /// An application whose period ends on 11 March 2017 at 09:00 UTC, in
    /// `status`, with objections by these states.
    fn recorded(status: AccreditationStatus, objected_by: &[&str]) -> Application {
        Application {
            id: 1,
            process: "gcm".parse().unwrap(),
            application: app(),
            applied_at: t("2017-03-01T09:00:00Z"),
            objection_deadline: t("2017-03-11T09:00:00Z"),
            status,
            referred_to: (!objected_by.is_empty()).then_some(DecidingBody::Plenary),
            decided_at: None,
            decision_note: None,
            body_decision: None,
            actor: None,
            objections: objected_by
                .iter()
                .map(|s| Objection {
                    state: s.parse().unwrap(),
                    account: 1,
                    at: t("2017-03-02T09:00:00Z"),
                    reason: "An objection".into(),
                })
                .collect(),
        }
    }

    use AccreditationStatus::{Approved, Pending, Referred, Rejected};
    const DURING: &str = "2017-03-05T12:00:00Z";
    const AFTER: &str = "2017-03-20T12:00:00Z";

    /// Each rule of an objection, as a table: (case, the application, the
    /// objecting state, when, the error kind expected or `None`).
    #[test]
    fn objection_rules_table() {
        let cases: Vec<(&str, Application, &str, &str, Option<&str>)> = vec![
            (
                "a first objection in the period",
                recorded(Pending, &[]),
                "MEX",
                DURING,
                None,
            ),
            (
                "a second state objects too",
                recorded(Referred, &["HUN"]),
                "MEX",
                DURING,
                None,
            ),
            (
                "the same state twice",
                recorded(Referred, &["MEX"]),
                "MEX",
                DURING,
                Some("already_objected"),
            ),
            (
                "after the period",
                recorded(Pending, &[]),
                "MEX",
                AFTER,
                Some("objection_period_over"),
            ),
            (
                "at the deadline itself",
                recorded(Pending, &[]),
                "MEX",
                "2017-03-11T09:00:00Z",
                Some("objection_period_over"),
            ),
            (
                "an approved application",
                recorded(Approved, &[]),
                "MEX",
                DURING,
                Some("already_decided"),
            ),
            (
                "a rejected application",
                recorded(Rejected, &["HUN"]),
                "MEX",
                DURING,
                Some("already_decided"),
            ),
        ];
        for (name, a, state, now, expected) in cases {
            let got = a.check_objection(&state.parse().unwrap(), t(now)).err();
            assert_eq!(got.as_ref().map(ValidationError::kind), expected, "{name}");
        }
    }

    /// The secretariat's decision on the no-objection basis, as a table.
    #[test]
    fn secretariat_decision_rules_table() {
        let cases: Vec<(&str, Application, &str, Option<&str>)> = vec![
            (
                "no objection, period over",
                recorded(Pending, &[]),
                AFTER,
                None,
            ),
            (
                "at the deadline itself",
                recorded(Pending, &[]),
                "2017-03-11T09:00:00Z",
                None,
            ),
            (
                "no objection, period running",
                recorded(Pending, &[]),
                DURING,
                Some("objection_period_running"),
            ),
            (
                "objected, period over",
                recorded(Referred, &["MEX"]),
                AFTER,
                Some("objection_pending_decision"),
            ),
            (
                "objected, period running",
                recorded(Referred, &["MEX"]),
                DURING,
                Some("objection_pending_decision"),
            ),
            (
                "approved already",
                recorded(Approved, &[]),
                AFTER,
                Some("already_decided"),
            ),
            (
                "rejected by the plenary",
                recorded(Rejected, &["MEX"]),
                AFTER,
                Some("already_decided"),
            ),
        ];
        for (name, a, now, expected) in cases {
            let got = a.check_secretariat_decision(t(now)).err();
            assert_eq!(got.as_ref().map(ValidationError::kind), expected, "{name}");
        }
        let refused = recorded(Referred, &["MEX"])
            .check_secretariat_decision(t(AFTER))
            .unwrap_err();
        assert!(refused.is_conflict());
        assert!(
            refused.to_string().contains("referred to the plenary"),
            "{refused}"
        );
    }

    /// The deciding body's decision, as a table: (case, the application, the
    /// date decided, the meeting's dates, when it is recorded, the error kind
    /// expected or `None`).
    #[test]
    fn body_decision_rules_table() {
        let meeting = Some((d("2017-03-20"), d("2017-03-21")));
        type Case = (
            &'static str,
            Application,
            &'static str,
            Option<(NaiveDate, NaiveDate)>,
            &'static str,
            Option<&'static str>,
        );
        let cases: Vec<Case> = vec![
            (
                "objected, decided at a meeting",
                recorded(Referred, &["MEX"]),
                "2017-03-20",
                meeting,
                AFTER,
                None,
            ),
            (
                "objected, no meeting named",
                recorded(Referred, &["MEX", "HUN"]),
                "2017-03-11",
                None,
                AFTER,
                None,
            ),
            (
                "no objection: the secretariat's to decide",
                recorded(Pending, &[]),
                "2017-03-20",
                None,
                AFTER,
                Some("not_referred"),
            ),
            (
                "a second decision",
                recorded(Approved, &["MEX"]),
                "2017-03-20",
                None,
                AFTER,
                Some("already_decided"),
            ),
            (
                "after a rejection",
                recorded(Rejected, &["MEX"]),
                "2017-03-20",
                None,
                AFTER,
                Some("already_decided"),
            ),
            (
                "while states may still object",
                recorded(Referred, &["MEX"]),
                "2017-03-05",
                None,
                DURING,
                Some("objection_period_running"),
            ),
            (
                "dated tomorrow",
                recorded(Referred, &["MEX"]),
                "2017-03-21",
                None,
                AFTER,
                Some("decision_date_in_future"),
            ),
            (
                "dated before the period ended",
                recorded(Referred, &["MEX"]),
                "2017-03-10",
                None,
                AFTER,
                Some("decision_before_period_end"),
            ),
            (
                "dated outside its meeting",
                recorded(Referred, &["MEX"]),
                "2017-03-19",
                meeting,
                AFTER,
                Some("decision_outside_meeting"),
            ),
        ];
        for (name, a, date, meeting, now, expected) in cases {
            let got = a.check_body_decision(d(date), meeting, t(now)).err();
            assert_eq!(got.as_ref().map(ValidationError::kind), expected, "{name}");
        }
        assert!(ValidationError::NotReferred.is_conflict());
        assert_eq!(AccreditationOutcome::Rejected.status(), Rejected);
        assert_eq!(DecidingBody::default(), DecidingBody::Plenary);
    }
}
