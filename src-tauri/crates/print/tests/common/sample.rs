//! Sample documents in Kyrgyz and Russian, shared by the tests and the `sample` example.

use print::{Align, Block, Column, Document, Language, PageSize, Signatory, Table};

/// Words of the sample in one language: (title, heading, paragraph, key–value pairs,
/// table headers, candidate names, signatories).
struct Words {
    title: &'static str,
    heading: &'static str,
    paragraph: &'static str,
    pairs: [(&'static str, &'static str); 3],
    headers: [&'static str; 3],
    candidates: [&'static str; 4],
    signatories: [(&'static str, &'static str); 4],
}

const KY: Words = Words {
    title: "Добуш берүүнүн жыйынтыктары жөнүндө протокол",
    heading: "Шайлоочулардын тизмеси боюнча маалымат",
    paragraph: "Участкалык шайлоо комиссиясынын мүчөлөрү бюллетендерди эсептөөнү бүтүрүштү. \
                Көзөмөлдүк өз ара катыштар текшерилди, баары туура келет.",
    pairs: [
        ("Тизмеге киргизилген шайлоочулардын саны", "1 234"),
        ("Добуш берүү үчүн алынган бюллетендердин саны", "1 500"),
        ("Бузулган бюллетендердин саны", "3"),
    ],
    headers: ["№", "Талапкер же саясий партия", "Добуштардын саны"],
    candidates: ["Өмүрбеков Нурлан Үсөнович", "Жаңыл Мырза партиясы", "Түгөлбаева Айгүл", "Баарына каршы"],
    signatories: [
        ("Комиссиянын төрагасы", "Асанова Г. Т."),
        ("Комиссиянын төрагасынын орун басары", "Үсөнов Б. К."),
        ("Комиссиянын катчысы", "Сүйүнбаева А. Н."),
        ("Комиссиянын мүчөсү", "Төлөгөнов Ө. Ж."),
    ],
};

const RU: Words = Words {
    title: "Протокол об итогах голосования",
    heading: "Сведения по списку избирателей",
    paragraph: "Члены участковой избирательной комиссии завершили подсчёт бюллетеней. \
                Контрольные соотношения проверены, все они выполняются.",
    pairs: [
        ("Число избирателей, внесённых в список", "1 234"),
        ("Число бюллетеней, полученных для голосования", "1 500"),
        ("Число испорченных бюллетеней", "3"),
    ],
    headers: ["№", "Кандидат или политическая партия", "Число голосов"],
    candidates: ["Омурбеков Нурлан Усенович", "Партия «Жаңыл Мырза»", "Тугельбаева Айгуль", "Против всех"],
    signatories: [
        ("Председатель комиссии", "Асанова Г. Т."),
        ("Заместитель председателя комиссии", "Усенов Б. К."),
        ("Секретарь комиссии", "Суюнбаева А. Н."),
        ("Член комиссии", "Тологонов О. Ж."),
    ],
};

fn words(language: Language) -> &'static Words {
    match language {
        Language::Ky => &KY,
        Language::Ru => &RU,
    }
}

/// The signatories of the sample, as (role, name).
pub fn signatories(language: Language) -> Vec<(&'static str, &'static str)> {
    words(language).signatories.to_vec()
}

/// The title, heading, paragraph, labels and values printed by [`sample`].
pub fn texts(language: Language) -> Vec<&'static str> {
    let words = words(language);
    let mut texts = vec![words.title, words.heading];
    for (key, value) in words.pairs {
        texts.push(key);
        texts.push(value);
    }
    texts.extend(words.headers);
    texts.extend(words.candidates);
    texts
}

/// The name in row `index` of the table of a [`sample`] with `rows` rows: the
/// candidates themselves for a short table, numbered (`… №007`) for a long one so that
/// every row can be found on its own.
pub fn row_name(language: Language, rows: usize, index: usize) -> String {
    let candidates = &words(language).candidates;
    let name = candidates[index % candidates.len()];
    if rows <= candidates.len() { name.to_owned() } else { format!("{name} №{:03}", index + 1) }
}

/// A results protocol with a heading, a paragraph, labelled values, a table of
/// `rows` candidates, signatures and the number of copies.
pub fn sample(language: Language, training: bool, rows: usize) -> Document {
    let words = words(language);
    let table = Table {
        columns: vec![
            Column::new(words.headers[0], 1).aligned(Align::Center),
            Column::new(words.headers[1], 7),
            Column::new(words.headers[2], 3).aligned(Align::Right),
        ],
        rows: (0..rows)
            .map(|index| vec![(index + 1).to_string(), row_name(language, rows, index), (100 + 7 * index).to_string()])
            .collect(),
    };
    Document {
        title: words.title.to_owned(),
        station_number: "1234".to_owned(),
        generated_at_local: "2025-11-30 21:45".to_owned(),
        language,
        training,
        page: PageSize::A4,
        corner_codes: None,
        blocks: vec![
            Block::Heading(words.heading.to_owned()),
            Block::Paragraph(words.paragraph.to_owned()),
            Block::KeyValue(words.pairs.iter().map(|(key, value)| ((*key).to_owned(), (*value).to_owned())).collect()),
            Block::Table(table),
            Block::Signatures(words.signatories.iter().map(|(role, name)| Signatory::new(*role, *name)).collect()),
            Block::Copies(2),
        ],
    }
}
