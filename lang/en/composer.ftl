# Phrases the composer's templates share (English). Dates and amounts arrive already formatted.

subject-call-request = Could we talk about { $project }?
subject-call-script = Call script: { $project }
subject-voicemail = Voicemail: { $project }
subject-delay-email = { $project }: a new delivery date
subject-mistake-email = { $project }: our mistake and how we are putting it right
subject-walk-back-email = { $project }: about what we promised you
subject-follow-up-summary = { $project }: what we agreed
subject-transition-checkin = { $project }: where things stand
subject-weekly-checkin = { $project }: weekly update
subject-retrospective-doc = Retrospective: { $project }

greeting = Dear { $name },
sign-off = Kind regards,

money = { $symbol }{ $amount }
remedy-discount-percent = To make up for this, we will give you a { $percent }% discount on { $future ->
    [yes] your next project with us
   *[no] this project
}.
remedy-discount-amount = To make up for this, we will give you a discount of { $amount } on { $future ->
    [yes] your next project with us
   *[no] this project
}.
remedy-free-hours = To make up for this, we will add { $count ->
    [one] { $hours } hour
   *[other] { $hours } hours
} of work free of charge.
remedy-free-extras = To make up for this, we will add the following at no extra cost: { $what }
remedy-substitute = Instead, we can offer you the following: { $what }
remedy-none = Instead, we can offer you another way to reach your goals: { $route }

weekly-done = { $count ->
    [0] This week we finished no items
    [one] This week we finished { $done } item
   *[other] This week we finished { $done } items
}, and { $rcount ->
    [one] { $remaining } item is still to do
   *[other] { $remaining } items are still to do
}.

heading-opening = Opening
heading-apology = Apology
heading-impact = What this means for the client
heading-empathy = Listen, and show you understand
heading-steer-back = If the client stays frustrated
heading-plan = The plan
heading-new-date = New date
heading-remedy = What we offer
heading-next-step = Next step
heading-dont-say = Don't say
heading-timeline = Timeline
heading-what-happened = What happened
heading-cause = Cause (internal)
heading-factors = Contributing factors
heading-actions = Action items
