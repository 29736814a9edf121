//! The uchastok desktop app: its windows, its menu, its logging, and the commands the
//! web UI invokes.
//!
//! Owns: everything that knows Tauri. Each command is a one-line adapter over `api`;
//! window and menu handling live in `windows` (the trainer's console included), the district commission's commands and
//! the first start's choice of side in `dec`.
//! Must never: hold a rule of the election day, touch the database, or read the clock
//! itself — those belong to `api` and below.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod dec;
mod setup;
mod windows;

use api::view::{MonitorView, Overview};
use api::desk::DeskView;
use api::documents::DocumentKind;
use api::export::{ExportReport, ExportRequest};
use api::keys::StationKeyView;
use api::simulation::{SimulatedArrival, SpoiledBallotCase, VoterCase};
use api::spoils::SpoilsView;
use api::training::report::DebriefView;
use api::training::{ClockControl, ConsoleView, Stations};
use api::{ApiError, Language};
use domain::lot::{Contribution, LotPurpose, LotRecord};
use domain::identification::IdentityDocument;
use domain::{Command, StepId};
use tauri::{AppHandle, State};

#[tauri::command]
fn overview(stations: State<'_, Stations>) -> Overview {
    stations.current().overview()
}

#[tauri::command]
fn monitor(stations: State<'_, Stations>) -> MonitorView {
    stations.current().monitor()
}

#[tauri::command]
fn complete_step(stations: State<'_, Stations>, step: StepId) -> Result<Overview, ApiError> {
    stations.current().complete_step(step)
}

#[tauri::command]
fn act(stations: State<'_, Stations>, command: Command) -> Result<Overview, ApiError> {
    stations.current().act(command)
}

/// §56: the AEU's preliminary results read through its driver.
#[tauri::command]
fn aeu_results_from_driver(stations: State<'_, Stations>) -> Result<Overview, ApiError> {
    stations.current().aeu_results_from_driver()
}

#[tauri::command]
fn commit_lot(stations: State<'_, Stations>, purpose: LotPurpose, count: u32) -> Result<Overview, ApiError> {
    stations.current().commit_lot(purpose, count)
}

#[tauri::command]
fn draw_lot(stations: State<'_, Stations>, purpose: LotPurpose, contributions: Vec<Contribution>) -> Result<Overview, ApiError> {
    stations.current().draw_lot(purpose, contributions)
}

#[tauri::command]
fn lot_record(stations: State<'_, Stations>, purpose: LotPurpose) -> Option<LotRecord> {
    stations.current().lot_record(purpose)
}

#[tauri::command]
fn save_document(stations: State<'_, Stations>, kind: DocumentKind) -> Result<String, ApiError> {
    stations.current().save_document(&kind)
}

#[tauri::command]
fn save_lot_record(stations: State<'_, Stations>, purpose: LotPurpose) -> Result<String, ApiError> {
    stations.current().save_lot_record(purpose)
}

#[tauri::command]
fn desk(stations: State<'_, Stations>) -> DeskView {
    stations.current().desk()
}

#[tauri::command]
fn desk_read_document(stations: State<'_, Stations>, document: IdentityDocument) -> Result<DeskView, ApiError> {
    stations.current().desk_read_document(document)
}

#[tauri::command]
fn desk_confirm_photo(stations: State<'_, Stations>) -> Result<DeskView, ApiError> {
    stations.current().desk_confirm_photo()
}

#[tauri::command]
fn desk_fingerprint(stations: State<'_, Stations>) -> Result<DeskView, ApiError> {
    stations.current().desk_fingerprint()
}

#[tauri::command]
fn desk_face(stations: State<'_, Stations>) -> Result<DeskView, ApiError> {
    stations.current().desk_face()
}

#[tauri::command]
fn desk_give_up(stations: State<'_, Stations>) -> Result<DeskView, ApiError> {
    stations.current().desk_give_up()
}

#[tauri::command]
fn desk_print_receipt(stations: State<'_, Stations>) -> Result<DeskView, ApiError> {
    stations.current().desk_print_receipt()
}

#[tauri::command]
fn desk_print_ballot(stations: State<'_, Stations>) -> Result<DeskView, ApiError> {
    stations.current().desk_print_ballot()
}

#[tauri::command]
fn desk_list(stations: State<'_, Stations>) -> Result<DeskView, ApiError> {
    stations.current().desk_list()
}

#[tauri::command]
fn desk_issue_ballot(stations: State<'_, Stations>) -> Result<DeskView, ApiError> {
    stations.current().desk_issue_ballot()
}

#[tauri::command]
fn desk_clear(stations: State<'_, Stations>) -> DeskView {
    stations.current().desk_clear()
}

#[tauri::command]
fn simulate_voter(stations: State<'_, Stations>, case: VoterCase) -> Result<SimulatedArrival, ApiError> {
    stations.current().simulate_voter(case)
}

/// Starts importing the register on a thread of its own; the overview shows its progress.
#[tauri::command]
fn import_register(stations: State<'_, Stations>, path: String) -> Result<(), ApiError> {
    let station = stations.current();
    station.import_may_start().map(|()| drop(std::thread::spawn(move || station.import_register_file(path.as_ref()))))
}

#[tauri::command]
fn spoils(stations: State<'_, Stations>) -> Result<SpoilsView, ApiError> {
    stations.current().spoils()
}

#[tauri::command]
fn register_chair_card(stations: State<'_, Stations>) -> Result<SpoilsView, ApiError> {
    stations.current().register_chair_card()
}

#[tauri::command]
fn duplicate_scan(stations: State<'_, Stations>) -> Result<SpoilsView, ApiError> {
    stations.current().duplicate_scan()
}

#[tauri::command]
fn duplicate_authorise(stations: State<'_, Stations>, reason: String, pin: String) -> Result<SpoilsView, ApiError> {
    stations.current().duplicate_authorise(&reason, &pin)
}

#[tauri::command]
fn duplicate_print_again(stations: State<'_, Stations>) -> Result<SpoilsView, ApiError> {
    stations.current().duplicate_print_again()
}

#[tauri::command]
fn duplicate_clear(stations: State<'_, Stations>) -> Result<SpoilsView, ApiError> {
    stations.current().duplicate_clear()
}

#[tauri::command]
fn record_spoiled_ballot(stations: State<'_, Stations>, member_id: String) -> Result<SpoilsView, ApiError> {
    stations.current().record_spoiled_ballot(&member_id)
}

#[tauri::command]
fn simulate_spoiled_ballot(stations: State<'_, Stations>, case: SpoiledBallotCase) -> Result<(), ApiError> {
    stations.current().simulate_spoiled_ballot(case)
}

#[tauri::command]
fn act_and_print(stations: State<'_, Stations>, command: Command) -> Result<Overview, ApiError> {
    stations.current().act_and_print(command)
}

#[tauri::command]
fn reprint_act(stations: State<'_, Stations>, number: u32) -> Result<Overview, ApiError> {
    stations.current().reprint_act(number)
}

#[tauri::command]
fn inject_fault(stations: State<'_, Stations>, device: String, fault: driver_api::FaultCode) -> Result<Overview, ApiError> {
    let station = stations.current();
    station.inject_fault(&device, fault).map(|()| station.overview())
}

#[tauri::command]
fn repair_device(stations: State<'_, Stations>, device: String) -> Result<Overview, ApiError> {
    let station = stations.current();
    station.repair_device(&device).map(|()| station.overview())
}

#[tauri::command]
fn set_language(app: AppHandle, stations: State<'_, Stations>, language: Language) -> Result<(), ApiError> {
    stations.current().set_language(language).and_then(|()| windows::relabel_menu(&app, language))
}

#[tauri::command]
fn station_key(stations: State<'_, Stations>) -> Result<StationKeyView, ApiError> {
    stations.current().station_key()
}

#[tauri::command]
fn export_bundle(stations: State<'_, Stations>, request: ExportRequest) -> Result<ExportReport, ApiError> {
    stations.current().export_bundle(&request)
}

#[tauri::command]
fn save_signed_results(stations: State<'_, Stations>) -> Result<String, ApiError> {
    stations.current().save_signed_results()
}

#[tauri::command]
fn open_monitor(app: AppHandle) -> Result<(), ApiError> {
    windows::open_monitor(&app)
}

// The trainer's console (issue 9): scenarios, the clock, the debrief.

#[tauri::command]
fn open_trainer(app: AppHandle) -> Result<(), ApiError> {
    windows::open_trainer(&app)
}

#[tauri::command]
fn training_console(stations: State<'_, Stations>) -> ConsoleView {
    stations.console()
}

#[tauri::command]
fn training_load(stations: State<'_, Stations>, scenario: String) -> Result<ConsoleView, ApiError> {
    stations.load_scenario(&scenario).map(|()| stations.console())
}

#[tauri::command]
fn training_leave(stations: State<'_, Stations>) -> ConsoleView {
    stations.leave_training();
    stations.console()
}

#[tauri::command]
fn training_set_trainee(stations: State<'_, Stations>, name: String) -> Result<(), ApiError> {
    stations.set_trainee(&name)
}

#[tauri::command]
fn training_clock(stations: State<'_, Stations>, control: ClockControl) -> Result<Overview, ApiError> {
    stations.current().control_clock(control)
}

#[tauri::command]
fn training_debrief(stations: State<'_, Stations>) -> Result<DebriefView, ApiError> {
    stations.debrief()
}

#[tauri::command]
fn training_save_debrief(stations: State<'_, Stations>) -> Result<String, ApiError> {
    stations.save_debrief()
}

fn main() -> anyhow::Result<()> {
    setup::logging();
    let mode = setup::mode()?;
    let mut builder = tauri::Builder::default();
    let language = match mode {
        Some(api::mode::AppMode::Station) => {
            let station = setup::station()?;
            let language = station.language();
            builder = builder.manage(Stations::new(station));
            language
        }
        Some(api::mode::AppMode::Dec) => {
            let dec = setup::dec()?;
            let language = dec.language();
            builder = builder.manage(dec);
            language
        }
        // The window asks at first start (`dec::choose_mode`).
        None => Language::default(),
    };
    builder
        .manage(dec::ModeState(std::sync::Mutex::new(mode)))
        .menu(move |app| windows::menu(app, language))
        .on_menu_event(windows::on_menu_event)
        .invoke_handler(tauri::generate_handler![
            overview,
            monitor,
            complete_step,
            aeu_results_from_driver,
            act,
            commit_lot,
            draw_lot,
            lot_record,
            save_document,
            save_lot_record,
            set_language,
            open_monitor,
            open_trainer,
            training_console,
            training_load,
            training_leave,
            training_set_trainee,
            training_clock,
            training_debrief,
            training_save_debrief,
            desk,
            desk_read_document,
            desk_confirm_photo,
            desk_fingerprint,
            desk_face,
            desk_give_up,
            desk_print_receipt,
            desk_print_ballot,
            desk_list,
            desk_issue_ballot,
            desk_clear,
            simulate_voter,
            import_register,
            spoils,
            register_chair_card,
            duplicate_scan,
            duplicate_authorise,
            duplicate_print_again,
            duplicate_clear,
            record_spoiled_ballot,
            simulate_spoiled_ballot,
            act_and_print,
            reprint_act,
            inject_fault,
            repair_device,
            station_key,
            export_bundle,
            save_signed_results,
            dec::app_mode,
            dec::choose_mode,
            dec::dec_overview,
            dec::dec_set_up,
            dec::dec_register,
            dec::dec_import,
            dec::dec_resolve,
            dec::dec_mark_recount,
            dec::dec_set_aside,
            dec::dec_reinstate,
            dec::dec_save,
            dec::dec_set_language
        ])
        .run(tauri::generate_context!())?;
    Ok(())
}
