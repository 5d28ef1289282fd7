//! The demo workspace's content: four clients, one per language, written as real people would.
//! Dates are offsets in days from today, so the demo always looks current.

/// A demo team member: name, email, role.
pub const TEAM: &[(&str, &str, &str)] = &[
    ("Maya Jensen", "maya@brightlane.example", "account manager"),
    ("Lisa de Boer", "lisa@brightlane.example", "project lead"),
    ("Tom Okafor", "tom@brightlane.example", "developer"),
    ("Arif Hossain", "arif@brightlane.example", "designer"),
];

/// A demo client and everything that hangs off it.
pub struct DemoClient {
    /// Name.
    pub name: &'static str,
    /// Language code.
    pub language: &'static str,
    /// Country code.
    pub country: &'static str,
    /// Time zone.
    pub time_zone: &'static str,
    /// Goals in the client's language.
    pub goals: &'static str,
    /// Key date label and offset in days.
    pub key_date: (&'static str, i64),
    /// Email domain.
    pub domain: &'static str,
    /// Contact: name, email, phone, channel.
    pub contact: (&'static str, &'static str, &'static str, &'static str),
    /// Projects.
    pub projects: &'static [DemoProject],
    /// Commitment: text, made by, made offset, due offset, clause.
    pub commitment: (&'static str, &'static str, i64, i64, &'static str),
    /// Record entries: kind, direction, offset, author, subject, body.
    pub records: &'static [(
        &'static str,
        &'static str,
        i64,
        &'static str,
        &'static str,
        &'static str,
    )],
}

/// A demo project: name, start offset, deadline offset, milestones, daily rate ×10, growth.
pub struct DemoProject {
    /// Name.
    pub name: &'static str,
    /// Start, days from today (negative: in the past).
    pub start: i64,
    /// Deadline, days from today.
    pub deadline: i64,
    /// Milestones: title, due offset, scope.
    pub milestones: &'static [(&'static str, i64, u32)],
    /// Average items done per business day, times ten.
    pub rate_x10: u32,
    /// Items added to the scope every other week.
    pub growth: u32,
}

/// The four demo clients.
pub const CLIENTS: &[DemoClient] = &[
    DemoClient {
        name: "Harbour & Finch Ltd",
        language: "en",
        country: "GB",
        time_zone: "Europe/London",
        goals: "Give customers a self-service portal before the annual shareholders' meeting, so the board can show lower support costs.",
        key_date: ("annual shareholders' meeting", 110),
        domain: "harbourfinch.co.uk",
        contact: (
            "Olivia Bennett",
            "olivia.bennett@harbourfinch.co.uk",
            "+44 20 7946 0321",
            "call",
        ),
        projects: &[DemoProject {
            name: "Customer portal",
            start: -77,
            deadline: 42,
            milestones: &[("Design", -30, 20), ("Build", 28, 60), ("Launch", 42, 10)],
            rate_x10: 13,
            growth: 0,
        }],
        commitment: (
            "We will deliver the customer portal in time for the shareholders' meeting.",
            "Maya Jensen",
            -80,
            42,
            "Statement of work §2.1",
        ),
        records: &[
            (
                "email",
                "in",
                -12,
                "Olivia Bennett",
                "Portal demo",
                "Hi Maya,\n\nThe board liked the design. Could we see the account pages working before the end of the month?\n\nBest regards,\nOlivia",
            ),
            (
                "email",
                "out",
                -11,
                "Maya Jensen",
                "Re: Portal demo",
                "Hi Olivia,\n\nThank you, that is good to hear. We will show you the account pages in a short demo next Thursday.\n\nKind regards,\nMaya",
            ),
            (
                "call",
                "out",
                -4,
                "Maya Jensen",
                "Weekly call",
                "Olivia asked whether the portal can send invoices by email. We agreed to look into it and answer by Friday.",
            ),
        ],
    },
    DemoClient {
        name: "Bakkerij Van Dijk",
        language: "nl",
        country: "NL",
        time_zone: "Europe/Amsterdam",
        goals: "Klanten in alle vestigingen kunnen online bestellen en ophalen, op tijd voor de opening van de nieuwe vestiging in Utrecht.",
        key_date: ("opening nieuwe vestiging Utrecht", 35),
        domain: "bakkerijvandijk.nl",
        contact: (
            "Sanne de Vries",
            "sanne@bakkerijvandijk.nl",
            "+31 30 123 4567",
            "call",
        ),
        projects: &[DemoProject {
            name: "Webwinkel",
            start: -70,
            deadline: 21,
            milestones: &[
                ("Ontwerp", -35, 30),
                ("Bestellen en betalen", 7, 70),
                ("Livegang", 21, 20),
            ],
            rate_x10: 9,
            growth: 4,
        }],
        commitment: (
            "We zorgen dat de webwinkel live staat vóór de opening in Utrecht.",
            "Lisa de Boer",
            -72,
            21,
            "Offerte §3",
        ),
        records: &[
            (
                "email",
                "in",
                -9,
                "Sanne de Vries",
                "Stand van zaken webwinkel",
                "Beste Lisa,\n\nHoe staat het met de webwinkel? We willen de nieuwe vestiging in Utrecht graag openen met online bestellen.\n\nMet vriendelijke groet,\nSanne de Vries",
            ),
            (
                "email",
                "out",
                -8,
                "Lisa de Boer",
                "Re: Stand van zaken webwinkel",
                "Beste Sanne,\n\nBedankt voor je bericht. We werken nu aan de betaalmodule en sturen je vrijdag een nieuwe versie om te testen.\n\nMet vriendelijke groet,\nLisa",
            ),
            (
                "call",
                "in",
                -3,
                "Lisa de Boer",
                "Telefoongesprek met Sanne",
                "Sanne vroeg of de bezorgopties per vestiging kunnen verschillen. We hebben afgesproken dat we dat uitzoeken en haar maandag laten weten.",
            ),
        ],
    },
    DemoClient {
        name: "Fjordlys AS",
        language: "nb",
        country: "NO",
        time_zone: "Europe/Oslo",
        goals: "Gjestene skal kunne bestille rom og turer på nett før sommersesongen starter.",
        key_date: ("sommersesongen starter", 150),
        domain: "fjordlys.no",
        contact: (
            "Ingrid Hansen",
            "ingrid.hansen@fjordlys.no",
            "+47 22 12 34 56",
            "email",
        ),
        projects: &[DemoProject {
            name: "Bookingløsning",
            start: -63,
            deadline: 56,
            milestones: &[("Prototype", -14, 25), ("Betaling og kalender", 56, 45)],
            rate_x10: 11,
            growth: 0,
        }],
        commitment: (
            "Vi skal levere bookingløsningen før sommersesongen starter.",
            "Maya Jensen",
            -65,
            56,
            "Avtale punkt 4",
        ),
        records: &[
            (
                "email",
                "in",
                -10,
                "Ingrid Hansen",
                "Tidlig versjon",
                "Hei Maya,\n\nVi gleder oss til å se den nye bookingløsningen. Kan dere vise oss en tidlig versjon før påske?\n\nHilsen\nIngrid Hansen",
            ),
            (
                "email",
                "out",
                -9,
                "Maya Jensen",
                "Sv: Tidlig versjon",
                "Hei Ingrid,\n\nTakk for meldingen. Vi viser dere en tidlig versjon på møtet neste uke.\n\nVennlig hilsen\nMaya",
            ),
            (
                "meeting",
                "out",
                -2,
                "Maya Jensen",
                "Møte om prototypen",
                "Ingrid likte prototypen. Hun ønsker at gjestene også kan bestille turer i samme bestilling.",
            ),
        ],
    },
    DemoClient {
        name: "নদী ট্রেডার্স",
        language: "bn",
        country: "BD",
        time_zone: "Asia/Dhaka",
        goals: "বার্ষিক সাধারণ সভার আগে গ্রাহকেরা যেন মোবাইল থেকে অর্ডার দিতে পারেন।",
        key_date: ("বার্ষিক সাধারণ সভা", 45),
        domain: "noditraders.com.bd",
        contact: (
            "রহিম আহমেদ",
            "rahim@noditraders.com.bd",
            "+880 2 5566 7788",
            "call",
        ),
        projects: &[DemoProject {
            name: "অর্ডার অ্যাপ",
            start: -84,
            deadline: 30,
            milestones: &[("নকশা", -42, 30), ("অ্যাপ তৈরি", 30, 50)],
            rate_x10: 10,
            growth: 2,
        }],
        commitment: (
            "আমরা বার্ষিক সাধারণ সভার আগেই অর্ডার অ্যাপ চালু করব।",
            "Arif Hossain",
            -86,
            30,
            "চুক্তির ৫ নম্বর ধারা",
        ),
        records: &[
            (
                "email",
                "in",
                -7,
                "রহিম আহমেদ",
                "অ্যাপের নকশা",
                "প্রিয় আরিফ,\n\nঅ্যাপের নকশা আমাদের খুব পছন্দ হয়েছে। পরীক্ষার জন্য কবে একটি সংস্করণ পাব, জানাবেন কি?\n\nধন্যবাদ,\nরহিম",
            ),
            (
                "email",
                "out",
                -6,
                "Arif Hossain",
                "উত্তর: অ্যাপের নকশা",
                "প্রিয় রহিম সাহেব,\n\nআপনার বার্তার জন্য ধন্যবাদ। পরীক্ষার সংস্করণটি আমরা আগামী সপ্তাহে পাঠাব।\n\nশুভেচ্ছান্তে,\nআরিফ",
            ),
            (
                "call",
                "out",
                -1,
                "Arif Hossain",
                "রহিম সাহেবের সঙ্গে ফোনালাপ",
                "রহিম সাহেব জানতে চাইলেন অ্যাপে বিকাশে পেমেন্ট করা যাবে কি না। আমরা বিষয়টি দেখে বৃহস্পতিবারের মধ্যে জানাব।",
            ),
        ],
    },
];
