# Setninger malene i composeren deler (norsk bokmål, du-form). Datoer og beløp kommer ferdig formatert.

subject-call-request = Kan vi ta en prat om { $project }?
subject-call-script = Samtaleguide: { $project }
subject-voicemail = Talemelding: { $project }
subject-delay-email = { $project }: ny leveringsdato
subject-mistake-email = { $project }: vår feil, og hvordan vi retter den opp
subject-walk-back-email = { $project }: om det vi lovet deg
subject-follow-up-summary = { $project }: det vi ble enige om
subject-transition-checkin = { $project }: status
subject-weekly-checkin = { $project }: ukentlig oppdatering
subject-retrospective-doc = Etterevaluering: { $project }

greeting = Hei { $name },
sign-off = Med vennlig hilsen

money = { $amount } { $symbol }
remedy-discount-percent = For å gjøre opp for dette gir vi deg { $percent } % rabatt på { $future ->
    [yes] ditt neste prosjekt hos oss
   *[no] dette prosjektet
}.
remedy-discount-amount = For å gjøre opp for dette gir vi deg { $amount } i rabatt på { $future ->
    [yes] ditt neste prosjekt hos oss
   *[no] dette prosjektet
}.
remedy-free-hours = For å gjøre opp for dette gjør vi { $hours } { $count ->
    [one] time
   *[other] timer
} arbeid gratis for deg.
remedy-free-extras = For å gjøre opp for dette leverer vi følgende uten ekstra kostnad: { $what }
remedy-substitute = Som et alternativ kan vi tilby deg følgende: { $what }
remedy-none = Som et alternativ vil vi hjelpe deg å nå målene dine på denne måten: { $route }

weekly-done = { $count ->
    [0] Denne uken ble ingen oppgaver fullført
    [one] Denne uken fullførte vi { $done } oppgave
   *[other] Denne uken fullførte vi { $done } oppgaver
}, og { $rcount ->
    [one] { $remaining } oppgave gjenstår
   *[other] { $remaining } oppgaver gjenstår
}.

heading-opening = Åpning
heading-apology = Beklagelse
heading-impact = Hva dette betyr for kunden
heading-empathy = Lytt, og vis at du forstår
heading-steer-back = Hvis kunden fortsatt er frustrert
heading-plan = Planen
heading-new-date = Ny dato
heading-remedy = Det vi tilbyr
heading-next-step = Neste steg
heading-dont-say = Ikke si dette
heading-timeline = Tidslinje
heading-what-happened = Hva som skjedde
heading-cause = Årsak (internt)
heading-factors = Medvirkende faktorer
heading-actions = Tiltak
