# The close and the count (§49–67, R5.1–R5.4): refusals of domain::closing, the acts'
# texts, and the count's screens.

error-count-not-closed = Голосование ещё не окончено: подсчёт начинается после закрытия участка в 20:00 (§49–50).
error-count-protocol-signed = Протокол уже подписан: изменить подсчёт можно только через акт об исправлении (§66).
error-count-not-at-remote = На участке дистанционного голосования этого этапа нет: бюллетени печатаются по требованию (R4.2).
error-count-unused-done = Неиспользованные бюллетени уже погашены (§52).
error-count-list-done = Итоговые данные списка избирателей уже внесены (§53).
error-count-out-of-order =
    Сначала { $missing ->
        [unused] погасите неиспользованные бюллетени (§52)
        [list] внесите итоговые данные списка избирателей (§53)
        [portable] вскройте все переносные ящики (§54)
        [packets] упакуйте документы (§64)
       *[other] { $missing }
    }.
error-count-signatures-differ = Подписей за бюллетени ({ $signatures }) не столько, сколько чеков идентификации ({ $receipts }): найдите причину и запишите её (§53).
error-count-box-opened = Переносной ящик «{ $box }» уже вскрыт.
error-count-aeu-done = Предварительные данные АСУ уже приняты (§56).
error-count-no-aeu = Обе АСУ вышли из строя: предварительного протокола АСУ нет (§48).
error-count-aeu-too-late = Данные АСУ снимаются не позднее { $time } (§56).
error-count-aeu-failed = АСУ не выдаёт данных: она вышла из строя (§48).
error-count-unknown-contest = Округа «{ $contest }» нет среди подсчитываемых на этом участке.
error-count-unknown-option = Позиции «{ $option }» нет в этом бюллетене.
error-count-unknown-member = «{ $member }» — не член этой комиссии.
error-count-member-absent = { $member } не отмечен(а) присутствующим(ей): вносить подсчёт и подписывать может только присутствующий член комиссии.
error-count-recount-not-entitled = { $name } не может требовать пересчёта: это право представителя кандидата или партии и наблюдателя (§62).
error-count-nothing-to-recount = Пересчитывать нечего: подсчёт по этому округу ещё не согласован.
error-count-not-agreed = Подсчёт по округу { $contest } ещё не согласован: нужны два совпадающих ввода двух членов комиссии.
error-count-relations-violated =
    { $count ->
        [one] Нарушено { $count } контрольное соотношение
        [few] Нарушены { $count } контрольных соотношения
        [many] Нарушено { $count } контрольных соотношений
       *[other] Нарушено { $count } контрольного соотношения
    } протокола: найдите и исправьте ошибку, прежде чем подписывать (§63).
error-count-no-majority = Протокол действителен при подписи большинства членов комиссии: подписали { $signed } из { $members }, нужно не меньше { $needed } (§65).
error-count-nothing-signed = Протокол ещё не подписан.
error-count-reason-required = Укажите причину или текст решения.
error-count-complaint-incomplete = В жалобе нужны заявитель и её содержание.
error-count-unknown-complaint = Жалобы № { $number } нет.
error-count-complaint-decided = По жалобе № { $number } решение уже принято.
error-count-complaint-open = По жалобе № { $number } ещё нет решения комиссии (§64).

act-kind-unused-ballots-cancelled = Акт о погашении неиспользованных бюллетеней
act-kind-ballots-issued = Акт о выданных бюллетенях
act-kind-portable-box-invalidated = Акт о признании недействительными бюллетеней переносного ящика
act-kind-aeu-preliminary = Акт о предварительных данных АСУ
act-kind-correction-of-protocol = Акт об исправлении протокола
doc-unused = Неиспользованные бюллетени
doc-spoiled-returned = Испорченные, возвращённые избирателями
doc-cancelled-total = Погашено всего
doc-act-unused-text = Неиспользованные бюллетени пересчитаны, погашены отрезанием нижнего правого угла и переданы председателю по ведомости; упакованы в пакет «Погашенные бюллетени» (§52).
doc-signatures = Подписей избирателей за бюллетени
doc-receipts = Чеков идентификации
doc-act-ballots-issued-text = Итоговые данные списка избирателей внесены на каждой странице; число проголосовавших определено по подписям и сверено с числом чеков (§53).
doc-served = Обслужено избирателей по заявлениям
doc-found = Бюллетеней в ящике
doc-oop-members = Члены комиссии, проводившие голосование вне помещения
doc-act-portable-invalidated-text = В переносном ящике бюллетеней больше, чем заявлений с отметкой о получении бюллетеня: по решению комиссии все бюллетени этого ящика признаны недействительными, погашены и упакованы в отдельный пакет (§54, §60).
doc-aeu-processed = Обработано бюллетеней АСУ
doc-act-aeu-text = Данные АСУ сняты и оглашены как предварительные; юридической силы не имеют (§56).
doc-protocol-number = Номер протокола
doc-reason = Причина
doc-act-correction-text = После подписания протокола обнаружена ошибка; составляется новый протокол, прежний сохраняется (§66).

# The count's printed records (api::protocol_documents).
error-document-no-such-copy = Протокол составляется в двух экземплярах (§65): экземпляра № { $copy } нет.
doc-protocol-copy = экземпляр № { $copy }
doc-protocol-line = Строка протокола
doc-protocol-value = Число
doc-protocol-relation = Контрольное соотношение
doc-protocol-relation-check = Проверка
doc-relation-kept = выполнено
doc-relation-violated = НЕ ВЫПОЛНЕНО
doc-protocol-recount = ПОВТОРНЫЙ ПОДСЧЁТ (§62)
doc-protocol-relations = Контрольные соотношения протокола (§63)
doc-signed-date = Дата подписания
doc-signed-time = Время подписания (часы, минуты)
doc-protocol-signed-by = Подписали членов комиссии (из всего)
doc-protocol-replaces = Протокол составлен взамен протокола № { $number }, в котором после подписания обнаружена ошибка; прежний протокол и акт об исправлении хранятся вместе с ним (§66).
doc-protocol-superseded = Этот протокол заменён новым протоколом после обнаружения ошибки (§66) и хранится вместе с актом об исправлении.
doc-protocol-attachments = Приложения к протоколу
doc-protocol-aeu-attached = Предварительный протокол АСУ, данные сняты в { $time } (§56, §65).
doc-protocol-no-aeu = Предварительного протокола АСУ нет: обе АСУ вышли из строя (§48).
doc-protocol-aeu-not-taken = Данные АСУ не снимались.
doc-protocol-complaints = Жалобы, поступившие в комиссию, и решения по ним (§64)
doc-protocol-no-complaints = Жалоб не поступало.
doc-complaint-undecided = решение не принято
doc-complaint-from = Заявитель
doc-complaint-text = Содержание жалобы
doc-complaint-decision = Решение комиссии
doc-complaint-agreed = Голосовали за решение
doc-protocol-dissents = Особые мнения членов комиссии (§64)
doc-protocol-no-dissents = Особых мнений нет.
doc-dissent-member = Член комиссии
doc-dissent-text = Особое мнение
doc-protocol-signing-text = Протокол подписан членами комиссии, присутствовавшими при подсчёте, с указанием даты и времени подписания; он действителен, если его подписало большинство членов комиссии (§65). Итоги оглашаются немедленно (§66).
doc-aeu-title = Предварительный протокол АСУ об итогах голосования (§56)
doc-aeu-taken-at = Данные сняты в
doc-aeu-source = Откуда взяты данные
doc-aeu-source-driver = из АСУ через её драйвер
doc-aeu-source-printout = с бумажной распечатки АСУ
doc-aeu-no-force = Данные АСУ оглашены как предварительные и юридической силы не имеют; итоги голосования определяются ручным подсчётом (§56, §62).
doc-aeu-count = АСУ
doc-aeu-manual = Ручной подсчёт
doc-aeu-difference = Разница
doc-aeu-invalid = Недействительные бюллетени
doc-aeu-attached = Прилагается к протоколу об итогах голосования (§65).
doc-enlarged-title = Увеличенная форма (§69)
doc-certified-title = Заверенные копии протокола об итогах голосования (§70)
doc-certified-for = Заверенная копия для: { $name } ({ $role })
doc-certified-signers = Протокол подписали: { $names }.
doc-certified-text = Копия верна. Выдана { $date } в { $time } лицу, присутствовавшему при подсчёте голосов (§70).
doc-seal-place = М. П.
doc-packet-labels-title = Надписи на пакеты с документами (§64, R5.4)
doc-packet-label = Пакет № { $number } из { $total }
doc-packet-contents = Содержимое
doc-packet-contest = Округ
doc-packet-count = Количество
doc-packet-sealed-text = Пакет упакован, опечатан и подписан; вскрыть его может только вышестоящая избирательная комиссия или суд (§64).
doc-packets-sealed-at = Пакеты опечатаны
doc-packet-inventory-title = Опись пакетов в мешке (коробке) (§64, R5.4)
doc-packet-inventory-total =
    { $count ->
        [one] В мешке (коробке) { $count } пакет.
        [few] В мешке (коробке) { $count } пакета.
        [many] В мешке (коробке) { $count } пакетов.
       *[other] В мешке (коробке) { $count } пакета.
    }
doc-packet-valid = Действительные бюллетени: { $option }
doc-packet-invalid = Недействительные бюллетени
doc-packet-unestablished = Бюллетени неустановленной формы (§55)
doc-packet-remote-participants-list = Список участников дистанционного голосования (листов)
doc-packet-receipts = Чеки идентификации
doc-packet-cancelled-remote = Погашенные испорченные бюллетени (R4.4)
doc-packet-aeu-reports = Отчёты и предварительный протокол АСУ
doc-packet-identification-reports = Первичный и итоговый отчёты устройства идентификации
doc-packet-cancelled = Погашенные бюллетени (неиспользованные и испорченные, §52)
doc-packet-voter-list = Список избирателей (листов)
doc-packet-portable-invalidated = Бюллетени переносного ящика «{ $option }», признанные недействительными (§54)
doc-final-meeting-title = Итоговое заседание комиссии: жалобы, решения, особые мнения (§64)

# The count's screens (ui/src/procedures: Close, Count, Protocol, FinalMeeting, Packets,
# Delivery).
count-close-hint = В 20:00 голосование заканчивается: проголосовать могут только избиратели, уже находящиеся в помещении (§49). Итоговая явка по чекам сообщается до вскрытия ящиков (§38); затем без перерыва начинается подсчёт, и программа больше не принимает действий голосования.
count-final-turnout = Итоговая явка по чекам
count-close-action = Закрыть голосование
count-closed-at = Голосование закрыто в { $time }; итоговая явка по чекам — { $turnout } (§38).
count-closed-hint = Подсчёт ведётся в том же помещении, без перерыва; ручки держат только председатель и секретарь (§51, R5.1).
count-hint = Этапы подсчёта идут в порядке закона; следующий этап откроется, когда записан предыдущий.
count-unused-title = Неиспользованные бюллетени
count-unused-hint = Пересчитайте неиспользованные бюллетени, погасите их отрезанием нижнего правого угла и передайте председателю по ведомости; добавьте испорченные, возвращённые избирателями.
count-unused = Неиспользованных
count-spoiled-returned = Испорченных, возвращённых
count-unused-action = Погасить и составить акт
count-unused-done = Погашено { $cancelled }: неиспользованных { $unused }, испорченных { $spoiled }; акт составлен.
count-list-title = Список избирателей
count-list-hint = Итоговые данные внесены на каждой странице и подписаны; последнюю страницу итожат председатель и секретарь. Проголосовавшие — по подписям за бюллетени, сверка с числом чеков.
count-list-hint-remote = Итоги списка участников дистанционного голосования: проголосовавшие — по подписям, сверка с числом чеков.
count-list-pages = Страниц списка
count-list-voters = Избирателей в списке на момент окончания
count-list-signatures = Подписей за бюллетени
count-unused-journal = По журналу: получено бюллетеней { $received }, выдано в помещении { $issued }, вне помещения { $outside } (§35, §53).
count-list-journal = По журналу: чеков идентификации { $receipts }, избирателей в электронном списке { $electronic } (§33).
count-list-receipts = Чеков идентификации по журналу: { $receipts }
count-list-explanation = Подписей не столько, сколько чеков: запишите причину
count-list-action = Записать итоги списка и составить акт
count-list-done = Страниц { $pages }, избирателей в списке { $voters }, подписей { $signatures }, чеков { $receipts }; акт о выданных бюллетенях составлен.
count-portable-title = Переносные ящики, по одному
count-portable-hint = Покажите присутствующим целые пломбы и контрольные листы, огласите число избирателей, проголосовавших с этим ящиком; вскройте и пересчитайте бюллетени. Если бюллетеней больше, чем заявлений с отметкой о получении бюллетеня, все они недействительны (§54).
count-portable-seals = Пломбы целы
count-portable-found = Бюллетеней в ящике
count-portable-action = Вскрыть и записать
count-portable-opened = Ящик { $box }: по заявлениям { $served }, бюллетеней { $found }.
count-portable-invalidated = Ящик { $box }: по заявлениям { $served }, бюллетеней { $found } — все бюллетени ящика недействительны, составлен отдельный акт (§54).
count-aeu-title = Предварительные данные АСУ
count-aeu-hint = Данные АСУ снимаются после 20:00 и не позднее 21:00 и оглашаются как предварительные.
count-aeu-from-driver = Снять данные с АСУ
count-aeu-type = Ввести с распечатки АСУ
count-aeu-record = Записать данные распечатки
count-aeu-processed = Обработано бюллетеней
count-aeu-invalid = Недействительных
count-aeu-done-driver = Данные АСУ сняты в { $time } и оглашены; акт составлен.
count-aeu-done-printout = Данные АСУ введены с распечатки в { $time } и оглашены; акт составлен.
count-aeu-no-force = Предварительные данные юридической силы не имеют: итоги — по ручному подсчёту (§56, §62).
count-no-aeu = Обе АСУ вышли из строя: предварительного протокола АСУ нет (§48).
count-acts-title = Акты подсчёта
count-manual-title = Ручной подсчёт
count-manual-hint = Каждую стопку считают отдельно, вслух, по одному бюллетеню (§59). Два члена комиссии вводят результаты независимо друг от друга; данные принимаются, только когда оба ввода совпадают.
count-manual-hint-remote = Бюллетени каждого округа считаются отдельно (R5.2), каждая стопка вслух, по одному бюллетеню (§59). Два члена комиссии вводят результаты независимо; данные принимаются, только когда оба ввода совпадают.
count-contest = Округ { $designation }
count-truth-title = Симуляция: что на самом деле отметили избиратели
count-truth-hint = Видно только в демо и на обучении: тренер сверяет с этим ввод членов комиссии.
count-truth-cast = Бюллетеней в урне
count-truth-invalid = Недействительных
count-agreed = Оба ввода совпадают: данные приняты.
count-differences =
    { $count ->
        [one] Вводы расходятся в { $count } строке: пересчитайте стопку, и ошибившийся член комиссии введёт данные заново.
        [few] Вводы расходятся в { $count } строках: пересчитайте стопки, и ошибившийся член комиссии введёт данные заново.
        [many] Вводы расходятся в { $count } строках: пересчитайте стопки, и ошибившийся член комиссии введёт данные заново.
       *[other] Вводы расходятся в { $count } строки: пересчитайте стопки, и ошибившийся член комиссии введёт данные заново.
    }
count-one-entry = Ввёл(а) { $member }; нужен второй ввод другого члена комиссии.
count-line = Строка
count-entry-title = Ввод результатов подсчёта
count-entry-member = Кто вводит
count-entry-valid = Действительных бюллетеней (сумма голосов): { $valid }
count-entry-action = Записать ввод
count-field-in-boxes = Бюллетеней в ящиках
count-field-invalid = Недействительных бюллетеней
count-field-unestablished = Бюллетеней неустановленной формы (не учитываются, §55)
count-field-lost = Утраченных бюллетеней
count-field-not-accounted = Не учтённых при получении
count-aeu-compare-title = АСУ и ручной подсчёт
count-aeu-column = АСУ
count-manual-column = Ручной подсчёт
count-aeu-differs = Данные АСУ расходятся с ручным подсчётом в отмеченных строках. Итоги — по ручному подсчёту; представитель или наблюдатель может потребовать пересчёта (§62).
count-aeu-matches = Данные АСУ совпадают с ручным подсчётом.
count-recount-title = Требование пересчёта
count-recount-nobody = В помещении нет представителей кандидатов или партий и наблюдателей: требовать пересчёта некому (§62).
count-recount-by = Кто требует
count-recount-reason = Причина
count-recount-action = Записать требование и пересчитать
count-recount-demanded = Пересчёт потребовал(а) { $name } в { $time }: { $reason }. Результаты вводятся заново двумя членами комиссии.
count-recount-mark = Повторный подсчёт
count-protocol-not-agreed = Подсчёт по этому округу ещё не согласован.
count-protocol-options = Голоса за каждую позицию
count-relations-hold = Все контрольные соотношения выполнены (§63).
count-sign-title = Подписание протокола
count-sign-hint = Подписывают члены комиссии, присутствующие при подсчёте; протокол действителен при подписи большинства: не меньше { $needed } из { $members }.
count-signers = Подписывают: { $signed } (нужно не меньше { $needed }).
count-sign-action = Протокол подписан — записать дату и время
count-protocol-signed = Протокол № { $number } подписан в { $time }: { $signed } из { $members } членов комиссии.
count-print-protocol = Протокол, 2 экземпляра
count-print-aeu = Протокол АСУ (приложение)
count-print-enlarged = Увеличенная форма
count-print-certified = Заверенные копии для присутствующих
count-protocol-after = Итоги оглашаются немедленно; увеличенная форма вывешивается, копия — на дверь помещения (§66, §69, §71).
count-correction-title = Ошибка после подписания
count-correction-hint = Составляется акт, подсчёт вводится заново и подписывается новый протокол; прежний протокол сохраняется (§66).
count-correction-reason = Какая ошибка найдена
count-correction-action = Составить акт и начать исправление
count-correcting = Идёт исправление протокола: введите подсчёт заново и подпишите новый протокол (§66).
count-history-title = Прежние протоколы и акты об исправлении
count-history-protocol = Протокол № { $number }, подписан в { $time }
count-meeting-title = Итоговое заседание
count-meeting-hint = Комиссия рассматривает жалобы, принимает по каждой решение; члены комиссии могут приложить особое мнение. Всё это прилагается к протоколу (§64).
count-complaints-title = Жалобы
count-no-complaints = Жалоб нет.
count-complaint-decision = Решение комиссии
count-complaint-agreed = Голосовали за решение:
count-complaint-decide = Записать решение
count-complaint-decided = Решение: { $decision } (за: { $names }).
count-complaint-from = Заявитель
count-complaint-text = Содержание жалобы
count-complaint-receive = Принять жалобу
count-dissents-title = Особые мнения
count-dissent-member = Член комиссии
count-dissent-text = Особое мнение
count-dissent-attach = Приложить
count-print-final-meeting = Печать: жалобы и особые мнения
count-packets-wait = Пакеты упаковываются после подписания протокола.
count-packets-hint = Упакуйте каждый пакет, наклейте надпись, опечатайте и подпишите; сложите пакеты в мешок (коробку) с описью.
count-packet-contents = Содержимое
count-packet-count = Количество
count-print-labels = Надписи на пакеты
count-print-inventory = Опись
count-packets-complaints-open =
    { $count ->
        [one] По { $count } жалобе ещё нет решения (§64).
        [few] По { $count } жалобам ещё нет решения (§64).
        [many] По { $count } жалобам ещё нет решения (§64).
       *[other] По { $count } жалобы ещё нет решения (§64).
    }
count-seal-action = Пакеты опечатаны
count-packets-sealed = Пакеты опечатаны в { $time }.
count-delivery-hint = Председатель передаёт первый экземпляр протокола со всеми документами в вышестоящую комиссию до { $deadline } следующего дня (§67).
count-delivery-keep = Второй экземпляр протокола и печать остаются у секретаря (§68).
count-delivery-action = Документы переданы
count-delivered = Документы переданы в вышестоящую комиссию в { $time }.
