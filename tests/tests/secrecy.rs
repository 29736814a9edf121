//! Secrecy of the vote (R1.4, design.md "Secrecy of the vote and personal data"): after a
//! morning of identifications at a remote-voting station, nothing the station wrote
//! links a voter to a ballot, and no file holds a personal number in plain text; the
//! journal, its WAL and its backups hold no voter's name either.

use api::simulation::VoterCase;
use api::Station;
use rusqlite::Connection;
use store::register::{SyntheticVoter, synthetic_voters};
use uchastok_tests::remote_station_open;

/// Every file under `dir`, recursively.
fn files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(next) = pending.pop() {
        for entry in std::fs::read_dir(&next).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else {
                found.push(path);
            }
        }
    }
    found
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && memchr::memmem::find(haystack, needle).is_some()
}

/// Every run of 14 ASCII digits in `bytes` (overlapping), where a personal number would be.
fn fourteen_digit_runs(bytes: &[u8]) -> std::collections::HashSet<&[u8]> {
    let mut runs = std::collections::HashSet::new();
    let mut start = 0;
    for (index, byte) in bytes.iter().enumerate() {
        if !byte.is_ascii_digit() {
            start = index + 1;
        } else if index + 1 - start >= 14 {
            runs.insert(&bytes[index + 1 - 14..=index]);
        }
    }
    runs
}

/// The voters the journal names (by their keyed hash): those who came to the desk.
fn voters_in_the_journal<'a>(station: &Station, voters: &'a [SyntheticVoter]) -> Vec<&'a SyntheticVoter> {
    let key = store::register::RegisterKey::load_or_create(&station.data_dir().join("keys/register.key")).expect("key");
    let journal = std::fs::read(station.data_dir().join("uchastok.db")).expect("journal");
    let wal = std::fs::read(station.data_dir().join("uchastok.db-wal")).unwrap_or_default();
    voters
        .iter()
        .filter(|voter| {
            let hashed = key.voter_key(&voter.personal_number).to_hex();
            contains(&journal, hashed.as_bytes()) || contains(&wal, hashed.as_bytes())
        })
        .collect()
}

/// A morning at the desk: identified voters of several districts, a face, a failure.
fn busy_morning() -> (uchastok_tests::Harness, Station, Vec<SyntheticVoter>) {
    let (harness, station) = remote_station_open();
    for case in [VoterCase::OtherDistrict, VoterCase::Eligible, VoterCase::DigitalPassport, VoterCase::OtherDistrict] {
        for _ in 0..4 {
            let arrival = station.simulate_voter(case).expect("a voter comes");
            station.desk_read_document(arrival.document).expect("read");
            station.desk_confirm_photo().expect("photo");
            assert!(station.desk_fingerprint().expect("fingerprint").identified);
            station.desk_list().expect("listed");
            station.desk_clear();
        }
    }
    let arrival = station.simulate_voter(VoterCase::NeverRecognised).expect("a voter comes");
    station.desk_read_document(arrival.document).expect("read");
    station.desk_confirm_photo().expect("photo");
    for _ in 0..10 {
        station.desk_fingerprint().expect("attempt");
    }
    station.desk_face().expect("face");
    station.desk_give_up().expect("act");
    station.desk_clear();
    let definition = station.election().expect("election");
    assert_eq!(definition.station.number, "9021");
    let voters = synthetic_voters(&definition, &api::simulation::register_options(&definition)).expect("voters");
    (harness, station, voters)
}

#[test]
fn r1_4_no_file_holds_a_personal_number_and_the_journal_holds_no_name() {
    let (_harness, station, voters) = busy_morning();
    assert_eq!(station.overview().voting.expect("voting").identified, 16);
    let backup = station.backup(&station.data_dir().join("backups")).expect("backup");
    let dir = station.data_dir().to_path_buf();
    // Whatever is on disk right now, WAL included: the station is still open.
    let everything: Vec<(std::path::PathBuf, Vec<u8>)> =
        files(&dir).into_iter().map(|path| (path.clone(), std::fs::read(&path).expect("read"))).collect();
    assert!(everything.iter().any(|(path, _)| path.ends_with("uchastok.db")));
    assert!(everything.iter().any(|(path, _)| path.to_string_lossy() == backup));
    let numbers: std::collections::HashSet<&[u8]> = voters.iter().map(|v| v.personal_number.as_bytes()).collect();
    for (path, bytes) in &everything {
        let found = fourteen_digit_runs(bytes).intersection(&numbers).count();
        assert_eq!(found, 0, "personal numbers in {}", path.display());
    }
    let came = voters_in_the_journal(&station, &voters);
    assert_eq!(came.len(), 17, "the journal names by keyed hash every voter who came to the desk");
    // Names are kept where a member must read them (the register) and on the signed acts;
    // the journal, its WAL, its backups and the serial set never hold one.
    let journal_files: Vec<&(std::path::PathBuf, Vec<u8>)> = everything
        .iter()
        .filter(|(path, _)| {
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            name.starts_with("uchastok") || name.starts_with("ballots")
        })
        .collect();
    assert!(journal_files.len() >= 3, "the journal, the serial set and the backup");
    // (A surname alone may be a commission member's or a candidate's, in the definition.)
    let register = std::fs::read(station.data_dir().join("register.db")).expect("register");
    for voter in came {
        let name = format!("{} {}", voter.surname, voter.given_names);
        let in_register = contains(&register, voter.surname.as_bytes()) && contains(&register, voter.given_names.as_bytes());
        assert!(in_register, "the register shows {name} to the member: the search looks for what is there");
        for (path, bytes) in &journal_files {
            assert!(!contains(bytes, name.as_bytes()), "{name} in {}", path.display());
        }
    }
}

#[test]
fn r1_4_no_table_view_or_row_order_links_a_voter_to_a_serial() {
    let (_harness, station, _voters) = busy_morning();
    let dir = station.data_dir().to_path_buf();
    // The serial set: one table, one column, no rowid, no time: stored in serial order.
    let set = Connection::open(dir.join("ballots.db")).expect("serial set");
    let schema: Vec<(String, String)> = set
        .prepare("SELECT type, name FROM sqlite_master")
        .and_then(|mut s| s.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?.collect())
        .expect("schema");
    assert_eq!(schema, vec![("table".to_owned(), "printed".to_owned())], "no index, view or trigger besides the set");
    let columns: Vec<String> = set
        .prepare("SELECT name FROM pragma_table_info('printed')")
        .and_then(|mut s| s.query_map([], |row| row.get(0))?.collect())
        .expect("columns");
    assert_eq!(columns, vec!["serial".to_owned()]);
    assert!(set.prepare("SELECT rowid FROM printed").is_err(), "WITHOUT ROWID: no insertion order");
    let serials: Vec<Vec<u8>> = set
        .prepare("SELECT serial FROM printed")
        .and_then(|mut s| s.query_map([], |row| row.get(0))?.collect())
        .expect("serials");
    assert_eq!(serials.len(), 16, "one serial per ballot printed");
    let mut sorted = serials.clone();
    sorted.sort();
    assert_eq!(serials, sorted, "read back in the order of the serials' values, not of printing");
    // The journal, its WAL and the register know no serial, in any form.
    for name in ["uchastok.db", "uchastok.db-wal", "register.db"] {
        let Ok(bytes) = std::fs::read(dir.join(name)) else { continue };
        for serial in &serials {
            assert!(!contains(&bytes, serial), "a raw serial in {name}");
            assert!(!contains(&bytes, hex::encode(serial).as_bytes()), "a hex serial in {name}");
        }
    }
    // And no table of the journal file has a column that could hold one.
    let journal = Connection::open_with_flags(dir.join("uchastok.db"), rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY);
    if let Ok(journal) = journal {
        if let Ok(mut statement) = journal.prepare("SELECT name FROM sqlite_master WHERE type = 'table'") {
            let tables: Vec<String> = statement.query_map([], |row| row.get(0)).expect("tables").flatten().collect();
            assert!(tables.iter().all(|t| !t.contains("serial") && !t.contains("ballot")), "{tables:?}");
        }
    }
}
