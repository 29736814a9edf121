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
    /// Miscounts a trainer set: reported results differ from what was fed.
    miscounts: Vec<Miscount>,
}

/// The urn reports `ballots` ballots of option `from` as option `to` in `contest` (at most
/// as many as it counted for `from`): its preliminary results differ from the true count
/// while the number of ballots processed stays right.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Miscount {
    pub contest: String,
    pub from: String,
    pub to: String,
    pub ballots: u64,
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

    /// From now on the urn's preliminary results carry this miscount (training).
    pub fn miscount(&self, miscount: Miscount) {
        self.count().miscounts.push(miscount);
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
        let count = self.count();
        let mut tallies = count.tallies.clone();
        for miscount in &count.miscounts {
            let Some(tally) = tallies.iter_mut().find(|t| t.contest == miscount.contest) else { continue };
            let moved = tally
                .counts
                .iter_mut()
                .find(|c| c.option == miscount.from)
                .map(|from| {
                    let moved = from.count.min(miscount.ballots);
                    from.count -= moved;
                    moved
                })
                .unwrap_or(0);
            match tally.counts.iter_mut().find(|c| c.option == miscount.to) {
                Some(to) => to.count += moved,
                None if moved > 0 => tally.counts.push(OptionCount { option: miscount.to.clone(), count: moved }),
                None => {}
            }
        }
        Ok(tallies)
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
