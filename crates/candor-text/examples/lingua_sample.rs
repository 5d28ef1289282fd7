//! Does lingua decide the same on a shorter sample? Runs lingua (the detector's candidate
//! languages) over the checker bench's ham bodies and the labelled `eval/checker` texts (each
//! item, and every three items of one language joined) at 600, 400, 300 and 200 bytes, and
//! prints how often each agrees with 600 and is right, and the time of 600 against 300. It is
//! the measurement behind `LINGUA_SAMPLE_BYTES` in `src/detect.rs`. Run from the repository
//! root: `cargo run --release -p candor-text --example lingua_sample`.
#[path = "../benches/common/ham.rs"]
mod ham;
use lingua::{Language, LanguageDetectorBuilder};
fn main() {
    let det = LanguageDetectorBuilder::from_languages(&[
        Language::English,
        Language::Dutch,
        Language::Bokmal,
        Language::Nynorsk,
        Language::Danish,
        Language::Swedish,
        Language::Bengali,
        Language::German,
    ])
    .build();
    let cut = |t: &str, n: usize| t[..t.floor_char_boundary(n)].to_owned();
    let mut texts: Vec<(String, Option<&str>)> = ham::ham_bodies(ham::MESSAGES)
        .into_iter()
        .filter(|t| !t.trim().is_empty())
        .map(|t| (t, None))
        .collect();
    for lang in ["en", "nl", "nb", "bn"] {
        let raw = std::fs::read_to_string(format!("eval/checker/{lang}.jsonl")).unwrap();
        let items: Vec<String> = raw
            .lines()
            .map(|l| {
                serde_json::from_str::<serde_json::Value>(l).unwrap()["text"]
                    .as_str()
                    .unwrap()
                    .to_owned()
            })
            .collect();
        for i in &items {
            texts.push((i.clone(), Some(lang)));
        }
        for c in items.chunks(3) {
            texts.push((c.join("\n\n"), Some(lang)));
        }
    }
    for n in [600usize, 400, 300, 200] {
        let (mut agree, mut total, mut right, mut known) = (0, 0, 0, 0);
        for (t, lang) in &texts {
            let full = det.detect_language_of(cut(t, 600));
            let short = det.detect_language_of(cut(t, n));
            total += 1;
            if full == short {
                agree += 1;
            } else if n == 300 {
                println!(
                    "  differs at {n}: {full:?} vs {short:?} :: {:?}",
                    cut(t, 80)
                );
            }
            if let Some(l) = lang {
                known += 1;
                let code = short.map(|s| match s {
                    Language::Nynorsk => "nb".to_owned(),
                    o => o.iso_code_639_1().to_string().to_lowercase(),
                });
                if code.as_deref() == Some(*l) {
                    right += 1;
                }
            }
        }
        println!(
            "sample {n}: agrees with 600 on {agree}/{total}; correct on labelled {right}/{known}"
        );
    }
    let t0 = std::time::Instant::now();
    for _ in 0..3 {
        for (t, _) in &texts {
            std::hint::black_box(det.detect_language_of(cut(t, 600)));
        }
    }
    let a = t0.elapsed();
    let t0 = std::time::Instant::now();
    for _ in 0..3 {
        for (t, _) in &texts {
            std::hint::black_box(det.detect_language_of(cut(t, 300)));
        }
    }
    println!("time 600: {:?}, 300: {:?}", a, t0.elapsed());
}
