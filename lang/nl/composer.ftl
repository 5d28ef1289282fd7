# Zinnen die de sjablonen van de composer delen (Nederlands, u-vorm naar de klant).
# Datums en bedragen komen al opgemaakt binnen.

subject-call-request = Kunnen we even bellen over { $project }?
subject-call-script = Belscript: { $project }
subject-voicemail = Voicemail: { $project }
subject-delay-email = { $project }: een nieuwe opleverdatum
subject-mistake-email = { $project }: onze fout en hoe we die herstellen
subject-walk-back-email = { $project }: over wat we u hebben beloofd
subject-follow-up-summary = { $project }: wat we hebben afgesproken
subject-transition-checkin = { $project }: de stand van zaken
subject-weekly-checkin = { $project }: wekelijkse update
subject-retrospective-doc = Terugblik: { $project }

greeting = Beste { $name },
sign-off = Met vriendelijke groet,

money = { $symbol } { $amount }
remedy-discount-percent = Om dit goed te maken, geven we u { $percent }% korting op { $future ->
    [yes] uw volgende project bij ons
   *[no] dit project
}.
remedy-discount-amount = Om dit goed te maken, geven we u { $amount } korting op { $future ->
    [yes] uw volgende project bij ons
   *[no] dit project
}.
remedy-free-hours = Om dit goed te maken, werken we { $hours } uur gratis voor u.
remedy-free-extras = Om dit goed te maken, leveren we het volgende zonder extra kosten: { $what }
remedy-substitute = Als alternatief kunnen we u het volgende aanbieden: { $what }
remedy-none = Als alternatief helpen we u op deze manier uw doelen te bereiken: { $route }

weekly-done = { $count ->
    [0] Deze week hebben we geen onderdelen afgerond
    [one] Deze week hebben we { $done } onderdeel afgerond
   *[other] Deze week hebben we { $done } onderdelen afgerond
}; { $rcount ->
    [one] er staat nog { $remaining } onderdeel open
   *[other] er staan nog { $remaining } onderdelen open
}.

heading-opening = Opening
heading-apology = Excuses
heading-impact = Wat dit voor de klant betekent
heading-empathy = Luister, en laat merken dat je het begrijpt
heading-steer-back = Als de klant gefrustreerd blijft
heading-plan = Het plan
heading-new-date = Nieuwe datum
heading-remedy = Wat we aanbieden
heading-next-step = Volgende stap
heading-dont-say = Zeg dit niet
heading-timeline = Planning
heading-what-happened = Wat er is gebeurd
heading-cause = Oorzaak (intern)
heading-factors = Bijdragende factoren
heading-actions = Actiepunten
