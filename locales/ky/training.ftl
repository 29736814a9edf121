# Training mode (issue 9): scenarios and scripted trainees (domain::scenario,
# domain::trainee), the trainer's clock, the trainer's console, the debrief
# (domain::debrief, api::training) and `uchastok train run`.
# $field is the path of the field at fault in the file, $value what the file says there.

## Problems of a scenario or an actions file

training-error-syntax =
    { $line ->
        [0] Файл окулбайт, анын түзүлүшүндө ката бар: { $detail }
       *[other] Файл окулбайт, { $line }-сапта ката: { $detail }
    }
training-error-missing-field = «{ $field }» талаасы толтурулган эмес.
training-error-bad-value = «{ $field }» талаасы: «{ $value }» — жараксыз маани. Жарактуу маанилер: { $allowed }.
training-error-bad-time = «{ $field }» талаасы: «{ $value }» — участоктун убактысы эмес. СС:ММ деп жазыңыз, мурунку күн үчүн «-1 СС:ММ», кийинки күн үчүн «+1 СС:ММ».
training-error-out-of-range = «{ $field }» талаасы: { $value } — уруксат берилген чектен тышкары, { $min } дөн { $max } чейин.
training-error-format-version = «{ $field }» талаасы: файл { $value }-версиянын форматында, бул программа { $supported }-версияны гана окуйт.
training-error-bad-id = «{ $field }» талаасы: «{ $value }» — жараксыз идентификатор: кичине латын тамгалары, сандар жана дефис гана.
training-error-outside-day = «{ $field }» талаасы: { $value } убактысы шайлоо күндөрүнөн тышкары (мурунку күндүн башынан кийинки күндүн 08:00үнө чейин).
training-error-ends-before-start = «{ $field }» талаасы: сценарий башталганга чейин же ошол эле учурда бүтөт.
training-error-starts-before-polls = «{ $field }» талаасы: ачык добуш берүүдөн башталган сценарий шайлоо күнүнүн 08:00үнөн эрте башталбайт.
training-error-voters-before-at-start = «{ $field }» талаасы: сценарийге чейинки шайлоочулар polls-open этабында гана болот.
training-error-portable-at-remote = «{ $field }» талаасы: аралыктан добуш берүү участогунда имараттан тышкары добуш берүү жок.
training-error-portable-at-start = «{ $field }» талаасы: имараттан тышкары шайлоочулар polls-open этабында гана жазылат.
training-error-event-outside-scenario = «{ $field }» талаасы: { $value } убактысындагы окуя сценарийдин убактысынан тышкары.
training-error-events-out-of-order = «{ $field }» талаасы: окуялар убакыт боюнча иреттүү болушу керек.
training-error-remote-only = «{ $field }» талаасы: мындай нерсе аралыктан добуш берүү участогунда гана болот (demo = "remote").
training-error-no-portable-box = «{ $field }» талаасы: көчмө үкөк жок — portable_voters нөлдөн чоң болсун.
training-error-wrong-demo = «{ $field }» талаасы: демо шайлоо участоктун башка түрүнө тиешелүү.
training-error-unknown-contest = «{ $field }» талаасы: «{ $value }» округу бул участокто эсептелүүчү округдардын арасында жок.
training-error-unknown-option = «{ $field }» талаасы: «{ $value }» варианты бул округдун бюллетенинде жок.
training-error-actions-out-of-order = «{ $field }» талаасы: аракеттер убакыт боюнча иреттүү болушу керек.
training-error-demo-unreadable = Сценарийдин демо шайлоосу окулбайт: { $detail }
training-error-unknown-scenario = «{ $scenario }» сценарийи жок.
training-error-no-scenario = Окуу сценарийи жүктөлгөн эмес.
training-error-folder-in-use = «{ $path }» папкасы бош эмес: жаңы сценарий жаңы папкада башталат.
training-error-not-refused = Аракет четке кагылышы керек эле (код { $code }), бирок аткарылды.
training-error-clock-not-training = Саатты окуу шайлоосунда гана башкарууга болот.
training-error-clock-fixed = Бул участоктун сааты окуу сааты эмес: аны башкарууга болбойт.
training-error-clock-backwards = Саатты { $time } убактысына артка жылдырууга болбойт: журналдын убактысы артка кайтпайт. Жаңы жүргүзүү үчүн сценарийди кайра жүктөңүз.
training-error-clock-speed = Сааттын ылдамдыгы — 1ден { $max } чейин.

## The scenario's happenings, as the console's timeline says them

training-happening-device-fault = { $device }: { $fault }
training-happening-device-repair = { $device }: оңдолду
training-happening-power-cut = Жарык { $minutes } мүнөткө өчөт
training-happening-voter = Столго шайлоочу келет: { $case }
training-happening-spoiled-ballot =
    { $again ->
        [yes] Ошол эле бузулган бюллетень кайра көрсөтүлөт
       *[other] Шайлоочу бюллетенин бузуп алып, кайталанган бюллетень сурайт
    }
training-happening-aeu-miscount = { $device } «{ $from }» үчүн { $ballots } бюллетенди «{ $to }» үчүн эсептейт ({ $contest })
training-happening-portable-box-excess = { $box } көчмө үкөгүндө тейленген шайлоочулардан { $extra } бюллетень ашык
training-happening-recount-demand = Байкоочу { $observer } кайра эсептөөнү талап кылат ({ $contest })
training-happening-complaint = { $from } арыз берет: «{ $text }»
training-happening-citizen-observer = { $name } (аккредитация { $accreditation }) эл аралык байкоочу катары катталууну суранат; ал Кыргыз Республикасынын жараны

## The debrief

training-debrief-title = Окуу шайлоосун талдоо
training-debrief-scenario = Сценарий
training-debrief-trainee = Окуучу
training-debrief-horizon = Бааланган убакыт
training-debrief-deviations = Четтөөлөр
training-debrief-no-deviations = Четтөөлөр жок.
training-debrief-times = Жол-жоболордун убактысы
training-debrief-counts = Эсептөө чыныгы белгилерге каршы
training-debrief-protocol-error = Протоколдун катасы (бюллетендер)
training-debrief-at = Убакыт
training-debrief-clause = Пункт
training-debrief-deviation = Четтөө
training-debrief-procedure = Жол-жобо
training-debrief-from = Башталышы
training-debrief-done = Аткарылды
training-debrief-minutes = Мүнөт
training-debrief-line = Сап
training-debrief-counted = Эсептелди
training-debrief-truth = Чындык
training-count-in-boxes = Үкөктөрдөгү бюллетендер
training-count-invalid = Жараксыз бюллетендер

training-rule-turnout-missed = Саат { $hour } боюнча катышуу { $deadline } чейин билдирилген жок.
training-rule-step-late = «{ $step }» { $deadline } чейин аткарылган жок.
training-rule-aeu-results-late = АЭУнун маалыматы { $deadline } чейин алынган жок.
training-rule-aeu-failure-not-recorded = { $device } саат { $time } иштен чыкканы катталган жок.
training-rule-act-missing = «{ $kind }» актысы түзүлгөн жок (окуя саат { $time }).
training-rule-device-stop-not-recorded = «{ $device }» түзмөгүнүн саат { $time } токтогону катталган жок.
training-rule-power-cut-not-recorded = Саат { $time } жарыктын өчкөнү ({ $minutes } мүн.) жана кайра келгени катталган жок.
training-rule-voter-not-identified = Саат { $time } келген шайлоочу ({ $case }) добуш берүүгө укуктуу болчу, бирок идентификацияланган жок.
training-rule-voter-wrongly-identified = Саат { $time } келген шайлоочу ({ $case }) бул жерде добуш берүүгө укуксуз болчу, бирок идентификацияланды.
training-rule-duplicate-twice = Саат { $time } бир бузулган бюллетень үчүн экинчи кайталанган бюллетень басылды.
training-rule-portable-excess-not-declared = { $box } көчмө үкөгү: тейленди { $served }, үкөктө { $found }, жарыяланды { $declared } — ашыкча жарыяланган жок, бюллетендер жараксыз деп табылган жок.
training-rule-recount-not-held = Байкоочу { $observer } кайра эсептөөнү талап кылганы ({ $contest }, { $time }) катталган жок.
training-rule-complaint-not-recorded = { $from } саат { $time } берген арызы катталган жок же чечилген жок.
training-rule-citizen-as-international-observer = Кыргыз Республикасынын жараны { $name } эл аралык байкоочу катары катталды.
training-rule-count-copied-from-aeu = { $contest }: жыйынтыктар кол менен эсептелбей, АЭУдан көчүрүлдү.
training-rule-count-wrong-pile = { $contest }: бюллетендер туура эмес топторго бөлүндү (айырма { $off }).
training-rule-count-total-differs = { $contest }: { $counted } бюллетень эсептелди, ал эми { $cast } салынган.
training-rule-count-missing = { $contest }: эсептөө киргизилген жок.

training-time-step = { $step }
training-time-aeu-results = Жабылгандан кийин АЭУнун маалыматы
training-time-device-fault = Бузулууга жооп: { $device }
training-time-device-repair = Оңдоо: { $device }
training-time-power-cut = Жарык өчкөнгө жооп
training-time-voter = Шайлоочу: { $case }
training-time-spoiled-ballot = Кайталанган бюллетень
training-time-aeu-miscount = АЭУнун айырмасы
training-time-portable-box-excess = { $box } көчмө үкөгү
training-time-recount-demand = Кайра эсептөө талабы: { $observer }
training-time-complaint = Арыз: { $from }
training-time-citizen-observer = Катталуу өтүнүчү: { $name }

## The journal's events, as the trainee's actions

training-event-other = Журналдын жазуусу: { $kind }
training-event-election-loaded = Шайлоонун аныктамасы жүктөлдү
training-event-step-completed = Аткарылды: { $step }
training-event-person-arrived = Келди: { $name } ({ $category })
training-event-person-left = Катышуучу № { $person } кетти
training-event-lot-committed = Чүчүкулак: милдеттенме жазылды
training-event-lot-drawn = Чүчүкулак өткөрүлдү
training-event-safe-opened = Сейф ачылды; тизмедеги шайлоочулар: { $voters }
training-event-box-sealed = { $box } үкөгү мөөр басылды
training-event-sealing-finished = Мөөр басуу бүттү
training-event-ballots-received = Алынган бюллетендер: { $count }
training-event-ballots-issued-to-member = Комиссия мүчөсү { $member } бюллетендерди алды: { $count }
training-event-ballot-issue-finished = Мүчөлөргө бюллетень берүү бүттү
training-event-paper-stock-recorded = Кагаздын запасы жазылды: { $count }
training-event-polls-opened = Добуш берүү ачылды
training-event-application-registered = Имараттан тышкары добуш берүүгө арыз катталды
training-event-out-of-premises-voter-served = Имараттан тышкары шайлоочу тейленди ({ $box } үкөгү)
training-event-portable-box-slot-sealed = { $box } көчмө үкөгүнүн тешиги мөөр басылды
training-event-out-of-premises-closed = Имараттан тышкары добуш берүү бүттү
training-event-act-drawn-up = № { $number } акты: { $kind }
training-event-voter-identified = Шайлоочу идентификацияланды ({ $contest }, { $method })
training-event-identification-failed = Идентификация ийгиликсиз болду
training-event-ballot-printed = Бюллетень басылды ({ $contest })
training-event-voter-listed = Шайлоочу тизмеге киргизилди
training-event-ballot-issued-to-voter = Шайлоочуга бюллетень берилди
training-event-turnout-reported = Катышуу билдирилди ({ $step }): { $count } шайлоочу
training-event-polls-closed = Добуш берүү жабылды; { $count } шайлоочу добуш берди
training-event-unused-ballots-cancelled = Колдонулбаган бюллетендер жокко чыгарылды: { $count }
training-event-list-totals-recorded = Тизменин жыйынтыгы жазылды; колдор: { $count }
training-event-portable-box-opened = { $box } көчмө үкөгү ачылды; бюллетендер: { $count }
training-event-aeu-results-recorded = АЭУнун маалыматы алынды; бюллетендер: { $count }
training-event-count-entered = Эсептөө киргизилди ({ $contest }), киргизген { $member }
training-event-recount-demanded = { $name } кайра эсептөөнү талап кылат ({ $contest })
training-event-signed-protocol = № { $number } протоколго кол коюлду
training-event-correction-started = Протоколду оңдоо башталды
training-event-complaint-received = Арыз кабыл алынды: { $name }
training-event-complaint-decided = № { $number } арыз боюнча чечим
training-event-dissent-attached = Өзгөчө пикир тиркелди
training-event-packets-sealed = Пакеттер мөөр басылды
training-event-delivered = Документтер жогорку комиссияга жеткирилди
training-event-chair-card-registered = Төраганын картасы катталды
training-event-duplicate-authorised = Кайталанган бюллетенге төраганын картасы менен уруксат берилди ({ $contest })
training-event-duplicate-printed = Кайталанган бюллетень басылды ({ $contest })
training-event-ballot-spoiled = Бузулган бюллетень кабыл алынды
training-event-aeu-failed = { $box } иштен чыкканы катталды
training-event-switched-to-reserve-aeu = Резервдеги { $box } АЭУга өтүү
training-event-switched-to-transparent-box = { $box } тунук үкөгүнө өтүү
training-event-device-stopped = Токтоо: { $device }
training-event-device-resumed = Кайра иштөө: { $device }
training-event-power-cut = Жарыктын өчкөнү катталды
training-event-power-restored = Жарык кайра келди
training-event-assistance-given = Шайлоочуга жардам көрсөтүлдү
training-event-station-key-registered = Участоктун ачкычы катталды
training-event-checkpoint-signed = Журналдын текшерүү чекитине кол коюлду

## uchastok train

cli-train-invalid = { $file }: { $count } ката табылды:
cli-train-unknown-scenario = «{ $scenario }» сценарийи да, мындай файл да жок. Берилген сценарийлер: { $known }.
cli-train-other-scenario = Аракеттер «{ $actions }» сценарийи үчүн жазылган, ал эми «{ $scenario }» сценарийи иштетилди.
cli-train-action-failed = № { $action } аракет жазылгандай аткарылган жок: { $detail }
cli-train-write-failed = «{ $file }» файлын жазуу мүмкүн болгон жок: { $detail }
cli-train-pdf = Талдоо PDF түрүндө: { $path }
cli-train-csv = Талдоонун сабы топтун жыйынтыгына кошулду: { $path }

## The trainer's console (#trainer)

menu-open-trainer = Тренердин консолун ачуу
training-error-not-a-mock-election = Окуу сценарийлери окуу шайлоосунда гана жүктөлөт: бул участок чыныгы шайлоо боюнча иштейт.
training-console-title = Тренердин консолу
training-console-scenarios = Сценарийлер
training-console-load = Жүктөө
training-console-demo-remote = аралыктан добуш берүү участогу
training-console-demo-city = кадимки участок
training-console-window = { $starts } – { $ends }
training-console-no-run = Сценарий жүктөлгөн эмес. Тизмеден сценарийди тандап, жүктөңүз: жаңы окуу участогу ачылат.
training-console-folder = Жүргүзүүнүн папкасы: { $folder }
training-console-trainee = Окуучу
training-console-save-trainee = Жазуу
training-console-clock = Участоктун сааты
training-console-start = Баштоо
training-console-pause = Тыныгуу
training-console-paused = токтотулган
training-console-running = ×{ $speed } жүрүп жатат
training-console-speed = Ылдамдык
training-console-jump = Өтүү
training-moment-day-before = мурунку күнү, 08:00
training-moment-opening = 07:00
training-moment-polls-open = 08:00
training-moment-polls-close = 20:00
training-moment-aeu-deadline = 21:00
training-moment-delivery = кийинки күнү 06:00
training-console-devices = Түзмөктөр
training-console-break = Бузуу
training-console-repair = Оңдоо
training-console-timeline = Сценарийдин планы
training-console-pending = күтүлүүдө
training-console-happened = { $time } болду
training-console-feed = Окуучунун аракеттери
training-console-feed-empty = Азырынча аракеттер жок.
training-console-debrief = Талдоо
training-console-show-debrief = Талдоону көрсөтүү
training-console-save-pdf = Талдоону PDF кылып сактоо
training-console-saved = Сакталды: { $path }
training-console-over = Сценарийдин убактысы бүттү: талдоо даяр.
training-console-leave = Окуу сценарийинен чыгуу
