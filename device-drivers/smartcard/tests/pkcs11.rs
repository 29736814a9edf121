//! The driver against real SoftHSM2 tokens, each in a temporary directory of its own.
//!
//! A PKCS#11 module reads its configuration once per process (`C_Initialize`), so every
//! test that needs a token runs its body in a fresh process of this test binary
//! ([`isolated`]), with `SOFTHSM2_CONF` pointing at its own temporary configuration and
//! token directory. Tests thus never touch `/var/lib/softhsm`, run as any user, and run
//! in parallel. Tokens and keys are made through cryptoki itself (`C_InitToken`,
//! `C_InitPIN`, `C_GenerateKeyPair`), as a CEC's card personalisation would.
//!
//! Without SoftHSM2 installed these tests fail and say to run `scripts/setup --tests`.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::time::{Duration, Instant};

use cryptoki::context::{CInitializeArgs, CInitializeFlags, Function, Pkcs11};
use cryptoki::error::{Error as Pkcs11Error, RvError};
use cryptoki::mechanism::Mechanism;
use cryptoki::object::Attribute;
use cryptoki::session::UserType;
use cryptoki::slot::Slot;
use cryptoki::types::AuthPin;
use driver_api::{
    Device, DeviceError, DeviceState, FaultCode, SignatureAlgorithm, SmartCard, SmartCardError, StatusBoard,
};
use ring::signature::{ECDSA_P256_SHA256_ASN1, ED25519, UnparsedPublicKey};
use sha2::{Digest, Sha256};
use smartcard::{KeyRef, PcscReaders, PcscService, Pkcs11Card, Pkcs11Config, register};

const SO_PIN: &str = "87654321";
const CHAIR_PIN: &str = "4321";
const CHAIR_TOKEN: &str = "CHAIR";
const CHAIR_KEY: &str = "chair-act-signing";
/// Set in a child process to the test it is to run.
const CHILD: &str = "SMARTCARD_TEST_CHILD";
const SANDBOX: &str = "SMARTCARD_TEST_SANDBOX";
const MODULE: &str = "SMARTCARD_TEST_MODULE";

/// Where Debian, Ubuntu and a source build put SoftHSM2's module.
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
        None => panic!(
            "SoftHSM2 is not installed (no libsofthsm2.so at {candidates:?}; SOFTHSM2_MODULE names another): \
             run `scripts/setup --tests` (it installs the Debian package softhsm2)"
        ),
    }
}

/// Runs `body` in a fresh process of this test binary with a SoftHSM2 of its own (an
/// empty token directory) and no PC/SC daemon reachable.
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
    let output = Command::new(std::env::current_exe().expect("test binary"))
        .args([test, "--exact", "--nocapture", "--test-threads=1"])
        .env(CHILD, test)
        .env(SANDBOX, dir.path())
        .env(MODULE, &module)
        .env("SOFTHSM2_CONF", &conf)
        // pcsc-lite's client reads its socket from here: nothing listens there.
        .env("PCSCLITE_CSOCK_NAME", dir.path().join("no-pcscd.comm"))
        .output()
        .expect("run the test in a child process");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{test} failed in its own process:\n{stdout}\n{stderr}");
    assert!(stdout.contains("1 passed"), "{test} did not run in its child process:\n{stdout}\n{stderr}");
}

/// A child process's SoftHSM2 and the files of its test.
struct Sandbox {
    dir: PathBuf,
    module: PathBuf,
}

impl Sandbox {
    /// The module as the tests' own PKCS#11 application (the driver shares the
    /// process's initialisation).
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

    /// Initialises SoftHSM2's free token with `label`, the SO PIN and the chair's PIN.
    fn new_token(&self, label: &str) {
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
    }

    fn generate(&self, token: &str, mechanism: Mechanism, params: &[u8], key_label: &str) {
        let session = self.pkcs11().open_rw_session(self.slot(token)).expect("session");
        session.login(UserType::User, Some(&AuthPin::new(CHAIR_PIN.into()))).expect("login");
        let id = key_label.as_bytes()[..4].to_vec();
        let public = [
            Attribute::Token(true),
            Attribute::Private(false),
            Attribute::Verify(true),
            Attribute::EcParams(params.to_vec()),
            Attribute::Label(key_label.as_bytes().to_vec()),
            Attribute::Id(id.clone()),
        ];
        let private = [
            Attribute::Token(true),
            Attribute::Private(true),
            Attribute::Sensitive(true),
            Attribute::Sign(true),
            Attribute::Label(key_label.as_bytes().to_vec()),
            Attribute::Id(id),
        ];
        session.generate_key_pair(&mechanism, &public, &private).expect("C_GenerateKeyPair");
    }

    /// An Ed25519 key pair (`CKM_EC_EDWARDS_KEY_PAIR_GEN`) on the token.
    fn ed25519_key(&self, token: &str, key_label: &str) {
        self.generate(token, Mechanism::EccEdwardsKeyPairGen, b"\x13\x0cedwards25519", key_label);
    }

    /// A P-256 key pair (`CKM_EC_KEY_PAIR_GEN`) on the token.
    fn p256_key(&self, token: &str, key_label: &str) {
        let prime256v1 = [0x06, 0x08, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x03, 0x01, 0x07];
        self.generate(token, Mechanism::EccKeyPairGen, &prime256v1, key_label);
    }

    /// The chair's token with the chair's Ed25519 key.
    fn chairs_card(&self) {
        self.new_token(CHAIR_TOKEN);
        self.ed25519_key(CHAIR_TOKEN, CHAIR_KEY);
    }

    fn attempts_file(&self) -> PathBuf {
        self.dir.join("state/pin-attempts.json")
    }

    fn config(&self) -> Pkcs11Config {
        let mut config =
            Pkcs11Config::new(&self.module, CHAIR_TOKEN, KeyRef::label(CHAIR_KEY), self.attempts_file());
        config.watch_every = None;
        config
    }

    fn card(&self) -> Pkcs11Card {
        Pkcs11Card::new(self.config())
    }
}

fn verifies(algorithm: SignatureAlgorithm, public_key: &[u8], message: &[u8], signature: &[u8]) -> bool {
    let algorithm: &dyn ring::signature::VerificationAlgorithm = match algorithm {
        SignatureAlgorithm::Ed25519 => &ED25519,
        SignatureAlgorithm::EcdsaP256Sha256 => &ECDSA_P256_SHA256_ASN1,
        SignatureAlgorithm::RsaPkcs1Sha256 => panic!("no RSA here"),
    };
    UnparsedPublicKey::new(algorithm, public_key).verify(message, signature).is_ok()
}

const ACT: &[u8] = "Акт: дубликат испорченного бюллетеня, участок 1234".as_bytes();

#[test]
fn r4_4_the_chairs_card_signs_with_the_right_pin_and_ring_verifies_ed25519() {
    isolated("r4_4_the_chairs_card_signs_with_the_right_pin_and_ring_verifies_ed25519", |sandbox| {
        sandbox.chairs_card();
        let card = sandbox.card();
        assert_eq!(card.status().state, DeviceState::Ready);
        assert!(!card.status().simulated);
        assert_eq!(card.present(), Ok(true));
        let public_key = card.public_key().expect("public key");
        assert_eq!(public_key.algorithm, SignatureAlgorithm::Ed25519);
        assert_eq!(public_key.bytes.len(), 32);

        card.verify_pin(CHAIR_PIN).expect("the chair's PIN");
        let signature = card.sign(ACT).expect("signature");
        assert_eq!(signature.algorithm, SignatureAlgorithm::Ed25519);
        assert!(verifies(signature.algorithm, &public_key.bytes, ACT, &signature.bytes));
        assert!(!verifies(signature.algorithm, &public_key.bytes, b"another act", &signature.bytes));
        // The PIN holds while the card stays in the reader.
        let again = card.sign(b"another act").expect("second signature");
        assert!(verifies(again.algorithm, &public_key.bytes, b"another act", &again.bytes));

        let registration = register(&card).expect("registration");
        assert_eq!(registration.public_key, public_key);
        assert_eq!(registration.fingerprint.hex(), hex::encode(Sha256::digest(&public_key.bytes)));
        assert_eq!(registration.fingerprint.for_reading().len(), 19);
    });
}

#[test]
fn r4_4_without_the_card_present_is_false_and_sign_is_absent() {
    isolated("r4_4_without_the_card_present_is_false_and_sign_is_absent", |sandbox| {
        // Another token is in the "reader": not the chair's.
        sandbox.new_token("MEMBER");
        sandbox.ed25519_key("MEMBER", CHAIR_KEY);
        let card = sandbox.card();
        assert_eq!(card.present(), Ok(false));
        let status = card.status();
        assert_eq!((status.state, status.fault), (DeviceState::Ready, None), "the reader is there, the card is not");
        assert_eq!(card.sign(ACT), Err(SmartCardError::Absent));
        assert_eq!(card.verify_pin(CHAIR_PIN), Err(SmartCardError::Absent));
        assert_eq!(card.public_key(), Err(SmartCardError::Absent));
        assert!(!sandbox.attempts_file().exists(), "no PIN was tried, none was counted");
    });
}

#[test]
fn r4_4_wrong_pins_count_down_then_block_even_the_right_pin() {
    isolated("r4_4_wrong_pins_count_down_then_block_even_the_right_pin", |sandbox| {
        sandbox.chairs_card();
        let card = sandbox.card();
        let board = StatusBoard::new();
        card.attach(&board);
        assert_eq!(board.status(card.id()).map(|s| s.state), Some(DeviceState::Ready));

        assert_eq!(card.verify_pin("0000"), Err(SmartCardError::WrongPin { attempts_left: 2 }));
        assert_eq!(card.attempts_left(), Ok(2));
        assert_eq!(card.verify_pin("1111"), Err(SmartCardError::WrongPin { attempts_left: 1 }));
        assert_eq!(card.verify_pin("2222"), Err(SmartCardError::Blocked));
        assert_eq!(card.verify_pin(CHAIR_PIN), Err(SmartCardError::Blocked), "the right PIN is refused too");
        assert_eq!(card.sign(ACT), Err(SmartCardError::Blocked));
        assert_eq!(card.attempts_left(), Ok(0));
        let blocked = (DeviceState::Fault, Some(FaultCode::Blocked));
        assert_eq!((card.status().state, card.status().fault), blocked);
        let on_board = board.status(card.id()).expect("on the board");
        assert_eq!((on_board.state, on_board.fault), blocked);

        // A restart of the app does not give the attempts back.
        drop(card);
        let restarted = sandbox.card();
        assert_eq!((restarted.status().state, restarted.status().fault), blocked);
        assert_eq!(restarted.verify_pin(CHAIR_PIN), Err(SmartCardError::Blocked));

        // A trainer resets the count; the right PIN works again.
        restarted.reset_attempts().expect("reset");
        assert_eq!(restarted.status().state, DeviceState::Ready);
        restarted.verify_pin(CHAIR_PIN).expect("the chair's PIN after a reset");
        assert!(restarted.sign(ACT).is_ok());
    });
}

#[test]
fn an_attached_card_notices_changes_on_its_own_and_reports_them_to_the_board() {
    isolated("an_attached_card_notices_changes_on_its_own_and_reports_them_to_the_board", |sandbox| {
        sandbox.chairs_card();
        let mut config = sandbox.config();
        config.watch_every = Some(Duration::from_millis(20));
        let watched = Pkcs11Card::new(config);
        let board = StatusBoard::new();
        watched.attach(&board);
        assert_eq!(board.status(watched.id()).map(|s| s.state), Some(DeviceState::Ready));
        // Another driver over the same card and file spends the attempts; the watched
        // one is never called, yet the board learns the card is blocked.
        let other = sandbox.card();
        for pin in ["0000", "1111", "2222"] {
            assert!(other.verify_pin(pin).is_err());
        }
        let blocked = Some((DeviceState::Fault, Some(FaultCode::Blocked)));
        let mut seen = board.version();
        // The deadline only guards against a hang; what is checked is the change.
        let deadline = Instant::now() + Duration::from_secs(60);
        while board.status(watched.id()).map(|s| (s.state, s.fault)) != blocked {
            assert!(Instant::now() < deadline, "the watcher never reported the blocked card");
            if let Some(snapshot) = board.wait_for_change(seen, Duration::from_secs(1)) {
                seen = snapshot.version;
            }
        }
    });
}

#[test]
fn r4_4_the_count_survives_a_restart_and_the_right_pin_clears_it() {
    isolated("r4_4_the_count_survives_a_restart_and_the_right_pin_clears_it", |sandbox| {
        sandbox.chairs_card();
        let card = sandbox.card();
        assert_eq!(card.verify_pin("9999"), Err(SmartCardError::WrongPin { attempts_left: 2 }));
        let restarted = sandbox.card();
        assert_eq!(restarted.attempts_left(), Ok(2));
        assert_eq!(restarted.verify_pin("9998"), Err(SmartCardError::WrongPin { attempts_left: 1 }));
        assert_eq!(card.attempts_left(), Ok(1), "both drivers read the same file");
        restarted.verify_pin(CHAIR_PIN).expect("the chair's PIN");
        assert_eq!(restarted.attempts_left(), Ok(3));
        assert_eq!(card.verify_pin("9997"), Err(SmartCardError::WrongPin { attempts_left: 2 }));
    });
}

#[test]
fn r4_4_signing_without_the_pin_is_refused() {
    isolated("r4_4_signing_without_the_pin_is_refused", |sandbox| {
        sandbox.chairs_card();
        let card = sandbox.card();
        assert_eq!(card.sign(ACT), Err(SmartCardError::PinRequired));
        // A wrong PIN leaves it refused; so does another driver's login.
        assert!(matches!(card.verify_pin("0000"), Err(SmartCardError::WrongPin { .. })));
        assert_eq!(card.sign(ACT), Err(SmartCardError::PinRequired));
        let other = sandbox.card();
        other.verify_pin(CHAIR_PIN).expect("PIN on the other driver");
        assert_eq!(card.sign(ACT), Err(SmartCardError::PinRequired), "a PIN entered elsewhere does not count here");
        assert!(other.sign(ACT).is_ok());
        // A PIN entered anew replaces the earlier login, even when it is wrong.
        assert!(matches!(other.verify_pin("0000"), Err(SmartCardError::WrongPin { .. })));
        assert_eq!(other.sign(ACT), Err(SmartCardError::PinRequired));
    });
}

#[test]
fn r4_4_a_card_without_the_chairs_key_is_unregistered() {
    isolated("r4_4_a_card_without_the_chairs_key_is_unregistered", |sandbox| {
        sandbox.new_token(CHAIR_TOKEN);
        sandbox.ed25519_key(CHAIR_TOKEN, "somebody-else");
        let card = sandbox.card();
        assert_eq!(card.present(), Ok(true));
        assert_eq!(card.public_key(), Err(SmartCardError::Unregistered));
        assert_eq!(register(&card).map(|r| r.fingerprint), Err(SmartCardError::Unregistered));
        assert_eq!(card.sign(ACT), Err(SmartCardError::Unregistered), "before the PIN");
        card.verify_pin(CHAIR_PIN).expect("the PIN itself is right");
        assert_eq!(card.sign(ACT), Err(SmartCardError::Unregistered), "after the PIN");
    });
}

#[test]
fn r4_4_a_login_lost_between_pin_and_sign_asks_for_the_pin_again() {
    isolated("r4_4_a_login_lost_between_pin_and_sign_asks_for_the_pin_again", |sandbox| {
        sandbox.chairs_card();
        let card = sandbox.card();
        card.verify_pin(CHAIR_PIN).expect("PIN");
        // What pulling the card does to its sessions: the token logs out.
        let session = sandbox.pkcs11().open_ro_session(sandbox.slot(CHAIR_TOKEN)).expect("session");
        session.logout().expect("logout");
        assert_eq!(card.sign(ACT), Err(SmartCardError::PinRequired));
        card.verify_pin(CHAIR_PIN).expect("PIN again");
        assert!(card.sign(ACT).is_ok());
    });
}

#[test]
fn ecdsa_p256_is_the_fallback_and_the_signature_says_so() {
    isolated("ecdsa_p256_is_the_fallback_and_the_signature_says_so", |sandbox| {
        sandbox.new_token(CHAIR_TOKEN);
        sandbox.p256_key(CHAIR_TOKEN, CHAIR_KEY);
        let card = sandbox.card();
        let public_key = card.public_key().expect("public key");
        assert_eq!(public_key.algorithm, SignatureAlgorithm::EcdsaP256Sha256);
        assert_eq!((public_key.bytes.len(), public_key.bytes[0]), (65, 0x04), "uncompressed point");
        card.verify_pin(CHAIR_PIN).expect("PIN");
        let signature = card.sign(ACT).expect("signature");
        assert_eq!(signature.algorithm, SignatureAlgorithm::EcdsaP256Sha256);
        assert!(verifies(signature.algorithm, &public_key.bytes, ACT, &signature.bytes));
        assert!(!verifies(signature.algorithm, &public_key.bytes, b"another act", &signature.bytes));
    });
}

#[test]
fn an_ed25519_key_is_preferred_to_a_p256_key_of_the_same_label() {
    isolated("an_ed25519_key_is_preferred_to_a_p256_key_of_the_same_label", |sandbox| {
        sandbox.new_token(CHAIR_TOKEN);
        sandbox.p256_key(CHAIR_TOKEN, CHAIR_KEY);
        sandbox.ed25519_key(CHAIR_TOKEN, CHAIR_KEY);
        let card = sandbox.card();
        card.verify_pin(CHAIR_PIN).expect("PIN");
        let public_key = card.public_key().expect("public key");
        let signature = card.sign(ACT).expect("signature");
        assert_eq!((public_key.algorithm, signature.algorithm), (SignatureAlgorithm::Ed25519, SignatureAlgorithm::Ed25519));
        assert!(verifies(signature.algorithm, &public_key.bytes, ACT, &signature.bytes));
    });
}

#[test]
fn a_damaged_attempt_file_refuses_the_pin_untried() {
    isolated("a_damaged_attempt_file_refuses_the_pin_untried", |sandbox| {
        sandbox.chairs_card();
        let file = sandbox.attempts_file();
        std::fs::create_dir_all(file.parent().expect("parent")).expect("state dir");
        std::fs::write(&file, "not json").expect("damage");
        let card = sandbox.card();
        let broken = (DeviceState::Fault, Some(FaultCode::Broken));
        assert_eq!((card.status().state, card.status().fault), broken);
        let refused = card.verify_pin(CHAIR_PIN);
        assert_eq!(
            refused,
            Err(SmartCardError::Device(DeviceError::Fault { id: card.id().to_owned(), fault: FaultCode::Broken }))
        );
        assert!(card.last_problem().is_some_and(|problem| problem.contains("pin-attempts.json")));
        assert_eq!(std::fs::read_to_string(&file).expect("read"), "not json", "nothing reset");
    });
}

#[test]
fn pcsc_without_a_daemon_lists_no_readers_and_a_reader_bound_card_is_absent() {
    isolated("pcsc_without_a_daemon_lists_no_readers_and_a_reader_bound_card_is_absent", |sandbox| {
        let readers = PcscReaders::list();
        assert_eq!(readers.service, PcscService::NotRunning);
        assert!(readers.readers.is_empty());
        assert_eq!(readers.state(), DeviceState::Absent);

        sandbox.chairs_card();
        let mut config = sandbox.config();
        config.reader = Some("ACR39U".to_owned());
        let card = Pkcs11Card::new(config);
        assert_eq!((card.status().state, card.status().fault), (DeviceState::Absent, Some(FaultCode::Disconnected)));
        assert_eq!(card.present(), Err(DeviceError::Absent(card.id().to_owned())));
        assert_eq!(card.verify_pin(CHAIR_PIN), Err(SmartCardError::Device(DeviceError::Absent(card.id().to_owned()))));
    });
}

/// Not isolated: no module is ever loaded.
#[test]
fn a_missing_or_broken_module_is_a_device_state_not_a_panic() {
    let dir = tempfile::tempdir().expect("temp dir");
    let attempts = dir.path().join("pin-attempts.json");
    let missing = Pkcs11Card::new(Pkcs11Config::new(
        dir.path().join("no-such-module.so"),
        CHAIR_TOKEN,
        KeyRef::label(CHAIR_KEY),
        &attempts,
    ));
    let id = missing.id().to_owned();
    assert_eq!((missing.status().state, missing.status().fault), (DeviceState::Absent, Some(FaultCode::Disconnected)));
    assert_eq!(missing.present(), Err(DeviceError::Absent(id.clone())));
    let absent = Err(SmartCardError::Device(DeviceError::Absent(id)));
    assert_eq!(missing.verify_pin(CHAIR_PIN), absent);
    assert_eq!(missing.sign(ACT).map(|_| ()), absent);
    assert_eq!(missing.public_key().map(|_| ()), absent);
    assert!(!attempts.exists());

    let not_a_module = dir.path().join("garbage.so");
    std::fs::write(&not_a_module, b"\x7fELF but not really").expect("write");
    let broken = Pkcs11Card::new(Pkcs11Config::new(&not_a_module, CHAIR_TOKEN, KeyRef::label(CHAIR_KEY), &attempts));
    assert_eq!((broken.status().state, broken.status().fault), (DeviceState::Fault, Some(FaultCode::Broken)));
    assert!(broken.last_problem().is_some());
    assert!(matches!(broken.sign(ACT), Err(SmartCardError::Device(DeviceError::Fault { .. }))));

    // On the status board like any device.
    let board = StatusBoard::new();
    let devices: Vec<Arc<dyn Device>> = vec![Arc::new(missing)];
    board.refresh(&devices);
    assert_eq!(board.snapshot().devices[0].state, DeviceState::Absent);
    assert!(devices[0].as_smart_card().is_some());
}

#[test]
fn the_softhsm_module_is_installed_for_these_tests() {
    // Fails (with the command to run) rather than letting the isolated tests fail one
    // by one with the same message.
    let module = softhsm_module();
    assert!(Path::new(&module).is_file());
}
