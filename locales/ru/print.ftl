# Printed documents (print crate): the fixed words on every page of a PDF.
# $number is the station number (text); $page and $total are page numbers;
# $datetime is station time already formatted as YYYY-MM-DD HH:MM; $count is a number of copies.

print-header-station = Участковая избирательная комиссия № { $number }
print-page-of = Страница { $page } из { $total }
print-generated-at = Сформировано: { $datetime } (время участка)
print-signature-caption = подпись
print-date-caption = дата
print-training-watermark = УЧЕБНЫЙ
print-training-notice = Учебный документ: юридической силы не имеет
print-copies = Составлен в { $count } { $count ->
        [one] экземпляре
        [few] экземплярах
       *[many] экземплярах
    }.

# A receipt prints the day only, never the time ($date is YYYY-MM-DD).
print-receipt-date = Дата: { $date }
# Over the column of boxes on a ballot.
print-ballot-mark-column = Место для отметки
# Beside the dashed cut line of the bottom-right corner QR code of a ballot (R4.4: both corners are cut off).
print-cut-line = Углы с QR-кодами отрезаются при погашении бюллетеня
