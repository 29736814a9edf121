//! Spoiled ballots through `api` with simulated devices (§45, R4.4): the regular
//! station's new ballot, and the remote station's duplicate under the chair's smart
//! card — one per spoiled ballot, refused for anything that is not a ballot printed here,
//! for a card that is not there, not the registered one, blocked or given a wrong PIN,
//! and for a signature replayed or made for another act. Each test's name cites its
//! clause.

use api::Station;
use api::simulation::{SpoiledBallotCase, VoterCase};
use domain::Command;
use driver_api::PrintKind;
use uchastok_tests::{files_ending, pdf_text, regular_station_prepared, remote_station_prepared};

const PIN: &str = "1234";
const REASON: &str = "Ошибся при заполнении";

fn ballots_printed(devices: &sim::SimStation) -> usize {
    devices.ballot_printer.printed().iter().filter(|job| job.kind == PrintKind::Ballot).count()
}

/// A voter comes, is identified by the first fingerprint, gets the ballot and signs.
fn voter_votes(station: &Station) {
    let arrival = station.simulate_voter(VoterCase::Eligible).expect("a voter comes");
    station.desk_read_document(arrival.document).expect("document read");
    station.desk_confirm_photo().expect("photo compared");
    let view = station.desk_fingerprint().expect("fingerprint");
    assert!(view.identified && view.ballot_printed, "{view:?}");
    station.desk_list().expect("listed");
    station.desk_clear();
}

fn bring_back(station: &Station, case: SpoiledBallotCase) {
    station.simulate_spoiled_ballot(case).expect("the ballot is held to the reader");
}

fn act_text(station: &Station, number: u32) -> String {
    let path = station.data_dir().join(format!("documents/act-{number:03}.pdf"));
    pdf_text(&std::fs::read(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display())))
}

#[test]
fn r4_4_a_spoiled_ballot_gets_one_duplicate_signed_by_the_chairs_card() {
    let (harness, station, devices) = remote_station_prepared(true);
    harness.at(29, 10, 40);
    voter_votes(&station);
    assert_eq!(ballots_printed(&devices), 1);

    bring_back(&station, SpoiledBallotCase::LastBallot);
    let view = station.duplicate_scan().expect("a ballot printed here");
    let scanned = view.scanned.clone().expect("scanned");
    assert!(!view.authorised);
    let view = station.duplicate_authorise(REASON, PIN).expect("authorised and printed");
    assert!(view.authorised && view.printed, "{view:?}");
    assert_eq!(ballots_printed(&devices), 2, "the duplicate came out");
    assert_eq!(view.duplicates.len(), 1);
    let row = &view.duplicates[0];
    assert!(row.verified && row.printed);
    assert_eq!((row.spoiled_serial.as_str(), row.reason.as_str()), (scanned.serial.as_str(), REASON));
    assert_eq!((view.account.printed, view.account.cast_eligible, view.account.spoiled), (2, 1, 1));
    // What the count's protocol reads for the district (issue 6): printed and cancelled.
    let state = state_of(&station);
    assert_eq!((state.duplicates_printed_in(&scanned.contest), state.spoiled_cancelled_in(&scanned.contest)), (1, 1));
    assert_eq!(state.spoiled_cancelled_total(), 1);

    // The act: the district, the serial, the reason, the card, the two corners to cut.
    let act = view.act.expect("act number");
    let text = act_text(&station, act);
    let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [scanned.designation.as_str(), scanned.serial.as_str(), REASON, "R4.4", "10:40"] {
        assert!(text.contains(expected), "no {expected} in the act:\n{text}");
    }
    assert!(words.contains("правом нижнем и левом верхнем") || words.contains("оң жак төмөнкү жана сол жак жогорку"), "{text}");
    let card = view.card.expect("registered card").fingerprint;
    assert!(text.contains(&card), "the card's fingerprint {card} is on the act:\n{text}");
    // The duplicate is of the same district, and says it is a duplicate.
    let ballots = files_ending(&station.data_dir().join("simulated-prints"), "-ballot.pdf");
    let duplicate = pdf_text(&std::fs::read(ballots.last().expect("a ballot print")).expect("pdf"));
    assert!(duplicate.contains(&scanned.designation), "{duplicate}");

    // A second request for the same spoiled ballot is refused before the card is asked.
    station.duplicate_clear().expect("cleared");
    bring_back(&station, SpoiledBallotCase::SameAgain);
    let refusal = station.duplicate_scan().expect_err("only once");
    assert_eq!(refusal.code, "duplicate.already-printed");
    assert_eq!(ballots_printed(&devices), 2);
    assert_eq!(devices.smart_card.attempts_left(), sim::PIN_ATTEMPTS, "no PIN was asked");
}

#[test]
fn r4_4_a_duplicate_brought_back_spoiled_gets_no_duplicate_of_its_own() {
    let (_harness, station, devices) = remote_station_prepared(true);
    voter_votes(&station);
    bring_back(&station, SpoiledBallotCase::LastBallot);
    station.duplicate_scan().expect("scanned");
    station.duplicate_authorise(REASON, PIN).expect("duplicate");
    station.duplicate_clear().expect("cleared");
    // The newest ballot out of the printer is the duplicate.
    bring_back(&station, SpoiledBallotCase::LastBallot);
    assert_eq!(station.duplicate_scan().expect_err("a duplicate").code, "duplicate.of-a-duplicate");
    assert_eq!(ballots_printed(&devices), 2);
}

#[test]
fn r4_4_a_code_from_another_station_forged_unreadable_or_not_a_ballot_is_refused() {
    let (_harness, station, devices) = remote_station_prepared(true);
    voter_votes(&station);
    let before = station.overview().journal.events;
    for (case, code) in [
        (SpoiledBallotCase::OtherStation, "duplicate.other-station"),
        (SpoiledBallotCase::Forged, "duplicate.forged"),
        (SpoiledBallotCase::NotABallot, "duplicate.not-a-ballot"),
        (SpoiledBallotCase::Unreadable, "duplicate.code-unreadable"),
    ] {
        bring_back(&station, case);
        let refusal = station.duplicate_scan().expect_err("refused");
        assert_eq!(refusal.code, code, "{case:?}");
        assert!(station.spoils().expect("view").scanned.is_none());
        let text = api::text_with(api::Language::Ru, &refusal.message, &refusal.args);
        assert!(!text.starts_with("error-"), "{text}");
    }
    assert_eq!(station.duplicate_authorise(REASON, PIN).expect_err("nothing scanned").code, "duplicate.nothing-scanned");
    assert_eq!(ballots_printed(&devices), 1);
    assert_eq!(station.overview().journal.events, before, "refusals record nothing");
}

#[test]
fn r4_4_no_card_in_the_reader_a_wrong_pin_a_blocked_or_unusable_card_prints_nothing() {
    let (_harness, station, devices) = remote_station_prepared(true);
    voter_votes(&station);
    bring_back(&station, SpoiledBallotCase::LastBallot);
    station.duplicate_scan().expect("scanned");
    let before = station.overview().journal.events;

    devices.smart_card.remove_card();
    assert_eq!(station.duplicate_authorise(REASON, PIN).expect_err("no card").code, "card.absent");
    devices.smart_card.insert_card();

    devices.smart_card.set_registered(false);
    assert_eq!(station.duplicate_authorise(REASON, PIN).expect_err("no usable key").code, "card.unusable");
    devices.smart_card.set_registered(true);

    let wrong = station.duplicate_authorise(REASON, "0000").expect_err("wrong PIN");
    assert_eq!(wrong.code, "card.wrong-pin");
    assert_eq!(wrong.args.get("attempts"), Some(&domain::MessageArg::Number(2)));
    station.duplicate_authorise(REASON, "0001").expect_err("wrong PIN again");
    assert_eq!(station.duplicate_authorise(REASON, "0002").expect_err("blocked").code, "card.blocked");
    assert_eq!(station.duplicate_authorise(REASON, PIN).expect_err("blocked even with the PIN").code, "card.blocked");

    assert_eq!(station.duplicate_authorise("  ", PIN).expect_err("no reason").code, "duplicate.reason-required");
    assert_eq!(ballots_printed(&devices), 1, "no duplicate printed");
    assert_eq!(station.overview().journal.events, before, "nothing recorded");
    assert!(station.spoils().expect("view").duplicates.is_empty());
}

#[test]
fn r4_4_no_duplicate_without_a_card_registered_at_the_set_up() {
    let (_harness, station, devices) = remote_station_prepared(false);
    let view = station.spoils().expect("view");
    assert!(view.card.is_none() && !view.can_register_card, "registered before the polls open only");
    assert_eq!(station.register_chair_card().expect_err("too late").code, "card.too-late");
    voter_votes(&station);
    bring_back(&station, SpoiledBallotCase::LastBallot);
    station.duplicate_scan().expect("scanned");
    assert_eq!(station.duplicate_authorise(REASON, PIN).expect_err("no card registered").code, "duplicate.no-card");
    assert_eq!(ballots_printed(&devices), 1);
}

#[test]
fn r4_4_a_replayed_signature_or_one_over_another_act_is_refused() {
    let (_harness, station, devices) = remote_station_prepared(true);
    voter_votes(&station);
    voter_votes(&station);
    bring_back(&station, SpoiledBallotCase::LastBallot);
    station.duplicate_scan().expect("scanned");
    station.duplicate_authorise(REASON, PIN).expect("duplicate");
    let signed = state_of(&station).spoils.duplicates.values().next().expect("one").authorisation.clone();
    let events = station.overview().journal.events;

    // The same signed command again: the nonce was used.
    let replay = station.act(Command::AuthoriseDuplicate { authorisation: signed.clone() }).expect_err("replayed");
    assert_eq!(replay.code, "duplicate.replayed");
    // The same signature for another spoiled ballot, with a fresh nonce and the head of now.
    let head = domain::lot::hex(&state_of(&station).journal_head);
    let other = domain::spoils::DuplicateAuthorisation {
        spoiled_serial: "00112233445566ff".into(),
        nonce: "ab".repeat(32),
        journal_head: head,
        ..signed.clone()
    };
    let forged = station.act(Command::AuthoriseDuplicate { authorisation: other }).expect_err("another act");
    assert_eq!(forged.code, "duplicate.bad-signature");
    // Signed over this act but an old journal head: a signature made for another moment.
    let election = station.election().expect("election");
    let mut stale = domain::spoils::DuplicateAuthorisation {
        spoiled_serial: "00112233445566ff".into(),
        nonce: "cd".repeat(32),
        signature: String::new(),
        ..signed
    };
    use driver_api::SmartCard;
    devices.smart_card.verify_pin(PIN).expect("PIN");
    let signature = devices.smart_card.sign(&domain::spoils::signed_message(&election, &stale)).expect("signed");
    stale.signature = hex(&signature.bytes);
    let refusal = station.act(Command::AuthoriseDuplicate { authorisation: stale }).expect_err("stale");
    assert_eq!(refusal.code, "duplicate.stale-signature");

    assert_eq!(station.overview().journal.events, events, "nothing recorded");
    assert_eq!(ballots_printed(&devices), 3, "two ballots and one duplicate");
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The state of the day, read from a backup: the station holds the journal's lock.
fn state_of(station: &Station) -> domain::DayState {
    let copy = tempfile::tempdir().expect("tempdir");
    let backup = station.backup(copy.path()).expect("backup");
    let journal = store::Journal::open(std::path::Path::new(&backup)).expect("journal copy opens");
    journal.state().clone()
}

#[test]
fn r4_4_the_signature_is_checked_again_on_replay_and_the_head_is_the_stores() {
    let (_harness, station, _devices) = remote_station_prepared(true);
    voter_votes(&station);
    bring_back(&station, SpoiledBallotCase::LastBallot);
    station.duplicate_scan().expect("scanned");
    station.duplicate_authorise(REASON, PIN).expect("duplicate");
    let copy = tempfile::tempdir().expect("tempdir");
    let backup = station.backup(copy.path()).expect("backup");
    let journal = store::Journal::open(std::path::Path::new(&backup)).expect("opens");
    // The head the domain folds is the store's own: a signature binds the real journal.
    assert_eq!(journal.state().journal_head, journal.head().hash);
    let events = journal.events().expect("events");
    let replayed = domain::DayState::replay(&events);
    assert_eq!(replayed.spoils.unverified_acts(), Vec::<u32>::new());
    assert_eq!(&replayed, journal.state());

    // A journal written around the rules: the signature altered, the chain rebuilt.
    let tampered: Vec<domain::Event> = events
        .into_iter()
        .map(|event| match event {
            domain::Event::DuplicateAuthorised { at, mut authorisation } => {
                let flipped = if authorisation.signature.starts_with('0') { "1" } else { "0" };
                authorisation.signature.replace_range(0..1, flipped);
                domain::Event::DuplicateAuthorised { at, authorisation }
            }
            other => other,
        })
        .collect();
    let rebuilt = copy.path().join("rebuilt.db");
    let mut forged = store::Journal::open(&rebuilt).expect("new journal");
    forged.append(&tampered).expect("appended without decide");
    let act = forged.state().acts.iter().find(|a| a.kind.name() == "duplicate-ballot").map(|a| a.number);
    assert_eq!(forged.state().spoils.unverified_acts(), act.into_iter().collect::<Vec<_>>());
}

#[test]
fn s45_a_spoiled_ballot_at_a_regular_station_is_replaced_and_cancelled_with_an_act() {
    let (harness, station, _devices) = regular_station_prepared();
    harness.at(29, 9, 5);
    let refusal = station.record_spoiled_ballot("m4").expect_err("nobody has a ballot yet");
    assert_eq!(refusal.code, "spoiled.no-ballot-issued");
    let arrival = station.simulate_voter(VoterCase::Eligible).expect("a voter comes");
    station.desk_read_document(arrival.document).expect("read");
    station.desk_confirm_photo().expect("photo");
    station.desk_fingerprint().expect("identified");
    station.desk_list().expect("paper list");
    station.desk_issue_ballot().expect("ballot issued");
    let before = station.spoils().expect("view");
    assert_eq!((before.spoiled_returned, before.ballots_with_members), (0, 199));

    assert_eq!(station.record_spoiled_ballot("m1").expect_err("the chair got no batch").code, "spoiled.member-has-no-ballots");
    let view = station.record_spoiled_ballot("m4").expect("spoiled ballot replaced");
    assert_eq!((view.spoiled_returned, view.ballots_with_members), (1, 198));
    let voting = station.overview().voting.expect("voting");
    assert_eq!(voting.ballots_issued, 1, "the new ballot is not a second voter");
    let act = voting.acts.last().expect("the act");
    assert_eq!((act.kind.name(), act.kind.clause()), ("spoiled-ballot", "§45"));
    let text = act_text(&station, act.number);
    let member = station.election().expect("election").commission.iter().find(|m| m.id == "m4").expect("m4").name.clone();
    assert!(text.contains(&member) && text.contains("09:05") && text.contains("§45"), "{text}");
    assert_eq!(station.duplicate_scan().expect_err("no duplicates here").code, "duplicate.only-remote");
}

#[test]
fn r4_4_the_demo_morning_registers_the_chairs_card() {
    let harness = uchastok_tests::Harness::new(uchastok_tests::bishkek(29, 9, 0));
    let station = harness.open(api::Demo::RemoteVoting);
    station.prepare_demo(api::DemoStage::PollsOpen).expect("the demo's morning");
    let view = station.spoils().expect("view");
    let card = view.card.expect("registered at the opening");
    assert_eq!(card.registered_at, "07:28");
    assert_eq!(card.fingerprint.len(), 19, "four groups of four hex digits: {}", card.fingerprint);
}

#[test]
fn r4_4_the_list_and_the_journal_never_link_a_voter_to_the_spoiled_ballot() {
    let (_harness, station, _devices) = remote_station_prepared(true);
    voter_votes(&station);
    bring_back(&station, SpoiledBallotCase::LastBallot);
    station.duplicate_scan().expect("scanned");
    station.duplicate_authorise(REASON, PIN).expect("duplicate");
    let state = state_of(&station);
    let voters: Vec<&String> = state.identification.identified.keys().collect();
    let copy = tempfile::tempdir().expect("tempdir");
    let backup = station.backup(copy.path()).expect("backup");
    let journal = store::Journal::open(std::path::Path::new(&backup)).expect("opens");
    for entry in journal.entries().expect("entries") {
        if entry.kind.starts_with("duplicate") || entry.kind == "act-drawn-up" {
            for voter in &voters {
                assert!(!entry.payload.contains(voter.as_str()), "{} names a voter: {}", entry.kind, entry.payload);
            }
        }
    }
}
