//! The chair's card through a PKCS#11 module: [`Pkcs11Card`].

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError, Weak};
use std::time::Duration;

use cryptoki::context::{CInitializeArgs, CInitializeFlags, Pkcs11};
use cryptoki::error::{Error as Pkcs11Error, RvError};
use cryptoki::mechanism::Mechanism;
use cryptoki::mechanism::eddsa::{EddsaParams, EddsaSignatureScheme};
use cryptoki::object::{Attribute, AttributeType, KeyType, ObjectClass, ObjectHandle};
use cryptoki::session::{Session, SessionState, UserType};
use cryptoki::slot::Slot;
use cryptoki::types::AuthPin;
use driver_api::{
    Device, DeviceError, DeviceKind, DeviceState, DeviceStatus, FaultCode, PublicKey, Signature,
    SignatureAlgorithm, SmartCard, SmartCardError, StatusBoard,
};
use sha2::{Digest, Sha256};

use crate::attempts::{AttemptsError, AttemptsFile};
use crate::der;
use crate::readers::PcscReaders;

/// Which key pair on the card is the chair's: by `CKA_LABEL`, by `CKA_ID`, or both.
/// With neither, the first Ed25519 (else P-256) key pair on the card is used.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KeyRef {
    pub label: Option<String>,
    pub id: Option<Vec<u8>>,
}

impl KeyRef {
    pub fn label(label: &str) -> KeyRef {
        KeyRef { label: Some(label.to_owned()), id: None }
    }

    pub fn id(id: &[u8]) -> KeyRef {
        KeyRef { label: None, id: Some(id.to_vec()) }
    }

    fn template(&self) -> Vec<Attribute> {
        let mut template = Vec::new();
        if let Some(label) = &self.label {
            template.push(Attribute::Label(label.as_bytes().to_vec()));
        }
        if let Some(id) = &self.id {
            template.push(Attribute::Id(id.clone()));
        }
        template
    }
}

/// Where the card is and how it is guarded.
#[derive(Debug, Clone)]
pub struct Pkcs11Config {
    /// The device id on the status board.
    pub device_id: String,
    /// The PKCS#11 module, e.g. `/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so` for a real
    /// card, `/usr/lib/softhsm/libsofthsm2.so` for training and tests.
    pub module: PathBuf,
    /// The label of the chair's token (`CKA_LABEL` of the token, as set at its
    /// initialisation).
    pub token_label: String,
    pub key: KeyRef,
    /// The file holding the driver's count of wrong PINs per token serial.
    pub attempts_file: PathBuf,
    /// Wrong PINs allowed before the driver refuses the card as blocked.
    pub pin_attempts: u8,
    /// A fragment of the PC/SC reader's name: when set, the card counts as present only
    /// while PC/SC sees a card in that reader, and the device is `Absent` without it.
    pub reader: Option<String>,
    /// How often, once [attached](Device::attach) to a board, the driver looks at the
    /// card on its own to notice it being pulled or inserted. `None`: only when asked.
    pub watch_every: Option<Duration>,
}

impl Pkcs11Config {
    pub const DEFAULT_DEVICE_ID: &'static str = "smart-card";
    /// As many as the chair's cards themselves allow.
    pub const DEFAULT_PIN_ATTEMPTS: u8 = 3;
    pub const DEFAULT_WATCH_EVERY: Duration = Duration::from_secs(1);

    pub fn new(module: impl Into<PathBuf>, token_label: &str, key: KeyRef, attempts_file: impl Into<PathBuf>) -> Pkcs11Config {
        Pkcs11Config {
            device_id: Pkcs11Config::DEFAULT_DEVICE_ID.to_owned(),
            module: module.into(),
            token_label: token_label.to_owned(),
            key,
            attempts_file: attempts_file.into(),
            pin_attempts: Pkcs11Config::DEFAULT_PIN_ATTEMPTS,
            reader: None,
            watch_every: Some(Pkcs11Config::DEFAULT_WATCH_EVERY),
        }
    }
}

/// Why a module could not be had.
enum ModuleTrouble {
    Missing,
    Unusable(String),
}

/// Every PKCS#11 module this process loaded, initialised once and never finalised.
///
/// `C_Initialize` is per process and per module: a second call fails, and `C_Finalize`
/// would pull the module from under every other user in the process (another card, a
/// test's own session). So each module is loaded and initialised the first time it is
/// wanted and shared from then on. A failure is not remembered: a module installed or
/// repaired later is picked up at the next look.
fn module(path: &Path) -> Result<Pkcs11, ModuleTrouble> {
    static MODULES: Mutex<BTreeMap<PathBuf, Pkcs11>> = Mutex::new(BTreeMap::new());
    let mut modules = MODULES.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(module) = modules.get(path) {
        return Ok(module.clone());
    }
    if !path.is_file() {
        return Err(ModuleTrouble::Missing);
    }
    let module = Pkcs11::new(path).map_err(|error| ModuleTrouble::Unusable(error.to_string()))?;
    match module.initialize(CInitializeArgs::new(CInitializeFlags::OS_LOCKING_OK)) {
        Ok(()) | Err(Pkcs11Error::Pkcs11(RvError::CryptokiAlreadyInitialized, _)) => {}
        Err(error) => return Err(ModuleTrouble::Unusable(error.to_string())),
    }
    modules.insert(path.to_path_buf(), module.clone());
    Ok(module)
}

fn return_value(error: &Pkcs11Error) -> Option<RvError> {
    match error {
        Pkcs11Error::Pkcs11(rv, _) => Some(*rv),
        _ => None,
    }
}

/// The card left the reader (or never answered as one).
fn card_gone(error: &Pkcs11Error) -> bool {
    matches!(
        return_value(error),
        Some(RvError::TokenNotPresent | RvError::DeviceRemoved | RvError::TokenNotRecognized)
    )
}

/// The login the PIN gave is gone (the session was closed, or the token logged out).
fn login_gone(error: &Pkcs11Error) -> bool {
    matches!(
        return_value(error),
        Some(RvError::UserNotLoggedIn | RvError::SessionHandleInvalid | RvError::SessionClosed)
    )
}

/// What the token says about itself, as far as the driver cares.
#[derive(Debug, Clone)]
struct Token {
    slot: Slot,
    serial: String,
    pin_locked: bool,
    pin_final_try: bool,
}

/// Where the card is, found afresh.
enum Located {
    Card(Pkcs11, Token),
    /// The module (and the reader, if one is configured) answers; no card with the label.
    NoCard,
    /// The configured PC/SC reader is not there, or PC/SC does not answer.
    NoReader,
    NoModule,
    BrokenModule(String),
    /// The module answered a listing with an error.
    Failing(String),
}

/// A session logged in with the chair's PIN.
struct Login {
    slot: Slot,
    serial: String,
    session: Session,
}

/// The side of the driver that talks to the hardware, one caller at a time.
#[derive(Default)]
struct Hardware {
    login: Option<Login>,
}

/// What the driver last learnt, answered by `status` without touching the hardware.
struct Condition {
    fault: Option<FaultCode>,
    state: DeviceState,
    problem: Option<String>,
    board: Option<StatusBoard>,
}

struct Shared {
    config: Pkcs11Config,
    attempts: AttemptsFile,
    hardware: Mutex<Hardware>,
    condition: Mutex<Condition>,
    watching: AtomicBool,
}

/// The chair's smart card behind a PKCS#11 module (a real card through OpenSC or a
/// vendor module; SoftHSM2 for training and tests).
///
/// Cheap to share: clones are the same card. Operations take turns on the hardware;
/// [`Device::status`] never waits for them.
#[derive(Clone)]
pub struct Pkcs11Card {
    shared: Arc<Shared>,
}

impl std::fmt::Debug for Pkcs11Card {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pkcs11Card")
            .field("config", &self.shared.config)
            .field("status", &self.status())
            .finish_non_exhaustive()
    }
}

impl Pkcs11Card {
    /// A driver for the card `config` describes. Never fails: a missing module or card
    /// is a status (`Absent`, or `Ready` with no card), looked at once here.
    pub fn new(config: Pkcs11Config) -> Pkcs11Card {
        let attempts = AttemptsFile::new(&config.attempts_file, config.pin_attempts);
        let card = Pkcs11Card {
            shared: Arc::new(Shared {
                config,
                attempts,
                hardware: Mutex::new(Hardware::default()),
                condition: Mutex::new(Condition {
                    fault: Some(FaultCode::Disconnected),
                    state: DeviceState::Absent,
                    problem: None,
                    board: None,
                }),
                watching: AtomicBool::new(false),
            }),
        };
        card.probe();
        card
    }

    pub fn config(&self) -> &Pkcs11Config {
        &self.shared.config
    }

    /// Looks at the module, the reader and the card now, and returns the status learnt
    /// (also reported to the board, if attached). Waits for an operation in progress.
    pub fn probe(&self) -> DeviceStatus {
        let mut hardware = self.shared.hardware();
        self.shared.locate(&mut hardware);
        drop(hardware);
        self.status()
    }

    /// Why the device is failing, in the module's or the file system's words (for the
    /// logs; people see the fault code).
    pub fn last_problem(&self) -> Option<String> {
        self.shared.condition().problem.clone()
    }

    /// PIN attempts the card in the reader has left: the driver's count, lowered to 1
    /// when the token says the next try is its last, 0 when it says the PIN is locked.
    pub fn attempts_left(&self) -> Result<u8, SmartCardError> {
        let mut hardware = self.shared.hardware();
        let (_, token) = self.shared.card(&mut hardware)?;
        self.shared.attempts_left(&token)
    }

    /// Forgets the wrong PINs counted for the card in the reader. For trainers and
    /// tests: unblocking a real card is the CEC's business, and a card the token itself
    /// locked stays locked.
    pub fn reset_attempts(&self) -> Result<(), SmartCardError> {
        let mut hardware = self.shared.hardware();
        let (_, token) = self.shared.card(&mut hardware)?;
        self.shared.attempts.reset(&token.serial).map_err(|error| self.shared.attempts_failure(error))?;
        self.shared.locate(&mut hardware);
        Ok(())
    }

    /// Starts the thread that looks at the card every `watch_every`, once. It holds
    /// only a weak reference: it ends soon after the last clone of the card is dropped.
    fn watch(&self) {
        let Some(every) = self.shared.config.watch_every else { return };
        if self.shared.watching.swap(true, Ordering::SeqCst) {
            return;
        }
        let shared: Weak<Shared> = Arc::downgrade(&self.shared);
        let spawned = std::thread::Builder::new().name("smartcard-watch".to_owned()).spawn(move || {
            loop {
                std::thread::sleep(every);
                let Some(shared) = shared.upgrade() else { return };
                // An operation in progress reports what it learns itself.
                if let Ok(mut hardware) = shared.hardware.try_lock() {
                    shared.locate(&mut hardware);
                }
            }
        });
        if spawned.is_err() {
            // No thread, no watching: the status is still learnt at every operation.
            self.shared.watching.store(false, Ordering::SeqCst);
        }
    }
}

impl Shared {
    fn hardware(&self) -> MutexGuard<'_, Hardware> {
        // The hardware state is a session handle or none; a panic elsewhere cannot
        // leave it half-made.
        self.hardware.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn condition(&self) -> MutexGuard<'_, Condition> {
        self.condition.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn id(&self) -> &str {
        &self.config.device_id
    }

    fn status(&self) -> DeviceStatus {
        let condition = self.condition();
        DeviceStatus {
            id: self.config.device_id.clone(),
            kind: DeviceKind::SmartCard,
            state: condition.state,
            fault: condition.fault,
            simulated: false,
            reserve: false,
        }
    }

    /// Records what the driver learnt, and tells the board if that changed anything.
    fn learn(&self, fault: Option<FaultCode>, problem: Option<String>) {
        let state = fault.map_or(DeviceState::Ready, FaultCode::state);
        let mut condition = self.condition();
        condition.problem = problem;
        if condition.state == state && condition.fault == fault {
            return;
        }
        condition.state = state;
        condition.fault = fault;
        let board = condition.board.clone();
        drop(condition);
        if let Some(board) = board {
            board.report(self.status());
        }
    }

    /// Finds the card afresh, learns the device's condition from what was found, and
    /// forgets a login whose card is no longer the one in the reader.
    fn locate(&self, hardware: &mut Hardware) -> Located {
        let located = self.find();
        match &located {
            Located::Card(_, token) => {
                let stale = hardware
                    .login
                    .as_ref()
                    .is_some_and(|login| login.slot != token.slot || login.serial != token.serial);
                if stale {
                    hardware.login = None;
                }
                // A damaged attempt file has been learnt as a fault by attempts_left.
                if let Ok(left) = self.attempts_left(token) {
                    self.learn((left == 0).then_some(FaultCode::Blocked), None);
                }
            }
            Located::NoCard => {
                hardware.login = None;
                self.learn(None, None);
            }
            Located::NoReader | Located::NoModule => {
                hardware.login = None;
                self.learn(Some(FaultCode::Disconnected), None);
            }
            Located::BrokenModule(problem) => {
                hardware.login = None;
                self.learn(Some(FaultCode::Broken), Some(problem.clone()));
            }
            Located::Failing(problem) => self.learn(Some(FaultCode::NotResponding), Some(problem.clone())),
        }
        located
    }

    fn find(&self) -> Located {
        if let Some(fragment) = &self.config.reader {
            let readers = PcscReaders::list();
            match readers.find(fragment) {
                None => return Located::NoReader,
                Some(reader) if !reader.card_present => return Located::NoCard,
                Some(_) => {}
            }
        }
        let module = match module(&self.config.module) {
            Ok(module) => module,
            Err(ModuleTrouble::Missing) => return Located::NoModule,
            Err(ModuleTrouble::Unusable(problem)) => return Located::BrokenModule(problem),
        };
        let slots = match module.get_slots_with_token() {
            Ok(slots) => slots,
            Err(error) => return Located::Failing(error.to_string()),
        };
        for slot in slots {
            // A card pulled between the listing and this question is simply not there.
            let Ok(info) = module.get_token_info(slot) else { continue };
            if info.label() == self.config.token_label {
                let token = Token {
                    slot,
                    serial: info.serial_number().to_owned(),
                    pin_locked: info.user_pin_locked(),
                    pin_final_try: info.user_pin_final_try(),
                };
                return Located::Card(module, token);
            }
        }
        Located::NoCard
    }

    /// The card in the reader, or why there is none as the trait's error.
    fn card(&self, hardware: &mut Hardware) -> Result<(Pkcs11, Token), SmartCardError> {
        match self.locate(hardware) {
            Located::Card(module, token) => Ok((module, token)),
            Located::NoCard => Err(SmartCardError::Absent),
            Located::NoReader | Located::NoModule => Err(DeviceError::Absent(self.id().to_owned()).into()),
            Located::BrokenModule(_) => Err(self.fault(FaultCode::Broken)),
            Located::Failing(_) => Err(self.fault(FaultCode::NotResponding)),
        }
    }

    fn fault(&self, fault: FaultCode) -> SmartCardError {
        DeviceError::Fault { id: self.id().to_owned(), fault }.into()
    }

    /// A broken attempt file is a broken device: the PIN is not tried without a count.
    fn attempts_failure(&self, error: AttemptsError) -> SmartCardError {
        self.learn(Some(FaultCode::Broken), Some(error.to_string()));
        self.fault(FaultCode::Broken)
    }

    /// An unexpected answer of the module, as the trait's error.
    fn pkcs11_failure(&self, error: Pkcs11Error) -> SmartCardError {
        if card_gone(&error) {
            self.learn(None, None);
            return SmartCardError::Absent;
        }
        if return_value(&error) == Some(RvError::PinLocked) {
            self.learn(Some(FaultCode::Blocked), None);
            return SmartCardError::Blocked;
        }
        self.learn(Some(FaultCode::NotResponding), Some(error.to_string()));
        self.fault(FaultCode::NotResponding)
    }

    /// The driver's count, lowered by what the token says. `CKF_USER_PIN_COUNT_LOW`
    /// is not used: it only says some PIN was wrong since the last right one, which the
    /// count knows already, and gives no number.
    fn attempts_left(&self, token: &Token) -> Result<u8, SmartCardError> {
        if token.pin_locked {
            return Ok(0);
        }
        let left = self.attempts.left(&token.serial).map_err(|error| self.attempts_failure(error))?;
        Ok(if token.pin_final_try { left.min(1) } else { left })
    }

    fn block(&self, token: &Token) -> SmartCardError {
        // Recording it is a courtesy (the token itself refuses); a write failure must
        // not turn a blocked card into some other answer.
        let _ = self.attempts.exhaust(&token.serial);
        self.learn(Some(FaultCode::Blocked), None);
        SmartCardError::Blocked
    }

    fn verify_pin(&self, pin: &str) -> Result<(), SmartCardError> {
        let mut hardware = self.hardware();
        // Whatever happens next, an earlier login no longer stands for this PIN.
        hardware.login = None;
        let (module, token) = self.card(&mut hardware)?;
        if token.pin_locked {
            return Err(self.block(&token));
        }
        if self.attempts_left(&token)? == 0 {
            return Err(SmartCardError::Blocked);
        }
        let session = module.open_ro_session(token.slot).map_err(|error| self.pkcs11_failure(error))?;
        // Login state is per token for the whole process: were another session still
        // logged in, C_Login would answer "already logged in" without checking the PIN.
        match session.logout() {
            Ok(()) => {}
            Err(error) if return_value(&error) == Some(RvError::UserNotLoggedIn) => {}
            Err(error) => return Err(self.pkcs11_failure(error)),
        }
        let left_if_wrong = self.attempts.spend_one(&token.serial).map_err(|error| self.attempts_failure(error))?;
        let pin = AuthPin::new(pin.into());
        let refused = match session.login(UserType::User, Some(&pin)) {
            Ok(()) => {
                self.attempts.reset(&token.serial).map_err(|error| self.attempts_failure(error))?;
                hardware.login = Some(Login { slot: token.slot, serial: token.serial, session });
                self.learn(None, None);
                return Ok(());
            }
            Err(error) => error,
        };
        match return_value(&refused) {
            Some(RvError::PinIncorrect | RvError::PinLenRange | RvError::PinInvalid) => {
                let now = module.get_token_info(token.slot).ok();
                if now.as_ref().is_some_and(|info| info.user_pin_locked()) {
                    return Err(self.block(&token));
                }
                let final_try = now.as_ref().is_some_and(|info| info.user_pin_final_try());
                let left = if final_try { left_if_wrong.min(1) } else { left_if_wrong };
                if left == 0 {
                    return Err(self.block(&token));
                }
                Err(SmartCardError::WrongPin { attempts_left: left })
            }
            Some(RvError::PinLocked) => Err(self.block(&token)),
            _ => {
                // The token never judged the PIN: the attempt is given back.
                let _ = self.attempts.give_back_one(&token.serial);
                Err(self.pkcs11_failure(refused))
            }
        }
    }

    /// The chair's key pair on the card: Ed25519 if there is one, else P-256.
    fn find_key(&self, session: &Session) -> Result<Option<CardKey>, Pkcs11Error> {
        for algorithm in [SignatureAlgorithm::Ed25519, SignatureAlgorithm::EcdsaP256Sha256] {
            let key_type = key_type(algorithm);
            let mut template = vec![Attribute::Class(ObjectClass::PUBLIC_KEY), Attribute::KeyType(key_type)];
            template.extend(self.config.key.template());
            for handle in session.find_objects(&template)? {
                let attributes =
                    session.get_attributes(handle, &[AttributeType::EcPoint, AttributeType::EcParams, AttributeType::Id])?;
                let mut point = None;
                let mut params = None;
                let mut id = None;
                for attribute in attributes {
                    match attribute {
                        Attribute::EcPoint(value) => point = Some(value),
                        Attribute::EcParams(value) => params = Some(value),
                        Attribute::Id(value) if !value.is_empty() => id = Some(value),
                        _ => {}
                    }
                }
                let Some(point) = point else { continue };
                let public = match algorithm {
                    SignatureAlgorithm::Ed25519 => {
                        let curve_ok = params.as_deref().is_none_or(|p| der::ED25519_PARAMS.contains(&p));
                        der::ed25519_point(&point).filter(|_| curve_ok).map(|raw| raw.to_vec())
                    }
                    _ => der::p256_point(&point).filter(|_| params.as_deref() == Some(der::P256_PARAMS)),
                };
                if let Some(public) = public {
                    return Ok(Some(CardKey { public: PublicKey { algorithm, bytes: public }, id }));
                }
            }
        }
        Ok(None)
    }

    fn private_key(&self, session: &Session, key: &CardKey) -> Result<Option<ObjectHandle>, Pkcs11Error> {
        let mut template =
            vec![Attribute::Class(ObjectClass::PRIVATE_KEY), Attribute::KeyType(key_type(key.public.algorithm))];
        template.extend(self.config.key.template());
        // The public half's CKA_ID names its pair (PKCS#11 §4.6 convention).
        if let Some(id) = key.id.as_ref().filter(|_| self.config.key.id.is_none()) {
            template.push(Attribute::Id(id.clone()));
        }
        Ok(session.find_objects(&template)?.into_iter().next())
    }

    /// The chair's public key, read through a session of its own.
    fn public_key(&self) -> Result<PublicKey, SmartCardError> {
        let mut hardware = self.hardware();
        let (module, token) = self.card(&mut hardware)?;
        if self.attempts_left(&token)? == 0 {
            return Err(SmartCardError::Blocked);
        }
        let session = module.open_ro_session(token.slot).map_err(|error| self.pkcs11_failure(error))?;
        let key = self.find_key(&session).map_err(|error| self.pkcs11_failure(error))?;
        key.map(|key| key.public).ok_or(SmartCardError::Unregistered)
    }

    fn sign(&self, message: &[u8]) -> Result<Signature, SmartCardError> {
        let mut hardware = self.hardware();
        let (module, token) = self.card(&mut hardware)?;
        if self.attempts_left(&token)? == 0 {
            hardware.login = None;
            return Err(SmartCardError::Blocked);
        }
        // Public keys are readable without a login, so a card without the chair's key
        // is told apart from a missing PIN before asking for one.
        let key = match &hardware.login {
            Some(login) => self.find_key(&login.session),
            None => module.open_ro_session(token.slot).and_then(|session| self.find_key(&session)),
        };
        let key = match key {
            Ok(Some(key)) => key,
            Ok(None) => return Err(SmartCardError::Unregistered),
            Err(error) if login_gone(&error) => {
                hardware.login = None;
                return Err(SmartCardError::PinRequired);
            }
            Err(error) => return Err(self.pkcs11_failure(error)),
        };
        let Some(login) = hardware.login.as_ref() else { return Err(SmartCardError::PinRequired) };
        let logged_in = login
            .session
            .get_session_info()
            .map(|info| matches!(info.session_state(), SessionState::RoUser | SessionState::RwUser));
        match logged_in {
            Ok(true) => {}
            Ok(false) => {
                hardware.login = None;
                return Err(SmartCardError::PinRequired);
            }
            Err(error) => {
                hardware.login = None;
                return Err(if login_gone(&error) { SmartCardError::PinRequired } else { self.pkcs11_failure(error) });
            }
        }
        let signed = self.private_key(&login.session, &key).and_then(|private| {
            let Some(private) = private else { return Ok(None) };
            let signature = match key.public.algorithm {
                SignatureAlgorithm::Ed25519 => {
                    let pure = Mechanism::Eddsa(EddsaParams::new(EddsaSignatureScheme::Pure));
                    login.session.sign(&pure, private, message)?
                }
                _ => login.session.sign(&Mechanism::Ecdsa, private, &Sha256::digest(message))?,
            };
            Ok(Some(signature))
        });
        let bytes = match signed {
            Ok(Some(bytes)) => bytes,
            Ok(None) => return Err(SmartCardError::Unregistered),
            Err(error) if login_gone(&error) => {
                hardware.login = None;
                return Err(SmartCardError::PinRequired);
            }
            Err(error) => {
                hardware.login = None;
                return Err(self.pkcs11_failure(error));
            }
        };
        let bytes = match key.public.algorithm {
            SignatureAlgorithm::Ed25519 if bytes.len() == 64 => bytes,
            SignatureAlgorithm::EcdsaP256Sha256 => match der::ecdsa_p256_der(&bytes) {
                Some(der) => der,
                None => return Err(self.malformed_signature(bytes.len())),
            },
            _ => return Err(self.malformed_signature(bytes.len())),
        };
        Ok(Signature { algorithm: key.public.algorithm, bytes })
    }

    fn malformed_signature(&self, length: usize) -> SmartCardError {
        let detail = format!("the token returned a signature of {length} bytes");
        self.learn(Some(FaultCode::Broken), Some(detail.clone()));
        DeviceError::Protocol { id: self.id().to_owned(), detail }.into()
    }
}

/// The chair's public key and the `CKA_ID` that pairs it with its private half.
struct CardKey {
    public: PublicKey,
    id: Option<Vec<u8>>,
}

fn key_type(algorithm: SignatureAlgorithm) -> KeyType {
    match algorithm {
        SignatureAlgorithm::Ed25519 => KeyType::EC_EDWARDS,
        SignatureAlgorithm::EcdsaP256Sha256 => KeyType::EC,
        SignatureAlgorithm::RsaPkcs1Sha256 => KeyType::RSA,
    }
}

impl Device for Pkcs11Card {
    fn id(&self) -> &str {
        self.shared.id()
    }

    fn kind(&self) -> DeviceKind {
        DeviceKind::SmartCard
    }

    fn status(&self) -> DeviceStatus {
        self.shared.status()
    }

    /// Keeps the board and reports every change to it; starts looking at the card on
    /// its own every [`Pkcs11Config::watch_every`], so a pulled card shows at once.
    fn attach(&self, board: &StatusBoard) {
        self.shared.condition().board = Some(board.clone());
        board.report(self.status());
        self.watch();
    }

    fn as_smart_card(&self) -> Option<&dyn SmartCard> {
        Some(self)
    }
}

impl SmartCard for Pkcs11Card {
    fn present(&self) -> Result<bool, DeviceError> {
        let mut hardware = self.shared.hardware();
        match self.shared.locate(&mut hardware) {
            Located::Card(..) => Ok(true),
            Located::NoCard => Ok(false),
            Located::NoReader | Located::NoModule => Err(DeviceError::Absent(self.id().to_owned())),
            Located::BrokenModule(_) => Err(DeviceError::Fault { id: self.id().to_owned(), fault: FaultCode::Broken }),
            Located::Failing(_) => {
                Err(DeviceError::Fault { id: self.id().to_owned(), fault: FaultCode::NotResponding })
            }
        }
    }

    fn verify_pin(&self, pin: &str) -> Result<(), SmartCardError> {
        self.shared.verify_pin(pin)
    }

    fn sign(&self, message: &[u8]) -> Result<Signature, SmartCardError> {
        self.shared.sign(message)
    }

    fn public_key(&self) -> Result<PublicKey, SmartCardError> {
        self.shared.public_key()
    }
}
