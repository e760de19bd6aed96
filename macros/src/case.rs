//! Name conversions and "did you mean" suggestions.

/// `projectId` → `project_id`, `imageURLs` → `image_urls`, `ETag` → `e_tag`.
pub fn snake_case(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::with_capacity(name.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).and_then(|p| chars.get(p));
        if let Some(&prev) = prev
            && c.is_uppercase()
        {
            let next_is_lower = chars.get(i + 1).is_some_and(|n| n.is_lowercase());
            // A new word starts after a lower-case letter or digit, or at the last capital of an
            // acronym that is followed by a lower-case word (`URLs` stays one word; `URLPath` splits).
            let boundary = prev.is_lowercase()
                || prev.is_ascii_digit()
                || (prev.is_uppercase() && next_is_lower && !is_plural_s(&chars, i));
            if boundary && !out.ends_with('_') {
                out.push('_');
            }
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// `URLs`: the `s` after an acronym is a plural, not a new word.
fn is_plural_s(chars: &[char], i: usize) -> bool {
    chars.get(i + 1) == Some(&'s') && chars.get(i + 2).is_none_or(|c| !c.is_lowercase())
}

/// `PascalCase` → `PascalCasePatch`-style helper: the first letter upper-cased.
pub fn upper_first(name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `project_id` → `projectId`, `project-id` → `projectId`: the words of `name` (split at anything
/// but letters and digits), joined in lower camel case, the usual wire name.
pub fn lower_camel(name: &str) -> String {
    name.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .enumerate()
        .map(|(i, word)| {
            if i == 0 {
                word.to_owned()
            } else {
                upper_first(word)
            }
        })
        .collect()
}

/// The candidate closest to `name`, if it is close enough to be a plausible typo.
pub fn closest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let folded = fold(name);
    candidates
        .into_iter()
        .map(|c| (edit_distance(&folded, &fold(c)), c))
        .filter(|&(d, c)| d <= (c.len().max(name.len()) / 3).max(1))
        .min_by_key(|&(d, _)| d)
        .map(|(_, c)| c)
}

/// Case and `_` do not count as differences: `projectID`, `project_id` and `projectId` match.
fn fold(name: &str) -> String {
    name.chars()
        .filter(|&c| c != '_')
        .flat_map(char::to_lowercase)
        .collect()
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let substitution = diagonal + usize::from(ca != cb);
            diagonal = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(row[j + 1] + 1);
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snake_case_of_wire_names() {
        assert_eq!(snake_case("projectId"), "project_id");
        assert_eq!(snake_case("iterationId"), "iteration_id");
        assert_eq!(snake_case("tagIds"), "tag_ids");
        assert_eq!(snake_case("take"), "take");
        assert_eq!(snake_case("overlapThreshold"), "overlap_threshold");
        assert_eq!(snake_case("imageURLs"), "image_urls");
        assert_eq!(snake_case("URLPath"), "url_path");
        assert_eq!(snake_case("v2Name"), "v2_name");
        assert_eq!(snake_case("already_snake"), "already_snake");
    }

    #[test]
    fn lower_camel_of_argument_names() {
        assert_eq!(lower_camel("project_id"), "projectId");
        assert_eq!(lower_camel("project-id"), "projectId");
        assert_eq!(lower_camel("_private"), "private");
        assert_eq!(lower_camel("a__b_"), "aB");
        assert_eq!(lower_camel("take"), "take");
        assert_eq!(lower_camel(""), "");
    }

    #[test]
    fn closest_finds_typos_and_case_variants() {
        let args = ["project_id", "iteration_id", "updated"];
        assert_eq!(closest("projectID", args), Some("project_id"));
        assert_eq!(closest("iteraton_id", args), Some("iteration_id"));
        assert_eq!(closest("tag_ids", args), None);
    }
}
