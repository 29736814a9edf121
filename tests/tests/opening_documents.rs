//! The printed records of the opening meeting (§32–36), rendered to PDF in both
//! languages and read back with poppler: what a commission signs must say what the
//! journal holds, with Kyrgyz letters intact.

use std::process::Command;

use api::documents::DocumentKind;
use api::{Demo, Language, Station};
use domain::attendance::AttendeeCategory;
use domain::lot::LotPurpose;
use uchastok_tests::{Harness, arrival, bishkek, commission_arrives, draw_roles_lot, pdf_text, prepare_regular_after_lot};

fn renders_to_png(pdf: &[u8]) {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("doc.pdf");
    std::fs::write(&file, pdf).expect("write");
    let status = Command::new("pdftoppm")
        .args(["-r", "40", "-png", "-f", "1", "-l", "1"])
        .arg(&file)
        .arg(dir.path().join("page"))
        .status()
        .expect("pdftoppm");
    assert!(status.success());
    assert!(std::fs::read_dir(dir.path()).expect("dir").flatten().any(|e| e.path().extension().is_some_and(|x| x == "png")));
}

fn ready_station() -> (Harness, Station) {
    let harness = Harness::new(bishkek(29, 7, 2));
    let station = harness.open(Demo::CityCouncil);
    commission_arrives(&station, 9);
    let observer = domain::attendance::Arrival {
        organisation: Some("Шайлоо үчүн Күмүш Түндүк".into()),
        ..arrival(AttendeeCategory::Observer, "Түгөлбаева Айгүл")
    };
    station.act(domain::Command::RegisterArrival { arrival: observer }).expect("observer");
    draw_roles_lot(&station);
    prepare_regular_after_lot(&station);
    (harness, station)
}

fn text_in(station: &Station, language: Language, kind: &DocumentKind) -> String {
    station.set_language(language).expect("language");
    let pdf = station.document_pdf(kind).expect("rendered");
    renders_to_png(&pdf);
    pdf_text(&pdf)
}

#[test]
fn s32_the_lot_record_holds_everything_to_re_run_the_lot_in_both_languages() {
    let (_harness, station) = ready_station();
    let record = station.lot_record(LotPurpose::Roles).expect("record");
    let kind = DocumentKind::LotRecord { purpose: LotPurpose::Roles };
    for (language, title) in [(Language::Ky, "Чүчүкулак жөнүндө жазуу"), (Language::Ru, "Запись о жеребьёвке")] {
        let text = text_in(&station, language, &kind);
        assert!(text.contains(title), "{language:?}: {text}");
        for needed in [&record.commitment, &record.secret, &record.seed] {
            // Long hashes may wrap in a table cell: compare without white space.
            let compact: String = text.split_whitespace().collect();
            assert!(compact.contains(needed.as_str()), "{language:?} lacks {needed}");
        }
        assert!(text.contains("observer") && text.contains("17"), "the contribution is printed");
        assert!(text.contains("5214"), "the station number");
    }
}

#[test]
fn s34_the_control_sheet_names_the_chair_the_time_and_everyone_present() {
    let (_harness, station) = ready_station();
    let overview = station.overview();
    let opening = overview.opening.expect("opening");
    let chair = opening.commission.iter().find(|m| m.role == domain::election::Role::Chair).expect("chair").name.clone();
    let kind = DocumentKind::ControlSheet { box_id: "box-2".into() };
    for (language, title) in [(Language::Ky, "Көзөмөлдөө барагы"), (Language::Ru, "Контрольный лист")] {
        let text = text_in(&station, language, &kind);
        assert!(text.contains(title), "{language:?}: {text}");
        assert!(text.contains(&chair));
        assert!(text.contains("07:02"), "the time the sheet went in");
        assert!(text.contains("Түгөлбаева Айгүл"), "the observer, with ү and ө intact");
        assert!(text.contains("A-002"), "the seal");
    }
}

#[test]
fn s36_the_ballot_ledger_lists_each_batch_for_signature() {
    let (_harness, station) = ready_station();
    for (language, title, left) in
        [(Language::Ky, "ведомосту", "Төрагада калды"), (Language::Ru, "Ведомость выдачи бюллетеней", "Осталось у председателя")]
    {
        let text = text_in(&station, language, &DocumentKind::BallotLedger);
        assert!(text.contains(title), "{language:?}: {text}");
        assert!(text.contains(left) && text.contains("1250"), "1500 − 50 − 200 left: {text}");
        assert_eq!(text.matches(" 100 ").count(), 2, "two batches of 100: {text}");
    }
}

#[test]
fn s70_the_attendance_register_and_the_safe_record_print() {
    let (_harness, station) = ready_station();
    let register = text_in(&station, Language::Ru, &DocumentKind::AttendanceRegister);
    assert!(register.contains("Реестр присутствующих") && register.contains("Заверенных копий для присутствующих: 10"));
    let safe = text_in(&station, Language::Ky, &DocumentKind::SafeRecord);
    assert!(safe.contains("Сейфти ачуу жөнүндө жазуу") && safe.contains("1520"));
}

#[test]
fn a_document_of_what_has_not_happened_is_refused() {
    let harness = Harness::new(bishkek(29, 7, 2));
    let station = harness.open(Demo::CityCouncil);
    let refusal = station.document_pdf(&DocumentKind::BallotLedger).expect_err("nothing received yet");
    assert_eq!(refusal.message, "error-document-not-yet");
}

#[test]
fn saved_documents_and_lot_records_land_in_the_data_directory() {
    let (harness, station) = ready_station();
    let pdf = station.save_document(&DocumentKind::BallotLedger).expect("saved");
    assert!(pdf.ends_with("documents/ballot-ledger.pdf"));
    assert!(std::fs::read(&pdf).expect("pdf").starts_with(b"%PDF"));
    let json = station.save_lot_record(LotPurpose::Roles).expect("saved");
    let record: domain::lot::LotRecord = serde_json::from_str(&std::fs::read_to_string(&json).expect("json")).expect("parses");
    assert_eq!(domain::lot::verify(&record), Ok(()));
    assert!(json.starts_with(harness.dir.path().to_str().expect("utf-8 path")));
}
