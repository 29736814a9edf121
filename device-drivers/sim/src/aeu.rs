//! The simulated automatic counting urn: counts the ballots fed to it.

use std::sync::{Mutex, MutexGuard, PoisonError};

use driver_api::{
    Aeu, AeuError, BallotMarks, ContestTally, DeviceKind, FaultCode, Fed, OptionCount,
};

use super::engine::{Interrupt, SimCore, SimOptions, no_wait};

#[derive(Debug, Default)]
struct Count {
    processed: u64,
    /// Contests and options in the order first seen.
    tallies: Vec<ContestTally>,
}

/// An AEU. Feeding is a step, so "fails after 120 ballots" is a script event
/// `AtStep(121)` with `Action::Fault(FaultCode::Broken)`. A natural failure returns the
/// ballot uncounted (`Rejected`).
#[derive(Debug)]
pub struct SimAeu {
    pub(crate) core: SimCore,
    count: Mutex<Count>,
}

impl SimAeu {
    pub fn new(id: &str, reserve: bool, seed: u64, options: &SimOptions) -> SimAeu {
        SimAeu {
            core: SimCore::new(id, DeviceKind::Aeu, reserve, seed, options),
            count: Mutex::new(Count::default()),
        }
    }

    pub fn core(&self) -> &SimCore {
        &self.core
    }

    fn count(&self) -> MutexGuard<'_, Count> {
        self.count.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The urn fails (§48).
    pub fn fail(&self) {
        self.core.inject_fault(FaultCode::Broken);
    }

    fn refuse(&self, interrupt: Interrupt) -> AeuError {
        match interrupt {
            Interrupt::Fault(_) => AeuError::Failed,
            other => AeuError::Device(other.into_device_error(self.core.id())),
        }
    }
}

impl Aeu for SimAeu {
    fn ballots_processed(&self) -> Result<u64, AeuError> {
        self.core.check().map_err(|i| self.refuse(i))?;
        Ok(self.count().processed)
    }

    fn preliminary_results(&self) -> Result<Vec<ContestTally>, AeuError> {
        self.core.check().map_err(|i| self.refuse(i))?;
        Ok(self.count().tallies.clone())
    }

    fn feed(&self, ballot: &BallotMarks) -> Result<Fed, AeuError> {
        let step = self
            .core
            .begin_step(&no_wait())
            .map_err(|i| self.refuse(i))?;
        if step.fail {
            return Err(AeuError::Rejected);
        }
        let mut count = self.count();
        count.processed += 1;
        for marks in &ballot.contests {
            let index = match count
                .tallies
                .iter()
                .position(|t| t.contest == marks.contest)
            {
                Some(index) => index,
                None => {
                    count.tallies.push(ContestTally {
                        contest: marks.contest.clone(),
                        counts: Vec::new(),
                        invalid: 0,
                    });
                    count.tallies.len() - 1
                }
            };
            let tally = &mut count.tallies[index];
            match marks.options.as_slice() {
                [option] => match tally.counts.iter_mut().find(|c| &c.option == option) {
                    Some(known) => known.count += 1,
                    None => tally.counts.push(OptionCount {
                        option: option.clone(),
                        count: 1,
                    }),
                },
                _ => tally.invalid += 1,
            }
        }
        Ok(Fed {
            ballot_number: count.processed,
        })
    }
}
