//! Parameter fragments for the batch statements, so each multi-row insert or update builds its
//! SQL one way: numbered (`$1, $2, …`, the same on SQLite and PostgreSQL) or, for the bulk
//! inserts of an import, `?` on SQLite.

use crate::Backend;

/// `$first, $first+1, … $first+n-1`.
pub(crate) fn placeholders(first: usize, n: usize) -> String {
    (first..first + n)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `($1, … $cols), ($cols+1, … $2*cols), …` for `rows` rows of a multi-row insert; `extra` is
/// appended inside each tuple after the parameters (a constant column), or empty.
pub(crate) fn value_rows(rows: usize, cols: usize, extra: &str) -> String {
    (0..rows)
        .map(|r| format!("({}{extra})", placeholders(r * cols + 1, cols)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `n` parameters for a statement whose values are bound in order: `?, ?, …` on SQLite,
/// `$1, … $n` on PostgreSQL (which has no `?`). sqlx binds a named or numbered SQLite
/// parameter by asking SQLite its name, which walks the statement's parameter list, so binding
/// costs grow with the square of the parameters; an anonymous `?` has no name to look up.
pub(crate) fn placeholders_in(backend: Backend, n: usize) -> String {
    match backend {
        Backend::Sqlite => vec!["?"; n].join(", "),
        Backend::Postgres => placeholders(1, n),
    }
}

/// [`value_rows`] with anonymous `?` parameters on SQLite (see [`placeholders_in`]).
pub(crate) fn value_rows_in(backend: Backend, rows: usize, cols: usize, extra: &str) -> String {
    match backend {
        Backend::Sqlite => {
            let row = format!("({}{extra})", vec!["?"; cols].join(", "));
            vec![row; rows].join(", ")
        }
        Backend::Postgres => value_rows(rows, cols, extra),
    }
}

/// `UPDATE table SET c1 = CASE id WHEN $1 THEN $2 … END, c2 = … WHERE id IN ($1, …)` for
/// `rows` rows, each bound as the id followed by one value per column of `columns`.
pub(crate) fn update_by_id(table: &str, columns: &[&str], rows: usize) -> String {
    let per = columns.len() + 1;
    let sets: Vec<String> = columns
        .iter()
        .enumerate()
        .map(|(c, col)| {
            let whens: String = (0..rows)
                .map(|r| format!(" WHEN ${} THEN ${}", r * per + 1, r * per + 2 + c))
                .collect();
            format!("{col} = CASE id{whens} END")
        })
        .collect();
    let ids: Vec<String> = (0..rows).map(|r| format!("${}", r * per + 1)).collect();
    format!(
        "UPDATE {table} SET {} WHERE id IN ({})",
        sets.join(", "),
        ids.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_fragments_are_anonymous() {
        assert_eq!(placeholders_in(Backend::Sqlite, 3), "?, ?, ?");
        assert_eq!(placeholders_in(Backend::Postgres, 2), "$1, $2");
        assert_eq!(
            value_rows_in(Backend::Sqlite, 2, 2, ", ''"),
            "(?, ?, ''), (?, ?, '')"
        );
        assert_eq!(
            value_rows_in(Backend::Postgres, 2, 1, ""),
            value_rows(2, 1, "")
        );
    }

    #[test]
    fn fragments_number_parameters_row_by_row() {
        assert_eq!(placeholders(3, 3), "$3, $4, $5");
        assert_eq!(value_rows(2, 2, ""), "($1, $2), ($3, $4)");
        assert_eq!(value_rows(2, 1, ", ''"), "($1, ''), ($2, '')");
        assert_eq!(
            update_by_id("t", &["a", "b"], 2),
            "UPDATE t SET a = CASE id WHEN $1 THEN $2 WHEN $4 THEN $5 END, \
             b = CASE id WHEN $1 THEN $3 WHEN $4 THEN $6 END WHERE id IN ($1, $4)"
        );
    }
}
