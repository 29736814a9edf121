# Identifying voters and giving them a ballot (§37–42, R3.1–R3.2, R4.2–R4.3).
# Refusals of domain::identification and of the api's identification desk.

error-identification-under-age = Избиратель не достигает 18 лет в день голосования (полных лет: { $age }) и не имеет права голоса.
error-identification-not-in-list = Избиратель не включён в список этого участка: он зарегистрирован на участке № { $station } (§37).
error-identification-unknown-district = Округ избирателя «{ $district }» не участвует в этих выборах.
error-identification-community-too-recent =
    Избиратель зарегистрирован по адресу только с { $date }: членом местного сообщества округа считается тот, кто зарегистрирован не менее { $days ->
        [one] { $days } дня
        [few] { $days } дней
        [many] { $days } дней
       *[other] { $days } дня
    } до дня голосования (R3.1). Дистанционное голосование невозможно.
error-identification-own-district-other-station =
    Избиратель находится в пределах своего округа { $district }, но не на своём участке: дистанционное голосование в своём округе не допускается (R1.6, R4.3). Предложите ему проголосовать на своём участке № { $station } или на участке другого округа.
error-identification-too-many-attempts = Попыток сканирования отпечатков пальцев не может быть больше { $max } (R4.2).
error-identification-no-attempt = Отпечаток пальца ещё не сканировался.
error-identification-face-not-here = Идентификация по геометрии лица применяется только на участке дистанционного голосования (R4.2).
error-identification-face-too-early =
    По лицу идентифицируют только после { $max } неудачных попыток по отпечаткам пальцев (R4.2); сделано { $attempts ->
        [one] { $attempts } попытка
        [few] { $attempts } попытки
        [many] { $attempts } попыток
       *[other] { $attempts } попытки
    }.
error-identification-give-up-too-early =
    { $face ->
        [yes] Акт о невозможности идентификации составляется после { $attempts } попыток по отпечаткам пальцев и попытки по лицу (R4.2, §37).
       *[no] Акт о невозможности идентификации составляется после { $attempts } попыток по отпечаткам пальцев (§37).
    }
error-identification-already-identified = Этот избиратель уже прошёл идентификацию: повторная идентификация не допускается (R3.2).
error-voting-not-open = Голосование ещё не открыто: избирателей идентифицируют после открытия участка в { $time } (§31–37).
error-voting-closed = Голосование окончено: после закрытия участка бюллетени не выдаются (§49).
error-ballot-printed-only-remote = Бюллетени по требованию печатаются только на участке дистанционного голосования (R4.2).
error-ballot-nobody-waiting = Нет идентифицированного избирателя округа «{ $district }», ожидающего бюллетень.
error-list-not-identified = Этот избиратель не идентифицирован на участке: внести его в список нельзя.
error-list-already-listed = Избиратель уже расписался в списке.
error-ballot-remote-prints = На участке дистанционного голосования бюллетень печатает устройство идентификации (R4.2).
error-ballot-no-receipt = Бюллетень выдаётся только по чеку идентификации избирателя, расписавшегося в списке (§41).
error-ballot-members-have-none =
    У членов комиссии не осталось бюллетеней для выдачи: им выдано { $issued ->
        [one] { $issued } бюллетень
        [few] { $issued } бюллетеня
        [many] { $issued } бюллетеней
       *[other] { $issued } бюллетеня
    } (§36).
error-turnout-not-a-report = Этап «{ $step }» не является сведениями о явке.

error-identification-not-in-register = Избирателя с этим персональным номером нет в списке избирателей (реестре), загруженном на участке (R4.2, шаг 3).
error-desk-busy = У стола идентификации уже есть избиратель: завершите его идентификацию или нажмите «Следующий избиратель».
error-desk-idle = У стола идентификации нет избирателя: сначала прочитайте документ.
error-desk-photo-first = Сначала сравните фотографию в документе с избирателем (R4.2, шаг 2).
error-desk-already-decided = Идентификация этого избирателя уже завершена.
error-desk-not-identified = Избиратель ещё не идентифицирован.
error-desk-ballot-already-printed = Бюллетень этому избирателю уже напечатан; повторный печатается только по акту председателя (R4.4).
error-desk-ballot-already-issued = Бюллетень этому избирателю уже выдан.
error-desk-mrz-invalid = Машиночитаемая зона документа прочитана с ошибкой в поле «{ $field }»: приложите документ ещё раз.
error-desk-wrong-document =
    Документ не того вида, что выбран: { $document ->
        [id-card] выбрана ID-карта
        [passport] выбран общегражданский паспорт
        [diplomatic-passport] выбран дипломатический паспорт
        [service-passport] выбран служебный паспорт
       *[other] { $document }
    }. Выберите вид предъявленного документа.
error-desk-not-a-citizen = Документ выдан не гражданину Кыргызской Республики (гражданство: { $nationality }).
error-desk-no-personal-number = В машиночитаемой зоне документа нет персонального номера (ПИН).
error-desk-document-expired = Срок действия документа истёк.
error-desk-no-document = На считывателе нет документа.
error-desk-document-unreadable = Машиночитаемую зону документа не удалось прочитать: приложите документ ещё раз.
error-desk-no-code = QR-код не предъявлен.
error-desk-code-unreadable = QR-код не удалось прочитать: покажите его ещё раз.
error-desk-not-a-digital-passport = Это не QR-код цифрового паспорта «Түндүк».
error-desk-digital-passport-damaged = QR-код цифрового паспорта повреждён или изменён.
error-desk-no-reference = Для этого избирателя нет биометрического образца: идентификация по устройству невозможна.
error-device-absent =
    Устройство «{ $device ->
        [camera] Камера
        [document-reader] Считыватель документов
        [qr-reader] QR-сканер
        [fingerprint-scanner] Сканер отпечатков
        [face-matcher] Распознавание лица
        [ballot-printer] Принтер ПИТ
        [document-printer] Принтер документов
        [aeu] АСУ
        [smart-card] Смарт-карта
        [observer-display] Обзорный монитор
       *[other] { $device }
    }» не подключено.
error-device-fault =
    Устройство «{ $device ->
        [camera] Камера
        [document-reader] Считыватель документов
        [qr-reader] QR-сканер
        [fingerprint-scanner] Сканер отпечатков
        [face-matcher] Распознавание лица
        [ballot-printer] Принтер ПИТ
        [document-printer] Принтер документов
        [aeu] АСУ
        [smart-card] Смарт-карта
        [observer-display] Обзорный монитор
       *[other] { $device }
    }» неисправно.
error-device-busy = Устройство «{ $device }» занято: повторите через несколько секунд.
error-device-timeout = Устройство «{ $device }» не ответило вовремя: повторите.
error-device-cancelled = Операция с устройством «{ $device }» отменена.
error-device-protocol = Устройство «{ $device }» ответило не по протоколу: сообщите в техническую поддержку ЦИК.
error-printer-jammed = В принтере замялась бумага: устраните замятие и напечатайте снова.
error-printer-out-of-paper = В принтере закончилась бумага: вложите бумагу и напечатайте снова.
error-keys-unavailable = Ключ участка «{ $path }» недоступен: { $detail }
error-register-missing = Список избирателей (реестр) на участке не загружен: загрузите его, прежде чем идентифицировать избирателей.
error-register-other-key = Список избирателей загружен с другим ключом участка: загрузите его заново на этом компьютере.
error-simulation-off = Имитация избирателей доступна только на имитированных устройствах (демонстрация, обучение).
error-simulation-no-such-voter = В учебном списке не осталось избирателя такого рода.
error-simulation-nobody-identified = Ещё никто не идентифицирован: повторно прийти некому.
