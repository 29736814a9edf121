# Problems of an election definition file (domain::election::parse_definition).
# Every message names the field at fault: $field is its path in the file, such as
# `station.kind` or `contests[2].options[3].name`. $value is what the file says there;
# $allowed lists the accepted values.

election-error-syntax =
    { $line ->
        [0] Файл не читается, в его структуре ошибка: { $detail }
       *[other] Файл не читается, ошибка в строке { $line }: { $detail }
    }
election-error-missing-field = Не заполнено поле «{ $field }».
election-error-format-version = Поле «{ $field }»: файл в формате версии { $value }, а эта программа читает только версию { $supported }.
election-error-unknown-kind = Поле «{ $field }»: вида выборов «{ $value }» не существует. Допустимые значения: { $allowed }.
election-error-bad-date = Поле «{ $field }»: «{ $value }» не является датой. Укажите дату в виде ГГГГ-ММ-ДД, например 2025-11-30.
election-error-bad-timezone = Поле «{ $field }»: часового пояса «{ $value }» не существует. Укажите его название по IANA, например Asia/Bishkek.
election-error-bad-registration-days = Поле «{ $field }»: { $value } — недопустимый срок регистрации, он должен быть от 1 до 3650 дней.
election-error-no-contests = Поле «{ $field }»: в выборах нет ни одного округа (бюллетеня). Добавьте хотя бы один.
election-error-duplicate-contest = Поле «{ $field }»: округ с идентификатором «{ $id }» уже указан.
election-error-unknown-station-kind = Поле «{ $field }»: типа участка «{ $value }» не существует. Допустимые значения: { $allowed }.
election-error-unknown-district = Поле «{ $field }»: округа «{ $value }» нет среди округов этих выборов.
election-error-missing-district = Поле «{ $field }»: не указан округ, к которому относится участок.
election-error-unknown-option-kind = Поле «{ $field }»: типа варианта «{ $value }» в бюллетене не бывает. Допустимые значения: { $allowed }.
election-error-duplicate-option = Поле «{ $field }»: вариант «{ $value }» указан в этом бюллетене дважды.
election-error-against-all-in-referendum = Поле «{ $field }»: в бюллетене референдума не бывает варианта «Против всех».
election-error-against-all-count =
    { $count ->
        [0] Поле «{ $field }»: в бюллетене нет варианта «Против всех», а он должен быть ровно один.
        [one] Поле «{ $field }»: вариант «Против всех» указан { $count } раз, а должен быть ровно один.
        [few] Поле «{ $field }»: вариант «Против всех» указан { $count } раза, а должен быть ровно один.
       *[many] Поле «{ $field }»: вариант «Против всех» указан { $count } раз, а должен быть ровно один.
    }
election-error-too-few-options =
    Поле «{ $field }»: в бюллетене должно быть не меньше { $needed } { $needed ->
        [one] варианта
        [few] вариантов
       *[many] вариантов
    } для выбора («Против всех» не в счёт).
election-error-duplicate-member = Поле «{ $field }»: член комиссии с идентификатором «{ $value }» уже указан.
election-error-unknown-role = Поле «{ $field }»: должности «{ $value }» в комиссии нет. Допустимые значения: { $allowed }.
election-error-role-count =
    Поле «{ $field }»: в комиссии должен быть ровно один { $role ->
        [chair] председатель
        [secretary] секретарь
       *[other] { $role }
    }, { $count ->
        [0] а сейчас нет { $role ->
            [chair] председателя
            [secretary] секретаря
           *[other] ни одного
        }.
        [one] а сейчас указан { $count } { $role ->
            [chair] председатель
            [secretary] секретарь
           *[other] { $role }
        }.
        [few] а сейчас указано { $count } { $role ->
            [chair] председателя
            [secretary] секретаря
           *[other] { $role }
        }.
       *[many] а сейчас указано { $count } { $role ->
            [chair] председателей
            [secretary] секретарей
           *[other] { $role }
        }.
    }
