//! Property tests of spoiled ballots through `decide`/`apply` alone (R4.4, §45): in any
//! sequence of identifications, spoils and duplicate requests — fresh, repeated,
//! replayed or signed over another act — at most one duplicate exists per spoiled ballot,
//! and every ballot printed is accounted for as cast-eligible or spoiled and cancelled.
//! The model keeps the physical ballots (serials) the domain never sees next to a voter.

use chrono::{DateTime, Duration, NaiveTime, TimeZone, Utc};
use domain::attendance::Arrival;
use domain::election::{ElectionDefinition, parse_definition};
use domain::identification::{BiometricMethod, Identification, IdentityDocument, VoterFacts};
use domain::lot::{Contribution, LotPurpose};
use domain::opening::BoxKind;
use domain::spoils::{self, DuplicateAuthorisation};
use domain::{Command, DayState, Event, apply, decide};
use ed25519_dalek::{Signer, SigningKey};
use proptest::prelude::*;

const REMOTE: &str = include_str!("../../../../assets/elections/demo-jk-2025-remote.toml");
const REGULAR: &str = include_str!("../../../../assets/elections/demo-city-council-regular.toml");

/// A station's journal in memory: the state and every event, with a clock that moves
/// one minute per act.
struct Day {
    state: DayState,
    events: Vec<Event>,
    now: DateTime<Utc>,
}

impl Day {
    fn act(&mut self, command: &Command) -> Result<(), domain::DomainError> {
        self.now += Duration::minutes(1);
        let events = decide(&self.state, command, self.now)?;
        for event in events {
            self.state = apply(std::mem::take(&mut self.state), &event);
            self.events.push(event);
        }
        Ok(())
    }

    fn must(&mut self, command: Command) {
        if let Err(error) = self.act(&command) {
            panic!("{command:?} refused: {error}");
        }
    }

    fn election(&self) -> &ElectionDefinition {
        self.state.election.as_ref().expect("loaded")
    }
}

fn at(election: &ElectionDefinition, hour: u32, minute: u32) -> DateTime<Utc> {
    let local = election.voting_day.and_time(NaiveTime::from_hms_opt(hour, minute, 0).expect("time"));
    election.tz().from_local_datetime(&local).earliest().expect("local time").with_timezone(&Utc)
}

/// The opening meeting done and the polls open at 08:00.
fn opened(source: &str, chair_key: Option<&SigningKey>) -> Day {
    let definition = parse_definition(source).expect("the demo parses");
    let mut day = Day { state: DayState::default(), events: Vec::new(), now: at(&definition, 6, 50) };
    day.must(Command::LoadElection { definition: Box::new(definition.clone()) });
    for member in &definition.commission {
        day.must(Command::RegisterArrival {
            arrival: Arrival::member(&member.id),
        });
    }
    day.now = at(&definition, 7, 0);
    let secret = [9u8; 32];
    day.must(Command::CommitLot { purpose: LotPurpose::Roles, commitment: domain::lot::commitment(&secret), count: 0 });
    let contributions = vec![Contribution { by: "observer".into(), value: "7".into() }];
    day.must(Command::DrawLot { purpose: LotPurpose::Roles, secret: domain::lot::hex(&secret), contributions });
    day.must(Command::OpenSafe { voters_paper: 10, voters_electronic: 10, explanation: None });
    let remote = definition.station.kind == domain::StationKind::RemoteVoting;
    let boxes: &[(&str, BoxKind)] =
        if remote { &[("aeu-main", BoxKind::Aeu), ("aeu-reserve", BoxKind::Aeu)] } else { &[("box-1", BoxKind::Stationary)] };
    for (index, (box_id, kind)) in boxes.iter().enumerate() {
        day.must(Command::SealBox { box_id: (*box_id).into(), kind: *kind, seals: vec![format!("S-{index}")] });
    }
    day.must(Command::FinishSealing);
    if remote {
        day.must(Command::RecordPaperStock { sheets: 1000, printer_counter: 0 });
        if let Some(key) = chair_key {
            day.must(Command::RegisterChairCard { public_key: domain::lot::hex(key.verifying_key().as_bytes()) });
        }
    } else {
        day.must(Command::ReceiveBallots { announced: 300, recounted: 300, for_out_of_premises: 0, explanation: None });
        for member in ["m4", "m5", "m6"] {
            day.must(Command::IssueBallotsToMember { member_id: member.into(), count: 100 });
        }
        day.must(Command::FinishBallotIssue);
    }
    day.now = at(&definition, 8, 0);
    day.must(Command::OpenPolls);
    day
}

/// A voter of `district` (remote: any district but the station's own, where only the
/// station's own voters come).
fn voter(election: &ElectionDefinition, n: usize, district: &str) -> Identification {
    Identification {
        facts: VoterFacts {
            voter: format!("{n:064x}"),
            birth_date: chrono::NaiveDate::from_ymd_opt(1980, 1, 1).expect("date"),
            district: district.to_owned(),
            station: election.station.number.clone(),
            registered_on: chrono::NaiveDate::from_ymd_opt(2000, 1, 1).expect("date"),
        },
        document: IdentityDocument::IdCard,
        method: BiometricMethod::Fingerprint,
        fingerprint_attempts: 1,
    }
}

#[derive(Debug, Clone)]
enum Step {
    /// A voter of the n-th district is identified and the ballot printed.
    Identify(usize),
    /// The voter of the k-th ballot printed (modulo) spoils it and asks for a duplicate.
    Spoil(usize),
    /// A duplicate authorisation already journaled is submitted again.
    Replay(usize),
    /// A request for the k-th ballot signed over another act (another reason).
    SignedForAnother(usize),
    /// A request for the k-th ballot signed over an earlier journal head.
    Stale(usize),
}

fn steps() -> impl Strategy<Value = Vec<Step>> {
    prop::collection::vec(
        prop_oneof![
            3 => (0usize..4).prop_map(Step::Identify),
            3 => (0usize..64).prop_map(Step::Spoil),
            1 => (0usize..64).prop_map(Step::Replay),
            1 => (0usize..64).prop_map(Step::SignedForAnother),
            1 => (0usize..64).prop_map(Step::Stale),
        ],
        1..60,
    )
}

/// A ballot that came out of the printer, as the world (not the journal) knows it.
struct Ballot {
    serial: String,
    district: String,
    original: bool,
    spoiled: bool,
}

fn request(day: &Day, key: &SigningKey, ballot: &Ballot, nonce: u64, reason: &str, head: [u8; 32]) -> DuplicateAuthorisation {
    let mut authorisation = DuplicateAuthorisation {
        spoiled_serial: ballot.serial.clone(),
        district: ballot.district.clone(),
        reason: reason.to_owned(),
        nonce: format!("{nonce:064x}"),
        journal_head: domain::lot::hex(&head),
        card: spoils::fingerprint(key.verifying_key().as_bytes()),
        signature: String::new(),
    };
    let signature = key.sign(&spoils::signed_message(day.election(), &authorisation));
    authorisation.signature = domain::lot::hex(&signature.to_bytes());
    authorisation
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn r4_4_at_most_one_duplicate_per_spoiled_ballot_and_every_ballot_accounted_for(steps in steps()) {
        let key = SigningKey::from_bytes(&[7; 32]);
        let mut day = opened(REMOTE, Some(&key));
        let districts: Vec<String> = day
            .election()
            .contests
            .iter()
            .map(|c| c.id.clone())
            .filter(|id| *id != day.election().station.district)
            .collect();
        let mut ballots: Vec<Ballot> = Vec::new();
        let mut granted: Vec<DuplicateAuthorisation> = Vec::new();
        let mut nonce = 0u64;
        let mut voters = 0usize;
        let mut old_head = day.state.journal_head;
        for step in steps {
            match step {
                Step::Identify(n) => {
                    voters += 1;
                    let district = districts[n % districts.len()].clone();
                    let identification = voter(day.election(), voters, &district);
                    day.must(Command::IdentifyVoter { identification });
                    day.must(Command::RecordBallotPrinted { district: district.clone() });
                    ballots.push(Ballot { serial: format!("{:016x}", 0xb000 + ballots.len()), district, original: true, spoiled: false });
                }
                Step::Spoil(k) => {
                    // The api refuses a duplicate brought back (its code says so): only
                    // originals reach the domain.
                    let originals: Vec<usize> = (0..ballots.len()).filter(|i| ballots[*i].original).collect();
                    if originals.is_empty() { continue; }
                    let index = originals[k % originals.len()];
                    nonce += 1;
                    let authorisation = request(&day, &key, &ballots[index], nonce, "ошибка", day.state.journal_head);
                    let result = day.act(&Command::AuthoriseDuplicate { authorisation: authorisation.clone() });
                    if ballots[index].spoiled {
                        let refusal = result.expect_err("a second duplicate");
                        prop_assert_eq!(refusal.code, "duplicate.already-printed");
                    } else {
                        prop_assert!(result.is_ok(), "{:?}", result);
                        ballots[index].spoiled = true;
                        granted.push(authorisation);
                        let serial = ballots[index].serial.clone();
                        day.must(Command::RecordDuplicatePrinted { spoiled_serial: serial.clone() });
                        let again = day.act(&Command::RecordDuplicatePrinted { spoiled_serial: serial });
                        prop_assert!(again.is_err(), "printed once");
                        let district = ballots[index].district.clone();
                        ballots.push(Ballot { serial: format!("{:016x}", 0xd000 + ballots.len()), district, original: false, spoiled: false });
                    }
                }
                Step::Replay(j) => {
                    if granted.is_empty() { continue; }
                    let replayed = granted[j % granted.len()].clone();
                    let refusal = day.act(&Command::AuthoriseDuplicate { authorisation: replayed }).expect_err("replayed");
                    prop_assert_eq!(refusal.code, "duplicate.replayed");
                }
                Step::SignedForAnother(k) => {
                    if ballots.is_empty() { continue; }
                    let ballot = &ballots[k % ballots.len()];
                    nonce += 1;
                    let signed = request(&day, &key, ballot, nonce, "другое", day.state.journal_head);
                    let presented = DuplicateAuthorisation { reason: "ошибка".into(), ..signed };
                    let refusal = day.act(&Command::AuthoriseDuplicate { authorisation: presented }).expect_err("another act");
                    prop_assert_eq!(refusal.code, "duplicate.bad-signature");
                }
                Step::Stale(k) => {
                    if ballots.is_empty() || old_head == day.state.journal_head { continue; }
                    let ballot = &ballots[k % ballots.len()];
                    nonce += 1;
                    let stale = request(&day, &key, ballot, nonce, "ошибка", old_head);
                    let refusal = day.act(&Command::AuthoriseDuplicate { authorisation: stale }).expect_err("stale");
                    prop_assert_eq!(refusal.code, "duplicate.stale-signature");
                }
            }
            old_head = day.state.journal_head;

            // At most one duplicate per spoiled ballot, in the journal itself.
            let mut printed_for: std::collections::BTreeMap<&str, u32> = std::collections::BTreeMap::new();
            for event in &day.events {
                if let Event::DuplicatePrinted { spoiled_serial, .. } = event {
                    *printed_for.entry(spoiled_serial.as_str()).or_insert(0) += 1;
                }
            }
            prop_assert!(printed_for.values().all(|count| *count == 1), "{:?}", printed_for);
            // Every ballot printed: with a voter, or spoiled and cancelled.
            let account = spoils::account(&day.state);
            let spoiled = ballots.iter().filter(|b| b.spoiled).count() as u32;
            prop_assert_eq!(account.printed, ballots.len() as u32);
            prop_assert_eq!(account.spoiled, spoiled);
            prop_assert_eq!(account.cancelled, spoiled);
            prop_assert_eq!(account.cast_eligible + account.spoiled, account.printed);
            for district in &districts {
                let originals = day.state.identification.printed_in(district);
                prop_assert!(day.state.spoils.duplicates_in(district) <= originals);
            }
        }
        // A replay of the whole journal verifies every signature again and agrees.
        let replayed = DayState::replay(&day.events);
        prop_assert!(replayed.spoils.unverified_acts().is_empty());
        prop_assert_eq!(&replayed, &day.state);
    }

    #[test]
    fn s45_ballots_with_members_voters_and_spoiled_always_add_up_to_those_issued(
        steps in prop::collection::vec((any::<bool>(), 0usize..3), 1..60),
    ) {
        let mut day = opened(REGULAR, None);
        let district = day.election().station.district.clone();
        let members = ["m4", "m5", "m6"];
        let mut voters = 0usize;
        for (identify, member) in steps {
            if identify {
                voters += 1;
                let identification = voter(day.election(), voters, &district);
                let key = identification.facts.voter.clone();
                day.must(Command::IdentifyVoter { identification });
                day.must(Command::ListVoter { voter: key });
                day.must(Command::IssueBallotToVoter);
            } else {
                let result = day.act(&Command::RecordSpoiledBallot { member_id: members[member].into() });
                let issued = day.state.identification.ballots_issued;
                prop_assert_eq!(result.is_ok() || issued == 0, true, "{:?}", result);
            }
            let state = &day.state;
            prop_assert_eq!(
                spoils::ballots_with_members(state) + state.identification.ballots_issued + state.spoils.spoiled_returned,
                state.ballots.issued()
            );
            let acts = state.acts.iter().filter(|a| a.kind.name() == "spoiled-ballot").count() as u32;
            prop_assert_eq!(acts, state.spoils.spoiled_returned);
        }
    }
}
