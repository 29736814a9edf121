//! The district commission's side (§72–80, R5.5–R5.9): the stations it registered with
//! their keys, the bundles it took from them, the conflicts it resolved, the results it
//! set aside, and — in [`summary`] — the summary table (жыйынды таблица) of its district
//! with every discrepancy flagged with its reason.
//!
//! The district commission keeps a journal of its own acts like a station does: its
//! commands ([`DecCommand`]) are decided against its state ([`DecState`]) by [`decide`]
//! into events ([`DecEvent`]), and the state is what [`apply`] makes of them. Verifying a
//! bundle (signatures, hashes, the replay of the station's journal) is the bundle
//! crate's; what reaches this module is a bundle that passed, as a [`ReceivedBundle`].
//!
//! Rules kept here: a station is registered once, with a key no other station uses, and
//! (outside training) before voting day; the first valid bundle of a station is the one
//! in force, a different later one is a conflict until the commission keeps one of them
//! (a correction, §66, or a recount ordered by a higher commission, marked "Recount",
//! §78); a station's results, or only its remote-voting results (R5.9), are set aside on
//! a ground of §80 by a decision, and can be reinstated by another.

pub mod summary;

use chrono::{DateTime, NaiveTime, TimeZone, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::election::{ElectionDefinition, StationKind};
use crate::error::{DomainError, MessageArg};
use crate::results::StationResults;

pub use summary::{Flag, RecountMark, RowStatus, Section, StationRow, Summary, Totals, summary};

/// What the district commission is set up with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DecSetup {
    /// The election (any station's definition file of it: contests, options, voting day,
    /// time zone and the training flag are what count here).
    pub election: ElectionDefinition,
    /// The contest this commission sums up: its district's id.
    pub district: String,
    /// The commission's name as printed on its protocol.
    pub commission: String,
    /// The commission's own public key (64 hex digits), which signs its key registry.
    pub dec_key: String,
}

/// A bundle that passed every check of the bundle crate, as the district keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ReceivedBundle {
    /// SHA-256 of the whole bundle file (64 hex digits).
    pub sha256: String,
    /// The file's name when it was imported, for people.
    pub file_name: String,
    pub station: String,
    /// The station's export number (1, then one more for each later export).
    #[ts(type = "number")]
    pub sequence: u64,
    /// When the station made it (its clock).
    #[ts(type = "string")]
    pub created_at: DateTime<Utc>,
    /// When the station's journal says the documents were delivered (§67), if it says.
    #[ts(type = "string | null")]
    pub delivered_at: Option<DateTime<Utc>>,
    /// The signed protocol's results, recomputed by the replay of the station's journal.
    pub results: StationResults,
    /// The fingerprints of the journal's signed checkpoints, to compare with the
    /// station's paper minutes.
    pub checkpoints: Vec<String>,
}

/// A bundle that did not pass, journaled so that the commission can show what it
/// received and why it was refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Refusal {
    pub file_name: String,
    /// SHA-256 of the file (64 hex digits).
    pub sha256: String,
    /// The station, when the bundle could be read far enough to name it.
    pub station: Option<String>,
    /// The refusal's stable code, Fluent message id and arguments.
    pub code: String,
    pub message: String,
    #[ts(type = "Record<string, string | number>")]
    pub args: std::collections::BTreeMap<String, MessageArg>,
}

/// The grounds on which results are set aside: §80's five, and R5.9 for the
/// remote-voting results of a station alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum SetAsideGround {
    /// §80 1): violations that make the voters' will impossible to establish reliably.
    S80Unreliable,
    /// §80 2): violations that affected the voters' expression of their will.
    S80Affected,
    /// §80 3): by decision of a higher commission.
    S80HigherCommission,
    /// §80 4): by decision of a court.
    S80Court,
    /// §80 5): the ballots in the boxes were found not genuine.
    S80BallotsNotGenuine,
    /// R5.9: violations during remote voting that make the participants' will
    /// impossible to establish.
    R59RemoteVoting,
}

impl SetAsideGround {
    pub const ALL: [SetAsideGround; 6] = [
        SetAsideGround::S80Unreliable,
        SetAsideGround::S80Affected,
        SetAsideGround::S80HigherCommission,
        SetAsideGround::S80Court,
        SetAsideGround::S80BallotsNotGenuine,
        SetAsideGround::R59RemoteVoting,
    ];

    /// Where the law says it: `§80 1)` … `R5.9`.
    pub fn clause(self) -> &'static str {
        match self {
            SetAsideGround::S80Unreliable => "§80 1)",
            SetAsideGround::S80Affected => "§80 2)",
            SetAsideGround::S80HigherCommission => "§80 3)",
            SetAsideGround::S80Court => "§80 4)",
            SetAsideGround::S80BallotsNotGenuine => "§80 5)",
            SetAsideGround::R59RemoteVoting => "R5.9",
        }
    }

    /// The kebab-case name, also the suffix of its message id `dec-ground-…`.
    pub fn name(self) -> &'static str {
        match self {
            SetAsideGround::S80Unreliable => "s80-unreliable",
            SetAsideGround::S80Affected => "s80-affected",
            SetAsideGround::S80HigherCommission => "s80-higher-commission",
            SetAsideGround::S80Court => "s80-court",
            SetAsideGround::S80BallotsNotGenuine => "s80-ballots-not-genuine",
            SetAsideGround::R59RemoteVoting => "r59-remote-voting",
        }
    }

    pub fn from_name(name: &str) -> Option<SetAsideGround> {
        SetAsideGround::ALL.into_iter().find(|ground| ground.name() == name)
    }
}

/// What is set aside: all the station's results (§80), or only its remote-voting
/// results (R5.9).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum SetAsideScope {
    Station,
    RemoteVoting,
}

/// A decision setting a station's results aside.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SetAside {
    #[ts(type = "string")]
    pub at: DateTime<Utc>,
    pub scope: SetAsideScope,
    pub ground: SetAsideGround,
    /// The decision as the commission wrote it (its number, the facts).
    pub decision: String,
}

/// How a conflict between two valid bundles of a station was settled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Resolution {
    #[ts(type = "string")]
    pub at: DateTime<Utc>,
    /// The bundle kept (SHA-256).
    pub kept: String,
    /// The bundles put away (SHA-256).
    pub discarded: Vec<String>,
    /// The kept bundle is the result of a recount ordered by a higher commission (§78).
    pub recount: bool,
    pub reason: String,
}

/// A member's key that may co-sign a station's bundles (the chair's smart card).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CoSignerKey {
    /// `chair`, `secretary`, `member`…
    pub role: String,
    pub name: String,
    /// `ed25519` or `ecdsa-p256-sha256`.
    pub algorithm: String,
    /// The raw public key in lowercase hex (32 bytes; an uncompressed P-256 point, 65).
    pub public_key: String,
}

/// A registered station and what the commission has of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DecStation {
    pub station: String,
    /// The station key (64 hex digits of the raw Ed25519 key).
    pub public_key: String,
    #[ts(type = "string")]
    pub registered_at: DateTime<Utc>,
    /// Members' keys that may co-sign its bundles.
    pub co_signers: Vec<CoSignerKey>,
    /// The bundle in force.
    pub accepted: Option<AcceptedBundle>,
    /// Later valid bundles that differ from the one in force, not yet resolved.
    pub conflicts: Vec<ReceivedBundle>,
    pub set_aside: Option<SetAside>,
    /// Every conflict settled, in order.
    pub resolutions: Vec<Resolution>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AcceptedBundle {
    pub bundle: ReceivedBundle,
    #[ts(type = "string")]
    pub accepted_at: DateTime<Utc>,
    /// The result of a recount ordered by a higher commission: its protocol is marked
    /// "Recount" (§78).
    pub recount: bool,
}

impl DecStation {
    /// The highest export number taken from this station, in force or in conflict: an
    /// older one is a replay.
    pub fn highest_sequence(&self) -> Option<u64> {
        self.accepted.iter().map(|a| a.bundle.sequence).chain(self.conflicts.iter().map(|b| b.sequence)).max()
    }

    /// Whether a bundle with this SHA-256 is already here (in force or in conflict).
    pub fn holds(&self, sha256: &str) -> bool {
        self.accepted.as_ref().is_some_and(|a| a.bundle.sha256 == sha256) || self.conflicts.iter().any(|b| b.sha256 == sha256)
    }
}

/// The district commission's state, rebuilt from its journal.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecState {
    pub setup: Option<DecSetup>,
    /// In the order they were registered.
    pub stations: Vec<DecStation>,
    /// Every bundle refused, in order.
    pub refusals: Vec<(DateTime<Utc>, Refusal)>,
    pub events_applied: u64,
}

impl DecState {
    pub fn replay<'a>(events: impl IntoIterator<Item = &'a DecEvent>) -> DecState {
        events.into_iter().fold(DecState::default(), |state, event| apply(state, event))
    }

    pub fn station(&self, number: &str) -> Option<&DecStation> {
        self.stations.iter().find(|s| s.station == number)
    }

    fn station_mut(&mut self, number: &str) -> Option<&mut DecStation> {
        self.stations.iter_mut().find(|s| s.station == number)
    }
}

/// A request of the district commission.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum DecCommand {
    SetUp { setup: Box<DecSetup> },
    /// The key ceremony: the station's public key (64 hex digits) and the keys of the
    /// members who may co-sign.
    RegisterStation {
        station: String,
        public_key: String,
        #[serde(default)]
        co_signers: Vec<CoSignerKey>,
    },
    /// A bundle that passed verification.
    TakeBundle { bundle: Box<ReceivedBundle> },
    /// A bundle that did not.
    RecordRefusal { refusal: Refusal },
    /// Keep one of a station's conflicting bundles; `recount` when it is the result of a
    /// recount ordered by a higher commission (§78).
    ResolveConflict { station: String, keep: String, recount: bool, reason: String },
    /// The bundle in force is the result of a recount (§78).
    MarkRecount { station: String },
    SetAside { station: String, scope: SetAsideScope, ground: SetAsideGround, decision: String },
    Reinstate { station: String, reason: String },
}

/// What the district commission's journal records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum DecEvent {
    SetUp {
        #[ts(type = "string")]
        at: DateTime<Utc>,
        setup: Box<DecSetup>,
    },
    StationRegistered {
        #[ts(type = "string")]
        at: DateTime<Utc>,
        station: String,
        public_key: String,
        #[serde(default)]
        co_signers: Vec<CoSignerKey>,
    },
    /// The first valid bundle of a station: in force.
    BundleAccepted {
        #[ts(type = "string")]
        at: DateTime<Utc>,
        bundle: Box<ReceivedBundle>,
    },
    /// A later valid bundle that differs from the one in force.
    ConflictReceived {
        #[ts(type = "string")]
        at: DateTime<Utc>,
        bundle: Box<ReceivedBundle>,
    },
    BundleRefused {
        #[ts(type = "string")]
        at: DateTime<Utc>,
        refusal: Refusal,
    },
    ConflictResolved {
        #[ts(type = "string")]
        at: DateTime<Utc>,
        station: String,
        kept: String,
        recount: bool,
        reason: String,
    },
    RecountMarked {
        #[ts(type = "string")]
        at: DateTime<Utc>,
        station: String,
    },
    ResultsSetAside {
        #[ts(type = "string")]
        at: DateTime<Utc>,
        station: String,
        scope: SetAsideScope,
        ground: SetAsideGround,
        decision: String,
    },
    ResultsReinstated {
        #[ts(type = "string")]
        at: DateTime<Utc>,
        station: String,
        reason: String,
    },
}

impl DecEvent {
    /// The short name stored beside the payload.
    pub fn kind(&self) -> &'static str {
        match self {
            DecEvent::SetUp { .. } => "commission-set-up",
            DecEvent::StationRegistered { .. } => "station-registered",
            DecEvent::BundleAccepted { .. } => "bundle-accepted",
            DecEvent::ConflictReceived { .. } => "conflict-received",
            DecEvent::BundleRefused { .. } => "bundle-refused",
            DecEvent::ConflictResolved { .. } => "conflict-resolved",
            DecEvent::RecountMarked { .. } => "recount-marked",
            DecEvent::ResultsSetAside { .. } => "results-set-aside",
            DecEvent::ResultsReinstated { .. } => "results-reinstated",
        }
    }

    pub fn at(&self) -> DateTime<Utc> {
        match self {
            DecEvent::SetUp { at, .. }
            | DecEvent::StationRegistered { at, .. }
            | DecEvent::BundleAccepted { at, .. }
            | DecEvent::ConflictReceived { at, .. }
            | DecEvent::BundleRefused { at, .. }
            | DecEvent::ConflictResolved { at, .. }
            | DecEvent::RecountMarked { at, .. }
            | DecEvent::ResultsSetAside { at, .. }
            | DecEvent::ResultsReinstated { at, .. } => *at,
        }
    }

    /// The station an event is about, if any.
    pub fn station(&self) -> Option<&str> {
        match self {
            DecEvent::SetUp { .. } => None,
            DecEvent::BundleRefused { refusal, .. } => refusal.station.as_deref(),
            DecEvent::BundleAccepted { bundle, .. } | DecEvent::ConflictReceived { bundle, .. } => Some(&bundle.station),
            DecEvent::StationRegistered { station, .. }
            | DecEvent::ConflictResolved { station, .. }
            | DecEvent::RecountMarked { station, .. }
            | DecEvent::ResultsSetAside { station, .. }
            | DecEvent::ResultsReinstated { station, .. } => Some(station),
        }
    }
}

fn refuse(code: &'static str, message: &'static str) -> DomainError {
    DomainError::new(code, message)
}

fn is_key_hex(text: &str) -> bool {
    text.len() == 64 && text.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// A co-signer's key of its algorithm's shape.
fn co_signer_key_ok(key: &CoSignerKey) -> bool {
    let hex = |text: &str| text.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
    match key.algorithm.as_str() {
        "ed25519" => is_key_hex(&key.public_key),
        "ecdsa-p256-sha256" => key.public_key.len() == 130 && key.public_key.starts_with("04") && hex(&key.public_key),
        _ => false,
    }
}

/// Midnight at the start of voting day in the election's zone: keys are registered
/// before it (design.md, "The bundle": a key ceremony before the day).
pub fn registration_closes(election: &ElectionDefinition) -> DateTime<Utc> {
    let midnight = election.voting_day.and_time(NaiveTime::MIN);
    election
        .tz()
        .from_local_datetime(&midnight)
        .earliest()
        .map(|local| local.with_timezone(&Utc))
        .unwrap_or_else(|| Utc.from_utc_datetime(&midnight))
}

/// By when a station must deliver (§67: 06:00 the day after voting day; a station
/// abroad within 7 days, A9.1).
pub fn delivery_deadline(election: &ElectionDefinition, kind: StationKind) -> DateTime<Utc> {
    let regular = crate::timeline::deadline(election, crate::StepId::Delivery);
    match kind {
        StationKind::Abroad => registration_closes(election) + chrono::Duration::days(8),
        StationKind::Regular | StationKind::RemoteVoting => regular,
    }
}

fn registered<'a>(state: &'a DecState, station: &str) -> Result<&'a DecStation, DomainError> {
    state.station(station).ok_or_else(|| refuse("dec.unknown-station", "error-dec-unknown-station").with("station", station))
}

fn needs_text(text: &str, code: &'static str, message: &'static str) -> Result<(), DomainError> {
    if text.trim().is_empty() { Err(refuse(code, message)) } else { Ok(()) }
}

/// The district commission's rules: a command becomes events, or is refused and
/// nothing is recorded.
pub fn decide(state: &DecState, command: &DecCommand, now: DateTime<Utc>) -> Result<Vec<DecEvent>, DomainError> {
    let setup = match (command, &state.setup) {
        (DecCommand::SetUp { setup }, None) => {
            if !setup.election.contests.iter().any(|c| c.id == setup.district) {
                return Err(refuse("dec.unknown-district", "error-dec-unknown-district").with("district", setup.district.as_str()));
            }
            needs_text(&setup.commission, "dec.no-commission-name", "error-dec-no-commission-name")?;
            if !is_key_hex(&setup.dec_key) {
                return Err(refuse("dec.bad-key", "error-dec-bad-key"));
            }
            return Ok(vec![DecEvent::SetUp { at: now, setup: setup.clone() }]);
        }
        (DecCommand::SetUp { .. }, Some(_)) => return Err(refuse("dec.already-set-up", "error-dec-already-set-up")),
        (_, None) => return Err(refuse("dec.not-set-up", "error-dec-not-set-up")),
        (_, Some(setup)) => setup,
    };
    match command {
        DecCommand::SetUp { .. } => Err(refuse("dec.already-set-up", "error-dec-already-set-up")),
        DecCommand::RegisterStation { station, public_key, co_signers } => {
            let station = station.trim();
            needs_text(station, "dec.no-station-number", "error-dec-no-station-number")?;
            if !is_key_hex(public_key) || !co_signers.iter().all(co_signer_key_ok) {
                return Err(refuse("dec.bad-key", "error-dec-bad-key"));
            }
            if state.station(station).is_some() {
                return Err(refuse("dec.station-registered", "error-dec-station-registered").with("station", station));
            }
            // Each key names one signer: a key that could sign for two stations would make
            // "another station's key" undecidable.
            let new_keys: Vec<&str> =
                std::iter::once(public_key.as_str()).chain(co_signers.iter().map(|c| c.public_key.as_str())).collect();
            if (1..new_keys.len()).any(|i| new_keys[..i].contains(&new_keys[i])) || new_keys.contains(&setup.dec_key.as_str()) {
                return Err(refuse("dec.key-reused", "error-dec-key-reused").with("station", station));
            }
            if let Some(other) = state.stations.iter().find(|s| {
                new_keys.contains(&s.public_key.as_str()) || s.co_signers.iter().any(|c| new_keys.contains(&c.public_key.as_str()))
            }) {
                return Err(refuse("dec.key-reused", "error-dec-key-reused").with("station", other.station.as_str()));
            }
            // In a mock election trainers register at any time; a real key ceremony is
            // before the day, so that no key appears once bundles can arrive.
            if !setup.election.training && now >= registration_closes(&setup.election) {
                return Err(refuse("dec.registration-closed", "error-dec-registration-closed"));
            }
            Ok(vec![DecEvent::StationRegistered {
                at: now,
                station: station.to_owned(),
                public_key: public_key.clone(),
                co_signers: co_signers.clone(),
            }])
        }
        DecCommand::TakeBundle { bundle } => {
            let station = registered(state, &bundle.station)?;
            if bundle.results.election != setup.election.id || bundle.results.station != bundle.station {
                return Err(refuse("dec.other-election", "error-dec-other-election")
                    .with("election", bundle.results.election.as_str()));
            }
            if bundle.results.training != setup.election.training {
                return Err(refuse("dec.training-mismatch", "error-dec-training-mismatch"));
            }
            if station.holds(&bundle.sha256) {
                return Err(refuse("dec.already-imported", "error-dec-already-imported").with("station", station.station.as_str()));
            }
            if let Some(highest) = station.highest_sequence() {
                if bundle.sequence < highest {
                    return Err(refuse("dec.older-bundle", "error-dec-older-bundle")
                        .with("sequence", i64::try_from(bundle.sequence).unwrap_or(i64::MAX))
                        .with("highest", i64::try_from(highest).unwrap_or(i64::MAX)));
                }
            }
            if station.accepted.is_none() {
                Ok(vec![DecEvent::BundleAccepted { at: now, bundle: bundle.clone() }])
            } else {
                Ok(vec![DecEvent::ConflictReceived { at: now, bundle: bundle.clone() }])
            }
        }
        DecCommand::RecordRefusal { refusal } => Ok(vec![DecEvent::BundleRefused { at: now, refusal: refusal.clone() }]),
        DecCommand::ResolveConflict { station, keep, recount, reason } => {
            let known = registered(state, station)?;
            if known.conflicts.is_empty() {
                return Err(refuse("dec.no-conflict", "error-dec-no-conflict").with("station", station.as_str()));
            }
            if !known.holds(keep) {
                return Err(refuse("dec.unknown-bundle", "error-dec-unknown-bundle").with("station", station.as_str()));
            }
            needs_text(reason, "dec.no-reason", "error-dec-no-reason")?;
            Ok(vec![DecEvent::ConflictResolved {
                at: now,
                station: station.clone(),
                kept: keep.clone(),
                recount: *recount,
                reason: reason.trim().to_owned(),
            }])
        }
        DecCommand::MarkRecount { station } => {
            let known = registered(state, station)?;
            let accepted = known
                .accepted
                .as_ref()
                .ok_or_else(|| refuse("dec.no-results", "error-dec-no-results").with("station", station.as_str()))?;
            if accepted.recount {
                return Err(refuse("dec.recount-marked", "error-dec-recount-marked").with("station", station.as_str()));
            }
            Ok(vec![DecEvent::RecountMarked { at: now, station: station.clone() }])
        }
        DecCommand::SetAside { station, scope, ground, decision } => {
            let known = registered(state, station)?;
            let accepted = known
                .accepted
                .as_ref()
                .ok_or_else(|| refuse("dec.no-results", "error-dec-no-results").with("station", station.as_str()))?;
            if known.set_aside.is_some() {
                return Err(refuse("dec.set-aside-already", "error-dec-set-aside-already").with("station", station.as_str()));
            }
            let remote = accepted.bundle.results.station_kind == StationKind::RemoteVoting;
            match (scope, ground) {
                (SetAsideScope::RemoteVoting, _) if !remote => {
                    return Err(refuse("dec.not-remote", "error-dec-not-remote").with("station", station.as_str()));
                }
                (SetAsideScope::RemoteVoting, SetAsideGround::R59RemoteVoting) => {}
                (SetAsideScope::RemoteVoting, _) | (SetAsideScope::Station, SetAsideGround::R59RemoteVoting) => {
                    return Err(refuse("dec.ground-scope", "error-dec-ground-scope"));
                }
                (SetAsideScope::Station, _) => {}
            }
            needs_text(decision, "dec.no-decision", "error-dec-no-decision")?;
            Ok(vec![DecEvent::ResultsSetAside {
                at: now,
                station: station.clone(),
                scope: *scope,
                ground: *ground,
                decision: decision.trim().to_owned(),
            }])
        }
        DecCommand::Reinstate { station, reason } => {
            let known = registered(state, station)?;
            if known.set_aside.is_none() {
                return Err(refuse("dec.not-set-aside", "error-dec-not-set-aside").with("station", station.as_str()));
            }
            needs_text(reason, "dec.no-reason", "error-dec-no-reason")?;
            Ok(vec![DecEvent::ResultsReinstated { at: now, station: station.clone(), reason: reason.trim().to_owned() }])
        }
    }
}

/// The state after one more event. Never fails: an event was decided before it was
/// journaled.
pub fn apply(mut state: DecState, event: &DecEvent) -> DecState {
    state.events_applied += 1;
    match event {
        DecEvent::SetUp { setup, .. } => state.setup = Some((**setup).clone()),
        DecEvent::StationRegistered { at, station, public_key, co_signers } => state.stations.push(DecStation {
            station: station.clone(),
            public_key: public_key.clone(),
            registered_at: *at,
            co_signers: co_signers.clone(),
            accepted: None,
            conflicts: Vec::new(),
            set_aside: None,
            resolutions: Vec::new(),
        }),
        DecEvent::BundleAccepted { at, bundle } => {
            if let Some(station) = state.station_mut(&bundle.station) {
                station.accepted = Some(AcceptedBundle { bundle: (**bundle).clone(), accepted_at: *at, recount: false });
            }
        }
        DecEvent::ConflictReceived { bundle, .. } => {
            if let Some(station) = state.station_mut(&bundle.station) {
                station.conflicts.push((**bundle).clone());
            }
        }
        DecEvent::BundleRefused { at, refusal } => state.refusals.push((*at, refusal.clone())),
        DecEvent::ConflictResolved { at, station, kept, recount, reason } => {
            if let Some(known) = state.station_mut(station) {
                let mut all: Vec<ReceivedBundle> = known.accepted.take().map(|a| a.bundle).into_iter().collect();
                all.append(&mut known.conflicts);
                let discarded = all.iter().filter(|b| &b.sha256 != kept).map(|b| b.sha256.clone()).collect();
                if let Some(chosen) = all.into_iter().find(|b| &b.sha256 == kept) {
                    known.accepted = Some(AcceptedBundle { bundle: chosen, accepted_at: *at, recount: *recount });
                }
                known.resolutions.push(Resolution {
                    at: *at,
                    kept: kept.clone(),
                    discarded,
                    recount: *recount,
                    reason: reason.clone(),
                });
            }
        }
        DecEvent::RecountMarked { station, .. } => {
            if let Some(accepted) = state.station_mut(station).and_then(|s| s.accepted.as_mut()) {
                accepted.recount = true;
            }
        }
        DecEvent::ResultsSetAside { at, station, scope, ground, decision } => {
            if let Some(known) = state.station_mut(station) {
                known.set_aside = Some(SetAside { at: *at, scope: *scope, ground: *ground, decision: decision.clone() });
            }
        }
        DecEvent::ResultsReinstated { station, .. } => {
            if let Some(known) = state.station_mut(station) {
                known.set_aside = None;
            }
        }
    }
    state
}

