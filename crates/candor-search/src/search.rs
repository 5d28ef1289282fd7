//! Turns a parsed [`Query`] into a tantivy query and collects hits with snippets.

use crate::SearchError;
use crate::index::{Fields, Hit, SearchIndex};
use crate::query::Query;
use std::ops::Bound;
use tantivy::collector::TopDocs;
use tantivy::query::{
    AllQuery, BooleanQuery, Occur, PhraseQuery, Query as TQuery, RangeQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption, Value};
use tantivy::snippet::SnippetGenerator;
use tantivy::{DocAddress, Order, Searcher, TantivyDocument, Term};

type Boxed = Box<dyn TQuery>;

impl SearchIndex {
    /// Runs a query; `client_id` is the resolved `client:` filter (0 = unassigned mail).
    /// Text queries are ranked by relevance, filter-only queries newest first.
    pub fn search(
        &self,
        q: &Query,
        client_id: Option<u64>,
        limit: usize,
    ) -> Result<Vec<Hit>, SearchError> {
        let searcher = self.reader.searcher();
        let mut must: Vec<Boxed> = Vec::new();
        let text_fields = self.text_fields();
        for word in q.words.iter().chain(&q.phrases) {
            if let Some(query) = self.any_field(&text_fields, word) {
                must.push(query);
            }
        }
        for (values, field) in [(&q.from, self.fields.from), (&q.to, self.fields.to)] {
            for v in values {
                // A from:/to: value that yields no terms cannot match anything.
                must.push(
                    self.in_field(field, v)
                        .unwrap_or_else(|| Box::new(BooleanQuery::new(vec![]))),
                );
            }
        }
        if let Some(id) = client_id {
            let term = Term::from_field_u64(self.fields.client, id);
            must.push(Box::new(TermQuery::new(term, IndexRecordOption::Basic)));
        }
        if q.before.is_some() || q.after.is_some() {
            must.push(self.date_range(q));
        }
        let scored =
            !q.words.is_empty() || !q.phrases.is_empty() || !q.from.is_empty() || !q.to.is_empty();
        // A single clause is used as it is: tantivy prunes a top-level union of terms
        // (block-WAND) but not one nested inside another boolean query.
        let query: Boxed = match must.len() {
            0 => Box::new(AllQuery),
            1 => must.remove(0),
            _ => Box::new(BooleanQuery::new(
                must.into_iter().map(|m| (Occur::Must, m)).collect(),
            )),
        };
        let limit = limit.max(1);
        let docs: Vec<(f32, DocAddress)> = if scored {
            searcher.search(&query, &TopDocs::with_limit(limit).order_by_score())
        } else {
            let by_date =
                TopDocs::with_limit(limit).order_by_fast_field::<i64>("date", Order::Desc);
            searcher
                .search(&query, &by_date)
                .map(|v| v.into_iter().map(|(_, d)| (0.0, d)).collect())
        }
        .map_err(|e| self.err(e))?;
        self.hits(&searcher, &*query, docs)
    }

    fn text_fields(&self) -> Vec<Field> {
        let f = &self.fields;
        let mut v: Vec<Field> = f.subject.iter().chain(f.body.iter()).copied().collect();
        v.extend([f.from, f.to]);
        v
    }

    /// The text matches in any of `fields` (each analysed with that field's analyzer).
    fn any_field(&self, fields: &[Field], text: &str) -> Option<Boxed> {
        let should: Vec<(Occur, Boxed)> = fields
            .iter()
            .filter_map(|&f| self.in_field(f, text))
            .map(|q| (Occur::Should, q))
            .collect();
        (!should.is_empty()).then(|| Box::new(BooleanQuery::new(should)) as Boxed)
    }

    /// A term query, or a phrase query when the text analyses to several terms.
    fn in_field(&self, field: Field, text: &str) -> Option<Boxed> {
        let terms = self.analyse(field, text);
        match terms.len() {
            0 => None,
            1 => Some(Box::new(TermQuery::new(
                terms[0].clone(),
                IndexRecordOption::WithFreqs,
            ))),
            _ => Some(Box::new(PhraseQuery::new(terms))),
        }
    }

    fn analyse(&self, field: Field, text: &str) -> Vec<Term> {
        let Ok(mut analyzer) = self.index.tokenizer_for_field(field) else {
            return Vec::new();
        };
        let mut stream = analyzer.token_stream(text);
        let mut terms = Vec::new();
        while stream.advance() {
            terms.push(Term::from_field_text(field, &stream.token().text));
        }
        terms
    }

    fn date_range(&self, q: &Query) -> Boxed {
        let at = |d: jiff::civil::Date| {
            let secs = d
                .to_zoned_datetime(jiff::tz::TimeZone::UTC)
                .map(|z| z.timestamp().as_second())
                .unwrap_or(0);
            Term::from_field_i64(self.fields.date, secs)
        };
        let lower = q.after.map_or(Bound::Unbounded, |d| Bound::Included(at(d)));
        let upper = q
            .before
            .map_or(Bound::Unbounded, |d| Bound::Excluded(at(d)));
        Box::new(RangeQuery::new(lower, upper))
    }

    fn hits(
        &self,
        searcher: &Searcher,
        query: &dyn TQuery,
        docs: Vec<(f32, DocAddress)>,
    ) -> Result<Vec<Hit>, SearchError> {
        let f: Fields = self.fields;
        let mut generators: Vec<Option<SnippetGenerator>> = (0..4).map(|_| None).collect();
        let mut out = Vec::with_capacity(docs.len());
        for (score, addr) in docs {
            let doc: TantivyDocument = searcher.doc(addr).map_err(|e| self.err(e))?;
            let text = |field: Field| {
                doc.get_first(field)
                    .and_then(|v| v.as_str())
                    .map(str::to_owned)
            };
            let slot = doc
                .get_first(f.body_slot)
                .and_then(|v| v.as_u64())
                .map_or(0, |s| (s as usize).min(3));
            if generators[slot].is_none() {
                let mut g = SnippetGenerator::create(searcher, query, f.body[slot])
                    .map_err(|e| self.err(e))?;
                g.set_max_num_chars(160);
                generators[slot] = Some(g);
            }
            // Only the start of a long body is stored and searched for the snippet:
            // analysing (and stemming) a whole newsletter per hit costs far more than the
            // search itself. A hit whose words come later shows the start of the body.
            let body = text(f.body_head).unwrap_or_default();
            let snippet = generators[slot]
                .as_ref()
                .map(|g| g.snippet(&body).fragment().to_owned())
                .unwrap_or_default();
            let snippet = if snippet.trim().is_empty() {
                lead(&body, 160)
            } else {
                snippet
            };
            let date = doc.get_first(f.date).and_then(|v| v.as_i64()).unwrap_or(0);
            out.push(Hit {
                mail_id: doc
                    .get_first(f.mail_id)
                    .and_then(|v| v.as_u64())
                    .unwrap_or(0),
                record_id: doc
                    .get_first(f.record_id)
                    .and_then(|v| v.as_u64())
                    .filter(|&r| r > 0),
                message_id: text(f.message_id).unwrap_or_default(),
                date: jiff::Timestamp::from_second(date)
                    .map(|t| t.to_string())
                    .unwrap_or_default(),
                from: text(f.from).unwrap_or_default(),
                subject: text(f.subject[slot]).unwrap_or_default(),
                snippet: snippet.split_whitespace().collect::<Vec<_>>().join(" "),
                score,
            });
        }
        Ok(out)
    }
}

/// The first `max` characters of the text, cut at a character boundary.
fn lead(text: &str, max: usize) -> String {
    text.chars().take(max).collect()
}
