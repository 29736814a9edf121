# The signed protocol bundle (bundle crate, bundle::BundleError, ids bundle-error-…),
# the station key and the journal's checkpoints (domain::checkpoint, error-checkpoint-…),
# exporting a bundle (api, bundle-…), and `uchastok verify` (cli-verify-…).
# $name and $path are entry names inside the zip; $key, $found, $registered, $expected are
# key fingerprints (four groups of four hex digits) or election ids; $detail is a
# library's own text (English); $seq and $line are numbers; times are UTC.

## The container
bundle-error-too-large = Пакет слишком велик: { $size } Б при допустимых { $limit } Б. Пакет отклонён.
bundle-error-not-a-zip = Файл не является zip-архивом пакета ({ $detail }). Пакет отклонён.
bundle-error-too-many-entries = В архиве { $count ->
        [one] { $count } запись
        [few] { $count } записи
        [many] { $count } записей
       *[other] { $count } записи
    }, допустимо не больше { $limit }. Пакет отклонён.
bundle-error-unsafe-name = Недопустимое имя записи в архиве: «{ $name }» (абсолютный путь, «..», обратная косая черта или управляющий символ). Пакет отклонён, ничего не распаковано.
bundle-error-symlink = Запись «{ $name }» — символическая ссылка. Пакет отклонён, ничего не распаковано.
bundle-error-directory = Запись «{ $name }» — папка; в пакете бывают только файлы. Пакет отклонён.
bundle-error-encrypted = Запись «{ $name }» зашифрована. Пакет отклонён.
bundle-error-duplicate-entry = Запись «{ $name }» встречается в архиве дважды. Пакет отклонён.
bundle-error-entry-too-large = Запись «{ $name }» слишком велика: { $size } Б при допустимых { $limit } Б. Пакет отклонён.
bundle-error-compression-ratio = Запись «{ $name }» развернулась бы в { $ratio } раз больше своего размера в архиве (допустимо { $limit }): это похоже на zip-бомбу. Пакет отклонён, ничего не распаковано.
bundle-error-compressed = Запись «{ $name }» сжата, а записи пакета хранятся без сжатия. Пакет отклонён, ничего не распаковано.
bundle-error-entry-damaged = Запись «{ $name }» не читается ({ $detail }). Пакет повреждён и отклонён.
bundle-error-missing-entry = В пакете нет записи «{ $name }». Пакет отклонён.
bundle-error-extra-entry = Запись «{ $name }» не указана в подписанном манифесте. Пакет отклонён.
bundle-error-not-canonical = Служебные поля zip-архива (время, атрибуты, порядок записей) изменены после подписи. Пакет отклонён.
bundle-error-json-too-deep = В «{ $name }» вложенность JSON глубже { $limit } уровней. Пакет отклонён.

## The signatures
bundle-error-envelope-invalid = Конверт подписи не читается ({ $detail }). Пакет отклонён.
bundle-error-payload-type = Конверт подписывает не манифест пакета, а «{ $found }». Пакет отклонён.
bundle-error-manifest-mismatch = manifest.json не совпадает с подписанным манифестом. Пакет отклонён.
bundle-error-no-signature = Пакет не подписан. Пакет отклонён.
bundle-error-duplicate-signature = Ключ { $key } подписал пакет дважды; каждая подпись засчитывается один раз. Пакет отклонён.
bundle-error-bad-signature = Подпись ключа { $key } неверна: пакет изменён после подписи или подписан другим ключом. Пакет отклонён.
bundle-error-unregistered-key = Пакет подписан ключом { $key }, которого нет в реестре ключей окружной комиссии. Пакет отклонён.
bundle-error-other-station-key = Пакет участка { $station } подписан ключом { $key }, зарегистрированным за участком { $registered }. Пакет отклонён.
bundle-error-not-signed-by-station = Пакет участка { $station } не подписан ключом самого участка. Пакет отклонён.
bundle-error-key-not-valid = Ключ { $key } действует с { $from } до { $until }, а пакет создан { $at }. Пакет отклонён.

## The manifest
bundle-error-manifest-invalid = Манифест не читается ({ $detail }). Пакет отклонён.
bundle-error-unsupported-format = Формат пакета { $found }, эта версия программы читает формат { $supported }. Обновите программу.
bundle-error-wrong-election = Пакет относится к выборам «{ $found }», а реестр — к выборам «{ $expected }». Пакет отклонён.
bundle-error-station-not-registered = Участка { $station } нет в реестре ключей окружной комиссии. Пакет отклонён.
bundle-error-training-refused = Это пакет учебных выборов; окружная комиссия, работающая не в учебном режиме, его не принимает.
bundle-error-real-in-training = Это пакет настоящих выборов; окружная комиссия в учебном режиме его не принимает.
bundle-error-replayed = Пакет № { $sequence } старше уже принятого: ожидается пакет № { $minimum } или новее. Пакет отклонён.
bundle-error-path-not-allowed = Манифест называет файл «{ $path }», которого в пакете быть не может. Пакет отклонён.
bundle-error-manifest-duplicate-path = Манифест называет файл «{ $path }» дважды. Пакет отклонён.
bundle-error-manifest-order = Файлы в манифесте не упорядочены (на «{ $path }»). Пакет отклонён.
bundle-error-size-mismatch = Размер файла «{ $path }» не совпадает с указанным в манифесте. Пакет отклонён.
bundle-error-hash-mismatch = Файл «{ $path }» изменён после подписи: его SHA-256 не совпадает с манифестом. Пакет отклонён.

## The results and the journal
bundle-error-results-invalid = results.json не читается ({ $detail }). Пакет отклонён.
bundle-error-journal-invalid = Строка { $line } журнала не читается ({ $detail }). Пакет отклонён.
bundle-error-journal-empty = Журнал в пакете пуст. Пакет отклонён.
bundle-error-journal-gap = В журнале нет записи № { $seq }: запись удалена. Пакет отклонён.
bundle-error-journal-reordered = Запись журнала № { $seq } стоит не на своём месте: порядок записей изменён. Пакет отклонён.
bundle-error-chain-broken = Цепочка хешей журнала нарушена на записи № { $seq }: запись изменена. Пакет отклонён.
bundle-error-event-unreadable = Событие записи № { $seq } не читается этой версией программы ({ $detail }). Обновите программу.
bundle-error-event-mismatch = Вид или время записи № { $seq } не совпадают с её событием. Пакет отклонён.
bundle-error-journal-other-station = Журнал в пакете — журнал выборов «{ $election }», участка «{ $station }», а не того участка, что указан в манифесте. Пакет отклонён.
bundle-error-journal-no-station-key = В журнале не записан ключ участка, поэтому его контрольные точки нельзя проверить. Пакет отклонён.
bundle-error-station-key-mismatch = Журнал называет ключ участка { $found }, а в реестре зарегистрирован ключ { $registered }. Пакет отклонён.
bundle-error-checkpoint-invalid = Контрольная точка журнала в записи № { $seq } недействительна: её подпись или хеш не совпадают с журналом. Пакет отклонён.
bundle-error-checkpoint-mismatch = Манифест называет конец журнала на записи № { $claimed }, а журнал заканчивается записью № { $found }. Пакет отклонён.
bundle-error-no-results = Воспроизведение журнала не даёт подписанного протокола ({ $reason }). Пакет отклонён.
bundle-error-results-differ = results.json расходится с протоколом, пересчитанным по журналу ({ $contest }). Пакет отклонён.
bundle-error-training-mismatch = Манифест, результаты и определение выборов расходятся в том, учебные ли это выборы. Пакет отклонён.
bundle-error-relations-violated = В протоколе «{ $contest }» { $count ->
        [one] нарушено { $count } контрольное соотношение
        [few] нарушены { $count } контрольных соотношения
        [many] нарушено { $count } контрольных соотношений
       *[other] нарушено { $count } контрольного соотношения
    }. Пакет отклонён.

## The district's registry
bundle-error-registry-invalid = Реестр ключей не читается ({ $detail }).
bundle-error-registry-bad-signature = Подпись реестра ключей неверна: реестр изменён или подписан не тем ключом.
bundle-error-registry-other-signer = Реестр ключей подписан ключом { $found }, а ожидается ключ { $expected }.
bundle-error-registry-duplicate-station = Участок { $station } записан в реестре ключей дважды.
bundle-error-registry-key-reused = Ключ { $key } записан в реестре дважды; у каждого участка и члена комиссии свой ключ.

## The signed results on paper
bundle-error-paper-invalid = QR-код { $index } не является частью подписанного протокола ({ $detail }).
bundle-error-paper-incomplete = Отсканировано частей: { $have } из { $need }. Отсканируйте остальные QR-коды протокола.
bundle-error-paper-mixed = QR-коды относятся к разным протоколам. Отсканируйте коды одного протокола.

## Making and signing
bundle-error-write = Пакет не удалось собрать ({ $detail }).
bundle-error-sign = Не удалось подписать ({ $detail }).

## The station key and the checkpoints (domain::checkpoint)
error-checkpoint-bad-key = Открытый ключ участка имеет неверный вид; ничего не записано.
error-checkpoint-key-registered = Ключ участка { $fingerprint } уже записан в журнал.
error-checkpoint-key-changed = В журнал уже записан другой ключ участка ({ $fingerprint }); ключ участка не меняется. Восстановите файл ключа из резервной копии.
error-checkpoint-no-key = Контрольную точку нельзя подписать до записи ключа участка в журнал.
error-checkpoint-stale = Контрольная точка подписана для записи № { $claimed }, а в журнале уже { $events }; ничего не записано.
error-checkpoint-malformed = Контрольная точка имеет неверный вид; ничего не записано.

## Exporting a bundle (api)
bundle-export-write = Пакет не удалось записать в «{ $path }»: { $detail }. Проверьте папку или флешку и повторите; журнал не изменён.
bundle-export-not-ready = Пакет можно выгрузить только после подписания протокола.
bundle-export-read-only = Журнал открыт только для чтения: пакет из него не выгружается.
bundle-export-self-check = Собранный пакет не прошёл собственную проверку ({ $detail }); ничего не записано.
bundle-station-key = Ключ участка
bundle-station-key-hint = Окружная комиссия регистрирует этот ключ до дня выборов: сверьте отпечаток вслух и отсканируйте QR-код.
bundle-checkpoint = Контрольная точка
bundle-checkpoint-hint = Запишите отпечаток в бумажный протокол заседания: запись № { $seq }.
bundle-export = Выгрузить пакет
bundle-export-folder = Папка (или флешка)
bundle-exported = Пакет № { $sequence } записан: { $path }

## uchastok verify
cli-verify-ok = Пакет проверен: выборы «{ $election }», участок { $station }, пакет № { $sequence }, создан { $created }.
cli-verify-journal = Журнал: записей — { $events }, последняя { $head }; контрольных точек — { $checkpoints }.
cli-verify-checkpoint = Контрольная точка в записи № { $seq } ({ $at }): { $fingerprint }
cli-verify-signer-station = Подписан ключом участка { $fingerprint }
cli-verify-signer-member = Подписан также: { $role } { $name }, ключ { $fingerprint }
cli-verify-results = Результаты пересчитаны по журналу и совпадают с подписанным протоколом № { $number }; контрольные соотношения выполняются.
cli-verify-failed = Пакет «{ $file }» отклонён:
cli-verify-registry-failed = Реестр ключей «{ $file }» не принят:
cli-verify-cannot-read = Файл «{ $file }» не читается: { $detail }
cli-demo-bundle = Пакет для окружной комиссии: { $path }
cli-demo-station-key = Открытый ключ участка: { $path } (отпечаток { $fingerprint })
cli-demo-registry = Учебный реестр ключей окружной комиссии: { $path }
bundle-card-absent = Смарт-карта председателя не вставлена или считыватель не подключён.
bundle-card-wrong-pin = Неверный PIN смарт-карты; осталось попыток: { $attempts }.
bundle-card-blocked = Смарт-карта председателя заблокирована после неверных PIN.
bundle-card-unusable = На этой смарт-карте нет ключа, которым можно подписать пакет.
bundle-card-pin-required = Сначала введите PIN смарт-карты.

## The sheet of signed results (PDF)
bundle-signed-results-title = Подписанные результаты для окружной комиссии
bundle-signed-results-hint = Окружная комиссия может принять результаты с бумаги, отсканировав все QR-коды этого листа: они подписаны ключом участка и проверяются по реестру ключей так же, как пакет.
bundle-signed-results-part = Часть { $part } из { $parts }
bundle-doc-election = Выборы
bundle-doc-station = Участок
bundle-doc-protocol-number = Номер протокола
bundle-doc-signed-at = Протокол подписан

## The window
bundle-key-id = Идентификатор ключа
bundle-status-checkpoint = Контрольная точка { $time }: { $fingerprint }
bundle-export-hint = Пакет подписывается ключом участка; если председатель введёт PIN своей смарт-карты, карта подпишет пакет тоже. Повторная выгрузка после исправления протокола получает следующий номер.
bundle-export-folder-default = папка bundles в папке данных
bundle-export-pin = PIN смарт-карты председателя (необязательно)
bundle-signed-results-print = Напечатать подписанные результаты (QR-коды)
