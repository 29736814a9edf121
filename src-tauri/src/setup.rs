//! What the app is started with: where its data lives, which side it serves (a station
//! or a district commission), which clock and which devices.

use std::path::PathBuf;
use std::sync::Arc;

use anyhow::Context;
use api::dec::{Dec, DecConfig};
use api::mode::AppMode;
use api::{Clock, Demo, DemoStage, OffsetClock, Station, StationConfig, SystemClock, TrainingClock};

/// `UCHASTOK_LOG` (e.g. `debug`) sets the level; logs go to stderr.
pub fn logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_env("UCHASTOK_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).init();
}

/// The data directory: `UCHASTOK_DATA_DIR`, else the user's data directory.
pub fn data_dir() -> anyhow::Result<PathBuf> {
    match std::env::var_os("UCHASTOK_DATA_DIR") {
        Some(dir) => Ok(PathBuf::from(dir)),
        None => Ok(dirs::data_dir().context("no user data directory")?.join("uchastok")),
    }
}

fn clock() -> anyhow::Result<Arc<dyn Clock>> {
    Ok(match std::env::var("UCHASTOK_CLOCK_START") {
        Ok(start) => {
            let start = chrono::DateTime::parse_from_rfc3339(&start)
                .with_context(|| format!("UCHASTOK_CLOCK_START={start} is not an RFC 3339 time"))?;
            Arc::new(OffsetClock::starting_at(start.to_utc()))
        }
        Err(_) => Arc::new(SystemClock),
    })
}

/// The station's clock: a training clock from `UCHASTOK_CLOCK_START` (else now), at ×1.
/// Its controls (pause, speed, jumps) are refused unless the election is a mock one, so
/// a real station's clock simply runs.
fn station_clock() -> anyhow::Result<Arc<dyn Clock>> {
    let start = match std::env::var("UCHASTOK_CLOCK_START") {
        Ok(start) => chrono::DateTime::parse_from_rfc3339(&start)
            .with_context(|| format!("UCHASTOK_CLOCK_START={start} is not an RFC 3339 time"))?
            .to_utc(),
        Err(_) => chrono::Utc::now(),
    };
    Ok(Arc::new(TrainingClock::starting_at(start)))
}

/// Which side the app serves: `UCHASTOK_MODE` (`station` or `dec`) when set (demos,
/// tests), else the choice remembered in the data directory, else none yet — the
/// window then asks.
pub fn mode() -> anyhow::Result<Option<AppMode>> {
    match std::env::var("UCHASTOK_MODE") {
        Ok(name) if !name.trim().is_empty() => {
            Ok(Some(AppMode::from_name(&name).with_context(|| format!("unknown UCHASTOK_MODE {name}"))?))
        }
        _ => Ok(api::mode::remembered(&data_dir()?)),
    }
}

/// The district commission on the data directory, with the same clock settings.
pub fn dec() -> anyhow::Result<Dec> {
    let data_dir = data_dir()?;
    tracing::info!(data_dir = %data_dir.display(), "opening the district commission");
    Dec::open(DecConfig { data_dir, clock: clock()? }).map_err(|error| anyhow::anyhow!("{error}"))
}

/// The station as configured by the environment:
/// - `UCHASTOK_DATA_DIR`: the database's folder (default: the user's data directory);
/// - `UCHASTOK_CLOCK_START`: an RFC 3339 instant the clock starts from (demos, tests);
/// - `UCHASTOK_DEMO`: `remote` (default) or `city`, the demo loaded into a new journal;
/// - `UCHASTOK_DEMO_STAGE`: `start` (default), `polls-open`: a new demo journal gets the
///   opening meeting recorded at its times and the polls open at 08:00, or `closed`: the
///   whole voting day with simulated voters and the polls closed at 20:00, the app
///   opening at the count (needs `UCHASTOK_CLOCK_START` after 20:00 of voting day).
pub fn station() -> anyhow::Result<Station> {
    let data_dir = data_dir()?;
    let clock = station_clock()?;
    let demo = match std::env::var("UCHASTOK_DEMO") {
        Ok(name) => Some(Demo::from_name(&name).with_context(|| format!("unknown demo {name}"))?),
        Err(_) => Some(Demo::RemoteVoting),
    };
    let stage = match std::env::var("UCHASTOK_DEMO_STAGE") {
        Ok(name) => DemoStage::from_name(&name).with_context(|| format!("unknown demo stage {name}"))?,
        Err(_) => DemoStage::Start,
    };
    tracing::info!(data_dir = %data_dir.display(), "opening the station");
    let station = Station::open(StationConfig::simulated(data_dir, clock, demo, sim::DEFAULT_SEED))
        .map_err(|error| anyhow::anyhow!("{error}"))?;
    if let Err(error) = station.prepare_demo(stage) {
        // On a day already under way the stage is ignored: the journal is never rewritten.
        tracing::warn!(?error, "the demo stage was not prepared");
    }
    Ok(station)
}
