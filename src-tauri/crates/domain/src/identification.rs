//! Identifying voters and giving them a ballot (§37–42, R3.1–R3.2, R4.2–R4.3): who may
//! vote here and with which contest's ballot, how many biometric attempts are allowed,
//! and what is counted — never sequenced next to a ballot's serial.
//!
//! The register's facts about a voter ([`VoterFacts`]) are looked up outside the domain
//! (the register lives in `store`); a voter is named only by the keyed hash of their
//! personal number ([`VoterFacts::voter`]), never by the number itself.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::election::{Contest, ElectionDefinition, StationKind};
use crate::error::DomainError;
use crate::timeline::StepId;

/// Fingerprint attempts allowed before face geometry is used (R4.2, step 5).
pub const MAX_FINGERPRINT_ATTEMPTS: u8 = 10;

/// Fingerprint attempts after which a regular station may give up on a voter the device
/// cannot identify (§37: "after several attempts").
pub const REGULAR_ATTEMPTS_BEFORE_FAILURE: u8 = 3;

/// Age of the active right to vote on voting day.
pub const VOTING_AGE: u32 = 18;

/// The identity documents a voter may present (R4.2, step 1; §39).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum IdentityDocument {
    /// The ID card (TD1 MRZ).
    IdCard,
    /// The general passport (TD3 MRZ).
    Passport,
    DiplomaticPassport,
    ServicePassport,
    /// The digital passport of the «Түндүк» app, shown as a QR code on a phone.
    TundukDigitalPassport,
}

impl IdentityDocument {
    pub const ALL: [IdentityDocument; 5] = [
        IdentityDocument::IdCard,
        IdentityDocument::Passport,
        IdentityDocument::DiplomaticPassport,
        IdentityDocument::ServicePassport,
        IdentityDocument::TundukDigitalPassport,
    ];

    pub fn code(self) -> &'static str {
        match self {
            IdentityDocument::IdCard => "id-card",
            IdentityDocument::Passport => "passport",
            IdentityDocument::DiplomaticPassport => "diplomatic-passport",
            IdentityDocument::ServicePassport => "service-passport",
            IdentityDocument::TundukDigitalPassport => "tunduk-digital-passport",
        }
    }
}

/// How the voter was finally recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum BiometricMethod {
    Fingerprint,
    /// Face geometry through the camera, after the fingerprints failed (R4.2, step 5).
    Face,
}

/// What the register says about a voter, as far as the rules need it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct VoterFacts {
    /// The keyed hash (hex) of the personal number: how the journal names a voter.
    pub voter: String,
    #[ts(type = "string")]
    pub birth_date: NaiveDate,
    /// The contest (multi-mandate district) of the voter's registered address.
    pub district: String,
    /// The station number of the voter's registered address.
    pub station: String,
    /// Since when the voter is registered at that address (R3.1).
    #[ts(type = "string")]
    pub registered_on: NaiveDate,
}

/// What the member and the devices established for one voter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Identification {
    pub facts: VoterFacts,
    pub document: IdentityDocument,
    pub method: BiometricMethod,
    /// Fingerprint attempts made, the successful one included.
    pub fingerprint_attempts: u8,
}

/// A voter identified here: the receipt was printed (§37, §41; R4.2 step 6–7).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct IdentifiedVoter {
    /// The contest whose ballot the voter gets.
    pub district: String,
    /// In the list of remote participants (remote station) or signed in the paper list
    /// (regular station).
    pub listed: bool,
}

/// Identification at this station, as counts. Deliberately no order and no time per
/// voter beside what the journal holds, and no ballot serial anywhere (R1.4).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdentificationState {
    /// By voter key (the keyed hash): ordered by the hash, not by arrival.
    pub identified: BTreeMap<String, IdentifiedVoter>,
    /// Voters the devices could not identify, each with an act (§37).
    pub failures: u32,
    /// Ballots printed per contest at a remote station (duplicates not included).
    pub ballots_printed: BTreeMap<String, u32>,
    /// Ballots issued against receipts at a regular station (§41).
    pub ballots_issued: u32,
    /// Turnout reported to the higher commission, by timeline step (§38).
    pub turnout: BTreeMap<StepId, TurnoutReport>,
}

impl IdentificationState {
    pub fn identified_count(&self) -> u32 {
        u32::try_from(self.identified.len()).unwrap_or(u32::MAX)
    }

    pub fn identified_in(&self, district: &str) -> u32 {
        let count = self.identified.values().filter(|v| v.district == district).count();
        u32::try_from(count).unwrap_or(u32::MAX)
    }

    pub fn printed_in(&self, district: &str) -> u32 {
        self.ballots_printed.get(district).copied().unwrap_or(0)
    }

    /// Identified voters of `district` still waiting for their ballot to print.
    pub fn awaiting_ballot(&self, district: &str) -> u32 {
        self.identified_in(district).saturating_sub(self.printed_in(district))
    }

    pub fn listed_count(&self) -> u32 {
        u32::try_from(self.identified.values().filter(|v| v.listed).count()).unwrap_or(u32::MAX)
    }
}

/// A turnout figure reported to the higher commission (§38).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TurnoutReport {
    #[ts(type = "string")]
    pub at: DateTime<Utc>,
    /// Voters who took part so far: receipts printed here, and voters served outside the
    /// premises the day before.
    pub figure: u32,
}

fn refuse(code: &'static str, message: &'static str) -> DomainError {
    DomainError::new(code, message)
}

fn age_on(birth: NaiveDate, day: NaiveDate) -> u32 {
    let mut years = day.year() - birth.year();
    if (day.month(), day.day()) < (birth.month(), birth.day()) {
        years -= 1;
    }
    u32::try_from(years).unwrap_or(0)
}

/// Whether this voter may vote at this station, and with which contest's ballot: the
/// contest itself, or the reason in the user's language.
///
/// - every station: the active right to vote (18 on voting day);
/// - a regular or abroad station: the voter is in this station's list (§37);
/// - a remote-voting station (R3.1, R1.6, R4.3): the voter's district is a contest of
///   this election; they are a member of its community — registered there at least
///   `community_registration_days` before voting day; and a voter inside their own
///   district but not at their own station is refused, with the advice of R4.3.
pub fn eligibility<'a>(election: &'a ElectionDefinition, facts: &VoterFacts) -> Result<&'a Contest, DomainError> {
    let age = age_on(facts.birth_date, election.voting_day);
    if age < VOTING_AGE {
        return Err(refuse("identification.under-age", "error-identification-under-age")
            .with("age", i64::from(age)));
    }
    let contest = election.contests.iter().find(|c| c.id == facts.district);
    match election.station.kind {
        StationKind::Regular | StationKind::Abroad => {
            if facts.station != election.station.number {
                return Err(refuse("identification.not-in-list", "error-identification-not-in-list")
                    .with("station", facts.station.clone()));
            }
            // A regular station has one contest, the one it sits in.
            election
                .contests
                .iter()
                .find(|c| c.id == election.station.district)
                .or(contest)
                .ok_or_else(|| refuse("identification.unknown-district", "error-identification-unknown-district")
                    .with("district", facts.district.clone()))
        }
        StationKind::RemoteVoting => {
            let contest = contest.ok_or_else(|| {
                refuse("identification.unknown-district", "error-identification-unknown-district")
                    .with("district", facts.district.clone())
            })?;
            let latest = election.voting_day - Duration::days(i64::from(election.community_registration_days));
            if facts.registered_on > latest {
                return Err(refuse("identification.community-too-recent", "error-identification-community-too-recent")
                    .with("days", i64::from(election.community_registration_days))
                    .with("date", facts.registered_on.format("%d.%m.%Y").to_string()));
            }
            let own_district = facts.district == election.station.district;
            if own_district && facts.station != election.station.number {
                return Err(refuse("identification.own-district-other-station", "error-identification-own-district-other-station")
                    .with("station", facts.station.clone())
                    .with("district", contest.designation.clone()));
            }
            Ok(contest)
        }
    }
}

/// Checks the biometric evidence of an identification (R4.2 step 5, §37).
pub fn check_biometrics(station: StationKind, identification: &Identification) -> Result<(), DomainError> {
    let attempts = identification.fingerprint_attempts;
    if attempts > MAX_FINGERPRINT_ATTEMPTS {
        return Err(refuse("identification.too-many-attempts", "error-identification-too-many-attempts")
            .with("max", i64::from(MAX_FINGERPRINT_ATTEMPTS)));
    }
    match identification.method {
        BiometricMethod::Fingerprint if attempts == 0 => {
            Err(refuse("identification.no-attempt", "error-identification-no-attempt"))
        }
        BiometricMethod::Fingerprint => Ok(()),
        BiometricMethod::Face if station != StationKind::RemoteVoting => {
            Err(refuse("identification.face-not-here", "error-identification-face-not-here"))
        }
        BiometricMethod::Face if attempts < MAX_FINGERPRINT_ATTEMPTS => {
            Err(refuse("identification.face-too-early", "error-identification-face-too-early")
                .with("max", i64::from(MAX_FINGERPRINT_ATTEMPTS))
                .with("attempts", i64::from(attempts)))
        }
        BiometricMethod::Face => Ok(()),
    }
}

/// Whether the devices tried enough to give up on a voter (§37; R4.2 step 5: ten
/// fingerprints, then the face).
pub fn may_give_up(station: StationKind, fingerprint_attempts: u8, face_tried: bool) -> Result<(), DomainError> {
    let enough = match station {
        StationKind::RemoteVoting => fingerprint_attempts >= MAX_FINGERPRINT_ATTEMPTS && face_tried,
        StationKind::Regular | StationKind::Abroad => fingerprint_attempts >= REGULAR_ATTEMPTS_BEFORE_FAILURE,
    };
    if enough {
        Ok(())
    } else {
        let needed = match station {
            StationKind::RemoteVoting => MAX_FINGERPRINT_ATTEMPTS,
            _ => REGULAR_ATTEMPTS_BEFORE_FAILURE,
        };
        Err(refuse("identification.give-up-too-early", "error-identification-give-up-too-early")
            .with("attempts", i64::from(needed))
            .with("face", if station == StationKind::RemoteVoting { "yes" } else { "no" }))
    }
}

/// The turnout report steps, at 10, 12, 14, 16 and 18 o'clock (§38).
pub const TURNOUT_STEPS: [StepId; 5] =
    [StepId::Turnout10, StepId::Turnout12, StepId::Turnout14, StepId::Turnout16, StepId::Turnout18];
