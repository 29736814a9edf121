# Refusals of the day's rules (domain::decide): why a command was not recorded.
# Ids are those of DomainError::new(code, "error-…") in src-tauri/crates/domain/src/state.rs.
# $step, $other and $missing are step names (domain::StepId::name()); each is shown
# through a select with the same wording as the `step-…` messages in app.ftl.
# $time is a local time, HH:MM.

error-election-already-loaded = Бул участокко шайлоо мурда эле жүктөлгөн; башка шайлоону жүктөөгө болбойт.

error-election-not-loaded = Шайлоо жүктөлгөн эмес: адегенде шайлоонун аныктамасын жүктөңүз.

error-step-not-applicable =
    «{ $step ->
        [out-of-premises-voting] Шайлоо жайынан тышкары добуш берүү
        [lot-drawing] Чүчүкулак
        [opening-safe] Сейфти ачуу
        [sealing-boxes] Үкөктөрдү пломбалоо
        [ballots-to-members] Бюллетендерди мүчөлөргө берүү
        [voting] Добуш берүү
        [turnout10] Катышуу тууралуу маалымат, 10:00
        [turnout12] Катышуу тууралуу маалымат, 12:00
        [turnout14] Катышуу тууралуу маалымат, 14:00
        [turnout16] Катышуу тууралуу маалымат, 16:00
        [turnout18] Катышуу тууралуу маалымат, 18:00
        [close] Добуш берүүнү жабуу
        [count] Добуштарды эсептөө
        [protocol] Жыйынтыктар жөнүндө протокол
        [packets] Документтерди таңгактоо
        [delivery] Жогорку комиссияга тапшыруу
       *[other] { $step }
    }» кадамы мындай участокто өткөрүлбөйт.

error-step-ends-with-another =
    «{ $step ->
        [out-of-premises-voting] Шайлоо жайынан тышкары добуш берүү
        [lot-drawing] Чүчүкулак
        [opening-safe] Сейфти ачуу
        [sealing-boxes] Үкөктөрдү пломбалоо
        [ballots-to-members] Бюллетендерди мүчөлөргө берүү
        [voting] Добуш берүү
        [turnout10] Катышуу тууралуу маалымат, 10:00
        [turnout12] Катышуу тууралуу маалымат, 12:00
        [turnout14] Катышуу тууралуу маалымат, 14:00
        [turnout16] Катышуу тууралуу маалымат, 16:00
        [turnout18] Катышуу тууралуу маалымат, 18:00
        [close] Добуш берүүнү жабуу
        [count] Добуштарды эсептөө
        [protocol] Жыйынтыктар жөнүндө протокол
        [packets] Документтерди таңгактоо
        [delivery] Жогорку комиссияга тапшыруу
       *[other] { $step }
    }» кадамы өзүнчө белгиленбейт: ал «{ $other ->
        [out-of-premises-voting] Шайлоо жайынан тышкары добуш берүү
        [lot-drawing] Чүчүкулак
        [opening-safe] Сейфти ачуу
        [sealing-boxes] Үкөктөрдү пломбалоо
        [ballots-to-members] Бюллетендерди мүчөлөргө берүү
        [voting] Добуш берүү
        [turnout10] Катышуу тууралуу маалымат, 10:00
        [turnout12] Катышуу тууралуу маалымат, 12:00
        [turnout14] Катышуу тууралуу маалымат, 14:00
        [turnout16] Катышуу тууралуу маалымат, 16:00
        [turnout18] Катышуу тууралуу маалымат, 18:00
        [close] Добуш берүүнү жабуу
        [count] Добуштарды эсептөө
        [protocol] Жыйынтыктар жөнүндө протокол
        [packets] Документтерди таңгактоо
        [delivery] Жогорку комиссияга тапшыруу
       *[other] { $other }
    }» кадамы менен бүтөт.

error-step-already-done =
    «{ $step ->
        [out-of-premises-voting] Шайлоо жайынан тышкары добуш берүү
        [lot-drawing] Чүчүкулак
        [opening-safe] Сейфти ачуу
        [sealing-boxes] Үкөктөрдү пломбалоо
        [ballots-to-members] Бюллетендерди мүчөлөргө берүү
        [voting] Добуш берүү
        [turnout10] Катышуу тууралуу маалымат, 10:00
        [turnout12] Катышуу тууралуу маалымат, 12:00
        [turnout14] Катышуу тууралуу маалымат, 14:00
        [turnout16] Катышуу тууралуу маалымат, 16:00
        [turnout18] Катышуу тууралуу маалымат, 18:00
        [close] Добуш берүүнү жабуу
        [count] Добуштарды эсептөө
        [protocol] Жыйынтыктар жөнүндө протокол
        [packets] Документтерди таңгактоо
        [delivery] Жогорку комиссияга тапшыруу
       *[other] { $step }
    }» кадамы мурда эле аткарылды деп белгиленген.

error-step-too-early =
    «{ $step ->
        [out-of-premises-voting] Шайлоо жайынан тышкары добуш берүү
        [lot-drawing] Чүчүкулак
        [opening-safe] Сейфти ачуу
        [sealing-boxes] Үкөктөрдү пломбалоо
        [ballots-to-members] Бюллетендерди мүчөлөргө берүү
        [voting] Добуш берүү
        [turnout10] Катышуу тууралуу маалымат, 10:00
        [turnout12] Катышуу тууралуу маалымат, 12:00
        [turnout14] Катышуу тууралуу маалымат, 14:00
        [turnout16] Катышуу тууралуу маалымат, 16:00
        [turnout18] Катышуу тууралуу маалымат, 18:00
        [close] Добуш берүүнү жабуу
        [count] Добуштарды эсептөө
        [protocol] Жыйынтыктар жөнүндө протокол
        [packets] Документтерди таңгактоо
        [delivery] Жогорку комиссияга тапшыруу
       *[other] { $step }
    }» кадамына али эрте: ал саат { $time } болгондо башталат.

error-step-out-of-order =
    «{ $step ->
        [out-of-premises-voting] Шайлоо жайынан тышкары добуш берүү
        [lot-drawing] Чүчүкулак
        [opening-safe] Сейфти ачуу
        [sealing-boxes] Үкөктөрдү пломбалоо
        [ballots-to-members] Бюллетендерди мүчөлөргө берүү
        [voting] Добуш берүү
        [turnout10] Катышуу тууралуу маалымат, 10:00
        [turnout12] Катышуу тууралуу маалымат, 12:00
        [turnout14] Катышуу тууралуу маалымат, 14:00
        [turnout16] Катышуу тууралуу маалымат, 16:00
        [turnout18] Катышуу тууралуу маалымат, 18:00
        [close] Добуш берүүнү жабуу
        [count] Добуштарды эсептөө
        [protocol] Жыйынтыктар жөнүндө протокол
        [packets] Документтерди таңгактоо
        [delivery] Жогорку комиссияга тапшыруу
       *[other] { $step }
    }» кадамын азыр белгилөөгө болбойт: адегенде «{ $missing ->
        [out-of-premises-voting] Шайлоо жайынан тышкары добуш берүү
        [lot-drawing] Чүчүкулак
        [opening-safe] Сейфти ачуу
        [sealing-boxes] Үкөктөрдү пломбалоо
        [ballots-to-members] Бюллетендерди мүчөлөргө берүү
        [voting] Добуш берүү
        [turnout10] Катышуу тууралуу маалымат, 10:00
        [turnout12] Катышуу тууралуу маалымат, 12:00
        [turnout14] Катышуу тууралуу маалымат, 14:00
        [turnout16] Катышуу тууралуу маалымат, 16:00
        [turnout18] Катышуу тууралуу маалымат, 18:00
        [close] Добуш берүүнү жабуу
        [count] Добуштарды эсептөө
        [protocol] Жыйынтыктар жөнүндө протокол
        [packets] Документтерди таңгактоо
        [delivery] Жогорку комиссияга тапшыруу
       *[other] { $missing }
    }» кадамы аткарылышы керек.

## The opening meeting (domain::rules): attendance, lots, safe, sealing, ballots, polls.

error-step-has-procedure = Бул кадам өзүнүн жол-жобосу аркылуу аткарылат: аны ачып, көрсөтмөлөрдү аткарыңыз.

error-act-not-here = Бул аракет өзүнчө жасалат.

error-attendance-member-required = Комиссиянын мүчөсүн тизмеден тандаңыз.

error-attendance-unknown-member = «{ $member }» комиссиянын курамында жок.

error-attendance-already-present = { $name } бөлмөдө катталган.

error-attendance-international-observer-citizen = Кыргыз Республикасынын жараны эл аралык байкоочу боло албайт: аны жергиликтүү байкоочу катары каттаңыз.

error-attendance-accreditation-required = Эл аралык байкоочунун аккредитация күбөлүгүнүн номерин жазыңыз.

error-attendance-name-required = Аты-жөнүн жазыңыз.

error-attendance-not-present = Катталган адамдардын арасында № { $person } бөлмөдө жок.

error-lot-wrong-day = Жайдан тышкары добуш берүү боюнча чүчүкулак добуш берүүгө 2 күн калганда, { $date } өткөрүлөт (§24).

error-lot-already-drawn = Бул чүчүкулак өткөрүлгөн; аны кайталоого болбойт.

error-lot-already-committed = Чүчүкулактын милдеттенмеси көрсөтүлгөн: эми салымдарды кошуп, чүчүкулакты өткөрүңүз.

error-lot-not-committed = Адегенде милдеттенмени (хэшти) көрсөтүңүз, андан кийин салымдарды чогултуңуз.

error-lot-too-few-members = Чүчүкулак үчүн төрага менен катчыдан башка { $needed } мүчө керек, бөлмөдө { $present }: дагы { $missing } мүчө жетишпейт.

error-lot-count-too-small = Жайдан тышкары добуш берүүгө кеминде { $minimum } мүчө чүчүкулак менен тандалат (§24).

error-lot-commitment-format = Милдеттенме SHA-256 хэши болушу керек (64 он алтылык белги).

error-lot-secret-mismatch = Ачылган сыр көрсөтүлгөн милдеттенмеге дал келбейт: чүчүкулак токтотулду.

error-lot-no-contribution = Катышкандардын кеминде бир салымын кошуңуз (мисалы, байкоочу айткан сан).

error-lot-empty-contribution = Ар бир салымда ким айтканы жана эмне айтканы болушу керек.

error-lot-no-randomness = Кокус санды алуу мүмкүн болгон жок.

error-safe-already-opened = Сейф ачылган.

error-safe-explanation-required = Кагаз тизмеде { $paper }, электрондук тизмеде { $electronic } шайлоочу: айырмачылыктын себебин жазыңыз.

error-sealing-box-id-required = Үкөктүн аталышын же номерин жазыңыз.

error-sealing-duplicate-box = «{ $box }» үкөгү мурун пломбаланган.

error-sealing-seal-required = Кеминде бир пломбанын номерин жазыңыз.

error-sealing-duplicate-seal = { $seal } номерлүү пломба мурун колдонулган.

error-sealing-finished = Пломбалоо аяктаган; жаңы стационардык үкөк кошууга болбойт.

error-sealing-nothing-sealed = Кеминде бир үкөк же АЭУ пломбалангандан кийин гана аяктатууга болот.

error-sealing-too-many-portable = Көчмө үкөктөр { $max } ашпашы керек (§23).

error-sealing-portable-outside-hours = Көчмө үкөктөр добуш берүүгө бир күн калганда, жайдан тышкары добуш берүүнүн алдында пломбаланат (§22, §25).

error-sealing-portable-needs-lot = Адегенде жайдан тышкары добуш берүүнү өткөрө турган мүчөлөрдү чүчүкулак менен аныктаңыз (§24).

error-sealing-aeu-at-regular = Бул участокто АЭУ жок.

error-ballots-remote-prints-on-demand = Аралыктан добуш берүү участогу бюллетендерди талап боюнча басып чыгарат: бюллетендердин ордуна кагаздын запасын жана принтердин эсептегичин жазыңыз.

error-ballots-regular-has-stock = Бул участок бюллетендерди жогорку комиссиядан алат: алынган бюллетендердин санын жазыңыз.

error-ballots-already-received = Алынган бюллетендер жазылган.

error-ballots-not-received = Адегенде алынган бюллетендерди жазыңыз жана кайра санаңыз (§35).

error-ballots-explanation-required = Жарыяланды { $announced }, кайра саналды { $recounted }: айырмачылыктын себебин жазыңыз.

error-ballots-out-of-premises-exceeds = Жайдан тышкары добуш берүүгө берилген бюллетендер алынгандардан көп болушу мүмкүн эмес.

error-ballots-unknown-member = «{ $member }» комиссиянын курамында жок.

error-ballots-batch-size = Мүчөгө бир жолу { $max } бюллетенден ашык берилбейт (§36).

error-ballots-not-enough = Төрагада { $available } бюллетень гана калды.

error-ballots-none-issued = Мүчөлөргө бир да бюллетень берилген жок.

error-ballots-already-finished = Бюллетендерди берүү аяктаган.

error-ballots-paper-already-recorded = Кагаздын запасы жазылган.

error-polls-too-early = Добуш берүү саат { $time } башталат (§31).

error-polls-after-close = Добуш берүү убактысы бүттү.

error-polls-already-open = Добуш берүү башталган.


## Out-of-premises voting (§21–30).

error-oop-not-here = Аралыктан добуш берүү участогунда жайдан тышкары добуш берүү өткөрүлбөйт (R1.7).
error-oop-application-late = Арыздар добуш берүүгө 3 календардык күн калганга чейин, { $date } кошо кабыл алынат (§22).
error-oop-application-incomplete = Арызда шайлоочунун аты-жөнү, дареги жана келе албаганынын себеби болушу керек (§22).
error-oop-outside-hours = Жайдан тышкары добуш берүү { $date } гана, саат 08:00дөн 20:00гө чейин өткөрүлөт (§22).
error-oop-unknown-application = Реестрде № { $number } арыз жок.
error-oop-already-served = № { $number } арыз боюнча шайлоочу добуш берген.
error-oop-not-a-portable-box = «{ $box }» пломбаланган көчмө үкөк эмес.
error-oop-slot-sealed = «{ $box }» көчмө үкөгүнүн көзөнөгү бекитилген.
error-oop-document-required = Шайлоочунун документинин сериясын жана номерин жазыңыз (§28).
error-oop-slots-open = Адегенде көчмө үкөктөрдүн көзөнөктөрүн бекитиңиз: { $boxes } (§29).
error-oop-closed = Жайдан тышкары добуш берүү жабылган.
error-oop-ballots-do-not-add-up = Бюллетендер дал келбейт: алынды { $taken }, берилди { $issued }, колдонулбаганы { $unused }, бузулганы { $spoiled }.
error-demo-day-under-way = Бул участокто күн башталып калган: демонун даярдалган таңы жаңы журналга гана жазылат.
