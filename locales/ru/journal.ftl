# The journal (store crate): why a journal file cannot be trusted (store::Problem,
# ids journal-problem-…) and why a write failed (store::StoreError, journal-error-…).
# $seq, $found, $recorded, $supported are numbers; $detail is SQLite's own text (English).

journal-problem-damaged = Файл журнала повреждён (проверка SQLite: { $detail }). Журнал открыт только для чтения; ничего не исправлено.

journal-problem-not-a-journal = Этот файл не является журналом программы «Участок» или повреждён так, что его нельзя прочитать.

journal-problem-newer-schema = Журнал записан более новой версией программы (схема { $found }, эта версия читает до схемы { $supported }). Обновите программу; журнал открыт только для чтения.

journal-problem-chain-broken = Цепочка журнала нарушена на записи № { $seq }: запись изменена после того, как была сделана. Журнал открыт только для чтения.

journal-problem-gap = В журнале нет записи № { $seq }, хотя следующие записи есть: запись удалена. Журнал открыт только для чтения.

journal-problem-head-mismatch = Журнал заканчивается записью № { $found }, а при последнем сохранении он заканчивался записью № { $recorded } с другим хешем: последние записи удалены или заменены. Журнал открыт только для чтения.

journal-problem-projection-mismatch = Сохранённое состояние дня не совпадает с журналом после записи № { $seq }. Журнал открыт только для чтения.

journal-problem-unreadable-event = Запись № { $seq } не читается этой версией программы ({ $detail }). Обновите программу; журнал открыт только для чтения.

journal-problem-in-use = Журнал открыт другой программой (например, запущенным «Участком»). Закройте её и повторите.

journal-problem-cannot-open = Файл журнала не открывается: { $detail }.

journal-error-read-only = Журнал открыт только для чтения: ничего не записано.

journal-error-locked = Журнал уже открыт другой программой (например, вторым экземпляром «Участка»). Закройте её и запустите программу снова; ничего не записано.

journal-error-unsupported = Журнал нельзя вести в этом месте ({ $detail }). Выберите другую папку для данных; ничего не записано.

journal-error-encode = Событие не удалось подготовить к записи ({ $detail }); ничего не записано.

journal-error-sqlite = Ошибка базы данных журнала: { $detail }. Последнее действие не записано.
