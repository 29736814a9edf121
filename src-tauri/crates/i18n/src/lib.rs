//! Fluent messages in Kyrgyz and Russian.
//!
//! Owns: the two languages of the app ([`Language`]), the `locales/{ky,ru}/*.ftl` files
//! (embedded at compile time by `build.rs`, one `include_str!` per file, so a new file is
//! picked up without touching code; the same files are served to the web UI), and the
//! formatting of a message id plus arguments into text ([`Localizer`]), including the
//! refusals of the domain ([`Localizer::error`]).
//!
//! Never: reads files at run time, decides what to say (callers pass message ids, the
//! domain passes [`domain::DomainError`]s), or panics on a bad id or a bad argument — a
//! missing message comes back as its own id, which the locale tests in `tests/` turn
//! into a failure. Bidi isolation marks are off, so PDFs and terminal output stay clean.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use domain::{DomainError, MessageArg};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use serde::{Deserialize, Serialize};
use unic_langid::{LanguageIdentifier, langid};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/locales.rs"));
}

/// A language of the app. Kyrgyz is the state language and the default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    #[default]
    Ky,
    Ru,
}

impl Language {
    pub const ALL: [Language; 2] = [Language::Ky, Language::Ru];

    /// The ISO 639-1 code, also the folder name under `locales/`: `ky` or `ru`.
    pub fn code(self) -> &'static str {
        match self {
            Language::Ky => "ky",
            Language::Ru => "ru",
        }
    }

    fn langid(self) -> LanguageIdentifier {
        match self {
            Language::Ky => langid!("ky"),
            Language::Ru => langid!("ru"),
        }
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A language code that is neither Kyrgyz nor Russian.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown language `{0}`; use `ky` or `ru`")]
pub struct UnknownLanguage(pub String);

impl FromStr for Language {
    type Err = UnknownLanguage;

    /// Accepts `ky` and `ru` in any case, also with a region or encoding such as
    /// `ru-RU`, `ky_KG.UTF-8` (as found in `LANG`).
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let primary = text.trim().split(['-', '_', '.']).next().unwrap_or_default();
        match primary.to_ascii_lowercase().as_str() {
            "ky" | "kir" | "kg" => Ok(Language::Ky),
            "ru" | "rus" => Ok(Language::Ru),
            _ => Err(UnknownLanguage(text.to_owned())),
        }
    }
}

/// The embedded `.ftl` files of one language, as (file name, source), sorted by name.
pub fn files(language: Language) -> Vec<(&'static str, &'static str)> {
    match language {
        Language::Ky => embedded::KY.to_vec(),
        Language::Ru => embedded::RU.to_vec(),
    }
}

/// Formats messages in one language. Cheap to share: `Send + Sync`.
pub struct Localizer {
    language: Language,
    bundle: FluentBundle<FluentResource>,
}

impl fmt::Debug for Localizer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Localizer").field("language", &self.language).finish_non_exhaustive()
    }
}

impl Localizer {
    /// Loads every embedded file of `language`. A file with syntax errors still
    /// contributes the messages that parsed; a message id defined twice keeps its first
    /// definition. Both are failures of the locale tests, never a panic here.
    pub fn new(language: Language) -> Localizer {
        let mut bundle = FluentBundle::new_concurrent(vec![language.langid()]);
        bundle.set_use_isolating(false);
        for (_name, source) in files(language) {
            let resource = match FluentResource::try_new(source.to_owned()) {
                Ok(resource) => resource,
                Err((partial, _errors)) => partial,
            };
            // Errors here are only "this id is already defined"; the first one stays.
            let _ = bundle.add_resource(resource);
        }
        Localizer { language, bundle }
    }

    pub fn language(&self) -> Language {
        self.language
    }

    /// Whether the message `id` exists and has a value in this language.
    pub fn has_message(&self, id: &str) -> bool {
        self.bundle.get_message(id).is_some_and(|message| message.value().is_some())
    }

    /// Formats message `id` with `args`. A missing id (or a message without a value)
    /// returns the id itself; a missing argument is shown as `{$name}`.
    pub fn message(&self, id: &str, args: &BTreeMap<String, MessageArg>) -> String {
        let Some(pattern) = self.bundle.get_message(id).and_then(|message| message.value()) else {
            return id.to_owned();
        };
        let mut fluent_args = FluentArgs::with_capacity(args.len());
        for (name, value) in args {
            let value = match value {
                MessageArg::Number(number) => FluentValue::from(*number),
                MessageArg::Text(text) => FluentValue::from(text.as_str()),
            };
            fluent_args.set(name.as_str(), value);
        }
        let mut errors = Vec::new();
        self.bundle.format_pattern(pattern, Some(&fluent_args), &mut errors).into_owned()
    }

    /// Formats a message that takes no arguments.
    pub fn text(&self, id: &str) -> String {
        self.message(id, &BTreeMap::new())
    }

    /// Says a refusal of the domain in this language.
    pub fn error(&self, error: &DomainError) -> String {
        self.message(error.message_id, &error.args)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(pairs: &[(&str, MessageArg)]) -> BTreeMap<String, MessageArg> {
        pairs.iter().map(|(name, value)| ((*name).to_owned(), value.clone())).collect()
    }

    #[test]
    fn localizer_is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Localizer>();
    }

    #[test]
    fn language_codes_parse_and_serialize() {
        assert_eq!("ky".parse::<Language>(), Ok(Language::Ky));
        assert_eq!("RU".parse::<Language>(), Ok(Language::Ru));
        assert_eq!("ru_RU.UTF-8".parse::<Language>(), Ok(Language::Ru));
        assert_eq!("ky-KG".parse::<Language>(), Ok(Language::Ky));
        assert!("en".parse::<Language>().is_err());
        assert!("".parse::<Language>().is_err());
        assert_eq!(Language::default(), Language::Ky);
        assert_eq!(Language::Ru.code(), "ru");
        assert_eq!(serde_json::to_string(&Language::Ky).ok().as_deref(), Some("\"ky\""));
        assert_eq!(serde_json::from_str::<Language>("\"ru\"").ok(), Some(Language::Ru));
    }

    #[test]
    fn every_language_has_embedded_files_with_the_same_names() {
        let names = |language| files(language).into_iter().map(|(name, _)| name).collect::<Vec<_>>();
        assert!(!names(Language::Ky).is_empty(), "no .ftl file embedded for ky");
        assert_eq!(names(Language::Ky), names(Language::Ru));
        assert!(names(Language::Ky).contains(&"election.ftl"));
    }

    #[test]
    fn missing_message_returns_its_id() {
        let localizer = Localizer::new(Language::Ru);
        assert_eq!(localizer.text("no-such-message-anywhere"), "no-such-message-anywhere");
        assert!(!localizer.has_message("no-such-message-anywhere"));
    }

    #[test]
    fn formats_arguments_without_isolation_marks() {
        for language in Language::ALL {
            let localizer = Localizer::new(language);
            let text = localizer.message(
                "election-error-bad-timezone",
                &args(&[("field", "timezone".into()), ("value", "Mars/Olympus".into())]),
            );
            assert!(text.contains("Mars/Olympus"), "{language}: {text}");
            assert!(text.contains("timezone"), "{language}: {text}");
            assert!(!text.contains('\u{2068}') && !text.contains('\u{2069}'), "{language}: {text:?}");
        }
    }

    #[test]
    fn russian_plural_forms_follow_the_number() {
        let localizer = Localizer::new(Language::Ru);
        let say = |count: i64| {
            localizer.message(
                "election-error-role-count",
                &args(&[("field", "commission".into()), ("role", "chair".into()), ("count", count.into())]),
            )
        };
        assert!(say(2).contains("2 председателя"), "{}", say(2));
        assert!(say(5).contains("5 председателей"), "{}", say(5));
        assert!(say(21).contains("21 председатель"), "{}", say(21));
        assert!(say(12).contains("12 председателей"), "{}", say(12));
        assert!(say(0).contains("нет председателя"), "{}", say(0));
    }

    #[test]
    fn kyrgyz_count_needs_no_plural_form() {
        let localizer = Localizer::new(Language::Ky);
        let text = localizer.message(
            "election-error-role-count",
            &args(&[("field", "commission".into()), ("role", "secretary".into()), ("count", 3_i64.into())]),
        );
        assert!(text.contains("3 катчы"), "{text}");
    }

    #[test]
    fn every_step_of_the_day_has_a_human_name_in_refusals() {
        for language in Language::ALL {
            let localizer = Localizer::new(language);
            for step in domain::StepId::ALL {
                let error = DomainError::new("step.out-of-order", "error-step-out-of-order")
                    .with("step", step.name())
                    .with("missing", step.name());
                let text = localizer.error(&error);
                assert!(
                    !text.contains(step.name()) && text != "error-step-out-of-order",
                    "{language}: step {} is not named in words: {text}",
                    step.name()
                );
            }
        }
    }

    #[test]
    fn domain_errors_are_said_in_both_languages() {
        let error = DomainError::new("step.already-done", "error-step-already-done").with("step", "lot-drawing");
        let ky = Localizer::new(Language::Ky).error(&error);
        let ru = Localizer::new(Language::Ru).error(&error);
        assert!(ky.contains("Чүчүкулак"), "{ky}");
        assert!(ru.contains("Жеребьёвка"), "{ru}");
        assert_ne!(ky, ru);
    }
}
