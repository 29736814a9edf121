//! Training mode through `api` (issue 9): every shipped scenario played headless by its
//! scripted trainees — the perfect trainee's debrief lists no deviation, the faulty
//! trainee's exactly the deviations it plants — and the training clock's controls.

use std::path::PathBuf;

use api::training::{ClockControl, ClockMoment, TrainingRun, open_run, scenarios};
use domain::debrief::Debrief;
use domain::trainee::{Trainee, parse_trainee};
use i18n::Language;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn trainee(file: &str) -> Trainee {
    let path = repo().join("assets/scenarios/trainees").join(format!("{file}.toml"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    parse_trainee(&text).unwrap_or_else(|problems| panic!("{}: {problems:#?}", path.display()))
}

fn open(scenario: &str, dir: &tempfile::TempDir) -> TrainingRun {
    let scenario = scenarios::shipped(scenario).expect("a shipped scenario");
    open_run(&scenario, dir.path().join("run"), Language::Ru).expect("the scenario's station opens")
}

fn play(scenario: &str, file: &str) -> (Debrief, Trainee) {
    let dir = tempfile::tempdir().expect("tempdir");
    let run = open(scenario, &dir);
    let trainee = trainee(file);
    assert_eq!(trainee.scenario, scenario, "{file} is written for another scenario");
    let debrief = run.play(&trainee).unwrap_or_else(|error| {
        panic!("{file}: action {}: {}", error.action, api::text_with(Language::Ru, &error.error.message, &error.error.args))
    });
    (debrief, trainee)
}

fn said(debrief: &Debrief) -> Vec<String> {
    debrief.deviations.iter().map(|d| format!("{} {} {} {:?}", d.at, d.clause, d.rule, d.args)).collect()
}

/// The perfect trainee makes no deviation; the faulty one exactly those it plants.
fn perfect_and_faulty(scenario: &str) -> (Debrief, Debrief) {
    let (perfect, _) = play(scenario, &format!("{scenario}-perfect"));
    assert!(perfect.deviations.is_empty(), "{scenario}, the perfect trainee: {:#?}", said(&perfect));
    let (faulty, trainee) = play(scenario, &format!("{scenario}-faulty"));
    let mut planted = trainee.planted.clone();
    planted.sort();
    assert_eq!(faulty.rules(), planted, "{scenario}, the faulty trainee: {:#?}", said(&faulty));
    (perfect, faulty)
}

/// Every scenario file in `assets/scenarios/`, by its id.
fn scenario_files() -> Vec<String> {
    let mut ids: Vec<String> = std::fs::read_dir(repo().join("assets/scenarios"))
        .expect("assets/scenarios")
        .filter_map(|entry| {
            let path = entry.expect("an entry").path();
            (path.extension().is_some_and(|e| e == "toml")).then(|| path.file_stem().expect("a name").to_string_lossy().into_owned())
        })
        .collect();
    ids.sort();
    ids
}

#[test]
fn every_scenario_file_is_shipped_and_played_perfect_and_faulty() {
    let files = scenario_files();
    let mut shipped: Vec<String> = scenarios::SHIPPED.iter().map(|(id, _)| (*id).to_owned()).collect();
    shipped.sort();
    assert_eq!(files, shipped, "every file in assets/scenarios/ is shipped (api::training::scenarios::SHIPPED)");
    assert!(files.len() >= 8, "at least eight scenarios");
    for id in &files {
        let scenario = scenarios::shipped(id).expect("parses");
        assert_eq!(&scenario.id, id, "{id}: the id is the file's name");
        for language in ["ky", "ru"] {
            assert!(!scenario.title.get(language).trim().is_empty(), "{id}: a title in {language}");
            assert!(!scenario.description.get(language).trim().is_empty(), "{id}: a description in {language}");
        }
        let (_, faulty) = perfect_and_faulty(id);
        assert!(!faulty.deviations.is_empty(), "{id}: the faulty trainee plants at least one deviation");
    }
}

#[test]
fn s48_both_urns_fail_and_the_faulty_trainee_draws_no_act_for_the_transparent_box() {
    let (perfect, faulty) = perfect_and_faulty("aeu-failures");
    assert_eq!(perfect.protocol_error, 0);
    let act = faulty.deviations.iter().find(|d| d.rule == "act-missing").expect("act");
    assert_eq!(act.clause, "§48");
    assert_eq!(act.at, "13:40");
}

/// The fenced blocks of `docs/training-scenario.md` written in `language`.
fn doc_blocks(doc: &str, language: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in doc.lines() {
        match &mut current {
            None if line.trim() == format!("```{language}") => current = Some(String::new()),
            Some(block) if line.trim() == "```" => {
                blocks.push(std::mem::take(block));
                current = None;
            }
            Some(block) => {
                block.push_str(line);
                block.push('\n');
            }
            None => {}
        }
    }
    blocks
}

fn training_doc() -> String {
    std::fs::read_to_string(repo().join("docs/training-scenario.md")).expect("docs/training-scenario.md")
}

#[test]
fn the_doc_s_example_parses_and_plays_to_exactly_its_planted_deviation() {
    let doc = training_doc();
    let blocks = doc_blocks(&doc, "toml");
    assert_eq!(blocks.len(), 2, "a scenario and an actions file");
    let scenario = scenarios::parse(&blocks[0]).unwrap_or_else(|problems| panic!("the example scenario: {problems:#?}"));
    let trainee = parse_trainee(&blocks[1]).unwrap_or_else(|problems| panic!("the example actions: {problems:#?}"));
    assert_eq!(trainee.scenario, scenario.id);
    assert_eq!(scenario, scenarios::shipped(&scenario.id).expect("shipped"), "the example is the shipped scenario as it is");
    let dir = tempfile::tempdir().expect("tempdir");
    let run = open_run(&scenario, dir.path().join("run"), Language::Ky).expect("opens");
    let debrief = run.play(&trainee).expect("plays");
    assert_eq!(debrief.rules(), trainee.planted);
}

#[test]
fn every_name_the_files_may_hold_is_documented() {
    let doc = training_doc();
    let mut missing = Vec::new();
    let mut want = |name: &str| {
        if !doc.contains(&format!("`{name}`")) && !doc.contains(&format!("`[[{name}]]`")) {
            missing.push(name.to_owned());
        }
    };
    for name in domain::scenario::Happening::NAMES {
        want(name);
    }
    for name in domain::trainee::TraineeAction::NAMES {
        want(name);
    }
    for (name, _) in domain::scenario::ScenarioVoter::ALL {
        want(name);
    }
    for (name, _) in domain::scenario::ScenarioDemo::ALL {
        want(name);
    }
    for (name, _) in domain::scenario::ScenarioStage::ALL {
        want(name);
    }
    for name in domain::scenario::DEVICES.iter().chain(&domain::scenario::FAULTS) {
        want(name);
    }
    for (rule, clause) in domain::debrief::RULES {
        want(rule);
        if !doc.contains(&format!("`{rule}` | {clause} |")) {
            want(&format!("{rule}` | {clause} |"));
        }
    }
    // Every key of every shipped scenario and trainee file.
    let mut files: Vec<PathBuf> = Vec::new();
    for folder in ["assets/scenarios", "assets/scenarios/trainees"] {
        for entry in std::fs::read_dir(repo().join(folder)).expect("folder") {
            let path = entry.expect("entry").path();
            if path.extension().is_some_and(|e| e == "toml") {
                files.push(path);
            }
        }
    }
    fn keys(value: &toml::Value, into: &mut std::collections::BTreeSet<String>) {
        match value {
            toml::Value::Table(table) => {
                for (key, value) in table {
                    if key != "ky" && key != "ru" {
                        into.insert(key.clone());
                    }
                    keys(value, into);
                }
            }
            toml::Value::Array(items) => items.iter().for_each(|item| keys(item, into)),
            _ => {}
        }
    }
    let mut all = std::collections::BTreeSet::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("read");
        let value: toml::Value = toml::from_str(&text).unwrap_or_else(|error| panic!("{}: {error}", file.display()));
        keys(&value, &mut all);
    }
    for key in &all {
        want(key);
    }
    assert!(missing.is_empty(), "not in docs/training-scenario.md: {missing:?}");
}

/// The issue's "nothing from training can pass for real": a scenario played to the
/// delivery hands over a signed bundle, and a district commission that is not in
/// training refuses it with its own error, and journals the refusal.
#[test]
fn a_scenario_s_bundle_is_refused_by_a_real_district_commission_with_its_own_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let run = open("count-night", &dir);
    let debrief = run.play(&trainee("count-night-perfect")).expect("plays");
    assert!(debrief.deviations.is_empty());
    let station = run.station();
    assert!(station.election().expect("election").training, "a mock election");
    let folder = dir.path().join("handed-over");
    api::demo_bundle::write_demo_bundle(station, &folder).expect("the bundle");

    let real = run.election().clone();
    let real = domain::ElectionDefinition { training: false, ..real };
    let dec_dir = tempfile::tempdir().expect("tempdir");
    // A real commission registers the stations' keys before the day.
    let clock = std::sync::Arc::new(api::FixedClock::at(domain::scenario::StationTime::new(-3, 10, 0).instant(&real)));
    let dec = api::dec::Dec::open(api::dec::DecConfig { data_dir: dec_dir.path().to_path_buf(), clock }).expect("dec");
    let text = std::fs::read_to_string(repo().join("assets/elections/demo-jk-2025-remote.toml")).expect("definition");
    assert!(text.contains("training = true"));
    dec.set_up(&text.replace("training = true", "training = false"), Some(&real.station.district), "ОИК").expect("set up");
    let key = std::fs::read_to_string(folder.join("station-key.json")).expect("key file");
    dec.register(&key).expect("registered");
    let status = dec.import_folder(&folder, &mut |_| {}).expect("import runs");
    assert_eq!(status.refused, 1, "{:#?}", status.items);
    let reason = status.items[0].reason.as_ref().expect("a reason");
    assert_eq!(reason.code, "bundle.training-refused");
    assert_eq!(reason.message, "bundle-error-training-refused");
    assert_eq!(dec.state().refusals.len(), 1, "journaled");
}

fn refused_code(outcome: Result<api::view::Overview, api::ApiError>) -> (String, String) {
    let error = outcome.expect_err("refused");
    (error.code.clone(), api::text_with(Language::Ru, &error.message, &error.args))
}

/// Issue 9, item 2: pause, ×1 to ×60, forward jumps to the named moments; the rules follow
/// the clock (the polls close only at 20:00, §49); never backwards.
#[test]
fn s49_the_trainer_s_clock_pauses_runs_faster_and_jumps_forward_and_the_rules_follow_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let run = open("aeu-failures", &dir);
    let station = run.station();
    let election = station.election().expect("election");
    assert_eq!(station.now(), run.starts_at(), "a loaded scenario stands paused at its start");
    assert!(station.overview().clock.controls && station.overview().clock.paused);

    let view = station.control_clock(ClockControl::Speed { speed: 60 }).expect("×60");
    assert_eq!(view.clock.speed, 60);
    for speed in [0, 61] {
        let (code, text) = refused_code(station.control_clock(ClockControl::Speed { speed }));
        assert_eq!(code, "clock.speed");
        assert!(text.contains("60"), "{text}");
    }
    let early = station.act(domain::Command::ClosePolls).expect_err("not before 20:00");
    assert_eq!(early.code, "step.too-early");

    for moment in [ClockMoment::PollsClose, ClockMoment::AeuDeadline, ClockMoment::Delivery] {
        station.control_clock(ClockControl::JumpTo { moment }).expect("forward");
        assert_eq!(station.now(), moment.time().instant(&election), "{moment:?}");
    }
    let (code, text) = refused_code(station.control_clock(ClockControl::JumpTo { moment: ClockMoment::PollsClose }));
    assert_eq!(code, "clock.backwards");
    assert!(text.contains("20:00"), "{text}");
    station.control_clock(ClockControl::Resume).expect("resume");
    assert!(!station.overview().clock.paused);
    station.control_clock(ClockControl::Pause).expect("pause");
    let paused_at = station.now();
    assert_eq!(station.now(), paused_at);
}

#[test]
fn s49_the_close_follows_a_jump_to_20_00() {
    let dir = tempfile::tempdir().expect("tempdir");
    let run = open("aeu-failures", &dir);
    let station = run.station();
    station.control_clock(ClockControl::JumpTo { moment: ClockMoment::PollsClose }).expect("to 20:00");
    station.act(domain::Command::ClosePolls).expect("the polls close at 20:00");
}

/// Outside a mock election every control of the clock is refused, in words.
#[test]
fn the_clock_s_controls_are_refused_outside_a_mock_election() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut real = api::Demo::CityCouncil.definition_as_shipped().expect("definition");
    real.training = false;
    let morning = domain::scenario::StationTime::new(0, 7, 0).instant(&real);
    let clock = std::sync::Arc::new(api::TrainingClock::starting_at(morning));
    let mut config = api::StationConfig::simulated(dir.path().to_path_buf(), clock, Some(api::Demo::CityCouncil), 1);
    config.definition = Some(real);
    let station = api::Station::open(config).expect("opens");
    assert!(!station.election().expect("election").training, "a real election");
    assert!(!station.overview().clock.controls);
    let controls = [
        ClockControl::Pause,
        ClockControl::Resume,
        ClockControl::Speed { speed: 10 },
        ClockControl::JumpTo { moment: ClockMoment::DayBefore },
        ClockControl::JumpTo { moment: ClockMoment::Opening },
        ClockControl::JumpTo { moment: ClockMoment::PollsOpen },
        ClockControl::JumpTo { moment: ClockMoment::PollsClose },
        ClockControl::JumpTo { moment: ClockMoment::AeuDeadline },
        ClockControl::JumpTo { moment: ClockMoment::Delivery },
    ];
    for control in controls {
        let (code, text) = refused_code(station.control_clock(control));
        assert_eq!(code, "clock.not-training", "{control:?}");
        assert_eq!(text, api::text(Language::Ru, "training-error-clock-not-training"));
    }
    assert!(station.now() < morning + chrono::Duration::minutes(5), "the clock was not moved");
}

/// The faulty trainee's deviations, in time order: (time, rule, clause).
fn faulty_deviations(scenario: &str) -> (Vec<(String, String, String)>, Debrief) {
    let (debrief, _) = play(scenario, &format!("{scenario}-faulty"));
    let found = debrief.deviations.iter().map(|d| (d.at.clone(), d.rule.clone(), d.clause.clone())).collect();
    (found, debrief)
}

fn expect(list: &[(&str, &str, &str)]) -> Vec<(String, String, String)> {
    list.iter().map(|(at, rule, clause)| ((*at).to_owned(), (*rule).to_owned(), (*clause).to_owned())).collect()
}

#[test]
fn r4_2_s37_fingerprints_failing_ten_times_then_the_face_and_the_act_of_a_voter_never_recognised() {
    let (found, _) = faulty_deviations("identification-trouble");
    assert_eq!(found, expect(&[("09:10", "voter-not-identified", "R4.2"), ("09:25", "act-missing", "§37")]));
}

#[test]
fn r4_2_the_jammed_ballot_printer_s_stop_is_recorded() {
    let (found, _) = faulty_deviations("printer-jam");
    assert_eq!(found, expect(&[("11:00", "device-stop-not-recorded", "R4.2")]));
}

#[test]
fn s6_a_twenty_minute_power_cut_is_recorded_with_the_light_s_return() {
    let (found, _) = faulty_deviations("power-cut");
    assert_eq!(found, expect(&[("12:10", "power-cut-not-recorded", "§6")]));
}

#[test]
fn s54_s56_a_portable_box_s_excess_is_declared_and_the_aeu_data_taken_by_21_00() {
    let (found, debrief) = faulty_deviations("portable-box-excess");
    assert_eq!(found, expect(&[("20:12", "portable-excess-not-declared", "§54"), ("21:00", "aeu-results-late", "§56")]));
    assert_eq!(debrief.protocol_error, 0);
}

#[test]
fn s62_the_count_is_by_hand_not_copied_from_a_miscounting_aeu_and_a_recount_demand_is_recorded() {
    let (found, debrief) = faulty_deviations("aeu-miscount-recount");
    assert_eq!(found, expect(&[("20:40", "count-copied-from-aeu", "§62"), ("21:10", "recount-not-held", "§62")]));
    // Three ballots of one party reported for another: six votes off in the protocol.
    assert_eq!(debrief.protocol_error, 6);
}

#[test]
fn s56_s59_s64_the_count_night_a_ballot_in_the_wrong_pile_late_aeu_data_and_a_complaint_not_recorded() {
    let (found, debrief) = faulty_deviations("count-night");
    assert_eq!(
        found,
        expect(&[("20:45", "count-wrong-pile", "§59"), ("21:00", "aeu-results-late", "§56"), ("22:20", "complaint-not-recorded", "§64")])
    );
    assert_eq!(debrief.protocol_error, 2, "one ballot moved: two lines off by one");
}

#[test]
fn r4_4_s38_a_duplicate_with_its_act_and_the_turnout_report() {
    let (found, _) = faulty_deviations("duplicate-twice");
    assert_eq!(found, expect(&[("09:20", "act-missing", "R4.4"), ("11:00", "turnout-missed", "§38")]));
}

#[test]
fn observers_regulation_a_kyrgyz_citizen_is_never_an_international_observer() {
    let (found, _) = faulty_deviations("citizen-observer");
    assert_eq!(found, expect(&[("08:41", "citizen-as-international-observer", "O"), ("11:00", "turnout-missed", "§38")]));
}

/// The app's swappable station: loading a scenario opens a fresh training station that
/// every window follows; the console lists the scenarios and the trainee's actions; the
/// debrief is saved as PDF with a row in the class summary; a real station never loads one.
#[test]
fn the_console_loads_a_scenario_on_a_station_of_its_own_and_saves_the_debrief() {
    let dir = tempfile::tempdir().expect("tempdir");
    let demo = api::Demo::RemoteVoting.definition_as_shipped().expect("definition");
    let morning = domain::scenario::StationTime::new(0, 7, 0).instant(&demo);
    let clock = std::sync::Arc::new(api::TrainingClock::starting_at(morning));
    let home = api::Station::open(api::StationConfig::simulated(dir.path().join("home"), clock, Some(api::Demo::RemoteVoting), 1))
        .expect("opens");
    assert!(home.election().expect("election").training, "the demo is a mock election");
    home.set_language(Language::Ru).expect("ru");
    let stations = api::training::Stations::new(home);
    let console = stations.console();
    assert_eq!(console.scenarios.len(), scenarios::SHIPPED.len());
    assert!(console.run.is_none());

    stations.load_scenario("aeu-failures").expect("loads");
    stations.set_trainee("Токтосунова Айпери").expect("named");
    let station = stations.current();
    assert!(station.data_dir().ends_with("training/aeu-failures-1"), "{}", station.data_dir().display());
    let run = stations.run().expect("running");
    assert_eq!(station.now(), run.starts_at());
    // The urn fails at 10:20; the trainee records it and switches to the reserve.
    station.control_clock(ClockControl::Speed { speed: 60 }).expect("×60");
    let at = |hour, minute| domain::scenario::StationTime::new(0, hour, minute).instant(run.election());
    run.advance_to(at(10, 21));
    let current = stations.current();
    current.act(domain::Command::RecordAeuFailure { aeu: "aeu-main".into() }).expect("recorded");
    current.act_and_print(domain::Command::SwitchToReserveAeu).expect("the reserve");
    let console = stations.console();
    let view = console.run.expect("the run");
    assert_eq!(view.timeline[0].happened_at.as_deref(), Some("10:20"));
    assert!(view.feed.len() >= 3, "{:?}", view.feed);
    assert!(view.feed[0].text.contains("резервн"), "newest first, in words: {:?}", view.feed);

    let debrief = stations.debrief().expect("debrief");
    assert!(debrief.deviations.is_empty(), "{:?}", debrief.deviations);
    assert_eq!(debrief.trainee, "Токтосунова Айпери");
    let pdf = stations.save_debrief().expect("saved");
    assert!(std::fs::read(&pdf).expect("the PDF").starts_with(b"%PDF"));
    let summary = std::fs::read_to_string(dir.path().join("home/training/class-summary.csv")).expect("the class summary");
    assert!(summary.lines().any(|line| line.starts_with("aeu-failures,Токтосунова Айпери,0,0")), "{summary}");

    // A second load starts a second station; leaving goes back home.
    stations.load_scenario("aeu-failures").expect("again");
    assert!(stations.current().data_dir().ends_with("training/aeu-failures-2"));
    stations.leave_training();
    assert!(stations.run().is_none());
    assert!(stations.current().data_dir().ends_with("home"));
}

#[test]
fn a_real_station_never_loads_a_scenario() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut real = api::Demo::CityCouncil.definition_as_shipped().expect("definition");
    real.training = false;
    let morning = domain::scenario::StationTime::new(0, 7, 0).instant(&real);
    let mut config = api::StationConfig::simulated(
        dir.path().to_path_buf(),
        std::sync::Arc::new(api::TrainingClock::starting_at(morning)),
        Some(api::Demo::CityCouncil),
        1,
    );
    config.definition = Some(real);
    let stations = api::training::Stations::new(api::Station::open(config).expect("opens"));
    let refused = stations.load_scenario("power-cut").expect_err("refused");
    assert_eq!(refused.code, "training.not-a-mock-election");
    assert!(stations.run().is_none());
    assert!(!dir.path().join("training").exists(), "nothing opened");
}
