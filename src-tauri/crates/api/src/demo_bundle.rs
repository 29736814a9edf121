//! What `uchastok demo --out DIR` leaves beside the station's folder for the district's
//! side: the signed bundle of the simulated day (co-signed by the simulated chair's
//! card), the station's public key as the key ceremony would register it, and a key
//! registry signed by a *demo* district key, so that `uchastok verify` can be run on the
//! bundle at once.
//!
//! The demo district key is made from a published constant: anyone can sign a registry
//! with it, which is right for a demo and a training election and wrong for anything
//! else. A real registry is made and signed by the district commission's own side.

use std::path::{Path, PathBuf};

use bundle::{CoSigner, Ed25519Signer, RegisteredStation, Registry, Signer};
use chrono::{Duration, TimeZone as _};
use driver_api::DeviceKind;
use ring::digest;
use serde::Serialize;

use crate::error::ApiError;
use crate::export::{CardSigner, ExportReport, write_atomically};
use crate::station::Station;

/// The file of the station's public key.
pub const STATION_KEY_FILE: &str = "station-key.json";
/// The file of the demo registry.
pub const REGISTRY_FILE: &str = "demo-registry.json";

/// What was written.
#[derive(Debug, Clone)]
pub struct DemoBundle {
    pub bundle: ExportReport,
    pub station_key: PathBuf,
    pub registry: PathBuf,
    /// The station key's fingerprint.
    pub fingerprint: String,
    /// The demo district key's fingerprint (to pin with `--dec-key`).
    pub dec_fingerprint: String,
}

/// The station's public key as a file.
#[derive(Debug, Clone, Serialize)]
struct StationKeyFile {
    election: String,
    station: String,
    key: bundle::PublicKey,
    key_id: String,
    fingerprint: String,
    registration: String,
    /// The members' keys that co-sign the station's bundles (the chair's card), for the
    /// district to register with the station key.
    co_signers: Vec<CoSigner>,
}

/// The demo district commission's key: a published constant, for demos only.
pub fn demo_dec_signer() -> Result<Ed25519Signer, ApiError> {
    let seed = digest::digest(&digest::SHA256, b"uchastok demo district commission key -- never for a real election");
    let mut bytes = [0u8; 32];
    bytes.copy_from_slice(seed.as_ref());
    Ok(Ed25519Signer::from_seed(&bytes)?)
}

fn internal(detail: impl ToString) -> ApiError {
    ApiError::new("internal", "error-internal").with("detail", detail.to_string())
}

/// Writes the bundle into `out/bundles/`, `out/station-key.json` and
/// `out/demo-registry.json`.
pub fn write_demo_bundle(station: &Station, out: &Path) -> Result<DemoBundle, ApiError> {
    let election = station.election()?;
    // The simulated chair's card co-signs, as a chair would at a real station.
    let card = station.device_of(DeviceKind::SmartCard);
    let card = card.as_ref().and_then(|device| device.as_smart_card());
    let co_signer = match card {
        Some(card) if station.simulation.is_some() => {
            card.verify_pin(sim::DEFAULT_PIN).map_err(internal)?;
            Some(CardSigner::new(card)?)
        }
        _ => None,
    };
    let co_signers: Vec<&dyn Signer> = co_signer.iter().map(|signer| signer as &dyn Signer).collect();
    let report = station.export_bundle_to(&out.join(crate::export::BUNDLES_DIR), &co_signers)?;

    let key = station.station_signer()?.public_key();
    let chair = election
        .commission
        .iter()
        .find(|member| member.role == domain::election::Role::Chair)
        .map(|member| member.name.clone())
        .unwrap_or_default();
    let co_signers: Vec<CoSigner> = co_signer
        .iter()
        .map(|signer| CoSigner { role: "chair".to_owned(), name: chair.clone(), key: signer.public_key() })
        .collect();
    let key_file = StationKeyFile {
        election: election.id.clone(),
        station: election.station.number.clone(),
        key_id: key.key_id(),
        fingerprint: key.fingerprint(),
        registration: bundle::keys::registration_text(&election.id, &election.station.number, &key),
        key: key.clone(),
        co_signers: co_signers.clone(),
    };
    let key_json = serde_json::to_vec_pretty(&key_file).map_err(internal)?;
    let station_key = write_atomically(out, STATION_KEY_FILE, &key_json)?;

    let dec = demo_dec_signer()?;
    let voting_day = election.tz().from_local_datetime(&election.voting_day.and_time(chrono::NaiveTime::MIN));
    let midnight = voting_day.earliest().map(|t| t.with_timezone(&chrono::Utc)).unwrap_or_else(|| station.now());
    let registry = Registry {
        format: bundle::registry::REGISTRY_FORMAT,
        election: election.id.clone(),
        training: election.training,
        commission: "demo".to_owned(),
        issued_at: midnight - Duration::days(7),
        dec_key: dec.public_key(),
        stations: vec![RegisteredStation {
            station: election.station.number.clone(),
            key: key.clone(),
            valid_from: midnight - Duration::days(30),
            valid_until: midnight + Duration::days(30),
            co_signers,
        }],
    };
    let registry_path = write_atomically(out, REGISTRY_FILE, &registry.sign(&dec)?)?;
    Ok(DemoBundle {
        bundle: report,
        station_key,
        registry: registry_path,
        fingerprint: key.fingerprint(),
        dec_fingerprint: dec.public_key().fingerprint(),
    })
}
