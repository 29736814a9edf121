//! The demo elections shipped in `assets/elections/`, so the app is usable at once.

use chrono::{DateTime, Utc};
use domain::ElectionDefinition;

use crate::error::ApiError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Demo {
    /// Jogorku Kenesh 2025 style, a remote-voting station serving every district.
    RemoteVoting,
    /// A city council by party lists, a regular station.
    CityCouncil,
}

impl Demo {
    pub fn from_name(name: &str) -> Option<Demo> {
        match name {
            "remote" | "remote-voting" | "jk" => Some(Demo::RemoteVoting),
            "city" | "city-council" | "regular" => Some(Demo::CityCouncil),
            _ => None,
        }
    }

    fn source(self) -> &'static str {
        match self {
            Demo::RemoteVoting => include_str!("../../../../assets/elections/demo-jk-2025-remote.toml"),
            Demo::CityCouncil => include_str!("../../../../assets/elections/demo-city-council-regular.toml"),
        }
    }

    /// The demo's definition with its voting day moved to the station's today at
    /// `now`, so that a newcomer who opens the app sees today's procedures.
    pub fn definition(self, now: DateTime<Utc>) -> Result<ElectionDefinition, ApiError> {
        let mut definition = domain::election::parse_definition(self.source())
            .map_err(|problems| ApiError::from_domain_list(&problems))?;
        definition.voting_day = now.with_timezone(&definition.tz()).date_naive();
        Ok(definition)
    }
}
