# Printed records of the opening meeting (api::documents) and their actions in the UI.

doc-election = Шайлоо
doc-station = Участок №
doc-address = Дареги
doc-time = Убакыт
doc-chair = Төрага
doc-box = Үкөк
doc-sheet-time = Барак салынган убакыт
doc-present = Катышып отургандар
doc-signature = Колу
doc-arrived = Келди
doc-left = Кетти
doc-ballots-left = Төрагада калды
doc-lot-title = Чүчүкулак жөнүндө жазуу (§32)
doc-lot-out-of-premises-title = Жайдан тышкары добуш берүү боюнча чүчүкулак жөнүндө жазуу (§24)
doc-lot-method = Программа чүчүкулакка чейин өзүнүн сырынын SHA-256 хэшин көрсөттү; катышкандар өз салымдарын кошушту; үрөн = SHA-256(сыр жана салымдар); бөлүштүрүү үрөндөн жана мүчөлөрдүн тизмесинен гана көз каранды.
doc-lot-members = Чүчүкулакка катышкан мүчөлөр (тартиби менен)
doc-lot-assignment = Натыйжа
doc-lot-verify = Текшерүү: бул жазуудагы маалыматтар менен «uchastok lot verify» буйругу натыйжаны кайра эсептеп, дал келерин айтат.
doc-control-sheet-title = Көзөмөлдөө барагы (§34)
doc-control-sheet-text = Үкөк катышкандардын баарына бош көрсөтүлдү, ичине ушул барак салынып, пломбаланды.
doc-ledger-title = Бюллетендерди комиссиянын мүчөлөрүнө берүү ведомосту (§35–36)
doc-safe-title = Сейфти ачуу жөнүндө жазуу (§33)
doc-attendance-title = Катышкандардын реестри (§34, §70)
doc-certified-copies = Катышып отургандарга берилүүчү күбөлөндүрүлгөн көчүрмөлөр: { $count }.
action-print = Басып чыгаруу (PDF)
action-save-lot-record = Текшерүү үчүн сактоо
document-saved = Сакталды: { $path }
error-document-not-yet = Бул документ боюнча азырынча эч нерсе жазылган жок.
error-document-write = Документ сакталган жок: { $path } ({ $detail })
error-print = Документ түзүлгөн жок: { $detail }

doc-oop-registry-title = Жайдан тышкары добуш берүү жөнүндө арыздардын реестри (§22)
doc-oop-act-title = Жайдан тышкары добуш берүү жөнүндө акт (§29)
doc-oop-applications = Арыздар
doc-oop-voters = Добуш бергендер
doc-oop-ballots-taken = Алынган бюллетендер
doc-oop-ballots-issued = Берилген бюллетендер
doc-oop-receipts-issued = Басылган чектер
doc-oop-unused = Колдонулбаган, кайтарылган
doc-oop-spoiled = Бузулган, кайтарылган

# Acts (numbered per station) and their register.
doc-act-register-title = Актылардын реестри
doc-act-kind = Акт
doc-act-clause = Пункт
doc-act-number = Актынын номери
doc-date = Күнү
doc-voter = Шайлоочу
doc-yes = ооба
doc-no = жок
doc-fingerprint-attempts = Манжа издери боюнча аракеттер
doc-face-tried = Бет геометриясы боюнча аракет
doc-signatory-member = Комиссиянын мүчөсү
doc-signatory-operator = Түзүлүштүн оператору
doc-signatory-voter = Шайлоочу
act-kind-identification-failure = Шайлоочуну идентификациялоо мүмкүн эмес экени жөнүндө акт
doc-act-identification-failure-text = Идентификациялоочу түзүлүш тизмеге киргизилген шайлоочуну көрсөтүлгөн аракеттерден кийин идентификациялай алган жок. Комиссиянын мүчөсү төрагага кабарлады. Шайлоочу добуш берүүгө жиберилген жок (§37). Акт эки нускада түзүлдү; бир нускасы шайлоочуга берилди.

# The identification receipt and the ballot printed on demand.
doc-receipt-title = Идентификация чеги
doc-receipt-identified = Шайлоочу идентификацияланды
doc-receipt-ballot = Бюллетень: { $designation } округу
doc-ballot-title = Шайлоо бюллетени
doc-ballot-designation = { $designation } шайлоо округу
doc-ballot-instruction = Бир гана позициянын оң жагындагы бош чарчыга каалаган белгини коюңуз. Бирден ашык чарчыга белги коюлган же бир да чарчыга белги коюлбаган бюллетень жараксыз деп эсептелет.
