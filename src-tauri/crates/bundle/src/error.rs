//! Why a bundle, a registry or a paper protocol is refused: one variant per reason, each
//! with a stable code (`bundle.…`), a Fluent message id (`bundle-error-…` in
//! `locales/{ky,ru}/bundle.ftl`) and its arguments, the same way as
//! [`domain::DomainError`]. Names in arguments are entry paths or key fingerprints,
//! never content.

use std::collections::BTreeMap;

use domain::MessageArg;

/// A refusal. Verification stops at the first one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BundleError {
    // The container.
    #[error("the bundle is {size} bytes, more than {limit}")]
    TooLarge { size: u64, limit: u64 },
    #[error("not a zip file: {detail}")]
    NotAZip { detail: String },
    #[error("{count} entries, more than {limit}")]
    TooManyEntries { count: u64, limit: u64 },
    #[error("entry name {name:?} is not allowed in a bundle")]
    UnsafeName { name: String },
    #[error("entry {name} is a symbolic link")]
    Symlink { name: String },
    #[error("entry {name} is a directory")]
    Directory { name: String },
    #[error("entry {name} is encrypted")]
    Encrypted { name: String },
    #[error("entry {name} appears twice")]
    DuplicateEntry { name: String },
    #[error("entry {name} is {size} bytes, more than {limit}")]
    EntryTooLarge { name: String, size: u64, limit: u64 },
    #[error("entry {name} would expand {ratio} times, more than {limit}")]
    CompressionRatio { name: String, ratio: u64, limit: u64 },
    #[error("entry {name} is compressed; bundle entries are stored")]
    Compressed { name: String },
    #[error("entry {name} cannot be read: {detail}")]
    EntryDamaged { name: String, detail: String },
    #[error("entry {name} is missing")]
    MissingEntry { name: String },
    #[error("entry {name} is not listed in the manifest")]
    ExtraEntry { name: String },
    #[error("the zip's layout is not the canonical one")]
    NotCanonical,
    #[error("{name}: JSON nested deeper than {limit}")]
    JsonTooDeep { name: String, limit: u64 },

    // The envelope and its signatures.
    #[error("the signature envelope cannot be read: {detail}")]
    EnvelopeInvalid { detail: String },
    #[error("the envelope signs {found}, not a bundle manifest")]
    PayloadType { found: String },
    #[error("manifest.json differs from the signed manifest")]
    ManifestMismatch,
    #[error("no signature")]
    NoSignature,
    #[error("key {key} signed twice")]
    DuplicateSignature { key: String },
    #[error("the signature of key {key} does not verify")]
    BadSignature { key: String },
    #[error("key {key} is not in the registry")]
    UnregisteredKey { key: String },
    #[error("key {key} is registered for station {registered}, the bundle is of station {station}")]
    OtherStationKey { key: String, registered: String, station: String },
    #[error("the station's own key did not sign")]
    NotSignedByStation { station: String },
    #[error("key {key} is valid from {from} until {until}, the bundle was made at {at}")]
    KeyNotValid { key: String, from: String, until: String, at: String },

    // The manifest against the registry and the options.
    #[error("the manifest cannot be read: {detail}")]
    ManifestInvalid { detail: String },
    #[error("bundle format {found}, this build reads {supported}")]
    UnsupportedFormat { found: u64, supported: u64 },
    #[error("bundle of election {found}, the registry is for {expected}")]
    WrongElection { found: String, expected: String },
    #[error("station {station} is not in the registry")]
    StationNotRegistered { station: String },
    #[error("a training bundle, refused by a real district commission")]
    TrainingRefused,
    #[error("a real bundle, refused by a district commission in training")]
    RealInTraining,
    #[error("bundle number {sequence}, but number {minimum} was already taken")]
    Replayed { sequence: u64, minimum: u64 },

    // The files the manifest lists.
    #[error("path {path:?} is not allowed in a bundle")]
    PathNotAllowed { path: String },
    #[error("the manifest lists {path} twice")]
    ManifestDuplicatePath { path: String },
    #[error("the manifest's files are not in order at {path}")]
    ManifestOrder { path: String },
    #[error("{path} is not the size the manifest says")]
    SizeMismatch { path: String },
    #[error("{path} is not what the manifest's hash says")]
    HashMismatch { path: String },

    // The results and the journal.
    #[error("results.json cannot be read: {detail}")]
    ResultsInvalid { detail: String },
    #[error("journal line {line} cannot be read: {detail}")]
    JournalInvalid { line: u64, detail: String },
    #[error("the journal is empty")]
    JournalEmpty,
    #[error("journal entry {seq} is missing")]
    JournalGap { seq: u64 },
    #[error("journal entry {seq} is out of order")]
    JournalReordered { seq: u64 },
    #[error("the hash chain is broken at entry {seq}")]
    ChainBroken { seq: u64 },
    #[error("entry {seq}'s event cannot be read: {detail}")]
    EventUnreadable { seq: u64, detail: String },
    #[error("entry {seq}'s kind or time disagree with its event")]
    EventMismatch { seq: u64 },
    #[error("the journal is of election {election}, station {station}")]
    JournalOtherStation { election: String, station: String },
    #[error("the journal holds no station key")]
    JournalNoStationKey,
    #[error("the journal's station key {found} is not the registered key {registered}")]
    StationKeyMismatch { found: String, registered: String },
    #[error("the checkpoint at entry {seq} is not valid")]
    CheckpointInvalid { seq: u64 },
    #[error("the manifest's checkpoint ({claimed}) is not the journal's head ({found})")]
    CheckpointMismatch { claimed: u64, found: u64 },
    #[error("the journal gives no results: {reason}")]
    NoResults { reason: String },
    #[error("results.json differs from the replay of the journal in {contest}")]
    ResultsDiffer { contest: String },
    #[error("the manifest, the results and the election disagree on training")]
    TrainingMismatch,
    #[error("contest {contest}: {count} control relations do not hold")]
    RelationsViolated { contest: String, count: u64 },

    // The district's registry.
    #[error("the registry cannot be read: {detail}")]
    RegistryInvalid { detail: String },
    #[error("the registry's signature does not verify")]
    RegistryBadSignature,
    #[error("the registry is signed by {found}, expected {expected}")]
    RegistryOtherSigner { found: String, expected: String },
    #[error("station {station} is registered twice")]
    RegistryDuplicateStation { station: String },
    #[error("key {key} is registered twice")]
    RegistryKeyReused { key: String },

    // The signed results on paper.
    #[error("QR code {index} is not part of a signed protocol: {detail}")]
    PaperInvalid { index: u64, detail: String },
    #[error("QR codes of {have} parts, {need} needed")]
    PaperIncomplete { have: u64, need: u64 },
    #[error("the QR codes belong to different protocols")]
    PaperMixed,

    // Making a bundle.
    #[error("the bundle cannot be made: {detail}")]
    Write { detail: String },
    #[error("signing failed: {detail}")]
    Sign { detail: String },
}

fn number(value: u64) -> MessageArg {
    MessageArg::Number(i64::try_from(value).unwrap_or(i64::MAX))
}

fn text(value: &str) -> MessageArg {
    MessageArg::Text(value.to_owned())
}

impl BundleError {
    /// Stable machine code, e.g. `bundle.hash-mismatch`.
    pub fn code(&self) -> &'static str {
        match self {
            BundleError::TooLarge { .. } => "bundle.too-large",
            BundleError::NotAZip { .. } => "bundle.not-a-zip",
            BundleError::TooManyEntries { .. } => "bundle.too-many-entries",
            BundleError::UnsafeName { .. } => "bundle.unsafe-name",
            BundleError::Symlink { .. } => "bundle.symlink",
            BundleError::Directory { .. } => "bundle.directory",
            BundleError::Encrypted { .. } => "bundle.encrypted",
            BundleError::DuplicateEntry { .. } => "bundle.duplicate-entry",
            BundleError::EntryTooLarge { .. } => "bundle.entry-too-large",
            BundleError::CompressionRatio { .. } => "bundle.compression-ratio",
            BundleError::Compressed { .. } => "bundle.compressed",
            BundleError::EntryDamaged { .. } => "bundle.entry-damaged",
            BundleError::MissingEntry { .. } => "bundle.missing-entry",
            BundleError::ExtraEntry { .. } => "bundle.extra-entry",
            BundleError::NotCanonical => "bundle.not-canonical",
            BundleError::JsonTooDeep { .. } => "bundle.json-too-deep",
            BundleError::EnvelopeInvalid { .. } => "bundle.envelope-invalid",
            BundleError::PayloadType { .. } => "bundle.payload-type",
            BundleError::ManifestMismatch => "bundle.manifest-mismatch",
            BundleError::NoSignature => "bundle.no-signature",
            BundleError::DuplicateSignature { .. } => "bundle.duplicate-signature",
            BundleError::BadSignature { .. } => "bundle.bad-signature",
            BundleError::UnregisteredKey { .. } => "bundle.unregistered-key",
            BundleError::OtherStationKey { .. } => "bundle.other-station-key",
            BundleError::NotSignedByStation { .. } => "bundle.not-signed-by-station",
            BundleError::KeyNotValid { .. } => "bundle.key-not-valid",
            BundleError::ManifestInvalid { .. } => "bundle.manifest-invalid",
            BundleError::UnsupportedFormat { .. } => "bundle.unsupported-format",
            BundleError::WrongElection { .. } => "bundle.wrong-election",
            BundleError::StationNotRegistered { .. } => "bundle.station-not-registered",
            BundleError::TrainingRefused => "bundle.training-refused",
            BundleError::RealInTraining => "bundle.real-in-training",
            BundleError::Replayed { .. } => "bundle.replayed",
            BundleError::PathNotAllowed { .. } => "bundle.path-not-allowed",
            BundleError::ManifestDuplicatePath { .. } => "bundle.manifest-duplicate-path",
            BundleError::ManifestOrder { .. } => "bundle.manifest-order",
            BundleError::SizeMismatch { .. } => "bundle.size-mismatch",
            BundleError::HashMismatch { .. } => "bundle.hash-mismatch",
            BundleError::ResultsInvalid { .. } => "bundle.results-invalid",
            BundleError::JournalInvalid { .. } => "bundle.journal-invalid",
            BundleError::JournalEmpty => "bundle.journal-empty",
            BundleError::JournalGap { .. } => "bundle.journal-gap",
            BundleError::JournalReordered { .. } => "bundle.journal-reordered",
            BundleError::ChainBroken { .. } => "bundle.chain-broken",
            BundleError::EventUnreadable { .. } => "bundle.event-unreadable",
            BundleError::EventMismatch { .. } => "bundle.event-mismatch",
            BundleError::JournalOtherStation { .. } => "bundle.journal-other-station",
            BundleError::JournalNoStationKey => "bundle.journal-no-station-key",
            BundleError::StationKeyMismatch { .. } => "bundle.station-key-mismatch",
            BundleError::CheckpointInvalid { .. } => "bundle.checkpoint-invalid",
            BundleError::CheckpointMismatch { .. } => "bundle.checkpoint-mismatch",
            BundleError::NoResults { .. } => "bundle.no-results",
            BundleError::ResultsDiffer { .. } => "bundle.results-differ",
            BundleError::TrainingMismatch => "bundle.training-mismatch",
            BundleError::RelationsViolated { .. } => "bundle.relations-violated",
            BundleError::RegistryInvalid { .. } => "bundle.registry-invalid",
            BundleError::RegistryBadSignature => "bundle.registry-bad-signature",
            BundleError::RegistryOtherSigner { .. } => "bundle.registry-other-signer",
            BundleError::RegistryDuplicateStation { .. } => "bundle.registry-duplicate-station",
            BundleError::RegistryKeyReused { .. } => "bundle.registry-key-reused",
            BundleError::PaperInvalid { .. } => "bundle.paper-invalid",
            BundleError::PaperIncomplete { .. } => "bundle.paper-incomplete",
            BundleError::PaperMixed => "bundle.paper-mixed",
            BundleError::Write { .. } => "bundle.write",
            BundleError::Sign { .. } => "bundle.sign",
        }
    }

    /// Fluent message id in `locales/*/bundle.ftl`: `bundle-error-` and the code's
    /// last part.
    pub fn message_id(&self) -> &'static str {
        match self {
            BundleError::TooLarge { .. } => "bundle-error-too-large",
            BundleError::NotAZip { .. } => "bundle-error-not-a-zip",
            BundleError::TooManyEntries { .. } => "bundle-error-too-many-entries",
            BundleError::UnsafeName { .. } => "bundle-error-unsafe-name",
            BundleError::Symlink { .. } => "bundle-error-symlink",
            BundleError::Directory { .. } => "bundle-error-directory",
            BundleError::Encrypted { .. } => "bundle-error-encrypted",
            BundleError::DuplicateEntry { .. } => "bundle-error-duplicate-entry",
            BundleError::EntryTooLarge { .. } => "bundle-error-entry-too-large",
            BundleError::CompressionRatio { .. } => "bundle-error-compression-ratio",
            BundleError::Compressed { .. } => "bundle-error-compressed",
            BundleError::EntryDamaged { .. } => "bundle-error-entry-damaged",
            BundleError::MissingEntry { .. } => "bundle-error-missing-entry",
            BundleError::ExtraEntry { .. } => "bundle-error-extra-entry",
            BundleError::NotCanonical => "bundle-error-not-canonical",
            BundleError::JsonTooDeep { .. } => "bundle-error-json-too-deep",
            BundleError::EnvelopeInvalid { .. } => "bundle-error-envelope-invalid",
            BundleError::PayloadType { .. } => "bundle-error-payload-type",
            BundleError::ManifestMismatch => "bundle-error-manifest-mismatch",
            BundleError::NoSignature => "bundle-error-no-signature",
            BundleError::DuplicateSignature { .. } => "bundle-error-duplicate-signature",
            BundleError::BadSignature { .. } => "bundle-error-bad-signature",
            BundleError::UnregisteredKey { .. } => "bundle-error-unregistered-key",
            BundleError::OtherStationKey { .. } => "bundle-error-other-station-key",
            BundleError::NotSignedByStation { .. } => "bundle-error-not-signed-by-station",
            BundleError::KeyNotValid { .. } => "bundle-error-key-not-valid",
            BundleError::ManifestInvalid { .. } => "bundle-error-manifest-invalid",
            BundleError::UnsupportedFormat { .. } => "bundle-error-unsupported-format",
            BundleError::WrongElection { .. } => "bundle-error-wrong-election",
            BundleError::StationNotRegistered { .. } => "bundle-error-station-not-registered",
            BundleError::TrainingRefused => "bundle-error-training-refused",
            BundleError::RealInTraining => "bundle-error-real-in-training",
            BundleError::Replayed { .. } => "bundle-error-replayed",
            BundleError::PathNotAllowed { .. } => "bundle-error-path-not-allowed",
            BundleError::ManifestDuplicatePath { .. } => "bundle-error-manifest-duplicate-path",
            BundleError::ManifestOrder { .. } => "bundle-error-manifest-order",
            BundleError::SizeMismatch { .. } => "bundle-error-size-mismatch",
            BundleError::HashMismatch { .. } => "bundle-error-hash-mismatch",
            BundleError::ResultsInvalid { .. } => "bundle-error-results-invalid",
            BundleError::JournalInvalid { .. } => "bundle-error-journal-invalid",
            BundleError::JournalEmpty => "bundle-error-journal-empty",
            BundleError::JournalGap { .. } => "bundle-error-journal-gap",
            BundleError::JournalReordered { .. } => "bundle-error-journal-reordered",
            BundleError::ChainBroken { .. } => "bundle-error-chain-broken",
            BundleError::EventUnreadable { .. } => "bundle-error-event-unreadable",
            BundleError::EventMismatch { .. } => "bundle-error-event-mismatch",
            BundleError::JournalOtherStation { .. } => "bundle-error-journal-other-station",
            BundleError::JournalNoStationKey => "bundle-error-journal-no-station-key",
            BundleError::StationKeyMismatch { .. } => "bundle-error-station-key-mismatch",
            BundleError::CheckpointInvalid { .. } => "bundle-error-checkpoint-invalid",
            BundleError::CheckpointMismatch { .. } => "bundle-error-checkpoint-mismatch",
            BundleError::NoResults { .. } => "bundle-error-no-results",
            BundleError::ResultsDiffer { .. } => "bundle-error-results-differ",
            BundleError::TrainingMismatch => "bundle-error-training-mismatch",
            BundleError::RelationsViolated { .. } => "bundle-error-relations-violated",
            BundleError::RegistryInvalid { .. } => "bundle-error-registry-invalid",
            BundleError::RegistryBadSignature => "bundle-error-registry-bad-signature",
            BundleError::RegistryOtherSigner { .. } => "bundle-error-registry-other-signer",
            BundleError::RegistryDuplicateStation { .. } => "bundle-error-registry-duplicate-station",
            BundleError::RegistryKeyReused { .. } => "bundle-error-registry-key-reused",
            BundleError::PaperInvalid { .. } => "bundle-error-paper-invalid",
            BundleError::PaperIncomplete { .. } => "bundle-error-paper-incomplete",
            BundleError::PaperMixed => "bundle-error-paper-mixed",
            BundleError::Write { .. } => "bundle-error-write",
            BundleError::Sign { .. } => "bundle-error-sign",
        }
    }

    /// The message's arguments.
    pub fn args(&self) -> BTreeMap<String, MessageArg> {
        let pairs: Vec<(&str, MessageArg)> = match self {
            BundleError::TooLarge { size, limit } => vec![("size", number(*size)), ("limit", number(*limit))],
            BundleError::NotAZip { detail }
            | BundleError::EnvelopeInvalid { detail }
            | BundleError::ManifestInvalid { detail }
            | BundleError::ResultsInvalid { detail }
            | BundleError::RegistryInvalid { detail }
            | BundleError::Write { detail }
            | BundleError::Sign { detail } => vec![("detail", text(detail))],
            BundleError::TooManyEntries { count, limit } => vec![("count", number(*count)), ("limit", number(*limit))],
            BundleError::UnsafeName { name }
            | BundleError::Symlink { name }
            | BundleError::Directory { name }
            | BundleError::Encrypted { name }
            | BundleError::DuplicateEntry { name }
            | BundleError::Compressed { name }
            | BundleError::MissingEntry { name }
            | BundleError::ExtraEntry { name } => vec![("name", text(name))],
            BundleError::EntryTooLarge { name, size, limit } => {
                vec![("name", text(name)), ("size", number(*size)), ("limit", number(*limit))]
            }
            BundleError::CompressionRatio { name, ratio, limit } => {
                vec![("name", text(name)), ("ratio", number(*ratio)), ("limit", number(*limit))]
            }
            BundleError::EntryDamaged { name, detail } => vec![("name", text(name)), ("detail", text(detail))],
            BundleError::JsonTooDeep { name, limit } => vec![("name", text(name)), ("limit", number(*limit))],
            BundleError::NotCanonical
            | BundleError::ManifestMismatch
            | BundleError::NoSignature
            | BundleError::TrainingRefused
            | BundleError::RealInTraining
            | BundleError::JournalEmpty
            | BundleError::JournalNoStationKey
            | BundleError::TrainingMismatch
            | BundleError::RegistryBadSignature
            | BundleError::PaperMixed => Vec::new(),
            BundleError::PayloadType { found } => vec![("found", text(found))],
            BundleError::DuplicateSignature { key }
            | BundleError::BadSignature { key }
            | BundleError::UnregisteredKey { key }
            | BundleError::RegistryKeyReused { key } => vec![("key", text(key))],
            BundleError::OtherStationKey { key, registered, station } => {
                vec![("key", text(key)), ("registered", text(registered)), ("station", text(station))]
            }
            BundleError::NotSignedByStation { station }
            | BundleError::StationNotRegistered { station }
            | BundleError::RegistryDuplicateStation { station } => vec![("station", text(station))],
            BundleError::KeyNotValid { key, from, until, at } => {
                vec![("key", text(key)), ("from", text(from)), ("until", text(until)), ("at", text(at))]
            }
            BundleError::UnsupportedFormat { found, supported } => {
                vec![("found", number(*found)), ("supported", number(*supported))]
            }
            BundleError::WrongElection { found, expected } => vec![("found", text(found)), ("expected", text(expected))],
            BundleError::Replayed { sequence, minimum } => {
                vec![("sequence", number(*sequence)), ("minimum", number(*minimum))]
            }
            BundleError::PathNotAllowed { path }
            | BundleError::ManifestDuplicatePath { path }
            | BundleError::ManifestOrder { path }
            | BundleError::SizeMismatch { path }
            | BundleError::HashMismatch { path } => vec![("path", text(path))],
            BundleError::JournalInvalid { line, detail } => vec![("line", number(*line)), ("detail", text(detail))],
            BundleError::JournalGap { seq }
            | BundleError::JournalReordered { seq }
            | BundleError::ChainBroken { seq }
            | BundleError::EventMismatch { seq }
            | BundleError::CheckpointInvalid { seq } => vec![("seq", number(*seq))],
            BundleError::EventUnreadable { seq, detail } => vec![("seq", number(*seq)), ("detail", text(detail))],
            BundleError::JournalOtherStation { election, station } => {
                vec![("election", text(election)), ("station", text(station))]
            }
            BundleError::StationKeyMismatch { found, registered } => {
                vec![("found", text(found)), ("registered", text(registered))]
            }
            BundleError::CheckpointMismatch { claimed, found } => {
                vec![("claimed", number(*claimed)), ("found", number(*found))]
            }
            BundleError::NoResults { reason } => vec![("reason", text(reason))],
            BundleError::ResultsDiffer { contest } => vec![("contest", text(contest))],
            BundleError::RelationsViolated { contest, count } => vec![("contest", text(contest)), ("count", number(*count))],
            BundleError::RegistryOtherSigner { found, expected } => {
                vec![("found", text(found)), ("expected", text(expected))]
            }
            BundleError::PaperInvalid { index, detail } => vec![("index", number(*index)), ("detail", text(detail))],
            BundleError::PaperIncomplete { have, need } => vec![("have", number(*have)), ("need", number(*need))],
        };
        pairs.into_iter().map(|(name, value)| (name.to_owned(), value)).collect()
    }
}
