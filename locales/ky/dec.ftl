# The district commission's side (§72–80, R5.5–R5.9): refusals of domain::dec and
# api::dec, the flags of the summary table, the grounds of §80, the commission's
# documents, its journal's events in words, and its window (dec-ui-…).
# $station is a station's number; $count and $…count are numbers; times are local.

## Refusals
error-dec-not-set-up = Комиссия азырынча жөндөлгөн жок: шайлоону жана округду тандаңыз.
error-dec-already-set-up = Комиссия шайлоого жана округга жөндөлгөн; жөндөө өзгөрбөйт.
error-dec-unknown-district = Шайлоонун аныктамасында «{ $district }» округу жок.
error-dec-no-commission-name = Комиссиянын аталышын жазыңыз: ал комиссиянын протоколунда басылат.
error-dec-bad-key = Ачкычтын түрү туура эмес: участоктун ачкычы — Ed25519 (64 он алтылык цифра), картанын ачкычы — Ed25519 же ECDSA P-256.
error-dec-no-station-number = Участоктун номерин жазыңыз.
error-dec-station-registered = { $station } участогу өз ачкычы менен катталган.
error-dec-key-reused = Бул ачкыч катталган ({ $station } участогунда же комиссиянын өзүнүн ачкычы): бир ачкыч — бир кол.
error-dec-registration-closed = Ачкычтар добуш берүү күнүнө чейин катталат (ачкычтар аземи); добуш берүү күнү жана андан кийин каттоо жабык.
error-dec-unknown-station = { $station } участогу бул комиссияда катталган эмес.
error-dec-other-election = Пакет «{ $election }» шайлоосуна тиешелүү, комиссия болсо башка шайлоодо.
error-dec-training-mismatch = Окуу жана чыныгы режимдер аралашпайт: пакет менен комиссия башка-башка режимде.
error-dec-already-imported = { $station } участогунун бул пакети кабыл алынган.
error-dec-older-bundle = № { $sequence } пакет мурда алынган № { $highest } пакеттен эски: эски пакетти кайталоо четке кагылды.
error-dec-no-conflict = { $station } участогунда пакеттердин карама-каршылыгы жок.
error-dec-unknown-bundle = { $station } участогунда мындай пакет жок.
error-dec-no-reason = Чечимдин себебин жазыңыз.
error-dec-no-results = { $station } участогунан кабыл алынган жыйынтыктар азырынча жок.
error-dec-recount-marked = { $station } участогунун жыйынтыктары кайра саноо катары белгиленген (§78).
error-dec-set-aside-already = { $station } участогунун жыйынтыктары жараксыз деп табылган.
error-dec-not-remote = { $station } участогу аралыктан добуш берүү участогу эмес: өзүнчө аралыктан добуш берүүнүн жыйынтыктарын гана жараксыз деп табууга болот (5.9-п.).
error-dec-ground-scope = 5.9-пункттун негизи аралыктан добуш берүүнүн жыйынтыктарына гана, §80дин негиздери участоктун бардык жыйынтыктарына тиешелүү.
error-dec-no-decision = Комиссиянын чечимин жазыңыз (номери, жагдайлары).
error-dec-not-set-aside = { $station } участогунун жыйынтыктары жараксыз деп табылган эмес.
error-dec-folder-unreadable = { $path } папкасын окуу мүмкүн эмес: { $detail }.
error-dec-file-unreadable = { $path } файлын окуу мүмкүн эмес: { $detail }.
error-dec-key-unreadable = Бул участоктун ачкыч файлы да, анын QR-кодунун тексти да (UCHKEY1/…) эмес. { $detail }
error-dec-key-other-election = Ачкыч «{ $election }» шайлоосу үчүн берилген, комиссия болсо «{ $expected }» шайлоосунда иштейт.
error-dec-import-running = Импорт жүрүп жатат: анын бүтүшүн күтүңүз.
dec-import-conflict = { $station } участогунун № { $sequence } пакети жарактуу, бирок кабыл алынгандан айырмаланат: бул карама-каршылык, аны чечиңиз.

## Flags of the summary table
dec-flag-relation = «{ $relation }» көзөмөлдүк өз ара катышы бузулган (§63).
dec-flag-aeu =
    АЭУнун алдын ала маалыматтары кол менен эсептөөдөн айырмаланат (АЭУ / кол менен): { $details }{ $processed ->
        [differs] ; иштелген бюллетендер { $aeu_processed } / { $manual_processed }
       *[same] {""}
    }. Кайра саноо жүргүзүлгөн жок (§56, §62).
dec-flag-missing =
    Жарактуу пакет жок{ $count ->
        [0] .
       *[other] ; { $count } пакет четке кагылган.
    }
dec-flag-late =
    { $delivered } жеткирилген — { $deadline } мөөнөтүнөн кеч (§67){ $source ->
        [journal] ; убакыт участоктун журналынан.
       *[import] ; убакыт — импорттун убактысы.
    }
dec-flag-conflict = Кабыл алынгандан айырмаланган дагы { $count } жарактуу пакет келди (№ { $sequences }): карама-каршылыкты чечиңиз.
dec-flag-no-contest = Участоктун жыйынтыктарында { $contest } округу боюнча маалымат жок.
dec-flag-form-differs = Участоктун маалыматтары бул шайлоонун протокол таризи боюнча түзүлгөн эмес.
dec-flag-kind-relation = Көзөмөлдүк өз ара катыш
dec-flag-kind-aeu = АЭУ жана кол менен эсептөө
dec-flag-kind-missing = Пакет жок
dec-flag-kind-late = Кечигүү
dec-flag-kind-conflict = Пакеттердин карама-каршылыгы
dec-flag-kind-no-contest = Округдун маалыматы жок
dec-flag-kind-form-differs = Башка тариз

## The grounds
dec-ground-s80-unreliable = бузуулар шайлоочулардын эрк-ниетинин жыйынтыктарын ишенимдүү аныктоого мүмкүнчүлүк бербейт
dec-ground-s80-affected = бузуулар шайлоочулардын эрк-ниетин билдирүүсүнө таасир эткен
dec-ground-s80-higher-commission = жогору турган шайлоо комиссиясынын чечими боюнча
dec-ground-s80-court = соттун чечими боюнча
dec-ground-s80-ballots-not-genuine = үкөктөрдөгү бюллетендер анык эмес деп табылган
dec-ground-r59-remote-voting = аралыктан добуш берүүдөгү бузуулар анын катышуучуларынын эркин аныктоого мүмкүндүк бербейт

## The commission's documents
dec-protocol-title = { $designation } округу боюнча добуш берүүнүн жыйынтыктары жөнүндө округдук шайлоо комиссиясынын протоколу
dec-summary-title = { $designation } округу боюнча добуш берүүнүн жыйынтыктары жөнүндө жыйынды таблица
dec-doc-election = Шайлоо
dec-doc-voting-day = Добуш берүү күнү
dec-doc-district = Округ
dec-doc-commission = Комиссия
dec-doc-registered = Катталган участоктор
dec-doc-received = Жыйынтыктары келген участоктор
dec-doc-counted = Эсепке алынган жыйынтыктар
dec-doc-set-aside = Жараксыз деп табылгандар
dec-doc-missing = Жарактуу пакети жоктор
dec-doc-flagged = Дал келбестиктери бар участоктор
dec-doc-section-stations = Шайлоо участоктору: { $count } протокол эсепке алынды
dec-doc-section-remote = Аралыктан добуш берүү (5.5-п.): { $count } электрондук протокол эсепке алынды
dec-doc-col-number = №
dec-doc-col-line = Протоколдун сабы
dec-doc-col-value = Саны
dec-doc-col-option = Бюллетендин позициясы
dec-doc-col-station = Участок
dec-doc-col-reasons = Себептери
dec-doc-col-ground = Негизи
dec-doc-col-decision = Чечим
dec-doc-col-recount = Кайра саноо
dec-doc-col-marks = Белгилер
dec-doc-votes = Бюллетендин позициялары боюнча добуштар
dec-doc-valid = Жарактуу бюллетендер
dec-doc-invalid = Жараксыз бюллетендер
dec-doc-flags = Дал келбестиктери бар участоктор
dec-doc-set-aside-heading = Жараксыз деп табылган жыйынтыктар (§80, 5.9-п.)
dec-doc-recounts-heading = Кайра саноолор
dec-doc-recount-at-station = Участоктогу «Кайра саноо» (§62)
dec-doc-recount-ordered = Жогору турган комиссиянын чечими боюнча «Добуштарды кайра саноо» (§78)
dec-doc-mark-set-aside = жараксыз
dec-doc-mark-flags = { $count } дал келбестик
dec-doc-total = Бардыгы
dec-doc-unsummed = Жыйынтыктары эсепке алынбаган участоктор
dec-doc-attached = Протоколго жыйынды таблица, комиссия мүчөлөрүнүн өзгөчө пикирлери, келип түшкөн арыздар (даттануулар) жана алар боюнча кабыл алынган чечимдер тиркелет (§74).
dec-role-chair = Төрага
dec-role-deputy-chair = Төраганын орун басары
dec-role-secretary = Катчы
dec-role-member = Комиссиянын мүчөсү

## The commission's journal in words (NIST SP 1500-101 export)
dec-event-commission-set-up = Комиссия шайлоого жана округга жөндөлдү
dec-event-station-registered = { $station } участогунун ачкычы катталды
dec-event-bundle-accepted = { $station } участогунун пакети кабыл алынды
dec-event-conflict-received = { $station } участогунун айырмаланган пакети келди
dec-event-bundle-refused = { $station } участогунун пакети четке кагылды
dec-event-conflict-resolved = { $station } участогунун пакеттеринин карама-каршылыгы чечилди
dec-event-recount-marked = { $station } участогунун жыйынтыктары кайра саноо катары белгиленди
dec-event-results-set-aside = { $station } участогунун жыйынтыктары жараксыз деп табылды
dec-event-results-reinstated = { $station } участогунун жыйынтыктарын жараксыз деп табуу жөнүндө чечим жокко чыгарылды

## The window
dec-ui-mode-title = Бул компьютерде ким иштейт?
dec-ui-mode-hint = Тандоо эсте сакталат; аны жаңы маалымат папкасынан баштап гана өзгөртүүгө болот.
dec-ui-mode-station = Участкалык шайлоо комиссиясы
dec-ui-mode-station-hint = Участоктогу шайлоо күнү: жол-жоболор, идентификация, саноо, протокол жана округдук комиссия үчүн пакет.
dec-ui-mode-dec = Округдук шайлоо комиссиясы
dec-ui-mode-dec-hint = Участоктордун ачкычтары, пакеттерди импорттоо жана текшерүү, жыйынды таблица, комиссиянын протоколу.
dec-ui-title = Округдук шайлоо комиссиясы
dec-ui-training = Окуу шайлоосу: жыйынтыктардын юридикалык күчү жок
dec-ui-journal = Комиссиянын журналы: { $events } жазуу, { $head }
dec-ui-read-only = Комиссиянын файлы окуу үчүн гана ачылды:
dec-ui-clock = Комиссиянын убактысы
dec-ui-tab-summary = Жыйынды таблица
dec-ui-tab-stations = Участоктор жана ачкычтар
dec-ui-tab-import = Пакеттерди импорттоо
dec-ui-tab-documents = Документтер
dec-ui-tab-refused = Четке кагылган пакеттер
dec-ui-setup-title = Комиссияны жөндөө
dec-ui-setup-election = Шайлоонун аныктамасынын файлы (.toml)
dec-ui-setup-district = Округ (милдеттүү эмес: аныктама боюнча)
dec-ui-setup-commission = Комиссиянын аталышы
dec-ui-setup-submit = Жөндөө
dec-ui-register-title = Ачкычтар аземи: участокту каттоо
dec-ui-register-hint = Участоктун ачкыч файлынын (station-key.json) мазмунун же ачкычтын QR-кодунун текстин (UCHKEY1/…) киргизиңиз, андан кийин ачкычтын изин участоктун экраны менен үн чыгарып салыштырыңыз.
dec-ui-register-text = Участоктун ачкычы
dec-ui-register-submit = Каттоо
dec-ui-registered = { $station } участогу катталды, ачкычтын изи { $fingerprint }.
dec-ui-import-folder = Пакеттер (.zip) бар папка же флешка
dec-ui-import-submit = Импорттоо
dec-ui-import-progress = { $total } ичинен { $done } текшерилди
dec-ui-import-done = Кабыл алынды: { $accepted }, карама-каршылыктар: { $conflicts }, мурда болгон: { $already }, четке кагылды: { $refused }, окулган жок: { $unreadable }.
dec-ui-outcome-accepted = кабыл алынды
dec-ui-outcome-conflict = карама-каршылык
dec-ui-outcome-already-imported = мурда кабыл алынган
dec-ui-outcome-refused = четке кагылды
dec-ui-outcome-unreadable = окулган жок
dec-ui-summary-title = { $designation } округу боюнча жыйынды таблица
dec-ui-col-station = Участок
dec-ui-total = Бардыгы
dec-ui-unsummed = Жыйынтыктары эсепке алынбагандар
dec-ui-totals = Катталган { $registered }, келген { $received }, эсепке алынган { $counted }, жараксыз { $set_aside }, пакети жок { $missing }, дал келбестиги бар { $flagged }.
dec-ui-option-totals = Округ боюнча добуштар
dec-ui-no-stations = Азырынча участоктор жок: алардын ачкычтарын каттаңыз.
dec-ui-status-counted = эсепке алынды
dec-ui-status-set-aside = жараксыз
dec-ui-status-missing = пакет жок
dec-ui-status-not-summed = кошулбайт
dec-ui-recount-at-station = Кайра саноо (§62)
dec-ui-recount-ordered = Добуштарды кайра саноо (§78)
dec-ui-station-title = { $station } участогу
dec-ui-fingerprint = Ачкычтын изи
dec-ui-co-signers = Кошо кол коюучулардын ачкычтары
dec-ui-bundle-in-force = Күчүндөгү пакет
dec-ui-bundle = № { $sequence }, № { $protocol } протокол, кол коюлган { $signed }, жеткирилген { $delivered }
dec-ui-not-delivered = жок
dec-ui-checkpoints = Журналдын көзөмөл чекиттери (жыйналыштын протоколу менен салыштырыңыз)
dec-ui-flags = Дал келбестиктер
dec-ui-no-flags = Дал келбестиктер жок.
dec-ui-figures = Протоколдун маалыматтары
dec-ui-conflicts = Айырмаланган пакеттер
dec-ui-reason = Себеби
dec-ui-keep = Бул пакетти калтыруу
dec-ui-keep-recount = Кайра саноо катары калтыруу (§78)
dec-ui-mark-recount = Кайра саноо катары белгилөө (§78)
dec-ui-set-aside-title = Жыйынтыктарды жараксыз деп табуу
dec-ui-scope-station = Участоктун бардык жыйынтыктары (§80)
dec-ui-scope-remote = Аралыктан добуш берүү гана (5.9-п.)
dec-ui-ground = Негизи
dec-ui-decision = Комиссиянын чечими
dec-ui-set-aside-submit = Жараксыз деп табуу
dec-ui-set-aside = { $at } тартып жараксыз: { $clause } — { $decision }
dec-ui-reinstate = Чечимди жокко чыгаруу
dec-ui-resolutions = Чечилген карама-каршылыктар
dec-ui-resolution = { $at }: { $kept } калтырылды — { $reason }
dec-ui-refusals = Участоктун четке кагылган пакеттери
dec-ui-close = Жабуу
dec-ui-open = Кененирээк
dec-ui-print-protocol = Комиссиянын протоколу (PDF)
dec-ui-print-summary = Жыйынды таблица (PDF)
dec-ui-export-results = Жыйынтыктар, NIST SP 1500-100 (JSON)
dec-ui-export-events = Журналдар, NIST SP 1500-101 (JSON)
dec-ui-export-registry = Комиссия кол койгон ачкычтар реестри
dec-ui-saved = Сакталды: { $path }
dec-ui-no-refusals = Четке кагылган пакеттер жок.
dec-ui-refused-at = { $at } — { $file }
error-mode-chosen = Бул маалымат папкасы үчүн тарап тандалган.
