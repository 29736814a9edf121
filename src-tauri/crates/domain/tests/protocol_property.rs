//! Property test of the control relations (§63) of both shipped forms: figures drawn
//! from a simulated day, consistent by construction, satisfy every relation, for any
//! number of options; and a slip of any size in any single line or option breaks at
//! least one relation (the forms pin every line in an equality).

use std::collections::BTreeMap;

use domain::election::{BallotOption, Contest, LocalizedText, OptionKind, StationKind};
use domain::protocol::{ContestProtocol, ProtocolForm, check, form_for};
use proptest::prelude::*;
use proptest::sample::Index;

fn shipped(kind: StationKind) -> &'static ProtocolForm {
    form_for(kind).unwrap_or_else(|problems| panic!("{problems:#?}"))
}

fn contest(choices: usize, against_all_at: Index) -> Contest {
    let mut options: Vec<BallotOption> = (1..=choices)
        .map(|n| BallotOption {
            id: format!("o{n}"),
            kind: OptionKind::Candidate,
            name: LocalizedText { ky: format!("Талапкер {n}"), ru: format!("Кандидат {n}") },
        })
        .collect();
    let against_all = BallotOption {
        id: "against-all".into(),
        kind: OptionKind::AgainstAll,
        name: LocalizedText { ky: "Баарына каршы".into(), ru: "Против всех".into() },
    };
    options.insert(against_all_at.index(choices + 1), against_all);
    Contest { id: "d1".into(), designation: "№ 1".into(), name: LocalizedText { ky: "Округ".into(), ru: "Округ".into() }, options }
}

/// Draws numbers from the indices proptest generated, in turn.
struct Draw<'a> {
    indices: &'a [Index],
    next: usize,
}

impl Draw<'_> {
    /// A number in `0..=max`.
    fn upto(&mut self, max: u64) -> u64 {
        let index = &self.indices[self.next % self.indices.len()];
        self.next += 1;
        let size = usize::try_from(max).unwrap_or(usize::MAX).saturating_add(1);
        index.index(size) as u64
    }

    /// `total` split into `parts` non-negative numbers (cut points, sorted).
    fn split(&mut self, total: u64, parts: usize) -> Vec<u64> {
        let mut cuts: Vec<u64> = (1..parts).map(|_| self.upto(total)).collect();
        cuts.sort_unstable();
        let mut shares = Vec::with_capacity(parts);
        let mut previous = 0;
        for cut in cuts {
            shares.push(cut - previous);
            previous = cut;
        }
        shares.push(total - previous);
        shares
    }
}

/// A regular (or abroad) station's day: the voters in the lists, the ballots received
/// and what became of each of them, the boxes opened and the ballots sorted.
fn regular_day(draw: &mut Draw, options: usize) -> (BTreeMap<String, u64>, Vec<u64>) {
    let voters = draw.upto(5000);
    let issued_outside = draw.upto(voters.min(300));
    let issued_in_premises = draw.upto(voters - issued_outside);
    let spoiled_returned = draw.upto(60);
    let unused = draw.upto(2000);
    let lost = draw.upto(5);
    let stock_used = issued_in_premises + issued_outside + spoiled_returned + unused + lost;
    // Ballots found beyond those counted at receipt: they too were issued or cancelled.
    let not_accounted = draw.upto(stock_used.min(5));
    let received = stock_used - not_accounted;
    // Some voters leave with their ballot: the boxes hold at most what was issued.
    let in_portable = issued_outside - draw.upto(issued_outside.min(3));
    let in_stationary = issued_in_premises - draw.upto(issued_in_premises.min(10));
    let in_boxes = in_portable + in_stationary;
    let invalid = draw.upto(in_boxes.min(100));
    let valid = in_boxes - invalid;
    let lines = [
        ("voters-in-list", voters),
        ("voters-in-electronic-list", voters),
        ("ballots-received", received),
        ("ballots-issued-in-premises", issued_in_premises),
        ("ballots-issued-outside", issued_outside),
        ("ballots-cancelled", unused + spoiled_returned),
        ("ballots-in-portable-boxes", in_portable),
        ("ballots-in-stationary-boxes", in_stationary),
        ("ballots-invalid", invalid),
        ("ballots-valid", valid),
        ("ballots-lost", lost),
        ("ballots-not-accounted", not_accounted),
    ];
    let votes = draw.split(valid, options);
    (lines.iter().map(|(id, value)| ((*id).to_owned(), *value)).collect(), votes)
}

/// One district at a remote-voting station: every participant gets one printed ballot,
/// some spoil it and get a duplicate once (R4.4), most put theirs into the AEU.
fn remote_day(draw: &mut Draw, options: usize) -> (BTreeMap<String, u64>, Vec<u64>) {
    let participants = draw.upto(3000);
    let duplicates = draw.upto(participants.min(50));
    let in_aeu = participants - draw.upto(participants.min(5));
    let invalid = draw.upto(in_aeu.min(60));
    let valid = in_aeu - invalid;
    let lines = [
        ("remote-participants", participants),
        ("ballots-printed", participants + duplicates),
        ("ballots-issued", participants),
        ("ballots-cancelled", duplicates),
        ("ballots-in-aeu", in_aeu),
        ("ballots-valid", valid),
        ("ballots-invalid", invalid),
    ];
    let votes = draw.split(valid, options);
    (lines.iter().map(|(id, value)| ((*id).to_owned(), *value)).collect(), votes)
}

#[derive(Debug, Clone)]
struct Day {
    form: &'static ProtocolForm,
    contest: Contest,
    lines: BTreeMap<String, u64>,
    options: BTreeMap<String, u64>,
}

impl Day {
    fn protocol(&self) -> ContestProtocol {
        ContestProtocol::new(self.form, &self.contest, self.lines.clone(), self.options.clone())
            .unwrap_or_else(|problems| panic!("{problems:#?}"))
    }
}

fn day() -> impl Strategy<Value = Day> {
    (
        prop::sample::select(vec![StationKind::Regular, StationKind::Abroad, StationKind::RemoteVoting]),
        1usize..=12,
        any::<Index>(),
        prop::collection::vec(any::<Index>(), 40),
    )
        .prop_map(|(kind, choices, against_all_at, indices)| {
            let form = shipped(kind);
            let contest = contest(choices, against_all_at);
            let mut draw = Draw { indices: &indices, next: 0 };
            let (lines, votes) = if kind == StationKind::RemoteVoting {
                remote_day(&mut draw, contest.options.len())
            } else {
                regular_day(&mut draw, contest.options.len())
            };
            let options = contest.options.iter().zip(votes).map(|(option, votes)| (option.id.clone(), votes)).collect();
            Day { form, contest, lines, options }
        })
}

/// A slip: a non-zero amount, small or large.
fn slip() -> impl Strategy<Value = (u64, bool)> {
    (prop_oneof![1u64..=10, 1u64..=100_000, 1u64..=u64::from(u32::MAX)], any::<bool>())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn r63_a_consistent_day_satisfies_every_relation(day in day()) {
        let violations = check(day.form, &day.contest, &day.protocol());
        prop_assert!(violations.is_empty(), "{:#?}\nlines {:?}\noptions {:?}", violations, day.lines, day.options);
    }

    #[test]
    fn r63_a_slip_in_any_single_figure_breaks_a_relation(day in day(), target in any::<Index>(), (amount, down) in slip()) {
        let mut day = day;
        let line_count = day.lines.len();
        let at = target.index(line_count + day.options.len());
        let value = if at < line_count {
            day.lines.values_mut().nth(at)
        } else {
            day.options.values_mut().nth(at - line_count)
        }
        .unwrap_or_else(|| unreachable!());
        // Down when the figure allows it, otherwise up: figures never go below 0.
        *value = if down && *value >= amount { *value - amount } else { *value + amount };
        let violations = check(day.form, &day.contest, &day.protocol());
        prop_assert!(!violations.is_empty(), "a slip of {} at figure {} went unnoticed", amount, at);
    }
}
