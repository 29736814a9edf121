//! §32 and §24 as properties: for any commission and any seed, the lot covers every
//! duty, never draws the chair or the secretary, and its record re-runs to the same
//! assignment; changing any contribution changes the seed.

use chrono::{TimeZone, Utc};
use domain::attendance::{Attendee, AttendeeCategory, drawable_members};
use domain::election::{CommissionMember, ElectionDefinition, Role};
use domain::lot::{self, Contribution, LotPurpose, LotRecord, ROLE_DUTIES};
use proptest::prelude::*;

fn election(roles: &[Role]) -> ElectionDefinition {
    let text = include_str!("../../../../assets/elections/demo-city-council-regular.toml");
    let mut definition = domain::election::parse_definition(text).unwrap_or_else(|problems| panic!("{problems:?}"));
    definition.commission = roles
        .iter()
        .enumerate()
        .map(|(i, role)| CommissionMember { id: format!("m{i}"), name: format!("Member {i}"), role: *role })
        .collect();
    definition
}

fn everyone_present(definition: &ElectionDefinition) -> Vec<Attendee> {
    let at = Utc.with_ymd_and_hms(2026, 11, 29, 1, 0, 0).single().unwrap_or_else(|| unreachable!());
    definition
        .commission
        .iter()
        .enumerate()
        .map(|(i, m)| Attendee {
            person: u32::try_from(i + 1).unwrap_or(u32::MAX),
            name: m.name.clone(),
            category: AttendeeCategory::Member,
            member_id: Some(m.id.clone()),
            organisation: None,
            accreditation: None,
            arrived_at: at,
            left_at: None,
        })
        .collect()
}

fn role() -> impl Strategy<Value = Role> {
    prop_oneof![Just(Role::Member), Just(Role::Member), Just(Role::DeputyChair)]
}

proptest! {
    #[test]
    fn s32_chair_and_secretary_never_drawn_every_duty_covered_and_verify_reproduces(
        others in proptest::collection::vec(role(), 4..14),
        secret in proptest::collection::vec(any::<u8>(), 32),
        values in proptest::collection::vec("[0-9]{1,5}", 1..4),
        chair_at in 0usize..14,
        secretary_at in 0usize..14,
    ) {
        let mut roles = others.clone();
        roles.insert(chair_at.min(roles.len()), Role::Chair);
        roles.insert(secretary_at.min(roles.len()), Role::Secretary);
        let definition = election(&roles);
        let members = drawable_members(&definition, &everyone_present(&definition));
        prop_assert_eq!(members.len(), others.len());
        let contributions: Vec<Contribution> =
            values.iter().map(|v| Contribution { by: "observer".into(), value: v.clone() }).collect();
        let seed = lot::seed(&secret, &contributions);
        let assignment = lot::assign(LotPurpose::Roles, &seed, &members, 0);
        for a in &assignment {
            let member = definition.commission.iter().find(|m| m.id == a.member_id);
            prop_assert!(member.is_some_and(|m| m.role != Role::Chair && m.role != Role::Secretary));
        }
        for duty in ROLE_DUTIES {
            prop_assert!(assignment.iter().any(|a| a.duty == duty));
        }
        let record = LotRecord {
            purpose: LotPurpose::Roles,
            election_id: definition.id.clone(),
            station_number: definition.station.number.clone(),
            members: members.clone(),
            count: 0,
            commitment: lot::commitment(&secret),
            secret: lot::hex(&secret),
            contributions: contributions.clone(),
            seed: lot::hex(&seed),
            assignment,
        };
        prop_assert_eq!(lot::verify(&record), Ok(()));

        let mut changed = contributions;
        changed[0].value.push('0');
        prop_assert_ne!(lot::seed(&secret, &changed), seed);
    }
}
