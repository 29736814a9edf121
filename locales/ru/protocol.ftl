# The results protocol (domain::protocol): problems of a protocol form file, of a
# contest's figures, and the control relations in words.
# $field is a path in the form file, such as `line[3].label.ru` or `relation[2].check`;
# $relation is the relation's id; $position the character of its `check` (from 1);
# $found what stands there; $value what the file says.

protocol-error-syntax =
    { $line ->
        [0] Файл формы протокола не читается, в его структуре ошибка: { $detail }
       *[other] Файл формы протокола не читается, ошибка в строке { $line }: { $detail }
    }
protocol-error-missing-field = Не заполнено поле «{ $field }».
protocol-error-unknown-field = Поля «{ $field }» в форме протокола не бывает: проверьте, нет ли опечатки.
protocol-error-format-version = Поле «{ $field }»: форма в формате версии { $value }, а эта программа читает только версию { $supported }.
protocol-error-unknown-station-kind = Поле «{ $field }»: типа участка «{ $value }» не существует. Допустимые значения: { $allowed }.
protocol-error-duplicate-station-kind = Поле «{ $field }»: тип участка «{ $value }» уже указан.
protocol-error-bad-id = Поле «{ $field }»: «{ $value }» не годится как идентификатор. Пишите строчными латинскими буквами и цифрами, слова через дефис, например ballots-valid.
protocol-error-no-lines = Поле «{ $field }»: в форме нет ни одной строки. Добавьте хотя бы одну.
protocol-error-duplicate-line = Поле «{ $field }»: строка с идентификатором «{ $value }» уже есть.
protocol-error-bad-number = Поле «{ $field }»: номер строки { $value } должен быть текстом, например "9а", или целым числом не меньше 0.
protocol-error-duplicate-number = Поле «{ $field }»: строка с номером { $value } уже есть.
protocol-error-options-after-unknown = Поле «{ $field }»: строки «{ $value }», после которой должны идти варианты, в форме нет.
protocol-error-bad-number-from = Поле «{ $field }»: { $value } — недопустимый номер первой строки вариантов, он должен быть от 1 до 9999.
protocol-error-number-collision = Поле «{ $field }»: номер строки { $value } совпадёт с номером одного из вариантов, которые нумеруются начиная с { $first }.
protocol-error-duplicate-relation = Поле «{ $field }»: соотношение с идентификатором «{ $value }» уже есть.
protocol-error-check-character = Поле «{ $field }» (соотношение «{ $relation }»), позиция { $position }: знак «{ $found }» не допускается. Можно писать идентификаторы строк, sum(options), целые числа, + - ( ) и одно сравнение == <= >= < >.
protocol-error-check-single-equals = Поле «{ $field }» (соотношение «{ $relation }»), позиция { $position }: «{ $found }» — равенство записывается двумя знаками: ==.
protocol-error-check-expected-term = Поле «{ $field }» (соотношение «{ $relation }»), позиция { $position }: здесь должна быть строка, число, sum(options) или «(», а стоит «{ $found }».
protocol-error-check-ends-early = Поле «{ $field }» (соотношение «{ $relation }»), позиция { $position }: выражение обрывается, в конце не хватает строки или числа.
protocol-error-check-expected-operator = Поле «{ $field }» (соотношение «{ $relation }»), позиция { $position }: перед «{ $found }» не хватает знака +, - или сравнения.
protocol-error-check-unclosed = Поле «{ $field }» (соотношение «{ $relation }»), позиция { $position }: скобка «{ $found }» не закрыта.
protocol-error-check-unmatched = Поле «{ $field }» (соотношение «{ $relation }»), позиция { $position }: закрывающая скобка «{ $found }» без открывающей.
protocol-error-check-comparison-count =
    { $count ->
        [0] Поле «{ $field }» (соотношение «{ $relation }»): нет сравнения. Соотношение сравнивает две части одним из знаков == <= >= < >.
        [one] Поле «{ $field }» (соотношение «{ $relation }»): найдено { $count } сравнение, а должно быть ровно одно.
        [few] Поле «{ $field }» (соотношение «{ $relation }»): найдено { $count } сравнения, а должно быть ровно одно.
       *[many] Поле «{ $field }» (соотношение «{ $relation }»): найдено { $count } сравнений, а должно быть ровно одно.
    }
protocol-error-check-function = Поле «{ $field }» (соотношение «{ $relation }»), позиция { $position }: «{ $found }» — такой функции нет, есть только sum(options).
protocol-error-check-number = Поле «{ $field }» (соотношение «{ $relation }»), позиция { $position }: число { $found } слишком велико.
protocol-error-unknown-line = Поле «{ $field }» (соотношение «{ $relation }»), позиция { $position }: строки «{ $value }» в форме нет.
protocol-error-constant-relation = Поле «{ $field }» (соотношение «{ $relation }»): соотношение не зависит ни от одной строки, оно всегда выполнено или всегда нарушено.
protocol-error-line-not-in-equality = Поле «{ $field }»: строка { $number } («{ $value }») не входит ни в одно равенство (==), и ошибку в ней проверка не заметит. Добавьте равенство с этой строкой.
protocol-error-options-not-in-equality = Поле «{ $field }»: голоса за варианты, sum(options), не входят ни в одно равенство (==), и ошибку в них проверка не заметит.
protocol-error-no-form = Для участка типа «{ $value }» нет формы протокола.

# The figures of a contest's protocol. $number is the printed line number.
protocol-error-missing-figure = Строка { $number } не заполнена.
protocol-error-unknown-figure = Строки «{ $line }» в этой форме протокола нет.
protocol-error-missing-votes = Строка { $number }: не указано число голосов за вариант «{ $option }».
protocol-error-unknown-option = Варианта «{ $option }» в бюллетене округа «{ $contest }» нет.

# Control relations in words (§63). A side of a relation is given by $left_kind /
# $right_kind: `line` (one line: $…_number, $…_label), `options` (the votes of all options:
# lines $…_first to $…_last), `number` (a constant), `sum` (several terms, already joined
# with + and − in $…_terms); in the printed box also `sum-plus-number` and
# `sum-minus-number` (lines and a constant $…_number). $…_value is the side's total.
protocol-clause =
    { $clause ->
        [none] {""}
       *[other] {" "}({ $clause })
    }

protocol-explain-left =
    { $left_kind ->
        [line] строка { $left_number } «{ $left_label }» ({ $left_value })
        [options] сумма строк { $left_first }–{ $left_last } «{ $left_label }» ({ $left_value })
        [number] число { $left_value }
       *[sum] сумма строк { $left_terms } = { $left_value }
    }
protocol-explain-right =
    { $right_kind ->
        [line] строка { $right_number } «{ $right_label }» ({ $right_value })
        [options] сумма строк { $right_first }–{ $right_last } «{ $right_label }» ({ $right_value })
        [number] число { $right_value }
       *[sum] сумма строк { $right_terms } = { $right_value }
    }

# Why a relation fails. $difference is by how much the two sides differ.
protocol-violation-eq = Контрольное соотношение не выполнено: { protocol-explain-left } и { protocol-explain-right } должны быть равны, а различаются на { $difference }{ protocol-clause }.
protocol-violation-le = Контрольное соотношение не выполнено: { protocol-explain-left } больше, чем { protocol-explain-right }, а должно быть не больше{ protocol-clause }.
protocol-violation-ge = Контрольное соотношение не выполнено: { protocol-explain-left } меньше, чем { protocol-explain-right }, а должно быть не меньше{ protocol-clause }.
protocol-violation-lt = Контрольное соотношение не выполнено: { protocol-explain-left } не меньше, чем { protocol-explain-right }, а должно быть меньше{ protocol-clause }.
protocol-violation-gt = Контрольное соотношение не выполнено: { protocol-explain-left } не больше, чем { protocol-explain-right }, а должно быть больше{ protocol-clause }.

# What a relation says, for the printed protocol's box of control relations.
protocol-print-left =
    { $left_kind ->
        [line] Строка { $left_number }
        [options] Сумма строк { $left_first }–{ $left_last }
        [number] Число { $left_number }
        [sum] Сумма строк { $left_terms }
        [sum-plus-number] Сумма строк { $left_terms } и числа { $left_number }
       *[sum-minus-number] Сумма строк { $left_terms } за вычетом числа { $left_number }
    }
protocol-print-right =
    { $right_kind ->
        [line] строка { $right_number }
        [options] сумма строк { $right_first }–{ $right_last }
        [number] число { $right_number }
        [sum] сумма строк { $right_terms }
        [sum-plus-number] сумма строк { $right_terms } и числа { $right_number }
       *[sum-minus-number] сумма строк { $right_terms } за вычетом числа { $right_number }
    }
protocol-relation-eq = { protocol-print-left } и { protocol-print-right } равны{ protocol-clause }.
protocol-relation-le = { protocol-print-left } не больше, чем { protocol-print-right }{ protocol-clause }.
protocol-relation-ge = { protocol-print-left } не меньше, чем { protocol-print-right }{ protocol-clause }.
protocol-relation-lt = { protocol-print-left } меньше, чем { protocol-print-right }{ protocol-clause }.
protocol-relation-gt = { protocol-print-left } больше, чем { protocol-print-right }{ protocol-clause }.
