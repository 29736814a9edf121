# Printed records of the opening meeting (api::documents) and their actions in the UI.

doc-election = Выборы
doc-station = Участок №
doc-address = Адрес
doc-time = Время
doc-chair = Председатель
doc-box = Ящик
doc-sheet-time = Время помещения листа
doc-present = Присутствующие
doc-signature = Подпись
doc-arrived = Пришёл
doc-left = Ушёл
doc-ballots-left = Осталось у председателя
doc-lot-title = Запись о жеребьёвке (§32)
doc-lot-out-of-premises-title = Запись о жеребьёвке по голосованию вне помещения (§24)
doc-lot-method = До жеребьёвки программа показала хэш SHA-256 своего секрета; присутствующие добавили свои вклады; зерно = SHA-256(секрет и вклады); распределение зависит только от зерна и списка членов.
doc-lot-members = Члены комиссии, участвовавшие в жеребьёвке (по порядку)
doc-lot-assignment = Результат
doc-lot-verify = Проверка: по данным этой записи команда «uchastok lot verify» пересчитывает результат и сообщает, совпадает ли он.
doc-control-sheet-title = Контрольный лист (§34)
doc-control-sheet-text = Ящик показан пустым всем присутствующим, в него помещён этот лист, ящик опечатан.
doc-ledger-title = Ведомость выдачи бюллетеней членам комиссии (§35–36)
doc-safe-title = Запись о вскрытии сейфа (§33)
doc-attendance-title = Реестр присутствующих (§34, §70)
doc-certified-copies = Заверенных копий для присутствующих: { $count }.
action-print = Печать (PDF)
action-save-lot-record = Сохранить для проверки
document-saved = Сохранено: { $path }
error-document-not-yet = По этому документу ещё ничего не записано.
error-document-write = Документ не сохранён: { $path } ({ $detail })
error-print = Документ не сформирован: { $detail }

doc-oop-registry-title = Реестр заявлений о голосовании вне помещения (§22)
doc-oop-act-title = Акт о голосовании вне помещения (§29)
doc-oop-applications = Заявлений
doc-oop-voters = Проголосовало
doc-oop-ballots-taken = Взято бюллетеней
doc-oop-ballots-issued = Выдано бюллетеней
doc-oop-receipts-issued = Напечатано чеков
doc-oop-unused = Не использовано, возвращено
doc-oop-spoiled = Испорчено, возвращено

# Acts (numbered per station) and their register.
doc-act-register-title = Реестр актов
doc-act-kind = Акт
doc-act-clause = Пункт
doc-act-number = Номер акта
doc-date = Дата
doc-voter = Избиратель
doc-yes = да
doc-no = нет
doc-fingerprint-attempts = Попыток по отпечаткам пальцев
doc-face-tried = Попытка по геометрии лица
doc-signatory-member = Член комиссии
doc-signatory-operator = Оператор устройства
doc-signatory-voter = Избиратель
act-kind-identification-failure = Акт о невозможности идентификации избирателя
doc-act-identification-failure-text = Устройство идентификации не смогло идентифицировать избирателя, включённого в список, после указанного числа попыток. Член комиссии сообщил председателю. Избиратель к голосованию не допущен (§37). Акт составлен в двух экземплярах; один экземпляр вручён избирателю.

# The identification receipt and the ballot printed on demand.
doc-receipt-title = Чек идентификации
doc-receipt-identified = Избиратель идентифицирован
doc-receipt-ballot = Бюллетень: округ { $designation }
doc-ballot-title = Избирательный бюллетень
doc-ballot-designation = Избирательный округ { $designation }
doc-ballot-instruction = Поставьте любой знак в пустом квадрате справа только от одной позиции. Бюллетень, в котором знак поставлен более чем в одном квадрате или не поставлен ни в одном, считается недействительным.
