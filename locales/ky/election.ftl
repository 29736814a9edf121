# Problems of an election definition file (domain::election::parse_definition).
# Every message names the field at fault: $field is its path in the file, such as
# `station.kind` or `contests[2].options[3].name`. $value is what the file says there;
# $allowed lists the accepted values.

election-error-syntax =
    { $line ->
        [0] Файлды окууга болбойт, анын түзүлүшүндө ката бар: { $detail }
       *[other] Файлды окууга болбойт, { $line }-сапта ката бар: { $detail }
    }
election-error-missing-field = «{ $field }» талаасы толтурулган эмес.
election-error-format-version = «{ $field }» талаасы: файлдын форматы { $value }-версияда, ал эми бул программа { $supported }-версияны гана окуйт.
election-error-unknown-kind = «{ $field }» талаасы: «{ $value }» деген шайлоо түрү жок. Мүмкүн болгон маанилер: { $allowed }.
election-error-bad-date = «{ $field }» талаасы: «{ $value }» дата эмес. Датаны ЖЖЖЖ-АА-КК түрүндө жазыңыз, мисалы 2025-11-30.
election-error-bad-timezone = «{ $field }» талаасы: «{ $value }» деген убакыт алкагы жок. IANA боюнча аталышын жазыңыз, мисалы Asia/Bishkek.
election-error-bad-registration-days = «{ $field }» талаасы: { $value } туура эмес, каттоо мөөнөтү 1 күндөн 3650 күнгө чейин болушу керек.
election-error-no-contests = «{ $field }» талаасы: шайлоодо бир дагы округ (бюллетень) жок. Жок дегенде бирөөнү кошуңуз.
election-error-duplicate-contest = «{ $field }» талаасы: «{ $id }» идентификатору бар округ мурда эле жазылган.
election-error-unknown-station-kind = «{ $field }» талаасы: «{ $value }» деген участоктун түрү жок. Мүмкүн болгон маанилер: { $allowed }.
election-error-unknown-district = «{ $field }» талаасы: «{ $value }» округу бул шайлоонун округдарынын арасында жок.
election-error-missing-district = «{ $field }» талаасы: участок кайсы округго кирери көрсөтүлгөн эмес.
election-error-unknown-option-kind = «{ $field }» талаасы: бюллетенде «{ $value }» деген варианттын түрү жок. Мүмкүн болгон маанилер: { $allowed }.
election-error-duplicate-option = «{ $field }» талаасы: «{ $value }» варианты бул бюллетенде эки жолу жазылган.
election-error-against-all-in-referendum = «{ $field }» талаасы: референдумдун бюллетенинде «Баарына каршы» варианты болбойт.
election-error-against-all-count =
    { $count ->
        [0] «{ $field }» талаасы: бюллетенде «Баарына каршы» варианты жок, ал так бир жолу болушу керек.
       *[other] «{ $field }» талаасы: «Баарына каршы» варианты { $count } жолу жазылган, ал так бир жолу болушу керек.
    }
election-error-too-few-options = «{ $field }» талаасы: бюллетенде жок дегенде { $needed } тандоо варианты болушу керек («Баарына каршы» эсепке кирбейт).
election-error-duplicate-member = «{ $field }» талаасы: «{ $value }» идентификатору бар комиссия мүчөсү мурда эле жазылган.
election-error-unknown-role = «{ $field }» талаасы: комиссияда «{ $value }» деген кызмат жок. Мүмкүн болгон маанилер: { $allowed }.
election-error-role-count =
    «{ $field }» талаасы: комиссияда так бир { $role ->
        [chair] төрага
        [secretary] катчы
       *[other] { $role }
    } болушу керек, { $count ->
        [0] азыр ал жок.
       *[other] азыр { $count } { $role ->
            [chair] төрага
            [secretary] катчы
           *[other] { $role }
        } жазылган.
    }
