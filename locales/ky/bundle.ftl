# The signed protocol bundle (bundle crate, bundle::BundleError, ids bundle-error-…),
# the station key and the journal's checkpoints (domain::checkpoint, error-checkpoint-…),
# exporting a bundle (api, bundle-…), and `uchastok verify` (cli-verify-…).
# $name and $path are entry names inside the zip; $key, $found, $registered, $expected are
# key fingerprints (four groups of four hex digits) or election ids; $detail is a
# library's own text (English); $seq and $line are numbers; times are UTC.

## The container
bundle-error-too-large = Пакет өтө чоң: { $size } Б, уруксат берилгени { $limit } Б. Пакет четке кагылды.
bundle-error-not-a-zip = Файл пакеттин zip-архиви эмес ({ $detail }). Пакет четке кагылды.
bundle-error-too-many-entries = Архивде { $count } файл бар, уруксат берилгени — { $limit }. Пакет четке кагылды.
bundle-error-unsafe-name = Архивдеги файлдын аты жол берилгис: «{ $name }» (абсолюттук жол, «..», тескери жантык сызык же башкаруучу белги). Пакет четке кагылды, эч нерсе чыгарылган жок.
bundle-error-symlink = «{ $name }» — символдук шилтеме. Пакет четке кагылды, эч нерсе чыгарылган жок.
bundle-error-directory = «{ $name }» — папка; пакетте файлдар гана болот. Пакет четке кагылды.
bundle-error-encrypted = «{ $name }» шифрленген. Пакет четке кагылды.
bundle-error-duplicate-entry = «{ $name }» архивде эки жолу кездешет. Пакет четке кагылды.
bundle-error-entry-too-large = «{ $name }» өтө чоң: { $size } Б, уруксат берилгени { $limit } Б. Пакет четке кагылды.
bundle-error-compression-ratio = «{ $name }» архивдеги өлчөмүнөн { $ratio } эсе чоңоюп кетмек (уруксат берилгени { $limit }): бул zip-бомбага окшош. Пакет четке кагылды, эч нерсе чыгарылган жок.
bundle-error-compressed = «{ $name }» кысылган, ал эми пакеттин файлдары кысылбай сакталат. Пакет четке кагылды, эч нерсе чыгарылган жок.
bundle-error-entry-damaged = «{ $name }» окулбайт ({ $detail }). Пакет бузулган жана четке кагылды.
bundle-error-missing-entry = Пакетте «{ $name }» жок. Пакет четке кагылды.
bundle-error-extra-entry = «{ $name }» кол коюлган манифестте көрсөтүлгөн эмес. Пакет четке кагылды.
bundle-error-not-canonical = zip-архивдин кызматтык талаалары (убакыт, атрибуттар, файлдардын тартиби) кол коюлгандан кийин өзгөртүлгөн. Пакет четке кагылды.
bundle-error-json-too-deep = «{ $name }» ичиндеги JSON { $limit } деңгээлден тереңирээк салынган. Пакет четке кагылды.

## The signatures
bundle-error-envelope-invalid = Кол тамганын конверти окулбайт ({ $detail }). Пакет четке кагылды.
bundle-error-payload-type = Конверт пакеттин манифестине эмес, «{ $found }» дегенге кол коет. Пакет четке кагылды.
bundle-error-manifest-mismatch = manifest.json кол коюлган манифестке дал келбейт. Пакет четке кагылды.
bundle-error-no-signature = Пакетке кол коюлган эмес. Пакет четке кагылды.
bundle-error-duplicate-signature = { $key } ачкычы пакетке эки жолу кол койгон; ар бир кол тамга бир гана жолу эсептелет. Пакет четке кагылды.
bundle-error-bad-signature = { $key } ачкычынын кол тамгасы туура эмес: пакет кол коюлгандан кийин өзгөртүлгөн же башка ачкыч менен кол коюлган. Пакет четке кагылды.
bundle-error-unregistered-key = Пакетке { $key } ачкычы менен кол коюлган, ал округдук комиссиянын ачкычтар реестринде жок. Пакет четке кагылды.
bundle-error-other-station-key = { $station } участогунун пакетине { $registered } участогуна катталган { $key } ачкычы менен кол коюлган. Пакет четке кагылды.
bundle-error-not-signed-by-station = { $station } участогунун пакетине участоктун өз ачкычы менен кол коюлган эмес. Пакет четке кагылды.
bundle-error-key-not-valid = { $key } ачкычы { $from } баштап { $until } чейин жарактуу, ал эми пакет { $at } түзүлгөн. Пакет четке кагылды.

## The manifest
bundle-error-manifest-invalid = Манифест окулбайт ({ $detail }). Пакет четке кагылды.
bundle-error-unsupported-format = Пакеттин форматы { $found }, программанын бул версиясы { $supported }-форматты окуйт. Программаны жаңыртыңыз.
bundle-error-wrong-election = Пакет «{ $found }» шайлоосуна тиешелүү, ал эми реестр «{ $expected }» шайлоосуна. Пакет четке кагылды.
bundle-error-station-not-registered = { $station } участогу округдук комиссиянын ачкычтар реестринде жок. Пакет четке кагылды.
bundle-error-training-refused = Бул окуу шайлоосунун пакети; окуу режиминде иштебеген округдук комиссия аны кабыл албайт.
bundle-error-real-in-training = Бул чыныгы шайлоонун пакети; окуу режиминдеги округдук комиссия аны кабыл албайт.
bundle-error-replayed = № { $sequence } пакет мурда кабыл алынгандан эскирээк: № { $minimum } же андан жаңы пакет күтүлөт. Пакет четке кагылды.
bundle-error-path-not-allowed = Манифест пакетте болушу мүмкүн эмес «{ $path }» файлын атайт. Пакет четке кагылды.
bundle-error-manifest-duplicate-path = Манифест «{ $path }» файлын эки жолу атайт. Пакет четке кагылды.
bundle-error-manifest-order = Манифесттеги файлдар тартип менен эмес («{ $path }» жеринде). Пакет четке кагылды.
bundle-error-size-mismatch = «{ $path }» файлынын өлчөмү манифестте көрсөтүлгөнгө дал келбейт. Пакет четке кагылды.
bundle-error-hash-mismatch = «{ $path }» файлы кол коюлгандан кийин өзгөртүлгөн: анын SHA-256 хеши манифестке дал келбейт. Пакет четке кагылды.

## The results and the journal
bundle-error-results-invalid = results.json окулбайт ({ $detail }). Пакет четке кагылды.
bundle-error-journal-invalid = Журналдын { $line }-сабы окулбайт ({ $detail }). Пакет четке кагылды.
bundle-error-journal-empty = Пакеттеги журнал бош. Пакет четке кагылды.
bundle-error-journal-gap = Журналда № { $seq } жазуу жок: жазуу өчүрүлгөн. Пакет четке кагылды.
bundle-error-journal-reordered = Журналдын № { $seq } жазуусу өз ордунда эмес: жазуулардын тартиби өзгөртүлгөн. Пакет четке кагылды.
bundle-error-chain-broken = Журналдын хеш чынжыры № { $seq } жазууда бузулган: жазуу өзгөртүлгөн. Пакет четке кагылды.
bundle-error-event-unreadable = № { $seq } жазуунун окуясын программанын бул версиясы окуй албайт ({ $detail }). Программаны жаңыртыңыз.
bundle-error-event-mismatch = № { $seq } жазуунун түрү же убактысы анын окуясына дал келбейт. Пакет четке кагылды.
bundle-error-journal-other-station = Пакеттеги журнал манифестте көрсөтүлгөн участоктуку эмес: ал «{ $election }» шайлоосунун «{ $station }» участогунун журналы. Пакет четке кагылды.
bundle-error-journal-no-station-key = Журналга участоктун ачкычы жазылган эмес, ошондуктан анын контролдук чекиттерин текшерүүгө болбойт. Пакет четке кагылды.
bundle-error-station-key-mismatch = Журнал участоктун ачкычы катары { $found } дегенди атайт, ал эми реестрде { $registered } ачкычы катталган. Пакет четке кагылды.
bundle-error-checkpoint-invalid = Журналдын № { $seq } жазуусундагы контролдук чекит жараксыз: анын кол тамгасы же хеши журналга дал келбейт. Пакет четке кагылды.
bundle-error-checkpoint-mismatch = Манифест журналдын аягы № { $claimed } жазуу дейт, ал эми журнал № { $found } жазуу менен бүтөт. Пакет четке кагылды.
bundle-error-no-results = Журналды кайра ойнотуу кол коюлган протоколду бербейт ({ $reason }). Пакет четке кагылды.
bundle-error-results-differ = results.json журнал боюнча кайра эсептелген протоколго дал келбейт ({ $contest }). Пакет четке кагылды.
bundle-error-training-mismatch = Манифест, жыйынтыктар жана шайлоонун аныктамасы бул окуу шайлоосубу же жокпу деген суроодо дал келишпейт. Пакет четке кагылды.
bundle-error-relations-violated = «{ $contest }» протоколунда { $count } көзөмөлдүк өз ара катыш бузулган. Пакет четке кагылды.

## The district's registry
bundle-error-registry-invalid = Ачкычтар реестри окулбайт ({ $detail }).
bundle-error-registry-bad-signature = Ачкычтар реестринин кол тамгасы туура эмес: реестр өзгөртүлгөн же башка ачкыч менен кол коюлган.
bundle-error-registry-other-signer = Ачкычтар реестрине { $found } ачкычы менен кол коюлган, ал эми { $expected } ачкычы күтүлөт.
bundle-error-registry-duplicate-station = { $station } участогу ачкычтар реестрине эки жолу жазылган.
bundle-error-registry-key-reused = { $key } ачкычы реестрге эки жолу жазылган; ар бир участоктун жана комиссия мүчөсүнүн өз ачкычы болот.

## The signed results on paper
bundle-error-paper-invalid = { $index }-QR-код кол коюлган протоколдун бөлүгү эмес ({ $detail }).
bundle-error-paper-incomplete = { $need } бөлүктүн { $have } гана сканерленди. Протоколдун калган QR-коддорун сканерлеңиз.
bundle-error-paper-mixed = QR-коддор ар башка протоколдорго тиешелүү. Бир протоколдун коддорун сканерлеңиз.

## Making and signing
bundle-error-write = Пакетти түзүүгө болбой калды ({ $detail }).
bundle-error-sign = Кол коюуга болбой калды ({ $detail }).

## The station key and the checkpoints (domain::checkpoint)
error-checkpoint-bad-key = Участоктун ачык ачкычынын түрү туура эмес; эч нерсе жазылган жок.
error-checkpoint-key-registered = Участоктун { $fingerprint } ачкычы журналга мурунтан жазылган.
error-checkpoint-key-changed = Журналга участоктун башка ачкычы ({ $fingerprint }) мурунтан жазылган; участоктун ачкычы алмаштырылбайт. Ачкыч файлын камдык көчүрмөдөн калыбына келтириңиз.
error-checkpoint-no-key = Участоктун ачкычы журналга жазылмайынча контролдук чекитке кол коюуга болбойт.
error-checkpoint-stale = Контролдук чекитке № { $claimed } жазуу үчүн кол коюлган, ал эми журналда азыр { $events } жазуу бар; эч нерсе жазылган жок.
error-checkpoint-malformed = Контролдук чекиттин түрү туура эмес; эч нерсе жазылган жок.

## Exporting a bundle (api)
bundle-export-write = Пакетти «{ $path }» жерине жазууга болбой калды: { $detail }. Папканы же флешканы текшерип, кайталаңыз; журнал өзгөргөн жок.
bundle-export-not-ready = Пакетти протоколго кол коюлгандан кийин гана чыгарууга болот.
bundle-export-read-only = Журнал окуу үчүн гана ачык: андан пакет чыгарылбайт.
bundle-export-self-check = Түзүлгөн пакет өз текшерүүсүнөн өткөн жок ({ $detail }); эч нерсе жазылган жок.
bundle-station-key = Участоктун ачкычы
bundle-station-key-hint = Округдук комиссия бул ачкычты шайлоо күнүнө чейин каттайт: ачкычтын изин үн чыгарып салыштырып, QR-кодду сканерлеңиз.
bundle-checkpoint = Контролдук чекит
bundle-checkpoint-hint = Бул изди жыйналыштын кагаз протоколуна жазыңыз: № { $seq } жазуу.
bundle-export = Пакетти чыгаруу
bundle-export-folder = Папка (же флешка)
bundle-exported = № { $sequence } пакет жазылды: { $path }

## uchastok verify
cli-verify-ok = Пакет текшерилди: «{ $election }» шайлоосу, { $station } участогу, № { $sequence } пакет, { $created } түзүлгөн.
cli-verify-journal = Журнал: жазуулар — { $events }, акыркысы { $head }; контролдук чекиттер — { $checkpoints }.
cli-verify-checkpoint = № { $seq } жазуудагы контролдук чекит ({ $at }): { $fingerprint }
cli-verify-signer-station = Участоктун { $fingerprint } ачкычы менен кол коюлган
cli-verify-signer-member = Ошондой эле кол койгон: { $role } { $name }, ачкычы { $fingerprint }
cli-verify-results = Жыйынтыктар журнал боюнча кайра эсептелип, № { $number } кол коюлган протоколго дал келет; көзөмөлдүк өз ара катыштар аткарылат.
cli-verify-failed = «{ $file }» пакети четке кагылды:
cli-verify-registry-failed = «{ $file }» ачкычтар реестри кабыл алынган жок:
cli-verify-cannot-read = «{ $file }» файлы окулбайт: { $detail }
cli-demo-bundle = Округдук комиссия үчүн пакет: { $path }
cli-demo-station-key = Участоктун ачык ачкычы: { $path } (ачкычтын изи { $fingerprint })
cli-demo-registry = Округдук комиссиянын окуу ачкычтар реестри: { $path }
bundle-card-absent = Төраганын смарт-картасы салынган эмес же окугуч туташтырылган эмес.
bundle-card-wrong-pin = Смарт-картанын PIN-коду туура эмес; калган аракеттер: { $attempts }.
bundle-card-blocked = Төраганын смарт-картасы туура эмес PIN-коддордон кийин бөгөттөлгөн.
bundle-card-unusable = Бул смарт-картада пакетке кол коюуга боло турган ачкыч жок.
bundle-card-pin-required = Адегенде смарт-картанын PIN-кодун киргизиңиз.

## The sheet of signed results (PDF)
bundle-signed-results-title = Округдук комиссия үчүн кол коюлган жыйынтыктар
bundle-signed-results-hint = Округдук комиссия бул барактын бардык QR-коддорун сканерлеп, жыйынтыктарды кагаздан кабыл ала алат: алар участоктун ачкычы менен кол коюлган жана пакет сыяктуу эле ачкычтар реестри боюнча текшерилет.
bundle-signed-results-part = { $parts } бөлүктүн { $part }-бөлүгү
bundle-doc-election = Шайлоо
bundle-doc-station = Участок
bundle-doc-protocol-number = Протоколдун номери
bundle-doc-signed-at = Протоколго кол коюлган

## The window
bundle-key-id = Ачкычтын идентификатору
bundle-status-checkpoint = Контролдук чекит { $time }: { $fingerprint }
bundle-export-hint = Пакетке участоктун ачкычы менен кол коюлат; төрага өз смарт-картасынын PIN-кодун киргизсе, карта да пакетке кол коет. Протокол оңдолгондон кийин кайра чыгарылган пакет кийинки номерди алат.
bundle-export-folder-default = маалыматтар папкасындагы bundles папкасы
bundle-export-pin = Төраганын смарт-картасынын PIN-коду (милдеттүү эмес)
bundle-signed-results-print = Кол коюлган жыйынтыктарды басып чыгаруу (QR-коддор)
