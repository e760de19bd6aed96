//! What the fake reads from image bytes (format and size), and the deterministic numbers it
//! derives from them in place of a model's.

/// An image format the fake accepts, detected from the file's first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ImageFormat {
    /// JPEG (`FF D8 FF`).
    Jpeg,
    /// PNG (`89 50 4E 47 0D 0A 1A 0A`).
    Png,
    /// GIF (`GIF87a` / `GIF89a`).
    Gif,
    /// BMP (`BM`).
    Bmp,
}

impl ImageFormat {
    /// Detects the format from magic bytes; `None` for anything else.
    pub fn detect(bytes: &[u8]) -> Option<Self> {
        if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(ImageFormat::Jpeg)
        } else if bytes.starts_with(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A]) {
            Some(ImageFormat::Png)
        } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
            Some(ImageFormat::Gif)
        } else if bytes.starts_with(b"BM") && bytes.len() >= 26 {
            Some(ImageFormat::Bmp)
        } else {
            None
        }
    }
}

/// Width and height as the file's header gives them, or deterministic ones (from `hash`) when
/// the header is cut short.
pub fn dimensions(format: ImageFormat, bytes: &[u8], hash: u64) -> (i32, i32) {
    let read = match format {
        ImageFormat::Png => png_dimensions(bytes),
        ImageFormat::Jpeg => jpeg_dimensions(bytes),
        ImageFormat::Gif => gif_dimensions(bytes),
        ImageFormat::Bmp => bmp_dimensions(bytes),
    };
    read.unwrap_or_else(|| fallback_dimensions(hash))
}

/// Dimensions for an image the fake never sees (a URL): 200 to 1 223 pixels a side.
pub fn fallback_dimensions(hash: u64) -> (i32, i32) {
    let side = |bits: u64| 200 + (bits % 1024) as i32;
    (side(hash), side(hash >> 20))
}

fn be_u16(bytes: &[u8], at: usize) -> Option<u32> {
    let b = bytes.get(at..at + 2)?;
    Some(u32::from(b[0]) << 8 | u32::from(b[1]))
}

fn be_u32(bytes: &[u8], at: usize) -> Option<u32> {
    let b = bytes.get(at..at + 4)?;
    Some(u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
}

fn le_i32(bytes: &[u8], at: usize) -> Option<i32> {
    let b = bytes.get(at..at + 4)?;
    Some(i32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

fn positive(width: u32, height: u32) -> Option<(i32, i32)> {
    let (width, height) = (i32::try_from(width).ok()?, i32::try_from(height).ok()?);
    (width > 0 && height > 0).then_some((width, height))
}

/// The IHDR chunk comes first: width and height at bytes 16 and 20.
fn png_dimensions(bytes: &[u8]) -> Option<(i32, i32)> {
    if bytes.get(12..16)? != b"IHDR" {
        return None;
    }
    positive(be_u32(bytes, 16)?, be_u32(bytes, 20)?)
}

fn gif_dimensions(bytes: &[u8]) -> Option<(i32, i32)> {
    let b = bytes.get(6..10)?;
    positive(
        u32::from(u16::from_le_bytes([b[0], b[1]])),
        u32::from(u16::from_le_bytes([b[2], b[3]])),
    )
}

fn bmp_dimensions(bytes: &[u8]) -> Option<(i32, i32)> {
    let width = le_i32(bytes, 18)?;
    let height = le_i32(bytes, 22)?;
    positive(width.unsigned_abs(), height.unsigned_abs())
}

/// Walks the markers up to the first start-of-frame (`FF C0`..`FF CF`, but not DHT `C4`, JPG
/// `C8` or DAC `CC`), which holds the height and the width.
fn jpeg_dimensions(bytes: &[u8]) -> Option<(i32, i32)> {
    let mut at = 2;
    loop {
        if *bytes.get(at)? != 0xFF {
            return None;
        }
        let marker = *bytes.get(at + 1)?;
        match marker {
            0xFF => at += 1,
            0xD8 | 0x01 | 0xD0..=0xD7 => at += 2,
            0xC0..=0xCF if !matches!(marker, 0xC4 | 0xC8 | 0xCC) => {
                return positive(be_u16(bytes, at + 7)?, be_u16(bytes, at + 5)?);
            }
            _ => at += 2 + usize::try_from(be_u16(bytes, at + 2)?).ok()?,
        }
    }
}

/// FNV-1a, 64 bits: stable across runs and platforms, unlike `std`'s hasher.
pub fn hash(bytes: &[u8]) -> u64 {
    hash_more(0xcbf2_9ce4_8422_2325, bytes)
}

/// Continues an FNV-1a hash with more bytes.
pub fn hash_more(mut state: u64, bytes: &[u8]) -> u64 {
    for &byte in bytes {
        state ^= u64::from(byte);
        state = state.wrapping_mul(0x0000_0100_0000_01B3);
    }
    state
}

/// A number in `[0, 1)` with four decimal digits, determined by `seed` and `salt`.
pub fn fraction(seed: u64, salt: &[u8]) -> f64 {
    let mixed = hash_more(seed, salt);
    // Fold the high bits in: FNV's low bits alone are weakly mixed.
    let folded = mixed ^ (mixed >> 29) ^ (mixed >> 43);
    (folded % 10_000) as f64 / 10_000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_from_magic_bytes() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\x00\0\0\0\x80";
        assert_eq!(ImageFormat::detect(png), Some(ImageFormat::Png));
        assert_eq!(dimensions(ImageFormat::Png, png, 0), (256, 128));
        assert_eq!(
            ImageFormat::detect(b"\xFF\xD8\xFF\xE0"),
            Some(ImageFormat::Jpeg)
        );
        assert_eq!(
            ImageFormat::detect(b"GIF89a\x02\0\x03\0"),
            Some(ImageFormat::Gif)
        );
        assert_eq!(
            dimensions(ImageFormat::Gif, b"GIF89a\x02\0\x03\0", 0),
            (2, 3)
        );
        assert_eq!(ImageFormat::detect(b"not an image"), None);
        assert_eq!(ImageFormat::detect(b""), None);
    }

    #[test]
    fn jpeg_dimensions_come_from_the_start_of_frame() {
        let mut jpeg = vec![0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00];
        jpeg.extend_from_slice(&[0xFF, 0xC0, 0x00, 0x11, 0x08, 0x01, 0x2C, 0x02, 0x58]);
        assert_eq!(dimensions(ImageFormat::Jpeg, &jpeg, 0), (600, 300));
        let cut = [0xFF, 0xD8, 0xFF];
        assert_eq!(
            dimensions(ImageFormat::Jpeg, &cut, 7),
            fallback_dimensions(7)
        );
    }

    #[test]
    fn fractions_are_deterministic_and_in_range() {
        let a = fraction(hash(b"image"), b"tag");
        assert_eq!(a, fraction(hash(b"image"), b"tag"));
        assert!((0.0..1.0).contains(&a));
    }
}
