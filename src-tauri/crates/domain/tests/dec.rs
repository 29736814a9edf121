//! The district commission's rules and summary table (§72–80, R5.5–R5.9), without any
//! IO: stations registered, bundles taken, conflicts, recounts, results set aside, and
//! the flags of the summary table with their reasons.

use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::{DateTime, Duration, Utc};
use domain::MessageArg;
use domain::count::AeuTally;
use domain::dec::{
    self, DecCommand, DecEvent, DecSetup, DecState, Flag, ReceivedBundle, RecountMark, Refusal, RowStatus,
    SetAsideGround, SetAsideScope,
};
use domain::election::{ElectionDefinition, StationKind, parse_definition};
use domain::protocol::{ContestProtocol, form_for};
use domain::results::{ContestResult, RESULTS_FORMAT, StationResults};

fn asset(path: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../assets").join(path);
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

fn election() -> ElectionDefinition {
    parse_definition(&asset("elections/demo-jk-2025-remote.toml")).unwrap_or_else(|problems| panic!("{problems:#?}"))
}

fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text).expect("time").to_utc()
}

/// Before voting day (2025-11-30 in Bishkek).
fn before_the_day() -> DateTime<Utc> {
    at("2025-11-28T10:00:00+06:00")
}

/// The morning after, before the 06:00 deadline.
fn night() -> DateTime<Utc> {
    at("2025-12-01T02:00:00+06:00")
}

fn key(n: u8) -> String {
    format!("{n:02x}").repeat(32)
}

struct Dec {
    state: DecState,
}

impl Dec {
    fn new(training: bool) -> Dec {
        let mut election = election();
        election.training = training;
        let setup = DecSetup { election, district: "d3".into(), commission: "№ 3 ОШК".into(), dec_key: key(0xdd) };
        let mut dec = Dec { state: DecState::default() };
        dec.act(&DecCommand::SetUp { setup: Box::new(setup) }, before_the_day()).expect("set up");
        dec
    }

    fn act(&mut self, command: &DecCommand, now: DateTime<Utc>) -> Result<Vec<DecEvent>, domain::DomainError> {
        let events = dec::decide(&self.state, command, now)?;
        for event in &events {
            self.state = dec::apply(std::mem::take(&mut self.state), event);
        }
        Ok(events)
    }

    fn register(&mut self, station: &str, n: u8) {
        self.act(&DecCommand::RegisterStation { station: station.into(), public_key: key(n), co_signers: Vec::new() }, before_the_day())
            .expect("registered");
    }

    fn take(&mut self, bundle: ReceivedBundle, now: DateTime<Utc>) -> Result<Vec<DecEvent>, domain::DomainError> {
        self.act(&DecCommand::TakeBundle { bundle: Box::new(bundle) }, now)
    }

    fn summary(&self) -> dec::Summary {
        dec::summary(&self.state).expect("summary")
    }
}

/// District № 3's figures at a remote station: `votes` for c1…c5 and against all, with
/// the other lines made consistent.
fn remote_protocol(votes: [u64; 6], invalid: u64) -> ContestProtocol {
    let election = election();
    let contest = election.contests.iter().find(|c| c.id == "d3").expect("d3");
    let form = form_for(StationKind::RemoteVoting).expect("form");
    let valid: u64 = votes.iter().sum();
    let in_aeu = valid + invalid;
    let lines: BTreeMap<String, u64> = [
        ("remote-participants", in_aeu),
        ("ballots-printed", in_aeu + 1),
        ("ballots-issued", in_aeu),
        ("ballots-cancelled", 1),
        ("ballots-in-aeu", in_aeu),
        ("ballots-valid", valid),
        ("ballots-invalid", invalid),
    ]
    .into_iter()
    .map(|(line, value)| (line.to_owned(), value))
    .collect();
    let options = contest.options.iter().zip(votes).map(|(option, v)| (option.id.clone(), v)).collect();
    ContestProtocol::new(form, contest, lines, options).expect("protocol")
}

fn aeu_agreeing(protocol: &ContestProtocol) -> AeuTally {
    AeuTally {
        contest: protocol.contest.clone(),
        processed: protocol.line("ballots-valid").unwrap_or(0) + protocol.line("ballots-invalid").unwrap_or(0),
        votes: protocol.options().clone(),
        invalid: protocol.line("ballots-invalid").unwrap_or(0),
    }
}

fn results(station: &str, protocol: ContestProtocol, aeu: Option<AeuTally>, recounted: bool) -> StationResults {
    StationResults {
        format: RESULTS_FORMAT,
        election: "demo-jk-2025".into(),
        station: station.into(),
        station_kind: StationKind::RemoteVoting,
        district: "d3".into(),
        training: true,
        form: "pec-remote-district".into(),
        protocol_number: 1,
        signed_at: at("2025-11-30T22:30:00+06:00"),
        contests: vec![ContestResult { protocol, aeu, recounted }],
    }
}

fn bundle(station: &str, sequence: u64, results: StationResults, delivered_at: Option<DateTime<Utc>>) -> ReceivedBundle {
    ReceivedBundle {
        sha256: format!("{station}-{sequence}-{}", results.contests[0].protocol.line("ballots-valid").unwrap_or(0)),
        file_name: format!("{station}.zip"),
        station: station.into(),
        sequence,
        created_at: at("2025-11-30T23:00:00+06:00"),
        delivered_at,
        results,
        checkpoints: vec!["0000 0000 0000 0000".into()],
    }
}

fn clean(station: &str, votes: [u64; 6]) -> ReceivedBundle {
    let protocol = remote_protocol(votes, 3);
    let aeu = aeu_agreeing(&protocol);
    bundle(station, 1, results(station, protocol, Some(aeu), false), Some(at("2025-12-01T01:30:00+06:00")))
}

fn flags(summary: &dec::Summary, station: &str) -> Vec<&'static str> {
    summary.row(station).expect("row").flags.iter().map(Flag::code).collect()
}

#[test]
fn s73_the_summary_table_sums_every_counted_station_per_option() {
    let mut dec = Dec::new(true);
    dec.register("9021", 1);
    dec.register("9022", 2);
    dec.take(clean("9021", [10, 20, 30, 40, 50, 5]), night()).expect("taken");
    dec.take(clean("9022", [1, 2, 3, 4, 5, 6]), night()).expect("taken");
    let summary = dec.summary();
    assert_eq!(summary.contest, "d3");
    assert_eq!(summary.totals.registered, 2);
    assert_eq!(summary.totals.counted, 2);
    assert_eq!(summary.totals.flagged, 0, "{:#?}", summary.rows);
    assert_eq!(summary.totals.options["c1"], 11);
    assert_eq!(summary.totals.options["against-all"], 11);
    assert_eq!(summary.totals.valid, 155 + 21);
    assert_eq!(summary.totals.invalid, 6);
    assert_eq!(summary.sections.len(), 1);
    assert!(summary.sections[0].remote);
    assert_eq!(summary.sections[0].lines["ballots-in-aeu"], 155 + 21 + 6);
    assert_eq!(summary.sections[0].stations, vec!["9021".to_owned(), "9022".to_owned()]);
}

#[test]
fn a_registered_station_without_a_bundle_is_flagged_missing_with_its_refusals() {
    let mut dec = Dec::new(true);
    dec.register("9021", 1);
    dec.register("9023", 3);
    dec.take(clean("9021", [1, 1, 1, 1, 1, 1]), night()).expect("taken");
    let refusal = Refusal {
        file_name: "9023.zip".into(),
        sha256: "ab".repeat(32),
        station: Some("9023".into()),
        code: "bundle.bad-signature".into(),
        message: "bundle-error-bad-signature".into(),
        args: BTreeMap::new(),
    };
    dec.act(&DecCommand::RecordRefusal { refusal }, night()).expect("journaled");
    let summary = dec.summary();
    assert_eq!(summary.row("9023").expect("row").status, RowStatus::Missing);
    assert_eq!(summary.row("9023").expect("row").flags, vec![Flag::Missing { refused: 1 }]);
    assert_eq!(summary.totals.missing, 1);
    assert_eq!(summary.totals.counted, 1);
    let (message, args) = summary.row("9023").expect("row").flags[0].explain(&dec.state.setup.as_ref().expect("setup").election, "d3", None, "ru");
    assert_eq!(message, "dec-flag-missing");
    assert_eq!(args["count"], MessageArg::Number(1));
}

#[test]
fn s67_a_delivery_after_six_the_next_morning_is_flagged_late() {
    let mut dec = Dec::new(true);
    dec.register("9021", 1);
    dec.register("9022", 2);
    let mut late = clean("9021", [1, 1, 1, 1, 1, 1]);
    late.delivered_at = Some(at("2025-12-01T06:10:00+06:00"));
    dec.take(late, night()).expect("taken");
    // No delivery in the journal: the import's time counts.
    let mut undelivered = clean("9022", [1, 1, 1, 1, 1, 2]);
    undelivered.delivered_at = None;
    dec.take(undelivered, at("2025-12-01T09:00:00+06:00")).expect("taken");
    let summary = dec.summary();
    assert_eq!(summary.deadline, at("2025-12-01T06:00:00+06:00"));
    assert_eq!(flags(&summary, "9021"), vec!["dec.flag.late"]);
    assert_eq!(flags(&summary, "9022"), vec!["dec.flag.late"]);
    let election = &dec.state.setup.as_ref().expect("setup").election;
    let (message, args) = summary.row("9022").expect("row").flags[0].explain(election, "d3", None, "ky");
    assert_eq!(message, "dec-flag-late");
    assert_eq!(args["delivered"], MessageArg::Text("2025-12-01 09:00".into()));
    assert_eq!(args["deadline"], MessageArg::Text("2025-12-01 06:00".into()));
    assert_eq!(args["source"], MessageArg::Text("import".into()));
    // Late rows are still counted: lateness is for the commission to weigh.
    assert_eq!(summary.totals.counted, 2);
}

#[test]
fn s63_figures_that_break_a_control_relation_are_flagged_with_the_relation() {
    let mut dec = Dec::new(true);
    dec.register("9021", 1);
    let protocol = remote_protocol([10, 10, 10, 10, 10, 10], 2);
    // Five more votes for c2 than ballots in the AEU allow.
    let mut options = protocol.options().clone();
    *options.get_mut("c2").expect("c2") += 5;
    let mut lines = protocol.lines().clone();
    *lines.get_mut("ballots-valid").expect("valid") += 5;
    let election = election();
    let contest = election.contests.iter().find(|c| c.id == "d3").expect("d3");
    let form = form_for(StationKind::RemoteVoting).expect("form");
    let broken = ContestProtocol::new(form, contest, lines, options).expect("shape");
    let aeu = aeu_agreeing(&broken);
    dec.take(bundle("9021", 1, results("9021", broken, Some(aeu), false), Some(night())), night()).expect("taken");
    let summary = dec.summary();
    let row = summary.row("9021").expect("row");
    assert_eq!(flags(&summary, "9021"), vec!["dec.flag.relation"]);
    let Flag::Relation { violation } = &row.flags[0] else { panic!("relation") };
    assert_eq!(violation.relation, "aeu-sorted");
    assert_eq!(violation.difference(), 5);
    let (message, args) = row.flags[0].explain(&election, "d3", Some(form), "ru");
    assert_eq!(message, "protocol-violation-eq");
    assert_eq!(args["difference"], MessageArg::Number(5));
    // Counted until the commission decides (a recount, or setting it aside).
    assert_eq!(row.status, RowStatus::Counted);
}

#[test]
fn s62_an_aeu_count_apart_from_the_manual_one_is_flagged_unless_a_recount_explains_it() {
    let mut dec = Dec::new(true);
    dec.register("9021", 1);
    dec.register("9022", 2);
    let protocol = remote_protocol([30, 20, 10, 5, 5, 2], 4);
    let mut aeu = aeu_agreeing(&protocol);
    *aeu.votes.get_mut("c1").expect("c1") -= 6;
    *aeu.votes.get_mut("c2").expect("c2") += 6;
    dec.take(bundle("9021", 1, results("9021", protocol.clone(), Some(aeu.clone()), false), Some(night())), night())
        .expect("taken");
    dec.take(bundle("9022", 1, results("9022", protocol, Some(aeu), true), Some(night())), night()).expect("taken");
    let summary = dec.summary();
    assert_eq!(flags(&summary, "9021"), vec!["dec.flag.aeu"]);
    assert!(flags(&summary, "9022").is_empty(), "a recount (§62) explains the difference");
    assert_eq!(summary.row("9022").expect("row").recount, Some(RecountMark::AtStation));
    let election = election();
    let (message, args) = summary.row("9021").expect("row").flags[0].explain(&election, "d3", None, "ru");
    assert_eq!(message, "dec-flag-aeu");
    assert_eq!(
        args["details"],
        MessageArg::Text("«Алымкулов Таалайбек Шаршенович» 24 / 30; «Иманалиева Нургуль Асанбековна» 26 / 20".into())
    );
    assert_eq!(args["processed"], MessageArg::Text("same".into()));
}

#[test]
fn the_first_valid_bundle_wins_and_a_different_later_one_is_a_conflict_until_resolved() {
    let mut dec = Dec::new(true);
    dec.register("9021", 1);
    let first = clean("9021", [5, 5, 5, 5, 5, 5]);
    let mut second = clean("9021", [5, 5, 5, 5, 5, 6]);
    second.sequence = 2;
    second.sha256 = "second".into();
    assert!(matches!(dec.take(first.clone(), night()).expect("first")[0], DecEvent::BundleAccepted { .. }));
    assert_eq!(dec.take(first.clone(), night()).expect_err("again").code, "dec.already-imported");
    assert!(matches!(dec.take(second.clone(), night()).expect("second")[0], DecEvent::ConflictReceived { .. }));
    let summary = dec.summary();
    assert_eq!(flags(&summary, "9021"), vec!["dec.flag.conflict"]);
    assert_eq!(summary.totals.options["against-all"], 5, "the first bundle stays in force");
    // An older export than one already taken is a replay.
    let mut older = first.clone();
    older.sha256 = "older".into();
    assert_eq!(dec.take(older, night()).expect_err("older").code, "dec.older-bundle");

    let resolve = |keep: &str, reason: &str| DecCommand::ResolveConflict {
        station: "9021".into(),
        keep: keep.into(),
        recount: false,
        reason: reason.into(),
    };
    assert_eq!(dec.act(&resolve("nope", "x"), night()).expect_err("unknown").code, "dec.unknown-bundle");
    assert_eq!(dec.act(&resolve("second", " "), night()).expect_err("no reason").code, "dec.no-reason");
    dec.act(&resolve("second", "§66: the station corrected its protocol"), night()).expect("resolved");
    let summary = dec.summary();
    assert!(flags(&summary, "9021").is_empty());
    assert_eq!(summary.totals.options["against-all"], 6);
    assert_eq!(summary.row("9021").expect("row").sequence, Some(2));
    let station = dec.state.station("9021").expect("station");
    assert_eq!(station.resolutions[0].discarded, vec![first.sha256]);
    assert_eq!(dec.act(&resolve("second", "again"), night()).expect_err("none left").code, "dec.no-conflict");
}

#[test]
fn s78_a_recount_ordered_by_a_higher_commission_is_marked_recount() {
    let mut dec = Dec::new(true);
    dec.register("9021", 1);
    dec.register("9022", 2);
    dec.take(clean("9021", [5, 5, 5, 5, 5, 5]), night()).expect("taken");
    let mut recounted = clean("9021", [5, 5, 5, 5, 6, 5]);
    recounted.sequence = 2;
    recounted.sha256 = "recount".into();
    dec.take(recounted, night()).expect("conflict");
    dec.act(
        &DecCommand::ResolveConflict { station: "9021".into(), keep: "recount".into(), recount: true, reason: "§78".into() },
        night(),
    )
    .expect("resolved");
    dec.take(clean("9022", [1, 1, 1, 1, 1, 1]), night()).expect("taken");
    dec.act(&DecCommand::MarkRecount { station: "9022".into() }, night()).expect("marked");
    assert_eq!(dec.act(&DecCommand::MarkRecount { station: "9022".into() }, night()).expect_err("twice").code, "dec.recount-marked");
    let summary = dec.summary();
    assert_eq!(summary.row("9021").expect("row").recount, Some(RecountMark::Ordered));
    assert_eq!(summary.row("9022").expect("row").recount, Some(RecountMark::Ordered));
    assert_eq!(summary.totals.options["c5"], 7);
}

#[test]
fn s80_results_set_aside_stay_in_the_table_but_leave_the_totals_until_reinstated() {
    let mut dec = Dec::new(true);
    dec.register("9021", 1);
    dec.register("9022", 2);
    dec.take(clean("9021", [5, 5, 5, 5, 5, 5]), night()).expect("taken");
    dec.take(clean("9022", [1, 1, 1, 1, 1, 1]), night()).expect("taken");
    let set_aside = |ground, scope, decision: &str| DecCommand::SetAside {
        station: "9021".into(),
        scope,
        ground,
        decision: decision.into(),
    };
    assert_eq!(
        dec.act(&set_aside(SetAsideGround::S80Court, SetAsideScope::Station, ""), night()).expect_err("no decision").code,
        "dec.no-decision"
    );
    dec.act(&set_aside(SetAsideGround::S80Court, SetAsideScope::Station, "Решение суда № 12"), night()).expect("set aside");
    assert_eq!(
        dec.act(&set_aside(SetAsideGround::S80Affected, SetAsideScope::Station, "again"), night()).expect_err("twice").code,
        "dec.set-aside-already"
    );
    let summary = dec.summary();
    let row = summary.row("9021").expect("row");
    assert_eq!(row.status, RowStatus::SetAside);
    assert_eq!(row.set_aside.as_ref().map(|s| s.ground), Some(SetAsideGround::S80Court));
    assert_eq!(summary.totals.set_aside, 1);
    assert_eq!(summary.totals.counted, 1);
    assert_eq!(summary.totals.options["c1"], 1);
    assert_eq!(summary.sections[0].counted, 1);

    dec.act(&DecCommand::Reinstate { station: "9021".into(), reason: "отменено".into() }, night()).expect("reinstated");
    assert_eq!(dec.summary().totals.options["c1"], 6);
    assert_eq!(
        dec.act(&DecCommand::Reinstate { station: "9021".into(), reason: "x".into() }, night()).expect_err("not set aside").code,
        "dec.not-set-aside"
    );
}

#[test]
fn r5_9_only_the_remote_voting_results_are_set_aside_on_the_ground_of_r5_9() {
    let mut dec = Dec::new(true);
    dec.register("9021", 1);
    dec.register("5001", 2);
    dec.take(clean("9021", [5, 5, 5, 5, 5, 5]), night()).expect("taken");
    let mut regular = clean("5001", [1, 1, 1, 1, 1, 1]);
    regular.results.station_kind = StationKind::Regular;
    dec.take(regular, night()).expect("taken");
    let command = |station: &str, scope, ground| DecCommand::SetAside {
        station: station.into(),
        scope,
        ground,
        decision: "№ 7".into(),
    };
    let refused = |dec: &mut Dec, command| dec.act(&command, night()).expect_err("refused").code;
    assert_eq!(refused(&mut dec, command("5001", SetAsideScope::RemoteVoting, SetAsideGround::R59RemoteVoting)), "dec.not-remote");
    assert_eq!(refused(&mut dec, command("9021", SetAsideScope::RemoteVoting, SetAsideGround::S80Court)), "dec.ground-scope");
    assert_eq!(refused(&mut dec, command("9021", SetAsideScope::Station, SetAsideGround::R59RemoteVoting)), "dec.ground-scope");
    dec.act(&command("9021", SetAsideScope::RemoteVoting, SetAsideGround::R59RemoteVoting), night()).expect("set aside");
    let summary = dec.summary();
    assert_eq!(summary.row("9021").expect("row").status, RowStatus::SetAside);
    assert_eq!(summary.totals.options["c1"], 0, "the regular station's form differs: not summed");
    assert_eq!(flags(&summary, "5001"), vec!["dec.flag.form-differs"]);
}

#[test]
fn keys_are_registered_once_each_and_before_the_day_of_a_real_election() {
    let mut dec = Dec::new(false);
    dec.register("9021", 1);
    let register = |station: &str, n: u8| DecCommand::RegisterStation { station: station.into(), public_key: key(n), co_signers: Vec::new() };
    let code = |dec: &mut Dec, command, now| dec.act(&command, now).expect_err("refused").code;
    assert_eq!(code(&mut dec, register("9021", 2), before_the_day()), "dec.station-registered");
    assert_eq!(code(&mut dec, register("9022", 1), before_the_day()), "dec.key-reused");
    assert_eq!(
        code(&mut dec, DecCommand::RegisterStation { station: "9022".into(), public_key: "AB".repeat(32), co_signers: Vec::new() }, before_the_day()),
        "dec.bad-key"
    );
    // A chair's card key is a key like any other: once in the whole registry.
    let card = |public_key: String| dec::CoSignerKey { role: "chair".into(), name: "А. Б.".into(), algorithm: "ed25519".into(), public_key };
    let with_card = |station: &str, n: u8, card_key: String| DecCommand::RegisterStation {
        station: station.into(),
        public_key: key(n),
        co_signers: vec![card(card_key)],
    };
    assert_eq!(code(&mut dec, with_card("9023", 3, key(1)), before_the_day()), "dec.key-reused");
    assert_eq!(code(&mut dec, with_card("9023", 3, key(3)), before_the_day()), "dec.key-reused");
    let mut p256 = card(format!("04{}", "ab".repeat(64)));
    p256.algorithm = "ecdsa-p256-sha256".into();
    let p256_command = DecCommand::RegisterStation { station: "9023".into(), public_key: key(3), co_signers: vec![p256.clone()] };
    dec.act(&p256_command, before_the_day()).expect("a P-256 card");
    p256.algorithm = "rsa".into();
    let bad = DecCommand::RegisterStation { station: "9024".into(), public_key: key(4), co_signers: vec![p256] };
    assert_eq!(code(&mut dec, bad, before_the_day()), "dec.bad-key");
    assert_eq!(code(&mut dec, with_card("9024", 4, key(0xdd)), before_the_day()), "dec.key-reused", "the commission's own key");

    let day = at("2025-11-30T00:00:00+06:00");
    assert_eq!(code(&mut dec, register("9022", 2), day), "dec.registration-closed");
    dec.act(&register("9022", 2), day - Duration::seconds(1)).expect("the last second before the day");
    // A mock election registers at any time.
    let mut training = Dec::new(true);
    training.act(&register("9022", 2), night()).expect("training");
}

#[test]
fn a_bundle_of_an_unregistered_station_or_another_election_is_refused() {
    let mut dec = Dec::new(true);
    dec.register("9021", 1);
    assert_eq!(dec.take(clean("9999", [1; 6]), night()).expect_err("unknown").code, "dec.unknown-station");
    let mut other = clean("9021", [1; 6]);
    other.results.election = "other".into();
    assert_eq!(dec.take(other, night()).expect_err("election").code, "dec.other-election");
    let mut real = clean("9021", [1; 6]);
    real.results.training = false;
    assert_eq!(dec.take(real, night()).expect_err("training").code, "dec.training-mismatch");
    assert!(dec.state.station("9021").expect("station").accepted.is_none());
}

#[test]
fn the_commission_is_set_up_once_for_a_district_of_the_election() {
    let mut state = DecState::default();
    let command = DecCommand::RegisterStation { station: "1".into(), public_key: key(1), co_signers: Vec::new() };
    assert_eq!(dec::decide(&state, &command, night()).expect_err("not set up").code, "dec.not-set-up");
    let setup = |district: &str| DecSetup { election: election(), district: district.into(), commission: "ОШК".into(), dec_key: key(9) };
    let set_up = |setup| DecCommand::SetUp { setup: Box::new(setup) };
    assert_eq!(dec::decide(&state, &set_up(setup("d9")), night()).expect_err("district").code, "dec.unknown-district");
    for event in dec::decide(&state, &set_up(setup("d1")), night()).expect("set up") {
        state = dec::apply(state, &event);
    }
    assert_eq!(dec::decide(&state, &set_up(setup("d1")), night()).expect_err("twice").code, "dec.already-set-up");
    assert_eq!(dec::summary(&state).expect("summary").rows.len(), 0);
}
