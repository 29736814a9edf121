//! Simulated voters for the demo, training and tests: a voter of the synthetic register
//! "comes to the desk" — their document goes on the simulated reader (or their «Түндүк»
//! code in front of the QR reader), their finger on the scanner, their face before the
//! camera — so that the member can identify them with the real procedure.
//!
//! Only with simulated devices. The synthetic register is regenerated from its seed
//! here, personal numbers included, and never written anywhere: the station's register
//! holds only their keyed hashes.

use std::sync::{Arc, Mutex, PoisonError};

use chrono::{Duration, NaiveDate};
use domain::identification::IdentityDocument;
use domain::{DayState, ElectionDefinition, StationKind};
use serde::{Deserialize, Serialize};
use sim::{SimStation, SubjectScript};
use store::register::{GenerateOptions, RegisterKey, SyntheticVoter};
use ts_rs::TS;

use crate::error::ApiError;
use crate::tunduk::{self, DigitalPassport};

/// The kinds of voter a trainer (or the demo) can send to the desk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum VoterCase {
    /// May vote here; identified at the first fingerprint.
    Eligible,
    /// Remote station: a voter of another district (gets that district's ballot).
    OtherDistrict,
    /// Remote station: inside their own district but not at their own station (R4.3).
    OwnDistrictOtherStation,
    /// Registered at their address too recently to be of the district's community (R3.1).
    RecentlyRegistered,
    /// Fingerprints fail ten times, the face passes (R4.2 step 5).
    FingerprintsFailTen,
    /// Neither fingerprints nor face: the act of §37.
    NeverRecognised,
    /// Not in the register at all.
    NotInRegister,
    /// Comes back after being identified (R3.2).
    AlreadyIdentified,
    /// Shows the «Түндүк» digital passport on a phone.
    DigitalPassport,
}

impl VoterCase {
    pub const ALL: [VoterCase; 9] = [
        VoterCase::Eligible,
        VoterCase::OtherDistrict,
        VoterCase::OwnDistrictOtherStation,
        VoterCase::RecentlyRegistered,
        VoterCase::FingerprintsFailTen,
        VoterCase::NeverRecognised,
        VoterCase::NotInRegister,
        VoterCase::AlreadyIdentified,
        VoterCase::DigitalPassport,
    ];
}

/// Who came to the desk, as the trainer's panel says it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SimulatedArrival {
    pub case: VoterCase,
    pub name: String,
    /// The document the voter shows.
    pub document: IdentityDocument,
    /// The contest of the voter's registered address.
    pub district: String,
    pub station: String,
}

/// What a voter (or a trainer) holds in front of the QR reader for a duplicate (R4.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum SpoiledBallotCase {
    /// The newest ballot that came out of the printer, spoiled by its voter.
    LastBallot,
    /// The ballot brought back before, once more.
    SameAgain,
    /// A ballot of another station.
    OtherStation,
    /// A ballot whose code was altered (the MAC does not verify).
    Forged,
    /// Some other QR code.
    NotABallot,
    /// A code too damaged to read.
    Unreadable,
}

impl SpoiledBallotCase {
    pub const ALL: [SpoiledBallotCase; 6] = [
        SpoiledBallotCase::LastBallot,
        SpoiledBallotCase::SameAgain,
        SpoiledBallotCase::OtherStation,
        SpoiledBallotCase::Forged,
        SpoiledBallotCase::NotABallot,
        SpoiledBallotCase::Unreadable,
    ];
}

/// The simulated station's devices and its synthetic register's voters.
pub struct Simulation {
    pub devices: Arc<SimStation>,
    voters: Vec<SyntheticVoter>,
    state: Mutex<Progress>,
    truth: Mutex<Truth>,
    ballots: Mutex<SimulatedBallots>,
}

/// What the simulated voters really marked, contest by contest: counts only. The
/// simulation knows the true piles so that a trainer (and the tests) can hold the count
/// against them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TrueTally {
    pub contest: String,
    /// Ballots cast into the urn (fed or, when it failed, dropped into the box).
    pub cast: u64,
    #[ts(type = "Record<string, number>")]
    pub votes: std::collections::BTreeMap<String, u64>,
    /// Ballots marked for none or for several options.
    pub invalid: u64,
    /// Ballots the AEU did not take (it had failed): in the reserve's or the box.
    pub not_fed: u64,
}

#[derive(Debug, Default)]
struct Truth {
    tallies: Vec<TrueTally>,
    /// Ballots cast so far: the seed of the next voter's choice.
    cast: u64,
}

/// The codes of simulated ballots, in memory only: a trainer's voter "brings back" the
/// ballot they spoiled. Real printers keep nothing (R1.4).
#[derive(Debug, Default)]
struct SimulatedBallots {
    last_printed: Option<Vec<u8>>,
    last_returned: Option<Vec<u8>>,
}

#[derive(Default)]
struct Progress {
    /// The next voter to look at, so that each arrival is someone new.
    cursor: usize,
    /// The personal number of the last voter who came, for "comes back".
    last: Option<String>,
    /// Personal numbers invented for "not in the register".
    invented: u64,
    /// The register's keyed hash of the last voter who came (training's truth).
    last_key: Option<String>,
}

/// The synthetic register of a demo: how many voters and which seed.
pub fn register_options(definition: &ElectionDefinition) -> GenerateOptions {
    let voters = if definition.station.kind == StationKind::RemoteVoting { 4000 } else { 1520 };
    let mut options = GenerateOptions::new(definition, voters, 2025);
    options.photos = true;
    if definition.station.kind == StationKind::RemoteVoting {
        options.stations_per_district = 12;
    }
    options
}

impl Simulation {
    pub fn new(devices: Arc<SimStation>, voters: Vec<SyntheticVoter>) -> Simulation {
        Simulation {
            devices,
            voters,
            state: Mutex::new(Progress::default()),
            truth: Mutex::new(Truth::default()),
            ballots: Mutex::default(),
        }
    }

    /// The voter in the booth marks the ballot of `contest` and feeds it to `urn`; the
    /// simulation remembers the mark (as a count). One voter in 40 spoils the choice
    /// (several marks, or none).
    pub fn cast(&self, contest: &domain::election::Contest, urn: Option<&dyn driver_api::Aeu>) {
        let mut truth = self.truth.lock().unwrap_or_else(PoisonError::into_inner);
        truth.cast += 1;
        let mut rng = sim::SplitMix64::new(sim::device_seed(2025, &format!("ballot-{}", truth.cast)));
        let options: Vec<&str> = contest.options.iter().map(|o| o.id.as_str()).collect();
        // Earlier options on the ballot get more votes, as in a real count.
        let weights: Vec<u64> = (0..options.len()).map(|i| (options.len() - i) as u64 * 3 + 1).collect();
        let total: u64 = weights.iter().sum();
        let marked: Vec<String> = match rng.next_u64() % 40 {
            0 => Vec::new(),
            1 => options.iter().take(2).map(|o| (*o).to_owned()).collect(),
            _ => {
                let mut pick = rng.next_u64() % total.max(1);
                let index = weights.iter().position(|w| {
                    if pick < *w {
                        true
                    } else {
                        pick -= w;
                        false
                    }
                });
                index.and_then(|i| options.get(i)).map(|o| vec![(*o).to_owned()]).unwrap_or_default()
            }
        };
        let fed = urn.is_some_and(|urn| {
            let marks = driver_api::BallotMarks {
                contests: vec![driver_api::ContestMarks { contest: contest.id.clone(), options: marked.clone() }],
            };
            urn.feed(&marks).is_ok()
        });
        let position = truth.tallies.iter().position(|t| t.contest == contest.id);
        let tally = match position {
            Some(index) => &mut truth.tallies[index],
            None => {
                truth.tallies.push(TrueTally { contest: contest.id.clone(), ..TrueTally::default() });
                let last = truth.tallies.len() - 1;
                &mut truth.tallies[last]
            }
        };
        tally.cast += 1;
        if !fed {
            tally.not_fed += 1;
        }
        match marked.as_slice() {
            [option] => *tally.votes.entry(option.clone()).or_insert(0) += 1,
            _ => tally.invalid += 1,
        }
    }

    /// The true piles so far.
    pub fn truth(&self) -> Vec<TrueTally> {
        self.truth.lock().unwrap_or_else(PoisonError::into_inner).tallies.clone()
    }

    /// The keyed hash of the voter who came to the desk last: how a training scenario
    /// knows which identification in the journal was theirs.
    pub(crate) fn last_voter_key(&self) -> Option<String> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner).last_key.clone()
    }

    /// The code of the spoiled ballot brought back last.
    pub(crate) fn last_returned_code(&self) -> Option<Vec<u8>> {
        self.ballots.lock().unwrap_or_else(PoisonError::into_inner).last_returned.clone()
    }

    /// Remembers the code of a ballot the simulated printer printed.
    pub(crate) fn ballot_printed(&self, payload: &[u8]) {
        self.ballots.lock().unwrap_or_else(PoisonError::into_inner).last_printed = Some(payload.to_vec());
    }

    /// Holds a spoiled ballot's code (or something else) in front of the QR reader.
    pub fn bring_back_ballot(&self, case: SpoiledBallotCase, election: &ElectionDefinition) -> Result<(), ApiError> {
        let mut ballots = self.ballots.lock().unwrap_or_else(PoisonError::into_inner);
        let none_yet = || ApiError::new("simulation.no-ballot", "error-simulation-no-ballot");
        let payload = match case {
            SpoiledBallotCase::LastBallot => ballots.last_printed.clone().ok_or_else(none_yet)?,
            SpoiledBallotCase::SameAgain => {
                ballots.last_returned.clone().or_else(|| ballots.last_printed.clone()).ok_or_else(none_yet)?
            }
            SpoiledBallotCase::OtherStation => {
                let other = format!("{}9", election.station.number);
                let contest = election.contests.first().map(|c| c.id.clone()).unwrap_or_default();
                let code = crate::ballot_code::BallotCode {
                    station: other,
                    contest,
                    serial: crate::ballot_code::serial_from([0x5a; 8]),
                    duplicate: false,
                };
                crate::ballot_code::encode(&[0x42; 32], &election.id, &code)
            }
            SpoiledBallotCase::Forged => {
                let mut payload = ballots.last_printed.clone().ok_or_else(none_yet)?;
                // The last MAC digit changed: the code reads, the MAC does not verify.
                if let Some(last) = payload.last_mut() {
                    *last = if *last == b'0' { b'1' } else { b'0' };
                }
                payload
            }
            SpoiledBallotCase::NotABallot => b"https://shailoo.gov.kg".to_vec(),
            SpoiledBallotCase::Unreadable => {
                self.devices.qr_reader.core().fail_next();
                ballots.last_printed.clone().unwrap_or_else(|| b"?".to_vec())
            }
        };
        if matches!(case, SpoiledBallotCase::LastBallot | SpoiledBallotCase::SameAgain) {
            ballots.last_returned = Some(payload.clone());
        }
        self.devices.document_reader.remove_document();
        self.devices.qr_reader.present_code(payload);
        Ok(())
    }

    /// Sends a voter of `case` to the desk: places their document, finger and face on
    /// the simulated devices. `identified` tells who was already identified today.
    pub fn arrive(
        &self,
        case: VoterCase,
        election: &ElectionDefinition,
        state: &DayState,
        key: &RegisterKey,
    ) -> Result<SimulatedArrival, ApiError> {
        let mut progress = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        let cutoff = election.voting_day - Duration::days(i64::from(election.community_registration_days));
        let own = &election.station;
        let remote = own.kind == StationKind::RemoteVoting;
        let identified = |voter: &SyntheticVoter| state.identification.identified.contains_key(&key.voter_key(&voter.personal_number).to_hex());
        let old_enough = |voter: &SyntheticVoter| voter.registered_on <= cutoff;
        let eligible = |voter: &SyntheticVoter| {
            !identified(voter)
                && if remote {
                    old_enough(voter) && (voter.district != own.district || voter.station == own.number)
                } else {
                    voter.station == own.number
                }
        };
        let voter: SyntheticVoter = match case {
            VoterCase::Eligible | VoterCase::FingerprintsFailTen | VoterCase::NeverRecognised | VoterCase::DigitalPassport => {
                self.next_where(&mut progress, eligible)?
            }
            VoterCase::OtherDistrict => {
                self.next_where(&mut progress, |v| eligible(v) && remote && v.district != own.district)?
            }
            VoterCase::OwnDistrictOtherStation => self.next_where(&mut progress, |v| {
                !identified(v) && old_enough(v) && v.district == own.district && v.station != own.number
            })?,
            VoterCase::RecentlyRegistered => {
                self.next_where(&mut progress, |v| !identified(v) && !old_enough(v) && (remote || v.station == own.number))?
            }
            VoterCase::NotInRegister => loop {
                progress.invented += 1;
                let invented = invented_voter(election, progress.invented);
                if !self.voters.iter().any(|v| v.personal_number == invented.personal_number) {
                    break invented;
                }
            },
            VoterCase::AlreadyIdentified => {
                let last = progress.last.clone();
                self.voters
                    .iter()
                    .find(|v| Some(&v.personal_number) == last.as_ref() && identified(v))
                    .or_else(|| self.voters.iter().find(|v| identified(v)))
                    .cloned()
                    .ok_or_else(|| ApiError::new("simulation.nobody-identified", "error-simulation-nobody-identified"))?
            }
        };
        let subject = key.voter_key(&voter.personal_number).to_hex();
        progress.last_key = Some(subject.clone());
        let devices = &self.devices;
        devices.fingerprint_scanner.present_finger(Some(&subject));
        devices.camera.show_subject(Some(&subject));
        let (fingers, face) = match case {
            VoterCase::FingerprintsFailTen => (Some(SubjectScript::FailNext(10)), None),
            VoterCase::NeverRecognised => (Some(SubjectScript::AlwaysFail), Some(SubjectScript::AlwaysFail)),
            _ => (None, None),
        };
        devices.fingerprint_scanner.script_subject(&subject, fingers);
        devices.face_matcher.script_subject(&subject, face);
        let document = if case == VoterCase::DigitalPassport {
            devices.document_reader.remove_document();
            let passport = DigitalPassport {
                personal_number: voter.personal_number.clone(),
                surname: voter.surname.clone(),
                given_names: voter.given_names.clone(),
                birth_date: voter.birth_date,
                document_number: format!("DP{}", &voter.personal_number[7..]),
                valid_until: election.voting_day + Duration::days(365),
            };
            devices.qr_reader.present_code(tunduk::simulated_payload(&passport));
            IdentityDocument::TundukDigitalPassport
        } else {
            devices.document_reader.place_document(id_card_mrz(&voter, election.voting_day)?);
            IdentityDocument::IdCard
        };
        if case != VoterCase::NotInRegister {
            progress.last = Some(voter.personal_number.clone());
        }
        Ok(SimulatedArrival {
            case,
            name: format!("{} {}", voter.surname, voter.given_names),
            document,
            district: voter.district.clone(),
            station: voter.station.clone(),
        })
    }

    /// The next voter (from where the last search stopped, wrapping) who fits.
    fn next_where(&self, progress: &mut Progress, fits: impl Fn(&SyntheticVoter) -> bool) -> Result<SyntheticVoter, ApiError> {
        let count = self.voters.len();
        for offset in 0..count {
            let index = (progress.cursor + offset) % count;
            if fits(&self.voters[index]) {
                progress.cursor = index + 1;
                return Ok(self.voters[index].clone());
            }
        }
        Err(ApiError::new("simulation.no-such-voter", "error-simulation-no-such-voter"))
    }
}

/// A voter with a well-formed personal number (the caller makes sure the register does
/// not hold it).
fn invented_voter(election: &ElectionDefinition, n: u64) -> SyntheticVoter {
    let birth = NaiveDate::from_ymd_opt(1980, 5, 17).unwrap_or(election.voting_day);
    SyntheticVoter {
        personal_number: format!("2{}{:05}", birth.format("%d%m%Y"), 99_000 + n % 1000),
        surname: "Белгисизов".into(),
        given_names: "Азамат".into(),
        patronymic: String::new(),
        birth_date: birth,
        district: election.station.district.clone(),
        station: election.station.number.clone(),
        registered_on: birth,
    }
}

/// The Kyrgyz ID card's MRZ (TD1) for a voter: the personal number in the optional data,
/// as on the real card.
fn id_card_mrz(voter: &SyntheticVoter, voting_day: NaiveDate) -> Result<Vec<String>, ApiError> {
    use chrono::Datelike;
    let date = |d: NaiveDate| {
        mrz::MrzDate::new(
            u8::try_from(d.year().rem_euclid(100)).unwrap_or(0),
            u8::try_from(d.month()).unwrap_or(1),
            u8::try_from(d.day()).unwrap_or(1),
        )
    };
    let sex = if voter.personal_number.starts_with('1') { mrz::Sex::Female } else { mrz::Sex::Male };
    let expiry = voting_day + Duration::days(3 * 365);
    let card = mrz::Mrz {
        format: mrz::Format::Td1,
        document_code: "ID".into(),
        issuing_state: "KGZ".into(),
        surname: latin(&voter.surname),
        given_names: latin(&voter.given_names),
        document_number: format!("ID{}", &voter.personal_number[7..14]),
        nationality: "KGZ".into(),
        birth_date: date(voter.birth_date),
        sex,
        expiry_date: date(expiry),
        optional_data_1: voter.personal_number.clone(),
        optional_data_2: String::new(),
        empty_optional_check: mrz::EmptyCheck::Filler,
    };
    mrz::compose(&card).map_err(|error| ApiError::new("internal", "error-internal").with("detail", error.to_string()))
}

/// The Latin spelling of a Kyrgyz or Russian name in the MRZ (letters A–Z only).
fn latin(name: &str) -> String {
    let mut out = String::new();
    for c in name.to_uppercase().chars() {
        let spelled = match c {
            'А' => "A", 'Б' => "B", 'В' => "V", 'Г' => "G", 'Д' => "D", 'Е' => "E", 'Ё' => "E", 'Ж' => "ZH",
            'З' => "Z", 'И' => "I", 'Й' => "I", 'К' => "K", 'Л' => "L", 'М' => "M", 'Н' => "N", 'Ң' => "N",
            'О' => "O", 'Ө' => "O", 'П' => "P", 'Р' => "R", 'С' => "S", 'Т' => "T", 'У' => "U", 'Ү' => "U",
            'Ф' => "F", 'Х' => "KH", 'Ц' => "TS", 'Ч' => "CH", 'Ш' => "SH", 'Щ' => "SHCH", 'Ъ' | 'Ь' => "",
            'Ы' => "Y", 'Э' => "E", 'Ю' => "IU", 'Я' => "IA", ' ' | '-' => " ",
            c if c.is_ascii_uppercase() => {
                out.push(c);
                continue;
            }
            _ => "",
        };
        out.push_str(spelled);
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_spelled_in_latin_for_the_mrz() {
        assert_eq!(latin("Бейшеналиева Айгүл"), "BEISHENALIEVA AIGUL");
        assert_eq!(latin("Өмүрбеков-Ңоо"), "OMURBEKOV NOO");
        assert_eq!(latin("Щукин Ёжик"), "SHCHUKIN EZHIK");
    }
}
