//! Who may act: accounts, their roles in processes, and the e-mail addresses
//! that name them.

use crate::error::required;
use crate::{ActorCode, ActorKind, Slug, ValidationError};
use serde::{Deserialize, Serialize};

crate::named_enum!(
    /// A role an account holds in a process (DESIGN.md §2). The public holds none.
    Role, "role" {
        Secretariat => "secretariat",
        CoFacilitator => "co_facilitator",
        Delegate => "delegate",
        UnEntityRepresentative => "un_entity_representative",
        StakeholderRepresentative => "stakeholder_representative",
    }
);

/// An e-mail address, trimmed and lower-cased; checked for shape only.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Email(String);

impl Email {
    pub fn new(value: &str) -> Result<Self, ValidationError> {
        let v = value.trim().to_lowercase();
        let invalid = |reason| ValidationError::Invalid {
            what: "e-mail address",
            value: value.chars().take(80).collect(),
            reason,
        };
        if v.len() < 3 || v.len() > 254 {
            return Err(invalid("must be 3 to 254 characters long"));
        }
        if v.chars().any(|c| {
            c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '"' | ',' | ';')
        }) {
            return Err(invalid(
                "may not contain spaces, control characters or <>\",;",
            ));
        }
        let Some((local, domain)) = v.split_once('@') else {
            return Err(invalid("needs an '@'"));
        };
        if local.is_empty() || local.len() > 64 || domain.contains('@') {
            return Err(invalid(
                "needs exactly one '@' with a name of at most 64 characters before it",
            ));
        }
        if !domain.contains('.')
            || domain.starts_with('.')
            || domain.ends_with('.')
            || domain.contains("..")
        {
            return Err(invalid("needs a domain such as example.org after the '@'"));
        }
        Ok(Email(v))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Email {
    type Error = ValidationError;
    fn try_from(v: String) -> Result<Self, ValidationError> {
        Email::new(&v)
    }
}

impl From<Email> for String {
    fn from(e: Email) -> String {
        e.0
    }
}

impl std::fmt::Display for Email {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A role held in one process, or in every process when `process` is `None`
/// (a secretariat that may also create processes). `actor` is the actor the
/// holder acts for: a delegate's state, a representative's organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct RoleGrant {
    pub role: Role,
    #[serde(default)]
    pub process: Option<Slug>,
    #[serde(default)]
    pub actor: Option<ActorCode>,
}

impl RoleGrant {
    /// Checks that the actor fits the role, given the actor's kind
    /// (`None` when no actor has the code).
    pub fn validate(&self, actor_kind: Option<ActorKind>) -> Result<(), ValidationError> {
        let needs =
            |ok: fn(ActorKind) -> bool, what: &'static str| -> Result<(), ValidationError> {
                let code = self.actor.as_ref().ok_or(ValidationError::RoleNeedsActor {
                    role: self.role.as_str(),
                    what,
                })?;
                match actor_kind {
                    None => Err(ValidationError::UnknownActor(code.to_string())),
                    Some(kind) if ok(kind) => Ok(()),
                    Some(kind) => Err(ValidationError::RoleActorMismatch {
                        role: self.role.as_str(),
                        actor: code.to_string(),
                        kind: kind.to_string(),
                        what,
                    }),
                }
            };
        match self.role {
            Role::Secretariat | Role::CoFacilitator => match &self.actor {
                None => Ok(()),
                Some(code) => match actor_kind {
                    None => Err(ValidationError::UnknownActor(code.to_string())),
                    Some(_) => Ok(()),
                },
            },
            Role::Delegate => needs(ActorKind::is_state, "a member or observer state"),
            Role::UnEntityRepresentative => needs(
                |k| {
                    matches!(
                        k,
                        ActorKind::UnEntity | ActorKind::IntergovernmentalOrganisation
                    )
                },
                "a UN entity or intergovernmental organisation",
            ),
            Role::StakeholderRepresentative => needs(
                |k| k == ActorKind::StakeholderOrganisation,
                "a stakeholder organisation",
            ),
        }?;
        if self.process.is_none() && !matches!(self.role, Role::Secretariat) {
            return Err(ValidationError::RoleNeedsProcess(self.role.as_str()));
        }
        Ok(())
    }
}

/// A person who can sign in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    pub id: i64,
    pub email: Email,
    pub name: String,
    pub grants: Vec<RoleGrant>,
}

/// Checks a display name: present, at most 200 characters.
pub fn check_person_name(name: &str) -> Result<(), ValidationError> {
    required("name", name)?;
    if name.chars().count() > 200 {
        return Err(ValidationError::TooLong {
            what: "name",
            max: 200,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails() {
        assert_eq!(
            Email::new("  Jane.Doe@Example.ORG ").unwrap().as_str(),
            "jane.doe@example.org"
        );
        for bad in [
            "",
            "a@b",
            "no-at.example.org",
            "two@@example.org",
            "a@b@c.org",
            "sp ace@example.org",
            "x@.example.org",
            "x@example.",
            "x@example..org",
            "<x>@example.org",
            "\u{0}@example.org",
            &format!("{}@example.org", "a".repeat(65)),
            &format!("a@{}.org", "b".repeat(260)),
        ] {
            assert!(Email::new(bad).is_err(), "{bad:?} accepted");
        }
    }

    #[test]
    fn roles_need_the_right_actor() {
        let grant = |role, actor: Option<&str>, process: Option<&str>| RoleGrant {
            role,
            actor: actor.map(|a| ActorCode::new(a).unwrap()),
            process: process.map(|p| Slug::new(p).unwrap()),
        };
        assert!(grant(Role::Secretariat, None, None).validate(None).is_ok());
        assert!(grant(Role::Delegate, Some("MEX"), Some("gcm"))
            .validate(Some(ActorKind::MemberState))
            .is_ok());
        assert_eq!(
            grant(Role::Delegate, None, Some("gcm"))
                .validate(None)
                .unwrap_err()
                .kind(),
            "role_needs_actor"
        );
        assert_eq!(
            grant(Role::Delegate, Some("IOM"), Some("gcm"))
                .validate(Some(ActorKind::IntergovernmentalOrganisation))
                .unwrap_err()
                .kind(),
            "role_actor_mismatch"
        );
        assert_eq!(
            grant(Role::Delegate, Some("MEX"), None)
                .validate(Some(ActorKind::MemberState))
                .unwrap_err()
                .kind(),
            "role_needs_process"
        );
        assert_eq!(
            grant(Role::Delegate, Some("XXX"), Some("gcm"))
                .validate(None)
                .unwrap_err()
                .kind(),
            "unknown_actor"
        );
    }
}
