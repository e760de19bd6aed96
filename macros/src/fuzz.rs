//! A fuzz test of the expanders: mutated declarations fed to `endpoint::expand`, `api::expand`,
//! `patchable::expand` and `model::expand`, each under `catch_unwind`.
//!
//! The corpus is every declaration of the workspace's trybuild fixtures (`tests/ui/pass` and
//! `tests/ui/fail`) and of the `customvision-training` crate, plus the inputs of the expansion
//! snapshots. Each case picks one and mutates it at the token-tree level 1 to 4 times: a token
//! deleted, duplicated, swapped or replaced (identifiers by keywords, raw identifiers and the
//! macros' own words; literals by hostile templates and numbers; punctuation), a group truncated
//! or given another delimiter, a token or a subtree from another declaration inserted. Every
//! case is derived from the seed and its index, so a failure reproduces from the two numbers
//! it prints.
//!
//! Besides panics, it checks that expanding is deterministic (a second expansion gives the same
//! tokens) and that the user's item is re-emitted: when the input is a method (a trait), the
//! output parses and still declares it.
//!
//! `cargo test -p declarest-macros` runs 20,000 cases. A large run:
//! `DECLAREST_FUZZ_CASES=1000000 cargo test -p declarest-macros --release fuzz -- --nocapture`.
//! `DECLAREST_FUZZ_SEED` changes the seed, `DECLAREST_FUZZ_FIRST` the first case's index.

use std::cell::RefCell;
use std::fmt::Write as _;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use proc_macro2::{Delimiter, Group, Ident, Literal, Punct, Spacing, Span, TokenStream, TokenTree};
use quote::{ToTokens, quote};

const DEFAULT_CASES: u64 = 20_000;
const DEFAULT_SEED: u64 = 0xDEC1_A2E5_7F00_0001;
/// Failures printed in full; the rest are counted.
const SHOWN: usize = 20;

#[derive(Clone, Copy, Debug, PartialEq)]
enum Expander {
    Endpoint,
    Api,
    Patchable,
    Model,
}

#[derive(Clone)]
struct Input {
    expander: Expander,
    /// The attribute's arguments (empty for the derives).
    attr: TokenStream,
    item: TokenStream,
}

impl Input {
    fn expand(&self) -> TokenStream {
        let (attr, item) = (self.attr.clone(), self.item.clone());
        match self.expander {
            Expander::Endpoint => crate::endpoint::expand(attr, item),
            Expander::Api => crate::api::expand(attr, item),
            Expander::Patchable => crate::patchable::expand(item),
            Expander::Model => crate::model::expand(item),
        }
    }

    /// The same input expands to the same output (no hash-map order in it), and the user's
    /// item comes back, in output that parses.
    fn check(&self, output: &TokenStream) -> Result<(), String> {
        let again = self.expand();
        if again.to_string() != output.to_string() {
            return Err(format!(
                "a second expansion differs:\n  first:  {output}\n  second: {again}"
            ));
        }
        match self.expander {
            Expander::Endpoint => {
                let Ok(method) = syn::parse2::<syn::TraitItemFn>(self.item.clone()) else {
                    return Ok(());
                };
                let wrapped = quote!(trait __Fuzz { #output });
                let parsed = syn::parse2::<syn::ItemTrait>(wrapped)
                    .map_err(|e| format!("the output does not parse as trait items: {e}"))?;
                let kept = parsed.items.iter().any(
                    |item| matches!(item, syn::TraitItem::Fn(f) if f.sig.ident == method.sig.ident),
                );
                kept.then_some(())
                    .ok_or_else(|| format!("the method `{}` is not re-emitted", method.sig.ident))
            }
            Expander::Api => {
                let Ok(input) = syn::parse2::<syn::ItemTrait>(self.item.clone()) else {
                    return Ok(());
                };
                let file = syn::parse2::<syn::File>(output.clone())
                    .map_err(|e| format!("the output does not parse as items: {e}"))?;
                let kept = file
                    .items
                    .iter()
                    .any(|item| matches!(item, syn::Item::Trait(t) if t.ident == input.ident));
                kept.then_some(())
                    .ok_or_else(|| format!("the trait `{}` is not re-emitted", input.ident))
            }
            Expander::Patchable | Expander::Model => syn::parse2::<syn::File>(output.clone())
                .map(drop)
                .map_err(|e| format!("the output does not parse as items: {e}")),
        }
    }
}

/// splitmix64: small, fast, and every case's stream follows from one number.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    fn one_in(&mut self, n: usize) -> bool {
        self.below(n) == 0
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// The rng of case `index`.
fn case_rng(seed: u64, index: u64) -> Rng {
    let mut mixer = Rng(seed ^ index.wrapping_mul(0xA076_1D64_78BD_642F));
    Rng(mixer.next())
}

#[rustfmt::skip]
const IDENTS: &[&str] = &[
    // Keywords and near-keywords.
    "async", "fn", "self", "Self", "type", "match", "const", "unsafe", "extern", "impl", "dyn",
    "where", "mut", "ref", "crate", "super", "pub", "struct", "enum", "union", "trait", "let",
    "loop", "_", "a", "A", "x", "project_id", "projectId", "iteration_id", "Uuid", "String",
    "Option", "Vec", "Result", "declarest", "core", "std", "GET", "POST", "PUT", "PATCH", "DELETE",
    "HEAD", "OPTIONS", "get", "Get", "FETCH", "body", "param", "header", "multipart", "max_items",
    "max", "read_only", "patchable", "serde", "endpoint", "api", "secret", "bytes", "json", "name",
    "rename", "rename_all", "alias", "skip", "skip_serializing", "flatten", "doc", "derive",
    "Patchable", "Model", "é", "Ünïcode", "__declarest_endpoint_x", "__request", "NAME", "Patch",
    "MatchPatch", "required", "new", "WithStatus", "Binary", "ByteStream",
];

/// Raw identifiers, without the `r#`.
#[rustfmt::skip]
const RAW_IDENTS: &[&str] = &[
    "type", "match", "Match", "async", "fn", "struct", "ref", "loop", "dyn", "try", "x",
];

#[rustfmt::skip]
const STRINGS: &[&str] = &[
    "", "/", "..", ".", "/..", "/.", "/./", "/../", "/a/../b", "/a/./b", "/%2e%2e/a", "/.%2E", "%",
    "/%", "/%2", "/%zz", "/%2e%2E", "é", "/é/ü", "💥", "/💥", "\u{0}", "/\u{0}", "\t", " ", "/a b",
    "<", ">", "<>", "/<>", "<<a>>", "/<<a>>", "/<a", "/a>", "</", "/<a>/<a>", "/<a>?<a>", "?&", "?",
    "&", "=", "?=", "/?a=", "/?=b", "/?<a>=", "/?<a>&", "/?&<a>", "/?<a>&&<b>", "/?<>", "#", "/#",
    "/a#b", "{a}", "/{a}", "/{", "}", "\"", "\\", "r#type", "/<r#type>", "/<type>", "/<projectId>",
    "/<project_id>", "/<projectId>/<project_id>", "/<_>", "/<1a>", "/<a-b>", "/<a b>", "/< a>",
    "//", "///", "/a//", "/a/", "\u{202e}", "Training-Key", "If-Match", "X Y", "", "imageData",
    "a\"b", "a\nb", "json", "bytes", "TagUpdate", "r#Match", "type", "1Patch", "camelCase",
    "/?<$filter>", "/?<$>", "/?<api-version>", "/?<a.b~c>", "$filter", "/<$a>", "/?<-a>",
];

#[rustfmt::skip]
const FRAGMENTS: &[&str] = &[
    "/", "/", "/", "a", "<", ">", "<a>", "<projectId>", "<project_id>", "<type>", "..", ".", "%",
    "%2e", "%20", "?", "&", "=", "#", "{", "}", "é", "💥", "_", "-", " ", "\u{202e}", "'",
];

/// Literals other than strings, as source text.
#[rustfmt::skip]
const OTHER_LITERALS: &[&str] = &[
    "0", "1", "64", "256", "1.5", "1e400", "1.0e-400", "0x1F", "1_000", "1u8", "255u8",
    "18446744073709551616", "340282366920938463463374607431768211456", "'c'", "b'c'", "b\"/a\"",
    "c\"/a\"", "r\"/a\"", "r#\"/<a>\"#", "\"/a\"suffix", "1f32", "true",
];

#[rustfmt::skip]
const PUNCTS: &[char] = &[
    ',', ';', ':', '#', '!', '=', '<', '>', '&', '?', '.', '-', '+', '*', '/', '@', '$', '^', '|',
    '~', '%', '\'',
];

fn ident(rng: &mut Rng) -> TokenTree {
    if rng.one_in(5) {
        let name = *rng.pick(RAW_IDENTS);
        Ident::new_raw(name, Span::call_site()).into()
    } else {
        let name = *rng.pick(IDENTS);
        Ident::new(name, Span::call_site()).into()
    }
}

fn template(rng: &mut Rng) -> String {
    match rng.below(8) {
        // Very long ones.
        0 => match rng.below(4) {
            0 => "/a".repeat(3_000),
            1 => format!("/<{}>", "a".repeat(3_000)),
            2 => "%".repeat(1_000),
            _ => "<".repeat(500),
        },
        1..=3 => rng.pick(STRINGS).to_string(),
        _ => (0..1 + rng.below(8))
            .map(|_| *rng.pick(FRAGMENTS))
            .collect(),
    }
}

fn literal(rng: &mut Rng) -> TokenTree {
    if rng.one_in(4) {
        let text = rng.pick(OTHER_LITERALS);
        if let Ok(tokens) = text.parse::<TokenStream>()
            && let Some(tree) = tokens.into_iter().next()
        {
            return tree;
        }
    }
    Literal::string(&template(rng)).into()
}

fn punct(rng: &mut Rng) -> TokenTree {
    let spacing = if rng.one_in(3) {
        Spacing::Joint
    } else {
        Spacing::Alone
    };
    Punct::new(*rng.pick(PUNCTS), spacing).into()
}

fn delimiter(rng: &mut Rng) -> Delimiter {
    *rng.pick(&[
        Delimiter::Parenthesis,
        Delimiter::Brace,
        Delimiter::Bracket,
        Delimiter::None,
    ])
}

/// A random token tree of `donor`, at any depth.
fn subtree(donor: &TokenStream, rng: &mut Rng) -> Option<TokenTree> {
    let trees: Vec<TokenTree> = donor.clone().into_iter().collect();
    if trees.is_empty() {
        return None;
    }
    let tree = rng.pick(&trees).clone();
    match &tree {
        TokenTree::Group(group) if rng.one_in(2) => subtree(&group.stream(), rng).or(Some(tree)),
        _ => Some(tree),
    }
}

fn random_tree(rng: &mut Rng, donors: &[Input]) -> TokenTree {
    match rng.below(5) {
        0 => ident(rng),
        1 => literal(rng),
        2 => punct(rng),
        _ => {
            let donor = rng.pick(donors);
            let stream = if rng.one_in(3) {
                &donor.attr
            } else {
                &donor.item
            };
            subtree(stream, rng).unwrap_or_else(|| ident(rng))
        }
    }
}

fn with_span(mut tree: TokenTree, span: Span) -> TokenTree {
    tree.set_span(span);
    tree
}

/// One mutation, somewhere in `stream`: at this level, or inside one of its groups.
fn mutate(stream: &TokenStream, rng: &mut Rng, donors: &[Input]) -> TokenStream {
    let mut trees: Vec<TokenTree> = stream.clone().into_iter().collect();
    let groups: Vec<usize> = (0..trees.len())
        .filter(|&i| matches!(trees[i], TokenTree::Group(_)))
        .collect();
    if !groups.is_empty() && rng.one_in(2) {
        let i = *rng.pick(&groups);
        if let TokenTree::Group(group) = &trees[i] {
            let mut inner = Group::new(group.delimiter(), mutate(&group.stream(), rng, donors));
            inner.set_span(group.span());
            trees[i] = inner.into();
        }
        return trees.into_iter().collect();
    }
    let of = |trees: &[TokenTree], f: fn(&TokenTree) -> bool| -> Vec<usize> {
        (0..trees.len()).filter(|&i| f(&trees[i])).collect()
    };
    let len = trees.len();
    match rng.below(11) {
        0 if len > 0 => {
            trees.remove(rng.below(len));
        }
        1 if len > 0 => {
            let i = rng.below(len);
            let copy = trees[i].clone();
            trees.insert(i, copy);
        }
        2 if len > 1 => {
            let (i, j) = (rng.below(len), rng.below(len));
            trees.swap(i, j);
        }
        3 => {
            let idents = of(&trees, |t| matches!(t, TokenTree::Ident(_)));
            if let Some(&i) = idents.get(rng.below(idents.len())) {
                trees[i] = with_span(ident(rng), trees[i].span());
            }
        }
        4 | 5 => {
            let literals = of(&trees, |t| matches!(t, TokenTree::Literal(_)));
            if let Some(&i) = literals.get(rng.below(literals.len())) {
                trees[i] = with_span(literal(rng), trees[i].span());
            }
        }
        6 => {
            let puncts = of(&trees, |t| matches!(t, TokenTree::Punct(_)));
            if let Some(&i) = puncts.get(rng.below(puncts.len())) {
                trees[i] = with_span(punct(rng), trees[i].span());
            }
        }
        7 if !groups.is_empty() => {
            // A truncated group.
            let i = *rng.pick(&groups);
            if let TokenTree::Group(group) = &trees[i] {
                let inner: Vec<TokenTree> = group.stream().into_iter().collect();
                let keep = rng.below(inner.len() + 1);
                let mut truncated =
                    Group::new(group.delimiter(), inner.into_iter().take(keep).collect());
                truncated.set_span(group.span());
                trees[i] = truncated.into();
            }
        }
        8 if !groups.is_empty() => {
            let i = *rng.pick(&groups);
            if let TokenTree::Group(group) = &trees[i] {
                let mut other = Group::new(delimiter(rng), group.stream());
                other.set_span(group.span());
                trees[i] = other.into();
            }
        }
        9 if len > 0 => {
            // Everything after a point cut off.
            trees.truncate(rng.below(len));
        }
        _ => {
            let at = rng.below(len + 1);
            trees.insert(at, random_tree(rng, donors));
        }
    }
    trees.into_iter().collect()
}

fn mutated(input: &Input, rng: &mut Rng, donors: &[Input]) -> Input {
    let mut input = input.clone();
    for _ in 0..1 + rng.below(4) {
        let attr_too = matches!(input.expander, Expander::Endpoint | Expander::Api);
        if attr_too && rng.one_in(3) {
            input.attr = mutate(&input.attr, rng, donors);
        } else {
            input.item = mutate(&input.item, rng, donors);
        }
    }
    input
}

/// The declarations of one source file: each `#[endpoint]` method, each trait (for
/// `#[declarest::api]`), each struct, enum or union (for both derives).
fn declarations(file: &syn::File, out: &mut Vec<Input>) {
    fn ends_with(attr: &syn::Attribute, name: &str) -> bool {
        attr.path().segments.last().is_some_and(|s| s.ident == name)
    }
    fn args(attr: &syn::Attribute) -> TokenStream {
        match &attr.meta {
            syn::Meta::List(list) => list.tokens.clone(),
            _ => TokenStream::new(),
        }
    }
    fn items(list: &[syn::Item], out: &mut Vec<Input>) {
        for item in list {
            match item {
                syn::Item::Trait(t) => {
                    let mut plain = t.clone();
                    let api = plain.attrs.iter().position(|a| ends_with(a, "api"));
                    let attr = api.map(|i| args(&plain.attrs.remove(i)));
                    out.push(Input {
                        expander: Expander::Api,
                        attr: attr.unwrap_or_default(),
                        item: plain.to_token_stream(),
                    });
                    for member in &t.items {
                        let syn::TraitItem::Fn(method) = member else {
                            continue;
                        };
                        let mut method = method.clone();
                        let Some(at) = method.attrs.iter().position(|a| ends_with(a, "endpoint"))
                        else {
                            continue;
                        };
                        let attr = args(&method.attrs.remove(at));
                        out.push(Input {
                            expander: Expander::Endpoint,
                            attr,
                            item: method.to_token_stream(),
                        });
                    }
                }
                syn::Item::Struct(_) | syn::Item::Enum(_) | syn::Item::Union(_) => {
                    for expander in [Expander::Patchable, Expander::Model] {
                        out.push(Input {
                            expander,
                            attr: TokenStream::new(),
                            item: item.to_token_stream(),
                        });
                    }
                }
                syn::Item::Mod(m) => {
                    if let Some((_, content)) = &m.content {
                        items(content, out);
                    }
                }
                _ => {}
            }
        }
    }
    items(&file.items, out);
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The snapshot inputs, then every declaration of the trybuild fixtures and of the training
/// crate, in a fixed order.
fn corpus() -> Vec<Input> {
    let mut corpus: Vec<Input> = crate::endpoint::tests::snapshot_inputs()
        .into_iter()
        .map(|(_, attr, item)| Input {
            expander: Expander::Endpoint,
            attr,
            item,
        })
        .collect();
    for expander in [Expander::Patchable, Expander::Model] {
        for item in [
            crate::patchable::tests::snapshot_input(),
            crate::patchable::tests::required_snapshot_input(),
        ] {
            corpus.push(Input {
                expander,
                attr: TokenStream::new(),
                item,
            });
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    for dir in ["tests/ui/pass", "tests/ui/fail", "training/src"] {
        rust_files(&root.join(dir), &mut files);
    }
    for path in files {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        if let Ok(file) = syn::parse_file(&text) {
            declarations(&file, &mut corpus);
        }
    }
    corpus
}

fn env_u64(name: &str, default: u64) -> u64 {
    let Ok(text) = std::env::var(name) else {
        return default;
    };
    let text = text.replace('_', "");
    match text.strip_prefix("0x") {
        Some(hex) => u64::from_str_radix(hex, 16),
        None => text.parse(),
    }
    .unwrap_or_else(|e| panic!("{name}={text}: {e}"))
}

thread_local! {
    /// While fuzzing, this thread's panic message and place, instead of a printed report.
    static CAUGHT: RefCell<Option<Option<String>>> = const { RefCell::new(None) };
}

/// Installs a panic hook that records panics of fuzzing threads and leaves the others to the
/// previous hook.
fn install_hook() {
    let previous = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        let fuzzing = CAUGHT.with(|c| {
            let mut c = c.borrow_mut();
            if let Some(slot) = c.as_mut() {
                let place = info
                    .location()
                    .map(|l| format!(" at {}:{}:{}", l.file(), l.line(), l.column()))
                    .unwrap_or_default();
                let message = info
                    .payload()
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| info.payload().downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "(not a string)".to_owned());
                *slot = Some(format!("{message}{place}"));
                true
            } else {
                false
            }
        });
        if !fuzzing {
            previous(info);
        }
    }));
}

#[test]
fn fuzz_the_expanders() {
    let cases = env_u64("DECLAREST_FUZZ_CASES", DEFAULT_CASES);
    let seed = env_u64("DECLAREST_FUZZ_SEED", DEFAULT_SEED);
    let first = env_u64("DECLAREST_FUZZ_FIRST", 0);
    let corpus = corpus();
    assert!(
        corpus.len() > 100,
        "the corpus has {} declarations: are tests/ui and training/src there?",
        corpus.len()
    );
    install_hook();
    CAUGHT.with(|c| *c.borrow_mut() = Some(None));

    let started = Instant::now();
    let (mut panics, mut violations) = (0u64, 0u64);
    let mut per_expander = [0u64; 4];
    let mut slowest = (Duration::ZERO, 0u64);
    let mut report = String::new();
    for index in first..first + cases {
        let mut rng = case_rng(seed, index);
        let input = mutated(rng.pick(&corpus), &mut rng, &corpus);
        per_expander[input.expander as usize] += 1;
        let start = Instant::now();
        let result = panic::catch_unwind(AssertUnwindSafe(|| input.expand()));
        let took = start.elapsed();
        if took > slowest.0 {
            slowest = (took, index);
        }
        let failure = match result {
            Ok(output) => input.check(&output).err().map(|e| {
                violations += 1;
                format!("broke an invariant: {e}")
            }),
            Err(_) => {
                panics += 1;
                let message = CAUGHT.with(|c| c.borrow_mut().as_mut().and_then(Option::take));
                Some(format!("panicked: {}", message.unwrap_or_default()))
            }
        };
        if let Some(failure) = failure
            && panics + violations <= SHOWN as u64
        {
            let _ = writeln!(
                report,
                "case {index} (DECLAREST_FUZZ_SEED={seed:#x} DECLAREST_FUZZ_FIRST={index} DECLAREST_FUZZ_CASES=1): {:?} {failure}\n  attr: {}\n  item: {}\n",
                input.expander, input.attr, input.item
            );
        }
    }
    CAUGHT.with(|c| *c.borrow_mut() = None);

    let [endpoint, api, patchable, model] = per_expander;
    println!(
        "fuzz: {cases} inputs (seed {seed:#x}, cases {first}..{}) from {} declarations: {endpoint} #[endpoint], {api} #[api], {patchable} Patchable, {model} Model; {panics} panics, {violations} invariant violations; {:.1?} in all, slowest case {} in {:.1?}",
        first + cases,
        corpus.len(),
        started.elapsed(),
        slowest.1,
        slowest.0,
    );
    assert!(
        panics == 0 && violations == 0,
        "{panics} panics and {violations} invariant violations; the first ones:\n{report}"
    );
}
