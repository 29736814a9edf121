//! The status stream: one board every driver reports into and the UI reads.
//!
//! Why a board and not a channel per subscriber: the UI polls the station once a second
//! anyway (ARCHITECTURE.md, "Decisions"), so what it needs is a cheap, always complete
//! snapshot plus a way to tell that something changed. A version counter gives that; a
//! condition variable lets a thread that must react at once (an AEU failing mid-vote)
//! wait for the next change without polling. Nothing is queued, so a slow or absent
//! reader can never make a driver block or leak memory, and a missed intermediate state
//! cannot leave a stale screen: the snapshot is always the latest word of each device.

use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use crate::{Device, DeviceStatus};

/// A shared, cloneable board of device statuses with a change counter. Clones share the
/// board.
#[derive(Debug, Clone, Default)]
pub struct StatusBoard {
    shared: Arc<Shared>,
}

#[derive(Debug, Default)]
struct Shared {
    board: Mutex<Board>,
    changed: Condvar,
}

#[derive(Debug, Default)]
struct Board {
    version: u64,
    /// In the order devices first reported.
    devices: Vec<DeviceStatus>,
}

/// Every device's status at one version of the board.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusSnapshot {
    /// Grows by one at every change; equal versions mean equal snapshots.
    pub version: u64,
    pub devices: Vec<DeviceStatus>,
}

impl StatusBoard {
    pub fn new() -> StatusBoard {
        StatusBoard::default()
    }

    fn board(&self) -> MutexGuard<'_, Board> {
        // A board is a plain value; a panic elsewhere cannot leave it half-updated.
        self.shared
            .board
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// Records a device's status. Returns whether it changed anything (a repeated status
    /// does not bump the version).
    pub fn report(&self, status: DeviceStatus) -> bool {
        let mut board = self.board();
        match board.devices.iter_mut().find(|known| known.id == status.id) {
            Some(known) if *known == status => return false,
            Some(known) => *known = status,
            None => board.devices.push(status),
        }
        board.version += 1;
        drop(board);
        self.shared.changed.notify_all();
        true
    }

    /// Removes a device (unplugged for good, driver stopped). Returns whether it was there.
    pub fn forget(&self, id: &str) -> bool {
        let mut board = self.board();
        let before = board.devices.len();
        board.devices.retain(|known| known.id != id);
        if board.devices.len() == before {
            return false;
        }
        board.version += 1;
        drop(board);
        self.shared.changed.notify_all();
        true
    }

    /// Asks every device for its status and records the answers. `Device::status` never
    /// blocks, so this is cheap enough to call at every UI poll.
    pub fn refresh(&self, devices: &[Arc<dyn Device>]) {
        let statuses: Vec<DeviceStatus> = devices.iter().map(|device| device.status()).collect();
        for status in statuses {
            self.report(status);
        }
    }

    pub fn version(&self) -> u64 {
        self.board().version
    }

    pub fn status(&self, id: &str) -> Option<DeviceStatus> {
        self.board()
            .devices
            .iter()
            .find(|known| known.id == id)
            .cloned()
    }

    pub fn snapshot(&self) -> StatusSnapshot {
        let board = self.board();
        StatusSnapshot {
            version: board.version,
            devices: board.devices.clone(),
        }
    }

    /// Waits until the board's version is past `seen`, at most `timeout`. Returns the
    /// new snapshot, or `None` if nothing changed in time.
    pub fn wait_for_change(&self, seen: u64, timeout: Duration) -> Option<StatusSnapshot> {
        let deadline = Instant::now().checked_add(timeout);
        let mut board = self.board();
        while board.version <= seen {
            let left = match deadline {
                Some(deadline) => deadline.saturating_duration_since(Instant::now()),
                None => Duration::from_secs(3600),
            };
            if left.is_zero() {
                return None;
            }
            board = self
                .shared
                .changed
                .wait_timeout(board, left)
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
        Some(StatusSnapshot {
            version: board.version,
            devices: board.devices.clone(),
        })
    }
}

#[cfg(test)]
mod tests {
    use std::thread;

    use super::*;
    use crate::{DeviceKind, DeviceState, FaultCode};

    fn status(id: &str, state: DeviceState, fault: Option<FaultCode>) -> DeviceStatus {
        DeviceStatus {
            id: id.into(),
            kind: DeviceKind::Aeu,
            state,
            fault,
            simulated: true,
            reserve: false,
        }
    }

    #[test]
    fn versions_grow_only_on_change_and_order_is_first_report() {
        let board = StatusBoard::new();
        assert_eq!(board.version(), 0);
        assert!(board.report(status("b", DeviceState::Ready, None)));
        assert!(board.report(status("a", DeviceState::Ready, None)));
        assert!(!board.report(status("a", DeviceState::Ready, None)));
        assert_eq!(board.version(), 2);
        assert!(board.report(status("a", DeviceState::Fault, Some(FaultCode::Broken))));
        let snapshot = board.snapshot();
        assert_eq!(snapshot.version, 3);
        let ids: Vec<_> = snapshot.devices.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["b", "a"]);
        assert_eq!(board.status("a").map(|s| s.state), Some(DeviceState::Fault));
        assert!(board.forget("b"));
        assert!(!board.forget("b"));
        assert_eq!(board.snapshot().devices.len(), 1);
        assert_eq!(board.version(), 4);
    }

    #[test]
    fn a_waiting_thread_wakes_on_a_change_from_another() {
        let board = StatusBoard::new();
        let seen = board.version();
        let reporter = board.clone();
        let handle =
            thread::spawn(move || reporter.report(status("aeu-main", DeviceState::Ready, None)));
        // The timeout only guards against a hang; the wake-up is what is checked.
        let snapshot = board
            .wait_for_change(seen, Duration::from_secs(30))
            .expect("a change");
        assert!(snapshot.version > seen);
        assert!(handle.join().expect("reporter"));
    }

    #[test]
    fn waiting_without_change_returns_none() {
        let board = StatusBoard::new();
        board.report(status("x", DeviceState::Ready, None));
        assert_eq!(board.wait_for_change(board.version(), Duration::ZERO), None);
        assert!(board.wait_for_change(0, Duration::ZERO).is_some());
    }
}
