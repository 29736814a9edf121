//! The synthetic register: fictional voters in the import format, for the demo, tests
//! and the benchmark. Seeded and reproducible: the same definition, options and seed give
//! the same bytes (CSV and photos), on any machine.

use std::collections::HashMap;
use std::io::{self, Write};

use chrono::{Days, Months, NaiveDate};
use domain::{ElectionDefinition, StationKind};

use super::names;
use super::png;
use super::row::Column;

/// Whose voters the file lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GenerateScope {
    /// Every voter at the definition's station (a regular station's list).
    Station,
    /// Voters of every district of the definition, at many stations (the national
    /// extract a remote-voting station receives).
    National,
}

/// What to generate; [`GenerateOptions::new`] gives the defaults.
#[derive(Debug, Clone)]
pub struct GenerateOptions {
    pub voters: u64,
    pub seed: u64,
    pub scope: GenerateScope,
    /// National scope: stations in each district (numbered `1001…` in the first
    /// district, `2001…` in the second, …; a regular station's own number is one of its
    /// district's).
    pub stations_per_district: u32,
    /// Share, in per mille, of voters registered at their address within the election's
    /// `community_registration_days` before voting day (R3.1): not yet members of the
    /// district's community.
    pub recent_per_mille: u32,
    /// Write a placeholder photo for about 95 % of the voters.
    pub photos: bool,
}

impl GenerateOptions {
    /// `voters` voters from `seed`: national for a remote-voting station, the station's
    /// own list otherwise; 50 stations per district, 5 % recently registered, no photos.
    pub fn new(definition: &ElectionDefinition, voters: u64, seed: u64) -> GenerateOptions {
        let scope =
            if definition.station.kind == StationKind::RemoteVoting { GenerateScope::National } else { GenerateScope::Station };
        GenerateOptions { voters, seed, scope, stations_per_district: 50, recent_per_mille: 50, photos: false }
    }
}

/// What was generated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct GenerateSummary {
    pub rows: u64,
    /// Voters registered less than `community_registration_days` before voting day.
    pub recent: u64,
    /// Voters registered at the definition's own station.
    pub at_station: u64,
    pub photos: u64,
}

/// SplitMix64 (Steele, Lea, Flood 2014): tiny, fast, and fixed forever, so a seed means
/// the same register in every version.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..bound` (`bound` > 0).
    fn below(&mut self, bound: u64) -> u64 {
        ((u128::from(self.next()) * u128::from(bound)) >> 64) as u64
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }
}

/// The stations voters are drawn over, per district.
fn stations(definition: &ElectionDefinition, options: &GenerateOptions) -> Vec<(String, Vec<String>)> {
    let own = &definition.station;
    if options.scope == GenerateScope::Station {
        return vec![(own.district.clone(), vec![own.number.clone()])];
    }
    let per_district = u64::from(options.stations_per_district.max(1));
    definition
        .contests
        .iter()
        .enumerate()
        .map(|(index, contest)| {
            let base = 1000 * (index as u64 + 1);
            let mut numbers: Vec<String> =
                (1..=per_district + 1).map(|n| (base + n).to_string()).filter(|number| *number != own.number).collect();
            numbers.truncate(per_district as usize);
            // A remote-voting station keeps no list of its own; a regular one does.
            if own.kind != StationKind::RemoteVoting && own.district == contest.id {
                numbers[0] = own.number.clone();
            }
            (contest.id.clone(), numbers)
        })
        .collect()
}

/// Writes a synthetic register of `options.voters` fictional voters to `csv`, in the
/// import format, and each photo through `photo(name, bytes)` (`name` is relative to the
/// CSV's folder, e.g. `photos/0000001.png`). Personal numbers are valid and unique:
/// sex digit (1 female, 2 male), birth date `ddmmyyyy`, 5 digits.
pub fn generate(
    definition: &ElectionDefinition,
    options: &GenerateOptions,
    csv: &mut dyn Write,
    photo: &mut dyn FnMut(&str, &[u8]) -> io::Result<()>,
) -> io::Result<GenerateSummary> {
    let mut rng = SplitMix64(options.seed);
    let stations = stations(definition, options);
    let voting_day = definition.voting_day;
    let youngest = voting_day.checked_sub_months(Months::new(18 * 12)).unwrap_or(voting_day);
    let recent_days = u64::from(definition.community_registration_days);
    let mut serials: HashMap<(bool, NaiveDate), u32> = HashMap::new();
    let roots: Vec<&str> = names::MALE.iter().chain(names::ANCESTORS).copied().collect();

    let mut writer = csv::WriterBuilder::new().from_writer(csv);
    writer.write_record(Column::ALL.iter().map(|column| column.name())).map_err(io::Error::other)?;
    let mut summary = GenerateSummary::default();
    for index in 0..options.voters {
        let female = rng.below(2) == 0;
        let (district, numbers) = &stations[rng.below(stations.len() as u64) as usize];
        let station = numbers[rng.below(numbers.len() as u64) as usize].as_str();

        // Ages 18 to 95 on voting day.
        let mut birth = youngest - Days::new(rng.below(77 * 365));
        let serial = loop {
            let used = serials.entry((female, birth)).or_insert(0);
            if *used < 100_000 {
                // 7919 is prime to 100 000: distinct counts give distinct serials; the
                // offset varies the first serial of each birth date.
                let offset = SplitMix64(options.seed ^ u64::from(super::row::date_number(birth)) << 1 ^ u64::from(female)).next();
                let serial = (u64::from(*used) * 7919 + offset) % 100_000;
                *used += 1;
                break serial;
            }
            birth = birth.pred_opt().unwrap_or(birth);
        };
        let personal_number = format!("{}{}{serial:05}", if female { 1 } else { 2 }, birth.format("%d%m%Y"));

        let lived_days = u64::try_from((voting_day - birth).num_days()).unwrap_or(0);
        let recent = recent_days > 1 && rng.below(1000) < u64::from(options.recent_per_mille);
        let days_before = if recent {
            1 + rng.below(recent_days - 1)
        } else {
            let longest = lived_days.min(recent_days + 30 * 365).max(recent_days);
            recent_days + rng.below(longest - recent_days + 1)
        };
        let registered_on = voting_day - Days::new(days_before);

        let given = rng.pick(if female { names::FEMALE } else { names::MALE });
        let surname = names::surname(rng.pick(&roots), female);
        let father = rng.pick(&roots);
        let patronymic = match rng.below(100) {
            0..80 => names::patronymic(father, female),
            80..95 => names::kyrgyz_patronymic(father, female),
            _ => String::new(),
        };

        let photo_name = if options.photos && rng.below(100) < 95 {
            let name = format!("photos/{:07}.png", index + 1);
            photo(&name, &placeholder_photo(&mut rng, female))?;
            summary.photos += 1;
            name
        } else {
            String::new()
        };

        writer
            .write_record([
                personal_number.as_str(),
                surname.as_str(),
                given,
                patronymic.as_str(),
                &birth.format("%Y-%m-%d").to_string(),
                district.as_str(),
                station,
                &registered_on.format("%Y-%m-%d").to_string(),
                photo_name.as_str(),
            ])
            .map_err(io::Error::other)?;
        summary.rows += 1;
        summary.recent += u64::from(recent);
        summary.at_station += u64::from(station == definition.station.number);
    }
    writer.flush()?;
    Ok(summary)
}

/// One voter of a synthetic register, personal number included: what a simulation needs
/// to present that voter's document at the desk. Never stored; regenerated from the seed.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
pub struct SyntheticVoter {
    pub personal_number: String,
    pub surname: String,
    pub given_names: String,
    pub patronymic: String,
    pub birth_date: NaiveDate,
    pub district: String,
    pub station: String,
    pub registered_on: NaiveDate,
}

/// The voters [`generate`] writes for these options, read back (the photos are drawn, so
/// that the voters are the same, and dropped).
pub fn synthetic_voters(definition: &ElectionDefinition, options: &GenerateOptions) -> io::Result<Vec<SyntheticVoter>> {
    let mut csv = Vec::new();
    generate(definition, options, &mut csv, &mut |_, _| Ok(()))?;
    let mut reader = csv::ReaderBuilder::new().from_reader(csv.as_slice());
    reader.deserialize().map(|row| row.map_err(io::Error::other)).collect()
}

/// A 24×30 passport-style silhouette: plain background, head and shoulders.
fn placeholder_photo(rng: &mut SplitMix64, female: bool) -> Vec<u8> {
    const WIDTH: u32 = 24;
    const HEIGHT: u32 = 30;
    let background = [200 + rng.below(40) as u8, 210 + rng.below(40) as u8, 220 + rng.below(35) as u8];
    let skin = [170 + rng.below(60) as u8, 120 + rng.below(50) as u8, 90 + rng.below(40) as u8];
    let clothes = [rng.below(120) as u8, rng.below(120) as u8, rng.below(160) as u8];
    let hair = [30 + rng.below(50) as u8, 20 + rng.below(40) as u8, 10 + rng.below(30) as u8];
    let hair_reach = if female { 17 } else { 10 };
    let mut pixels = Vec::with_capacity((WIDTH * HEIGHT * 3) as usize);
    for y in 0..HEIGHT as i32 {
        for x in 0..WIDTH as i32 {
            let (dx, dy) = (x - 12, y - 12);
            let in_head = dx * dx * 100 / 36 + dy * dy * 100 / 64 <= 100;
            let in_hair = dx * dx + (y - 9) * (y - 9) <= 52 && y <= hair_reach && !(in_head && y > 8);
            let in_shoulders = y >= 22 && dx.abs() <= (y - 16);
            let colour = if in_hair {
                hair
            } else if in_head {
                skin
            } else if in_shoulders {
                clothes
            } else {
                background
            };
            pixels.extend_from_slice(&colour);
        }
    }
    png::encode_rgb(WIDTH, HEIGHT, &pixels)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitmix64_gives_the_published_sequence() {
        // First outputs for seed 1234567 (reference implementation by S. Vigna).
        let mut rng = SplitMix64(1_234_567);
        assert_eq!(rng.next(), 6_457_827_717_110_365_317);
        assert_eq!(rng.next(), 3_203_168_211_198_807_973);
    }
}
