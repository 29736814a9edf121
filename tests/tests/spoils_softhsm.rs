//! The duplicate of R4.4 through `api` with the chair's card as a real PKCS#11 token:
//! `smartcard::Pkcs11Card` on a SoftHSM2 token of its own, every other device simulated.
//! One success and the negative set — no card, a wrong PIN, a blocked token, an unknown
//! key, a signature over another action, a replayed nonce — each printing no duplicate.
//!
//! A PKCS#11 module reads its configuration once per process, so each test runs its body
//! in a fresh process of this binary with `SOFTHSM2_CONF` pointing at a temporary token
//! directory (as `device-drivers/smartcard/tests/pkcs11.rs` does). Without SoftHSM2 the
//! tests fail and name `scripts/setup --tests`.

use std::path::{Path, PathBuf};
use std::process::Command as Process;
use std::sync::Arc;

use api::Station;
use api::simulation::{SpoiledBallotCase, VoterCase};
use cryptoki::context::{CInitializeArgs, CInitializeFlags, Function, Pkcs11};
use cryptoki::error::{Error as Pkcs11Error, RvError};
use cryptoki::mechanism::Mechanism;
use cryptoki::object::Attribute;
use cryptoki::session::UserType;
use cryptoki::slot::Slot;
use cryptoki::types::AuthPin;
use domain::Command;
use driver_api::{DeviceKind, PrintKind, SmartCard};
use smartcard::{KeyRef, Pkcs11Card, Pkcs11Config};
use uchastok_tests::{Harness, remote_station_prepared_with};

const SO_PIN: &str = "87654321";
const CHAIR_PIN: &str = "4321";
const CHAIR_TOKEN: &str = "CHAIR";
const OTHER_TOKEN: &str = "STRANGER";
const KEY_LABEL: &str = "chair-act-signing";
const REASON: &str = "Ошибся при заполнении";
const CHILD: &str = "UCHASTOK_SOFTHSM_CHILD";
const SANDBOX: &str = "UCHASTOK_SOFTHSM_SANDBOX";
const MODULE: &str = "UCHASTOK_SOFTHSM_MODULE";

const SOFTHSM_MODULES: &[&str] = &[
    "/usr/lib/softhsm/libsofthsm2.so",
    "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
    "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so",
    "/usr/local/lib/softhsm/libsofthsm2.so",
];

fn softhsm_module() -> PathBuf {
    let candidates: Vec<PathBuf> = match std::env::var_os("SOFTHSM2_MODULE") {
        Some(path) => vec![PathBuf::from(path)],
        None => SOFTHSM_MODULES.iter().map(PathBuf::from).collect(),
    };
    match candidates.iter().find(|path| path.is_file()) {
        Some(path) => path.clone(),
        None => panic!("SoftHSM2 is not installed (no libsofthsm2.so at {candidates:?}): run `scripts/setup --tests`"),
    }
}

/// Runs `body` in a fresh process of this test binary with a SoftHSM2 of its own.
fn isolated(test: &str, body: fn(&Sandbox)) {
    if let Ok(child) = std::env::var(CHILD) {
        assert_eq!(child, test, "the child runs only the test it was started for");
        let dir = PathBuf::from(std::env::var_os(SANDBOX).expect("sandbox directory"));
        let module = PathBuf::from(std::env::var_os(MODULE).expect("module path"));
        body(&Sandbox { dir, module });
        return;
    }
    let module = softhsm_module();
    let dir = tempfile::tempdir().expect("temp dir");
    let tokens = dir.path().join("tokens");
    std::fs::create_dir(&tokens).expect("token directory");
    let conf = dir.path().join("softhsm2.conf");
    std::fs::write(
        &conf,
        format!("directories.tokendir = {}\nobjectstore.backend = file\nlog.level = ERROR\n", tokens.display()),
    )
    .expect("softhsm2.conf");
    let output = Process::new(std::env::current_exe().expect("test binary"))
        .args([test, "--exact", "--nocapture", "--test-threads=1"])
        .env(CHILD, test)
        .env(SANDBOX, dir.path())
        .env(MODULE, &module)
        .env("SOFTHSM2_CONF", &conf)
        .env("PCSCLITE_CSOCK_NAME", dir.path().join("no-pcscd.comm"))
        .output()
        .expect("run the test in a child process");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{test} failed in its own process:\n{stdout}\n{stderr}");
    assert!(stdout.contains("1 passed"), "{test} did not run in its child process:\n{stdout}\n{stderr}");
}

struct Sandbox {
    dir: PathBuf,
    module: PathBuf,
}

impl Sandbox {
    fn pkcs11(&self) -> Pkcs11 {
        let pkcs11 = Pkcs11::new(&self.module).expect("load SoftHSM2");
        match pkcs11.initialize(CInitializeArgs::new(CInitializeFlags::OS_LOCKING_OK)) {
            Ok(()) | Err(Pkcs11Error::Pkcs11(RvError::CryptokiAlreadyInitialized, Function::Initialize)) => {}
            Err(error) => panic!("C_Initialize: {error}"),
        }
        pkcs11
    }

    fn slot(&self, label: &str) -> Slot {
        let pkcs11 = self.pkcs11();
        pkcs11
            .get_slots_with_token()
            .expect("slots")
            .into_iter()
            .find(|slot| pkcs11.get_token_info(*slot).is_ok_and(|info| info.label() == label))
            .unwrap_or_else(|| panic!("no token {label}"))
    }

    /// A token with the chair's PIN and an Ed25519 key, as a card personalisation makes.
    fn card_with_key(&self, label: &str) {
        let pkcs11 = self.pkcs11();
        let free = pkcs11
            .get_all_slots()
            .expect("slots")
            .into_iter()
            .find(|slot| pkcs11.get_token_info(*slot).is_ok_and(|info| !info.token_initialized()))
            .expect("SoftHSM2 always offers a free token");
        let so_pin = AuthPin::new(SO_PIN.into());
        pkcs11.init_token(free, &so_pin, label).expect("C_InitToken");
        let session = pkcs11.open_rw_session(self.slot(label)).expect("session");
        session.login(UserType::So, Some(&so_pin)).expect("SO login");
        session.init_pin(&AuthPin::new(CHAIR_PIN.into())).expect("C_InitPIN");
        drop(session);
        let session = pkcs11.open_rw_session(self.slot(label)).expect("session");
        session.login(UserType::User, Some(&AuthPin::new(CHAIR_PIN.into()))).expect("login");
        let id = b"ch01".to_vec();
        let public = [
            Attribute::Token(true),
            Attribute::Private(false),
            Attribute::Verify(true),
            Attribute::EcParams(b"\x13\x0cedwards25519".to_vec()),
            Attribute::Label(KEY_LABEL.as_bytes().to_vec()),
            Attribute::Id(id.clone()),
        ];
        let private = [
            Attribute::Token(true),
            Attribute::Private(true),
            Attribute::Sensitive(true),
            Attribute::Sign(true),
            Attribute::Label(KEY_LABEL.as_bytes().to_vec()),
            Attribute::Id(id),
        ];
        session.generate_key_pair(&Mechanism::EccEdwardsKeyPairGen, &public, &private).expect("C_GenerateKeyPair");
        session.logout().expect("logout");
    }

    /// The driver for the token labelled `label` (which may not be in any slot).
    fn card(&self, label: &str) -> Arc<Pkcs11Card> {
        let mut config =
            Pkcs11Config::new(&self.module, label, KeyRef::label(KEY_LABEL), self.dir.join("state/pin-attempts.json"));
        config.watch_every = None;
        Arc::new(Pkcs11Card::new(config))
    }
}

/// The station's devices with `card` in place of the simulated smart card.
fn with_card(card: Arc<Pkcs11Card>) -> impl FnOnce(&mut api::StationConfig) {
    move |config: &mut api::StationConfig| {
        config.devices.retain(|device| device.kind() != DeviceKind::SmartCard);
        config.devices.push(card);
    }
}

fn ballots_printed(devices: &sim::SimStation) -> usize {
    devices.ballot_printer.printed().iter().filter(|job| job.kind == PrintKind::Ballot).count()
}

fn duplicates(station: &Station) -> usize {
    station.spoils().expect("view").duplicates.len()
}

/// A voter is identified and gets a ballot, spoils it and brings it back to the chair,
/// who scans its code.
fn spoiled_ballot_scanned(station: &Station) {
    let arrival = station.simulate_voter(VoterCase::Eligible).expect("a voter comes");
    station.desk_read_document(arrival.document).expect("read");
    station.desk_confirm_photo().expect("photo");
    station.desk_fingerprint().expect("identified, ballot printed");
    station.desk_list().expect("listed");
    station.desk_clear();
    station.simulate_spoiled_ballot(SpoiledBallotCase::LastBallot).expect("brought back");
    station.duplicate_scan().expect("a ballot printed here");
}

/// The remote station with the chair's token registered at its opening, a spoiled
/// ballot scanned.
fn station_with_the_chairs_token(sandbox: &Sandbox) -> (Harness, Station, Arc<sim::SimStation>) {
    sandbox.card_with_key(CHAIR_TOKEN);
    let (harness, station, devices) = remote_station_prepared_with(true, with_card(sandbox.card(CHAIR_TOKEN)));
    assert!(station.spoils().expect("view").card.is_some(), "registered from the token");
    spoiled_ballot_scanned(&station);
    (harness, station, devices)
}

#[test]
fn r4_4_softhsm_the_chairs_token_authorises_one_duplicate() {
    isolated("r4_4_softhsm_the_chairs_token_authorises_one_duplicate", |sandbox| {
        let (_harness, station, devices) = station_with_the_chairs_token(sandbox);
        let view = station.duplicate_authorise(REASON, CHAIR_PIN).expect("the chair's PIN");
        assert!(view.printed && view.duplicates[0].verified, "{view:?}");
        assert_eq!((ballots_printed(&devices), duplicates(&station)), (2, 1));
        station.duplicate_clear().expect("cleared");
        station.simulate_spoiled_ballot(SpoiledBallotCase::SameAgain).expect("again");
        assert_eq!(station.duplicate_scan().expect_err("only once").code, "duplicate.already-printed");
        assert_eq!(ballots_printed(&devices), 2);
    });
}

#[test]
fn r4_4_softhsm_no_card_in_the_reader_prints_no_duplicate() {
    isolated("r4_4_softhsm_no_card_in_the_reader_prints_no_duplicate", |sandbox| {
        let (harness, station, _) = station_with_the_chairs_token(sandbox);
        drop(station);
        // The app restarts with the reader empty: the chair's token is in no slot.
        let (station, devices) =
            harness.open_adjusted(api::Demo::RemoteVoting, with_card(sandbox.card("NOT-INSERTED")));
        spoiled_ballot_scanned(&station);
        let before = ballots_printed(&devices);
        assert_eq!(station.duplicate_authorise(REASON, CHAIR_PIN).expect_err("no card").code, "card.absent");
        assert_eq!((ballots_printed(&devices), duplicates(&station)), (before, 0));
    });
}

#[test]
fn r4_4_softhsm_a_wrong_pin_then_a_blocked_token_print_no_duplicate() {
    isolated("r4_4_softhsm_a_wrong_pin_then_a_blocked_token_print_no_duplicate", |sandbox| {
        let (_harness, station, devices) = station_with_the_chairs_token(sandbox);
        let wrong = station.duplicate_authorise(REASON, "0000").expect_err("wrong PIN");
        assert_eq!(wrong.code, "card.wrong-pin");
        assert_eq!(wrong.args.get("attempts"), Some(&domain::MessageArg::Number(2)));
        assert_eq!(station.duplicate_authorise(REASON, "1111").expect_err("wrong PIN").code, "card.wrong-pin");
        assert_eq!(station.duplicate_authorise(REASON, "2222").expect_err("blocked now").code, "card.blocked");
        let blocked = station.duplicate_authorise(REASON, CHAIR_PIN).expect_err("the right PIN too");
        assert_eq!(blocked.code, "card.blocked");
        assert_eq!((ballots_printed(&devices), duplicates(&station)), (1, 0));
    });
}

#[test]
fn r4_4_softhsm_a_card_with_an_unknown_key_prints_no_duplicate() {
    isolated("r4_4_softhsm_a_card_with_an_unknown_key_prints_no_duplicate", |sandbox| {
        let (harness, station, _) = station_with_the_chairs_token(sandbox);
        drop(station);
        // Another token with a key of its own is put in the reader.
        sandbox.card_with_key(OTHER_TOKEN);
        let (station, devices) = harness.open_adjusted(api::Demo::RemoteVoting, with_card(sandbox.card(OTHER_TOKEN)));
        spoiled_ballot_scanned(&station);
        let before = ballots_printed(&devices);
        let refusal = station.duplicate_authorise(REASON, CHAIR_PIN).expect_err("not the registered card");
        assert_eq!(refusal.code, "duplicate.other-card");
        assert_eq!((ballots_printed(&devices), duplicates(&station)), (before, 0));
    });
}

#[test]
fn r4_4_softhsm_a_signature_over_another_action_prints_no_duplicate() {
    isolated("r4_4_softhsm_a_signature_over_another_action_prints_no_duplicate", |sandbox| {
        let (_harness, station, devices) = station_with_the_chairs_token(sandbox);
        let serial = station.spoils().expect("view").scanned.expect("scanned").serial;
        let election = station.election().expect("election");
        let head = head_now(&station);
        let authorisation = domain::spoils::DuplicateAuthorisation {
            spoiled_serial: serial,
            district: "d1".into(),
            reason: REASON.into(),
            nonce: "5a".repeat(32),
            journal_head: head,
            card: station_card_fingerprint(&station),
            signature: String::new(),
        };
        // The token signs the bytes of another act: the chair's key, the wrong message.
        let card = sandbox.card(CHAIR_TOKEN);
        card.verify_pin(CHAIR_PIN).expect("PIN");
        let other = domain::spoils::DuplicateAuthorisation { reason: "another reason".into(), ..authorisation.clone() };
        let signature = card.sign(&domain::spoils::signed_message(&election, &other)).expect("signed");
        let forged = domain::spoils::DuplicateAuthorisation { signature: hex(&signature.bytes), ..authorisation };
        let refusal = station.act(Command::AuthoriseDuplicate { authorisation: forged }).expect_err("another action");
        assert_eq!(refusal.code, "duplicate.bad-signature");
        assert_eq!((ballots_printed(&devices), duplicates(&station)), (1, 0));
    });
}

#[test]
fn r4_4_softhsm_a_replayed_nonce_prints_no_second_duplicate() {
    isolated("r4_4_softhsm_a_replayed_nonce_prints_no_second_duplicate", |sandbox| {
        let (_harness, station, devices) = station_with_the_chairs_token(sandbox);
        station.duplicate_authorise(REASON, CHAIR_PIN).expect("the duplicate");
        let signed = journaled_authorisation(&station);
        let replay = station.act(Command::AuthoriseDuplicate { authorisation: signed }).expect_err("replayed");
        assert_eq!(replay.code, "duplicate.replayed");
        assert_eq!((ballots_printed(&devices), duplicates(&station)), (2, 1), "one ballot and its one duplicate");
    });
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The journal's state through a backup (the station holds the journal's lock).
fn state(station: &Station) -> domain::DayState {
    let copy = tempfile::tempdir().expect("tempdir");
    let backup = station.backup(copy.path()).expect("backup");
    store::Journal::open(Path::new(&backup)).expect("copy opens").state().clone()
}

fn head_now(station: &Station) -> String {
    domain::lot::hex(&state(station).journal_head)
}

fn station_card_fingerprint(station: &Station) -> String {
    state(station).spoils.chair_card.expect("registered").fingerprint
}

fn journaled_authorisation(station: &Station) -> domain::spoils::DuplicateAuthorisation {
    state(station).spoils.duplicates.into_values().next().expect("one duplicate").authorisation
}
