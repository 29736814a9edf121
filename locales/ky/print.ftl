# Басылып чыгуучу документтер (print crate): PDF барагындагы туруктуу сөздөр.
# $number участоктун номери (текст); $page жана $total барактын номерлери;
# $datetime участоктун убактысы, YYYY-MM-DD HH:MM түрүндө; $count нускалардын саны.

print-header-station = № { $number } участкалык шайлоо комиссиясы
print-page-of = { $page }-бет, бардыгы { $total }
print-generated-at = Түзүлдү: { $datetime } (участоктун убактысы)
print-signature-caption = колу
print-date-caption = датасы
print-training-watermark = ОКУУ
print-training-notice = Окуу документи: юридикалык күчү жок
print-copies = { $count } нускада түзүлдү.

# Чекте убакыт эмес, күн гана басылат ($date: YYYY-MM-DD).
print-receipt-date = Датасы: { $date }
# Бюллетендеги төрт бурчтуктардын тилкесинин үстүндө.
print-ballot-mark-column = Белги коюу орду
# Бюллетендин оң жак ылдыйкы бурчундагы QR кодду курчаган үзүк сызыктын жанында (R4.4: эки бурчу тең кесилет).
print-cut-line = Бюллетень керектен чыгарылганда QR коддуу бурчтары кесилет
