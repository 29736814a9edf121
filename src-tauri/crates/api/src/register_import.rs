//! Importing the voter register from the window (docs/voter-register.md): the import
//! runs on its own thread while the window polls its progress; bad rows are reported by
//! line and field, the good ones are kept, and a failed import leaves the old register.

use std::path::Path;
use std::sync::PoisonError;

use serde::{Deserialize, Serialize};
use store::register::{ImportProgress, ImportStage};
use ts_rs::TS;

use crate::error::ApiError;
use crate::station::Station;

/// Where an import stands, for the progress bar and the report.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct ImportStatus {
    pub running: bool,
    /// `reading` the file, then `writing` the sorted register.
    pub stage: String,
    pub rows_done: u64,
    pub rows_total: Option<u64>,
    pub bytes_done: u64,
    pub bytes_total: u64,
    pub report: Option<ImportReportView>,
    /// Why the import failed (the old register stays).
    pub error: Option<ApiError>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ImportReportView {
    pub rows_read: u64,
    pub imported: u64,
    pub rejected: u64,
    pub duplicates: u64,
    pub with_photo: u64,
    /// The first problems, each naming its line and field.
    pub problems: Vec<ApiError>,
    pub problems_total: u64,
}

fn progress_view(progress: ImportProgress) -> ImportStatus {
    ImportStatus {
        running: true,
        stage: match progress.stage {
            ImportStage::Reading => "reading".into(),
            ImportStage::Writing => "writing".into(),
        },
        rows_done: progress.rows_done,
        rows_total: progress.rows_total,
        bytes_done: progress.bytes_done,
        bytes_total: progress.bytes_total,
        report: None,
        error: None,
    }
}

impl Station {
    /// Imports the register file at `path`, keeping its progress and its outcome for
    /// [`Station::import_status`]. Blocks until done: call it from a thread of its own.
    pub fn import_register_file(&self, path: &Path) {
        let set = |status: ImportStatus| *self.import.lock().unwrap_or_else(PoisonError::into_inner) = Some(status);
        set(ImportStatus { running: true, stage: "reading".into(), ..ImportStatus::default() });
        let mut last = ImportStatus::default();
        let outcome = self.import_register(path, &mut |progress| {
            last = progress_view(progress);
            set(last.clone());
        });
        let done = match outcome {
            Ok(report) => ImportStatus {
                running: false,
                report: Some(ImportReportView {
                    rows_read: report.rows_read,
                    imported: report.imported,
                    rejected: report.rejected,
                    duplicates: report.duplicates,
                    with_photo: report.with_photo,
                    problems: report.problems.into_iter().map(|p| ApiError::from(p.error)).collect(),
                    problems_total: report.problems_total,
                }),
                ..last
            },
            Err(error) => ImportStatus { running: false, error: Some(error), ..last },
        };
        set(done);
    }

    /// The last import's progress or outcome, if there was one since the app started.
    pub fn import_status(&self) -> Option<ImportStatus> {
        self.import.lock().unwrap_or_else(PoisonError::into_inner).clone()
    }

    /// Refuses to start an import while one is running.
    pub fn import_may_start(&self) -> Result<(), ApiError> {
        if self.import_status().is_some_and(|status| status.running) {
            return Err(ApiError::new("register.import-running", "error-register-import-running"));
        }
        Ok(())
    }
}
