//! The TypeScript twins of the types that cross IPC are generated from Rust. This test
//! fails when `ui/src/lib/bindings.ts` is stale; `UPDATE_BINDINGS=1 cargo test -p api
//! --test bindings` rewrites it.

use std::path::PathBuf;

use ts_rs::{Config, TS};

fn declaration<T: TS>(config: &Config) -> String {
    let docs = T::docs().map(|docs| format!("{}\n", docs.trim_end())).unwrap_or_default();
    format!("{docs}export {}\n", T::decl(config))
}

fn generated() -> String {
    // Counts and sizes stay far below 2^53, so plain numbers are exact.
    let config = Config::new().with_large_int("number");
    let declarations = [
        declaration::<api::ApiError>(&config),
        declaration::<domain::MessageArg>(&config),
        declaration::<domain::StepId>(&config),
        declaration::<domain::StepState>(&config),
        declaration::<domain::election::ElectionKind>(&config),
        declaration::<domain::election::StationKind>(&config),
        declaration::<domain::election::LocalizedText>(&config),
        declaration::<driver_api::DeviceKind>(&config),
        declaration::<driver_api::DeviceState>(&config),
        declaration::<driver_api::FaultCode>(&config),
        declaration::<driver_api::DeviceStatus>(&config),
        declaration::<api::view::Overview>(&config),
        declaration::<api::view::ElectionView>(&config),
        declaration::<api::view::ClockView>(&config),
        declaration::<api::view::TimelineStep>(&config),
        declaration::<api::view::JournalView>(&config),
        declaration::<api::view::MonitorView>(&config),
        declaration::<api::view::OpeningView>(&config),
        declaration::<api::view::LotView>(&config),
        declaration::<api::documents::DocumentKind>(&config),
        declaration::<domain::Command>(&config),
        declaration::<domain::election::ElectionDefinition>(&config),
        declaration::<domain::election::Contest>(&config),
        declaration::<domain::election::BallotOption>(&config),
        declaration::<domain::election::OptionKind>(&config),
        declaration::<domain::election::Station>(&config),
        declaration::<domain::election::CommissionMember>(&config),
        declaration::<domain::election::Role>(&config),
        declaration::<domain::attendance::Arrival>(&config),
        declaration::<domain::attendance::Attendee>(&config),
        declaration::<domain::attendance::AttendeeCategory>(&config),
        declaration::<domain::attendance::PresentPerson>(&config),
        declaration::<domain::lot::LotPurpose>(&config),
        declaration::<domain::lot::Duty>(&config),
        declaration::<domain::lot::Contribution>(&config),
        declaration::<domain::lot::Assignment>(&config),
        declaration::<domain::lot::LotRecord>(&config),
        declaration::<domain::opening::SafeOpening>(&config),
        declaration::<domain::opening::BoxKind>(&config),
        declaration::<domain::opening::ControlSheet>(&config),
        declaration::<domain::opening::SealedBox>(&config),
        declaration::<domain::opening::BallotsReceived>(&config),
        declaration::<domain::opening::BallotBatch>(&config),
        declaration::<domain::opening::PaperStock>(&config),
        declaration::<domain::out_of_premises::Application>(&config),
        declaration::<domain::out_of_premises::ServedVoter>(&config),
        declaration::<domain::out_of_premises::OutOfPremisesClosing>(&config),
        declaration::<api::view::VotingView>(&config),
        declaration::<api::view::DistrictCount>(&config),
        declaration::<api::view::TurnoutView>(&config),
        declaration::<api::view::RegisterView>(&config),
        declaration::<api::desk::DeskView>(&config),
        declaration::<api::desk::DeskVoter>(&config),
        declaration::<api::desk::DeskStep>(&config),
        declaration::<api::desk::DeskStepState>(&config),
        declaration::<api::desk::AttemptOutcome>(&config),
        declaration::<api::simulation::VoterCase>(&config),
        declaration::<api::simulation::SimulatedArrival>(&config),
        declaration::<domain::identification::IdentityDocument>(&config),
        declaration::<domain::identification::BiometricMethod>(&config),
        declaration::<domain::identification::Identification>(&config),
        declaration::<domain::identification::VoterFacts>(&config),
        declaration::<domain::acts::Act>(&config),
        declaration::<domain::acts::ActKind>(&config),
        declaration::<domain::protocol::FormLine>(&config),
        declaration::<domain::protocol::LineKind>(&config),
        declaration::<domain::protocol::Violation>(&config),
        declaration::<domain::protocol::Side>(&config),
        declaration::<domain::protocol::TermValue>(&config),
        declaration::<domain::protocol::Term>(&config),
        declaration::<domain::protocol::Sign>(&config),
        declaration::<domain::protocol::Comparison>(&config),
        declaration::<domain::protocol::ContestProtocol>(&config),
        declaration::<api::register_import::ImportStatus>(&config),
        declaration::<api::register_import::ImportReportView>(&config),
        declaration::<api::count::CountView>(&config),
        declaration::<api::count::ContestCountView>(&config),
        declaration::<api::count::EntryField>(&config),
        declaration::<api::simulation::TrueTally>(&config),
        declaration::<domain::count::AeuSource>(&config),
        declaration::<domain::count::AeuTally>(&config),
        declaration::<domain::count::AeuResults>(&config),
        declaration::<domain::count::AeuDifference>(&config),
        declaration::<domain::count::CountFigures>(&config),
        declaration::<domain::count::CountEntry>(&config),
        declaration::<domain::count::EntryDifference>(&config),
        declaration::<domain::count::UnusedBallots>(&config),
        declaration::<domain::count::ListTotals>(&config),
        declaration::<domain::count::PortableBoxCount>(&config),
        declaration::<domain::count::RecountDemand>(&config),
        declaration::<domain::count::SignedProtocol>(&config),
        declaration::<domain::count::Complaint>(&config),
        declaration::<domain::count::ComplaintDecision>(&config),
        declaration::<domain::count::Dissent>(&config),
        declaration::<domain::count::Packet>(&config),
        declaration::<domain::spoils::DuplicateAuthorisation>(&config),
        declaration::<domain::spoils::BallotAccount>(&config),
        declaration::<domain::incidents::IncidentDevice>(&config),
        declaration::<domain::incidents::AssistanceReason>(&config),
        declaration::<domain::incidents::BoxInUse>(&config),
        declaration::<domain::incidents::AeuGuidance>(&config),
        declaration::<api::spoils::SpoilsView>(&config),
        declaration::<api::spoils::ChairCardView>(&config),
        declaration::<api::spoils::ScannedBallot>(&config),
        declaration::<api::spoils::DuplicateRow>(&config),
        declaration::<api::spoils::BallotHolder>(&config),
        declaration::<api::incidents::IncidentsView>(&config),
        declaration::<domain::scenario::ScenarioDemo>(&config),
        declaration::<api::training::ClockMoment>(&config),
        declaration::<api::training::ClockControl>(&config),
        declaration::<api::training::ScenarioSummary>(&config),
        declaration::<api::training::TimelineItem>(&config),
        declaration::<api::training::FeedItem>(&config),
        declaration::<api::training::RunView>(&config),
        declaration::<api::training::ConsoleView>(&config),
        declaration::<api::training::report::DeviationView>(&config),
        declaration::<api::training::report::TimeView>(&config),
        declaration::<api::training::report::CountLineView>(&config),
        declaration::<api::training::report::CountCheckView>(&config),
        declaration::<api::training::report::DebriefView>(&config),
        declaration::<api::incidents::AeuView>(&config),
        declaration::<api::incidents::StopView>(&config),
        declaration::<api::incidents::PeriodView>(&config),
        declaration::<api::simulation::SpoiledBallotCase>(&config),
        declaration::<api::keys::StationKeyView>(&config),
        declaration::<api::keys::CheckpointView>(&config),
        declaration::<api::export::ExportRequest>(&config),
        declaration::<api::export::ExportReport>(&config),
    ];
    format!(
        "// Generated from the Rust types by src-tauri/crates/api/tests/bindings.rs. Do not edit.\n\n{}",
        declarations.join("\n")
    )
}

/// The district commission's window: a file of its own (`dec-bindings.ts`), so that its
/// types and the station's grow apart without touching each other.
fn generated_dec() -> String {
    let config = Config::new().with_large_int("number");
    let declarations = [
        declaration::<api::ApiError>(&config),
        declaration::<domain::MessageArg>(&config),
        declaration::<domain::election::LocalizedText>(&config),
        declaration::<domain::election::StationKind>(&config),
        declaration::<domain::protocol::LineKind>(&config),
        declaration::<api::mode::AppMode>(&config),
        declaration::<api::view::JournalView>(&config),
        declaration::<api::keys::CheckpointView>(&config),
        declaration::<api::dec::view::DecOverview>(&config),
        declaration::<api::dec::view::DecSetupView>(&config),
        declaration::<api::dec::view::GroundView>(&config),
        declaration::<api::dec::view::FlagView>(&config),
        declaration::<api::dec::view::BundleView>(&config),
        declaration::<api::dec::view::SetAsideView>(&config),
        declaration::<api::dec::view::ResolutionView>(&config),
        declaration::<api::dec::view::RefusalView>(&config),
        declaration::<api::dec::view::LineValue>(&config),
        declaration::<api::dec::view::DecStationView>(&config),
        declaration::<api::dec::view::ColumnView>(&config),
        declaration::<api::dec::view::RowView>(&config),
        declaration::<api::dec::view::SectionView>(&config),
        declaration::<api::dec::view::OptionTotal>(&config),
        declaration::<api::dec::view::UnsummedRow>(&config),
        declaration::<api::dec::view::SummaryView>(&config),
        declaration::<domain::dec::Totals>(&config),
        declaration::<domain::dec::RowStatus>(&config),
        declaration::<domain::dec::RecountMark>(&config),
        declaration::<domain::dec::SetAsideGround>(&config),
        declaration::<domain::dec::SetAsideScope>(&config),
        declaration::<api::dec::ImportStatus>(&config),
        declaration::<api::dec::ImportItem>(&config),
        declaration::<api::dec::ImportOutcome>(&config),
        declaration::<api::dec::Registered>(&config),
        declaration::<api::dec::DecDocument>(&config),
    ];
    format!(
        "// Generated from the Rust types by src-tauri/crates/api/tests/bindings.rs. Do not edit.\n\n{}",
        declarations.join("\n")
    )
}

/// Compares the committed file with what the Rust types generate (or rewrites it under
/// `UPDATE_BINDINGS`).
fn check_committed(file: &str, expected: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../ui/src/lib").join(file);
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, expected).expect("write bindings");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == expected,
        "ui/src/lib/{file} is stale: run `UPDATE_BINDINGS=1 cargo test -p api --test bindings` and commit it"
    );
}

#[test]
fn committed_dec_typescript_bindings_match_the_rust_types() {
    check_committed("dec-bindings.ts", &generated_dec());
}

#[test]
fn committed_typescript_bindings_match_the_rust_types() {
    check_committed("bindings.ts", &generated());
}

/// Every type name used in the bindings is declared in them, so that a type added to a
/// view without its own declaration fails here rather than in the UI's type check.
#[test]
fn every_type_the_bindings_use_is_declared() {
  for text in [generated(), generated_dec()] {
    let code: String = text
        .split("/**")
        .enumerate()
        .map(|(i, part)| if i == 0 { part } else { part.split_once("*/").map(|(_, rest)| rest).unwrap_or("") })
        .flat_map(|part| part.lines().filter(|line| !line.trim_start().starts_with("//")))
        .collect::<Vec<_>>()
        .join("\n");
    let declared: std::collections::BTreeSet<&str> = code
        .split("export type ")
        .skip(1)
        .filter_map(|rest| rest.split([' ', '<', '=']).next())
        .collect();
    let builtins = ["Array", "Record"];
    let mut missing = std::collections::BTreeSet::new();
    for word in code.split(|c: char| !c.is_ascii_alphanumeric() && c != '_') {
        let starts_upper = word.chars().next().is_some_and(|c| c.is_ascii_uppercase());
        if starts_upper && !declared.contains(word) && !builtins.contains(&word) {
            missing.insert(word.to_owned());
        }
    }
    // Quoted string literal values (e.g. enum variants) are lower-case kebab here.
    assert!(missing.is_empty(), "types used but not declared in bindings.ts: {missing:?}");
  }
}
