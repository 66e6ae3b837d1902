//! The silence procedure: a text circulated with a deadline is adopted unless
//! a member state breaks silence in writing before it.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// What a silence procedure has come to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum SilenceOutcome {
    /// Before the deadline; `broken_by` lists who has broken silence so far
    /// (the procedure will fail if any has).
    Running { broken_by: Vec<String> },
    /// The deadline passed and nobody broke silence.
    AdoptedUnderSilence,
    /// The deadline passed; these states broke silence, in order.
    Broken { by: Vec<String> },
}

/// A procedure's deadline and the breaks of silence, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SilenceState {
    pub deadline: DateTime<Utc>,
    /// (actor code, when) of each letter breaking silence.
    pub breaks: Vec<(String, DateTime<Utc>)>,
}

impl SilenceState {
    /// The outcome at `now`. A break at or after the deadline does not count
    /// (the app refuses it; a stored one would be a bug).
    pub fn outcome(&self, now: DateTime<Utc>) -> SilenceOutcome {
        let by: Vec<String> = self
            .breaks
            .iter()
            .filter(|(_, at)| *at < self.deadline)
            .map(|(actor, _)| actor.clone())
            .collect();
        if now < self.deadline {
            SilenceOutcome::Running { broken_by: by }
        } else if by.is_empty() {
            SilenceOutcome::AdoptedUnderSilence
        } else {
            SilenceOutcome::Broken { by }
        }
    }

    /// Whether a letter arriving at `at` may still break silence.
    pub fn open_at(&self, at: DateTime<Utc>) -> bool {
        at < self.deadline
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn outcome_follows_the_deadline() {
        let deadline = Utc.with_ymd_and_hms(2018, 7, 10, 22, 0, 0).unwrap();
        let before = deadline - chrono::Duration::hours(1);
        let after = deadline + chrono::Duration::seconds(1);
        let quiet = SilenceState {
            deadline,
            breaks: vec![],
        };
        assert_eq!(
            quiet.outcome(before),
            SilenceOutcome::Running { broken_by: vec![] }
        );
        assert_eq!(quiet.outcome(deadline), SilenceOutcome::AdoptedUnderSilence);
        let broken = SilenceState {
            deadline,
            breaks: vec![("HUN".into(), before)],
        };
        assert_eq!(
            broken.outcome(after),
            SilenceOutcome::Broken {
                by: vec!["HUN".into()]
            }
        );
        assert!(!broken.open_at(deadline));
    }
}
