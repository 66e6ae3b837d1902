use crate::{check_dates, Slug, ValidationError};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

crate::named_enum!(
    /// The phases an intergovernmental process goes through (DESIGN.md §1).
    PhaseKind, "phase kind" {
        Consultation => "consultation",
        Stocktaking => "stocktaking",
        Negotiation => "negotiation",
        Adoption => "adoption",
        FollowUp => "follow_up",
    }
);

/// A phase of a process; `end_date` is open for a phase still running.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Phase {
    pub process: Slug,
    pub kind: PhaseKind,
    pub start_date: NaiveDate,
    #[serde(default)]
    pub end_date: Option<NaiveDate>,
    /// How the dates are known, when it needs saying.
    #[serde(default)]
    pub note: Option<String>,
}

impl Phase {
    pub fn validate(&self) -> Result<(), ValidationError> {
        check_dates(
            &format!("the {} phase", self.kind),
            self.start_date,
            self.end_date,
        )
    }

    pub fn contains(&self, date: NaiveDate) -> bool {
        date >= self.start_date && self.end_date.is_none_or(|end| date <= end)
    }
}

/// The phase a process is in on `date`: of the phases running that day, the
/// one that started last (phases may overlap at their edges). `None` before
/// the process starts, between phases, and after the last one ends.
pub fn current_phase(phases: &[Phase], date: NaiveDate) -> Option<&Phase> {
    phases
        .iter()
        .filter(|p| p.contains(date))
        .max_by_key(|p| (p.start_date, p.kind))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn phase(kind: PhaseKind, start: &str, end: Option<&str>) -> Phase {
        Phase {
            process: Slug::new("gcm").unwrap(),
            kind,
            start_date: d(start),
            end_date: end.map(d),
            note: None,
        }
    }

    #[test]
    fn current_phase_from_a_date() {
        let phases = vec![
            phase(PhaseKind::Consultation, "2017-04-01", Some("2017-11-30")),
            phase(PhaseKind::Stocktaking, "2017-11-01", Some("2018-01-31")),
            phase(PhaseKind::Negotiation, "2018-02-01", Some("2018-07-31")),
            phase(PhaseKind::FollowUp, "2018-12-19", None),
        ];
        let kind = |s| current_phase(&phases, d(s)).map(|p| p.kind);
        assert_eq!(kind("2017-03-31"), None);
        assert_eq!(kind("2017-05-08"), Some(PhaseKind::Consultation));
        // Overlap: the later-starting phase is the current one.
        assert_eq!(kind("2017-11-15"), Some(PhaseKind::Stocktaking));
        assert_eq!(kind("2018-07-31"), Some(PhaseKind::Negotiation));
        assert_eq!(kind("2018-09-01"), None);
        assert_eq!(kind("2026-11-28"), Some(PhaseKind::FollowUp));
    }

    #[test]
    fn end_before_start_is_refused() {
        let p = phase(PhaseKind::Negotiation, "2018-07-31", Some("2018-02-01"));
        assert!(matches!(
            p.validate(),
            Err(ValidationError::EndBeforeStart { .. })
        ));
        assert!(
            phase(PhaseKind::Negotiation, "2018-02-01", Some("2018-02-01"))
                .validate()
                .is_ok()
        );
    }
}
