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
