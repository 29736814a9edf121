//! The scenarios shipped in `assets/scenarios/`, and any other scenario file checked
//! against the demo election it names.

use domain::DomainError;
use domain::scenario::{self, Scenario, ScenarioDemo};

use crate::demo::Demo;
use crate::error::ApiError;

macro_rules! shipped {
    ($($id:literal),* $(,)?) => {
        [$(($id, include_str!(concat!("../../../../../assets/scenarios/", $id, ".toml")))),*]
    };
}

/// Every shipped scenario: its id and its text.
pub const SHIPPED: [(&str, &str); 9] = shipped!(
    "aeu-failures",
    "identification-trouble",
    "printer-jam",
    "power-cut",
    "portable-box-excess",
    "aeu-miscount-recount",
    "count-night",
    "duplicate-twice",
    "citizen-observer",
);

/// The demo a scenario runs on.
pub fn demo_of(demo: ScenarioDemo) -> Demo {
    match demo {
        ScenarioDemo::Remote => Demo::RemoteVoting,
        ScenarioDemo::City => Demo::CityCouncil,
    }
}

/// Parses a scenario and checks its contests and options against its demo's election:
/// every problem found, each naming its field.
pub fn parse(text: &str) -> Result<Scenario, Vec<DomainError>> {
    let scenario = scenario::parse_scenario(text)?;
    let election = demo_of(scenario.demo).definition_as_shipped().map_err(|error| {
        vec![DomainError::new("training.demo-unreadable", "training-error-demo-unreadable").with("detail", error.message)]
    })?;
    let problems = scenario::check_against(&scenario, &election);
    if problems.is_empty() { Ok(scenario) } else { Err(problems) }
}

/// A shipped scenario by its id.
pub fn shipped(id: &str) -> Result<Scenario, ApiError> {
    let (_, text) = SHIPPED
        .iter()
        .find(|(shipped, _)| *shipped == id)
        .ok_or_else(|| ApiError::new("training.unknown-scenario", "training-error-unknown-scenario").with("scenario", id))?;
    parse(text).map_err(|problems| ApiError::from_domain_list(&problems))
}

/// Every shipped scenario, parsed.
pub fn all_shipped() -> Result<Vec<Scenario>, ApiError> {
    SHIPPED.iter().map(|(id, _)| shipped(id)).collect()
}
