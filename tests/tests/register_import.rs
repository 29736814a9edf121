//! Importing the voter register through `api`, as the window does (docs/voter-register.md):
//! progress while it runs, bad rows reported by line and field, the good rows kept, the
//! new register used at once by identification.

use api::Demo;
use domain::MessageArg;
use uchastok_tests::Harness;

#[test]
fn a_register_with_bad_rows_is_imported_with_its_good_rows_and_each_bad_line_named() {
    let harness = Harness::new(uchastok_tests::bishkek(28, 12, 0));
    let station = harness.open(Demo::CityCouncil);
    let election = station.election().expect("election");
    let mut csv = Vec::new();
    let options = store::register::GenerateOptions::new(&election, 30, 11);
    store::register::generate(&election, &options, &mut csv, &mut |_, _| Ok(())).expect("generated");
    let mut text = String::from_utf8(csv).expect("utf-8");
    // Line 32: a personal number of 13 digits; line 33: a date that does not exist.
    let district = &election.station.district;
    text.push_str(&format!("2150619900012,Асанов,Нурлан,,1990-06-15,{district},5214,2010-01-01,\n"));
    text.push_str(&format!("11502199000124,Асанова,Айгүл,,1990-02-30,{district},5214,2010-01-01,\n"));
    let path = harness.dir.path().join("register-upload.csv");
    std::fs::write(&path, text).expect("written");

    station.import_may_start().expect("nothing running");
    station.import_register_file(&path);
    let status = station.import_status().expect("status");
    assert!(!status.running);
    let report = status.report.expect("report");
    assert_eq!((report.rows_read, report.imported, report.rejected), (32, 30, 2));
    let named: Vec<(Option<&MessageArg>, Option<&MessageArg>)> =
        report.problems.iter().map(|p| (p.args.get("line"), p.args.get("field"))).collect();
    let text = |value: &str| MessageArg::Text(value.to_owned());
    assert!(named.contains(&(Some(&MessageArg::Number(32)), Some(&text("personal_number")))), "{named:?}");
    assert!(named.contains(&(Some(&MessageArg::Number(33)), Some(&text("birth_date")))), "{named:?}");
    assert!(named.iter().all(|(line, _)| matches!(line, Some(MessageArg::Number(32 | 33)))), "{named:?}");
    let register = station.overview().register;
    assert!(register.loaded);
    assert_eq!(register.voters, 30);
    // The progress was reported and ended at the file's end.
    assert_eq!(status.bytes_done, status.bytes_total);
}
