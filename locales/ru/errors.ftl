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
