//! The count's printed records (§56, §64–71, R5.4–R5.6), rendered to PDF after a whole
//! simulated day and read back with poppler in both languages: the protocol's two copies
//! with the time of signing and the figures as signed, the AEU's preliminary protocol
//! beside the manual count, the enlarged wall form on A1, a certified copy for each
//! person present, the packets' labels and inventory, the final meeting, and a corrected
//! protocol that says what it replaces.
//!
//! `UCHASTOK_RENDERS=DIR` keeps every PDF and a PNG of its pages in DIR, to look at.

use std::process::Command as Process;

use api::demo_day::{self, DemoDay, DemoDayOptions};
use api::documents::DocumentKind;
use api::{Demo, Language};
use domain::Command;
use domain::attendance::AttendeeCategory;
use domain::count::CountFigures;
use uchastok_tests::{arrival_command, pdf_text};

fn day(demo: Demo, voters: u32) -> (tempfile::TempDir, DemoDay) {
    let dir = tempfile::tempdir().expect("tempdir");
    let options = DemoDayOptions { demo, voters, seed: 11, data_dir: dir.path().to_path_buf() };
    let day = demo_day::run(&options).expect("the day runs by the book");
    (dir, day)
}

/// Renders the first pages to PNG (they must render) and, with `UCHASTOK_RENDERS`, keeps
/// the PDF and the pictures.
fn renders(pdf: &[u8], name: &str) {
    let dir = tempfile::tempdir().expect("tempdir");
    let keep = std::env::var_os("UCHASTOK_RENDERS").map(std::path::PathBuf::from);
    let folder = keep.as_deref().unwrap_or(dir.path());
    std::fs::create_dir_all(folder).expect("renders folder");
    let file = folder.join(format!("{name}.pdf"));
    std::fs::write(&file, pdf).expect("write");
    let status = Process::new("pdftoppm")
        .args(["-r", "50", "-png", "-f", "1", "-l", "3"])
        .arg(&file)
        .arg(folder.join(name))
        .status()
        .expect("pdftoppm");
    assert!(status.success(), "{name} does not render");
    let pictures = std::fs::read_dir(folder)
        .expect("folder")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(name) && e.path().extension().is_some_and(|x| x == "png"))
        .count();
    assert!(pictures > 0, "{name}: no page rendered");
}

fn pdf_info(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("doc.pdf");
    std::fs::write(&file, pdf).expect("write");
    let output = Process::new("pdfinfo").arg(&file).output().expect("pdfinfo (poppler-utils)");
    assert!(output.status.success());
    String::from_utf8(output.stdout).expect("utf-8")
}

fn pages(pdf: &[u8]) -> usize {
    pdf_info(pdf)
        .lines()
        .find_map(|line| line.strip_prefix("Pages:").map(|n| n.trim().parse().expect("a number")))
        .expect("Pages:")
}

fn text(day: &DemoDay, language: Language, kind: &DocumentKind) -> String {
    day.station.set_language(language).expect("language");
    let pdf = day.station.document_pdf(kind).expect("rendered");
    let station = day.station.election().expect("election").station.number;
    renders(&pdf, &format!("{station}-{}-{}", kind.file_stem(), language.code()));
    pdf_text(&pdf)
}

/// Text without the line breaks and runs of spaces that `pdftotext -layout` puts in.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

const BOTH: [Language; 2] = [Language::Ky, Language::Ru];

#[test]
fn s65_the_protocol_prints_two_copies_with_the_time_of_signing_and_the_signed_figures() {
    let (_dir, day) = day(Demo::CityCouncil, 30);
    let election = day.station.election().expect("election");
    let [result] = day.results.contests.as_slice() else { panic!("one contest") };
    let chair = election.commission.iter().find(|m| m.role == domain::election::Role::Chair).expect("chair");
    for (language, title, copy, relation) in [
        (Language::Ky, "добуш берүүнүн жыйынтыктары жөнүндө протоколу", "№ 2 нуска", "аткарылды"),
        (Language::Ru, "Протокол участковой избирательной комиссии об итогах голосования", "экземпляр № 2", "выполнено"),
    ] {
        let first = flat(&text(&day, language, &DocumentKind::Protocol { number: 1, copy: 1 }));
        let second = flat(&text(&day, language, &DocumentKind::Protocol { number: 1, copy: 2 }));
        for printed in [&first, &second] {
            assert!(printed.contains(title), "{language:?}: {printed}");
            assert!(printed.contains("5214"), "the station");
            assert!(printed.contains("22:30"), "the hour and minute of signing (§65)");
            assert!(printed.contains(&chair.name), "a signature line for the chair");
            assert!(printed.contains(relation), "the box of control relations");
            assert!(!printed.contains("doc-") && !printed.contains("protocol-"), "no bare message id: {printed}");
        }
        assert!(second.contains(copy) && !first.contains(copy), "{language:?}: the copy's number");
        let valid = result.protocol.line("ballots-valid").expect("valid");
        let p1 = result.protocol.votes("p1").expect("p1");
        assert!(first.contains(" 10 ") && first.contains(&valid.to_string()), "line 10 and its value");
        assert!(first.contains(&p1.to_string()) && first.contains("«Ак жол»"), "an option and its votes");
    }
    let refused = day.station.document_pdf(&DocumentKind::Protocol { number: 1, copy: 3 }).expect_err("two copies");
    assert_eq!(refused.code, "document.no-such-copy");
    let refused = day.station.document_pdf(&DocumentKind::Protocol { number: 2, copy: 1 }).expect_err("one protocol");
    assert_eq!(refused.message, "error-document-not-yet");
}

#[test]
fn r5_5_a_remote_station_prints_one_electronic_protocol_per_district() {
    let (_dir, day) = day(Demo::RemoteVoting, 40);
    let election = day.station.election().expect("election");
    for language in BOTH {
        let printed = flat(&text(&day, language, &DocumentKind::Protocol { number: 1, copy: 1 }));
        for contest in &election.contests {
            let name = contest.name.get(language.code());
            assert!(printed.contains(name), "{language:?}: district {name}: {printed}");
        }
        let pdf = day.station.document_pdf(&DocumentKind::Protocol { number: 1, copy: 1 }).expect("rendered");
        assert!(pages(&pdf) > election.contests.len(), "each district's protocol on its own pages, then the signatures");
        for result in &day.results.contests {
            let participants = result.protocol.line("remote-participants").expect("line 1");
            assert!(printed.contains(&participants.to_string()));
        }
    }
}

#[test]
fn s56_the_aeu_protocol_is_attached_beside_the_manual_count() {
    let (_dir, day) = day(Demo::CityCouncil, 30);
    let [result] = day.results.contests.as_slice() else { panic!("one contest") };
    let processed = result.aeu.as_ref().expect("taken").processed;
    for (language, title, no_force) in [
        (Language::Ky, "АЭУнун алдын ала протоколу", "юридикалык күчү жок"),
        (Language::Ru, "Предварительный протокол АСУ", "юридической силы не имеют"),
    ] {
        let printed = flat(&text(&day, language, &DocumentKind::AeuPreliminary));
        assert!(printed.contains(title) && printed.contains(no_force), "{language:?}: {printed}");
        assert!(printed.matches(&format!(" {processed} ")).count() >= 2, "the AEU beside the manual count: {printed}");
        assert!(printed.contains("20:20"), "when the data was taken");
        let protocol = flat(&text(&day, language, &DocumentKind::Protocol { number: 1, copy: 1 }));
        assert!(protocol.contains("20:20") && protocol.contains("(§56, §65)"), "the protocol names its attachment");
    }
}

#[test]
fn s69_the_enlarged_form_is_an_a1_poster_of_the_figures() {
    let (_dir, day) = day(Demo::CityCouncil, 30);
    day.station.set_language(Language::Ru).expect("language");
    let pdf = day.station.document_pdf(&DocumentKind::EnlargedProtocol).expect("rendered");
    renders(&pdf, "enlarged-protocol-ru");
    assert!(pdf_info(&pdf).contains("(A1)"), "A1 paper: {}", pdf_info(&pdf));
    let printed = flat(&pdf_text(&pdf));
    assert!(printed.contains("Увеличенная форма"), "{printed}");
    assert!(!printed.contains("Контрольные соотношения") && !printed.contains("М. П."), "the figures only");
    let [result] = day.results.contests.as_slice() else { panic!("one contest") };
    assert!(printed.contains(&result.protocol.line("ballots-received").expect("received").to_string()));
    let ky = flat(&text(&day, Language::Ky, &DocumentKind::EnlargedProtocol));
    assert!(ky.contains("Чоңойтулган таризи"), "{ky}");
}

#[test]
fn s70_one_certified_copy_for_each_person_present() {
    let (_dir, day) = day(Demo::CityCouncil, 30);
    day.station.act(arrival_command(AttendeeCategory::Observer, "Түгөлбаева Айгүл")).expect("an observer");
    let present = day.station.overview().opening.expect("opening").attendance.iter().filter(|a| a.left_at.is_none()).count();
    for (language, heading) in [(Language::Ky, "Күбөлөндүрүлгөн көчүрмө:"), (Language::Ru, "Заверенная копия для:")] {
        day.station.set_language(language).expect("language");
        let pdf = day.station.document_pdf(&DocumentKind::CertifiedCopies).expect("rendered");
        renders(&pdf, &format!("certified-copies-{}", language.code()));
        let printed = flat(&pdf_text(&pdf));
        assert_eq!(printed.matches(heading).count(), present, "{language:?}: one per person present");
        assert!(printed.contains("Түгөлбаева Айгүл"), "the observer gets one, ү and ө intact");
        assert!(pages(&pdf) >= present, "each copy starts on its own page");
    }
}

#[test]
fn s64_packet_labels_and_the_inventory_name_the_station_and_the_counts() {
    let (_dir, day) = day(Demo::CityCouncil, 30);
    let packets = day.station.overview().count.expect("count").packets;
    assert!(packets.len() > 5, "{packets:?}");
    for (language, label, inventory) in [
        (Language::Ky, "пакеттин №", "Баштыктагы (кутудагы) пакеттердин тизмеси"),
        (Language::Ru, "Пакет №", "Опись пакетов"),
    ] {
        let labels = flat(&text(&day, language, &DocumentKind::PacketLabels));
        assert_eq!(labels.matches(label).count(), packets.len(), "{language:?}: one label per packet: {labels}");
        assert!(labels.matches("5214").count() >= packets.len(), "the station on every label");
        assert!(!labels.contains("doc-packet"), "every kind of packet in words: {labels}");
        let listed = flat(&text(&day, language, &DocumentKind::PacketInventory));
        assert!(listed.contains(inventory), "{language:?}: {listed}");
        for packet in &packets {
            assert!(listed.contains(&packet.count.to_string()));
        }
    }
}

#[test]
fn s64_the_final_meeting_records_complaints_decisions_and_dissents() {
    let (_dir, day) = day(Demo::CityCouncil, 30);
    let station = &day.station;
    station
        .act(Command::ReceiveComplaint { from: "Асанов Бакыт, байкоочу".into(), text: "Үкөктүн пломбасы текшерилген жок".into() })
        .expect("received");
    station
        .act(Command::DecideComplaint { number: 1, decision: "Четке кагылсын: пломба актыда".into(), agreed: vec!["m1".into(), "m3".into()] })
        .expect("decided");
    station.act(Command::AttachDissent { member: "m4".into(), text: "Саноо өтө тез жүрдү".into() }).expect("attached");
    let election = station.election().expect("election");
    let name = |id: &str| election.commission.iter().find(|m| m.id == id).expect("member").name.clone();
    // Table cells wrap, and `pdftotext -layout` interleaves the lines of a row's cells:
    // a phrase is there when each of its words is.
    let has = |text: &str, phrase: &str| phrase.split_whitespace().all(|word| text.split_whitespace().any(|w| w == word));
    for language in BOTH {
        let printed = flat(&text(&day, language, &DocumentKind::FinalMeeting));
        assert!(has(&printed, "Асанов Бакыт,") && has(&printed, "Четке кагылсын: пломба актыда"), "{language:?}: {printed}");
        assert!(has(&printed, &name("m1")) && has(&printed, &name("m3")), "who agreed");
        assert!(has(&printed, &name("m4")) && has(&printed, "Саноо өтө тез жүрдү"), "the dissent");
        let protocol = flat(&text(&day, language, &DocumentKind::Protocol { number: 1, copy: 1 }));
        assert!(has(&protocol, "пломба актыда") && has(&protocol, "Саноо өтө тез жүрдү"), "attached to the protocol");
    }
}

#[test]
fn s66_a_new_protocol_after_a_correction_says_which_one_it_replaces() {
    let (_dir, day) = day(Demo::CityCouncil, 30);
    let station = &day.station;
    let agreed: CountFigures = station.overview().count.expect("count").contests[0].agreed.clone().expect("agreed");
    station.act(Command::CorrectProtocol { reason: "9-сапта ката".into() }).expect("correction started");
    let contest = station.election().expect("election").station.district;
    for member in ["m4", "m5"] {
        station.act(Command::EnterCount { contest: contest.clone(), member: member.into(), figures: agreed.clone() }).expect("entered");
    }
    let signers = station.overview().count.expect("count").members_present;
    station.act(Command::SignProtocol { signers }).expect("signed again");
    for (language, replaces, replaced) in [
        (Language::Ky, "№ 1 протоколдун ордуна", "жаңы протокол менен алмаштырылды"),
        (Language::Ru, "взамен протокола № 1", "заменён новым протоколом"),
    ] {
        let second = flat(&text(&day, language, &DocumentKind::Protocol { number: 2, copy: 1 }));
        assert!(second.contains(replaces) && !second.contains(replaced), "{language:?}: {second}");
        let first = flat(&text(&day, language, &DocumentKind::Protocol { number: 1, copy: 1 }));
        assert!(first.contains(replaced) && !first.contains(replaces), "{language:?}: the first is kept and marked");
    }
}

#[test]
fn the_count_documents_are_refused_before_what_they_record() {
    let dir = tempfile::tempdir().expect("tempdir");
    let clock = std::sync::Arc::new(api::FixedClock::at(uchastok_tests::bishkek(29, 7, 0)));
    let station = api::Station::open(api::StationConfig::simulated(dir.path().to_path_buf(), clock, Some(Demo::CityCouncil), 1))
        .expect("station");
    for kind in [
        DocumentKind::Protocol { number: 1, copy: 1 },
        DocumentKind::AeuPreliminary,
        DocumentKind::EnlargedProtocol,
        DocumentKind::CertifiedCopies,
        DocumentKind::PacketLabels,
        DocumentKind::PacketInventory,
        DocumentKind::FinalMeeting,
    ] {
        let refused = station.document_pdf(&kind).expect_err("nothing to print yet");
        assert_eq!(refused.message, "error-document-not-yet", "{kind:?}");
    }
}
