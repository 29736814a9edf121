# Refusals of the day's rules (domain::decide): why a command was not recorded.
# Ids are those of DomainError::new(code, "error-…") in src-tauri/crates/domain/src/state.rs.
# $step, $other and $missing are step names (domain::StepId::name()); each is shown
# through a select with the same wording as the `step-…` messages in app.ftl.
# $time is a local time, HH:MM.

error-election-already-loaded = На этом участке выборы уже загружены; загрузить другие нельзя.

error-election-not-loaded = Выборы не загружены: сначала загрузите определение выборов.

error-step-not-applicable =
    Этап «{ $step ->
        [out-of-premises-voting] Голосование вне помещения
        [lot-drawing] Жеребьёвка
        [opening-safe] Вскрытие сейфа
        [sealing-boxes] Опечатывание ящиков
        [ballots-to-members] Выдача бюллетеней членам комиссии
        [voting] Голосование
        [turnout10] Сведения о явке, 10:00
        [turnout12] Сведения о явке, 12:00
        [turnout14] Сведения о явке, 14:00
        [turnout16] Сведения о явке, 16:00
        [turnout18] Сведения о явке, 18:00
        [close] Окончание голосования
        [count] Подсчёт голосов
        [protocol] Протокол об итогах голосования
        [packets] Упаковка документов
        [delivery] Передача в вышестоящую комиссию
       *[other] { $step }
    }» на участке такого типа не проводится.

error-step-ends-with-another =
    Этап «{ $step ->
        [out-of-premises-voting] Голосование вне помещения
        [lot-drawing] Жеребьёвка
        [opening-safe] Вскрытие сейфа
        [sealing-boxes] Опечатывание ящиков
        [ballots-to-members] Выдача бюллетеней членам комиссии
        [voting] Голосование
        [turnout10] Сведения о явке, 10:00
        [turnout12] Сведения о явке, 12:00
        [turnout14] Сведения о явке, 14:00
        [turnout16] Сведения о явке, 16:00
        [turnout18] Сведения о явке, 18:00
        [close] Окончание голосования
        [count] Подсчёт голосов
        [protocol] Протокол об итогах голосования
        [packets] Упаковка документов
        [delivery] Передача в вышестоящую комиссию
       *[other] { $step }
    }» не отмечается отдельно: он завершается этапом «{ $other ->
        [out-of-premises-voting] Голосование вне помещения
        [lot-drawing] Жеребьёвка
        [opening-safe] Вскрытие сейфа
        [sealing-boxes] Опечатывание ящиков
        [ballots-to-members] Выдача бюллетеней членам комиссии
        [voting] Голосование
        [turnout10] Сведения о явке, 10:00
        [turnout12] Сведения о явке, 12:00
        [turnout14] Сведения о явке, 14:00
        [turnout16] Сведения о явке, 16:00
        [turnout18] Сведения о явке, 18:00
        [close] Окончание голосования
        [count] Подсчёт голосов
        [protocol] Протокол об итогах голосования
        [packets] Упаковка документов
        [delivery] Передача в вышестоящую комиссию
       *[other] { $other }
    }».

error-step-already-done =
    Этап «{ $step ->
        [out-of-premises-voting] Голосование вне помещения
        [lot-drawing] Жеребьёвка
        [opening-safe] Вскрытие сейфа
        [sealing-boxes] Опечатывание ящиков
        [ballots-to-members] Выдача бюллетеней членам комиссии
        [voting] Голосование
        [turnout10] Сведения о явке, 10:00
        [turnout12] Сведения о явке, 12:00
        [turnout14] Сведения о явке, 14:00
        [turnout16] Сведения о явке, 16:00
        [turnout18] Сведения о явке, 18:00
        [close] Окончание голосования
        [count] Подсчёт голосов
        [protocol] Протокол об итогах голосования
        [packets] Упаковка документов
        [delivery] Передача в вышестоящую комиссию
       *[other] { $step }
    }» уже отмечен как выполненный.

error-step-too-early =
    Этап «{ $step ->
        [out-of-premises-voting] Голосование вне помещения
        [lot-drawing] Жеребьёвка
        [opening-safe] Вскрытие сейфа
        [sealing-boxes] Опечатывание ящиков
        [ballots-to-members] Выдача бюллетеней членам комиссии
        [voting] Голосование
        [turnout10] Сведения о явке, 10:00
        [turnout12] Сведения о явке, 12:00
        [turnout14] Сведения о явке, 14:00
        [turnout16] Сведения о явке, 16:00
        [turnout18] Сведения о явке, 18:00
        [close] Окончание голосования
        [count] Подсчёт голосов
        [protocol] Протокол об итогах голосования
        [packets] Упаковка документов
        [delivery] Передача в вышестоящую комиссию
       *[other] { $step }
    }» начинать ещё рано: он начинается в { $time }.

error-step-out-of-order =
    Этап «{ $step ->
        [out-of-premises-voting] Голосование вне помещения
        [lot-drawing] Жеребьёвка
        [opening-safe] Вскрытие сейфа
        [sealing-boxes] Опечатывание ящиков
        [ballots-to-members] Выдача бюллетеней членам комиссии
        [voting] Голосование
        [turnout10] Сведения о явке, 10:00
        [turnout12] Сведения о явке, 12:00
        [turnout14] Сведения о явке, 14:00
        [turnout16] Сведения о явке, 16:00
        [turnout18] Сведения о явке, 18:00
        [close] Окончание голосования
        [count] Подсчёт голосов
        [protocol] Протокол об итогах голосования
        [packets] Упаковка документов
        [delivery] Передача в вышестоящую комиссию
       *[other] { $step }
    }» пока нельзя отметить: сначала должен быть выполнен этап «{ $missing ->
        [out-of-premises-voting] Голосование вне помещения
        [lot-drawing] Жеребьёвка
        [opening-safe] Вскрытие сейфа
        [sealing-boxes] Опечатывание ящиков
        [ballots-to-members] Выдача бюллетеней членам комиссии
        [voting] Голосование
        [turnout10] Сведения о явке, 10:00
        [turnout12] Сведения о явке, 12:00
        [turnout14] Сведения о явке, 14:00
        [turnout16] Сведения о явке, 16:00
        [turnout18] Сведения о явке, 18:00
        [close] Окончание голосования
        [count] Подсчёт голосов
        [protocol] Протокол об итогах голосования
        [packets] Упаковка документов
        [delivery] Передача в вышестоящую комиссию
       *[other] { $missing }
    }».

## The opening meeting (domain::rules): attendance, lots, safe, sealing, ballots, polls.

error-step-has-procedure = Этот этап выполняется через свою процедуру: откройте её и следуйте указаниям.

error-act-not-here = Это действие выполняется отдельно.

error-attendance-member-required = Выберите члена комиссии из списка.

error-attendance-unknown-member = «{ $member }» нет в составе комиссии.

error-attendance-already-present = { $name } уже отмечен(а) как присутствующий(ая).

error-attendance-international-observer-citizen = Гражданин Кыргызской Республики не может быть международным наблюдателем: зарегистрируйте его как наблюдателя.

error-attendance-accreditation-required = Укажите номер удостоверения об аккредитации международного наблюдателя.

error-attendance-name-required = Укажите фамилию и имя.

error-attendance-not-present = Человека № { $person } нет среди присутствующих.

error-lot-wrong-day = Жеребьёвка по голосованию вне помещения проводится за 2 дня до голосования, { $date } (§24).

error-lot-already-drawn = Эта жеребьёвка уже проведена; повторить её нельзя.

error-lot-already-committed = Обязательство жеребьёвки уже показано: добавьте вклады и проведите жеребьёвку.

error-lot-not-committed = Сначала покажите обязательство (хэш), затем соберите вклады присутствующих.

error-lot-too-few-members = Для жеребьёвки нужно { $needed } членов комиссии, кроме председателя и секретаря; присутствует { $present }, не хватает { $missing ->
        [one] { $missing } члена
        [few] { $missing } членов
       *[many] { $missing } членов
    }.

error-lot-count-too-small = Для голосования вне помещения жребием выбираются не менее { $minimum } членов комиссии (§24).

error-lot-commitment-format = Обязательство должно быть хэшем SHA-256 (64 шестнадцатеричных знака).

error-lot-secret-mismatch = Раскрытый секрет не совпадает с показанным обязательством: жеребьёвка остановлена.

error-lot-no-contribution = Добавьте хотя бы один вклад присутствующих (например, число, названное наблюдателем).

error-lot-empty-contribution = В каждом вкладе должны быть указаны, кто его сделал и какое значение названо.

error-lot-no-randomness = Не удалось получить случайное число.

error-safe-already-opened = Сейф уже вскрыт.

error-safe-explanation-required = В бумажном списке { $paper }, в электронном { $electronic }: укажите причину расхождения.

error-sealing-box-id-required = Укажите название или номер ящика.

error-sealing-duplicate-box = Ящик «{ $box }» уже опечатан.

error-sealing-seal-required = Укажите номер хотя бы одной пломбы.

error-sealing-duplicate-seal = Пломба № { $seal } уже использована.

error-sealing-finished = Опечатывание завершено; добавить стационарный ящик нельзя.

error-sealing-nothing-sealed = Завершить можно только после опечатывания хотя бы одного ящика или АСУ.

error-sealing-too-many-portable = Переносных ящиков может быть не больше { $max } (§23).

error-sealing-portable-outside-hours = Переносные ящики опечатываются накануне дня голосования, перед голосованием вне помещения (§22, §25).

error-sealing-portable-needs-lot = Сначала жребием определите членов комиссии для голосования вне помещения (§24).

error-sealing-aeu-at-regular = На этом участке нет АСУ.

error-ballots-remote-prints-on-demand = Участок дистанционного голосования печатает бюллетени по требованию: вместо бюллетеней запишите запас бумаги и показание счётчика принтера.

error-ballots-regular-has-stock = Этот участок получает бюллетени от вышестоящей комиссии: запишите число полученных бюллетеней.

error-ballots-already-received = Полученные бюллетени уже записаны.

error-ballots-not-received = Сначала запишите и пересчитайте полученные бюллетени (§35).

error-ballots-explanation-required = Объявлено { $announced }, при пересчёте { $recounted }: укажите причину расхождения.

error-ballots-out-of-premises-exceeds = Бюллетеней для голосования вне помещения не может быть больше полученных.

error-ballots-unknown-member = «{ $member }» нет в составе комиссии.

error-ballots-batch-size = Члену комиссии выдаётся не более { $max } бюллетеней за раз (§36).

error-ballots-not-enough = У председателя осталось только { $available } { $available ->
        [one] бюллетень
        [few] бюллетеня
       *[many] бюллетеней
    }.

error-ballots-none-issued = Членам комиссии не выдано ни одного бюллетеня.

error-ballots-already-finished = Выдача бюллетеней уже завершена.

error-ballots-paper-already-recorded = Запас бумаги уже записан.

error-polls-too-early = Голосование начинается в { $time } (§31).

error-polls-after-close = Время голосования истекло.

error-polls-already-open = Голосование уже открыто.


## Out-of-premises voting (§21–30).

error-oop-not-here = На участке дистанционного голосования голосование вне помещения не проводится (R1.7).
error-oop-application-late = Заявления принимаются не позднее чем за 3 календарных дня до голосования, до { $date } включительно (§22).
error-oop-application-incomplete = В заявлении должны быть фамилия и имя избирателя, адрес и причина, по которой он не может прийти (§22).
error-oop-outside-hours = Голосование вне помещения проводится только { $date } с 08:00 до 20:00 (§22).
error-oop-unknown-application = В реестре нет заявления № { $number }.
error-oop-already-served = Избиратель по заявлению № { $number } уже проголосовал.
error-oop-not-a-portable-box = «{ $box }» — не опечатанный переносной ящик.
error-oop-slot-sealed = Прорезь переносного ящика «{ $box }» уже опечатана.
error-oop-document-required = Укажите серию и номер документа избирателя (§28).
error-oop-slots-open = Сначала опечатайте прорези переносных ящиков: { $boxes } (§29).
error-oop-closed = Голосование вне помещения уже закрыто.
error-oop-ballots-do-not-add-up = Бюллетени не сходятся: взято { $taken }, выдано { $issued }, не использовано { $unused }, испорчено { $spoiled }.
error-demo-day-under-way = День на этом участке уже идёт: подготовленное утро демонстрации записывается только в новый журнал.
