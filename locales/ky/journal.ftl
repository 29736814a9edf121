# The journal (store crate): why a journal file cannot be trusted (store::Problem,
# ids journal-problem-…) and why a write failed (store::StoreError, journal-error-…).
# $seq, $found, $recorded, $supported are numbers; $detail is SQLite's own text (English).

journal-problem-damaged = Журналдын файлы бузулган (SQLite текшерүүсү: { $detail }). Журнал окуу үчүн гана ачылды; эч нерсе оңдолгон жок.

journal-problem-not-a-journal = Бул файл «Участок» программасынын журналы эмес, же окулбай тургандай бузулган.

journal-problem-newer-schema = Журнал программанын жаңыраак версиясы менен жазылган (схема { $found }, бул версия { $supported }-схемага чейин окуйт). Программаны жаңыртыңыз; журнал окуу үчүн гана ачылды.

journal-problem-chain-broken = Журналдын чынжыры № { $seq } жазууда бузулган: жазуу жазылгандан кийин өзгөртүлгөн. Журнал окуу үчүн гана ачылды.

journal-problem-gap = Журналда № { $seq } жазуу жок, бирок андан кийинки жазуулар бар: жазуу өчүрүлгөн. Журнал окуу үчүн гана ачылды.

journal-problem-head-mismatch = Журнал № { $found } жазуу менен бүтөт, ал эми акыркы жолу сакталганда башка хеши бар № { $recorded } жазуу менен бүткөн: акыркы жазуулар өчүрүлгөн же алмаштырылган. Журнал окуу үчүн гана ачылды.

journal-problem-projection-mismatch = Күндүн сакталган абалы журналдын № { $seq } жазуусуна чейинки мазмунуна дал келбейт. Журнал окуу үчүн гана ачылды.

journal-problem-unreadable-event = № { $seq } жазууну программанын бул версиясы окуй албайт ({ $detail }). Программаны жаңыртыңыз; журнал окуу үчүн гана ачылды.

journal-problem-in-use = Журнал башка программада ачык турат (мисалы, иштеп жаткан «Участок»). Аны жаап, кайра аракет кылыңыз.

journal-problem-cannot-open = Журналдын файлы ачылбайт: { $detail }.

journal-error-read-only = Журнал окуу үчүн гана ачык: эч нерсе жазылган жок.

journal-error-locked = Журнал башка программада ачык турат (мисалы, «Участоктун» экинчи нускасы). Аны жаап, программаны кайра иштетиңиз; эч нерсе жазылган жок.

journal-error-unsupported = Журналды бул жерде жүргүзүүгө болбойт ({ $detail }). Маалыматтар үчүн башка папканы тандаңыз; эч нерсе жазылган жок.

journal-error-encode = Окуяны жазууга даярдоо мүмкүн болгон жок ({ $detail }); эч нерсе жазылган жок.

journal-error-sqlite = Журналдын маалымат базасынын катасы: { $detail }. Акыркы аракет жазылган жок.
