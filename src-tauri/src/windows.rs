//! The windows and the menu: the main window, the observers' monitor, the trainer's
//! console, and a menu whose labels follow the chosen language.

use api::{ApiError, Language};
use tauri::menu::{Menu, MenuEvent, MenuItem, Submenu};
use tauri::{AppHandle, Manager, Runtime, WebviewUrl, WebviewWindowBuilder};

const MONITOR_LABEL: &str = "monitor";
const MENU_OPEN_MONITOR: &str = "open-monitor";
const TRAINER_LABEL: &str = "trainer";
const MENU_OPEN_TRAINER: &str = "open-trainer";
const MENU_QUIT: &str = "quit";

pub fn menu<R: Runtime>(app: &AppHandle<R>, language: Language) -> tauri::Result<Menu<R>> {
    let text = |id: &str| api::text(language, id);
    let open_monitor = MenuItem::with_id(app, MENU_OPEN_MONITOR, text("menu-open-monitor"), true, None::<&str>)?;
    let open_trainer = MenuItem::with_id(app, MENU_OPEN_TRAINER, text("menu-open-trainer"), true, None::<&str>)?;
    let quit = MenuItem::with_id(app, MENU_QUIT, text("menu-quit"), true, None::<&str>)?;
    let station = Submenu::with_items(app, text("menu-station"), true, &[&quit])?;
    let view = Submenu::with_items(app, text("menu-view"), true, &[&open_monitor, &open_trainer])?;
    Menu::with_items(app, &[&station, &view])
}

pub fn relabel_menu(app: &AppHandle, language: Language) -> Result<(), ApiError> {
    let menu = menu(app, language).map_err(window_error)?;
    app.set_menu(menu).map_err(window_error)?;
    Ok(())
}

pub fn on_menu_event(app: &AppHandle, event: MenuEvent) {
    match event.id().as_ref() {
        MENU_OPEN_MONITOR => {
            if let Err(error) = open_monitor(app) {
                tracing::error!(?error, "could not open the observers' monitor");
            }
        }
        MENU_OPEN_TRAINER => {
            if let Err(error) = open_trainer(app) {
                tracing::error!(?error, "could not open the trainer's console");
            }
        }
        MENU_QUIT => app.exit(0),
        _ => {}
    }
}

/// Opens the observers' monitor, or brings it forward when it is already open.
pub fn open_monitor(app: &AppHandle) -> Result<(), ApiError> {
    if let Some(window) = app.get_webview_window(MONITOR_LABEL) {
        return window.set_focus().map_err(window_error);
    }
    // The observers' monitor is a station's: a district commission has none.
    let station = app
        .try_state::<api::training::Stations>()
        .ok_or_else(|| ApiError::new("window", "error-window").with("detail", "no station"))?
        .current();
    let title = api::text(station.language(), "monitor-window-title");
    WebviewWindowBuilder::new(app, MONITOR_LABEL, WebviewUrl::App("index.html#monitor".into()))
        .title(title)
        .inner_size(1024.0, 700.0)
        .menu(Menu::new(app).map_err(window_error)?)
        .build()
        .map_err(window_error)?;
    Ok(())
}

/// Opens the trainer's console, or brings it forward when it is already open.
pub fn open_trainer(app: &AppHandle) -> Result<(), ApiError> {
    if let Some(window) = app.get_webview_window(TRAINER_LABEL) {
        return window.set_focus().map_err(window_error);
    }
    let station = app
        .try_state::<api::training::Stations>()
        .ok_or_else(|| ApiError::new("window", "error-window").with("detail", "no station"))?
        .current();
    let title = api::text(station.language(), "training-console-title");
    WebviewWindowBuilder::new(app, TRAINER_LABEL, WebviewUrl::App("index.html#trainer".into()))
        .title(title)
        .inner_size(1200.0, 800.0)
        .menu(Menu::new(app).map_err(window_error)?)
        .build()
        .map_err(window_error)?;
    Ok(())
}

fn window_error(error: tauri::Error) -> ApiError {
    ApiError::new("window", "error-window").with("detail", error.to_string())
}
