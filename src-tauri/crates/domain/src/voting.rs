//! The rules of voting hours (§37–42, §38, R3.2, R4.2–R4.3): identifying voters, the
//! act for a voter the devices cannot identify, ballots printed or handed over against
//! receipts, the list signatures, and the 2-hourly turnout reports.

use chrono::{DateTime, Utc};

use crate::acts::{self, Act, ActKind};
use crate::election::{ElectionDefinition, StationKind};
use crate::error::DomainError;
use crate::event::Event;
use crate::identification::{self, Identification, TURNOUT_STEPS, VoterFacts};
use crate::state::DayState;
use crate::timeline::{self, StepId};

type Decision = Result<Vec<Event>, DomainError>;

fn refuse(code: &'static str, message: &'static str) -> DomainError {
    DomainError::new(code, message)
}

/// Voting acts are allowed once the polls are open and until the close is recorded:
/// after 20:00 only voters already inside still vote (§49).
pub fn voting_open(election: &ElectionDefinition, state: &DayState, now: DateTime<Utc>) -> Result<(), DomainError> {
    if state.done_at(StepId::Close).is_some() {
        return Err(refuse("voting.closed", "error-voting-closed"));
    }
    if state.polls_opened_at.is_none() {
        let opens = timeline::starts_at(election, StepId::Voting);
        return Err(refuse("voting.not-open", "error-voting-not-open")
            .with("time", opens.with_timezone(&election.tz()).format("%H:%M").to_string()));
    }
    if now < timeline::starts_at(election, StepId::Voting) {
        return Err(refuse("voting.not-open", "error-voting-not-open").with("time", "08:00"));
    }
    if let Some(since) = state.incidents.power_cut_since() {
        // §6: voting stops until the light returns.
        return Err(refuse("voting.power-cut", "error-voting-power-cut")
            .with("time", since.with_timezone(&election.tz()).format("%H:%M").to_string()));
    }
    Ok(())
}

/// Whether this voter may be identified here now: the polls, the voter's eligibility,
/// and R3.2 (identified only once). Gives the contest whose ballot the voter gets.
pub fn admissible(
    election: &ElectionDefinition,
    state: &DayState,
    facts: &VoterFacts,
    now: DateTime<Utc>,
) -> Result<String, DomainError> {
    voting_open(election, state, now)?;
    if state.identification.identified.contains_key(&facts.voter) {
        return Err(refuse("identification.already-identified", "error-identification-already-identified"));
    }
    Ok(identification::eligibility(election, facts)?.id.clone())
}

pub(crate) fn identify(
    election: &ElectionDefinition,
    state: &DayState,
    identification: &Identification,
    now: DateTime<Utc>,
) -> Decision {
    let district = admissible(election, state, &identification.facts, now)?;
    identification::check_biometrics(election.station.kind, identification)?;
    Ok(vec![Event::VoterIdentified {
        at: now,
        voter: identification.facts.voter.clone(),
        district,
        document: identification.document,
        method: identification.method,
        fingerprint_attempts: identification.fingerprint_attempts,
    }])
}

pub(crate) fn record_failure(
    election: &ElectionDefinition,
    state: &DayState,
    facts: &VoterFacts,
    fingerprint_attempts: u8,
    face_tried: bool,
    now: DateTime<Utc>,
) -> Decision {
    admissible(election, state, facts, now)?;
    identification::may_give_up(election.station.kind, fingerprint_attempts, face_tried)?;
    let act = Act {
        number: acts::next_number(&state.acts),
        at: now,
        kind: ActKind::IdentificationFailure { voter: facts.voter.clone(), fingerprint_attempts, face_tried },
    };
    Ok(vec![
        Event::IdentificationFailed { at: now, voter: facts.voter.clone(), fingerprint_attempts, face_tried },
        Event::ActDrawnUp { act },
    ])
}

pub(crate) fn ballot_printed(election: &ElectionDefinition, state: &DayState, district: &str, now: DateTime<Utc>) -> Decision {
    if election.station.kind != StationKind::RemoteVoting {
        return Err(refuse("ballot.printed-only-remote", "error-ballot-printed-only-remote"));
    }
    if state.identification.awaiting_ballot(district) == 0 {
        return Err(refuse("ballot.nobody-waiting", "error-ballot-nobody-waiting").with("district", district));
    }
    Ok(vec![Event::BallotPrinted { at: now, district: district.to_owned() }])
}

pub(crate) fn list_voter(state: &DayState, voter: &str, now: DateTime<Utc>) -> Decision {
    match state.identification.identified.get(voter) {
        None => Err(refuse("list.not-identified", "error-list-not-identified")),
        Some(identified) if identified.listed => Err(refuse("list.already-listed", "error-list-already-listed")),
        Some(_) => Ok(vec![Event::VoterListed { at: now, voter: voter.to_owned() }]),
    }
}

/// §41: a ballot only against a receipt whose voter signed the paper list; and never
/// more than the members received for the room (§36).
pub(crate) fn issue_ballot(election: &ElectionDefinition, state: &DayState, now: DateTime<Utc>) -> Decision {
    if election.station.kind == StationKind::RemoteVoting {
        return Err(refuse("ballot.remote-prints", "error-ballot-remote-prints"));
    }
    voting_open(election, state, now)?;
    let identification = &state.identification;
    if identification.listed_count() <= identification.ballots_issued {
        return Err(refuse("ballot.no-receipt", "error-ballot-no-receipt"));
    }
    if crate::spoils::ballots_with_members(state) == 0 {
        return Err(refuse("ballot.members-have-none", "error-ballot-members-have-none")
            .with("issued", i64::from(state.ballots.issued())));
    }
    Ok(vec![Event::BallotIssuedToVoter { at: now }])
}

/// Voters who took part so far: identified here, and served outside the premises the day
/// before (§38: reported from the receipts).
pub fn turnout_figure(state: &DayState) -> u32 {
    let served = u32::try_from(state.out_of_premises.served.len()).unwrap_or(u32::MAX);
    state.identification.identified_count().saturating_add(served)
}

pub(crate) fn report_turnout(election: &ElectionDefinition, state: &DayState, step: StepId, now: DateTime<Utc>) -> Decision {
    if !TURNOUT_STEPS.contains(&step) {
        return Err(refuse("turnout.not-a-report", "error-turnout-not-a-report").with("step", step.name()));
    }
    if state.done_at(step).is_some() {
        return Err(DomainError::new("step.already-done", "error-step-already-done").with("step", step.name()));
    }
    let starts = timeline::starts_at(election, step);
    if now < starts {
        return Err(DomainError::new("step.too-early", "error-step-too-early")
            .with("step", step.name())
            .with("time", starts.with_timezone(&election.tz()).format("%H:%M").to_string()));
    }
    Ok(vec![Event::TurnoutReported { at: now, step, figure: turnout_figure(state) }])
}
