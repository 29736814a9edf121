# Training mode (issue 9): scenarios and scripted trainees (domain::scenario,
# domain::trainee), the trainer's clock, the trainer's console, the debrief
# (domain::debrief, api::training) and `uchastok train run`.
# $field is the path of the field at fault in the file, $value what the file says there.

## Problems of a scenario or an actions file

training-error-syntax =
    { $line ->
        [0] Файл не читается, в его структуре ошибка: { $detail }
       *[other] Файл не читается, ошибка в строке { $line }: { $detail }
    }
training-error-missing-field = Не заполнено поле «{ $field }».
training-error-bad-value = Поле «{ $field }»: «{ $value }» — недопустимое значение. Допустимые значения: { $allowed }.
training-error-bad-time = Поле «{ $field }»: «{ $value }» — не время участка. Пишите ЧЧ:ММ, для дня накануне «-1 ЧЧ:ММ», для следующего дня «+1 ЧЧ:ММ».
training-error-out-of-range = Поле «{ $field }»: { $value } — вне допустимых пределов, от { $min } до { $max }.
training-error-format-version = Поле «{ $field }»: файл в формате версии { $value }, а эта программа читает только версию { $supported }.
training-error-bad-id = Поле «{ $field }»: «{ $value }» — недопустимый идентификатор: только строчные латинские буквы, цифры и дефис.
training-error-outside-day = Поле «{ $field }»: время { $value } вне дней выборов (с начала дня накануне до 08:00 следующего дня).
training-error-ends-before-start = Поле «{ $field }»: сценарий заканчивается не позже, чем начинается.
training-error-starts-before-polls = Поле «{ $field }»: сценарий, начинающийся с открытого голосования, не может начаться раньше 08:00 дня выборов.
training-error-voters-before-at-start = Поле «{ $field }»: избиратели до начала сценария бывают только при этапе polls-open.
training-error-portable-at-remote = Поле «{ $field }»: на участке дистанционного голосования нет голосования вне помещения.
training-error-portable-at-start = Поле «{ $field }»: избиратели вне помещения записываются только при этапе polls-open.
training-error-event-outside-scenario = Поле «{ $field }»: событие в { $value } вне времени сценария.
training-error-events-out-of-order = Поле «{ $field }»: события должны идти по порядку времени.
training-error-remote-only = Поле «{ $field }»: такое бывает только на участке дистанционного голосования (demo = "remote").
training-error-no-portable-box = Поле «{ $field }»: переносного ящика нет — укажите portable_voters больше нуля.
training-error-wrong-demo = Поле «{ $field }»: демонстрационные выборы другого типа участка.
training-error-unknown-contest = Поле «{ $field }»: округа «{ $value }» нет среди округов, считаемых на этом участке.
training-error-unknown-option = Поле «{ $field }»: варианта «{ $value }» нет в бюллетене этого округа.
training-error-actions-out-of-order = Поле «{ $field }»: действия должны идти по порядку времени.
training-error-demo-unreadable = Демонстрационные выборы сценария не читаются: { $detail }
training-error-unknown-scenario = Сценария «{ $scenario }» нет.
training-error-no-scenario = Учебный сценарий не загружен.
training-error-folder-in-use = Папка «{ $path }» уже занята: новый сценарий начинается в новой папке.
training-error-not-refused = Действие должно было быть отклонено (код { $code }), но было выполнено.
training-error-clock-not-training = Часами можно управлять только на учебных выборах.
training-error-clock-fixed = Часы этого участка не учебные: ими нельзя управлять.
training-error-clock-backwards = Нельзя перевести часы назад на { $time }: время журнала не идёт назад. Для нового прогона загрузите сценарий заново.
training-error-clock-speed = Скорость часов — от 1 до { $max }.

## The scenario's happenings, as the console's timeline says them

training-happening-device-fault = { $device }: { $fault }
training-happening-device-repair = { $device }: исправлено
training-happening-power-cut = Отключение света на { $minutes } мин.
training-happening-voter = К столу подходит избиратель: { $case }
training-happening-spoiled-ballot =
    { $again ->
        [yes] Тот же испорченный бюллетень предъявляют ещё раз
       *[other] Избиратель испортил бюллетень и просит повторный
    }
training-happening-aeu-miscount = { $device } засчитывает { $ballots } бюллетеня(ей) «{ $from }» за «{ $to }» ({ $contest })
training-happening-portable-box-excess = В переносном ящике { $box } на { $extra } бюллетень(я) больше, чем обслужено избирателей
training-happening-recount-demand = Наблюдатель { $observer } требует пересчёта ({ $contest })
training-happening-complaint = { $from } подаёт жалобу: «{ $text }»
training-happening-citizen-observer = { $name } (аккредитация { $accreditation }) просит зарегистрировать его международным наблюдателем; он гражданин Кыргызской Республики

## The debrief

training-debrief-title = Разбор учебных выборов
training-debrief-scenario = Сценарий
training-debrief-trainee = Обучаемый
training-debrief-horizon = Оценено по
training-debrief-deviations = Отклонения
training-debrief-no-deviations = Отклонений нет.
training-debrief-times = Время процедур
training-debrief-counts = Подсчёт против истинных отметок
training-debrief-protocol-error = Ошибка протокола (бюллетеней)
training-debrief-at = Время
training-debrief-clause = Пункт
training-debrief-deviation = Отклонение
training-debrief-procedure = Процедура
training-debrief-from = С
training-debrief-done = Выполнено
training-debrief-minutes = Минут
training-debrief-line = Строка
training-debrief-counted = Посчитано
training-debrief-truth = Истина
training-count-in-boxes = Бюллетеней в ящиках
training-count-invalid = Недействительные бюллетени

training-rule-turnout-missed = Явка на { $hour } не сообщена до { $deadline }.
training-rule-step-late = «{ $step }» не выполнено до { $deadline }.
training-rule-aeu-results-late = Данные АСУ не сняты до { $deadline }.
training-rule-aeu-failure-not-recorded = Выход из строя { $device } в { $time } не зафиксирован.
training-rule-act-missing = Не составлен акт «{ $kind }» (событие в { $time }).
training-rule-device-stop-not-recorded = Остановка устройства «{ $device }» в { $time } не зафиксирована.
training-rule-power-cut-not-recorded = Отключение света в { $time } ({ $minutes } мин.) не зафиксировано вместе с его окончанием.
training-rule-voter-not-identified = Избиратель в { $time } ({ $case }) имел право голосовать, но не был идентифицирован.
training-rule-voter-wrongly-identified = Избиратель в { $time } ({ $case }) не имел права голосовать здесь, но был идентифицирован.
training-rule-duplicate-twice = В { $time } по одному испорченному бюллетеню напечатан второй повторный бюллетень.
training-rule-portable-excess-not-declared = Переносной ящик { $box }: обслужено { $served }, в ящике { $found }, объявлено { $declared } — превышение не объявлено, бюллетени не признаны недействительными.
training-rule-recount-not-held = Требование наблюдателя { $observer } о пересчёте ({ $contest }, { $time }) не записано.
training-rule-complaint-not-recorded = Жалоба { $from } в { $time } не зарегистрирована или не решена.
training-rule-citizen-as-international-observer = { $name }, гражданин Кыргызской Республики, зарегистрирован международным наблюдателем.
training-rule-count-copied-from-aeu = { $contest }: итоги переписаны с АСУ, а не посчитаны вручную.
training-rule-count-wrong-pile = { $contest }: бюллетени разложены не в те пачки (расхождение { $off }).
training-rule-count-total-differs = { $contest }: посчитано бюллетеней { $counted }, а опущено { $cast }.
training-rule-count-missing = { $contest }: подсчёт не внесён.

training-time-step = { $step }
training-time-aeu-results = Данные АСУ после закрытия
training-time-device-fault = Ответ на неисправность: { $device }
training-time-device-repair = Исправление: { $device }
training-time-power-cut = Ответ на отключение света
training-time-voter = Избиратель: { $case }
training-time-spoiled-ballot = Повторный бюллетень
training-time-aeu-miscount = Расхождение АСУ
training-time-portable-box-excess = Переносной ящик { $box }
training-time-recount-demand = Требование пересчёта: { $observer }
training-time-complaint = Жалоба: { $from }
training-time-citizen-observer = Просьба о регистрации: { $name }

## The journal's events, as the trainee's actions

training-event-other = Запись журнала: { $kind }
training-event-election-loaded = Загружено определение выборов
training-event-step-completed = Выполнено: { $step }
training-event-person-arrived = Прибыл(а): { $name } ({ $category })
training-event-person-left = Присутствовавший № { $person } ушёл
training-event-lot-committed = Жеребьёвка: обязательство записано
training-event-lot-drawn = Жеребьёвка проведена
training-event-safe-opened = Сейф открыт; избирателей в списке: { $voters }
training-event-box-sealed = Ящик { $box } опечатан
training-event-sealing-finished = Опечатывание закончено
training-event-ballots-received = Получено бюллетеней: { $count }
training-event-ballots-issued-to-member = Члену комиссии { $member } выдано бюллетеней: { $count }
training-event-ballot-issue-finished = Выдача бюллетеней членам закончена
training-event-paper-stock-recorded = Записан запас бумаги: { $count }
training-event-polls-opened = Голосование открыто
training-event-application-registered = Зарегистрировано заявление о голосовании вне помещения
training-event-out-of-premises-voter-served = Избиратель вне помещения обслужен (ящик { $box })
training-event-portable-box-slot-sealed = Прорезь переносного ящика { $box } опечатана
training-event-out-of-premises-closed = Голосование вне помещения закончено
training-event-act-drawn-up = Акт № { $number }: { $kind }
training-event-voter-identified = Избиратель идентифицирован ({ $contest }, { $method })
training-event-identification-failed = Идентификация не удалась
training-event-ballot-printed = Бюллетень напечатан ({ $contest })
training-event-voter-listed = Избиратель внесён в список
training-event-ballot-issued-to-voter = Бюллетень выдан избирателю
training-event-turnout-reported =
    { $count ->
        [one] Явка сообщена ({ $step }): { $count } избиратель
        [few] Явка сообщена ({ $step }): { $count } избирателя
        [many] Явка сообщена ({ $step }): { $count } избирателей
       *[other] Явка сообщена ({ $step }): { $count } избирателя
    }
training-event-polls-closed =
    { $count ->
        [one] Голосование закрыто; проголосовал { $count } избиратель
        [few] Голосование закрыто; проголосовали { $count } избирателя
        [many] Голосование закрыто; проголосовали { $count } избирателей
       *[other] Голосование закрыто; проголосовали { $count } избирателя
    }
training-event-unused-ballots-cancelled = Погашено неиспользованных бюллетеней: { $count }
training-event-list-totals-recorded = Итоги списка записаны; подписей: { $count }
training-event-portable-box-opened = Переносной ящик { $box } вскрыт; бюллетеней: { $count }
training-event-aeu-results-recorded = Данные АСУ сняты; бюллетеней: { $count }
training-event-count-entered = Подсчёт внесён ({ $contest }), вносил(а) { $member }
training-event-recount-demanded = { $name } требует пересчёта ({ $contest })
training-event-signed-protocol = Протокол № { $number } подписан
training-event-correction-started = Начато исправление протокола
training-event-complaint-received = Жалоба принята: { $name }
training-event-complaint-decided = Решение по жалобе № { $number }
training-event-dissent-attached = Приложено особое мнение
training-event-packets-sealed = Пакеты опечатаны
training-event-delivered = Документы доставлены в вышестоящую комиссию
training-event-chair-card-registered = Карта председателя зарегистрирована
training-event-duplicate-authorised = Повторный бюллетень разрешён картой председателя ({ $contest })
training-event-duplicate-printed = Повторный бюллетень напечатан ({ $contest })
training-event-ballot-spoiled = Испорченный бюллетень принят
training-event-aeu-failed = Выход из строя { $box } зафиксирован
training-event-switched-to-reserve-aeu = Переход на резервную АСУ { $box }
training-event-switched-to-transparent-box = Переход на прозрачный ящик { $box }
training-event-device-stopped = Остановка: { $device }
training-event-device-resumed = Возобновление: { $device }
training-event-power-cut = Зафиксировано отключение света
training-event-power-restored = Свет восстановлен
training-event-assistance-given = Избирателю оказана помощь
training-event-station-key-registered = Ключ участка зарегистрирован
training-event-checkpoint-signed = Контрольная точка журнала подписана

## uchastok train

cli-train-invalid =
    { $file }: { $count ->
        [one] найдена { $count } ошибка
        [few] найдены { $count } ошибки
       *[many] найдено { $count } ошибок
    }:
cli-train-unknown-scenario = Сценария «{ $scenario }» нет и такого файла нет. Поставляемые сценарии: { $known }.
cli-train-other-scenario = Действия написаны для сценария «{ $actions }», а запущен сценарий «{ $scenario }».
cli-train-action-failed = Действие № { $action } не выполнено так, как написано: { $detail }
cli-train-write-failed = Не удалось записать файл «{ $file }»: { $detail }
cli-train-pdf = Разбор в PDF: { $path }
cli-train-csv = Строка разбора добавлена в сводку группы: { $path }

## The trainer's console (#trainer)

menu-open-trainer = Открыть консоль тренера
training-error-not-a-mock-election = Учебные сценарии загружаются только на учебных выборах: этот участок работает по настоящим выборам.
training-console-title = Консоль тренера
training-console-scenarios = Сценарии
training-console-load = Загрузить
training-console-demo-remote = участок дистанционного голосования
training-console-demo-city = обычный участок
training-console-window = { $starts } – { $ends }
training-console-no-run = Сценарий не загружен. Выберите сценарий из списка и загрузите его: откроется новый учебный участок.
training-console-folder = Папка прогона: { $folder }
training-console-trainee = Обучаемый
training-console-save-trainee = Записать
training-console-clock = Часы участка
training-console-start = Пуск
training-console-pause = Пауза
training-console-paused = на паузе
training-console-running = идут ×{ $speed }
training-console-speed = Скорость
training-console-jump = Перейти к
training-moment-day-before = накануне, 08:00
training-moment-opening = 07:00
training-moment-polls-open = 08:00
training-moment-polls-close = 20:00
training-moment-aeu-deadline = 21:00
training-moment-delivery = 06:00 следующего дня
training-console-devices = Устройства
training-console-break = Сломать
training-console-repair = Исправить
training-console-timeline = План сценария
training-console-pending = ожидается
training-console-happened = произошло в { $time }
training-console-feed = Действия обучаемого
training-console-feed-empty = Пока никаких действий.
training-console-debrief = Разбор
training-console-show-debrief = Показать разбор
training-console-save-pdf = Сохранить разбор в PDF
training-console-saved = Сохранено: { $path }
training-console-over = Время сценария вышло: разбор готов.
training-console-leave = Выйти из учебного сценария
