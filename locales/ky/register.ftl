# The voter register (store crate, store::register): why a register could not be
# imported or opened (register-error-…) and what is wrong with one row of the register
# file (register-row-…, docs/voter-register.md). $line is the line of the CSV file, $field
# the column's header name as written in the file; no message ever shows a personal number.

register-error-read = «{ $file }» файлын окуу мүмкүн болгон жок: { $detail }
register-error-write = «{ $file }» файлын жазуу мүмкүн болгон жок: { $detail }. Мурунку реестр өзгөргөн жок.
register-error-key-damaged = Реестрдин ачкыч файлы «{ $file }» бузулган (анда так 32 байт болушу керек). Ал алмаштырылган жок: ачкычты камдык көчүрмөдөн калыбына келтириңиз; ансыз импорттолгон реестр окулбайт.
register-error-no-header = Реестрдин файлы бош: биринчи сапта тилкелердин аталыштары болушу керек.
register-error-bad-header = Баш саптагы { $column }-тилкенин аталышы окулбайт (бош же UTF-8 коддоосунда эмес). Эч бир сап окулган жок.
register-error-missing-columns = Реестрдин файлында милдеттүү тилкелер жок: { $columns }. Эч бир сап окулган жок.
register-error-unknown-columns = Реестрдин файлында белгисиз тилкелер бар: { $columns }. Эч бир сап окулган жок.
register-error-duplicate-column = «{ $column }» тилкеси баш сапта эки жолу жазылган. Эч бир сап окулган жок.
register-error-nothing-imported = Файлдагы { $count } саптын бири да кабыл алынган жок: реестр импорттолгон жок, мурунку реестр өзгөргөн жок.
register-error-cancelled = Импорт токтотулду; мурунку реестр өзгөргөн жок.
register-error-missing = «{ $file }» реестри жок: адегенде шайлоочулардын реестрин импорттоңуз.
register-error-not-a-register = «{ $file }» — «Участок» программасынын шайлоочулар реестри эмес, же ал бузулган.
register-error-newer-schema = Реестр программанын жаңыраак версиясы менен түзүлгөн (схема { $found }, бул версия { $supported }-схемага чейин окуйт). Программаны жаңыртыңыз.
register-error-sqlite = Реестрдин маалымат базасынын катасы: { $detail }.

register-row-width = { $line }-сап: талаалардын саны { $found }, ал эми баш сапта { $expected } тилке.
register-row-not-utf8 = { $line }-сап, { $field } тилкеси: текст UTF-8 коддоосунда эмес.
register-row-personal-number = { $line }-сап, { $field } тилкеси: жеке номер (ПИН) 14 цифрадан турушу жана 1 же 2 менен башталышы керек.
register-row-empty = { $line }-сап: { $field } тилкеси бош.
register-row-too-long = { $line }-сап, { $field } тилкеси: { $max } белгиден узун.
register-row-control-character = { $line }-сап, { $field } тилкеси: текстте башкаруучу белги бар (мисалы, жаңы сапка өтүү).
register-row-bad-code = { $line }-сап, { $field } тилкеси: «{ $value }» жарабайт (тамгалар, цифралар жана - _ . / белгилери гана, 32 белгиден ашпашы керек).
register-row-bad-date = { $line }-сап, { $field } тилкеси: «{ $value }» ЖЖЖЖ-АА-КК түрүндөгү чыныгы дата эмес.
register-row-date-range = { $line }-сап, { $field } тилкеси: { $value } — 1900-жылдан мурунку дата.
register-row-registered-before-birth = { $line }-сап, { $field } тилкеси: катталган күнү туулган күнүнөн мурун.
register-row-unknown-district = { $line }-сап, { $field } тилкеси: «{ $value }» округу бул шайлоодо жок.
register-row-duplicate = { $line }-сап, { $field } тилкеси: бул жеке номер { $first_line }-сапта мурда эле бар; биринчи сап калтырылды.
register-row-photo-missing = { $line }-сап, { $field } тилкеси: «{ $value }» сүрөт файлы табылган жок.
register-row-photo-too-big = { $line }-сап, { $field } тилкеси: «{ $value }» сүрөтү өтө чоң (көлөмү байт менен: { $size }, эң көп { $max } болушу мүмкүн).
register-row-photo-format = { $line }-сап, { $field } тилкеси: «{ $value }» JPEG же PNG сүрөтү эмес.
register-row-photo-path = { $line }-сап, { $field } тилкеси: «{ $value }» — сүрөттүн жолу CSV файлы турган папканын ичине алып барышы керек (башында / жок, дисксиз жана .. жок).
error-register-import-running = Реестр жүктөлүп жатат: бүткөнүн күтүңүз.
