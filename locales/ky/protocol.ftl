# The results protocol (domain::protocol): problems of a protocol form file, of a
# contest's figures, and the control relations in words.
# $field is a path in the form file, such as `line[3].label.ru` or `relation[2].check`;
# $relation is the relation's id; $position the character of its `check` (from 1);
# $found what stands there; $value what the file says.

protocol-error-syntax =
    { $line ->
        [0] Протоколдун формасынын файлын окууга болбойт, анын түзүлүшүндө ката бар: { $detail }
       *[other] Протоколдун формасынын файлын окууга болбойт, { $line }-сапта ката бар: { $detail }
    }
protocol-error-missing-field = «{ $field }» талаасы толтурулган эмес.
protocol-error-unknown-field = Протоколдун формасында «{ $field }» деген талаа болбойт: ката жазылган жокпу, текшериңиз.
protocol-error-format-version = «{ $field }» талаасы: форма { $value }-версиядагы форматта, ал эми бул программа { $supported }-версияны гана окуйт.
protocol-error-unknown-station-kind = «{ $field }» талаасы: «{ $value }» деген участоктун түрү жок. Мүмкүн болгон маанилер: { $allowed }.
protocol-error-duplicate-station-kind = «{ $field }» талаасы: «{ $value }» участок түрү мурда эле жазылган.
protocol-error-bad-id = «{ $field }» талаасы: «{ $value }» идентификатор боло албайт. Кичине латын тамгалары жана сандар менен, сөздөрдү дефис аркылуу жазыңыз, мисалы ballots-valid.
protocol-error-no-lines = «{ $field }» талаасы: формада бир да сап жок. Жок дегенде бирөөнү кошуңуз.
protocol-error-duplicate-line = «{ $field }» талаасы: «{ $value }» идентификатору бар сап мурда эле бар.
protocol-error-bad-number = «{ $field }» талаасы: { $value } сап номери текст (мисалы "9а") же 0дөн кем эмес бүтүн сан болушу керек.
protocol-error-duplicate-number = «{ $field }» талаасы: { $value } номерлүү сап мурда эле бар.
protocol-error-options-after-unknown = «{ $field }» талаасы: варианттар андан кийин келе турган «{ $value }» сабы формада жок.
protocol-error-bad-number-from = «{ $field }» талаасы: { $value } туура эмес, варианттардын биринчи сабынын номери 1ден 9999га чейин болушу керек.
protocol-error-number-collision = «{ $field }» талаасы: { $value } сап номери { $first } номеринен башталган варианттардын биринин номери менен дал келип калат.
protocol-error-duplicate-relation = «{ $field }» талаасы: «{ $value }» идентификатору бар катыш мурда эле бар.
protocol-error-check-character = «{ $field }» талаасы («{ $relation }» катышы), { $position }-орун: «{ $found }» белгисине жол берилбейт. Саптардын идентификаторлору, sum(options), бүтүн сандар, + - ( ) жана бир салыштыруу == <= >= < > гана жазылат.
protocol-error-check-single-equals = «{ $field }» талаасы («{ $relation }» катышы), { $position }-орун: «{ $found }» — барабардык эки белги менен жазылат: ==.
protocol-error-check-expected-term = «{ $field }» талаасы («{ $relation }» катышы), { $position }-орун: бул жерде сап, сан, sum(options) же «(» болушу керек, ал эми «{ $found }» турат.
protocol-error-check-ends-early = «{ $field }» талаасы («{ $relation }» катышы), { $position }-орун: туюнтма бүтпөй калган, аягында сап же сан жетишпейт.
protocol-error-check-expected-operator = «{ $field }» талаасы («{ $relation }» катышы), { $position }-орун: «{ $found }» алдында +, - же салыштыруу белгиси жетишпейт.
protocol-error-check-unclosed = «{ $field }» талаасы («{ $relation }» катышы), { $position }-орун: «{ $found }» кашаасы жабылган эмес.
protocol-error-check-unmatched = «{ $field }» талаасы («{ $relation }» катышы), { $position }-орун: «{ $found }» жабуучу кашаанын ачуучу кашаасы жок.
protocol-error-check-comparison-count =
    { $count ->
        [0] «{ $field }» талаасы («{ $relation }» катышы): салыштыруу жок. Катыш эки бөлүктү == <= >= < > белгилеринин бири менен салыштырат.
       *[other] «{ $field }» талаасы («{ $relation }» катышы): { $count } салыштыруу табылды, так бирөө болушу керек.
    }
protocol-error-check-function = «{ $field }» талаасы («{ $relation }» катышы), { $position }-орун: «{ $found }» деген функция жок, sum(options) гана бар.
protocol-error-check-number = «{ $field }» талаасы («{ $relation }» катышы), { $position }-орун: { $found } саны өтө чоң.
protocol-error-unknown-line = «{ $field }» талаасы («{ $relation }» катышы), { $position }-орун: формада «{ $value }» сабы жок.
protocol-error-constant-relation = «{ $field }» талаасы («{ $relation }» катышы): катыш бир да саптан көз каранды эмес, ал дайыма аткарылат же дайыма бузулат.
protocol-error-line-not-in-equality = «{ $field }» талаасы: { $number }-сап («{ $value }») бир да барабардыкка (==) кирбейт, ошондуктан андагы катаны текшерүү байкабайт. Ушул сап катышкан барабардыкты кошуңуз.
protocol-error-options-not-in-equality = «{ $field }» талаасы: варианттарга берилген добуштар, sum(options), бир да барабардыкка (==) кирбейт, ошондуктан алардагы катаны текшерүү байкабайт.
protocol-error-no-form = «{ $value }» түрүндөгү участок үчүн протоколдун формасы жок.

# The figures of a contest's protocol. $number is the printed line number.
protocol-error-missing-figure = { $number }-сап толтурулган эмес.
protocol-error-unknown-figure = Протоколдун бул формасында «{ $line }» сабы жок.
protocol-error-missing-votes = { $number }-сап: «{ $option }» вариантына берилген добуштардын саны жазылган эмес.
protocol-error-unknown-option = «{ $contest }» округунун бюллетенинде «{ $option }» варианты жок.

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
        [line] { $left_number }-сап «{ $left_label }» ({ $left_value })
        [options] { $left_first }–{ $left_last }-саптардын суммасы «{ $left_label }» ({ $left_value })
        [number] { $left_value } саны
       *[sum] { $left_terms } саптарынын суммасы = { $left_value }
    }
protocol-explain-right =
    { $right_kind ->
        [line] { $right_number }-сап «{ $right_label }» ({ $right_value })
        [options] { $right_first }–{ $right_last }-саптардын суммасы «{ $right_label }» ({ $right_value })
        [number] { $right_value } саны
       *[sum] { $right_terms } саптарынын суммасы = { $right_value }
    }

# Why a relation fails. $difference is by how much the two sides differ.
protocol-violation-eq = Көзөмөлдүк катыш аткарылган жок: { protocol-explain-left } менен { protocol-explain-right } барабар болушу керек, бирок алардын айырмасы { $difference }{ protocol-clause }.
protocol-violation-le = Көзөмөлдүк катыш аткарылган жок: { protocol-explain-left } { protocol-explain-right } менен салыштырганда көп, бирок көп болбошу керек{ protocol-clause }.
protocol-violation-ge = Көзөмөлдүк катыш аткарылган жок: { protocol-explain-left } { protocol-explain-right } менен салыштырганда аз, бирок аз болбошу керек{ protocol-clause }.
protocol-violation-lt = Көзөмөлдүк катыш аткарылган жок: { protocol-explain-left } { protocol-explain-right } менен салыштырганда аз эмес, бирок аз болушу керек{ protocol-clause }.
protocol-violation-gt = Көзөмөлдүк катыш аткарылган жок: { protocol-explain-left } { protocol-explain-right } менен салыштырганда көп эмес, бирок көп болушу керек{ protocol-clause }.

# What a relation says, for the printed protocol's box of control relations.
protocol-print-left =
    { $left_kind ->
        [line] { $left_number }-сап
        [options] { $left_first }–{ $left_last }-саптардын суммасы
        [number] { $left_number } саны
        [sum] { $left_terms } саптарынын суммасы
        [sum-plus-number] { $left_terms } саптарынын суммасы плюс { $left_number }
       *[sum-minus-number] { $left_terms } саптарынын суммасы минус { $left_number }
    }
protocol-print-right =
    { $right_kind ->
        [line] { $right_number }-сап
        [options] { $right_first }–{ $right_last }-саптардын суммасы
        [number] { $right_number } саны
        [sum] { $right_terms } саптарынын суммасы
        [sum-plus-number] { $right_terms } саптарынын суммасы плюс { $right_number }
       *[sum-minus-number] { $right_terms } саптарынын суммасы минус { $right_number }
    }
protocol-relation-eq = { protocol-print-left } менен { protocol-print-right } барабар{ protocol-clause }.
protocol-relation-le = { protocol-print-left } { protocol-print-right } менен салыштырганда көп эмес{ protocol-clause }.
protocol-relation-ge = { protocol-print-left } { protocol-print-right } менен салыштырганда аз эмес{ protocol-clause }.
protocol-relation-lt = { protocol-print-left } { protocol-print-right } менен салыштырганда аз{ protocol-clause }.
protocol-relation-gt = { protocol-print-left } { protocol-print-right } менен салыштырганда көп{ protocol-clause }.
