//! The attendance register (§34, §70; international observers: seed 003): who is in the
//! room, from when to when. Control sheets, signature lists and the number of certified
//! copies are filled from it, never retyped.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::election::{ElectionDefinition, Role};
use crate::error::DomainError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum AttendeeCategory {
    /// A member of this commission (chair, secretary and members included).
    Member,
    CandidateRepresentative,
    PartyRepresentative,
    Observer,
    /// Accredited by the CEC; never a citizen of the Kyrgyz Republic (seed 003).
    InternationalObserver,
    Media,
}

/// Someone who came into the room.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Attendee {
    /// Sequential number in the register, from 1.
    pub person: u32,
    pub name: String,
    pub category: AttendeeCategory,
    /// For a commission member: their id in the election definition.
    pub member_id: Option<String>,
    /// The candidate, party or outlet they represent.
    pub organisation: Option<String>,
    /// The accreditation certificate number of an international observer.
    pub accreditation: Option<String>,
    #[ts(type = "string")]
    pub arrived_at: DateTime<Utc>,
    #[ts(type = "string | null")]
    pub left_at: Option<DateTime<Utc>>,
}

impl Attendee {
    pub fn present(&self) -> bool {
        self.left_at.is_none()
    }
}

/// What the register is asked to record on arrival.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Arrival {
    pub category: AttendeeCategory,
    /// For a member, taken from the definition when empty.
    pub name: String,
    pub member_id: Option<String>,
    pub organisation: Option<String>,
    pub accreditation: Option<String>,
    /// Declared by an international observer; a citizen is refused (seed 003).
    pub kyrgyz_citizen: bool,
}

impl Arrival {
    /// A member of the commission by their id in the definition (the name comes from it).
    pub fn member(member_id: &str) -> Arrival {
        Arrival {
            category: AttendeeCategory::Member,
            name: String::new(),
            member_id: Some(member_id.to_owned()),
            organisation: None,
            accreditation: None,
            kyrgyz_citizen: false,
        }
    }
}

/// Checks an arrival against the register and the definition; returns the attendee to
/// record.
pub fn admit(
    election: &ElectionDefinition,
    register: &[Attendee],
    arrival: &Arrival,
    at: DateTime<Utc>,
) -> Result<Attendee, DomainError> {
    let trimmed = |value: &Option<String>| value.as_deref().map(str::trim).filter(|v| !v.is_empty()).map(str::to_owned);
    let mut name = arrival.name.trim().to_owned();
    let mut member_id = None;
    match arrival.category {
        AttendeeCategory::Member => {
            let id = trimmed(&arrival.member_id)
                .ok_or_else(|| DomainError::new("attendance.member-required", "error-attendance-member-required"))?;
            let member = election.commission.iter().find(|m| m.id == id).ok_or_else(|| {
                DomainError::new("attendance.unknown-member", "error-attendance-unknown-member").with("member", id.clone())
            })?;
            if register.iter().any(|a| a.present() && a.member_id.as_deref() == Some(id.as_str())) {
                return Err(DomainError::new("attendance.already-present", "error-attendance-already-present")
                    .with("name", member.name.clone()));
            }
            name = member.name.clone();
            member_id = Some(id);
        }
        AttendeeCategory::InternationalObserver => {
            if arrival.kyrgyz_citizen {
                return Err(DomainError::new(
                    "attendance.international-observer-citizen",
                    "error-attendance-international-observer-citizen",
                ));
            }
            if trimmed(&arrival.accreditation).is_none() {
                return Err(DomainError::new("attendance.accreditation-required", "error-attendance-accreditation-required"));
            }
        }
        _ => {}
    }
    if name.is_empty() {
        return Err(DomainError::new("attendance.name-required", "error-attendance-name-required"));
    }
    Ok(Attendee {
        person: u32::try_from(register.len() + 1).unwrap_or(u32::MAX),
        name,
        category: arrival.category,
        member_id,
        organisation: trimmed(&arrival.organisation),
        accreditation: trimmed(&arrival.accreditation),
        arrived_at: at,
        left_at: None,
    })
}

/// The members present who may be drawn by lot: everyone but the chair and the
/// secretary (§24, §32), in the order of the commission in the definition.
pub fn drawable_members(election: &ElectionDefinition, register: &[Attendee]) -> Vec<String> {
    election
        .commission
        .iter()
        .filter(|m| m.role != Role::Chair && m.role != Role::Secretary)
        .filter(|m| register.iter().any(|a| a.present() && a.member_id.as_deref() == Some(m.id.as_str())))
        .map(|m| m.id.clone())
        .collect()
}

/// A person on a control sheet or a signature list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PresentPerson {
    pub name: String,
    pub category: AttendeeCategory,
    /// The commission role of a member.
    pub role: Option<Role>,
    pub organisation: Option<String>,
}

/// Who is in the room now, commission first (chair, deputy, secretary, members), then
/// the others in order of arrival.
pub fn present_now(election: &ElectionDefinition, register: &[Attendee]) -> Vec<PresentPerson> {
    let role_of = |attendee: &Attendee| {
        attendee
            .member_id
            .as_deref()
            .and_then(|id| election.commission.iter().find(|m| m.id == id))
            .map(|m| m.role)
    };
    let mut people: Vec<PresentPerson> = register
        .iter()
        .filter(|a| a.present())
        .map(|a| PresentPerson {
            name: a.name.clone(),
            category: a.category,
            role: role_of(a),
            organisation: a.organisation.clone(),
        })
        .collect();
    people.sort_by_key(|p| (p.category != AttendeeCategory::Member, p.role));
    people
}
