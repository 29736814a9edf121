//! The uchastok desktop app: its windows, its menu, its logging, and the commands the
//! web UI invokes.
//!
//! Owns: everything that knows Tauri. Each command is a one-line adapter over `api`;
//! window and menu handling live in `windows`, the district commission's commands and
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
use api::{ApiError, Language, Station};
use domain::lot::{Contribution, LotPurpose, LotRecord};
use domain::identification::IdentityDocument;
use domain::{Command, StepId};
use tauri::{AppHandle, Manager, State};

#[tauri::command]
fn overview(station: State<'_, Station>) -> Overview {
    station.overview()
}

#[tauri::command]
fn monitor(station: State<'_, Station>) -> MonitorView {
    station.monitor()
}

#[tauri::command]
fn complete_step(station: State<'_, Station>, step: StepId) -> Result<Overview, ApiError> {
    station.complete_step(step)
}

#[tauri::command]
fn act(station: State<'_, Station>, command: Command) -> Result<Overview, ApiError> {
    station.act(command)
}

/// §56: the AEU's preliminary results read through its driver.
#[tauri::command]
fn aeu_results_from_driver(station: State<'_, Station>) -> Result<Overview, ApiError> {
    station.aeu_results_from_driver()
}

#[tauri::command]
fn commit_lot(station: State<'_, Station>, purpose: LotPurpose, count: u32) -> Result<Overview, ApiError> {
    station.commit_lot(purpose, count)
}

#[tauri::command]
fn draw_lot(station: State<'_, Station>, purpose: LotPurpose, contributions: Vec<Contribution>) -> Result<Overview, ApiError> {
    station.draw_lot(purpose, contributions)
}

#[tauri::command]
fn lot_record(station: State<'_, Station>, purpose: LotPurpose) -> Option<LotRecord> {
    station.lot_record(purpose)
}

#[tauri::command]
fn save_document(station: State<'_, Station>, kind: DocumentKind) -> Result<String, ApiError> {
    station.save_document(&kind)
}

#[tauri::command]
fn save_lot_record(station: State<'_, Station>, purpose: LotPurpose) -> Result<String, ApiError> {
    station.save_lot_record(purpose)
}

#[tauri::command]
fn desk(station: State<'_, Station>) -> DeskView {
    station.desk()
}

#[tauri::command]
fn desk_read_document(station: State<'_, Station>, document: IdentityDocument) -> Result<DeskView, ApiError> {
    station.desk_read_document(document)
}

#[tauri::command]
fn desk_confirm_photo(station: State<'_, Station>) -> Result<DeskView, ApiError> {
    station.desk_confirm_photo()
}

#[tauri::command]
fn desk_fingerprint(station: State<'_, Station>) -> Result<DeskView, ApiError> {
    station.desk_fingerprint()
}

#[tauri::command]
fn desk_face(station: State<'_, Station>) -> Result<DeskView, ApiError> {
    station.desk_face()
}

#[tauri::command]
fn desk_give_up(station: State<'_, Station>) -> Result<DeskView, ApiError> {
    station.desk_give_up()
}

#[tauri::command]
fn desk_print_receipt(station: State<'_, Station>) -> Result<DeskView, ApiError> {
    station.desk_print_receipt()
}

#[tauri::command]
fn desk_print_ballot(station: State<'_, Station>) -> Result<DeskView, ApiError> {
    station.desk_print_ballot()
}

#[tauri::command]
fn desk_list(station: State<'_, Station>) -> Result<DeskView, ApiError> {
    station.desk_list()
}

#[tauri::command]
fn desk_issue_ballot(station: State<'_, Station>) -> Result<DeskView, ApiError> {
    station.desk_issue_ballot()
}

#[tauri::command]
fn desk_clear(station: State<'_, Station>) -> DeskView {
    station.desk_clear()
}

#[tauri::command]
fn simulate_voter(station: State<'_, Station>, case: VoterCase) -> Result<SimulatedArrival, ApiError> {
    station.simulate_voter(case)
}

/// Starts importing the register on a thread of its own; the overview shows its progress.
#[tauri::command]
fn import_register(app: AppHandle, station: State<'_, Station>, path: String) -> Result<(), ApiError> {
    station.import_may_start().map(|()| drop(std::thread::spawn(move || app.state::<Station>().import_register_file(path.as_ref()))))
}

#[tauri::command]
fn spoils(station: State<'_, Station>) -> Result<SpoilsView, ApiError> {
    station.spoils()
}

#[tauri::command]
fn register_chair_card(station: State<'_, Station>) -> Result<SpoilsView, ApiError> {
    station.register_chair_card()
}

#[tauri::command]
fn duplicate_scan(station: State<'_, Station>) -> Result<SpoilsView, ApiError> {
    station.duplicate_scan()
}

#[tauri::command]
fn duplicate_authorise(station: State<'_, Station>, reason: String, pin: String) -> Result<SpoilsView, ApiError> {
    station.duplicate_authorise(&reason, &pin)
}

#[tauri::command]
fn duplicate_print_again(station: State<'_, Station>) -> Result<SpoilsView, ApiError> {
    station.duplicate_print_again()
}

#[tauri::command]
fn duplicate_clear(station: State<'_, Station>) -> Result<SpoilsView, ApiError> {
    station.duplicate_clear()
}

#[tauri::command]
fn record_spoiled_ballot(station: State<'_, Station>, member_id: String) -> Result<SpoilsView, ApiError> {
    station.record_spoiled_ballot(&member_id)
}

#[tauri::command]
fn simulate_spoiled_ballot(station: State<'_, Station>, case: SpoiledBallotCase) -> Result<(), ApiError> {
    station.simulate_spoiled_ballot(case)
}

#[tauri::command]
fn act_and_print(station: State<'_, Station>, command: Command) -> Result<Overview, ApiError> {
    station.act_and_print(command)
}

#[tauri::command]
fn reprint_act(station: State<'_, Station>, number: u32) -> Result<Overview, ApiError> {
    station.reprint_act(number)
}

#[tauri::command]
fn inject_fault(station: State<'_, Station>, device: String, fault: driver_api::FaultCode) -> Result<Overview, ApiError> {
    station.inject_fault(&device, fault).map(|()| station.overview())
}

#[tauri::command]
fn repair_device(station: State<'_, Station>, device: String) -> Result<Overview, ApiError> {
    station.repair_device(&device).map(|()| station.overview())
}

#[tauri::command]
fn set_language(app: AppHandle, station: State<'_, Station>, language: Language) -> Result<(), ApiError> {
    station.set_language(language).and_then(|()| windows::relabel_menu(&app, language))
}

#[tauri::command]
fn station_key(station: State<'_, Station>) -> Result<StationKeyView, ApiError> {
    station.station_key()
}

#[tauri::command]
fn export_bundle(station: State<'_, Station>, request: ExportRequest) -> Result<ExportReport, ApiError> {
    station.export_bundle(&request)
}

#[tauri::command]
fn save_signed_results(station: State<'_, Station>) -> Result<String, ApiError> {
    station.save_signed_results()
}

#[tauri::command]
fn open_monitor(app: AppHandle) -> Result<(), ApiError> {
    windows::open_monitor(&app)
}

fn main() -> anyhow::Result<()> {
    setup::logging();
    let mode = setup::mode()?;
    let mut builder = tauri::Builder::default();
    let language = match mode {
        Some(api::mode::AppMode::Station) => {
            let station = setup::station()?;
            let language = station.language();
            builder = builder.manage(station);
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
