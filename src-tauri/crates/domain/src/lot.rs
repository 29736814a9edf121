//! The verifiable lot drawing (§32 at 07:00; §24 for out-of-premises voting).
//!
//! Commit–reveal, so that nobody — the app included — can steer the result:
//! 1. the app draws a 32-byte secret and shows `commitment = SHA-256(secret)` (hex)
//!    before anyone contributes;
//! 2. the people present add contributions (e.g. numbers called out by observers);
//! 3. the app reveals the secret; `seed = SHA-256("uchastok/lot/v1" ‖ secret ‖
//!    u32be(n) ‖ for each contribution: u32be(len by) ‖ by ‖ u32be(len value) ‖ value)`;
//! 4. the assignment is [`assign`]`(seed, members)`: a Fisher–Yates shuffle of the ordered
//!    member list where step `i` (from the last index down) swaps with index
//!    `u64be(SHA-256(seed ‖ u32be(i))[0..8]) mod (i + 1)`; then for the four roles of §32
//!    the k-th shuffled member takes role `k mod 4`, and for out-of-premises voting the
//!    first `count` shuffled members are chosen.
//!
//! Everything needed to re-run it is in [`LotRecord`]; `uchastok lot verify` does so.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

/// What a lot decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum LotPurpose {
    /// §32: the four duties of voting day.
    Roles,
    /// §24: the members who run out-of-premises voting (at least two).
    OutOfPremises,
}

/// The four duties of §32, in the order of the clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum Duty {
    /// Identifying voters in the electronic list.
    ElectronicList,
    /// Registering voters in the paper list.
    PaperList,
    IssuingBallots,
    /// Controlling entry to the booths and insertion into the boxes.
    BoothsAndBoxes,
    /// Running out-of-premises voting (§24).
    OutOfPremises,
}

pub const ROLE_DUTIES: [Duty; 4] = [Duty::ElectronicList, Duty::PaperList, Duty::IssuingBallots, Duty::BoothsAndBoxes];

/// The least number of members the out-of-premises lot picks (§24).
pub const OUT_OF_PREMISES_MINIMUM: usize = 2;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Contribution {
    /// Who contributed, as announced (e.g. "observer Asanov").
    pub by: String,
    pub value: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Assignment {
    pub member_id: String,
    pub duty: Duty,
}

/// Everything needed to re-run a lot, as printed and exported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct LotRecord {
    pub purpose: LotPurpose,
    pub election_id: String,
    pub station_number: String,
    /// The eligible members in the order the draw used.
    pub members: Vec<String>,
    /// How many members are picked (out-of-premises lot only).
    pub count: u32,
    pub commitment: String,
    pub secret: String,
    pub contributions: Vec<Contribution>,
    pub seed: String,
    pub assignment: Vec<Assignment>,
}

/// Why a lot record does not hold.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LotMismatch {
    #[error("the secret is not valid hex")]
    BadSecret,
    #[error("the revealed secret does not match the commitment")]
    Commitment,
    #[error("the seed does not follow from the secret and the contributions")]
    Seed,
    #[error("the assignment does not follow from the seed and the members")]
    Assignment,
}

pub fn commitment(secret: &[u8]) -> String {
    hex(&Sha256::digest(secret))
}

pub fn seed(secret: &[u8], contributions: &[Contribution]) -> [u8; 32] {
    let mut hasher = Sha256::new();
    hasher.update(b"uchastok/lot/v1");
    hasher.update(secret);
    hasher.update(length(contributions.len()));
    for contribution in contributions {
        for part in [&contribution.by, &contribution.value] {
            hasher.update(length(part.len()));
            hasher.update(part.as_bytes());
        }
    }
    hasher.finalize().into()
}

fn length(n: usize) -> [u8; 4] {
    u32::try_from(n).unwrap_or(u32::MAX).to_be_bytes()
}

/// The ordered members shuffled by the seed.
pub fn shuffle(seed: &[u8; 32], members: &[String]) -> Vec<String> {
    let mut order = members.to_vec();
    for i in (1..order.len()).rev() {
        let mut hasher = Sha256::new();
        hasher.update(seed);
        hasher.update(length(i));
        let digest = hasher.finalize();
        let mut first = [0u8; 8];
        first.copy_from_slice(&digest[..8]);
        let bound = u64::try_from(i + 1).unwrap_or(u64::MAX);
        let j = usize::try_from(u64::from_be_bytes(first) % bound).unwrap_or(0);
        order.swap(i, j);
    }
    order
}

/// The assignment of a lot: a pure function of the seed, the ordered members and, for
/// out-of-premises voting, how many to pick.
pub fn assign(purpose: LotPurpose, seed: &[u8; 32], members: &[String], count: usize) -> Vec<Assignment> {
    let shuffled = shuffle(seed, members);
    match purpose {
        LotPurpose::Roles => shuffled
            .into_iter()
            .enumerate()
            .map(|(k, member_id)| Assignment { member_id, duty: ROLE_DUTIES[k % ROLE_DUTIES.len()] })
            .collect(),
        LotPurpose::OutOfPremises => shuffled
            .into_iter()
            .take(count)
            .map(|member_id| Assignment { member_id, duty: Duty::OutOfPremises })
            .collect(),
    }
}

/// How many members a lot needs at least.
pub fn minimum_members(purpose: LotPurpose) -> usize {
    match purpose {
        LotPurpose::Roles => ROLE_DUTIES.len(),
        LotPurpose::OutOfPremises => OUT_OF_PREMISES_MINIMUM,
    }
}

/// Re-runs a lot from its record.
pub fn verify(record: &LotRecord) -> Result<(), LotMismatch> {
    let secret = unhex(&record.secret).ok_or(LotMismatch::BadSecret)?;
    if commitment(&secret) != record.commitment.to_ascii_lowercase() {
        return Err(LotMismatch::Commitment);
    }
    let seed = seed(&secret, &record.contributions);
    if hex(&seed) != record.seed.to_ascii_lowercase() {
        return Err(LotMismatch::Seed);
    }
    let count = usize::try_from(record.count).unwrap_or(usize::MAX);
    if assign(record.purpose, &seed, &record.members, count) != record.assignment {
        return Err(LotMismatch::Assignment);
    }
    Ok(())
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub fn unhex(text: &str) -> Option<Vec<u8>> {
    let text = text.trim();
    if text.len() % 2 != 0 {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| text.get(i..i + 2).and_then(|pair| u8::from_str_radix(pair, 16).ok()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn members(n: usize) -> Vec<String> {
        (1..=n).map(|i| format!("m{i}")).collect()
    }

    fn record(secret: &[u8], contributions: Vec<Contribution>, members: Vec<String>) -> LotRecord {
        let seed = seed(secret, &contributions);
        LotRecord {
            purpose: LotPurpose::Roles,
            election_id: "e".into(),
            station_number: "1".into(),
            assignment: assign(LotPurpose::Roles, &seed, &members, 0),
            members,
            count: 0,
            commitment: commitment(secret),
            secret: hex(secret),
            contributions,
            seed: hex(&seed),
        }
    }

    proptest! {
        #[test]
        fn s32_every_duty_is_covered_and_verify_reproduces_it(
            secret in proptest::collection::vec(any::<u8>(), 32),
            values in proptest::collection::vec("[0-9]{1,6}", 0..5),
            n in 4usize..15,
        ) {
            let contributions: Vec<Contribution> =
                values.iter().enumerate().map(|(i, v)| Contribution { by: format!("observer {i}"), value: v.clone() }).collect();
            let record = record(&secret, contributions, members(n));
            for duty in ROLE_DUTIES {
                prop_assert!(record.assignment.iter().any(|a| a.duty == duty));
            }
            let mut drawn: Vec<_> = record.assignment.iter().map(|a| a.member_id.clone()).collect();
            drawn.sort();
            let mut all = members(n);
            all.sort();
            prop_assert_eq!(drawn, all, "every member gets exactly one duty");
            prop_assert_eq!(verify(&record), Ok(()));
        }

        #[test]
        fn s32_changing_any_contribution_changes_the_seed(
            secret in proptest::collection::vec(any::<u8>(), 32),
            values in proptest::collection::vec("[0-9]{1,6}", 1..5),
            which in 0usize..5,
            extra in "[0-9]",
        ) {
            let contributions: Vec<Contribution> =
                values.iter().map(|v| Contribution { by: "observer".into(), value: v.clone() }).collect();
            let mut changed = contributions.clone();
            let index = which % changed.len();
            changed[index].value.push_str(&extra);
            prop_assert_ne!(seed(&secret, &contributions), seed(&secret, &changed));
        }
    }

    #[test]
    fn a_record_with_another_secret_commitment_seed_or_assignment_fails() {
        let secret = [7u8; 32];
        let good = record(&secret, vec![Contribution { by: "a".into(), value: "42".into() }], members(6));
        assert_eq!(verify(&good), Ok(()));
        let mut bad = good.clone();
        bad.secret = hex(&[8u8; 32]);
        assert_eq!(verify(&bad), Err(LotMismatch::Commitment));
        let mut bad = good.clone();
        bad.contributions[0].value = "43".into();
        assert_eq!(verify(&bad), Err(LotMismatch::Seed));
        let mut bad = good.clone();
        bad.assignment.swap(0, 1);
        assert_eq!(verify(&bad), Err(LotMismatch::Assignment));
        let mut bad = good;
        bad.secret = "zz".into();
        assert_eq!(verify(&bad), Err(LotMismatch::BadSecret));
    }

    #[test]
    fn s24_out_of_premises_lot_picks_the_count_asked() {
        let seed = seed(&[1u8; 32], &[]);
        let picked = assign(LotPurpose::OutOfPremises, &seed, &members(7), 3);
        assert_eq!(picked.len(), 3);
        assert!(picked.iter().all(|a| a.duty == Duty::OutOfPremises));
    }
}
