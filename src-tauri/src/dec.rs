//! The district commission's commands and the choice of the app's side, each a
//! one-line adapter over `api::dec` / `api::mode`.

use std::sync::{Mutex, PoisonError};

use api::dec::{Dec, DecDocument, Registered};
use api::dec::view::DecOverview;
use api::mode::AppMode;
use api::{ApiError, Language};
use domain::dec::{SetAsideGround, SetAsideScope};
use tauri::{AppHandle, Manager, State};

/// The side chosen, if any yet.
pub struct ModeState(pub Mutex<Option<AppMode>>);

fn failed(error: anyhow::Error) -> ApiError {
    ApiError::new("internal", "error-internal").with("detail", error.to_string())
}

#[tauri::command]
pub fn app_mode(mode: State<'_, ModeState>) -> Option<AppMode> {
    *mode.0.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The first start's choice: opens that side, remembers it.
#[tauri::command]
pub fn choose_mode(app: AppHandle, state: State<'_, ModeState>, mode: AppMode) -> Result<(), ApiError> {
    let mut chosen = state.0.lock().unwrap_or_else(PoisonError::into_inner);
    if chosen.is_some() {
        return Err(ApiError::new("mode.chosen", "error-mode-chosen"));
    }
    match mode {
        AppMode::Station => drop(app.manage(api::training::Stations::new(crate::setup::station().map_err(failed)?))),
        AppMode::Dec => drop(app.manage(crate::setup::dec().map_err(failed)?)),
    }
    api::mode::remember(&crate::setup::data_dir().map_err(failed)?, mode)?;
    *chosen = Some(mode);
    Ok(())
}

#[tauri::command]
pub fn dec_overview(dec: State<'_, Dec>) -> DecOverview {
    dec.overview()
}

#[tauri::command]
pub fn dec_set_up(dec: State<'_, Dec>, election: String, district: Option<String>, commission: String) -> Result<(), ApiError> {
    dec.set_up_from(&election, district.as_deref(), &commission)
}

#[tauri::command]
pub fn dec_register(dec: State<'_, Dec>, text: String) -> Result<Registered, ApiError> {
    dec.register(&text)
}

/// Starts importing a folder on a thread of its own; the overview shows its progress.
#[tauri::command]
pub fn dec_import(app: AppHandle, dec: State<'_, Dec>, folder: String) -> Result<(), ApiError> {
    dec.import_may_start().map(|()| drop(std::thread::spawn(move || app.state::<Dec>().import_folder_tracked(folder.as_ref()))))
}

#[tauri::command]
pub fn dec_resolve(dec: State<'_, Dec>, station: String, keep: String, recount: bool, reason: String) -> Result<(), ApiError> {
    dec.resolve_conflict(&station, &keep, recount, &reason)
}

#[tauri::command]
pub fn dec_mark_recount(dec: State<'_, Dec>, station: String) -> Result<(), ApiError> {
    dec.mark_recount(&station)
}

#[tauri::command]
pub fn dec_set_aside(
    dec: State<'_, Dec>,
    station: String,
    scope: SetAsideScope,
    ground: SetAsideGround,
    decision: String,
) -> Result<(), ApiError> {
    dec.set_aside(&station, scope, ground, &decision)
}

#[tauri::command]
pub fn dec_reinstate(dec: State<'_, Dec>, station: String, reason: String) -> Result<(), ApiError> {
    dec.reinstate(&station, &reason)
}

#[tauri::command]
pub fn dec_save(dec: State<'_, Dec>, kind: DecDocument) -> Result<String, ApiError> {
    dec.save_document(kind)
}

#[tauri::command]
pub fn dec_set_language(app: AppHandle, dec: State<'_, Dec>, language: Language) -> Result<(), ApiError> {
    dec.set_language(language).and_then(|()| crate::windows::relabel_menu(&app, language))
}
