//! Reading and verifying a bundle against the district's registry, in this order (the
//! first failure is the answer):
//!
//! 1. the container: size, entries, names, kinds, sizes, ratios, stored method
//!    ([`crate::container`]);
//! 2. the envelope (its one canonical form), its payload type, `manifest.json` equal to
//!    the signed payload;
//! 3. the signatures: each key id looked up in the registry (never a key from the
//!    bundle), each key at most once, each signature verified; then the manifest is
//!    trusted and must be of the station whose key signed, within the key's validity;
//! 4. the manifest against the registry and the options: format, election, training,
//!    sequence number;
//! 5. the files: each path allowed, listed once, in order; exactly the zip's entries;
//!    sizes and SHA-256; then the zip's layout is rebuilt and compared byte for byte;
//! 6. the journal: every line, the hash chain, the station key it journaled (the
//!    registered one), every signed checkpoint, and its head against the manifest's;
//! 7. the replay through [`domain::apply`], the results recomputed by
//!    [`domain::results::compute`] and compared with `results.json`;
//! 8. the control relations of every contest's protocol.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use domain::chain::ChainHead;
use domain::results::{ResultsProblem, StationResults};
use domain::{DayState, Event, protocol};
use ring::digest;

use crate::container;
use crate::dsse;
use crate::error::BundleError;
use crate::journal::{self, ChainedEvent};
use crate::keys::PublicKey;
use crate::limits::Limits;
use crate::manifest::{self, Manifest};
use crate::registry::{KeyOwner, RegisteredStation, Registry};
use crate::write::sha256_hex;

/// How to verify.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VerifyOptions {
    /// Refuse a bundle numbered below this: the district keeps the highest number it
    /// took from each station, so an older bundle replayed later is refused.
    pub min_sequence: Option<u64>,
    pub limits: Limits,
}

/// Who signed a verified bundle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignerRole {
    Station,
    CoSigner { role: String, name: String },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignerInfo {
    pub role: SignerRole,
    /// The key's fingerprint (four groups of four hex digits).
    pub fingerprint: String,
}

/// A signed checkpoint of the journal, verified, to compare with the paper minutes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckpointInfo {
    /// The journal entry that holds it.
    pub seq: u64,
    pub at: DateTime<Utc>,
    /// Entries it covers.
    pub count: u64,
    /// The head hash, 64 hex digits.
    pub head: String,
    /// Four groups of four hex digits, as written in the minutes.
    pub fingerprint: String,
}

/// A bundle that passed every check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifiedBundle {
    pub manifest: Manifest,
    /// The results, as `results.json` says and the replay recomputed.
    pub results: StationResults,
    /// The journal's head (equal to the manifest's checkpoint).
    pub head: ChainHead,
    /// Every signed checkpoint in the journal, in order.
    pub checkpoints: Vec<CheckpointInfo>,
    /// The registered keys that signed, the station's first, each once.
    pub signers: Vec<SignerInfo>,
    /// The state of the day replayed from the journal (acts, AEU figures, …).
    pub state: DayState,
    /// Every file the manifest lists, verified, by path in the manifest's order.
    pub files: Vec<(String, Vec<u8>)>,
    /// SHA-256 of the whole bundle (64 hex digits): two different bundles with one
    /// sequence number are a conflict for the district to resolve.
    pub sha256: String,
}

impl VerifiedBundle {
    /// A verified file's bytes.
    pub fn file(&self, path: &str) -> Option<&[u8]> {
        self.files.iter().find(|(name, _)| name == path).map(|(_, bytes)| bytes.as_slice())
    }
}

/// The body of a checkpoint's signed message: election, station, count and head hash,
/// each on a line of its own.
pub fn checkpoint_body(election: &str, station: &str, count: u64, head: &[u8; 32]) -> Vec<u8> {
    format!("{election}\n{station}\n{count}\n{}\n", hex::encode(head)).into_bytes()
}

/// The exact bytes the station key signs for a checkpoint:
/// `PAE("application/vnd.uchastok.checkpoint", checkpoint_body(…))`.
pub fn checkpoint_message(election: &str, station: &str, count: u64, head: &[u8; 32]) -> Vec<u8> {
    dsse::pae(dsse::CHECKPOINT_TYPE, &checkpoint_body(election, station, count, head))
}

fn entry<'a>(entries: &'a [(String, Vec<u8>)], name: &str) -> Result<&'a [u8], BundleError> {
    entries
        .iter()
        .find(|(entry, _)| entry == name)
        .map(|(_, bytes)| bytes.as_slice())
        .ok_or_else(|| BundleError::MissingEntry { name: name.to_owned() })
}

/// A key id from an envelope, as a fingerprint when it is one; otherwise its first
/// characters, printable only.
fn shown_key_id(keyid: &str) -> String {
    match hex::decode(keyid) {
        Ok(bytes) if bytes.len() == 32 => domain::chain::short_fingerprint(&bytes),
        _ => keyid.chars().filter(|c| c.is_ascii_graphic()).take(19).collect(),
    }
}

fn instant(at: DateTime<Utc>) -> String {
    domain::chain::format_at(at)
}

/// Step 3: the signatures against the registry; returns the station's registration and
/// the signers.
/// The election a bundle (or a paper sheet) names must be the registry's, and training
/// and real never mix: a mock election's results cannot pass for real, nor the reverse.
pub(crate) fn same_election(election: &str, training: bool, registry: &Registry) -> Result<(), BundleError> {
    if election != registry.election {
        return Err(BundleError::WrongElection { found: election.to_owned(), expected: registry.election.clone() });
    }
    match (training, registry.training) {
        (true, false) => Err(BundleError::TrainingRefused),
        (false, true) => Err(BundleError::RealInTraining),
        _ => Ok(()),
    }
}

fn check_signatures<'r>(
    opened: &dsse::Opened,
    manifest: &Manifest,
    registry: &'r Registry,
) -> Result<(&'r RegisteredStation, Vec<SignerInfo>), BundleError> {
    if opened.signatures.is_empty() {
        return Err(BundleError::NoSignature);
    }
    let message = opened.signed_bytes();
    let mut seen: BTreeSet<&str> = BTreeSet::new();
    let mut owners: Vec<KeyOwner<'r>> = Vec::new();
    for signature in &opened.signatures {
        let owner = registry
            .owner_of(&signature.keyid)
            .ok_or_else(|| BundleError::UnregisteredKey { key: shown_key_id(&signature.keyid) })?;
        if !seen.insert(signature.keyid.as_str()) {
            return Err(BundleError::DuplicateSignature { key: owner.key().fingerprint() });
        }
        if !owner.key().verifies(&message, &signature.sig) {
            return Err(BundleError::BadSignature { key: owner.key().fingerprint() });
        }
        owners.push(owner);
    }
    // From here on the manifest is what some registered key signed.
    for owner in &owners {
        if owner.station().station != manifest.station {
            return Err(BundleError::OtherStationKey {
                key: owner.key().fingerprint(),
                registered: owner.station().station.clone(),
                station: manifest.station.clone(),
            });
        }
    }
    let station = registry.station(&manifest.station).ok_or_else(|| BundleError::StationNotRegistered {
        station: manifest.station.clone(),
    })?;
    if !owners.iter().any(|owner| matches!(owner, KeyOwner::Station(_))) {
        return Err(BundleError::NotSignedByStation { station: manifest.station.clone() });
    }
    if manifest.created_at < station.valid_from || manifest.created_at > station.valid_until {
        return Err(BundleError::KeyNotValid {
            key: station.key.fingerprint(),
            from: instant(station.valid_from),
            until: instant(station.valid_until),
            at: instant(manifest.created_at),
        });
    }
    let mut signers: Vec<SignerInfo> = owners
        .iter()
        .map(|owner| SignerInfo {
            role: match owner {
                KeyOwner::Station(_) => SignerRole::Station,
                KeyOwner::CoSigner(_, co_signer) => {
                    SignerRole::CoSigner { role: co_signer.role.clone(), name: co_signer.name.clone() }
                }
            },
            fingerprint: owner.key().fingerprint(),
        })
        .collect();
    signers.sort_by_key(|signer| signer.role != SignerRole::Station);
    Ok((station, signers))
}

/// Step 5: the manifest's files against the zip's entries; returns them in the
/// manifest's order.
fn check_files(manifest: &Manifest, entries: &[(String, Vec<u8>)]) -> Result<Vec<(String, Vec<u8>)>, BundleError> {
    let mut previous: Option<&str> = None;
    for file in &manifest.files {
        if !manifest::path_allowed(&file.path) {
            return Err(BundleError::PathNotAllowed { path: file.path.clone() });
        }
        if let Some(previous) = previous {
            if previous == file.path {
                return Err(BundleError::ManifestDuplicatePath { path: file.path.clone() });
            }
            if previous > file.path.as_str() {
                return Err(BundleError::ManifestOrder { path: file.path.clone() });
            }
        }
        previous = Some(&file.path);
    }
    for required in [manifest::RESULTS, manifest::JOURNAL] {
        if !manifest.files.iter().any(|file| file.path == required) {
            return Err(BundleError::MissingEntry { name: required.to_owned() });
        }
    }
    for (name, _) in entries {
        let listed = name == manifest::MANIFEST || name == manifest::ENVELOPE || manifest.files.iter().any(|f| &f.path == name);
        if !listed {
            return Err(BundleError::ExtraEntry { name: name.clone() });
        }
    }
    let mut files = Vec::with_capacity(manifest.files.len());
    for file in &manifest.files {
        let bytes = entry(entries, &file.path)?;
        if bytes.len() as u64 != file.size {
            return Err(BundleError::SizeMismatch { path: file.path.clone() });
        }
        if sha256_hex(bytes) != file.sha256 {
            return Err(BundleError::HashMismatch { path: file.path.clone() });
        }
        files.push((file.path.clone(), bytes.to_vec()));
    }
    Ok(files)
}

/// Step 6: the station key the journal names and every checkpoint.
fn check_keys_and_checkpoints(
    events: &[ChainedEvent],
    manifest: &Manifest,
    registered: &PublicKey,
) -> Result<Vec<CheckpointInfo>, BundleError> {
    let mut station_key: Option<PublicKey> = None;
    let mut checkpoints = Vec::new();
    for chained in events {
        match &chained.event {
            Event::StationKeyRegistered { key } => {
                let journaled = PublicKey { algorithm: crate::keys::Algorithm::Ed25519, public_key: key.public_key.clone() };
                if key.algorithm != domain::checkpoint::STATION_KEY_ALGORITHM || &journaled != registered {
                    return Err(BundleError::StationKeyMismatch {
                        found: journaled.fingerprint(),
                        registered: registered.fingerprint(),
                    });
                }
                station_key = Some(journaled);
            }
            Event::CheckpointSigned { checkpoint } => {
                let invalid = BundleError::CheckpointInvalid { seq: chained.seq };
                let key = station_key.as_ref().ok_or_else(|| invalid.clone())?;
                // A checkpoint covers the entries before it, up to the one just before.
                if checkpoint.count + 1 != chained.seq || checkpoint.head != hex::encode(chained.prev_hash) {
                    return Err(invalid);
                }
                let signature = hex::decode(&checkpoint.signature).map_err(|_| invalid.clone())?;
                let message = checkpoint_message(&manifest.election, &manifest.station, checkpoint.count, &chained.prev_hash);
                if !key.verifies(&message, &signature) {
                    return Err(invalid);
                }
                checkpoints.push(CheckpointInfo {
                    seq: chained.seq,
                    at: checkpoint.at,
                    count: checkpoint.count,
                    head: checkpoint.head.clone(),
                    fingerprint: checkpoint.fingerprint(),
                });
            }
            _ => {}
        }
    }
    if station_key.is_none() {
        return Err(BundleError::JournalNoStationKey);
    }
    Ok(checkpoints)
}

/// Where two results first differ: a contest's id, or the name of a heading field.
fn first_difference(claimed: &StationResults, replayed: &StationResults) -> String {
    let headings: [(&str, bool); 9] = [
        ("format", claimed.format != replayed.format),
        ("election", claimed.election != replayed.election),
        ("station", claimed.station != replayed.station),
        ("station_kind", claimed.station_kind != replayed.station_kind),
        ("district", claimed.district != replayed.district),
        ("training", claimed.training != replayed.training),
        ("form", claimed.form != replayed.form),
        ("protocol_number", claimed.protocol_number != replayed.protocol_number),
        ("signed_at", claimed.signed_at != replayed.signed_at),
    ];
    if let Some((name, _)) = headings.iter().find(|(_, differs)| *differs) {
        return (*name).to_owned();
    }
    for (index, replayed_contest) in replayed.contests.iter().enumerate() {
        if claimed.contests.get(index) != Some(replayed_contest) {
            return replayed_contest.protocol.contest.clone();
        }
    }
    claimed.contests.get(replayed.contests.len()).map(|c| c.protocol.contest.clone()).unwrap_or_default()
}

fn results_problem(problem: &ResultsProblem) -> String {
    match problem {
        ResultsProblem::NotSigned => "not-signed".to_owned(),
        ResultsProblem::NotAgreed { contest } => format!("not-agreed {contest}"),
        ResultsProblem::SignedDiffers { contest } => format!("signed-differs {contest}"),
        ResultsProblem::Form => "form".to_owned(),
    }
}

/// The station a bundle says it is from, read from its manifest without checking
/// anything: only to file a refused bundle under the station it claims (never to trust
/// it). `None` when the container or the manifest cannot be read within `limits`.
pub fn claimed_station(bytes: &[u8], limits: &Limits) -> Option<String> {
    let entries = container::read_entries(bytes, limits).ok()?;
    let manifest = entry(&entries, manifest::MANIFEST).ok()?;
    if !crate::json::depth_within(manifest, limits.max_json_depth) {
        return None;
    }
    let value: serde_json::Value = serde_json::from_slice(manifest).ok()?;
    let station = value.get("station")?.as_str()?;
    let printable = !station.is_empty() && station.len() <= 40 && station.chars().all(|c| !c.is_control());
    printable.then(|| station.to_owned())
}

/// Reads and verifies a bundle from memory against the district's registry. Nothing is
/// written anywhere; every refusal names what is wrong (see the module doc for the
/// order of the checks).
pub fn read_and_verify(bytes: &[u8], registry: &Registry, options: &VerifyOptions) -> Result<VerifiedBundle, BundleError> {
    verify(bytes, registry, options, Relations::Refuse)
}

/// [`read_and_verify`] without step 8, for the district commission's summary table:
/// a protocol whose figures break a control relation, signed by the station's key and
/// recomputed by the replay, is evidence the commission must see and decide on (a
/// recount, §78; setting it aside, §80), not a file to turn away. The summary
/// (`domain::dec::summary`) checks the same relations and flags every one broken.
pub fn read_and_verify_for_summary(
    bytes: &[u8],
    registry: &Registry,
    options: &VerifyOptions,
) -> Result<VerifiedBundle, BundleError> {
    verify(bytes, registry, options, Relations::LeftToTheSummary)
}

/// Whether step 8 refuses a bundle whose figures break a control relation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Relations {
    Refuse,
    LeftToTheSummary,
}

fn verify(bytes: &[u8], registry: &Registry, options: &VerifyOptions, relations: Relations) -> Result<VerifiedBundle, BundleError> {
    let limits = &options.limits;
    // 1. The container.
    let entries = container::read_entries(bytes, limits)?;

    // 2. The envelope and the manifest's bytes.
    let manifest_bytes = entry(&entries, manifest::MANIFEST)?;
    let envelope_bytes = entry(&entries, manifest::ENVELOPE)?;
    if !crate::json::depth_within(envelope_bytes, limits.max_json_depth) {
        return Err(BundleError::JsonTooDeep { name: manifest::ENVELOPE.to_owned(), limit: limits.max_json_depth });
    }
    let opened = dsse::open(envelope_bytes, |detail| BundleError::EnvelopeInvalid { detail })?;
    if opened.payload_type != dsse::MANIFEST_TYPE {
        return Err(BundleError::PayloadType { found: opened.payload_type.chars().take(80).collect() });
    }
    if opened.payload != manifest_bytes {
        return Err(BundleError::ManifestMismatch);
    }
    if !crate::json::depth_within(manifest_bytes, limits.max_json_depth) {
        return Err(BundleError::JsonTooDeep { name: manifest::MANIFEST.to_owned(), limit: limits.max_json_depth });
    }
    let manifest: Manifest = serde_json::from_slice(manifest_bytes)
        .map_err(|error| BundleError::ManifestInvalid { detail: error.to_string() })?;

    // 3. The signatures.
    let (station, signers) = check_signatures(&opened, &manifest, registry)?;

    // 4. The manifest against the registry and the options.
    if manifest.format != manifest::FORMAT {
        return Err(BundleError::UnsupportedFormat { found: u64::from(manifest.format), supported: u64::from(manifest::FORMAT) });
    }
    same_election(&manifest.election, manifest.training, registry)?;
    if let Some(minimum) = options.min_sequence.filter(|minimum| manifest.sequence < *minimum) {
        return Err(BundleError::Replayed { sequence: manifest.sequence, minimum });
    }

    // 5. The files, then the layout of the whole zip.
    let files = check_files(&manifest, &entries)?;
    let mut canonical: Vec<(&str, &[u8])> = vec![(manifest::MANIFEST, manifest_bytes), (manifest::ENVELOPE, envelope_bytes)];
    canonical.extend(files.iter().map(|(path, bytes)| (path.as_str(), bytes.as_slice())));
    if container::write_canonical(&canonical)? != bytes {
        return Err(BundleError::NotCanonical);
    }

    // 6. The journal.
    let results_bytes = entry(&files, manifest::RESULTS)?;
    if !crate::json::depth_within(results_bytes, limits.max_json_depth) {
        return Err(BundleError::JsonTooDeep { name: manifest::RESULTS.to_owned(), limit: limits.max_json_depth });
    }
    let claimed: StationResults = serde_json::from_slice(results_bytes)
        .map_err(|error| BundleError::ResultsInvalid { detail: error.to_string() })?;
    let (events, head) =
        journal::verify_chain(entry(&files, manifest::JOURNAL)?, limits.max_journal_line, limits.max_json_depth)?;
    match events.first().map(|chained| &chained.event) {
        Some(Event::ElectionLoaded { definition, .. })
            if definition.id == manifest.election && definition.station.number == manifest.station => {}
        Some(Event::ElectionLoaded { definition, .. }) => {
            return Err(BundleError::JournalOtherStation {
                election: definition.id.clone(),
                station: definition.station.number.clone(),
            });
        }
        _ => return Err(BundleError::JournalOtherStation { election: String::new(), station: String::new() }),
    }
    let checkpoints = check_keys_and_checkpoints(&events, &manifest, &station.key)?;
    if manifest.checkpoint.count != head.count || manifest.checkpoint.head != head.hex() {
        return Err(BundleError::CheckpointMismatch { claimed: manifest.checkpoint.count, found: head.count });
    }

    // 7. The replay.
    let state = events.iter().fold(DayState::default(), |state, chained| domain::apply(state, &chained.event));
    let replayed = domain::results::compute(&state).map_err(|problem| BundleError::NoResults { reason: results_problem(&problem) })?;
    if claimed != replayed {
        return Err(BundleError::ResultsDiffer { contest: first_difference(&claimed, &replayed) });
    }
    if claimed.election != manifest.election || claimed.station != manifest.station {
        return Err(BundleError::JournalOtherStation { election: claimed.election.clone(), station: claimed.station.clone() });
    }
    if claimed.training != manifest.training {
        return Err(BundleError::TrainingMismatch);
    }

    // 8. The control relations.
    let election = state.election.as_ref().ok_or_else(|| BundleError::NoResults { reason: "no election".into() })?;
    let form = protocol::form_for(election.station.kind).map_err(|_| BundleError::NoResults { reason: "form".into() })?;
    for result in claimed.contests.iter().filter(|_| relations == Relations::Refuse) {
        let contest = election
            .contests
            .iter()
            .find(|contest| contest.id == result.protocol.contest)
            .ok_or_else(|| BundleError::ResultsDiffer { contest: result.protocol.contest.clone() })?;
        let violations = protocol::check(form, contest, &result.protocol);
        if !violations.is_empty() {
            return Err(BundleError::RelationsViolated { contest: contest.designation.clone(), count: violations.len() as u64 });
        }
    }

    Ok(VerifiedBundle {
        manifest,
        results: claimed,
        head,
        checkpoints,
        signers,
        state,
        files,
        sha256: hex::encode(digest::digest(&digest::SHA256, bytes)),
    })
}
