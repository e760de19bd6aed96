//! Where in a JSON document decoding failed, found without a second deserializer: serde_json
//! says the line and column of the failure, and a walk of the text up to there says which
//! member and item it was in. Not generic, so it is compiled once, not per response type.

/// One level of nesting on the way to the failure.
enum Frame {
    /// In an object: the key of the member being read, once its key has been read.
    Object { key: Option<String> },
    /// In an array: the index of the item being read.
    Array { index: usize },
}

/// The path of the value being read at the error's position, as `items[2].lastModified`;
/// empty at the root. `line` and `column` are serde_json's (1-based; column 0 when the error
/// is at the end of the input).
pub(crate) fn at_error(document: &[u8], line: usize, column: usize) -> String {
    let Some(last) = offset(document, line, column) else {
        return path(&walk(document));
    };
    // A value that closes a container there (`missing field`, `invalid length`) names the
    // container itself, not its last member.
    let closes = matches!(document.get(last), Some(b'}' | b']'));
    let mut frames = walk(&document[..if closes { last } else { last + 1 }]);
    if closes && let Some(Frame::Object { key }) = frames.last_mut() {
        *key = None;
    }
    path(&frames)
}

/// The byte index of the last byte serde_json read: column `column` of line `line`.
fn offset(document: &[u8], line: usize, column: usize) -> Option<usize> {
    if line == 0 || column == 0 {
        return None;
    }
    let line_start = if line == 1 {
        0
    } else {
        document
            .iter()
            .enumerate()
            .filter(|(_, byte)| **byte == b'\n')
            .nth(line - 2)
            .map(|(i, _)| i + 1)?
    };
    let index = line_start + column - 1;
    (index < document.len()).then_some(index)
}

/// The frames open at the end of `text`.
fn walk(text: &[u8]) -> Vec<Frame> {
    let mut frames: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < text.len() {
        match text[i] {
            b'{' => frames.push(Frame::Object { key: None }),
            b'[' => frames.push(Frame::Array { index: 0 }),
            b'}' | b']' => {
                frames.pop();
            }
            b',' => match frames.last_mut() {
                Some(Frame::Object { key }) => *key = None,
                Some(Frame::Array { index }) => *index += 1,
                None => {}
            },
            b'"' => {
                let (string, end) = read_string(text, i + 1);
                // A string where an object expects a key is the key.
                if let Some(Frame::Object { key }) = frames.last_mut()
                    && key.is_none()
                    && next_is_colon(text, end)
                {
                    *key = Some(string);
                }
                i = end;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    frames
}

/// The string that starts after a `"` at `start`, unescaped enough to name a key, and the
/// index after its closing quote (or the end of the text).
fn read_string(text: &[u8], start: usize) -> (String, usize) {
    let mut bytes = Vec::new();
    let mut i = start;
    while i < text.len() {
        match text[i] {
            b'"' => return (String::from_utf8_lossy(&bytes).into_owned(), i + 1),
            b'\\' if i + 1 < text.len() => {
                let escaped = text[i + 1];
                bytes.push(match escaped {
                    b'n' => b'\n',
                    b't' => b'\t',
                    b'r' => b'\r',
                    b'b' => 0x08,
                    b'f' => 0x0c,
                    other => other,
                });
                i += 2;
                // `\uXXXX` is kept as written: rare in keys, and still readable.
                if escaped == b'u' {
                    bytes.pop();
                    bytes.extend_from_slice(b"\\u");
                }
            }
            byte => {
                bytes.push(byte);
                i += 1;
            }
        }
    }
    (String::from_utf8_lossy(&bytes).into_owned(), text.len())
}

fn next_is_colon(text: &[u8], from: usize) -> bool {
    text[from.min(text.len())..]
        .iter()
        .find(|byte| !byte.is_ascii_whitespace())
        .is_none_or(|byte| *byte == b':')
}

fn path(frames: &[Frame]) -> String {
    let mut out = String::new();
    for frame in frames {
        match frame {
            Frame::Object { key: Some(key) } => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Frame::Object { key: None } => {}
            Frame::Array { index } => {
                out.push('[');
                out.push_str(&index.to_string());
                out.push(']');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    /// Decodes `document` as `T` and returns the path the walk finds at the error.
    fn path_of<T: for<'de> Deserialize<'de> + std::fmt::Debug>(document: &str) -> String {
        let error = serde_json::from_str::<T>(document).unwrap_err();
        super::at_error(document.as_bytes(), error.line(), error.column())
    }

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Tag {
        id: u32,
        name: String,
        #[serde(rename = "imageCount")]
        image_count: u32,
    }

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Page {
        items: Vec<Tag>,
        next: Option<String>,
    }

    #[test]
    fn a_wrong_value_is_named_by_its_member_and_index() {
        assert_eq!(
            path_of::<Tag>(r#"{"id":1,"name":"a","imageCount":"many"}"#),
            "imageCount"
        );
        assert_eq!(
            path_of::<Vec<Tag>>(
                r#"[{"id":1,"name":"a","imageCount":1},{"id":2,"name":"b","imageCount":-1}]"#
            ),
            "[1].imageCount"
        );
        assert_eq!(
            path_of::<Page>(
                "{\n  \"next\": null,\n  \"items\": [\n    {\"id\": 1, \"name\": \"a\", \"imageCount\": 1},\n    {\"id\": 2, \"name\": 7, \"imageCount\": 1}\n  ]\n}"
            ),
            "items[1].name"
        );
        assert_eq!(
            path_of::<Page>(r#"{"items":[{"id":1,"name":{"nested":[1,2]},"imageCount":1}]}"#),
            "items[0].name"
        );
    }

    #[test]
    fn a_missing_member_names_the_object() {
        assert_eq!(path_of::<Tag>(r#"{"id":1,"name":"a"}"#), "");
        assert_eq!(
            path_of::<Page>(r#"{"items":[{"id":1,"name":"a","imageCount":1},{"id":2}]}"#),
            "items[1]"
        );
    }

    #[test]
    fn keys_with_escapes_and_strings_with_brackets_do_not_confuse_the_walk() {
        #[derive(Debug, Deserialize)]
        #[allow(dead_code)]
        struct Odd {
            #[serde(rename = "a\"b")]
            quoted: String,
            n: u8,
        }
        assert_eq!(path_of::<Odd>(r#"{"a\"b": "x, {y} [z]", "n": 300}"#), "n");
    }

    #[test]
    fn broken_documents_never_panic() {
        for document in [
            "",
            "{",
            "[1,",
            "{\"a\"",
            "\"unterminated",
            "{\"a\":\"\\",
            "]]]}}}",
        ] {
            let error = serde_json::from_str::<Page>(document).unwrap_err();
            let _ = super::at_error(document.as_bytes(), error.line(), error.column());
            for line in 0..3 {
                for column in 0..document.len() + 2 {
                    let _ = super::at_error(document.as_bytes(), line, column);
                }
            }
        }
    }
}
