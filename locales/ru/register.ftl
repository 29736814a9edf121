# The voter register (store crate, store::register): why a register could not be
# imported or opened (register-error-…) and what is wrong with one row of the register
# file (register-row-…, docs/voter-register.md). $line is the line of the CSV file, $field
# the column's header name as written in the file; no message ever shows a personal number.

register-error-read = Не удалось прочитать файл «{ $file }»: { $detail }
register-error-write = Не удалось записать файл «{ $file }»: { $detail }. Прежний реестр не изменён.
register-error-key-damaged = Файл ключа реестра «{ $file }» повреждён (в нём должно быть ровно 32 байта). Он не заменён: восстановите ключ из резервной копии; без него импортированный реестр не читается.
register-error-no-header = Файл реестра пуст: в первой строке должны быть названия столбцов.
register-error-bad-header = Название столбца { $column } в строке заголовка не читается (пустое или не в кодировке UTF-8). Ни одна строка не прочитана.
register-error-missing-columns = В файле реестра нет обязательных столбцов: { $columns }. Ни одна строка не прочитана.
register-error-unknown-columns = В файле реестра есть неизвестные столбцы: { $columns }. Ни одна строка не прочитана.
register-error-duplicate-column = Столбец «{ $column }» указан в заголовке дважды. Ни одна строка не прочитана.
register-error-nothing-imported =
    Из { $count } { $count ->
        [one] строки
        [few] строк
        [many] строк
       *[other] строки
    } файла не принята ни одна: реестр не импортирован, прежний реестр не изменён.
register-error-cancelled = Импорт прерван; прежний реестр не изменён.
register-error-missing = Реестра «{ $file }» нет: сначала импортируйте реестр избирателей.
register-error-not-a-register = «{ $file }» — не реестр избирателей программы «Участок» или он повреждён.
register-error-newer-schema = Реестр создан более новой версией программы (схема { $found }, эта версия читает до схемы { $supported }). Обновите программу.
register-error-sqlite = Ошибка базы данных реестра: { $detail }.

register-row-width = Строка { $line }: число полей { $found }, а в заголовке столбцов { $expected }.
register-row-not-utf8 = Строка { $line }, столбец { $field }: текст не в кодировке UTF-8.
register-row-personal-number = Строка { $line }, столбец { $field }: персональный номер (ПИН) должен состоять из 14 цифр и начинаться с 1 или 2.
register-row-empty = Строка { $line }: столбец { $field } пуст.
register-row-too-long =
    Строка { $line }, столбец { $field }: длиннее { $max } { $max ->
        [one] знака
        [few] знаков
        [many] знаков
       *[other] знака
    }.
register-row-control-character = Строка { $line }, столбец { $field }: в тексте есть управляющий символ (например, перевод строки).
register-row-bad-code = Строка { $line }, столбец { $field }: «{ $value }» недопустимо (только буквы, цифры и знаки - _ . /, не больше 32 знаков).
register-row-bad-date = Строка { $line }, столбец { $field }: «{ $value }» — не дата в виде ГГГГ-ММ-ДД или такой даты нет.
register-row-date-range = Строка { $line }, столбец { $field }: { $value } — дата раньше 1900 года.
register-row-registered-before-birth = Строка { $line }, столбец { $field }: дата регистрации раньше даты рождения.
register-row-unknown-district = Строка { $line }, столбец { $field }: округа «{ $value }» в этих выборах нет.
register-row-duplicate = Строка { $line }, столбец { $field }: этот персональный номер уже есть в строке { $first_line }; оставлена первая строка.
register-row-photo-missing = Строка { $line }, столбец { $field }: файл фотографии «{ $value }» не найден.
register-row-photo-too-big = Строка { $line }, столбец { $field }: фотография «{ $value }» слишком велика (размер в байтах: { $size }, допустимо не больше { $max }).
register-row-photo-format = Строка { $line }, столбец { $field }: «{ $value }» — не изображение JPEG или PNG.
register-row-photo-path = Строка { $line }, столбец { $field }: «{ $value }» — путь к фотографии должен вести внутрь папки CSV-файла (без / в начале, без диска и без ..).
error-register-import-running = Реестр уже загружается: дождитесь окончания.
