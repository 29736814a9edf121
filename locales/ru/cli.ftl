# The `uchastok` command line (src-tauri/crates/cli).

cli-check-valid = { $file }: определение выборов корректно.
cli-check-invalid =
    { $file }: в определении выборов { $count ->
        [one] найдена { $count } ошибка
        [few] найдены { $count } ошибки
       *[many] найдено { $count } ошибок
    }:
cli-summary-election = Выборы: { $name } ({ $id })
cli-summary-kind =
    Вид выборов: { $kind ->
        [jogorku-kenesh-districts] выборы депутатов Жогорку Кенеша по многомандатным округам
        [jogorku-kenesh-party-lists] выборы депутатов Жогорку Кенеша по партийным спискам
        [local-council] выборы депутатов местного кенеша
        [presidential] выборы Президента Кыргызской Республики
        [referendum] референдум
       *[other] { $kind }
    }
cli-summary-training = Это учебные выборы, не настоящие.
cli-summary-voting-day = День голосования: { $date }
cli-summary-timezone = Часовой пояс: { $timezone }
cli-summary-registration =
    Срок регистрации для членства в сообществе округа: не менее { $days } { $days ->
        [one] дня
        [few] дней
       *[many] дней
    } до дня голосования
cli-summary-station =
    Участок № { $number }, { $kind ->
        [regular] обычный участок
        [remote-voting] участок дистанционного голосования
        [abroad] участок за рубежом
       *[other] { $kind }
    }; округ: { $district }
cli-summary-address = Адрес: { $address }
cli-summary-contests = Бюллетени (округа): { $count }
cli-summary-contest =
    { $designation }: { $name }, { $options } { $options ->
        [one] вариант
        [few] варианта
       *[many] вариантов
    } в бюллетене
cli-summary-commission =
    Комиссия: { $count } { $count ->
        [one] член
        [few] члена
       *[many] членов
    }; председатель: { $chair }, секретарь: { $secretary }
cli-error-read-file = Не удалось прочитать файл «{ $file }»: { $detail }
cli-error-not-utf8 = Файл «{ $file }» не в кодировке UTF-8; сохраните его заново в UTF-8.
cli-warning-bad-env-language = Язык «{ $value }» в переменной UCHASTOK_LANG неизвестен (допустимо ky или ru); используется кыргызский.
cli-journal-valid = { $file }: журнал цел, { $count } { $count ->
        [one] запись
        [few] записи
       *[many] записей
    }; хеш последней записи: { $hash }
cli-journal-invalid = { $file }: журнал не прошёл проверку: { $problem }

## uchastok lot verify

cli-lot-valid = { $file }: жеребьёвка пересчитана, результат совпадает ({ $count } { $count ->
        [one] член комиссии
        [few] члена комиссии
       *[many] членов комиссии
    }).
cli-lot-invalid = { $file }: жеребьёвка не сходится: { $reason }
cli-lot-bad-record = { $file } — не запись жеребьёвки: { $detail }
cli-lot-bad-secret = секрет программы записан неверно.
cli-lot-commitment = раскрытый секрет не соответствует показанному хэшу.
cli-lot-seed = зерно не следует из секрета и вкладов.
cli-lot-assignment = распределение не следует из зерна и списка членов.

## uchastok register generate / import (docs/voter-register.md)

cli-register-generated =
    { $file }: записан вымышленный реестр, { $count } { $count ->
        [one] избиратель
        [few] избирателя
        [many] избирателей
       *[other] избирателя
    }; с фотографией: { $photos }; зарегистрированы менее чем за { $days } { $days ->
        [one] день
        [few] дня
        [many] дней
       *[other] дня
    } до дня голосования: { $recent }; на участке № { $station }: { $at_station }.
cli-register-progress-reading = Прочитано строк: { $rows } ({ $percent } %)
cli-register-progress-writing = Запись реестра: { $rows } из { $total }
cli-register-imported = { $db }: реестр избирателей импортирован из «{ $file }».
cli-register-report =
    Строк прочитано: { $read }, импортировано избирателей: { $imported }, отклонено строк: { $rejected } (из них с повторным персональным номером: { $duplicates }); с фотографией: { $photos }.
cli-register-source = SHA-256 исходного файла: { $hash }
cli-register-key = Ключ реестра: { $file } (храните его отдельно от реестра и не передавайте).
cli-register-problems = Проблем в файле: { $total }; первые { $shown }:
cli-register-failed = { $file }: реестр не импортирован: { $problem }

cli-demo-summary = Участок № { $station }: день проведён; идентифицировано избирателей: { $identified }, не идентифицировано (составлены акты): { $failures }.
cli-demo-relations-hold =
    Все { $count ->
        [one] { $count } контрольное соотношение выполняется
        [few] { $count } контрольных соотношения выполняются
        [many] { $count } контрольных соотношений выполняются
       *[other] { $count } контрольного соотношения выполняются
    }.
cli-demo-kept = Папка участка (журнал, документы, ключи): { $path }

## uchastok dec, and the district's exercise options of uchastok demo
cli-dec-set-up = Комиссия «{ $commission }» настроена на округ { $district } выборов «{ $election }». Отпечаток ключа комиссии: { $fingerprint }.
cli-dec-grounds = Неизвестное основание. Основания: { $grounds }.
cli-demo-unknown-plant = Неизвестное расхождение «{ $plant }»: aeu-differs или late-delivery.
