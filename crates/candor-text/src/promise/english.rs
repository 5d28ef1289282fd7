//! English commitment frames: a first-person subject ("I", "we", "Ana and I") followed by a
//! future, intention or offer ("will", "am going to", "plan to", "can", "am sending") and an
//! action verb, not negated, hedged, conditional or inside a relative clause. Regular
//! expressions cannot see that structure; this small token walk can. The word lists are data
//! (`[frames]` in `rules/en.toml`); the grammar of English auxiliaries is here.

use serde::Deserialize;
use std::collections::HashSet;

/// The word lists of the `[frames]` table.
#[derive(Deserialize)]
pub(super) struct FrameWords {
    contractions: Vec<(String, String)>,
    adverbs: Vec<String>,
    hedges: Vec<String>,
    state_verbs: Vec<String>,
    not_verbs: Vec<String>,
    not_actions_ing: Vec<String>,
    glad: Vec<String>,
    speech_verbs: Vec<String>,
    will_not_actions: Vec<String>,
    progressive_actions: Vec<String>,
    that_verbs: Vec<String>,
    conditional: Vec<String>,
    relative: Vec<String>,
    like_verbs: Vec<String>,
    having_not: Vec<String>,
    time_nouns: Vec<String>,
    neg_raising: Vec<String>,
    ly_verbs: Vec<String>,
    interjections: Vec<String>,
    assertion_verbs: Vec<String>,
    reporting_verbs: Vec<String>,
    openers: Vec<String>,
}

/// Compiled word sets.
pub(super) struct Frames {
    contractions: Vec<(String, String)>,
    adverbs: HashSet<String>,
    hedges: HashSet<String>,
    state: HashSet<String>,
    not_verbs: HashSet<String>,
    not_ing: HashSet<String>,
    glad: HashSet<String>,
    speech: HashSet<String>,
    will_not: HashSet<String>,
    progressive: HashSet<String>,
    that_verbs: HashSet<String>,
    conditional: HashSet<String>,
    relative: HashSet<String>,
    like_verbs: HashSet<String>,
    having_not: HashSet<String>,
    time_nouns: HashSet<String>,
    neg_raising: HashSet<String>,
    ly_verbs: HashSet<String>,
    interjections: HashSet<String>,
    assertion_verbs: HashSet<String>,
    reporting_verbs: HashSet<String>,
    openers: HashSet<String>,
}

/// What follows the subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// "will send", "shall call"
    Will,
    /// "will be out" (a state, not an action)
    WillBe,
    /// "will be sending"
    WillBeing,
    /// "will have to", "need to", "must": a necessity, not an undertaking
    Obligation,
    /// "am glad to", "would be happy to", "will be able to"
    Glad,
    /// "am going to send"
    GoingTo,
    /// "am sending"
    Progressive,
    /// "plan to", "intend to", "promise", "am planning to", "am trying to", "have decided to"
    Intention,
    /// "can send"
    Can,
    /// "let me check"
    LetMe,
    /// anything else ("could", "would", "want to", "hope to", present tense, …)
    Other,
}

struct Frame {
    /// Index of the token after the subject (of "let" for "let me").
    at: usize,
    kind: Kind,
    verb: String,
    negated: bool,
    hedged: bool,
    conditional: bool,
    relative: bool,
    /// "Sue says we can …": someone else's words
    reported: bool,
}

impl Frame {
    /// A frame with no negation, hedge, condition, relative clause or reported speech on it.
    fn plain(at: usize, kind: Kind, verb: String) -> Frame {
        Frame {
            at,
            kind,
            verb,
            negated: false,
            hedged: false,
            conditional: false,
            relative: false,
            reported: false,
        }
    }
}

fn set(words: Vec<String>) -> HashSet<String> {
    words.into_iter().collect()
}

impl Frames {
    pub(super) fn new(w: FrameWords) -> Self {
        Self {
            contractions: w.contractions,
            adverbs: set(w.adverbs),
            hedges: set(w.hedges),
            state: set(w.state_verbs),
            not_verbs: set(w.not_verbs),
            not_ing: set(w.not_actions_ing),
            glad: set(w.glad),
            speech: set(w.speech_verbs),
            will_not: set(w.will_not_actions),
            progressive: set(w.progressive_actions),
            that_verbs: set(w.that_verbs),
            conditional: set(w.conditional),
            relative: set(w.relative),
            like_verbs: set(w.like_verbs),
            having_not: set(w.having_not),
            time_nouns: set(w.time_nouns),
            neg_raising: set(w.neg_raising),
            ly_verbs: set(w.ly_verbs),
            interjections: set(w.interjections),
            assertion_verbs: set(w.assertion_verbs),
            reporting_verbs: set(w.reporting_verbs),
            openers: set(w.openers),
        }
    }

    /// Lower-cased word tokens with contractions expanded ("I'll" → "i will") and the hyphen
    /// after a short prefix dropped ("e-mailing" → "emailing"), and for each
    /// whether punctuation ("," "-" "(" …) stands between it and the token before, and
    /// whether that punctuation holds a dash or semicolon.
    fn tokens(&self, sentence: &str) -> (Vec<String>, Vec<bool>, Vec<bool>) {
        let mut s = sentence.to_lowercase().replace(['’', '‘'], "'");
        for (from, to) in &self.contractions {
            s = s.replace(from.as_str(), to);
        }
        let mut out: Vec<String> = Vec::new();
        let mut breaks: Vec<bool> = Vec::new();
        let mut dashes: Vec<bool> = Vec::new();
        let mut cur = String::new();
        let mut pending = false;
        let mut dash = false;
        let chars: Vec<char> = s.chars().collect();
        for (i, &c) in chars.iter().enumerate() {
            // "e-mail", "re-send", "co-ordinate": a hyphen after a short prefix joins it
            // ("October-I will go" is a dash)
            let inner_hyphen = c == '-'
                && (1..=3).contains(&cur.chars().count())
                && chars.get(i + 1).is_some_and(|n| n.is_alphabetic());
            if inner_hyphen {
                continue;
            }
            if c.is_alphanumeric() {
                if cur.is_empty() {
                    breaks.push(pending);
                    dashes.push(dash);
                    pending = false;
                    dash = false;
                }
                cur.push(c);
            } else {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
                if c == '?' || c == '!' {
                    out.push(c.to_string());
                    breaks.push(pending);
                    dashes.push(dash);
                    pending = true;
                    dash = false;
                } else if !c.is_whitespace() && c != '\'' {
                    pending = true;
                    dash |= matches!(c, '-' | '–' | '—' | ';');
                }
            }
        }
        if !cur.is_empty() {
            out.push(cur);
        }
        // "let's", "lets" → "let us"
        let mut expanded = Vec::with_capacity(out.len());
        let mut expanded_breaks = Vec::with_capacity(out.len());
        let mut expanded_dashes = Vec::with_capacity(out.len());
        let mut i = 0;
        while i < out.len() {
            if out[i] == "lets" || (out[i] == "let" && out.get(i + 1).is_some_and(|t| t == "s")) {
                expanded.push("let".to_owned());
                expanded.push("us".to_owned());
                expanded_breaks.extend([breaks[i], false]);
                expanded_dashes.extend([dashes[i], false]);
                i += if out[i] == "lets" { 1 } else { 2 };
                continue;
            }
            expanded.push(out[i].clone());
            expanded_breaks.push(breaks[i]);
            expanded_dashes.push(dashes[i]);
            i += 1;
        }
        (expanded, expanded_breaks, expanded_dashes)
    }

    /// Whether the sentence holds a first-person commitment frame. A "sentence" may hold a
    /// question run into a statement ("Can I catch a cab? Otherwise, I'll come out the night
    /// before"): each part up to a "?" or "!" is read on its own, questions are skipped.
    pub(super) fn commits(&self, sentence: &str) -> bool {
        let names = capitalised_words(sentence);
        let (t, breaks, dashes) = self.tokens(sentence);
        // token index ranges of the parts that are not questions
        let mut statements: Vec<std::ops::Range<usize>> = Vec::new();
        let mut from = 0;
        for (i, w) in t.iter().enumerate() {
            if w == "?" || w == "!" || i + 1 == t.len() {
                let part = &t[from..=i];
                let starts_as_question = part.len() > 1
                    && matches!(
                        part[0].as_str(),
                        "can"
                            | "could"
                            | "would"
                            | "will"
                            | "shall"
                            | "should"
                            | "do"
                            | "does"
                            | "did"
                            | "may"
                            | "must"
                    )
                    && matches!(part[1].as_str(), "i" | "we" | "you")
                    // "Should you need anything, I can help": a condition, the clause after
                    // the comma is a statement
                    && !(part[0] == "should"
                        && (2..part.len())
                            .any(|b| breaks[from + b] && matches!(part[b].as_str(), "i" | "we")));
                // "We will meet at 3, right": a question tag without its "?"
                let tagged = w != "?"
                    && matches!(w.as_str(), "right" | "correct")
                    && breaks[i]
                    && i + 1 == t.len();
                if w != "?" && !starts_as_question && !tagged {
                    statements.push(from..i + 1);
                }
                from = i + 1;
            }
        }
        self.frames(&t, &breaks, &dashes, &names).iter().any(|f| {
            statements.iter().any(|r| {
                r.contains(&f.at) && !own_ability_hedge(&t[f.at..r.end], &breaks[f.at..r.end])
            }) && self.is_commitment(f, &names)
        })
    }

    fn is_commitment(&self, f: &Frame, names: &HashSet<String>) -> bool {
        if f.negated || f.hedged || f.conditional || f.relative || f.reported || f.verb.is_empty() {
            return false;
        }
        // "we are going to Galveston": a place, not a verb
        if names.contains(&f.verb) {
            return false;
        }
        let action =
            !self.state.contains(&f.verb) && !self.not_verbs.contains(&f.verb) && f.verb != "not";
        match f.kind {
            Kind::Will | Kind::WillBeing => action && !self.will_not.contains(&f.verb),
            Kind::Glad => action && !self.speech.contains(&f.verb),
            // "we're going to miss the deadline / lose money": a prediction
            Kind::GoingTo => action && !self.will_not.contains(&f.verb),
            Kind::Intention | Kind::Can => action,
            Kind::LetMe => {
                // "let me be clear", "let me explain the issue": said in the mail itself
                !matches!(f.verb.as_str(), "know" | "known" | "knows")
                    && !self.speech.contains(&f.verb)
                    && !self.state.contains(&f.verb)
                    && !matches!(
                        f.verb.as_str(),
                        "explain"
                            | "remind"
                            | "clarify"
                            | "reiterate"
                            | "summarize"
                            | "summarise"
                            | "recap"
                            | "stress"
                            | "emphasize"
                            | "emphasise"
                            | "point"
                            | "add"
                            | "apologize"
                            | "apologise"
                            | "thank"
                            | "congratulate"
                            | "start"
                    )
            }
            Kind::Progressive => self.progressive.contains(&f.verb),
            Kind::WillBe | Kind::Obligation | Kind::Other => false,
        }
    }

    fn frames(
        &self,
        t: &[String],
        breaks: &[bool],
        dashes: &[bool],
        names: &HashSet<String>,
    ) -> Vec<Frame> {
        let mut out = Vec::new();
        // (index of the first word after the subject, whether it is a coordinated "and will")
        let mut starts: Vec<(usize, bool)> = Vec::new();
        // index of the last "I"/"we": a coordinated "and will" shares it when it is near and
        // no other subject comes between ("I reconfirmed with the driver, who is expecting
        // you at noon, and will pick up at 1:30" is the driver's)
        let mut last_subject: Option<usize> = None;
        for (i, w) in t.iter().enumerate() {
            if w == "i" || w == "we" {
                starts.push((i + 1, false));
                last_subject = Some(i);
            } else if matches!(w.as_str(), "he" | "she" | "they") {
                last_subject = None;
            } else if last_subject.is_some_and(|s| i - s <= 20)
                && i > 0
                && matches!(w.as_str(), "will" | "shall" | "plan" | "intend")
                && matches!(t[i - 1].as_str(), "and" | "but" | "then")
            {
                starts.push((i, true));
            }
        }
        // a subjectless "Will send …", also after an opening "OK," / "Thanks -" ("Sure, will
        // do"), but not "OK, will you …"
        let opening = t
            .iter()
            .position(|w| !self.interjections.contains(w))
            .unwrap_or(t.len());
        if matches!(t.get(opening).map(String::as_str), Some("will" | "shall"))
            && (opening == 0 || breaks[opening])
            && !t.get(opening + 1).is_some_and(|w| {
                matches!(
                    w.as_str(),
                    "you" | "i" | "we" | "he" | "she" | "they" | "it"
                )
            })
        {
            starts.push((opening, true));
        }
        // "Thanks for the note - will do.", "Got your message; will call tomorrow": a
        // subjectless "will" after a dash or semicolon (not after a comma, which closes an
        // appositive: "Sue, our director, will discuss …")
        for i in 1..t.len() {
            if i != opening
                && dashes[i]
                && matches!(t[i].as_str(), "will" | "shall")
                && !t.get(i + 1).is_some_and(|w| {
                    matches!(
                        w.as_str(),
                        "you" | "i" | "we" | "he" | "she" | "they" | "it"
                    )
                })
            {
                starts.push((i, true));
            }
        }
        // a subjectless progressive of work at the start of a short sentence: "Working on it.",
        // "Sending it now.", "Thanks - forwarding to Sue." (not a gerund subject, "Sending it
        // now would be a mistake", an opening, "Following up on our call, …", nor a word alone,
        // "Testing.")
        if let Some(v) = t.get(opening)
            && (opening == 0 || breaks[opening])
            && self.progressive.contains(v)
            && !matches!(
                v.as_str(),
                "following" | "writing" | "checking" | "calling" | "meeting" | "having" | "taking"
            )
            && (2..=8).contains(&(t.len() - opening))
            // an object or particle follows, not a noun it modifies ("Processing fees apply")
            && matches!(
                t[opening + 1].as_str(),
                "it" | "this"
                    | "that"
                    | "them"
                    | "these"
                    | "those"
                    | "the"
                    | "a"
                    | "an"
                    | "your"
                    | "my"
                    | "our"
                    | "you"
                    | "to"
                    | "on"
                    | "over"
                    | "out"
                    | "up"
                    | "along"
                    | "now"
            )
            && !t[opening + 1..].iter().enumerate().any(|(i, w)| {
                breaks[opening + 1 + i]
                    || matches!(
                        w.as_str(),
                        "is" | "are"
                            | "was"
                            | "were"
                            | "be"
                            | "will"
                            | "would"
                            | "can"
                            | "could"
                            | "should"
                            | "may"
                            | "might"
                            | "has"
                            | "have"
                            | "i"
                            | "we"
                            | "?"
                    )
            })
            && !idle(t, opening)
        {
            out.push(Frame::plain(opening, Kind::Progressive, v.clone()));
        }
        // a subjectless offer at the start: "Happy to help.", "Glad to send it over.", "Would
        // be happy to discuss it further"
        let g = if t.get(opening).is_some_and(|w| w == "would")
            && t.get(opening + 1).is_some_and(|w| w == "be")
        {
            opening + 2
        } else {
            opening
        };
        if matches!(
            t.get(g).map(String::as_str),
            Some("happy" | "glad" | "delighted" | "willing")
        ) && t.get(g + 1).is_some_and(|w| w == "to")
            && (opening == 0 || breaks[opening])
        {
            let v = elided(t.get(g + 2).map_or("", String::as_str));
            out.push(Frame::plain(opening, Kind::Glad, v.to_owned()));
        }
        // a coordinated offer after a state: "I am back in the office and ready to focus on
        // the project", "we are around and happy to help"
        let mut be_subject = false;
        for i in 1..t.len().saturating_sub(2) {
            if matches!(t[i].as_str(), "am" | "are") && matches!(t[i - 1].as_str(), "i" | "we") {
                be_subject = true;
            }
            if be_subject
                && t[i - 1] == "and"
                && matches!(
                    t[i].as_str(),
                    "ready" | "happy" | "glad" | "willing" | "prepared" | "available"
                )
                && t[i + 1] == "to"
            {
                out.push(Frame::plain(i, Kind::Glad, t[i + 2].clone()));
            }
        }
        for (s, coordinated) in starts {
            if s >= t.len() {
                continue;
            }
            if let Some(f) = self.frame_at(t, breaks, names, s, coordinated) {
                out.push(f);
            }
        }
        for i in 0..t.len().saturating_sub(2) {
            if t[i] == "let" && t[i + 1] == "me" {
                out.push(Frame::plain(i, Kind::LetMe, t[i + 2].clone()));
            }
        }
        out
    }

    fn frame_at(
        &self,
        t: &[String],
        breaks: &[bool],
        names: &HashSet<String>,
        s: usize,
        coordinated: bool,
    ) -> Option<Frame> {
        let word = |k: usize| t.get(k).map_or("", String::as_str);
        // "that Keith and I will pay", "if Sue and I can": a subject coordinated with a name is
        // read from the name, so that the word before it opens the clause
        let e = if !coordinated
            && s >= 4
            && word(s - 2) == "and"
            && names.contains(word(s - 3))
            && !breaks[s - 2]
            && !breaks[s - 3]
        {
            s - 2
        } else {
            s
        };
        let prev = if e >= 2 { word(e - 2) } else { "" };
        let before_prev = if e >= 3 { word(e - 3) } else { "" };
        let mut f = Frame {
            at: s,
            kind: Kind::Other,
            verb: String::new(),
            negated: self.denied(t, s),
            hedged: self.hedges.contains(prev)
                || (matches!(prev, "hope" | "wish") && matches!(before_prev, "i" | "we"))
                // "I suggest we offer to pay", "I would propose that we can meet": a proposal
                // to the reader, not yet an undertaking
                || proposes(prev)
                || (prev == "that" && proposes(before_prev)),
            conditional: (self.conditional.contains(prev) && !(prev == "if" && before_prev == "as"))
                || (prev == "so" && matches!(word(s), "can" | "could"))
                // "so that we can discuss": a purpose, not an undertaking
                || (prev == "that" && before_prev == "so")
                // "please confirm (that) we will meet at 3": the reader is asked
                || (matches!(prev, "confirm" | "verify") && before_prev == "please")
                || (prev == "that"
                    && matches!(before_prev, "confirm" | "verify")
                    && e >= 4
                    && word(e - 4) == "please"),
            // "anything I can do", not "Either way, I will" / "All, we will meet at 3": a
            // comma after the word ends it
            relative: (self.relative.contains(prev) && !breaks[e - 1])
                // "the house I am trying to describe", "the lowest price we can find"
                || (matches!(
                    before_prev,
                    "the" | "a" | "an" | "any" | "every" | "some" | "no" | "what" | "which" | "lowest" | "best"
                ) && !self.time_nouns.contains(prev)
                    && prev.chars().all(char::is_alphabetic)
                    && !coordinated
                    && !breaks[e - 1]
                    && !breaks[e - 2]
                    && !self.fronted(t, breaks, e - 3, e))
                || (prev == "that" && !self.that_verbs.contains(self.word_before(t, e - 2)))
                || (prev == "like" && self.like_verbs.contains(before_prev)),
            reported: self.reported(t, breaks, e),
        };
        let mut j = if coordinated {
            s
        } else {
            self.skip(t, s, &mut f)
        };
        // "I, for one, will …", "we at Enron will …": an aside between subject and verb
        if !coordinated && word(j) == "for" && word(j + 1) == "one" {
            j = self.skip(t, j + 2, &mut f);
        } else if !coordinated
            && word(s - 1) == "we"
            && word(j) == "at"
            && (names.contains(word(j + 1)) || word(j + 1) == "the")
        {
            j = self.skip(t, if word(j + 1) == "the" { j + 3 } else { j + 2 }, &mut f);
        }
        let w = word(j);
        let not = |k: usize, f: &mut Frame| -> usize {
            let k = self.skip(t, k, f);
            if matches!(word(k), "not" | "never") {
                let k = self.skip(t, k + 1, f);
                // "I won't hesitate to call", "we will not fail to pay": an undertaking
                if matches!(word(k), "hesitate" | "fail" | "forget" | "neglect")
                    && word(k + 1) == "to"
                {
                    return self.skip(t, k + 2, f);
                }
                f.negated = true;
                k
            } else {
                k
            }
        };
        match w {
            "will" | "shall" => {
                let k = not(j + 1, &mut f);
                let v = word(k);
                if matches!(v, "have" | "need") && word(k + 1) == "to" {
                    f.kind = Kind::Obligation;
                    f.verb = word(self.skip(t, k + 2, &mut f)).to_owned();
                } else if v == "have" && word(k + 1) == "been" {
                    // "I will have been here ten years": a future perfect state
                    f.kind = Kind::WillBe;
                    f.verb = "be".to_owned();
                } else if v == "be" {
                    let k = self.skip(t, k + 1, &mut f) - 1;
                    let v2 = word(k + 1);
                    if self.glad.contains(v2) && word(k + 2) == "to" {
                        f.kind = Kind::Glad;
                        f.verb = elided(word(k + 3)).to_owned();
                    } else if (v2 == "in" && word(k + 2) == "touch")
                        || (v2 == "back"
                            && matches!(word(k + 2), "to" | "with")
                            && word(k + 3) == "you")
                    {
                        // "I'll be in touch", "we will be back to you shortly": a contact
                        // undertaken, not a whereabouts
                        f.kind = Kind::Will;
                        f.verb = "contact".to_owned();
                    } else if v2.ends_with("ing") && !self.not_ing.contains(v2) {
                        f.kind = Kind::WillBeing;
                        f.verb = if idle(t, k + 1) {
                            String::new()
                        } else {
                            v2.to_owned()
                        };
                    } else if let Some(w) = self.at_work(t, breaks, k + 1) {
                        // "I will be in Houston next week meeting with the lawyers": the work
                        // done there, not the whereabouts
                        f.kind = Kind::WillBeing;
                        f.verb = w.to_owned();
                    } else {
                        f.kind = Kind::WillBe;
                        f.verb = "be".to_owned();
                    }
                } else {
                    f.kind = Kind::Will;
                    // "we'll see." / "we will see what happens / how it goes" waits; it
                    // undertakes nothing
                    let waits = v == "see"
                        && (matches!(word(k + 1), "" | "?" | "!")
                            || (word(k + 1) == "what" && word(k + 2) == "happens")
                            || (word(k + 1) == "how"
                                && (k + 2..k + 5).any(|i| {
                                    matches!(
                                        word(i),
                                        "goes" | "go" | "turns" | "works" | "develops"
                                    )
                                })));
                    // "we will have a great time": an experience, as after "going to have";
                    // "we will look forward to seeing you": a courtesy
                    let fun = (v == "have" && self.has_trouble(t, k + 1))
                        || (v == "look" && word(k + 1) == "forward")
                        // "we will get paid on Friday": a passive, done to the writer
                        || (v == "get"
                            && matches!(
                                word(k + 1),
                                "paid" | "married" | "charged" | "billed" | "reimbursed"
                                    | "hit" | "fired" | "stuck" | "caught" | "hurt" | "sued"
                                    | "audited" | "penalized" | "credited" | "refunded"
                            ))
                        // "I'll wait for your reply / to hear from you": the reader acts next
                        || (v == "wait" && matches!(word(k + 1), "for" | "to" | "and" | "" | "!"))
                        // "I'll see you tomorrow": a greeting or a meeting, not a task
                        || (v == "see" && word(k + 1) == "you")
                        // "we will see higher prices", "I'll see Sue tomorrow": a prediction or
                        // a meeting; "see" undertakes only with "to/that/if/about/what …" ("I'll
                        // see to it", "I'll see what I can do")
                        || (v == "see"
                            && !matches!(
                                word(k + 1),
                                "to" | "that"
                                    | "if"
                                    | "whether"
                                    | "what"
                                    | "about"
                                    | "how"
                                    | "where"
                                    | "who"
                                    | "it"
                                    | "this"
                                    | ""
                                    | "!"
                            ))
                        // "I'll leave it to you / at that", "I'll let you decide", "I'll let it
                        // go": the matter is handed over or dropped
                        || hands_over(t, k)
                        // "I'll keep that in mind", "I'll keep my fingers crossed"
                        || (v == "keep"
                            && (k + 1..k + 5).any(|i| matches!(word(i), "mind" | "fingers" | "prayers" | "thoughts")))
                        // "Sandy and I will go.", "we will go to the party": travel
                        || travels(t, names, k);
                    f.verb = if waits || fun {
                        String::new()
                    } else {
                        v.to_owned()
                    };
                }
            }
            "am" | "are" => {
                let k = not(j + 1, &mut f);
                let v = word(k);
                if matches!(v, "going" | "about") && word(k + 1) == "to" {
                    // "I'm going to send", "I'm about to send"
                    f.kind = Kind::GoingTo;
                    let at = self.skip(t, k + 2, &mut f);
                    // "we are going to have such a blast": an experience, not an undertaking
                    let fun = (word(at) == "have" && self.has_trouble(t, at + 1))
                        // "I am about to go to lunch": travel
                        || travels(t, names, at)
                        // "I'm going to say no", "I'm going to pass on this one"
                        || hands_over(t, at);
                    // "I'm going to be sending the files": as "I will be sending"
                    let being = word(at) == "be"
                        && word(at + 1).ends_with("ing")
                        && !self.not_ing.contains(word(at + 1))
                        && !idle(t, at + 1);
                    f.verb = if fun {
                        String::new()
                    } else if being {
                        word(at + 1).to_owned()
                    } else {
                        word(at).to_owned()
                    };
                } else if matches!(v, "scheduled" | "set" | "slated" | "due") && word(k + 1) == "to"
                {
                    // "I am scheduled to meet Sue on Tuesday": a plan made ("we are set to lose
                    // money", "due to receive" predict, as after "going to")
                    f.kind = Kind::GoingTo;
                    f.verb = word(self.skip(t, k + 2, &mut f)).to_owned();
                } else if self.glad.contains(v) && word(k + 1) == "to" {
                    f.kind = Kind::Glad;
                    f.verb = elided(word(k + 2)).to_owned();
                } else if matches!(v, "planning" | "intending" | "trying" | "continuing")
                    && matches!(word(k + 1), "to" | "on")
                {
                    f.kind = Kind::Intention;
                    f.verb = word(k + 2).to_owned();
                } else if v == "on"
                    && word(k + 1) == "it"
                    && (k + 2 >= t.len()
                        || breaks[k + 2]
                        || matches!(word(k + 2), "now" | "already" | "right" | "and" | "!"))
                {
                    // "I'm on it", "we're on it now": work taken up
                    f.kind = Kind::Progressive;
                    f.verb = "handling".to_owned();
                } else if v == "getting" && word(k + 1) == "ready" && word(k + 2) == "to" {
                    // "we are getting ready to send the invoices": work about to start ("looking
                    // to" is left out: as often a wish, "still looking to come back to NJ")
                    f.kind = Kind::Intention;
                    f.verb = word(self.skip(t, k + 3, &mut f)).to_owned();
                } else if v == "going" && word(k + 1) == "over" {
                    // "I'm going over the draft now": work under way, as "looking into"
                    f.kind = Kind::Progressive;
                    f.verb = "reviewing".to_owned();
                } else if v == "looking" && matches!(word(k + 1), "into" | "at") {
                    // "I am looking into it", "we are looking at the model": work under way
                    // ("looking forward", "looking for" are not)
                    f.kind = Kind::Progressive;
                    f.verb = "reviewing".to_owned();
                } else if v.ends_with("ing") && !self.not_ing.contains(v) {
                    f.kind = Kind::Progressive;
                    // "I am writing to you …", "I am calling on …": a letter's opening
                    let opening = (v == "writing" && word(k + 1) == "to")
                        || (v == "calling" && word(k + 1) == "on");
                    // "we are having a meeting on Tuesday", not "I am having a hard time"
                    let trouble = v == "having" && self.has_trouble(t, k + 1);
                    f.verb = if opening || trouble || idle(t, k) {
                        String::new()
                    } else {
                        v.to_owned()
                    };
                } else {
                    f.verb = v.to_owned();
                }
            }
            "can" => {
                let k = not(j + 1, &mut f);
                f.kind = Kind::Can;
                // "I can confirm that the deal closed", "I can assure you we are working on
                // it": a statement made now, not an offer
                // "I can relate", "we can afford it", "I can vouch for him", "I can live with
                // that": a capacity or a stance, nothing offered
                let stance = matches!(
                    word(k),
                    "relate"
                        | "afford"
                        | "attest"
                        | "vouch"
                        | "tolerate"
                        | "stand"
                        | "bear"
                        | "sympathize"
                        | "sympathise"
                        | "empathize"
                        | "empathise"
                        | "testify"
                        | "recall"
                ) || (word(k) == "live" && word(k + 1) == "with");
                f.verb = if self.asserts(t, k) || stance {
                    String::new()
                } else {
                    word(k).to_owned()
                };
            }
            "would" | "should" => {
                let k = not(j + 1, &mut f);
                let v = word(k);
                // "I would be happy to help" offers; "I should be able to give a total" only
                // expects, a hedge like "I'll probably"
                let g = if v == "be" {
                    self.skip(t, k + 1, &mut f)
                } else {
                    k + 1
                };
                if w == "would" && v == "be" && self.glad.contains(word(g)) && word(g + 1) == "to" {
                    f.kind = Kind::Glad;
                    f.verb = elided(word(g + 2)).to_owned();
                } else {
                    f.verb = v.to_owned();
                }
            }
            "plan" | "intend" | "promise" | "commit" | "undertake" | "agree" | "volunteer"
            | "offer" => {
                j += 1;
                if w == "agree"
                    && word(j) == "to"
                    && matches!(
                        word(j + 1),
                        "the" | "your" | "this" | "that" | "these" | "those" | "it" | "them"
                    )
                {
                    // "we agree to the terms": an acceptance
                    f.verb = "accept".to_owned();
                } else if w == "plan" && word(j) == "on" {
                    f.verb = word(j + 1).to_owned();
                } else if word(j) == "to" {
                    f.verb = word(self.skip(t, j + 1, &mut f)).to_owned();
                } else if w == "promise" {
                    f.verb = word(j).to_owned();
                } else {
                    return None;
                }
                f.kind = Kind::Intention;
            }
            "accept"
                if matches!(
                    word(j + 1),
                    "your" | "the" | "this" | "these" | "those" | "it" | "them" | "a" | "an"
                ) =>
            {
                // "I accept your offer", "we accept the terms": an acceptance binds the writer
                // (not "I accept that we made a mistake")
                f.kind = Kind::Intention;
                f.verb = "accept".to_owned();
            }
            "have" if word(j + 1) == "decided" && word(j + 2) == "to" => {
                // "we have decided to graduate him": a decision taken is an intention (not a
                // past one, "we decided to wire on Friday", "I had decided to …")
                let k = j + 3;
                f.kind = Kind::Intention;
                f.verb = word(self.skip(t, k, &mut f)).to_owned();
            }
            "expect" | "anticipate" if word(j + 1) == "to" && self.delivers(t, j + 2) => {
                // "I expect to have that done by Friday": the writer's own delivery, unlike
                // "I expect to realize a gain" (a forecast)
                f.kind = Kind::Intention;
                f.verb = "deliver".to_owned();
            }
            "need" | "have" | "must" => f.kind = Kind::Obligation,
            "do" | "did" | "does" if matches!(word(j + 1), "not" | "never") => f.negated = true,
            "" => return None,
            other => f.verb = other.to_owned(),
        }
        Some(f)
    }

    /// Whether the words from `k` deliver a result: "have that done", "have the draft ready
    /// by Friday", "be sending it Monday".
    fn delivers(&self, t: &[String], k: usize) -> bool {
        let word = |i: usize| t.get(i).map_or("", String::as_str);
        match word(k) {
            "have" => (k + 2..k + 7).any(|i| {
                matches!(
                    word(i),
                    "done" | "ready" | "completed" | "finished" | "wrapped" | "drafted" | "out"
                )
            }),
            "be" => self.progressive.contains(word(k + 1)),
            _ => false,
        }
    }

    /// Whether the noun phrase whose determiner is at `d` closes a phrase or clause put before
    /// the main clause without a comma ("After the meeting I will call you", "If you send the
    /// documents I will review them", "Regarding the lease we will …"): its clause opens with
    /// a preposition or subordinator, so the subject after it starts the main clause, not a
    /// relative clause ("The house I am trying to describe is on Elm"). Unless a main clause
    /// follows the subject's clause, which was then a relative clause inside the phrase: "For
    /// the price we can offer, it is a good deal", "In the house I am selling there are …".
    /// `e` is the index after the subject.
    fn fronted(&self, t: &[String], breaks: &[bool], d: usize, e: usize) -> bool {
        let mut c = d;
        while c > 0 && !breaks[c] {
            c -= 1;
        }
        if !(c < d && d - c <= 8 && self.openers.contains(&t[c])) {
            return false;
        }
        let end = (e..t.len()).find(|&i| breaks[i]).unwrap_or(t.len());
        let main_verb = t[e..end]
            .iter()
            .any(|w| matches!(w.as_str(), "is" | "are" | "was" | "were" | "there"));
        let main_clause = end < t.len()
            && matches!(
                t[end].as_str(),
                "i" | "we" | "you" | "it" | "he" | "she" | "they" | "there" | "please"
            );
        !main_verb && !main_clause
    }

    /// After "will be" + a place at `k` ("in Houston", "at the office", "out"), a progressive
    /// of work in the same clause: "I will be in Houston next week meeting with the lawyers".
    fn at_work<'a>(&self, t: &'a [String], breaks: &[bool], k: usize) -> Option<&'a str> {
        if !matches!(
            t.get(k).map_or("", String::as_str),
            "in" | "at" | "out" | "away" | "there" | "here" | "back" | "on" | "downtown"
        ) {
            return None;
        }
        (k + 1..t.len().min(k + 10))
            .take_while(|&i| !breaks[i] && !matches!(t[i].as_str(), "and" | "but" | "so"))
            .map(|i| t[i].as_str())
            .find(|w| self.progressive.contains(*w))
    }

    /// The word before index `k`, skipping adverbs ("I mentioned previously that we will").
    fn word_before<'a>(&self, t: &'a [String], k: usize) -> &'a str {
        let mut k = k;
        while k > 0 {
            k -= 1;
            if !self.adverb(&t[k]) {
                return &t[k];
            }
        }
        ""
    }

    /// Whether the subject before `s` is reported from someone else: "Sue says we can start",
    /// "he told me that we will get it Monday" (not "I told them I will", "as I said, we will",
    /// nor a quotation after a colon, "phillip says: We can talk on Friday").
    fn reported(&self, t: &[String], breaks: &[bool], s: usize) -> bool {
        let word = |back: usize| {
            s.checked_sub(back)
                .and_then(|k| t.get(k))
                .map_or("", String::as_str)
        };
        let mut back = 2;
        if word(back) == "that" {
            back += 1;
        }
        if matches!(word(back), "me" | "us" | "him" | "her" | "them") {
            back += 1;
        }
        // "we should tell them we will clean it", "you could tell him we will pay": a message
        // proposed, not yet given
        let proposed = matches!(word(back), "tell" | "say" | "inform" | "assure")
            && matches!(
                word(back + 1),
                "should" | "could" | "might" | "would" | "must"
            );
        s > back
            && !breaks[s + 1 - back..s].iter().any(|b| *b)
            && (proposed
                || (self.reporting_verbs.contains(word(back))
                    && !matches!(
                        word(back + 1),
                        "" | "i" | "we" | "as" | "have" | "has" | "had"
                    )))
    }

    /// Whether the verb at `k` asserts a clause ("confirm that the deal closed", "tell you that
    /// it works", "assure you we are on it") rather than naming an action.
    fn asserts(&self, t: &[String], k: usize) -> bool {
        let word = |i: usize| t.get(i).map_or("", String::as_str);
        if !self.assertion_verbs.contains(word(k)) {
            return false;
        }
        // "I can see why you were upset", "I can imagine how hard it was" (not "I can see if
        // Sue is free", an offer to find out)
        if (word(k) == "see" && matches!(word(k + 1), "why" | "how" | "where"))
            || (word(k) == "imagine" && matches!(word(k + 1), "why" | "how" | "what" | "where"))
        {
            return true;
        }
        let mut j = k + 1;
        if matches!(word(j), "you" | "him" | "her" | "them" | "us") {
            j += 1;
        }
        let subject = |w: &str| {
            matches!(
                w,
                "i" | "we"
                    | "you"
                    | "he"
                    | "she"
                    | "they"
                    | "it"
                    | "there"
                    | "the"
                    | "this"
                    | "our"
                    | "your"
                    | "my"
                    | "his"
                    | "their"
                    | "all"
                    | "everything"
                    | "nothing"
            )
        };
        (word(j) == "that" && subject(word(j + 1))) || (j > k + 1 && subject(word(j)))
    }

    /// Whether a negated belief governs the frame starting at `s`: "I don't think I can",
    /// "we do not believe that we will" deny the undertaking as "I can't" would.
    fn denied(&self, t: &[String], s: usize) -> bool {
        let word = |back: usize| {
            s.checked_sub(back)
                .and_then(|k| t.get(k))
                .map_or("", String::as_str)
        };
        let (verb, not) = if matches!(word(2), "that" | "if" | "whether") {
            (3, 4)
        } else {
            (2, 3)
        };
        // "I'm not sure we can", "not certain that we will"
        // "I doubt we will", "it is unlikely that we can"
        let unsure = matches!(word(verb), "unsure" | "doubt" | "unlikely" | "doubtful")
            || (matches!(word(verb), "sure" | "certain" | "convinced")
                && matches!(word(not), "not" | "never"));
        unsure || (self.neg_raising.contains(word(verb)) && matches!(word(not), "not" | "never"))
    }

    /// Whether the words from `k` name an experience or a difficulty ("a hard time", "such a
    /// blast", "trouble"), so that "have"/"having" before them is no planned event.
    fn has_trouble(&self, t: &[String], k: usize) -> bool {
        let word = |i: usize| t.get(i).map_or("", String::as_str);
        let mut k = k;
        if word(k) == "such" {
            k += 1;
        }
        if matches!(word(k), "a" | "an") {
            k += 1;
        }
        self.having_not.contains(word(k))
    }

    /// Whether `w` is an adverb: a listed one, or a manner or time adverb in "-ly" ("I will
    /// quickly send", "we are currently reviewing") that is not a verb ("reply", "apply").
    fn adverb(&self, w: &str) -> bool {
        self.adverbs.contains(w) || (w.len() > 4 && w.ends_with("ly") && !self.ly_verbs.contains(w))
    }

    /// Skips adverbs from `j`, noting hedges ("probably") on the frame.
    fn skip(&self, t: &[String], mut j: usize, f: &mut Frame) -> usize {
        while let Some(w) = t.get(j) {
            if self.hedges.contains(w) {
                f.hedged = true;
            } else if matches!(w.as_str(), "hardly" | "barely" | "scarcely") {
                // "I can hardly wait": a negation
                f.negated = true;
            } else if !self.adverb(w) {
                break;
            }
            j += 1;
        }
        j
    }
}

/// Whether the clause of a frame ends by making it depend on the writer's own means: "I'll
/// send it tomorrow if I can.", "… if possible", "… if time permits" hedge the undertaking (not
/// "if you can", a condition on the reader, nor "see if we can set up", nor a later clause).
fn own_ability_hedge(t: &[String], breaks: &[bool]) -> bool {
    let word = |i: usize| t.get(i).map_or("", String::as_str);
    // the clause: up to the next punctuation or conjunction
    let end = (1..t.len())
        .find(|&i| breaks[i] || matches!(word(i), "so" | "but" | "and" | "because" | "?" | "!"))
        .unwrap_or(t.len());
    let closes = |i: usize| i == end;
    (1..end).any(|i| {
        word(i) == "if"
            && !matches!(
                word(i - 1),
                "see" | "know" | "check" | "ask" | "and" | "even"
            )
            && ((matches!(word(i + 1), "i" | "we")
                && matches!(word(i + 2), "can" | "could")
                && closes(i + 3))
                || (matches!(word(i + 1), "possible" | "feasible") && closes(i + 2))
                || (word(i + 1) == "time" && matches!(word(i + 2), "permits" | "allows")))
    })
}

/// Whether `w` proposes a course of action that the subject after it would take.
fn proposes(w: &str) -> bool {
    matches!(
        w,
        "suggest" | "suggested" | "propose" | "proposed" | "recommend" | "recommended"
    )
}

/// Whether the progressive at `k` is no work for the reader: time off ("taking Friday off",
/// "taking a break"), a whereabouts ("working from home"), an outcome ("making money /
/// progress"), a courtesy ("sending my best wishes"), following an argument ("following your
/// logic"; not "following up").
fn idle(t: &[String], k: usize) -> bool {
    let word = |i: usize| t.get(i).map_or("", String::as_str);
    let near = |words: &[&str]| (k + 1..k + 5).any(|i| words.contains(&word(i)));
    match word(k) {
        "taking" => near(&["off", "break", "vacation", "holiday", "leave", "nap"]),
        "working" => word(k + 1) == "from" && word(k + 2) == "home",
        "making" => near(&["money", "progress", "sense", "profit", "loss", "mistakes"]),
        "sending" | "extending" => near(&[
            "wishes",
            "regards",
            "love",
            "prayers",
            "thoughts",
            "condolences",
            "congratulations",
            "sympathy",
            "greetings",
        ]),
        "following" => !matches!(word(k + 1), "up" | "through"),
        _ => false,
    }
}

/// Whether "leave"/"let"/"pass"/"say"/… at `k` hands the matter over, declines it or only
/// converses: "I'll leave it to you / up to you / at that", "I'll let you decide", "I'll let it
/// go", "I'll pass.", "I'm going to say no", "I'll tell you what" (not "I'll leave it on your
/// desk", "I'll let you know", "I'll pass it on", "I'll tell you more on Monday").
fn hands_over(t: &[String], k: usize) -> bool {
    let word = |i: usize| t.get(i).map_or("", String::as_str);
    let end = |i: usize| matches!(word(i), "" | "!");
    match word(k) {
        "leave" => {
            matches!(word(k + 1), "it" | "that" | "this" | "them")
                && (matches!(
                    (word(k + 2), word(k + 3)),
                    ("to", "you") | ("up", "to") | ("at", "that")
                ) || (word(k + 2) == "there" && end(k + 3)))
        }
        "let" => {
            (matches!(word(k + 1), "it" | "that" | "this")
                && matches!(word(k + 2), "go" | "slide" | "pass" | "ride" | "drop"))
                || (matches!(word(k + 1), "you" | "him" | "her" | "them")
                    && matches!(word(k + 2), "decide" | "choose" | "judge" | "be"))
        }
        "pass" => {
            end(k + 1)
                || (word(k + 1) == "on"
                    && matches!(word(k + 2), "this" | "that")
                    && (end(k + 3) || (word(k + 3) == "one" && end(k + 4))))
        }
        "say" => {
            word(k + 1) == "no"
                // "I will say this.", "I'll say that for him": said in the mail itself
                || (matches!(word(k + 1), "this" | "that") && (end(k + 2) || word(k + 2) == "for"))
        }
        // "I'll tell you what", "I'll give you that", "I'll take your word for it": idioms
        // of conversation
        "tell" => word(k + 1) == "you" && word(k + 2) == "what" && end(k + 3),
        "give" => word(k + 1) == "you" && word(k + 2) == "that" && end(k + 3),
        "take" => matches!(word(k + 1), "your" | "his" | "her" | "their") && word(k + 2) == "word",
        _ => false,
    }
}

/// The verb of an offer whose verb phrase is left out at the end ("Happy to.", "I'd be glad
/// to!"): it undertakes what was asked, as "Will do." does.
fn elided(w: &str) -> &str {
    if matches!(w, "" | "!") { "do" } else { w }
}

/// Whether "go" at `k` is travel: "Sandy and I will go.", "we will go to the party", "I am
/// about to go to lunch" (not "we will go over the numbers").
fn travels(t: &[String], names: &HashSet<String>, k: usize) -> bool {
    let word = |i: usize| t.get(i).map_or("", String::as_str);
    word(k) == "go"
        && (matches!(word(k + 1), "" | "!" | "there" | "home")
            || (word(k + 1) == "to"
                && (matches!(
                    word(k + 2),
                    "the" | "a" | "an" | "his" | "her" | "their" | "lunch" | "dinner" | "bed"
                ) || names.contains(word(k + 2)))))
}

/// Lower-cased words written with a capital inside the sentence (not its first word), unless
/// most words are (a title, or a sentence in capitals): names, which cannot be a frame's verb.
fn capitalised_words(sentence: &str) -> HashSet<String> {
    let words: Vec<&str> = sentence
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .collect();
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    if words.iter().filter(|w| capital(w)).count() * 2 > words.len() {
        return HashSet::new();
    }
    words
        .iter()
        .skip(1)
        .filter(|w| capital(w) && w.chars().skip(1).all(char::is_lowercase))
        .map(|w| w.to_lowercase())
        .collect()
}
