# The district commission's side (§72–80, R5.5–R5.9): refusals of domain::dec and
# api::dec, the flags of the summary table, the grounds of §80, the commission's
# documents, its journal's events in words, and its window (dec-ui-…).
# $station is a station's number; $count and $…count are numbers; times are local.

## Refusals
error-dec-not-set-up = Комиссия ещё не настроена: выберите выборы и округ.
error-dec-already-set-up = Комиссия уже настроена на выборы и округ; настройка не меняется.
error-dec-unknown-district = В определении выборов нет округа «{ $district }».
error-dec-no-commission-name = Укажите название комиссии: оно печатается в её протоколе.
error-dec-bad-key = Ключ имеет неверный вид: ключ участка — Ed25519 (64 шестнадцатеричные цифры), ключ карты — Ed25519 или ECDSA P-256.
error-dec-no-station-number = Укажите номер участка.
error-dec-station-registered = Участок { $station } уже зарегистрирован со своим ключом.
error-dec-key-reused = Этот ключ уже зарегистрирован (участок { $station } или ключ самой комиссии): один ключ — одна подпись.
error-dec-registration-closed = Ключи регистрируются до дня голосования (церемония ключей); в день голосования и после регистрация закрыта.
error-dec-unknown-station = Участок { $station } не зарегистрирован в этой комиссии.
error-dec-other-election = Пакет относится к выборам «{ $election }», а комиссия — к другим.
error-dec-training-mismatch = Учебный и настоящий режимы не смешиваются: пакет и комиссия в разных режимах.
error-dec-already-imported = Этот пакет участка { $station } уже принят.
error-dec-older-bundle = Пакет № { $sequence } старше уже полученного № { $highest }: повтор старого пакета отклонён.
error-dec-no-conflict = У участка { $station } нет конфликта пакетов.
error-dec-unknown-bundle = Такого пакета у участка { $station } нет.
error-dec-no-reason = Укажите причину решения.
error-dec-no-results = От участка { $station } ещё нет принятых результатов.
error-dec-recount-marked = Результаты участка { $station } уже отмечены как пересчёт (§78).
error-dec-set-aside-already = Результаты участка { $station } уже признаны недействительными.
error-dec-not-remote = Участок { $station } — не участок дистанционного голосования: отдельно признать недействительными можно только результаты дистанционного голосования (п. 5.9).
error-dec-ground-scope = Основание п. 5.9 относится только к результатам дистанционного голосования, основания §80 — ко всем результатам участка.
error-dec-no-decision = Укажите решение комиссии (номер, обстоятельства).
error-dec-not-set-aside = Результаты участка { $station } не признавались недействительными.
error-dec-folder-unreadable = Папку { $path } нельзя прочитать: { $detail }.
error-dec-file-unreadable = Файл { $path } нельзя прочитать: { $detail }.
error-dec-key-unreadable = Это не файл ключа участка и не текст его QR-кода (UCHKEY1/…). { $detail }
error-dec-key-other-election = Ключ выдан для выборов «{ $election }», а комиссия работает на выборах «{ $expected }».
error-dec-import-running = Импорт уже идёт: дождитесь его окончания.
dec-import-conflict = Пакет № { $sequence } участка { $station } действителен, но отличается от принятого: это конфликт, решите его.

## Flags of the summary table
dec-flag-relation = Нарушено контрольное соотношение «{ $relation }» (§63).
dec-flag-aeu =
    Предварительные данные АСУ расходятся с ручным подсчётом (АСУ / вручную): { $details }{ $processed ->
        [differs] ; обработано бюллетеней { $aeu_processed } / { $manual_processed }
       *[same] {""}
    }. Пересчёт не проводился (§56, §62).
dec-flag-missing =
    Действительного пакета нет{ $count ->
        [0] .
        [one] ; отклонён { $count } пакет.
        [few] ; отклонено { $count } пакета.
        [many] ; отклонено { $count } пакетов.
       *[other] ; отклонено { $count } пакета.
    }
dec-flag-late =
    Доставлено { $delivered } — позже срока { $deadline } (§67){ $source ->
        [journal] ; время из журнала участка.
       *[import] ; время импорта.
    }
dec-flag-conflict =
    { $count ->
        [one] Получен ещё { $count } действительный пакет
        [few] Получено ещё { $count } действительных пакета
        [many] Получено ещё { $count } действительных пакетов
       *[other] Получено ещё { $count } действительного пакета
    } (№ { $sequences }), отличающийся от принятого: решите конфликт.
dec-flag-no-contest = В результатах участка нет данных по округу { $contest }.
dec-flag-form-differs = Данные участка составлены не по форме протокола этих выборов.
dec-flag-kind-relation = Контрольное соотношение
dec-flag-kind-aeu = АСУ и ручной подсчёт
dec-flag-kind-missing = Нет пакета
dec-flag-kind-late = Опоздание
dec-flag-kind-conflict = Конфликт пакетов
dec-flag-kind-no-contest = Нет данных округа
dec-flag-kind-form-differs = Другая форма

## The grounds
dec-ground-s80-unreliable = нарушения не позволяют достоверно определить результаты волеизъявления
dec-ground-s80-affected = нарушения повлияли на волеизъявление избирателей
dec-ground-s80-higher-commission = по решению вышестоящей избирательной комиссии
dec-ground-s80-court = по решению суда
dec-ground-s80-ballots-not-genuine = бюллетени в ящиках признаны недостоверными
dec-ground-r59-remote-voting = нарушения при дистанционном голосовании не позволяют определить волеизъявление его участников

## The commission's documents
dec-protocol-title = Протокол окружной избирательной комиссии об итогах голосования по округу { $designation }
dec-summary-title = Сводная таблица об итогах голосования по округу { $designation }
dec-doc-election = Выборы
dec-doc-voting-day = День голосования
dec-doc-district = Округ
dec-doc-commission = Комиссия
dec-doc-registered = Участков зарегистрировано
dec-doc-received = Получены результаты участков
dec-doc-counted = Результаты учтены
dec-doc-set-aside = Признаны недействительными
dec-doc-missing = Нет действительного пакета
dec-doc-flagged = Участков с расхождениями
dec-doc-section-stations =
    Избирательные участки: { $count ->
        [one] учтён { $count } протокол
        [few] учтено { $count } протокола
        [many] учтено { $count } протоколов
       *[other] учтено { $count } протокола
    }
dec-doc-section-remote =
    Дистанционное голосование (п. 5.5): { $count ->
        [one] учтён { $count } электронный протокол
        [few] учтено { $count } электронных протокола
        [many] учтено { $count } электронных протоколов
       *[other] учтено { $count } электронного протокола
    }
dec-doc-col-number = №
dec-doc-col-line = Строка протокола
dec-doc-col-value = Число
dec-doc-col-option = Позиция бюллетеня
dec-doc-col-station = Участок
dec-doc-col-reasons = Причины
dec-doc-col-ground = Основание
dec-doc-col-decision = Решение
dec-doc-col-recount = Пересчёт
dec-doc-col-marks = Отметки
dec-doc-votes = Голоса по позициям бюллетеня
dec-doc-valid = Действительных бюллетеней
dec-doc-invalid = Недействительных бюллетеней
dec-doc-flags = Участки с расхождениями
dec-doc-set-aside-heading = Результаты, признанные недействительными (§80, п. 5.9)
dec-doc-recounts-heading = Пересчёты
dec-doc-recount-at-station = «Пересчёт» на участке (§62)
dec-doc-recount-ordered = «Пересчёт голосов» по решению вышестоящей комиссии (§78)
dec-doc-mark-set-aside = недействительны
dec-doc-mark-flags =
    { $count ->
        [one] { $count } расхождение
        [few] { $count } расхождения
        [many] { $count } расхождений
       *[other] { $count } расхождения
    }
dec-doc-total = Итого
dec-doc-unsummed = Участки без учтённых результатов
dec-doc-attached = К протоколу прилагаются сводная таблица, особые мнения членов комиссии, поступившие жалобы и принятые по ним решения (§74).
dec-role-chair = Председатель
dec-role-deputy-chair = Заместитель председателя
dec-role-secretary = Секретарь
dec-role-member = Член комиссии

## The commission's journal in words (NIST SP 1500-101 export)
dec-event-commission-set-up = Комиссия настроена на выборы и округ
dec-event-station-registered = Зарегистрирован ключ участка { $station }
dec-event-bundle-accepted = Принят пакет участка { $station }
dec-event-conflict-received = Получен отличающийся пакет участка { $station }
dec-event-bundle-refused = Отклонён пакет участка { $station }
dec-event-conflict-resolved = Решён конфликт пакетов участка { $station }
dec-event-recount-marked = Результаты участка { $station } отмечены как пересчёт
dec-event-results-set-aside = Результаты участка { $station } признаны недействительными
dec-event-results-reinstated = Решение о недействительности результатов участка { $station } отменено

## The window
dec-ui-mode-title = Кто работает на этом компьютере?
dec-ui-mode-hint = Выбор запоминается; его можно изменить, только начав с новой папки данных.
dec-ui-mode-station = Участковая избирательная комиссия
dec-ui-mode-station-hint = День выборов на участке: процедуры, идентификация, подсчёт, протокол и пакет для окружной комиссии.
dec-ui-mode-dec = Окружная избирательная комиссия
dec-ui-mode-dec-hint = Ключи участков, импорт и проверка пакетов, сводная таблица, протокол комиссии.
dec-ui-title = Окружная избирательная комиссия
dec-ui-training = Учебные выборы: результаты не имеют юридической силы
dec-ui-journal = Журнал комиссии: { $events } записей, { $head }
dec-ui-read-only = Файл комиссии открыт только для чтения:
dec-ui-clock = Время комиссии
dec-ui-tab-summary = Сводная таблица
dec-ui-tab-stations = Участки и ключи
dec-ui-tab-import = Импорт пакетов
dec-ui-tab-documents = Документы
dec-ui-tab-refused = Отклонённые пакеты
dec-ui-setup-title = Настройка комиссии
dec-ui-setup-election = Файл определения выборов (.toml)
dec-ui-setup-district = Округ (необязательно: по определению)
dec-ui-setup-commission = Название комиссии
dec-ui-setup-submit = Настроить
dec-ui-register-title = Церемония ключей: зарегистрировать участок
dec-ui-register-hint = Вставьте содержимое файла ключа участка (station-key.json) или текст QR-кода ключа (UCHKEY1/…), затем сверьте отпечаток вслух с экраном участка.
dec-ui-register-text = Ключ участка
dec-ui-register-submit = Зарегистрировать
dec-ui-registered = Участок { $station } зарегистрирован, отпечаток ключа { $fingerprint }.
dec-ui-import-folder = Папка или флешка с пакетами (.zip)
dec-ui-import-submit = Импортировать
dec-ui-import-progress = Проверено { $done } из { $total }
dec-ui-import-done = Принято: { $accepted }, конфликтов: { $conflicts }, уже было: { $already }, отклонено: { $refused }, не прочитано: { $unreadable }.
dec-ui-outcome-accepted = принят
dec-ui-outcome-conflict = конфликт
dec-ui-outcome-already-imported = уже принят
dec-ui-outcome-refused = отклонён
dec-ui-outcome-unreadable = не прочитан
dec-ui-summary-title = Сводная таблица по округу { $designation }
dec-ui-col-station = Участок
dec-ui-total = Итого
dec-ui-unsummed = Без учтённых результатов
dec-ui-totals = Зарегистрировано { $registered }, получено { $received }, учтено { $counted }, недействительны { $set_aside }, нет пакета { $missing }, с расхождениями { $flagged }.
dec-ui-option-totals = Голоса по округу
dec-ui-no-stations = Участков пока нет: зарегистрируйте их ключи.
dec-ui-status-counted = учтён
dec-ui-status-set-aside = недействителен
dec-ui-status-missing = нет пакета
dec-ui-status-not-summed = не суммируется
dec-ui-recount-at-station = Пересчёт (§62)
dec-ui-recount-ordered = Пересчёт голосов (§78)
dec-ui-station-title = Участок { $station }
dec-ui-fingerprint = Отпечаток ключа
dec-ui-co-signers = Ключи со-подписантов
dec-ui-bundle-in-force = Действующий пакет
dec-ui-bundle = № { $sequence }, протокол № { $protocol }, подписан { $signed }, доставлено { $delivered }
dec-ui-not-delivered = нет
dec-ui-checkpoints = Контрольные точки журнала (сверить с протоколом заседания)
dec-ui-flags = Расхождения
dec-ui-no-flags = Расхождений нет.
dec-ui-figures = Данные протокола
dec-ui-conflicts = Отличающиеся пакеты
dec-ui-reason = Причина
dec-ui-keep = Оставить этот пакет
dec-ui-keep-recount = Оставить как пересчёт (§78)
dec-ui-mark-recount = Отметить как пересчёт (§78)
dec-ui-set-aside-title = Признать результаты недействительными
dec-ui-scope-station = Все результаты участка (§80)
dec-ui-scope-remote = Только дистанционное голосование (п. 5.9)
dec-ui-ground = Основание
dec-ui-decision = Решение комиссии
dec-ui-set-aside-submit = Признать недействительными
dec-ui-set-aside = Недействительны с { $at }: { $clause } — { $decision }
dec-ui-reinstate = Отменить решение
dec-ui-resolutions = Решённые конфликты
dec-ui-resolution = { $at }: оставлен { $kept } — { $reason }
dec-ui-refusals = Отклонённые пакеты участка
dec-ui-close = Закрыть
dec-ui-open = Подробнее
dec-ui-print-protocol = Протокол комиссии (PDF)
dec-ui-print-summary = Сводная таблица (PDF)
dec-ui-export-results = Результаты, NIST SP 1500-100 (JSON)
dec-ui-export-events = Журналы, NIST SP 1500-101 (JSON)
dec-ui-export-registry = Реестр ключей, подписанный комиссией
dec-ui-saved = Сохранено: { $path }
dec-ui-no-refusals = Отклонённых пакетов нет.
dec-ui-refused-at = { $at } — { $file }
error-mode-chosen = Сторона уже выбрана для этой папки данных.
