//! Repairs UTF-8 text that was once decoded as Mac Roman and saved again as UTF-8.
//!
//! Such text shows `‚Ä¶` where `…` was meant and `‚Äì` for `–`. The repair is general: every run
//! of non-ASCII characters that all exist in Mac Roman is encoded back to Mac Roman bytes; if
//! those bytes are valid UTF-8 the run is replaced by what they decode to. Genuine text such as
//! `Łukasz` or a lone `é` never qualifies (not Mac Roman, or not valid UTF-8 once encoded).

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

/// Unicode character → Mac Roman byte, for the upper half of the code page.
fn mac_roman_bytes() -> &'static HashMap<char, u8> {
    static TABLE: OnceLock<HashMap<char, u8>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let upper: Vec<u8> = (0x80..=0xFF).collect();
        let (decoded, _, _) = encoding_rs::MACINTOSH.decode(&upper);
        decoded.chars().zip(upper.iter().copied()).collect()
    })
}

/// The repaired text and how many runs were repaired. Text with nothing to repair (nearly
/// every recap) is returned as it is, not copied.
pub fn repair(text: &str) -> (Cow<'_, str>, usize) {
    let table = mac_roman_bytes();
    // Filled from the first repair on: until then the text is what came in.
    let mut out: Option<String> = None;
    let mut repaired = 0;
    // The current run of Mac Roman characters: where it starts and how many it has (0: no run).
    let mut run_start = 0;
    let mut run_chars = 0;
    // Where the text not yet in `out` starts.
    let mut copied_to = 0;
    let mut flush = |run: std::ops::Range<usize>, run_chars: usize, copied_to: &mut usize| {
        if run_chars < 2 {
            return;
        }
        let bytes: Vec<u8> = text[run.clone()].chars().map(|c| table[&c]).collect();
        if let Ok(decoded) = std::str::from_utf8(&bytes) {
            let out = out.get_or_insert_with(|| String::with_capacity(text.len()));
            out.push_str(&text[*copied_to..run.start]);
            out.push_str(decoded);
            *copied_to = run.end;
            repaired += 1;
        }
    };
    let mut at = 0;
    while at < text.len() {
        // ASCII ends any run: a stretch of it is skipped at once.
        let ascii = ascii_prefix_len(&text.as_bytes()[at..]);
        if ascii > 0 {
            flush(run_start..at, run_chars, &mut copied_to);
            run_chars = 0;
            at += ascii;
            continue;
        }
        let c = text[at..].chars().next().expect("not at the end");
        if table.contains_key(&c) {
            if run_chars == 0 {
                run_start = at;
            }
            run_chars += 1;
        } else {
            flush(run_start..at, run_chars, &mut copied_to);
            run_chars = 0;
        }
        at += c.len_utf8();
    }
    flush(run_start..at, run_chars, &mut copied_to);
    match out {
        Some(mut out) => {
            out.push_str(&text[copied_to..]);
            (Cow::Owned(out), repaired)
        }
        None => (Cow::Borrowed(text), 0),
    }
}

/// How many bytes at the start of `bytes` are ASCII, checked a block at a time (which the
/// compiler vectorizes) rather than byte by byte.
fn ascii_prefix_len(bytes: &[u8]) -> usize {
    let mut len = 0;
    for block in bytes.chunks(64) {
        if !block.is_ascii() {
            return len + block.iter().take_while(|b| b.is_ascii()).count();
        }
        len += block.len();
    }
    len
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::{ascii_prefix_len, repair};

    #[test]
    fn repairs_mac_roman_mojibake() {
        assert_eq!(repair("The DevOps-way‚Ä¶").0, "The DevOps-way…");
        assert_eq!(
            repair("Service Mesh ‚Äì Kilometer 30").0,
            "Service Mesh – Kilometer 30"
        );
        assert_eq!(repair("Expert‚Äôs panel").0, "Expert’s panel");
        assert_eq!(repair("S√∏ren").0, "Søren");
        assert_eq!(
            repair("‚Äú√∏‚Äù and ‚Ä¶ then Łukasz, ‚Ä¶").0,
            "“ø” and … then Łukasz, …",
            "runs at the start and end, genuine text between"
        );
        assert_eq!(repair("a ‚Ä¶ b ‚Ä¶").1, 2, "each run counts");
    }

    #[test]
    fn the_ascii_prefix_is_found_across_blocks() {
        let long = "x".repeat(150);
        for at in [0, 1, 63, 64, 65, 149] {
            let text = format!("{}é{}", &long[..at], &long[at..]);
            assert_eq!(ascii_prefix_len(text.as_bytes()), at);
        }
        assert_eq!(ascii_prefix_len(long.as_bytes()), 150);
        assert_eq!(ascii_prefix_len(b""), 0);
    }

    #[test]
    fn leaves_genuine_text_alone() {
        for text in [
            "Łukasz Szczęsny",
            "café crème",
            "naïve – “quoted” …",
            "Zürich",
        ] {
            let (repaired, count) = repair(text);
            assert!(matches!(repaired, Cow::Borrowed(_)), "{text} is not copied");
            assert_eq!((repaired.as_ref(), count), (text, 0), "{text}");
        }
    }
}
