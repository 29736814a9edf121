//! Card readers through PC/SC (pcsc-lite's `pcscd` on Linux): which readers are
//! plugged in and whether a card is in each.
//!
//! PC/SC is asked only for presence; the card itself is spoken to through PKCS#11. No
//! daemon, no reader, or a daemon that misbehaves all come back as a list with a reason
//! and an `Absent` state, never as an error, a panic or a wait.

use std::time::Duration;

use driver_api::DeviceState;

/// Whether PC/SC could be asked at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PcscService {
    /// The daemon answered (the list may still be empty).
    Running,
    /// No PC/SC daemon answers (`pcscd` not installed, not running, or not reachable).
    NotRunning,
    /// The daemon answered with an error: its text, for the logs.
    Failed(String),
}

/// One reader and whether a card is in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reader {
    pub name: String,
    pub card_present: bool,
}

/// The readers PC/SC reports, and whether it could be asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReaderList {
    pub service: PcscService,
    pub readers: Vec<Reader>,
}

impl ReaderList {
    /// `Ready` when PC/SC answered and at least one reader is plugged in; `Absent`
    /// otherwise (no daemon, no reader, or a failing daemon).
    pub fn state(&self) -> DeviceState {
        if self.service == PcscService::Running && !self.readers.is_empty() {
            DeviceState::Ready
        } else {
            DeviceState::Absent
        }
    }

    /// The first reader whose name contains `fragment` (reader names carry a serial and
    /// a slot number that change between machines, e.g. "ACS ACR39U ICC Reader 00 00").
    pub fn find(&self, fragment: &str) -> Option<&Reader> {
        self.readers.iter().find(|reader| reader.name.contains(fragment))
    }

    fn without_service(service: PcscService) -> ReaderList {
        ReaderList { service, readers: Vec::new() }
    }
}

/// Asks PC/SC about its readers.
#[derive(Debug, Clone, Copy, Default)]
pub struct PcscReaders;

impl PcscReaders {
    /// The readers plugged in now and whether each holds a card. Never blocks: the
    /// status query has a zero timeout.
    pub fn list() -> ReaderList {
        let context = match pcsc::Context::establish(pcsc::Scope::User) {
            Ok(context) => context,
            Err(pcsc::Error::NoService | pcsc::Error::ServiceStopped | pcsc::Error::CommError) => {
                return ReaderList::without_service(PcscService::NotRunning);
            }
            Err(error) => return ReaderList::without_service(PcscService::Failed(error.to_string())),
        };
        let names = match context.list_readers_owned() {
            Ok(names) => names,
            Err(pcsc::Error::NoReadersAvailable) => Vec::new(),
            Err(pcsc::Error::NoService | pcsc::Error::ServiceStopped) => {
                return ReaderList::without_service(PcscService::NotRunning);
            }
            Err(error) => return ReaderList::without_service(PcscService::Failed(error.to_string())),
        };
        if names.is_empty() {
            return ReaderList::without_service(PcscService::Running);
        }
        let mut states: Vec<pcsc::ReaderState> =
            names.iter().map(|name| pcsc::ReaderState::new(name.clone(), pcsc::State::UNAWARE)).collect();
        // With UNAWARE as the presumed state the call returns at once with the truth;
        // a timeout just means "nothing new", which cannot happen from UNAWARE.
        let asked = context.get_status_change(Duration::ZERO, &mut states);
        let readers = states
            .iter()
            .map(|state| Reader {
                name: state.name().to_string_lossy().into_owned(),
                card_present: asked.is_ok() && state.event_state().contains(pcsc::State::PRESENT),
            })
            .collect();
        match asked {
            Ok(()) | Err(pcsc::Error::Timeout) => ReaderList { service: PcscService::Running, readers },
            Err(error) => ReaderList { service: PcscService::Failed(error.to_string()), readers },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reader(name: &str, card_present: bool) -> Reader {
        Reader { name: name.to_owned(), card_present }
    }

    #[test]
    fn a_list_is_ready_only_with_a_running_service_and_a_reader() {
        let none = ReaderList::without_service(PcscService::NotRunning);
        assert_eq!(none.state(), DeviceState::Absent);
        let empty = ReaderList::without_service(PcscService::Running);
        assert_eq!(empty.state(), DeviceState::Absent);
        let one = ReaderList { service: PcscService::Running, readers: vec![reader("ACS ACR39U 00 00", false)] };
        assert_eq!(one.state(), DeviceState::Ready);
        let failing = ReaderList { service: PcscService::Failed("x".into()), readers: one.readers.clone() };
        assert_eq!(failing.state(), DeviceState::Absent);
    }

    #[test]
    fn readers_are_found_by_a_fragment_of_their_name() {
        let list = ReaderList {
            service: PcscService::Running,
            readers: vec![reader("Gemalto PC Twin Reader 00 00", false), reader("ACS ACR39U ICC Reader 01 00", true)],
        };
        assert_eq!(list.find("ACR39U").map(|r| r.card_present), Some(true));
        assert!(list.find("Rutoken").is_none());
    }
}
