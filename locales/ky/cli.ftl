# The `uchastok` command line (src-tauri/crates/cli).

cli-check-valid = { $file }: шайлоонун аныктамасы туура.
cli-check-invalid = { $file }: шайлоонун аныктамасында { $count } ката табылды:
cli-summary-election = Шайлоо: { $name } ({ $id })
cli-summary-kind =
    Шайлоонун түрү: { $kind ->
        [jogorku-kenesh-districts] Жогорку Кеңештин депутаттарын шайлоо, көп мандаттуу округдар боюнча
        [jogorku-kenesh-party-lists] Жогорку Кеңештин депутаттарын шайлоо, партиялык тизмелер боюнча
        [local-council] Жергиликтүү кеңештин депутаттарын шайлоо
        [presidential] Кыргыз Республикасынын Президентин шайлоо
        [referendum] Референдум
       *[other] { $kind }
    }
cli-summary-training = Бул окуу шайлоосу, чыныгы шайлоо эмес.
cli-summary-voting-day = Добуш берүү күнү: { $date }
cli-summary-timezone = Убакыт алкагы: { $timezone }
cli-summary-registration = Округдун коомчулугуна кирүү үчүн каттоо мөөнөтү: добуш берүү күнүнө чейин жок дегенде { $days } күн
cli-summary-station =
    Участок № { $number }, { $kind ->
        [regular] кадимки участок
        [remote-voting] аралыктан добуш берүү участогу
        [abroad] чет өлкөдөгү участок
       *[other] { $kind }
    }; округ: { $district }
cli-summary-address = Дареги: { $address }
cli-summary-contests = Бюллетендер (округдар): { $count }
cli-summary-contest = { $designation }: { $name }, бюллетенде { $options } вариант
cli-summary-commission = Комиссия: { $count } мүчө; төрага: { $chair }, катчы: { $secretary }
cli-error-read-file = «{ $file }» файлын окуу мүмкүн болгон жок: { $detail }
cli-error-not-utf8 = «{ $file }» файлы UTF-8 коддоосунда эмес; аны UTF-8 менен кайра сактаңыз.
cli-warning-bad-env-language = UCHASTOK_LANG өзгөрмөсүндөгү «{ $value }» тили белгисиз (ky же ru болушу керек); кыргызча колдонулат.
cli-journal-valid = { $file }: журнал бүтүн, { $count } жазуу; акыркы жазуунун хэши: { $hash }
cli-journal-invalid = { $file }: журнал текшерүүдөн өткөн жок: { $problem }

## uchastok lot verify

cli-lot-valid = { $file }: чүчүкулак кайра эсептелди, натыйжасы дал келет ({ $count } мүчө).
cli-lot-invalid = { $file }: чүчүкулак дал келбейт: { $reason }
cli-lot-bad-record = { $file } чүчүкулактын жазуусу эмес: { $detail }
cli-lot-bad-secret = программанын сыры туура эмес жазылган.
cli-lot-commitment = ачылган сыр мурда көрсөтүлгөн хэшке дал келбейт.
cli-lot-seed = үрөн сырдан жана салымдардан чыкпайт.
cli-lot-assignment = бөлүштүрүү үрөндөн жана мүчөлөрдүн тизмесинен чыкпайт.

## uchastok register generate / import (docs/voter-register.md)

cli-register-generated = { $file }: ойдон чыгарылган реестр жазылды, { $count } шайлоочу; сүрөтү барлар: { $photos }; добуш берүү күнүнө { $days } күндөн аз калганда катталгандар: { $recent }; № { $station } участокто: { $at_station }.
cli-register-progress-reading = Окулган саптар: { $rows } ({ $percent } %)
cli-register-progress-writing = Реестр жазылууда: { $total } ичинен { $rows }
cli-register-imported = { $db }: шайлоочулардын реестри «{ $file }» файлынан импорттолду.
cli-register-report = Окулган саптар: { $read }, импорттолгон шайлоочулар: { $imported }, четке кагылган саптар: { $rejected } (анын ичинде жеке номери кайталангандар: { $duplicates }); сүрөтү барлар: { $photos }.
cli-register-source = Булак файлдын SHA-256 хэши: { $hash }
cli-register-key = Реестрдин ачкычы: { $file } (аны реестрден өзүнчө сактаңыз жана эч кимге бербеңиз).
cli-register-problems = Файлдагы көйгөйлөр: { $total }; алгачкы { $shown }:
cli-register-failed = { $file }: реестр импорттолгон жок: { $problem }

cli-demo-summary = № { $station } участок: күн өткөрүлдү; идентификацияланган шайлоочулар: { $identified }, идентификацияланбагандар (акт түзүлдү): { $failures }.
cli-demo-relations-hold = Бардык { $count } көзөмөлдүк өз ара катыш аткарылат.
cli-demo-kept = Участоктун папкасы (журнал, документтер, ачкычтар): { $path }

## uchastok dec, and the district's exercise options of uchastok demo
cli-dec-set-up = «{ $commission }» комиссиясы «{ $election }» шайлоосунун { $district } округуна жөндөлдү. Комиссиянын ачкычынын изи: { $fingerprint }.
cli-dec-grounds = Белгисиз негиз. Негиздер: { $grounds }.
cli-demo-unknown-plant = Белгисиз дал келбестик «{ $plant }»: aeu-differs же late-delivery.
