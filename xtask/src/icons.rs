//! `cargo xtask icons`: draw the app icons (`public/icons/*.png`) the web app manifest and
//! `index.html` name.
//!
//! The design is `public/favicon.svg`'s, drawn again in code so the PNGs are reproducible: a
//! rounded accent square with a white title bar and two lighter text lines. The icons are checked
//! in; run this after changing the design, and the test below fails while the checked-in files
//! differ from what the code draws.
//!
//! - `icon-192.png`, `icon-512.png` (manifest purpose `any`): the favicon as it is, with
//!   transparent rounded corners;
//! - `icon-maskable-192.png`, `icon-maskable-512.png` (purpose `maskable`): full-bleed background,
//!   the lines shrunk into the central safe zone (a circle of 40 % of the size), since the
//!   platform cuts the icon to its own shape;
//! - `apple-touch-icon.png` (180 px): full-bleed and opaque; iOS rounds the corners itself.
//!
//! Pixels are the share of 8 × 8 sample points inside each shape (anti-aliasing), composited in
//! order; only basic float arithmetic, so every machine draws the same bytes.

use std::fs;
use std::io::BufWriter;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::exec;

/// The design's coordinate system: `favicon.svg`'s `viewBox="0 0 32 32"`.
const DESIGN: f64 = 32.0;
/// Samples per pixel along each axis.
const SAMPLES: u32 = 8;

/// The light theme's accent (`--rv-accent` in style/main.css).
const ACCENT: [u8; 3] = [0x3a, 0x4f, 0xd6];
const WHITE: [u8; 3] = [0xff, 0xff, 0xff];
const LIGHT: [u8; 3] = [0xc9, 0xd0, 0xff];

/// A rounded rectangle in design units.
struct Shape {
    x: f64,
    y: f64,
    w: f64,
    h: f64,
    r: f64,
    color: [u8; 3],
}

/// The favicon's background square.
const BACKGROUND: Shape = Shape {
    x: 0.0,
    y: 0.0,
    w: 32.0,
    h: 32.0,
    r: 7.0,
    color: ACCENT,
};

/// The favicon's three lines: a title bar and two lines of text.
const LINES: [Shape; 3] = [
    Shape {
        x: 7.0,
        y: 8.0,
        w: 18.0,
        h: 4.0,
        r: 2.0,
        color: WHITE,
    },
    Shape {
        x: 7.0,
        y: 14.5,
        w: 12.0,
        h: 3.0,
        r: 1.5,
        color: LIGHT,
    },
    Shape {
        x: 7.0,
        y: 20.0,
        w: 15.0,
        h: 3.0,
        r: 1.5,
        color: LIGHT,
    },
];

#[derive(Clone, Copy)]
enum Style {
    /// The favicon as it is: rounded corners, transparent outside them.
    Rounded,
    /// An opaque square of the accent colour, the lines scaled about the centre by this factor.
    FullBleed(f64),
}

struct Icon {
    file: &'static str,
    size: u32,
    style: Style,
}

/// Every icon, as named in public/manifest.webmanifest and index.html.
const ICONS: [Icon; 5] = [
    Icon {
        file: "icon-192.png",
        size: 192,
        style: Style::Rounded,
    },
    Icon {
        file: "icon-512.png",
        size: 512,
        style: Style::Rounded,
    },
    // The lines reach 38 % of the size from the centre; at 0.8 they sit well inside the 40 %
    // safe circle.
    Icon {
        file: "icon-maskable-192.png",
        size: 192,
        style: Style::FullBleed(0.8),
    },
    Icon {
        file: "icon-maskable-512.png",
        size: 512,
        style: Style::FullBleed(0.8),
    },
    Icon {
        file: "apple-touch-icon.png",
        size: 180,
        style: Style::FullBleed(1.0),
    },
];

/// Where the icons are checked in (index.html copies the folder into the site).
pub fn icons_dir() -> PathBuf {
    exec::root().join("public").join("icons")
}

pub fn run() -> Result<()> {
    let dir = icons_dir();
    fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    for icon in &ICONS {
        let path = dir.join(icon.file);
        write_png(&path, icon.size, &draw(icon))?;
        eprintln!("xtask: wrote {}", path.display());
    }
    Ok(())
}

/// The icon's RGBA pixels, row by row.
fn draw(icon: &Icon) -> Vec<u8> {
    let size = icon.size;
    let unit = f64::from(size) / DESIGN;
    let (background, lines): (Shape, Vec<Shape>) = match icon.style {
        Style::Rounded => (
            BACKGROUND,
            LINES.iter().map(|line| scaled(line, 1.0)).collect(),
        ),
        Style::FullBleed(scale) => (
            Shape {
                r: 0.0,
                ..BACKGROUND
            },
            LINES.iter().map(|line| scaled(line, scale)).collect(),
        ),
    };
    let mut pixels = Vec::with_capacity((size * size * 4) as usize);
    for row in 0..size {
        for column in 0..size {
            // Premultiplied colour and alpha, painted back to front.
            let mut rgba = [0.0f64; 4];
            for shape in std::iter::once(&background).chain(&lines) {
                let cover = coverage(shape, column, row, unit);
                if cover == 0.0 {
                    continue;
                }
                for (channel, value) in rgba.iter_mut().zip(shape.color) {
                    *channel = f64::from(value) / 255.0 * cover + *channel * (1.0 - cover);
                }
                rgba[3] = cover + rgba[3] * (1.0 - cover);
            }
            let alpha = rgba[3];
            for channel in &rgba[..3] {
                let straight = if alpha > 0.0 { channel / alpha } else { 0.0 };
                pixels.push(to_byte(straight));
            }
            pixels.push(to_byte(alpha));
        }
    }
    pixels
}

/// A line scaled about the design's centre.
fn scaled(shape: &Shape, scale: f64) -> Shape {
    let centre = DESIGN / 2.0;
    Shape {
        x: centre + (shape.x - centre) * scale,
        y: centre + (shape.y - centre) * scale,
        w: shape.w * scale,
        h: shape.h * scale,
        r: shape.r * scale,
        color: shape.color,
    }
}

/// The share of the pixel's sample points inside the shape.
fn coverage(shape: &Shape, column: u32, row: u32, unit: f64) -> f64 {
    let mut inside = 0u32;
    for sy in 0..SAMPLES {
        for sx in 0..SAMPLES {
            let x = (f64::from(column) + (f64::from(sx) + 0.5) / f64::from(SAMPLES)) / unit;
            let y = (f64::from(row) + (f64::from(sy) + 0.5) / f64::from(SAMPLES)) / unit;
            if contains(shape, x, y) {
                inside += 1;
            }
        }
    }
    f64::from(inside) / f64::from(SAMPLES * SAMPLES)
}

fn contains(shape: &Shape, x: f64, y: f64) -> bool {
    if x < shape.x || y < shape.y || x > shape.x + shape.w || y > shape.y + shape.h {
        return false;
    }
    // Distance past the straight edges, towards a corner's centre.
    let dx = (shape.x + shape.r - x)
        .max(x - (shape.x + shape.w - shape.r))
        .max(0.0);
    let dy = (shape.y + shape.r - y)
        .max(y - (shape.y + shape.h - shape.r))
        .max(0.0);
    dx * dx + dy * dy <= shape.r * shape.r
}

fn to_byte(value: f64) -> u8 {
    (value.clamp(0.0, 1.0) * 255.0).round() as u8
}

fn write_png(path: &Path, size: u32, pixels: &[u8]) -> Result<()> {
    let file = fs::File::create(path).with_context(|| format!("creating {}", path.display()))?;
    let mut encoder = png::Encoder::new(BufWriter::new(file), size, size);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::High);
    let mut writer = encoder
        .write_header()
        .with_context(|| format!("writing {}", path.display()))?;
    writer
        .write_image_data(pixels)
        .with_context(|| format!("writing {}", path.display()))?;
    writer
        .finish()
        .with_context(|| format!("writing {}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Decodes a PNG into its size and RGBA pixels.
    fn read_png(path: &Path) -> Result<(u32, u32, Vec<u8>)> {
        let file = fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
        let mut reader = png::Decoder::new(std::io::BufReader::new(file)).read_info()?;
        let mut pixels = vec![0; reader.output_buffer_size().context("image too large")?];
        let info = reader.next_frame(&mut pixels)?;
        assert_eq!(info.color_type, png::ColorType::Rgba, "{}", path.display());
        pixels.truncate(info.buffer_size());
        Ok((info.width, info.height, pixels))
    }

    #[test]
    fn checked_in_icons_are_what_cargo_xtask_icons_draws() {
        for icon in &ICONS {
            let path = icons_dir().join(icon.file);
            let (width, height, pixels) = read_png(&path).unwrap();
            assert_eq!(
                (width, height),
                (icon.size, icon.size),
                "{}",
                path.display()
            );
            assert!(
                pixels == draw(icon),
                "{} differs from the design: run `cargo xtask icons`",
                path.display()
            );
        }
    }

    #[test]
    fn maskable_icons_keep_the_lines_inside_the_safe_zone() {
        for icon in ICONS.iter().filter(|icon| icon.file.contains("maskable")) {
            let Style::FullBleed(scale) = icon.style else {
                panic!("{} must be full-bleed", icon.file);
            };
            let centre = DESIGN / 2.0;
            for line in LINES.iter().map(|line| scaled(line, scale)) {
                for (x, y) in [
                    (line.x, line.y),
                    (line.x + line.w, line.y),
                    (line.x, line.y + line.h),
                    (line.x + line.w, line.y + line.h),
                ] {
                    let distance = ((x - centre).powi(2) + (y - centre).powi(2)).sqrt();
                    assert!(distance <= 0.4 * DESIGN, "{}: ({x}, {y})", icon.file);
                }
            }
        }
    }

    #[test]
    fn the_rounded_icon_is_transparent_in_its_corners_and_opaque_in_the_middle() {
        let icon = &ICONS[0];
        let pixels = draw(icon);
        let alpha = |x: u32, y: u32| pixels[((y * icon.size + x) * 4 + 3) as usize];
        assert_eq!(alpha(0, 0), 0);
        assert_eq!(alpha(icon.size / 2, icon.size / 2), 255);
    }
}
