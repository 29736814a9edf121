//! The Fluent files in `locales/ky` and `locales/ru` (shared by the Rust crates and the
//! web UI) agree with each other and with the code: the same files, no syntax errors,
//! the same messages with the same attributes and variables, Russian plurals complete,
//! and every message id the Rust code names exists in both languages.
//!
//! Each test collects every difference before failing, and prints them all.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use fluent_syntax::ast;

const LANGUAGES: [&str; 2] = ["ky", "ru"];

fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn locale_dir(language: &str) -> PathBuf {
    repo_root().join("locales").join(language)
}

/// The `.ftl` file names of one language, sorted.
fn ftl_names(language: &str) -> BTreeSet<String> {
    let dir = locale_dir(language);
    let entries = std::fs::read_dir(&dir).unwrap_or_else(|error| panic!("{}: {error}", dir.display()));
    entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.is_file() && path.extension().is_some_and(|ext| ext == "ftl"))
        .filter_map(|path| path.file_name().and_then(|name| name.to_str()).map(str::to_owned))
        .collect()
}

fn read(language: &str, name: &str) -> String {
    let path = locale_dir(language).join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

fn line_of(source: &str, byte: usize) -> usize {
    source.as_bytes()[..byte.min(source.len())].iter().filter(|b| **b == b'\n').count() + 1
}

/// A select expression found in a message, for the plural check.
#[derive(Debug)]
struct Select {
    part: String,
    selector: String,
    /// A `NUMBER(...)` call, a `$…count` variable, or plural category keys.
    plural: bool,
    keys: BTreeSet<String>,
}

/// What the checks need to know about one message or term.
#[derive(Debug, Default)]
struct MessageInfo {
    file: String,
    line: usize,
    has_value: bool,
    /// "" for the value, ".name" for each attribute → the variables used there.
    parts: BTreeMap<String, BTreeSet<String>>,
    selects: Vec<Select>,
}

impl MessageInfo {
    fn attributes(&self) -> BTreeSet<&str> {
        self.parts.keys().filter(|part| !part.is_empty()).map(String::as_str).collect()
    }
}

const PLURAL_CATEGORIES: [&str; 5] = ["zero", "one", "two", "few", "many"];

fn inline_text(expression: &ast::InlineExpression<&str>) -> String {
    match expression {
        ast::InlineExpression::VariableReference { id } => format!("${}", id.name),
        ast::InlineExpression::FunctionReference { id, .. } => format!("{}(…)", id.name),
        ast::InlineExpression::MessageReference { id, .. } => id.name.to_owned(),
        ast::InlineExpression::TermReference { id, .. } => format!("-{}", id.name),
        ast::InlineExpression::StringLiteral { value } => format!("\"{value}\""),
        ast::InlineExpression::NumberLiteral { value } => (*value).to_owned(),
        ast::InlineExpression::Placeable { .. } => "{…}".to_owned(),
    }
}

fn is_count_variable(name: &str) -> bool {
    name.ends_with("count")
}

struct Walker<'a> {
    part: String,
    variables: BTreeSet<String>,
    selects: &'a mut Vec<Select>,
}

impl Walker<'_> {
    fn pattern(&mut self, pattern: &ast::Pattern<&str>) {
        for element in &pattern.elements {
            if let ast::PatternElement::Placeable { expression } = element {
                self.expression(expression);
            }
        }
    }

    fn expression(&mut self, expression: &ast::Expression<&str>) {
        match expression {
            ast::Expression::Inline(inline) => self.inline(inline),
            ast::Expression::Select { selector, variants } => {
                self.inline(selector);
                let keys: BTreeSet<String> = variants
                    .iter()
                    .map(|variant| match &variant.key {
                        ast::VariantKey::Identifier { name } => (*name).to_owned(),
                        ast::VariantKey::NumberLiteral { value } => (*value).to_owned(),
                    })
                    .collect();
                let plural = match selector {
                    ast::InlineExpression::FunctionReference { id, .. } => id.name == "NUMBER",
                    ast::InlineExpression::VariableReference { id } => is_count_variable(id.name),
                    _ => false,
                } || keys.iter().any(|key| PLURAL_CATEGORIES.contains(&key.as_str()));
                self.selects.push(Select { part: self.part.clone(), selector: inline_text(selector), plural, keys });
                for variant in variants {
                    self.pattern(&variant.value);
                }
            }
        }
    }

    fn inline(&mut self, inline: &ast::InlineExpression<&str>) {
        match inline {
            ast::InlineExpression::VariableReference { id } => {
                self.variables.insert(id.name.to_owned());
            }
            ast::InlineExpression::FunctionReference { arguments, .. } => self.arguments(arguments),
            ast::InlineExpression::TermReference { arguments: Some(arguments), .. } => self.arguments(arguments),
            ast::InlineExpression::Placeable { expression } => self.expression(expression),
            _ => {}
        }
    }

    fn arguments(&mut self, arguments: &ast::CallArguments<&str>) {
        for positional in &arguments.positional {
            self.inline(positional);
        }
        for named in &arguments.named {
            self.inline(&named.value);
        }
    }
}

fn describe(
    info: &mut MessageInfo,
    value: Option<&ast::Pattern<&str>>,
    attributes: &[ast::Attribute<&str>],
) {
    let mut parts: Vec<(String, &ast::Pattern<&str>)> = Vec::new();
    if let Some(value) = value {
        info.has_value = true;
        parts.push((String::new(), value));
    }
    for attribute in attributes {
        parts.push((format!(".{}", attribute.id.name), &attribute.value));
    }
    for (part, pattern) in parts {
        let mut walker = Walker { part: part.clone(), variables: BTreeSet::new(), selects: &mut info.selects };
        walker.pattern(pattern);
        info.parts.insert(part, walker.variables);
    }
}

/// Every message and term (as `-id`) of one language, and the problems met collecting
/// them (syntax errors, ids defined twice).
fn load(language: &str) -> (BTreeMap<String, MessageInfo>, Vec<String>) {
    let mut messages: BTreeMap<String, MessageInfo> = BTreeMap::new();
    let mut problems = Vec::new();
    for name in ftl_names(language) {
        let source = read(language, &name);
        let resource = match fluent_syntax::parser::parse(source.as_str()) {
            Ok(resource) => resource,
            Err((resource, errors)) => {
                for error in errors {
                    problems.push(format!(
                        "{language}/{name}:{}: syntax error: {}",
                        line_of(&source, error.pos.start),
                        error.kind
                    ));
                }
                resource
            }
        };
        for entry in &resource.body {
            let (id, value, attributes) = match entry {
                ast::Entry::Message(message) => {
                    (message.id.name.to_owned(), message.value.as_ref(), message.attributes.as_slice())
                }
                ast::Entry::Term(term) => (format!("-{}", term.id.name), Some(&term.value), term.attributes.as_slice()),
                ast::Entry::Junk { content } => {
                    let at = source.find(content).unwrap_or(0);
                    problems.push(format!("{language}/{name}:{}: unparsable: {}", line_of(&source, at), content.trim()));
                    continue;
                }
                _ => continue,
            };
            let line = source
                .lines()
                .position(|text| text.starts_with(&format!("{id} =")) || text.starts_with(&format!("{id}=")))
                .map_or(0, |index| index + 1);
            if let Some(first) = messages.get(&id) {
                problems.push(format!(
                    "{language}/{name}:{line}: `{id}` is already defined in {language}/{}:{}",
                    first.file, first.line
                ));
                continue;
            }
            let mut info = MessageInfo { file: name.clone(), line, ..MessageInfo::default() };
            describe(&mut info, value, attributes);
            messages.insert(id, info);
        }
    }
    (messages, problems)
}

fn fail_with(title: &str, problems: &[String]) {
    assert!(problems.is_empty(), "{title} ({}):\n  {}", problems.len(), problems.join("\n  "));
}

#[test]
fn every_file_has_a_twin_in_the_other_language() {
    let ky = ftl_names("ky");
    let ru = ftl_names("ru");
    assert!(!ky.is_empty() && !ru.is_empty(), "no .ftl files found under {}", repo_root().join("locales").display());
    let mut problems: Vec<String> = ky.difference(&ru).map(|name| format!("ky/{name} has no ru/{name}")).collect();
    problems.extend(ru.difference(&ky).map(|name| format!("ru/{name} has no ky/{name}")));
    fail_with("locale files without a twin", &problems);
}

#[test]
fn every_file_parses_and_defines_each_id_once() {
    let mut problems = Vec::new();
    for language in LANGUAGES {
        problems.extend(load(language).1);
    }
    fail_with("locale files with errors", &problems);
}

#[test]
fn both_languages_have_the_same_messages_attributes_and_variables() {
    let (ky, _) = load("ky");
    let (ru, _) = load("ru");
    let mut problems = Vec::new();
    for (id, info) in &ky {
        if !ru.contains_key(id) {
            problems.push(format!("`{id}` is in ky/{}:{} but not in ru", info.file, info.line));
        }
    }
    for (id, info) in &ru {
        if !ky.contains_key(id) {
            problems.push(format!("`{id}` is in ru/{}:{} but not in ky", info.file, info.line));
        }
    }
    for (id, k) in &ky {
        let Some(r) = ru.get(id) else { continue };
        if k.file != r.file {
            problems.push(format!("`{id}` is in ky/{} but in ru/{}", k.file, r.file));
        }
        if k.has_value != r.has_value {
            problems.push(format!("`{id}` has a value in one language only (ky: {}, ru: {})", k.has_value, r.has_value));
        }
        if k.attributes() != r.attributes() {
            problems.push(format!("`{id}` attributes differ: ky {:?}, ru {:?}", k.attributes(), r.attributes()));
        }
        for (part, ky_vars) in &k.parts {
            let Some(ru_vars) = r.parts.get(part) else { continue };
            if ky_vars != ru_vars {
                let only_ky: Vec<_> = ky_vars.difference(ru_vars).map(|v| format!("${v}")).collect();
                let only_ru: Vec<_> = ru_vars.difference(ky_vars).map(|v| format!("${v}")).collect();
                problems.push(format!(
                    "`{id}{part}` variables differ ({}): only in ky {only_ky:?}, only in ru {only_ru:?}",
                    k.file
                ));
            }
        }
    }
    fail_with("ky and ru disagree", &problems);
}

#[test]
fn russian_plural_selections_have_one_few_and_many() {
    let (ru, _) = load("ru");
    let mut problems = Vec::new();
    let mut plural_selects = 0;
    for (id, info) in &ru {
        for select in info.selects.iter().filter(|select| select.plural) {
            plural_selects += 1;
            let missing: Vec<&str> =
                ["one", "few", "many"].into_iter().filter(|key| !select.keys.contains(*key)).collect();
            if !missing.is_empty() {
                problems.push(format!(
                    "ru/{}:{}: `{id}{}` selects on {} without {missing:?} (has {:?})",
                    info.file, info.line, select.part, select.selector, select.keys
                ));
            }
        }
    }
    assert!(plural_selects > 0, "no plural selection found at all: the check is not looking");
    fail_with("Russian plurals without all their forms", &problems);
}

// ------------------------------------------------------------ ids named in Rust

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(next) = pending.pop() {
        for entry in std::fs::read_dir(&next).into_iter().flatten().flatten() {
            let path = entry.path();
            let name = entry.file_name();
            if path.is_dir() {
                if name != "target" && name != "node_modules" && name != "gen" {
                    pending.push(path);
                }
            } else if path.extension().is_some_and(|ext| ext == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// The contents of every `"…"` in `text` that is made only of `[a-z0-9-]`, with the
/// byte offset of its opening quote. Trying every quote as an opening one means a
/// quote inside a char literal or a comment cannot hide a real id.
fn id_like_literals(text: &str) -> Vec<(usize, &str)> {
    let quotes: Vec<usize> = text.match_indices('"').map(|(at, _)| at).collect();
    quotes
        .windows(2)
        .filter_map(|pair| {
            let inner = &text[pair[0] + 1..pair[1]];
            let well_formed = !inner.is_empty()
                && inner.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
                && !inner.starts_with('-')
                && !inner.ends_with('-')
                && !inner.contains("--");
            well_formed.then_some((pair[0], inner))
        })
        .collect()
}

/// Message ids given as the second argument of `DomainError::new(code, "id")`.
fn domain_error_ids(text: &str) -> Vec<(usize, String)> {
    let mut ids = Vec::new();
    for (at, _) in text.match_indices("DomainError::new(") {
        let rest = &text[at + "DomainError::new(".len()..];
        // The first argument: a string literal up to its closing quote and the comma.
        let Some(rest) = rest.trim_start().strip_prefix('"') else { continue };
        let Some(end) = rest.find('"') else { continue };
        let Some(rest) = rest[end + 1..].trim_start().strip_prefix(',') else { continue };
        let Some(rest) = rest.trim_start().strip_prefix('"') else { continue };
        let Some(end) = rest.find('"') else { continue };
        ids.push((at, rest[..end].to_owned()));
    }
    ids
}

/// Prefixes of message ids that Rust code names in string literals.
const ID_PREFIXES: [&str; 9] = ["error-", "election-error-", "cli-", "journal-", "register-", "protocol-", "doc-", "bundle-", "dec-"];

/// Literals with a message prefix that are not messages: the kinds under which the
/// district commission's journal stores a bundle taken or refused (stored data, so not
/// renamed; their texts are `dec-event-bundle-accepted` and `dec-event-bundle-refused`).
const NOT_MESSAGES: [&str; 2] = ["bundle-accepted", "bundle-refused"];

#[test]
fn every_message_id_named_in_rust_exists_in_both_languages() {
    let known: Vec<BTreeMap<String, MessageInfo>> = LANGUAGES.iter().map(|language| load(language).0).collect();
    let files = rust_files(&repo_root().join("src-tauri"));
    assert!(!files.is_empty(), "no Rust files found under src-tauri");
    let mut problems = BTreeSet::new();
    let mut checked = 0;
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap_or_else(|error| panic!("{}: {error}", file.display()));
        let mut named: Vec<(usize, String)> = domain_error_ids(&text);
        named.extend(
            id_like_literals(&text)
                .into_iter()
                .filter(|(_, id)| ID_PREFIXES.iter().any(|prefix| id.starts_with(prefix)))
                .filter(|(_, id)| !NOT_MESSAGES.contains(id))
                .map(|(at, id)| (at, id.to_owned())),
        );
        for (at, id) in named {
            checked += 1;
            for (language, messages) in LANGUAGES.iter().zip(&known) {
                if !messages.get(&id).is_some_and(|info| info.has_value) {
                    let relative = file.strip_prefix(repo_root()).unwrap_or(file);
                    problems.insert(format!(
                        "{}:{}: `{id}` is not in locales/{language}",
                        relative.display(),
                        line_of(&text, at)
                    ));
                }
            }
        }
    }
    assert!(checked > 0, "no message id found in the Rust sources: the scan is not looking");
    fail_with("message ids named in Rust but missing", &problems.into_iter().collect::<Vec<_>>());
}

#[test]
fn the_scanner_finds_ids_where_the_code_puts_them() {
    let code = r#"
        let c = '"'; // a stray quote
        DomainError::new("step.too-early",
            "error-step-too-early").with("step", name);
        problems.add("election.bad-date", "election-error-bad-date", "voting_day");
        let not_an_id = "Error: something";
    "#;
    let ids: Vec<String> = domain_error_ids(code).into_iter().map(|(_, id)| id).collect();
    assert_eq!(ids, ["error-step-too-early"]);
    let literals: Vec<&str> = id_like_literals(code)
        .into_iter()
        .map(|(_, id)| id)
        .filter(|id| ID_PREFIXES.iter().any(|prefix| id.starts_with(prefix)))
        .collect();
    assert_eq!(literals, ["error-step-too-early", "election-error-bad-date"]);
}

#[test]
fn the_walker_sees_variables_in_selectors_variants_and_attributes() {
    let source = "m = { $count ->\n    [one] { $a }\n   *[other] { NUMBER($b) }\n}\n    .title = { $c }\n";
    let resource = fluent_syntax::parser::parse(source).unwrap_or_else(|(_, errors)| panic!("{errors:?}"));
    let Some(ast::Entry::Message(message)) = resource.body.first() else { panic!("no message parsed") };
    let mut info = MessageInfo::default();
    describe(&mut info, message.value.as_ref(), &message.attributes);
    let value: Vec<&str> = info.parts[""].iter().map(String::as_str).collect();
    assert_eq!(value, ["a", "b", "count"]);
    let title: Vec<&str> = info.parts[".title"].iter().map(String::as_str).collect();
    assert_eq!(title, ["c"]);
    assert_eq!(info.selects.len(), 1);
    assert!(info.selects[0].plural);
}
