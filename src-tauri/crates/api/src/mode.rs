//! Which side of the law the app serves on this computer: a polling station or a
//! district commission. Asked at first start and remembered in a small file of the data
//! directory (`mode`), read before either side's database is opened; a data directory
//! that already holds a station's journal is a station's.

use std::path::Path;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::ApiError;

const MODE_FILE: &str = "mode";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum AppMode {
    /// A polling station's commission (УШК): the day, the count, the bundle.
    Station,
    /// A district commission (ОШК): registered stations, bundles, the summary table.
    Dec,
}

impl AppMode {
    pub fn from_name(name: &str) -> Option<AppMode> {
        match name.trim() {
            "station" | "pec" => Some(AppMode::Station),
            "dec" | "district" => Some(AppMode::Dec),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            AppMode::Station => "station",
            AppMode::Dec => "dec",
        }
    }
}

/// The mode chosen before in `data_dir`, if any: the remembered choice, else a station's
/// when its journal is there (an installation from before the choice existed).
pub fn remembered(data_dir: &Path) -> Option<AppMode> {
    if let Some(mode) = std::fs::read_to_string(data_dir.join(MODE_FILE)).ok().and_then(|text| AppMode::from_name(&text)) {
        return Some(mode);
    }
    data_dir.join("uchastok.db").exists().then_some(AppMode::Station)
}

/// Remembers the choice.
pub fn remember(data_dir: &Path, mode: AppMode) -> Result<(), ApiError> {
    std::fs::create_dir_all(data_dir)
        .and_then(|()| std::fs::write(data_dir.join(MODE_FILE), mode.name()))
        .map_err(|error| {
            ApiError::new("data-dir", "error-data-dir").with("path", data_dir.display().to_string()).with("detail", error.to_string())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_choice_is_remembered_and_an_existing_station_stays_a_station() {
        let dir = tempfile::tempdir().expect("dir");
        assert_eq!(remembered(dir.path()), None);
        remember(dir.path(), AppMode::Dec).expect("remembered");
        assert_eq!(remembered(dir.path()), Some(AppMode::Dec));
        let other = tempfile::tempdir().expect("dir");
        std::fs::write(other.path().join("uchastok.db"), b"").expect("journal");
        assert_eq!(remembered(other.path()), Some(AppMode::Station));
    }
}
