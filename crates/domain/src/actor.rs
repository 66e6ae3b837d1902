use crate::error::required;
use crate::{ActorCode, ValidationError};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

crate::named_enum!(
    /// Who speaks or acts in a process (DESIGN.md §3).
    ActorKind, "actor kind" {
        MemberState => "member_state",
        ObserverState => "observer_state",
        Group => "group",
        UnEntity => "un_entity",
        IntergovernmentalOrganisation => "intergovernmental_organisation",
        StakeholderOrganisation => "stakeholder_organisation",
        Individual => "individual",
        // A fictional delegation of a demonstration (never a member or an
        // observer state, never in a list of real actors: ARCHITECTURE.md,
        // "Simulation apart from fact"), and a fictional group of them.
        SimulatedDelegation => "simulated_delegation",
        SimulatedGroup => "simulated_group",
    }
);

impl ActorKind {
    pub fn is_state(self) -> bool {
        matches!(self, ActorKind::MemberState | ActorKind::ObserverState)
    }

    /// Is this a group of actors (real or simulated)?
    pub fn is_group(self) -> bool {
        matches!(self, ActorKind::Group | ActorKind::SimulatedGroup)
    }

    /// Is this a fiction of a demonstration rather than a real actor?
    pub fn is_simulated(self) -> bool {
        matches!(
            self,
            ActorKind::SimulatedDelegation | ActorKind::SimulatedGroup
        )
    }

    /// The kinds of real actors: what the directory, its filters, search
    /// and counts list.
    pub fn real() -> impl Iterator<Item = ActorKind> {
        ActorKind::ALL.iter().copied().filter(|k| !k.is_simulated())
    }
}

/// A party that speaks or acts: a state, a group of states, an organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Actor {
    pub code: ActorCode,
    pub kind: ActorKind,
    pub name: String,
    #[serde(default)]
    pub official_name: Option<String>,
    /// ISO 3166-1 alpha-2, for states.
    #[serde(default)]
    pub iso2: Option<String>,
    /// UN M49 numeric code, for states.
    #[serde(default)]
    pub m49: Option<u16>,
    /// UN M49 region (continent), for states.
    #[serde(default)]
    pub region: Option<String>,
    /// UN M49 sub-region, for states.
    #[serde(default)]
    pub subregion: Option<String>,
    /// Year of admission to the United Nations, for member states.
    #[serde(default)]
    pub un_member_since: Option<i32>,
    /// The members of a group, by code, past and present; empty for
    /// everything else.
    #[serde(default)]
    pub members: Vec<ActorCode>,
    /// When members joined or left the group, where the dates are known
    /// (one entry per member at most; a member without one was a member
    /// throughout what Accord records).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub membership: Vec<Membership>,
}

/// A member's time in a group: from the day it joined to the last day it
/// was a member (the United Kingdom in the European Union: 1973-01-01 to
/// 2020-01-31). Either end may be unknown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Membership {
    pub member: ActorCode,
    #[serde(default)]
    pub joined: Option<NaiveDate>,
    /// The last day of membership.
    #[serde(default)]
    pub left: Option<NaiveDate>,
}

impl Membership {
    /// Was the member in the group on `day`?
    pub fn covers(&self, day: NaiveDate) -> bool {
        self.joined.is_none_or(|j| j <= day) && self.left.is_none_or(|l| day <= l)
    }
}

impl Actor {
    /// An actor with only a code, kind and name; the optional facts empty.
    pub fn new(code: ActorCode, kind: ActorKind, name: impl Into<String>) -> Self {
        Actor {
            code,
            kind,
            name: name.into(),
            official_name: None,
            iso2: None,
            m49: None,
            region: None,
            subregion: None,
            un_member_since: None,
            members: vec![],
            membership: vec![],
        }
    }

    /// The dates of `member`'s membership, where known.
    pub fn membership_of(&self, member: &ActorCode) -> Option<&Membership> {
        self.membership.iter().find(|m| &m.member == member)
    }

    /// Was `member` a member of this group on `day`? A member without dates
    /// was one throughout.
    pub fn had_member_on(&self, member: &ActorCode, day: NaiveDate) -> bool {
        self.members.contains(member) && self.membership_of(member).is_none_or(|m| m.covers(day))
    }

    /// Rules that need nothing but the actor itself.
    pub fn validate(&self) -> Result<(), ValidationError> {
        required("actor name", &self.name)?;
        if self.kind.is_state() && !self.code.is_alpha3() {
            return Err(ValidationError::Invalid {
                what: "state code",
                value: self.code.to_string(),
                reason: "a state's code is its ISO 3166-1 alpha-3 code (three letters)",
            });
        }
        if !self.kind.is_group() && !self.members.is_empty() {
            return Err(ValidationError::MembersOnNonGroup {
                code: self.code.to_string(),
                kind: self.kind.to_string(),
            });
        }
        if self.members.contains(&self.code) {
            return Err(ValidationError::GroupContainsItself(self.code.to_string()));
        }
        for (i, m) in self.membership.iter().enumerate() {
            if !self.members.contains(&m.member) {
                return Err(ValidationError::Invalid {
                    what: "membership",
                    value: m.member.to_string(),
                    reason: "dates of membership are given only for the group's members",
                });
            }
            if self.membership[..i].iter().any(|x| x.member == m.member) {
                return Err(ValidationError::Invalid {
                    what: "membership",
                    value: m.member.to_string(),
                    reason: "one entry of dates per member",
                });
            }
            if let (Some(j), Some(l)) = (m.joined, m.left) {
                if l < j {
                    return Err(ValidationError::Invalid {
                        what: "membership",
                        value: m.member.to_string(),
                        reason: "a member cannot leave before it joined",
                    });
                }
            }
        }
        Ok(())
    }

    /// Rules on the members of a group, given how to look up an actor's kind
    /// (`None` when no actor has the code).
    pub fn validate_members(
        &self,
        kind_of: impl Fn(&ActorCode) -> Option<ActorKind>,
    ) -> Result<(), ValidationError> {
        for member in &self.members {
            match kind_of(member) {
                None => return Err(ValidationError::UnknownActor(member.to_string())),
                Some(kind) if kind.is_simulated() != self.kind.is_simulated() => {
                    return Err(ValidationError::SimulationMixedWithFact {
                        group: self.code.to_string(),
                        member: member.to_string(),
                        kind: kind.to_string(),
                    })
                }
                Some(kind) if self.kind == ActorKind::SimulatedGroup => {
                    if kind != ActorKind::SimulatedDelegation {
                        return Err(ValidationError::GroupMemberNotAState {
                            member: member.to_string(),
                            kind: kind.to_string(),
                        });
                    }
                }
                Some(kind) if !kind.is_state() => {
                    return Err(ValidationError::GroupMemberNotAState {
                        member: member.to_string(),
                        kind: kind.to_string(),
                    })
                }
                Some(_) => {}
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(code: &str, kind: ActorKind) -> Actor {
        Actor::new(ActorCode::new(code).unwrap(), kind, code)
    }

    #[test]
    fn a_group_cannot_contain_itself() {
        let mut eu = actor("EU", ActorKind::Group);
        eu.members = vec![ActorCode::new("EU").unwrap()];
        assert_eq!(
            eu.validate(),
            Err(ValidationError::GroupContainsItself("EU".into()))
        );
    }

    #[test]
    fn simulation_and_fact_do_not_mix_in_groups() {
        let kind_of = |c: &ActorCode| match c.as_str() {
            "FRA" => Some(ActorKind::MemberState),
            "VAT" => Some(ActorKind::ObserverState),
            "XAA" => Some(ActorKind::SimulatedDelegation),
            "SIM" => Some(ActorKind::SimulatedGroup),
            "UNDP" => Some(ActorKind::UnEntity),
            _ => None,
        };
        // (group kind, member, error kind expected or none)
        let cases = [
            (ActorKind::Group, "FRA", None),
            (ActorKind::Group, "VAT", None),
            (ActorKind::Group, "XAA", Some("simulation_mixed_with_fact")),
            (ActorKind::Group, "SIM", Some("simulation_mixed_with_fact")),
            (ActorKind::Group, "UNDP", Some("group_member_not_a_state")),
            (ActorKind::SimulatedGroup, "XAA", None),
            (
                ActorKind::SimulatedGroup,
                "FRA",
                Some("simulation_mixed_with_fact"),
            ),
            (
                ActorKind::SimulatedGroup,
                "UNDP",
                Some("simulation_mixed_with_fact"),
            ),
            (
                ActorKind::SimulatedGroup,
                "SIM",
                Some("group_member_not_a_state"),
            ),
            (ActorKind::SimulatedGroup, "ZZZ", Some("unknown_actor")),
        ];
        for (kind, member, expected) in cases {
            let mut g = actor("GRP", kind);
            g.members = vec![ActorCode::new(member).unwrap()];
            assert_eq!(g.validate(), Ok(()), "{kind} of {member}");
            let got = g.validate_members(kind_of).err().map(|e| e.kind());
            assert_eq!(got, expected, "{kind} of {member}");
        }
        assert!(ActorKind::real().all(|k| !k.is_simulated()));
        assert_eq!(ActorKind::real().count(), ActorKind::ALL.len() - 2);
    }

    #[test]
    fn only_groups_have_members() {
        let mut fra = actor("FRA", ActorKind::MemberState);
        fra.members = vec![ActorCode::new("DEU").unwrap()];
        assert!(matches!(
            fra.validate(),
            Err(ValidationError::MembersOnNonGroup { .. })
        ));
    }

    #[test]
    fn states_use_alpha3() {
        assert!(actor("FR", ActorKind::MemberState).validate().is_err());
        assert!(actor("FRA", ActorKind::MemberState).validate().is_ok());
        assert!(actor("IOM", ActorKind::UnEntity).validate().is_ok());
    }

    #[test]
    fn members_must_be_known_states() {
        let mut eu = actor("EU", ActorKind::Group);
        eu.members = vec![
            ActorCode::new("FRA").unwrap(),
            ActorCode::new("XXX").unwrap(),
        ];
        let lookup = |c: &ActorCode| match c.as_str() {
            "FRA" => Some(ActorKind::MemberState),
            "IOM" => Some(ActorKind::UnEntity),
            _ => None,
        };
        assert_eq!(
            eu.validate_members(lookup),
            Err(ValidationError::UnknownActor("XXX".into()))
        );
        eu.members = vec![ActorCode::new("IOM").unwrap()];
        assert!(matches!(
            eu.validate_members(lookup),
            Err(ValidationError::GroupMemberNotAState { .. })
        ));
        eu.members = vec![ActorCode::new("FRA").unwrap()];
        assert!(eu.validate_members(lookup).is_ok());
    }
}
