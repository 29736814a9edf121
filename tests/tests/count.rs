//! The close and the count through `api` (§49–67, R5.1–R5.6): whole simulated days end
//! with a protocol whose figures are what the simulated voters marked; each rule of the
//! count has its test, named after its clause.

use api::demo_day::{self, DemoDay, DemoDayOptions};
use api::{Demo, Station};
use domain::count::{AeuSource, AeuTally, CountFigures};
use domain::{Command, StepId, StepState};
use uchastok_tests::{Harness, regular_station_open, remote_station_open, state_of};

fn day(demo: Demo, voters: u32) -> (tempfile::TempDir, DemoDay) {
    let dir = tempfile::tempdir().expect("tempdir");
    let options = DemoDayOptions { demo, voters, seed: 7, data_dir: dir.path().to_path_buf() };
    let day = demo_day::run(&options).expect("the day runs by the book");
    (dir, day)
}

#[test]
fn a_whole_remote_day_ends_with_the_protocol_the_voters_marked_per_district() {
    let (_dir, day) = day(Demo::RemoteVoting, 120);
    assert!(day.identified > 80 && day.failures >= 1, "{} identified, {} failures", day.identified, day.failures);
    let truth_total: u64 = day.truth.iter().map(|t| t.cast).sum();
    assert_eq!(truth_total, u64::from(day.identified), "every identified voter cast one ballot");
    assert_eq!(day.results.contests.len(), 4, "one electronic protocol per district (R5.5)");
    for result in &day.results.contests {
        let protocol = &result.protocol;
        let truth = day.truth.iter().find(|t| t.contest == protocol.contest).cloned().unwrap_or_default();
        assert_eq!(protocol.line("ballots-in-aeu"), Some(truth.cast), "{}", protocol.contest);
        assert_eq!(protocol.line("ballots-invalid"), Some(truth.invalid));
        assert_eq!(protocol.line("remote-participants"), Some(truth.cast));
        for (option, votes) in protocol.options() {
            assert_eq!(*votes, truth.votes.get(option).copied().unwrap_or(0), "{} {option}", protocol.contest);
        }
        let aeu = result.aeu.as_ref().expect("the AEU's preliminary figures");
        assert_eq!(aeu.processed, truth.cast);
    }
    let overview = day.station.overview();
    for step in [StepId::Close, StepId::Count, StepId::Protocol, StepId::Packets, StepId::Delivery] {
        assert_eq!(state_of(&overview, step), StepState::Done, "{step:?}");
    }
}

#[test]
fn a_whole_regular_day_balances_every_ballot_received() {
    let (_dir, day) = day(Demo::CityCouncil, 90);
    let [result] = day.results.contests.as_slice() else { panic!("one contest at a regular station") };
    let protocol = &result.protocol;
    let truth = &day.truth[0];
    assert_eq!(protocol.line("ballots-in-stationary-boxes"), Some(truth.cast));
    assert_eq!(protocol.line("ballots-issued-in-premises"), Some(u64::from(day.identified)));
    let received = protocol.line("ballots-received").expect("received");
    let cancelled = protocol.line("ballots-cancelled").expect("cancelled");
    assert_eq!(received, u64::from(day.identified) + cancelled, "§52: received = issued + cancelled");
    assert_eq!(protocol.line("voters-in-list"), protocol.line("voters-in-electronic-list"));
}

/// A regular station after the close: unused ballots and the list done.
fn regular_counting() -> (Harness, Station) {
    let (harness, station) = regular_station_open();
    harness.at(29, 20, 0);
    station.act(Command::ClosePolls).expect("closed");
    station.act(Command::CancelUnusedBallots { unused: 1500, spoiled_returned: 0 }).expect("unused");
    station
        .act(Command::RecordListTotals { pages: 76, voters_in_list: 1520, signatures: 0, explanation: None })
        .expect("list");
    (harness, station)
}

fn figures(votes: &[(&str, u64)], invalid: u64) -> CountFigures {
    CountFigures {
        in_boxes: votes.iter().map(|(_, v)| v).sum::<u64>() + invalid,
        votes: votes.iter().map(|(o, v)| ((*o).to_owned(), *v)).collect(),
        invalid,
        ..CountFigures::default()
    }
}

#[test]
fn s58_double_entry_disagreement_is_shown_and_only_agreement_counts() {
    let (_harness, station) = regular_counting();
    let contest = station.election().expect("election").station.district;
    let first = figures(&[("p1", 0), ("p2", 0)], 0);
    let mut second = first.clone();
    second.invalid = 1;
    second.in_boxes = 1;
    station.act(Command::EnterCount { contest: contest.clone(), member: "m4".into(), figures: first.clone() }).expect("first");
    let overview = station.act(Command::EnterCount { contest: contest.clone(), member: "m5".into(), figures: second }).expect("second");
    let view = &overview.count.expect("count").contests[0];
    assert!(view.agreed.is_none());
    let fields: Vec<&str> = view.differences.iter().map(|d| d.field.as_str()).collect();
    assert_eq!(fields, vec!["in-boxes", "invalid"]);
    assert_eq!(state_of(&station.overview(), StepId::Count), StepState::Now);
    let refusal = station.act(Command::SignProtocol { signers: vec!["m1".into()] }).expect_err("not agreed");
    assert_eq!(refusal.code, "count.not-agreed");
    // The second member checks the pile again and corrects the entry.
    let overview = station.act(Command::EnterCount { contest, member: "m5".into(), figures: first }).expect("corrected");
    assert!(overview.count.expect("count").contests[0].agreed.is_some());
    assert_eq!(state_of(&station.overview(), StepId::Count), StepState::Done);
}

#[test]
fn s52_s53_the_count_follows_the_order_of_the_law() {
    let (harness, station) = regular_station_open();
    harness.at(29, 20, 0);
    station.act(Command::ClosePolls).expect("closed");
    let contest = station.election().expect("election").station.district;
    let early = station.act(Command::EnterCount { contest, member: "m4".into(), figures: CountFigures::default() });
    assert_eq!(early.expect_err("list first").code, "count.out-of-order");
    let list = station.act(Command::RecordListTotals { pages: 1, voters_in_list: 1520, signatures: 0, explanation: None });
    assert_eq!(list.expect_err("unused first").code, "count.out-of-order");
    station.act(Command::CancelUnusedBallots { unused: 200, spoiled_returned: 0 }).expect("unused");
    let differs = station.act(Command::RecordListTotals { pages: 1, voters_in_list: 1520, signatures: 3, explanation: None });
    let refusal = differs.expect_err("signatures differ from receipts");
    assert_eq!(refusal.code, "count.signatures-differ");
    assert_eq!(refusal.args.get("receipts"), Some(&domain::MessageArg::Number(0)));
}

#[test]
fn s56_aeu_results_no_later_than_21() {
    let (harness, station) = regular_counting();
    harness.at(29, 21, 0);
    let tally = AeuTally { contest: "d1".into(), processed: 0, votes: Default::default(), invalid: 0 };
    let late = station.act(Command::RecordAeuResults { source: AeuSource::Printout, tallies: vec![tally] });
    assert_eq!(late.expect_err("after 21:00").code, "count.aeu-too-late");
}

#[test]
fn s62_aeu_mismatch_and_a_recount_demanded_by_an_observer() {
    let (harness, station) = remote_station_open();
    harness.at(29, 20, 0);
    station.act(Command::ClosePolls).expect("closed");
    station
        .act(Command::RecordListTotals { pages: 1, voters_in_list: 0, signatures: 0, explanation: None })
        .expect("list");
    let tally = AeuTally { contest: "d1".into(), processed: 1, votes: [("c1".to_owned(), 1)].into(), invalid: 0 };
    station.act(Command::RecordAeuResults { source: AeuSource::Printout, tallies: vec![tally] }).expect("aeu");
    let zero = figures(&[], 0);
    for member in ["m4", "m5"] {
        station.act(Command::EnterCount { contest: "d1".into(), member: member.into(), figures: zero.clone() }).expect("entry");
    }
    let view = station.overview().count.expect("count");
    let d1 = view.contests.iter().find(|c| c.contest == "d1").expect("d1");
    let fields: Vec<&str> = d1.aeu_differences.iter().map(|d| d.field.as_str()).collect();
    assert_eq!(fields, vec!["processed", "votes:c1"], "every line that differs, and only those");
    // A member cannot demand it; an observer present can (§62).
    let member = station.act(Command::DemandRecount { contest: "d1".into(), by: 1, reason: "АСУ".into() });
    assert_eq!(member.expect_err("a member").code, "count.recount-not-entitled");
    station.act(uchastok_tests::arrival_command(domain::attendance::AttendeeCategory::Observer, "Токтосунова Гүлнара")).expect("observer");
    let observer = station.overview().opening.expect("opening").attendance.last().expect("observer").person;
    let overview = station.act(Command::DemandRecount { contest: "d1".into(), by: observer, reason: "АСУ не совпадает".into() }).expect("demanded");
    let d1 = overview.count.expect("count").contests.into_iter().find(|c| c.contest == "d1").expect("d1");
    assert!(d1.recounted && d1.agreed.is_none(), "the count starts again after the demand");
    for member in ["m4", "m5"] {
        station.act(Command::EnterCount { contest: "d1".into(), member: member.into(), figures: zero.clone() }).expect("recount");
    }
    assert!(station.overview().count.expect("count").contests.iter().any(|c| c.contest == "d1" && c.agreed.is_some()));
}

#[test]
fn s65_the_protocol_needs_every_relation_and_a_majority() {
    let (_harness, station) = regular_counting();
    let contest = station.election().expect("election").station.district;
    // Two ballots found in the boxes but no voter got one: ballots in boxes > issued.
    let wrong = figures(&[("p1", 2)], 0);
    for member in ["m4", "m5"] {
        station.act(Command::EnterCount { contest: contest.clone(), member: member.into(), figures: wrong.clone() }).expect("entry");
    }
    let overview = station.overview();
    let violations = &overview.count.as_ref().expect("count").contests[0].violations;
    assert!(!violations.is_empty());
    let text = api::text_with(api::Language::Ru, &violations[0].message, &violations[0].args);
    assert!(text.contains("Строк") || text.contains("строк"), "{text}");
    let refusal = station.act(Command::SignProtocol { signers: vec!["m1".into(), "m2".into(), "m3".into(), "m4".into(), "m5".into()] });
    assert_eq!(refusal.expect_err("relations").code, "count.relations-violated");
    let right = figures(&[], 0);
    for member in ["m4", "m5"] {
        station.act(Command::EnterCount { contest: contest.clone(), member: member.into(), figures: right.clone() }).expect("entry");
    }
    let few = station.act(Command::SignProtocol { signers: vec!["m1".into(), "m3".into()] });
    assert_eq!(few.expect_err("no majority").code, "count.no-majority");
    let signers: Vec<String> = (1..=5).map(|i| format!("m{i}")).collect();
    let overview = station.act(Command::SignProtocol { signers }).expect("signed by 5 of 9");
    assert_eq!(state_of(&overview, StepId::Protocol), StepState::Done);
    // §66: an error found after signing: an act, then a new protocol.
    let overview = station.act(Command::CorrectProtocol { reason: "Описка в строке 6".into() }).expect("correction");
    assert_eq!(state_of(&overview, StepId::Protocol), StepState::Now);
    assert!(overview.voting.expect("voting").acts.iter().any(|a| a.kind.name() == "correction-of-protocol"));
    for member in ["m4", "m5"] {
        station.act(Command::EnterCount { contest: contest.clone(), member: member.into(), figures: right.clone() }).expect("again");
    }
    let signers: Vec<String> = (1..=5).map(|i| format!("m{i}")).collect();
    let overview = station.act(Command::SignProtocol { signers }).expect("second protocol");
    let count = overview.count.expect("count");
    assert_eq!(count.protocols.iter().map(|p| p.number).collect::<Vec<_>>(), vec![1, 2], "both protocols are kept");
}

#[test]
fn s64_packets_wait_for_every_complaint_to_be_decided() {
    let (_harness, station) = regular_counting();
    let contest = station.election().expect("election").station.district;
    for member in ["m4", "m5"] {
        station.act(Command::EnterCount { contest: contest.clone(), member: member.into(), figures: figures(&[], 0) }).expect("entry");
    }
    station.act(Command::ReceiveComplaint { from: "Асанов Б.".into(), text: "Наблюдателю не показали бюллетени".into() }).expect("complaint");
    station.act(Command::AttachDissent { member: "m6".into(), text: "Не согласен с решением по жалобе".into() }).expect("dissent");
    let signers: Vec<String> = (1..=5).map(|i| format!("m{i}")).collect();
    station.act(Command::SignProtocol { signers }).expect("signed");
    assert_eq!(station.act(Command::SealPackets).expect_err("complaint open").code, "count.complaint-open");
    station
        .act(Command::DecideComplaint { number: 1, decision: "Отклонить: бюллетени показаны".into(), agreed: vec!["m1".into(), "m2".into()] })
        .expect("decided");
    let overview = station.act(Command::SealPackets).expect("packets");
    assert!(overview.count.expect("count").packets.iter().any(|p| p.kind == "cancelled" && p.count == 1500));
    station.act(Command::RecordDelivery).expect("delivered");
}

#[test]
fn s54_a_portable_box_with_more_ballots_than_voters_served_is_all_invalid() {
    let (harness, station) = uchastok_tests::regular_station_with_portable_box(2);
    harness.at(29, 20, 0);
    station.act(Command::ClosePolls).expect("closed");
    station.act(Command::CancelUnusedBallots { unused: 200, spoiled_returned: 0 }).expect("unused");
    station
        .act(Command::RecordListTotals { pages: 76, voters_in_list: 1520, signatures: 0, explanation: None })
        .expect("list");
    let contest = station.election().expect("election").station.district;
    let early = station.act(Command::EnterCount { contest, member: "m4".into(), figures: CountFigures::default() });
    assert_eq!(early.expect_err("portable boxes first").code, "count.out-of-order");
    let overview = station.act(Command::OpenPortableBox { box_id: "p-1".into(), seals_intact: true, found: 3 }).expect("opened");
    let count = overview.count.expect("count");
    assert!(count.portable[0].invalidated, "3 ballots for 2 voters served");
    assert_eq!(count.portable[0].served, 2);
    let acts = overview.voting.expect("voting").acts;
    assert!(acts.iter().any(|a| a.kind.name() == "portable-box-invalidated"));
}
