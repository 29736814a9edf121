//! The simulated printers: the receipt/ballot printer and the document printer.

use std::sync::{Mutex, MutexGuard, PoisonError};

use driver_api::{
    DeviceKind, DeviceState, FaultCode, JobId, PrintJob, PrintKind, PrintPayload, Printed, Printer,
    PrinterError, Wait,
};

use super::engine::{Interrupt, SimCore, SimOptions};

/// The most copies one job may ask for.
pub const MAX_COPIES: u16 = 100;

/// What a simulated printer remembers of a job it printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrintedJob {
    pub job: JobId,
    pub kind: PrintKind,
    pub copies: u16,
    /// The payload's size in bytes (payloads themselves are not kept, except the last).
    pub bytes: usize,
}

#[derive(Debug, Default)]
struct Tray {
    /// Sheets left; `None`: never runs out.
    paper: Option<u32>,
    printed: Vec<PrintedJob>,
    last: Option<PrintJob>,
}

/// A printer. A ballot printer takes receipts and ballots; a document printer takes
/// documents. Job ids are the printer's step numbers, so "jams at job 5" is a script
/// event `AtStep(5)`.
#[derive(Debug)]
pub struct SimPrinter {
    pub(crate) core: SimCore,
    tray: Mutex<Tray>,
}

impl SimPrinter {
    /// `kind` is `BallotPrinter` or `DocumentPrinter`.
    pub fn new(
        id: &str,
        kind: DeviceKind,
        reserve: bool,
        seed: u64,
        options: &SimOptions,
    ) -> SimPrinter {
        SimPrinter {
            core: SimCore::new(id, kind, reserve, seed, options),
            tray: Mutex::new(Tray::default()),
        }
    }

    pub fn core(&self) -> &SimCore {
        &self.core
    }

    fn tray(&self) -> MutexGuard<'_, Tray> {
        self.tray.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Loads paper (`None`: an endless supply) and clears an out-of-paper fault.
    pub fn load_paper(&self, sheets: Option<u32>) {
        self.tray().paper = sheets;
        if self.core.status().fault == Some(FaultCode::OutOfPaper) {
            self.core.repair();
        }
    }

    pub fn paper(&self) -> Option<u32> {
        self.tray().paper
    }

    /// The jobs printed completely, in order.
    pub fn printed(&self) -> Vec<PrintedJob> {
        self.tray().printed.clone()
    }

    /// The last job printed completely, payload included.
    pub fn last_job(&self) -> Option<PrintJob> {
        self.tray().last.clone()
    }

    pub fn accepts(&self, kind: PrintKind) -> bool {
        match self.core.kind() {
            DeviceKind::BallotPrinter => matches!(kind, PrintKind::Receipt | PrintKind::Ballot),
            _ => kind == PrintKind::Document,
        }
    }

    fn validate(&self, job: &PrintJob) -> Result<usize, PrinterError> {
        if !self.accepts(job.kind) {
            return Err(PrinterError::UnsupportedJob(job.kind));
        }
        if job.copies == 0 || job.copies > MAX_COPIES {
            return Err(PrinterError::InvalidJob(format!(
                "copies must be 1 to {MAX_COPIES}, not {}",
                job.copies
            )));
        }
        let bytes = match &job.payload {
            PrintPayload::Pdf(pdf) if !pdf.starts_with(b"%PDF") => {
                return Err(PrinterError::InvalidJob(
                    "the PDF payload does not start with %PDF".into(),
                ));
            }
            PrintPayload::Pdf(pdf) => pdf.len(),
            PrintPayload::Raster(raster)
                if raster.data.len()
                    != (raster.width as usize).saturating_mul(raster.height as usize)
                    || raster.data.is_empty() =>
            {
                return Err(PrinterError::InvalidJob(
                    "the raster's size does not match its data".into(),
                ));
            }
            PrintPayload::Raster(raster) => raster.data.len(),
            PrintPayload::Text(text) if text.is_empty() => {
                return Err(PrinterError::InvalidJob("the text is empty".into()));
            }
            PrintPayload::Text(text) => text.len(),
        };
        Ok(bytes)
    }

    fn stop(&self, fault: FaultCode, job: JobId, copies_printed: u16) -> PrinterError {
        self.core.set_condition(DeviceState::Fault, Some(fault));
        match fault {
            FaultCode::OutOfPaper => PrinterError::OutOfPaper {
                job,
                copies_printed,
            },
            _ => PrinterError::Jammed {
                job,
                copies_printed,
            },
        }
    }
}

impl Printer for SimPrinter {
    /// A step per valid job (refused jobs are not steps). A natural failure jams the
    /// paper at a drawn copy; the printer stays jammed until repaired.
    fn print(&self, job: &PrintJob, wait: &Wait) -> Result<Printed, PrinterError> {
        let bytes = self.validate(job)?;
        let mut step = match self.core.begin_step(wait) {
            Ok(step) => step,
            Err(Interrupt::Fault(FaultCode::Jammed)) => {
                return Err(PrinterError::Jammed {
                    job: JobId(self.core.steps()),
                    copies_printed: 0,
                });
            }
            Err(Interrupt::Fault(FaultCode::OutOfPaper)) => {
                return Err(PrinterError::OutOfPaper {
                    job: JobId(self.core.steps()),
                    copies_printed: 0,
                });
            }
            Err(interrupt) => {
                return Err(PrinterError::Device(
                    interrupt.into_device_error(self.core.id()),
                ));
            }
        };
        let id = JobId(step.number);
        let jam_at = step
            .fail
            .then(|| u16::try_from(step.rng.between(0, u64::from(job.copies) - 1)).unwrap_or(0));
        let mut tray = self.tray();
        for copy in 0..job.copies {
            if tray.paper == Some(0) {
                drop(tray);
                return Err(self.stop(FaultCode::OutOfPaper, id, copy));
            }
            if jam_at == Some(copy) {
                drop(tray);
                return Err(self.stop(FaultCode::Jammed, id, copy));
            }
            if let Some(paper) = tray.paper.as_mut() {
                *paper -= 1;
            }
        }
        tray.printed.push(PrintedJob {
            job: id,
            kind: job.kind,
            copies: job.copies,
            bytes,
        });
        tray.last = Some(job.clone());
        Ok(Printed {
            job: id,
            copies: job.copies,
        })
    }
}
