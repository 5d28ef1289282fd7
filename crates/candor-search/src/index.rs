//! The tantivy index: schema, writing with a sequence-number payload, and searching.

use crate::SearchError;
use crate::tokenizer::{analyzer_for, analyzers};
use std::path::Path;
use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

/// Memory of the import's index writer. When the documents held since the last commit
/// outgrow it, tantivy writes them out as an extra segment, which then has to be merged:
/// 50 MB split every 20,000-message commit of list and spam mail in two (about 23,000
/// messages fit). Twice that leaves room for mail with longer bodies.
pub const IMPORT_WRITER_BYTES: usize = 100_000_000;

/// Languages with their own analyzer; everything else (bn, da, sv, …) uses "plain".
const LANGS: [&str; 4] = ["plain", "en", "nl", "nb"];

/// How much of a body the index stores, for snippets: searches take a hit's snippet from its
/// first 3 KB only (analysing, stemming included, a whole newsletter per hit cost most of the
/// search time), so the rest is indexed but not stored. Storing whole bodies made the stored
/// text 53% of the index and its compression a visible share of an import.
pub const STORED_BODY_BYTES: usize = 3 * 1024;

/// One message as the index sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MailDoc {
    /// Mail message id in the database (the key).
    pub mail_id: u64,
    /// Record entry id, once the message is assigned to a client.
    pub record_id: Option<u64>,
    /// Message-ID, or empty.
    pub message_id: String,
    /// When it was sent.
    pub date: jiff::Timestamp,
    /// Assigned client, if any.
    pub client_id: Option<u64>,
    /// Sender, "Name <address>".
    pub from: String,
    /// To and Cc recipients, "Name <address>, …".
    pub to: String,
    /// Subject.
    pub subject: String,
    /// Body text.
    pub body: String,
    /// ISO 639-1 language of the body ("en", "nl", "nb", "bn", …) or "" when unknown.
    pub lang: String,
}

/// One search result.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Hit {
    /// Mail message id.
    pub mail_id: u64,
    /// Record entry id; `None` while the message is unassigned.
    pub record_id: Option<u64>,
    /// Message-ID.
    pub message_id: String,
    /// Date, RFC 3339.
    pub date: String,
    /// Sender.
    pub from: String,
    /// Subject.
    pub subject: String,
    /// A piece of the body around the match.
    pub snippet: String,
    /// Relevance (BM25); 0 when the query only filters.
    pub score: f32,
}

#[derive(Clone, Copy)]
pub(crate) struct Fields {
    pub(crate) mail_id: Field,
    pub(crate) record_id: Field,
    pub(crate) message_id: Field,
    pub(crate) date: Field,
    pub(crate) client: Field,
    pub(crate) from: Field,
    pub(crate) to: Field,
    pub(crate) subject: [Field; 4],
    pub(crate) body: [Field; 4],
    pub(crate) body_head: Field,
    pub(crate) body_slot: Field,
}

/// A mail search index in a folder (or in memory for tests).
pub struct SearchIndex {
    pub(crate) index: Index,
    pub(crate) reader: IndexReader,
    pub(crate) fields: Fields,
    path: String,
}

fn text_options(analyzer: &str) -> TextOptions {
    indexed_text(analyzer).set_stored()
}

/// A text field searched with `analyzer`, not stored.
fn indexed_text(analyzer: &str) -> TextOptions {
    let indexing = TextFieldIndexing::default()
        .set_tokenizer(analyzer)
        .set_index_option(IndexRecordOption::WithFreqsAndPositions);
    TextOptions::default().set_indexing_options(indexing)
}

fn schema() -> Schema {
    let mut b = Schema::builder();
    b.add_u64_field("mail_id", INDEXED | STORED | FAST);
    b.add_u64_field("record_id", STORED);
    b.add_text_field("message_id", STRING | STORED);
    b.add_i64_field("date", INDEXED | STORED | FAST);
    b.add_u64_field("client", INDEXED | FAST);
    b.add_text_field("from", text_options("candor_plain"));
    // Searched by to:, never shown: not stored.
    b.add_text_field("to", indexed_text("candor_plain"));
    for lang in LANGS {
        let analyzer = if lang == "plain" {
            "candor_plain".to_owned()
        } else {
            format!("candor_{lang}")
        };
        b.add_text_field(&format!("subject_{lang}"), text_options(&analyzer));
        b.add_text_field(&format!("body_{lang}"), indexed_text(&analyzer));
    }
    // The start of the body, for snippets (see STORED_BODY_BYTES), and which body field holds
    // the message (its language slot), for the snippet's analyzer.
    b.add_text_field("body_head", STORED);
    b.add_u64_field("body_slot", STORED);
    b.build()
}

fn fields(s: &Schema) -> Result<Fields, String> {
    let f = |name: &str| {
        s.get_field(name)
            .map_err(|_| format!("field {name} missing"))
    };
    let per_lang = |prefix: &str| -> Result<[Field; 4], String> {
        Ok([
            f(&format!("{prefix}_plain"))?,
            f(&format!("{prefix}_en"))?,
            f(&format!("{prefix}_nl"))?,
            f(&format!("{prefix}_nb"))?,
        ])
    };
    Ok(Fields {
        mail_id: f("mail_id")?,
        record_id: f("record_id")?,
        message_id: f("message_id")?,
        date: f("date")?,
        client: f("client")?,
        from: f("from")?,
        to: f("to")?,
        subject: per_lang("subject")?,
        body: per_lang("body")?,
        body_head: f("body_head")?,
        body_slot: f("body_slot")?,
    })
}

/// True for the schema of any candor version: the key and the per-language body fields.
fn is_candor_schema(s: &Schema) -> bool {
    ["mail_id", "date", "body_plain", "body_en"]
        .iter()
        .all(|name| s.get_field(name).is_ok())
}

fn lang_slot(lang: &str) -> usize {
    match analyzer_for(lang) {
        "candor_en" => 1,
        "candor_nl" => 2,
        "candor_nb" => 3,
        _ => 0,
    }
}

impl SearchIndex {
    /// Opens the index in `dir`, creating it (and the folder) when missing.
    pub fn open(dir: &Path) -> Result<Self, SearchError> {
        let path = dir.display().to_string();
        let err = SearchError::at(&path);
        std::fs::create_dir_all(dir).map_err(|e| err(e.into()))?;
        let exists = dir.join("meta.json").exists();
        let index = if exists {
            let old = Index::open_in_dir(dir).map_err(err)?;
            if old.schema() != schema() && is_candor_schema(&old.schema()) {
                // An index of an earlier candor version: it is derived from the database, so
                // it is made anew, and the caller's catch-up fills it from change number 0.
                drop(old);
                std::fs::remove_dir_all(dir).map_err(|e| err(e.into()))?;
                std::fs::create_dir_all(dir).map_err(|e| err(e.into()))?;
                Index::create_in_dir(dir, schema()).map_err(err)?
            } else {
                old
            }
        } else {
            Index::create_in_dir(dir, schema()).map_err(err)?
        };
        Self::from_index(index, path)
    }

    /// A throwaway index in memory.
    pub fn in_memory() -> Result<Self, SearchError> {
        Self::from_index(Index::create_in_ram(schema()), "memory".into())
    }

    fn from_index(index: Index, path: String) -> Result<Self, SearchError> {
        if index.schema() != schema() {
            return Err(SearchError::Incompatible {
                path,
                reason: "schema differs".into(),
            });
        }
        for (name, analyzer) in analyzers() {
            index.tokenizers().register(name, analyzer);
        }
        let fields = fields(&index.schema()).map_err(|reason| SearchError::Incompatible {
            path: path.clone(),
            reason,
        })?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(SearchError::at(&path))?;
        Ok(Self {
            index,
            reader,
            fields,
            path,
        })
    }

    pub(crate) fn err(&self, source: tantivy::TantivyError) -> SearchError {
        SearchError::at(&self.path)(source)
    }

    /// The highest database sequence number the last commit contains (0 for a new index).
    pub fn indexed_seq(&self) -> Result<u64, SearchError> {
        let metas = self.index.load_metas().map_err(|e| self.err(e))?;
        Ok(metas.payload.and_then(|p| p.parse().ok()).unwrap_or(0))
    }

    /// Starts a batch of changes; only one batch can be open at a time (tantivy's lock).
    pub fn batch(&self) -> Result<IndexBatch, SearchError> {
        let writer = self.index.writer(50_000_000).map_err(|e| self.err(e))?;
        Ok(self.batch_of(writer))
    }

    fn batch_of(&self, writer: IndexWriter) -> IndexBatch {
        IndexBatch {
            fields: self.fields,
            path: self.path.clone(),
            reader: self.reader.clone(),
            writer,
        }
    }

    /// Like [`SearchIndex::batch`], with one indexing thread: for an import, whose parsing
    /// already keeps the other cores busy. Each thread writes its own segment per commit,
    /// so one thread also leaves half the segments to merge. Its memory budget
    /// ([`IMPORT_WRITER_BYTES`]) holds the documents an import commits at once.
    pub fn batch_single_thread(&self) -> Result<IndexBatch, SearchError> {
        let writer = self
            .index
            .writer_with_num_threads(1, IMPORT_WRITER_BYTES)
            .map_err(|e| self.err(e))?;
        Ok(self.batch_of(writer))
    }

    /// Number of documents visible to searches.
    pub fn len(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// Number of segments searches go through (each commit adds one until merges join them).
    pub fn segment_count(&self) -> usize {
        self.reader.searcher().segment_readers().len()
    }

    /// True when nothing is indexed.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Pending changes; nothing is visible until [`IndexBatch::commit`]. It owns what it needs of
/// its [`SearchIndex`], so it can move to another thread ([`IndexBatch::in_background`]).
pub struct IndexBatch {
    fields: Fields,
    path: String,
    reader: IndexReader,
    writer: IndexWriter,
}

impl IndexBatch {
    /// The index folder (or "memory"), for errors.
    pub(crate) fn path(&self) -> &str {
        &self.path
    }

    /// Adds a message, replacing any earlier version with the same mail id.
    pub fn upsert(&mut self, doc: &MailDoc) -> Result<(), SearchError> {
        self.writer
            .delete_term(Term::from_field_u64(self.fields.mail_id, doc.mail_id));
        self.add_new(doc)
    }

    /// Adds a message the index cannot hold yet (its mail id is new in the database). Cheaper
    /// than [`IndexBatch::upsert`]: each delete is looked up in every segment at commit.
    pub fn add_new(&mut self, doc: &MailDoc) -> Result<(), SearchError> {
        let f = &self.fields;
        let slot = lang_slot(&doc.lang);
        let mut d = TantivyDocument::default();
        d.add_u64(f.mail_id, doc.mail_id);
        d.add_u64(f.record_id, doc.record_id.unwrap_or(0));
        d.add_text(f.message_id, &doc.message_id);
        d.add_i64(f.date, doc.date.as_second());
        d.add_u64(f.client, doc.client_id.unwrap_or(0));
        d.add_text(f.from, &doc.from);
        d.add_text(f.to, &doc.to);
        d.add_text(f.subject[slot], &doc.subject);
        d.add_text(f.body[slot], &doc.body);
        d.add_text(f.body_head, head(&doc.body, STORED_BODY_BYTES));
        d.add_u64(f.body_slot, slot as u64);
        self.writer
            .add_document(d)
            .map_err(SearchError::at(&self.path))?;
        Ok(())
    }

    /// Removes a message.
    pub fn delete(&mut self, mail_id: u64) {
        self.writer
            .delete_term(Term::from_field_u64(self.fields.mail_id, mail_id));
    }

    /// Removes everything (for a rebuild); the commit then starts again from `seq`.
    pub fn clear(&mut self) -> Result<(), SearchError> {
        self.writer
            .delete_all_documents()
            .map_err(SearchError::at(&self.path))?;
        Ok(())
    }

    /// Makes the changes so far durable and visible, recording `seq` as indexed. The batch
    /// stays open for more changes (an import commits once per database transaction).
    pub fn commit(&mut self, seq: u64) -> Result<(), SearchError> {
        let err = SearchError::at(&self.path);
        let mut prepared = self.writer.prepare_commit().map_err(err)?;
        prepared.set_payload(&seq.to_string());
        prepared.commit().map_err(err)?;
        self.reader.reload().map_err(err)?;
        Ok(())
    }

    /// Closes the batch, waiting for background segment merges so the index is left with few
    /// segments (searches get slower with many). Uncommitted changes are dropped.
    pub fn finish(self) -> Result<(), SearchError> {
        let err = SearchError::at(&self.path);
        self.writer.wait_merging_threads().map_err(err)?;
        self.reader.reload().map_err(err)?;
        Ok(())
    }
}

/// The first `max` bytes of the text, cut back to a character boundary.
pub(crate) fn head(text: &str, max: usize) -> &str {
    &text[..text.floor_char_boundary(max)]
}
