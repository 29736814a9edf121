# Refusals of the day's rules (domain::decide): why a command was not recorded.
# Ids are those of DomainError::new(code, "error-…") in src-tauri/crates/domain/src/state.rs.
# $step, $other and $missing are step names (domain::StepId::name()); each is shown
# through a select with the same wording as the `step-…` messages in app.ftl.
# $time is a local time, HH:MM.

error-election-already-loaded = Бул участокко шайлоо мурда эле жүктөлгөн; башка шайлоону жүктөөгө болбойт.

error-election-not-loaded = Шайлоо жүктөлгөн эмес: адегенде шайлоонун аныктамасын жүктөңүз.

error-step-not-applicable =
    «{ $step ->
        [out-of-premises-voting] Шайлоо жайынан тышкары добуш берүү
        [lot-drawing] Чүчүкулак
        [opening-safe] Сейфти ачуу
        [sealing-boxes] Үкөктөрдү пломбалоо
        [ballots-to-members] Бюллетендерди мүчөлөргө берүү
        [voting] Добуш берүү
        [turnout10] Катышуу тууралуу маалымат, 10:00
        [turnout12] Катышуу тууралуу маалымат, 12:00
        [turnout14] Катышуу тууралуу маалымат, 14:00
        [turnout16] Катышуу тууралуу маалымат, 16:00
        [turnout18] Катышуу тууралуу маалымат, 18:00
        [close] Добуш берүүнү жабуу
        [count] Добуштарды эсептөө
        [protocol] Жыйынтыктар жөнүндө протокол
        [packets] Документтерди таңгактоо
        [delivery] Жогорку комиссияга тапшыруу
       *[other] { $step }
    }» кадамы мындай участокто өткөрүлбөйт.

error-step-ends-with-another =
    «{ $step ->
        [out-of-premises-voting] Шайлоо жайынан тышкары добуш берүү
        [lot-drawing] Чүчүкулак
        [opening-safe] Сейфти ачуу
        [sealing-boxes] Үкөктөрдү пломбалоо
        [ballots-to-members] Бюллетендерди мүчөлөргө берүү
        [voting] Добуш берүү
        [turnout10] Катышуу тууралуу маалымат, 10:00
        [turnout12] Катышуу тууралуу маалымат, 12:00
        [turnout14] Катышуу тууралуу маалымат, 14:00
        [turnout16] Катышуу тууралуу маалымат, 16:00
        [turnout18] Катышуу тууралуу маалымат, 18:00
        [close] Добуш берүүнү жабуу
        [count] Добуштарды эсептөө
        [protocol] Жыйынтыктар жөнүндө протокол
        [packets] Документтерди таңгактоо
        [delivery] Жогорку комиссияга тапшыруу
       *[other] { $step }
    }» кадамы өзүнчө белгиленбейт: ал «{ $other ->
        [out-of-premises-voting] Шайлоо жайынан тышкары добуш берүү
        [lot-drawing] Чүчүкулак
        [opening-safe] Сейфти ачуу
        [sealing-boxes] Үкөктөрдү пломбалоо
        [ballots-to-members] Бюллетендерди мүчөлөргө берүү
        [voting] Добуш берүү
        [turnout10] Катышуу тууралуу маалымат, 10:00
        [turnout12] Катышуу тууралуу маалымат, 12:00
        [turnout14] Катышуу тууралуу маалымат, 14:00
        [turnout16] Катышуу тууралуу маалымат, 16:00
        [turnout18] Катышуу тууралуу маалымат, 18:00
        [close] Добуш берүүнү жабуу
        [count] Добуштарды эсептөө
        [protocol] Жыйынтыктар жөнүндө протокол
        [packets] Документтерди таңгактоо
        [delivery] Жогорку комиссияга тапшыруу
       *[other] { $other }
    }» кадамы менен бүтөт.

error-step-already-done =
    «{ $step ->
        [out-of-premises-voting] Шайлоо жайынан тышкары добуш берүү
        [lot-drawing] Чүчүкулак
        [opening-safe] Сейфти ачуу
        [sealing-boxes] Үкөктөрдү пломбалоо
        [ballots-to-members] Бюллетендерди мүчөлөргө берүү
        [voting] Добуш берүү
        [turnout10] Катышуу тууралуу маалымат, 10:00
        [turnout12] Катышуу тууралуу маалымат, 12:00
        [turnout14] Катышуу тууралуу маалымат, 14:00
        [turnout16] Катышуу тууралуу маалымат, 16:00
        [turnout18] Катышуу тууралуу маалымат, 18:00
        [close] Добуш берүүнү жабуу
        [count] Добуштарды эсептөө
        [protocol] Жыйынтыктар жөнүндө протокол
        [packets] Документтерди таңгактоо
        [delivery] Жогорку комиссияга тапшыруу
       *[other] { $step }
    }» кадамы мурда эле аткарылды деп белгиленген.

error-step-too-early =
    «{ $step ->
        [out-of-premises-voting] Шайлоо жайынан тышкары добуш берүү
        [lot-drawing] Чүчүкулак
        [opening-safe] Сейфти ачуу
        [sealing-boxes] Үкөктөрдү пломбалоо
        [ballots-to-members] Бюллетендерди мүчөлөргө берүү
        [voting] Добуш берүү
        [turnout10] Катышуу тууралуу маалымат, 10:00
        [turnout12] Катышуу тууралуу маалымат, 12:00
        [turnout14] Катышуу тууралуу маалымат, 14:00
        [turnout16] Катышуу тууралуу маалымат, 16:00
        [turnout18] Катышуу тууралуу маалымат, 18:00
        [close] Добуш берүүнү жабуу
        [count] Добуштарды эсептөө
        [protocol] Жыйынтыктар жөнүндө протокол
        [packets] Документтерди таңгактоо
        [delivery] Жогорку комиссияга тапшыруу
       *[other] { $step }
    }» кадамына али эрте: ал саат { $time } болгондо башталат.

error-step-out-of-order =
    «{ $step ->
        [out-of-premises-voting] Шайлоо жайынан тышкары добуш берүү
        [lot-drawing] Чүчүкулак
        [opening-safe] Сейфти ачуу
        [sealing-boxes] Үкөктөрдү пломбалоо
        [ballots-to-members] Бюллетендерди мүчөлөргө берүү
        [voting] Добуш берүү
        [turnout10] Катышуу тууралуу маалымат, 10:00
        [turnout12] Катышуу тууралуу маалымат, 12:00
        [turnout14] Катышуу тууралуу маалымат, 14:00
        [turnout16] Катышуу тууралуу маалымат, 16:00
        [turnout18] Катышуу тууралуу маалымат, 18:00
        [close] Добуш берүүнү жабуу
        [count] Добуштарды эсептөө
        [protocol] Жыйынтыктар жөнүндө протокол
        [packets] Документтерди таңгактоо
        [delivery] Жогорку комиссияга тапшыруу
       *[other] { $step }
    }» кадамын азыр белгилөөгө болбойт: адегенде «{ $missing ->
        [out-of-premises-voting] Шайлоо жайынан тышкары добуш берүү
        [lot-drawing] Чүчүкулак
        [opening-safe] Сейфти ачуу
        [sealing-boxes] Үкөктөрдү пломбалоо
        [ballots-to-members] Бюллетендерди мүчөлөргө берүү
        [voting] Добуш берүү
        [turnout10] Катышуу тууралуу маалымат, 10:00
        [turnout12] Катышуу тууралуу маалымат, 12:00
        [turnout14] Катышуу тууралуу маалымат, 14:00
        [turnout16] Катышуу тууралуу маалымат, 16:00
        [turnout18] Катышуу тууралуу маалымат, 18:00
        [close] Добуш берүүнү жабуу
        [count] Добуштарды эсептөө
        [protocol] Жыйынтыктар жөнүндө протокол
        [packets] Документтерди таңгактоо
        [delivery] Жогорку комиссияга тапшыруу
       *[other] { $missing }
    }» кадамы аткарылышы керек.
