//! Repairs UTF-8 text that was once decoded as Mac Roman and saved again as UTF-8.
//!
//! Such text shows `‚Ä¶` where `…` was meant and `‚Äì` for `–`. The repair is general: every run
//! of non-ASCII characters that all exist in Mac Roman is encoded back to Mac Roman bytes; if
//! those bytes are valid UTF-8 the run is replaced by what they decode to. Genuine text such as
//! `Łukasz` or a lone `é` never qualifies (not Mac Roman, or not valid UTF-8 once encoded).

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

/// The repaired text and how many runs were repaired.
pub fn repair(text: &str) -> (String, usize) {
    let table = mac_roman_bytes();
    let mut out = String::with_capacity(text.len());
    let mut repaired = 0;
    let mut run: Vec<char> = Vec::new();
    let mut flush = |run: &mut Vec<char>, out: &mut String| {
        if run.len() >= 2 {
            let bytes: Vec<u8> = run.iter().map(|c| table[c]).collect();
            if let Ok(decoded) = std::str::from_utf8(&bytes) {
                out.push_str(decoded);
                repaired += 1;
                run.clear();
                return;
            }
        }
        out.extend(run.drain(..));
    };
    let mut rest = text;
    while !rest.is_empty() {
        // ASCII ends any run and is copied as it is, so a stretch of it is copied at once.
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        if ascii > 0 {
            flush(&mut run, &mut out);
            out.push_str(&rest[..ascii]);
            rest = &rest[ascii..];
            continue;
        }
        let c = rest.chars().next().expect("rest is not empty");
        rest = &rest[c.len_utf8()..];
        if table.contains_key(&c) {
            run.push(c);
        } else {
            flush(&mut run, &mut out);
            out.push(c);
        }
    }
    flush(&mut run, &mut out);
    (out, repaired)
}

#[cfg(test)]
mod tests {
    use super::repair;

    #[test]
    fn repairs_mac_roman_mojibake() {
        assert_eq!(repair("The DevOps-way‚Ä¶").0, "The DevOps-way…");
        assert_eq!(
            repair("Service Mesh ‚Äì Kilometer 30").0,
            "Service Mesh – Kilometer 30"
        );
        assert_eq!(repair("Expert‚Äôs panel").0, "Expert’s panel");
        assert_eq!(repair("S√∏ren").0, "Søren");
    }

    #[test]
    fn leaves_genuine_text_alone() {
        for text in [
            "Łukasz Szczęsny",
            "café crème",
            "naïve – “quoted” …",
            "Zürich",
        ] {
            assert_eq!(repair(text), (text.to_owned(), 0), "{text}");
        }
    }
}
