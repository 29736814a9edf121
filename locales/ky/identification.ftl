# Identifying voters and giving them a ballot (§37–42, R3.1–R3.2, R4.2–R4.3).
# Refusals of domain::identification and of the api's identification desk.

error-identification-under-age = Шайлоочу добуш берүү күнү 18 жашка толбойт (толук жашы: { $age }), шайлоо укугу жок.
error-identification-not-in-list = Шайлоочу бул участоктун тизмесинде жок: ал № { $station } участокто катталган (§37).
error-identification-unknown-district = Шайлоочунун «{ $district }» округу бул шайлоого катышпайт.
error-identification-community-too-recent =
    Шайлоочу бул дарек боюнча { $date } бери гана катталган: добуш берүү күнүнө чейин { $days } күндөн кем эмес катталган шайлоочу гана округдун жергиликтүү жамаатынын мүчөсү болот (R3.1). Аралыктан добуш берүү мүмкүн эмес.
error-identification-own-district-other-station =
    Шайлоочу өзүнүн { $district } округунун чегинде, бирок өз участогунда эмес: өз округунда аралыктан добуш берүүгө жол берилбейт (R1.6, R4.3). Ага өзүнүн № { $station } участогунда же башка округдун участогунда добуш берүүнү сунуштаңыз.
error-identification-too-many-attempts = Манжа издерин сканерлөө аракеттери { $max } жолудан ашпашы керек (R4.2).
error-identification-no-attempt = Манжа изи азырынча сканерленген жок.
error-identification-face-not-here = Бет геометриясы боюнча идентификациялоо аралыктан добуш берүү участогунда гана колдонулат (R4.2).
error-identification-face-too-early = Бет боюнча манжа издери менен { $max } ийгиликсиз аракеттен кийин гана идентификацияланат (R4.2); аракеттер: { $attempts }.
error-identification-give-up-too-early =
    { $face ->
        [yes] Идентификациялоо мүмкүн эмес экени жөнүндө акт манжа издери менен { $attempts } аракеттен жана бет боюнча аракеттен кийин түзүлөт (R4.2, §37).
       *[no] Идентификациялоо мүмкүн эмес экени жөнүндө акт манжа издери менен { $attempts } аракеттен кийин түзүлөт (§37).
    }
error-identification-already-identified = Бул шайлоочу идентификациядан өтүп калган: кайра идентификациялоого жол берилбейт (R3.2).
error-voting-not-open = Добуш берүү азырынча ачыла элек: шайлоочулар участок саат { $time } ачылгандан кийин идентификацияланат (§31–37).
error-voting-closed = Добуш берүү аяктады: участок жабылгандан кийин бюллетендер берилбейт (§49).
error-ballot-printed-only-remote = Бюллетендер талап боюнча аралыктан добуш берүү участогунда гана басылып чыгат (R4.2).
error-ballot-nobody-waiting = «{ $district }» округунун бюллетенин күтүп жаткан идентификацияланган шайлоочу жок.
error-list-not-identified = Бул шайлоочу участокто идентификациядан өткөн жок: аны тизмеге киргизүүгө болбойт.
error-list-already-listed = Шайлоочу тизмеге кол коюп койгон.
error-ballot-remote-prints = Аралыктан добуш берүү участогунда бюллетенди идентификациялоочу түзүлүш басып чыгарат (R4.2).
error-ballot-no-receipt = Бюллетень тизмеге кол койгон шайлоочунун идентификация чеги боюнча гана берилет (§41).
error-ballot-members-have-none = Комиссия мүчөлөрүндө берүүгө бюллетень калган жок: аларга { $issued } бюллетень берилген (§36).
error-turnout-not-a-report = «{ $step }» этабы катышуу жөнүндө маалымат эмес.

error-identification-not-in-register = Бул жеке номери бар шайлоочу участокко жүктөлгөн шайлоочулардын тизмесинде (реестринде) жок (R4.2, 3-кадам).
error-desk-busy = Идентификациялоо үстөлүндө шайлоочу бар: анын идентификациясын бүтүрүңүз же «Кийинки шайлоочу» баскычын басыңыз.
error-desk-idle = Идентификациялоо үстөлүндө шайлоочу жок: адегенде документти окуңуз.
error-desk-photo-first = Адегенде документтеги сүрөттү шайлоочу менен салыштырыңыз (R4.2, 2-кадам).
error-desk-already-decided = Бул шайлоочунун идентификациясы бүттү.
error-desk-not-identified = Шайлоочу азырынча идентификацияланган жок.
error-desk-ballot-already-printed = Бул шайлоочуга бюллетень басылып чыккан; кайталанган бюллетень төраганын акты менен гана басылат (R4.4).
error-desk-ballot-already-issued = Бул шайлоочуга бюллетень берилген.
error-desk-mrz-invalid = Документтин машина окуй турган зонасы «{ $field }» талаасында ката менен окулду: документти кайра коюңуз.
error-desk-wrong-document =
    Документ тандалган түрдөгү эмес: { $document ->
        [id-card] ID-карта тандалган
        [passport] жалпы жарандык паспорт тандалган
        [diplomatic-passport] дипломатиялык паспорт тандалган
        [service-passport] кызматтык паспорт тандалган
       *[other] { $document }
    }. Көрсөтүлгөн документтин түрүн тандаңыз.
error-desk-not-a-citizen = Документ Кыргыз Республикасынын жаранына берилген эмес (жарандыгы: { $nationality }).
error-desk-no-personal-number = Документтин машина окуй турган зонасында жеке номер (ПИН) жок.
error-desk-document-expired = Документтин мөөнөтү бүткөн.
error-desk-no-document = Окуучуда документ жок.
error-desk-document-unreadable = Документтин машина окуй турган зонасы окулган жок: документти кайра коюңуз.
error-desk-no-code = QR-код көрсөтүлгөн жок.
error-desk-code-unreadable = QR-код окулган жок: аны кайра көрсөтүңүз.
error-desk-not-a-digital-passport = Бул «Түндүк» санариптик паспортунун QR-коду эмес.
error-desk-digital-passport-damaged = Санариптик паспорттун QR-коду бузулган же өзгөртүлгөн.
error-desk-no-reference = Бул шайлоочунун биометрикалык үлгүсү жок: түзүлүш аркылуу идентификациялоо мүмкүн эмес.
error-device-absent =
    «{ $device ->
        [camera] Камера
        [document-reader] Документ окуугуч
        [qr-reader] QR окуугуч
        [fingerprint-scanner] Манжа изи сканери
        [face-matcher] Жүздү таануу
        [ballot-printer] ПИТ принтери
        [document-printer] Документ принтери
        [aeu] АЭУ
        [smart-card] Смарт-карта
        [observer-display] Серептөөчү монитор
       *[other] { $device }
    }» түзүлүшү туташкан эмес.
error-device-fault =
    «{ $device ->
        [camera] Камера
        [document-reader] Документ окуугуч
        [qr-reader] QR окуугуч
        [fingerprint-scanner] Манжа изи сканери
        [face-matcher] Жүздү таануу
        [ballot-printer] ПИТ принтери
        [document-printer] Документ принтери
        [aeu] АЭУ
        [smart-card] Смарт-карта
        [observer-display] Серептөөчү монитор
       *[other] { $device }
    }» түзүлүшү бузук.
error-device-busy = «{ $device }» түзүлүшү бош эмес: бир нече секунддан кийин кайталаңыз.
error-device-timeout = «{ $device }» түзүлүшү убагында жооп берген жок: кайталаңыз.
error-device-cancelled = «{ $device }» түзүлүшү менен иш токтотулду.
error-device-protocol = «{ $device }» түзүлүшү протоколго ылайык эмес жооп берди: БШКнын техникалык колдоосуна кабарлаңыз.
error-printer-jammed = Принтерде кагаз тыгылып калды: тыгынды алып, кайра басып чыгарыңыз.
error-printer-out-of-paper = Принтерде кагаз түгөндү: кагаз салып, кайра басып чыгарыңыз.
error-keys-unavailable = «{ $path }» участок ачкычы жеткиликсиз: { $detail }
error-register-missing = Участокко шайлоочулардын тизмеси (реестр) жүктөлгөн жок: шайлоочуларды идентификациялоодон мурун аны жүктөңүз.
error-register-other-key = Шайлоочулардын тизмеси участоктун башка ачкычы менен жүктөлгөн: аны бул компьютерде кайра жүктөңүз.
error-simulation-off = Шайлоочуларды тууроо симуляцияланган түзүлүштөрдө гана (демо, окутуу) жеткиликтүү.
error-simulation-no-such-voter = Окуу тизмесинде мындай шайлоочу калган жок.
error-simulation-nobody-identified = Азырынча эч ким идентификацияланган жок: кайра келе турган адам жок.
