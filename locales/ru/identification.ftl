# Identifying voters and giving them a ballot (§37–42, R3.1–R3.2, R4.2–R4.3).
# Refusals of domain::identification and of the api's identification desk.

error-identification-under-age = Избиратель не достигает 18 лет в день голосования (полных лет: { $age }) и не имеет права голоса.
error-identification-not-in-list = Избиратель не включён в список этого участка: он зарегистрирован на участке № { $station } (§37).
error-identification-unknown-district = Округ избирателя «{ $district }» не участвует в этих выборах.
error-identification-community-too-recent =
    Избиратель зарегистрирован по адресу только с { $date }: членом местного сообщества округа считается тот, кто зарегистрирован не менее { $days ->
        [one] { $days } дня
        [few] { $days } дней
        [many] { $days } дней
       *[other] { $days } дня
    } до дня голосования (R3.1). Дистанционное голосование невозможно.
error-identification-own-district-other-station =
    Избиратель находится в пределах своего округа { $district }, но не на своём участке: дистанционное голосование в своём округе не допускается (R1.6, R4.3). Предложите ему проголосовать на своём участке № { $station } или на участке другого округа.
error-identification-too-many-attempts = Попыток сканирования отпечатков пальцев не может быть больше { $max } (R4.2).
error-identification-no-attempt = Отпечаток пальца ещё не сканировался.
error-identification-face-not-here = Идентификация по геометрии лица применяется только на участке дистанционного голосования (R4.2).
error-identification-face-too-early =
    По лицу идентифицируют только после { $max } неудачных попыток по отпечаткам пальцев (R4.2); сделано { $attempts ->
        [one] { $attempts } попытка
        [few] { $attempts } попытки
        [many] { $attempts } попыток
       *[other] { $attempts } попытки
    }.
error-identification-give-up-too-early =
    { $face ->
        [yes] Акт о невозможности идентификации составляется после { $attempts } попыток по отпечаткам пальцев и попытки по лицу (R4.2, §37).
       *[no] Акт о невозможности идентификации составляется после { $attempts } попыток по отпечаткам пальцев (§37).
    }
error-identification-already-identified = Этот избиратель уже прошёл идентификацию: повторная идентификация не допускается (R3.2).
error-voting-not-open = Голосование ещё не открыто: избирателей идентифицируют после открытия участка в { $time } (§31–37).
error-voting-closed = Голосование окончено: после закрытия участка бюллетени не выдаются (§49).
error-ballot-printed-only-remote = Бюллетени по требованию печатаются только на участке дистанционного голосования (R4.2).
error-ballot-nobody-waiting = Нет идентифицированного избирателя округа «{ $district }», ожидающего бюллетень.
error-list-not-identified = Этот избиратель не идентифицирован на участке: внести его в список нельзя.
error-list-already-listed = Избиратель уже расписался в списке.
error-ballot-remote-prints = На участке дистанционного голосования бюллетень печатает устройство идентификации (R4.2).
error-ballot-no-receipt = Бюллетень выдаётся только по чеку идентификации избирателя, расписавшегося в списке (§41).
error-ballot-members-have-none =
    У членов комиссии не осталось бюллетеней для выдачи: им выдано { $issued ->
        [one] { $issued } бюллетень
        [few] { $issued } бюллетеня
        [many] { $issued } бюллетеней
       *[other] { $issued } бюллетеня
    } (§36).
error-turnout-not-a-report = Этап «{ $step }» не является сведениями о явке.
