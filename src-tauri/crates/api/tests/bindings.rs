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
    ];
    format!(
        "// Generated from the Rust types by src-tauri/crates/api/tests/bindings.rs. Do not edit.\n\n{}",
        declarations.join("\n")
    )
}

#[test]
fn committed_typescript_bindings_match_the_rust_types() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../ui/src/lib/bindings.ts");
    let expected = generated();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, &expected).expect("write bindings");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == expected,
        "ui/src/lib/bindings.ts is stale: run `UPDATE_BINDINGS=1 cargo test -p api --test bindings` and commit it"
    );
}
