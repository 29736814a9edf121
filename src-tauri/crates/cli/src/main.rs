//! The `uchastok` command line.
//!
//! Owns: the command-line surface (`uchastok election check FILE`,
//! `uchastok journal verify DB`, `uchastok lot verify RECORD`,
//! `uchastok register generate …`, `uchastok register import FILE …`,
//! `uchastok demo …`, `uchastok verify BUNDLE --registry REGISTRY`, `uchastok dec …`,
//! `uchastok train run SCENARIO --actions FILE`, `uchastok train list`), the choice of the output language
//! (`--lang`, else `UCHASTOK_LANG`, else Kyrgyz), and exit codes: 0 when all is well,
//! 1 when the input has problems or cannot be read, 2 for a wrong command line.
//!
//! Never: judges anything itself. Validation is `domain`'s, journal verification and
//! the voter register are `store`'s, bundle verification is `bundle`'s, the district commission's work is `api::dec`'s, training is `api::training`'s, every word printed comes from `locales/*/cli.ftl` (and the domain's own
//! messages) through `i18n`.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use domain::MessageArg;
use i18n::{Language, Localizer};

mod dec_cmd;
mod demo_cmd;
mod election_cmd;
mod journal_cmd;
mod lot_cmd;
mod register_cmd;
mod train_cmd;
mod verify_cmd;

/// Шайлоо участогу үчүн куралдар / Инструменты избирательного участка.
#[derive(Debug, Parser)]
#[command(name = "uchastok", version)]
struct Cli {
    /// Output language, ky or ru [default: $UCHASTOK_LANG, else ky]
    #[arg(long, global = true, value_name = "ky|ru", value_parser = clap::value_parser!(LanguageArg))]
    lang: Option<LanguageArg>,

    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Шайлоонун аныктамасы / Определение выборов
    #[command(subcommand)]
    Election(ElectionCommand),
    /// Журнал / Журнал
    #[command(subcommand)]
    Journal(JournalCommand),
    /// Чүчүкулак / Жеребьёвка
    #[command(subcommand)]
    Lot(LotCommand),
    /// Шайлоочулардын реестри / Реестр избирателей (docs/voter-register.md)
    #[command(subcommand)]
    Register(RegisterCommand),
    /// Шайлоо күнүн тууроо / Смоделировать день выборов (headless, seeded)
    Demo {
        /// Which demo station
        #[arg(long, value_enum, default_value = "remote")]
        station_kind: demo_cmd::StationKindArg,
        /// Voters who come to the desk during the day
        #[arg(long, default_value_t = 200)]
        voters: u32,
        /// Seed of the simulated devices
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Keep the station's folder (database, documents, keys) here, with the signed
        /// bundle, the station's public key and a demo key registry
        #[arg(long)]
        out: Option<PathBuf>,
        /// Run the day as this station of the same district (a district's exercise)
        #[arg(long, value_name = "NUMBER")]
        station: Option<String>,
        /// Plant a discrepancy for the district to find: aeu-differs, late-delivery
        #[arg(long, value_name = "WHAT")]
        plant: Option<String>,
        /// After the day, correct the protocol (§66) and export a second bundle
        #[arg(long)]
        correct: bool,
    },
    /// Округдук шайлоо комиссиясы / Окружная избирательная комиссия (docs/dec.md)
    Dec {
        /// The commission's data folder
        #[arg(long)]
        dir: PathBuf,
        #[command(subcommand)]
        command: DecCommand,
    },
    /// Окуу шайлоосу / Учебные выборы (docs/training-scenario.md)
    #[command(subcommand)]
    Train(TrainCommand),
    /// Пакетти текшерүү / Проверить пакет участка (docs/bundle-format.md)
    Verify {
        /// The bundle (.zip)
        bundle: PathBuf,
        /// The district's key registry (signed JSON)
        #[arg(long)]
        registry: PathBuf,
        /// Accept the registry only if signed by this district key (fingerprint or key id)
        #[arg(long, value_name = "FINGERPRINT")]
        dec_key: Option<String>,
        /// Refuse bundles numbered below this (the district took an older one already)
        #[arg(long, value_name = "N")]
        min_sequence: Option<u64>,
    },
}

#[derive(Debug, Subcommand)]
enum TrainCommand {
    /// Play a scripted trainee against a scenario and print the debrief
    Run {
        /// A shipped scenario's id, or a scenario file
        scenario: String,
        /// The trainee's actions (TOML, docs/training-scenario.md)
        #[arg(long)]
        actions: PathBuf,
        /// Also write the debrief as PDF here
        #[arg(long, value_name = "OUT")]
        pdf: Option<PathBuf>,
        /// Append the debrief's summary row to this class summary (CSV)
        #[arg(long, value_name = "CLASS")]
        csv: Option<PathBuf>,
        /// Keep the scenario's station folder (journal, documents) here
        #[arg(long, value_name = "DIR")]
        keep: Option<PathBuf>,
    },
    /// The shipped scenarios
    List,
}

#[derive(Debug, Subcommand)]
enum DecCommand {
    /// Комиссияны жөндөө / Настроить комиссию на округ выборов
    Init {
        /// The election definition (.toml)
        #[arg(long)]
        election: PathBuf,
        /// The district (contest id) [default: the definition's station's district]
        #[arg(long)]
        district: Option<String>,
        /// The commission's name, as printed on its protocol
        #[arg(long)]
        commission: String,
    },
    /// Участокту каттоо / Зарегистрировать ключи участков
    Register {
        /// Station key files (station-key.json) or key QR texts (UCHKEY1/…)
        #[arg(required = true)]
        keys: Vec<String>,
    },
    /// Пакеттерди импорттоо / Импортировать пакеты (файлы или папки)
    Import {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Жыйынды таблица / Сводная таблица и расхождения
    Summary,
    /// Карама-каршылыкты чечүү / Решить конфликт пакетов
    Resolve {
        #[arg(long)]
        station: String,
        /// The SHA-256 of the bundle to keep
        #[arg(long)]
        keep: String,
        /// It is the result of a recount ordered by a higher commission (§78)
        #[arg(long)]
        recount: bool,
        #[arg(long)]
        reason: String,
    },
    /// Кайра саноо / Отметить пересчёт (§78)
    Recount {
        #[arg(long)]
        station: String,
    },
    /// Жараксыз деп табуу / Признать результаты недействительными (§80, R5.9)
    SetAside {
        #[arg(long)]
        station: String,
        /// s80-unreliable, s80-affected, s80-higher-commission, s80-court, s80-ballots-not-genuine, r59-remote-voting
        #[arg(long)]
        ground: String,
        /// Only the remote-voting results (R5.9)
        #[arg(long)]
        remote: bool,
        #[arg(long)]
        decision: String,
    },
    /// Документтер жана экспорт / Протокол, сводная таблица, NIST JSON, реестр ключей
    Export {
        #[arg(long)]
        out: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
enum RegisterCommand {
    /// Ойдон чыгарылган реестр түзүү / Создать вымышленный реестр (CSV)
    Generate {
        /// Number of voters
        #[arg(long)]
        voters: u64,
        /// Seed: the same seed gives the same file
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// The election definition (.toml) whose districts and station to use
        #[arg(long)]
        election: PathBuf,
        /// Folder for register.csv (and photos/)
        #[arg(long)]
        out: PathBuf,
        /// Also write placeholder photos (PNG)
        #[arg(long)]
        photos: bool,
        /// Whose voters [default: national for a remote-voting station, else the station's own]
        #[arg(long, value_enum)]
        scope: Option<ScopeArg>,
        /// National scope: stations per district [default: 50]
        #[arg(long)]
        stations_per_district: Option<u32>,
        /// Per mille of voters registered within the community period before voting day [default: 50]
        #[arg(long)]
        recent_per_mille: Option<u32>,
    },
    /// Реестрди импорттоо / Импортировать реестр (CSV)
    Import {
        /// The register file (.csv)
        file: PathBuf,
        /// The station's register database (created or replaced)
        #[arg(long)]
        db: PathBuf,
        /// The register key file (created when missing; keep it apart from the database)
        #[arg(long)]
        key: PathBuf,
        /// Accept only this election's districts
        #[arg(long)]
        election: Option<PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum ScopeArg {
    Station,
    National,
}

#[derive(Debug, Subcommand)]
enum LotCommand {
    /// Чүчүкулакты кайра эсептөө / Пересчитать жеребьёвку
    Verify {
        /// The lot record (.json) saved by the app
        record: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
enum ElectionCommand {
    /// Файлды текшерүү / Проверить файл (TOML, docs/election-definition.md)
    Check {
        /// The election definition file (.toml)
        file: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
enum JournalCommand {
    /// Журналдын чынжырын текшерүү / Проверить цепочку журнала
    Verify {
        /// The station database (.db)
        db: PathBuf,
    },
}

/// `--lang`, parsed through [`Language`]'s `FromStr`.
#[derive(Debug, Clone, Copy)]
struct LanguageArg(Language);

impl std::str::FromStr for LanguageArg {
    type Err = i18n::UnknownLanguage;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        text.parse().map(LanguageArg)
    }
}

impl clap::builder::ValueParserFactory for LanguageArg {
    type Parser = clap::builder::ValueParser;
    fn value_parser() -> Self::Parser {
        clap::builder::ValueParser::new(|text: &str| text.parse::<LanguageArg>())
    }
}

/// The output language: the flag wins, then `UCHASTOK_LANG`, then Kyrgyz. A value of
/// `UCHASTOK_LANG` that is no language is returned too, to be warned about.
fn choose_language(flag: Option<Language>, env: Option<&str>) -> (Language, Option<String>) {
    if let Some(language) = flag {
        return (language, None);
    }
    match env.map(str::trim).filter(|value| !value.is_empty()) {
        None => (Language::default(), None),
        Some(value) => match value.parse() {
            Ok(language) => (language, None),
            Err(_) => (Language::default(), Some(value.to_owned())),
        },
    }
}

/// Message arguments from pairs.
pub(crate) fn args<const N: usize>(pairs: [(&str, MessageArg); N]) -> BTreeMap<String, MessageArg> {
    pairs.into_iter().map(|(name, value)| (name.to_owned(), value)).collect()
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let env = std::env::var("UCHASTOK_LANG").ok();
    let (language, bad_env) = choose_language(cli.lang.map(|arg| arg.0), env.as_deref());
    let localizer = Localizer::new(language);
    if let Some(value) = bad_env {
        eprintln!("{}", localizer.message("cli-warning-bad-env-language", &args([("value", value.into())])));
    }

    let mut stdout = std::io::stdout().lock();
    let outcome = match &cli.command {
        Command::Election(ElectionCommand::Check { file }) => election_cmd::check(file, &localizer, &mut stdout),
        Command::Journal(JournalCommand::Verify { db }) => journal_cmd::verify(db, &localizer, &mut stdout),
        Command::Lot(LotCommand::Verify { record }) => lot_cmd::verify(record, &localizer, &mut stdout),
        Command::Register(RegisterCommand::Generate {
            voters,
            seed,
            election,
            out,
            photos,
            scope,
            stations_per_district,
            recent_per_mille,
        }) => {
            let request = register_cmd::GenerateArgs {
                voters: *voters,
                seed: *seed,
                election,
                out,
                photos: *photos,
                scope: scope.map(|scope| match scope {
                    ScopeArg::Station => store::register::GenerateScope::Station,
                    ScopeArg::National => store::register::GenerateScope::National,
                }),
                stations_per_district: *stations_per_district,
                recent_per_mille: *recent_per_mille,
            };
            register_cmd::generate(&request, &localizer, &mut stdout)
        }
        Command::Demo { station_kind, voters, seed, out, station, plant, correct } => {
            let request = demo_cmd::DemoRequest { kind: *station_kind, voters: *voters, seed: *seed, out: out.as_ref(), station: station.as_deref(), plant: plant.as_deref(), correct: *correct };
            demo_cmd::run(&request, &localizer, &mut stdout)
        }
        Command::Dec { dir, command } => match command {
            DecCommand::Init { election, district, commission } => {
                dec_cmd::init(dir, election, district.as_deref(), commission, &localizer, &mut stdout)
            }
            DecCommand::Register { keys } => dec_cmd::register(dir, keys, &localizer, &mut stdout),
            DecCommand::Import { paths } => dec_cmd::import(dir, paths, &localizer, &mut stdout, &mut std::io::stderr()),
            DecCommand::Summary => dec_cmd::summary(dir, &localizer, &mut stdout),
            DecCommand::Resolve { station, keep, recount, reason } => {
                dec_cmd::resolve(dir, station, keep, *recount, reason, &localizer, &mut stdout)
            }
            DecCommand::Recount { station } => dec_cmd::recount(dir, station, &localizer, &mut stdout),
            DecCommand::SetAside { station, ground, remote, decision } => {
                dec_cmd::set_aside(dir, station, ground, *remote, decision, &localizer, &mut stdout)
            }
            DecCommand::Export { out } => dec_cmd::export(dir, out, &localizer, &mut stdout),
        },
        Command::Train(TrainCommand::Run { scenario, actions, pdf, csv, keep }) => {
            let request = train_cmd::TrainRequest { scenario, actions, pdf: pdf.as_ref(), csv: csv.as_ref(), keep: keep.as_ref() };
            train_cmd::run(&request, language, &localizer, &mut stdout)
        }
        Command::Train(TrainCommand::List) => train_cmd::list(language, &localizer, &mut stdout),
        Command::Verify { bundle, registry, dec_key, min_sequence } => {
            verify_cmd::verify(bundle, registry, dec_key.as_deref(), *min_sequence, &localizer, &mut stdout)
        }
        Command::Register(RegisterCommand::Import { file, db, key, election }) => {
            register_cmd::import(file, db, key, election.as_deref(), &localizer, &mut stdout, &mut std::io::stderr())
        }
    };
    let _ = stdout.flush();
    match outcome {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(error) => {
            // The message is already translated; the chain below it is detail for it.
            eprintln!("{error}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_flag_wins_over_the_environment() {
        assert_eq!(choose_language(Some(Language::Ru), Some("ky")), (Language::Ru, None));
        assert_eq!(choose_language(Some(Language::Ky), Some("xx")), (Language::Ky, None));
    }

    #[test]
    fn the_environment_wins_over_the_default() {
        assert_eq!(choose_language(None, Some("ru")), (Language::Ru, None));
        assert_eq!(choose_language(None, Some("ru_RU.UTF-8")), (Language::Ru, None));
        assert_eq!(choose_language(None, None), (Language::Ky, None));
        assert_eq!(choose_language(None, Some("  ")), (Language::Ky, None));
    }

    #[test]
    fn a_bad_environment_value_falls_back_to_kyrgyz_with_a_warning() {
        assert_eq!(choose_language(None, Some("en")), (Language::Ky, Some("en".to_owned())));
    }

    #[test]
    fn the_command_line_is_well_formed() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
