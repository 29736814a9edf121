//! Sample ballots and receipts in Kyrgyz and Russian, shared by the tests and the
//! `ballot` example.

use print::{Ballot, BallotOptionLine, Block, CornerCodes, Document, Language, PageSize};

/// The words of a ballot in one language.
struct Words {
    title: &'static str,
    designation: &'static str,
    contest: &'static str,
    instruction: &'static str,
    against_all: &'static str,
    /// (name, note) of the candidates.
    candidates: [(&'static str, &'static str); 19],
}

const KY: Words = Words {
    title: "ШАЙЛОО БЮЛЛЕТЕНИ",
    designation: "№ 3 шайлоо округу",
    contest: "Кыргыз Республикасынын Жогорку Кеңешинин депутаттарын шайлоо, 2025-жылдын 30-ноябры",
    instruction: "Бир гана талапкердин аты-жөнүнүн же «Баарына каршы» деген саптын оң жагындагы бош төрт \
                  бурчтукка каалаган белгини коюңуз. Бирден ашык төрт бурчтукка белги коюлган же эч бир \
                  төрт бурчтукка белги коюлбаган бюллетень жараксыз деп табылат.",
    against_all: "Баарына каршы",
    candidates: [
        ("Өмүрбеков Нурлан Үсөнович", "1975-ж. туулган; Бишкек ш.; «Өнүгүү» коомдук бирикмеси көрсөткөн"),
        ("Жаңылова Айгүл Төлөгөновна", "1982-ж. туулган; Ош ш.; мугалим; өзүн-өзү көрсөткөн"),
        ("Түгөлбаев Бакыт Кеңешович", "1969-ж. туулган; Нарын ш.; дарыгер; өзүн-өзү көрсөткөн"),
        ("Сүйүнбаева Гүлнара Өмүровна", "1990-ж. туулган; Талас ш.; юрист; «Мекен» партиясы көрсөткөн"),
        ("Асанов Эрлан Маратович", "1978-ж. туулган; Каракол ш.; ишкер; өзүн-өзү көрсөткөн"),
        ("Үсөнова Чолпон Бекболотовна", "1985-ж. туулган; Токмок ш.; экономист; өзүн-өзү көрсөткөн"),
        ("Төлөгөнов Өмүрбек Жаңыбаевич", "1971-ж. туулган; Балыкчы ш.; инженер; өзүн-өзү көрсөткөн"),
        ("Кеңешбекова Нургүл Асановна", "1988-ж. туулган; Жалал-Абад ш.; журналист; өзүн-өзү көрсөткөн"),
        ("Абдыкадыров Марат Төрөевич", "1966-ж. туулган; Кант ш.; агроном; өзүн-өзү көрсөткөн"),
        ("Бөрүбаева Айжан Үмөтовна", "1993-ж. туулган; Бишкек ш.; программист; өзүн-өзү көрсөткөн"),
        ("Жумабеков Өмүр Кеңешович", "1980-ж. туулган; Ош ш.; курулушчу; өзүн-өзү көрсөткөн"),
        ("Мамытова Күлүйпа Сүйүнбаевна", "1974-ж. туулган; Өзгөн ш.; медайым; өзүн-өзү көрсөткөн"),
        ("Осмонов Чыңгыз Бакытович", "1987-ж. туулган; Кызыл-Кыя ш.; мугалим; өзүн-өзү көрсөткөн"),
        ("Рыскулова Динара Төлөновна", "1979-ж. туулган; Нарын ш.; бухгалтер; өзүн-өзү көрсөткөн"),
        ("Сатыбалдиев Нурбек Үсөнович", "1983-ж. туулган; Талас ш.; фермер; өзүн-өзү көрсөткөн"),
        ("Токтогулова Бүбүсара Жаңыловна", "1991-ж. туулган; Баткен ш.; дизайнер; өзүн-өзү көрсөткөн"),
        ("Урмаматов Эркин Өскөнович", "1972-ж. туулган; Каракол ш.; айдоочу; өзүн-өзү көрсөткөн"),
        ("Шаршеева Назгүл Бөкөновна", "1986-ж. туулган; Токмок ш.; экономист; өзүн-өзү көрсөткөн"),
        ("Ысмайылов Азамат Түгөлбаевич", "1977-ж. туулган; Бишкек ш.; адвокат; өзүн-өзү көрсөткөн"),
    ],
};

const RU: Words = Words {
    title: "ИЗБИРАТЕЛЬНЫЙ БЮЛЛЕТЕНЬ",
    designation: "Избирательный округ № 3",
    contest: "Выборы депутатов Жогорку Кенеша Кыргызской Республики 30 ноября 2025 года",
    instruction: "Поставьте любой знак в пустом квадрате справа от фамилии только одного кандидата или в \
                  квадрате «Против всех». Бюллетень, в котором знак проставлен более чем в одном квадрате \
                  или не проставлен ни в одном из них, считается недействительным.",
    against_all: "Против всех",
    candidates: [
        ("Өмүрбеков Нурлан Үсөнович", "1975 г. р.; г. Бишкек; выдвинут общественным объединением «Өнүгүү»"),
        ("Жаңылова Айгүл Төлөгөновна", "1982 г. р.; г. Ош; учитель; самовыдвижение"),
        ("Түгөлбаев Бакыт Кеңешович", "1969 г. р.; г. Нарын; врач; самовыдвижение"),
        ("Сүйүнбаева Гүлнара Өмүровна", "1990 г. р.; г. Талас; юрист; выдвинута партией «Мекен»"),
        ("Асанов Эрлан Маратович", "1978 г. р.; г. Каракол; предприниматель; самовыдвижение"),
        ("Үсөнова Чолпон Бекболотовна", "1985 г. р.; г. Токмок; экономист; самовыдвижение"),
        ("Төлөгөнов Өмүрбек Жаңыбаевич", "1971 г. р.; г. Балыкчы; инженер; самовыдвижение"),
        ("Кеңешбекова Нургүл Асановна", "1988 г. р.; г. Джалал-Абад; журналист; самовыдвижение"),
        ("Абдыкадыров Марат Төрөевич", "1966 г. р.; г. Кант; агроном; самовыдвижение"),
        ("Бөрүбаева Айжан Үмөтовна", "1993 г. р.; г. Бишкек; программист; самовыдвижение"),
        ("Жумабеков Өмүр Кеңешович", "1980 г. р.; г. Ош; строитель; самовыдвижение"),
        ("Мамытова Күлүйпа Сүйүнбаевна", "1974 г. р.; г. Узген; медсестра; самовыдвижение"),
        ("Осмонов Чыңгыз Бакытович", "1987 г. р.; г. Кызыл-Кия; учитель; самовыдвижение"),
        ("Рыскулова Динара Төлөновна", "1979 г. р.; г. Нарын; бухгалтер; самовыдвижение"),
        ("Сатыбалдиев Нурбек Үсөнович", "1983 г. р.; г. Талас; фермер; самовыдвижение"),
        ("Токтогулова Бүбүсара Жаңыловна", "1991 г. р.; г. Баткен; дизайнер; самовыдвижение"),
        ("Урмаматов Эркин Өскөнович", "1972 г. р.; г. Каракол; водитель; самовыдвижение"),
        ("Шаршеева Назгүл Бөкөновна", "1986 г. р.; г. Токмок; экономист; самовыдвижение"),
        ("Ысмайылов Азамат Түгөлбаевич", "1977 г. р.; г. Бишкек; адвокат; самовыдвижение"),
    ],
};

fn words(language: Language) -> &'static Words {
    match language {
        Language::Ky => &KY,
        Language::Ru => &RU,
    }
}

/// The payloads of the corner codes of [`ballot`]: 60 bytes each, every byte value
/// from 0 to 255 represented across the two, so that a reader that mangles bytes
/// (text decoding, a stray ECI) cannot pass.
pub fn corner_payloads() -> (Vec<u8>, Vec<u8>) {
    let top_left = (0..60_u8).map(|i| i.wrapping_mul(37).wrapping_add(11)).collect();
    let bottom_right = (0..60_u8).map(|i| 255 - i.wrapping_mul(53)).collect();
    (top_left, bottom_right)
}

/// The designation printed large on [`ballot`].
pub fn designation(language: Language) -> &'static str {
    words(language).designation
}

/// The option names of a [`ballot`] of `options` options: candidates (numbered after
/// the 19th so that each is unique), then "against all" last.
pub fn option_names(language: Language, options: usize) -> Vec<String> {
    let words = words(language);
    let candidates = options.saturating_sub(1);
    let mut names: Vec<String> = (0..candidates)
        .map(|index| {
            let (name, _) = words.candidates[index % words.candidates.len()];
            if index < words.candidates.len() { name.to_owned() } else { format!("{name} ({})", index + 1) }
        })
        .collect();
    names.push(words.against_all.to_owned());
    names
}

/// A ballot of `options` options (the last one "against all"), with corner codes of
/// `module_mm` modules, or without corner codes if `module_mm` is `None`.
pub fn ballot(language: Language, options: usize, module_mm: Option<f32>, training: bool) -> Document {
    let words = words(language);
    let names = option_names(language, options);
    let count = names.len();
    let lines = names
        .into_iter()
        .enumerate()
        .map(|(index, name)| {
            if index + 1 == count {
                BallotOptionLine::new("", name, None)
            } else {
                let (_, note) = words.candidates[index % words.candidates.len()];
                BallotOptionLine::new((index + 1).to_string(), name, Some(note.to_owned()))
            }
        })
        .collect();
    let (top_left, bottom_right) = corner_payloads();
    Document {
        title: words.title.to_owned(),
        station_number: "7003".to_owned(),
        generated_at_local: "2025-11-30".to_owned(),
        language,
        training,
        page: PageSize::A4,
        corner_codes: module_mm.map(|module_mm| CornerCodes { top_left, bottom_right, module_mm }),
        blocks: vec![Block::Ballot(Ballot {
            designation: words.designation.to_owned(),
            contest_name: words.contest.to_owned(),
            instruction: words.instruction.to_owned(),
            options: lines,
        })],
    }
}

/// The lines of a [`receipt`]: (title, election, the word "identified").
pub fn receipt_texts(language: Language) -> (&'static str, &'static str, &'static str) {
    match language {
        Language::Ky => ("ЧЕК", "Жогорку Кеңештин депутаттарын шайлоо", "ИДЕНТИФИКАЦИЯЛАНДЫ"),
        Language::Ru => ("ЧЕК", "Выборы депутатов Жогорку Кенеша", "ИДЕНТИФИЦИРОВАН"),
    }
}

/// The identification terminal's receipt: the station (header), the election, the word
/// "identified", the date (footer); nothing about the voter, no number.
pub fn receipt(language: Language, training: bool) -> Document {
    let (title, election, identified) = receipt_texts(language);
    Document {
        title: title.to_owned(),
        station_number: "7003".to_owned(),
        generated_at_local: "2025-11-30 14:37".to_owned(),
        language,
        training,
        page: PageSize::Receipt80,
        corner_codes: None,
        blocks: vec![Block::Paragraph(election.to_owned()), Block::Heading(identified.to_owned())],
    }
}
