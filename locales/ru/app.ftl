# The main window, the observers' monitor, the menu and the status bar.

app-title = Участок — день выборов
training-banner = УЧЕБНЫЕ ВЫБОРЫ — НЕ НАСТОЯЩИЕ
journal-read-only-title = Журнал повреждён: программа работает только для чтения, ничего не записывается.
action-open-monitor = Обзорный монитор
action-dismiss = Закрыть
action-complete-step = Отметить выполненным
language-switch = Язык
language-ky = Кыргызча
language-ru = Русский
no-election = Выборы не загружены.
timeline-title = Распорядок дня
next-not-yet = Следующий шаг
next-now = Выполните сейчас
next-late = Просрочено
state-not-yet = Ещё не время
state-now = Сейчас
state-done = Выполнено
state-late = Просрочено
day-before = Накануне
day-voting = День голосования
day-after = Следующий день
status-station = УИК № { $number }
station-kind-regular = Обычный участок
station-kind-remote-voting = Участок дистанционного голосования
station-kind-abroad = Участок за рубежом
status-journal = Журнал: { $events } { $events ->
        [one] событие
        [few] события
       *[many] событий
    }, { $head }
device-camera = Камера
device-document-reader = Считыватель документов
device-qr-reader = QR-сканер
device-fingerprint-scanner = Сканер отпечатков
device-face-matcher = Распознавание лица
device-ballot-printer = Принтер ПИТ
device-document-printer = Принтер документов
device-aeu = АСУ
device-aeu-reserve = Резервная АСУ
device-smart-card = Смарт-карта
device-observer-display = Обзорный монитор
device-state-ready = готов
device-state-busy = занят
device-state-fault = неисправен
device-state-absent = не подключён
device-fault-jammed = Замятие бумаги
device-fault-out-of-paper = Закончилась бумага
device-fault-disconnected = Отключён
device-fault-not-responding = Не отвечает
device-fault-broken = Вышел из строя
device-simulated-mark = сим
menu-station = Участок
menu-view = Вид
menu-open-monitor = Открыть обзорный монитор
menu-quit = Выход
monitor-window-title = Обзорный монитор
monitor-station = УИК № { $number }
monitor-voters-in-list = Избирателей в списке
monitor-voters-identified = Идентифицировано
error-internal = Внутренняя ошибка: { $detail }
error-window = Не удалось открыть окно: { $detail }
error-data-dir = Не удалось создать папку данных: { $path } ({ $detail })

## The day's procedures (timeline); ids follow domain::StepId::name()

step-out-of-premises-voting = Голосование вне помещения
step-out-of-premises-voting-hint = По письменным заявлениям члены комиссии, выбранные жребием, с переносными ящиками посещают избирателей с 08:00 до 20:00.
step-lot-drawing = Жеребьёвка
step-lot-drawing-hint = Среди членов комиссии, кроме председателя и секретаря, жребием распределяются четыре обязанности: идентификация по электронному списку, бумажный список, выдача бюллетеней, кабины и ящики.
step-opening-safe = Вскрытие сейфа
step-opening-safe-hint = Председатель вскрывает опечатанный сейф, объявляет число избирателей в списке и даёт сверить бумажный и электронный списки.
step-sealing-boxes = Опечатывание ящиков
step-sealing-boxes-hint = Ящики и АСУ показываются пустыми всем присутствующим, внутрь кладётся контрольный лист, ящики опечатываются.
step-ballots-to-members = Выдача бюллетеней членам комиссии
step-ballots-to-members-hint = Полученные бюллетени объявляются, пересчитываются вслух, вносятся в протокол и выдаются членам комиссии пачками по 100 под подпись.
step-voting = Голосование
step-voting-hint = Идентификация избирателей и выдача бюллетеней. Устройство печатает чек; бюллетень выдаётся только по чеку.
step-turnout10 = Сведения о явке, 10:00
step-turnout10-hint = Сообщите сведения о явке избирателей в вышестоящую комиссию.
step-turnout12 = Сведения о явке, 12:00
step-turnout12-hint = Сообщите сведения о явке избирателей в вышестоящую комиссию.
step-turnout14 = Сведения о явке, 14:00
step-turnout14-hint = Сообщите сведения о явке избирателей в вышестоящую комиссию.
step-turnout16 = Сведения о явке, 16:00
step-turnout16-hint = Сообщите сведения о явке избирателей в вышестоящую комиссию.
step-turnout18 = Сведения о явке, 18:00
step-turnout18-hint = Сообщите сведения о явке избирателей в вышестоящую комиссию.
step-close = Окончание голосования
step-close-hint = В 20:00 голосование заканчивается; проголосовать могут только избиратели, находящиеся в помещении.
step-count = Подсчёт голосов
step-count-hint = Погашение неиспользованных бюллетеней, подсчёт по спискам, переносные ящики, данные АСУ не позднее 21:00, ручной подсчёт.
step-protocol = Протокол об итогах голосования
step-protocol-hint = Заполнить и подписать протокол в двух экземплярах; вывесить увеличенную форму; выдать заверенные копии всем присутствующим.
step-packets = Упаковка документов
step-packets-hint = Упаковать, опечатать и подписать бюллетени, списки, чеки и отчёты.
step-delivery = Передача в вышестоящую комиссию
step-delivery-hint = Председатель передаёт первый экземпляр протокола со всеми документами в вышестоящую комиссию до 06:00 следующего дня.

# Device faults added with the driver layer
device-fault-blocked = Заблокирована

## The opening meeting (ui/src/procedures): attendance, lot, safe, sealing, ballots, polls.

tab-day = Распорядок дня
tab-attendance = Присутствующие
attendance-title = Реестр присутствующих
attendance-hint = Отмечайте каждого, кто вошёл в помещение, и каждого, кто ушёл: контрольные листы, списки для подписей и заверенные копии заполняются отсюда.
attendance-category = Кто
attendance-member = Член комиссии
attendance-name = Фамилия, имя
attendance-organisation = Кого представляет
attendance-accreditation = № удостоверения об аккредитации
attendance-kyrgyz-citizen = Гражданин Кыргызской Республики
attendance-register = Зарегистрировать
attendance-arrived = Статус
attendance-present = присутствует
attendance-left = ушёл
attendance-leave = Ушёл
attendance-present-count = Присутствует: { $count } { $count ->
        [one] человек
        [few] человека
       *[many] человек
    }
category-member = Член комиссии
category-candidate-representative = Представитель кандидата
category-party-representative = Представитель политической партии
category-observer = Наблюдатель
category-international-observer = Международный наблюдатель
category-media = Представитель СМИ
role-chair = председатель
role-deputy-chair = заместитель председателя
role-secretary = секретарь
role-member = член комиссии
lot-out-of-premises-title = Жеребьёвка по голосованию вне помещения
lot-step-members = В жеребьёвке участвуют присутствующие члены комиссии, кроме председателя и секретаря.
lot-step-commit = Программа показывает хэш своего случайного числа — все видят и записывают его.
lot-step-contribute = Присутствующие (например, наблюдатели) называют свои числа.
lot-step-draw = Программа раскрывает секрет; результат зависит от обоих и может быть перепроверен.
lot-count = Сколько членов выбрать
lot-commit = Показать хэш
lot-commitment-shown = Покажите этот хэш всем присутствующим и запишите его в протокол:
lot-members = В жеребьёвке { $count } { $count ->
        [one] член комиссии
        [few] члена комиссии
       *[many] членов комиссии
    }
lot-contributions = Вклады присутствующих
lot-contribution-by = Кто назвал
lot-contribution-value = Число или слово
lot-add-contribution = Ещё вклад
lot-draw = Провести жеребьёвку
lot-member = Член комиссии
lot-duty = Обязанность
lot-verification = Данные для проверки
lot-verification-hint = По этим данным `uchastok lot verify` пересчитает результат.
lot-commitment = Хэш (обязательство)
lot-secret = Секрет программы
lot-seed = Зерно жеребьёвки
duty-electronic-list = Идентификация по электронному списку
duty-paper-list = Регистрация в бумажном списке
duty-issuing-ballots = Выдача бюллетеней
duty-booths-and-boxes = Кабины и ящики
duty-out-of-premises = Голосование вне помещения
safe-recorded = Сейф вскрыт: в бумажном списке { $paper }, в электронном { $electronic }.
safe-voters-paper = Избирателей в бумажном списке
safe-voters-electronic = Избирателей в электронном списке
safe-explanation = Причина расхождения
safe-open = Записать вскрытие сейфа
box-kind-stationary = Стационарный ящик
box-kind-aeu = АСУ
box-kind-portable = Переносной ящик
sealing-seals = Пломбы
sealing-control-sheet = контрольный лист { $time }, в нём { $count } { $count ->
        [one] человек
        [few] человека
       *[many] человек
    }
sealing-kind = Вид
sealing-box-id = Название или № ящика
sealing-seal = Показан пустым, опечатан
sealing-finish = Все ящики опечатаны
ballots-remote-why = Этот участок печатает бюллетени по требованию, каждому избирателю — его округа, поэтому вместо бюллетеней записываются запас бумаги и счётчик принтера.
ballots-paper-recorded = Бумага: { $sheets } л., счётчик принтера: { $counter }.
ballots-paper-sheets = Запас бумаги (листов)
ballots-printer-counter = Показание счётчика принтера
ballots-record = Записать
ballots-announced = Получено от вышестоящей комиссии (объявлено)
ballots-recounted = Пересчитано
ballots-for-out-of-premises = Из них для голосования вне помещения
ballots-explanation = Причина расхождения
ballots-received-summary = Пересчитано: { $recounted }. Осталось у председателя: { $left }.
ballots-count = Бюллетеней
ballots-issue = Выдать под подпись
ballots-finish = Выдача завершена
polls-open = Голосование открыто.
polls-ready = Подготовка завершена: голосование откроется в { $time }.
polls-open-action = Открыть голосование
polls-not-ready = Голосование открывается только после жеребьёвки, вскрытия сейфа, опечатывания и выдачи бюллетеней.

## Out-of-premises voting (ui/src/procedures/OutOfPremises.svelte).

oop-registry = Реестр заявлений
oop-voter = Избиратель
oop-address = Адрес
oop-reason = Причина
oop-received = Принято
oop-register = Зарегистрировать заявление
oop-boxes = Переносные ящики
oop-seal-portable = Показан пустым, опечатан
oop-serve = Избиратель проголосовал
oop-application = Заявление
oop-document = Серия и № документа
oop-seal-slot = Опечатать прорезь
oop-slot-sealed = прорезь опечатана
oop-close = Составить акт
oop-closed = Голосование вне помещения закрыто: проголосовало { $voters }.
oop-served-mark = Проголосовал вне помещения
oop-ballots-taken = Взято бюллетеней
oop-unused = Не использовано
oop-spoiled = Испорчено
monitor-voter-photo = Избиратель у стола идентификации
monitor-desk-free = Стол свободен
