# The identification desk (§37–42, R4.2–R4.3), the turnout panel (§38) and the
# simulated voters of the demo and training.

tab-desk = Идентификация
desk-title = Идентификация избирателя
desk-choose-document = Какой документ предъявил избиратель?
document-id-card = ID-карта
document-passport = Общегражданский паспорт
document-diplomatic-passport = Дипломатический паспорт
document-service-passport = Служебный паспорт
document-tunduk-digital-passport = Цифровой паспорт «Түндүк»
desk-step-document = Документ
desk-step-photo = Сверка фото
desk-step-register = В списке
desk-step-eligibility = Право голосовать здесь
desk-step-biometrics = MRZ и отпечатки / лицо
desk-step-ballot = Бюллетень напечатан
desk-step-list = Подпись в списке
desk-step-booth = Кабина
desk-step-urn = Бюллетень в АСУ
desk-step-receipt = Чек
desk-step-paper-list = Подпись в бумажном списке
desk-step-ballot-issued = Бюллетень выдан
desk-photo = Фотография избирателя
desk-born = Дата рождения: { $date }
desk-ballot-of = Бюллетень округа { $designation }
desk-registered-at = Зарегистрирован на участке № { $station }
desk-compare-photo = Сравните фотографию в документе с лицом избирателя (R4.2, шаг 2).
desk-photo-matches = Фото совпадает
desk-attempts = Попытки по отпечаткам пальцев: { $attempts } из { $max }
attempt-match = Отпечаток совпал.
attempt-no-match = Отпечаток не совпал: попросите приложить палец ещё раз.
attempt-low-quality = Отпечаток плохого качества: протрите сканер и приложите палец ещё раз.
attempt-no-finger = Палец не приложен.
attempt-no-face = Лицо не в кадре: попросите избирателя посмотреть в камеру.
desk-scan-finger = Сканировать отпечаток
desk-scan-face = Идентифицировать по лицу
desk-give-up = Составить акт о невозможности идентификации
desk-failed = Избиратель не идентифицирован: составлен акт № { $number } в двух экземплярах, один экземпляр вручите избирателю. Избиратель не голосует (§37).
desk-identified = Избиратель идентифицирован по отпечатку пальца.
desk-identified-face = Избиратель идентифицирован по геометрии лица.
desk-receipt-printed = Чек напечатан.
desk-receipt-not-printed = Чек не напечатан.
desk-ballot-printed = Напечатан бюллетень округа { $designation }.
desk-ballot-not-printed = Бюллетень округа { $designation } не напечатан.
desk-print-again = Напечатать снова
desk-list-remote = Внесите избирателя в список участников дистанционного голосования; избиратель проверяет запись и расписывается (R4.2, шаг 7).
desk-list-paper = Впишите серию и номер документа в бумажный список; избиратель расписывается (§39, §42).
desk-signed = Избиратель расписался
desk-issue-hint = Член комиссии, выдающий бюллетени, принимает чек и выдаёт бюллетень (§41).
desk-issue-ballot = Бюллетень выдан по чеку
desk-done-remote = Готово: избиратель идёт в кабину, затем опускает бюллетень в АСУ.
desk-done-regular = Готово: избиратель идёт в кабину.
desk-next-voter = Следующий избиратель
voting-identified =
    Идентифицировано { $count ->
        [one] { $count } избиратель
        [few] { $count } избирателя
        [many] { $count } избирателей
       *[other] { $count } избирателя
    }.

turnout-hint = Столько избирателей получили чек идентификации (и проголосовали вне помещения накануне). Сообщите эту цифру в вышестоящую комиссию.
turnout-report = Сведения переданы
turnout-reported = Передано: { $figure } (в { $time }).
turnout-history = Переданные сведения о явке

simulation-title = Имитация: кто подходит к столу
simulation-send = Подходит избиратель
simulation-arrival = Подошёл(а) { $name } — { $document }; зарегистрирован(а) на участке № { $station }.
voter-case-eligible = Избиратель, который может голосовать здесь
voter-case-other-district = Избиратель другого округа
voter-case-own-district-other-station = Избиратель этого округа с другого участка
voter-case-recently-registered = Зарегистрирован менее 90 дней назад
voter-case-fingerprints-fail-ten = Отпечатки не проходят 10 раз, лицо проходит
voter-case-never-recognised = Не распознаётся ни по отпечаткам, ни по лицу
voter-case-not-in-register = Нет в списке избирателей
voter-case-already-identified = Приходит второй раз
voter-case-digital-passport = С цифровым паспортом «Түндүк»

tab-setup = Настройка участка
setup-register-title = Список избирателей (реестр)
setup-register-loaded = Загружено избирателей: { $voters }; из них в списке этого участка: { $here }.
setup-register-hint = Файл CSV от ЦИК (формат — docs/voter-register.md): список участка или национальная выгрузка для участка дистанционного голосования. Персональные номера сохраняются только как ключевые хэши.
setup-register-import = Загрузить
setup-register-progress = Обработано строк: { $rows }
setup-register-report = Прочитано строк: { $read }; загружено: { $imported }; отклонено: { $rejected }.
setup-register-problems =
    { $count ->
        [one] { $count } строка с ошибкой
        [few] { $count } строки с ошибками
        [many] { $count } строк с ошибками
       *[other] { $count } строки с ошибками
    } (хорошие строки загружены):
desk-document-number = Номер документа (для бумажного списка): { $number }
turnout-reminder = { $step } — пора передать в вышестоящую комиссию: { $figure }.
turnout-reminder-open = Открыть
