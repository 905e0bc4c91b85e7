#include "detail/init_command.h"

#include <png.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <tuple>
#include <vector>

#include "detail/atomic_write.h"
#include "cli/cli.h"

#ifndef GALLEY_FONT_DIR
#define GALLEY_FONT_DIR "fonts"
#endif
#ifndef GALLEY_SCHEMA_DIR
#define GALLEY_SCHEMA_DIR "schema"
#endif

namespace galley::cli {

namespace {

namespace fs = std::filesystem;

constexpr const char* kFonts[] = {"NotoSerif-Regular.ttf", "NotoSerif-Bold.ttf", "NotoSerif-Italic.ttf",
                                  "NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "OFL.txt"};

constexpr const char* kSchemas[] = {"content.schema.json", "layout.schema.json"};

constexpr const char* kContent = R"(# yaml-language-server: $schema=schema/content.schema.json
# A starter brochure: edit the text, then `galley build content.yaml`.
# Every key is described in galley's docs/format.md.
galley: 1
layout: layout.yaml

meta:
  title: Starter Brochure
  author: Your Name
  date: 2026-01-01

variables:
  organisation: Example Studio

flows:
  main:
    - title: Starter Brochure
    - paragraph: >-
        Welcome to **{{organisation}}**. This page was written by `galley init`;
        replace it with your own words. Put quotes around a value that starts
        with `#` or holds a colon followed by a space: YAML reads them otherwise.
    - heading: What you get
    - list:
        - A content file (this one) with the words
        - A layout file with the page, fonts, colours and styles
        - A picture and the fonts, in this folder
    - image: {src: images/placeholder.png, alt: A grey placeholder picture, caption: Replace images/placeholder.png with your own picture.}
    - heading: Next steps
    - callout: Run `galley styles layout.yaml` to see every style you can change.
)";

constexpr const char* kLayout = R"(# yaml-language-server: $schema=schema/layout.schema.json
# The starter's look: an A4 page, two fonts, one accent colour.
galley: 1
page: {size: a4}

fonts:
  Noto Serif:
    regular: fonts/NotoSerif-Regular.ttf
    bold: fonts/NotoSerif-Bold.ttf
    italic: fonts/NotoSerif-Italic.ttf
  Noto Sans: {regular: fonts/NotoSans-Regular.ttf, bold: fonts/NotoSans-Bold.ttf}

colors:
  accent: "#1f6f5c"
  tint: "#eef7f4"

styles:
  body: {font: Noto Serif, size: 11pt, leading: 15pt, align: left, space-after: 6pt}
  title: {font: Noto Sans, weight: bold, size: 26pt, leading: 30pt, color: accent, space-after: 12pt}
  h1: {font: Noto Sans, weight: bold, size: 14pt, leading: 18pt, color: accent, space-before: 12pt, space-after: 4pt}
  h2: {base: h1, size: 12pt, leading: 16pt, space-before: 8pt}
  list: {base: body, left-indent: 14pt, space-after: 3pt}
  callout: {base: body, background: tint, padding: 8pt, space-before: 8pt}
  caption: {base: body, style: italic, size: 9pt, leading: 12pt}
  image: {space-before: 6pt, space-after: 2pt}
  link: {color: accent}

masters:
  page:
    frames: [{name: body, flow: main, x: 25mm, y: 25mm, width: 160mm, height: 237mm}]
    footer: {text: "{{meta.title}} · {{page}}", style: caption}

sequence:
  - {master: page, repeat: until-empty}
)";

constexpr const char* kReadme = R"(# Starter brochure

Made by `galley init`. Build it with

    galley build content.yaml -o brochure.pdf

- `content.yaml` holds the words: flows of titles, headings, paragraphs, lists, pictures.
- `layout.yaml` holds the look: the page, the fonts, colours, styles and the master page.
- `images/placeholder.png` is a grey placeholder; `fonts/` holds Noto fonts under the
  SIL Open Font License (`fonts/OFL.txt`).
- `schema/` holds the JSON Schemas of both files. Their first lines name them, so an
  editor with a YAML language server (VS Code's YAML extension, Neovim, Helix, ...)
  completes keys and underlines unknown ones as you type.

`galley check content.yaml` reports every problem without writing; `galley styles layout.yaml`
prints every style, those the layout leaves to galley's defaults included.
)";

// A 1920×1280 grey picture: 300 dpi across the starter's 160mm column, so
// preflight passes even with --strict; a darker frame, written as PNG.
std::string placeholder_png(std::string& error) {
  constexpr int kW = 1920, kH = 1280;
  std::vector<unsigned char> pixels(static_cast<size_t>(kW) * kH);
  for (int y = 0; y < kH; ++y)
    for (int x = 0; x < kW; ++x) {
      const bool edge = x < 8 || y < 8 || x >= kW - 8 || y >= kH - 8;
      pixels[static_cast<size_t>(y) * kW + x] = edge ? 150 : 210;
    }
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  image.width = kW;
  image.height = kH;
  image.format = PNG_FORMAT_GRAY;
  png_alloc_size_t size = 0;
  if (!png_image_write_to_memory(&image, nullptr, &size, 0, pixels.data(), 0, nullptr)) {
    error = image.message;
    return {};
  }
  std::string out(size, '\0');
  if (!png_image_write_to_memory(&image, out.data(), &size, 0, pixels.data(), 0, nullptr)) {
    error = image.message;
    return {};
  }
  out.resize(size);
  return out;
}

bool read_whole(const fs::path& p, std::string& out) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  out = s.str();
  return static_cast<bool>(in) || in.eof();
}

}  // namespace

int run_init(const std::string& dir) {
  const fs::path root(dir);
  std::vector<std::pair<fs::path, std::string>> files = {
      {"content.yaml", kContent}, {"layout.yaml", kLayout}, {"README.md", kReadme}};
  std::string png_error;
  std::string png = placeholder_png(png_error);
  if (png.empty()) {
    std::fprintf(stderr, "galley: internal error: cannot write the placeholder PNG: %s\n", png_error.c_str());
    return InternalError;
  }
  files.emplace_back(fs::path("images") / "placeholder.png", std::move(png));
  // The bundled files the starter carries a copy of: (folder, name, to).
  std::vector<std::tuple<const char*, const char*, const char*>> bundled;
  for (const char* font : kFonts) bundled.emplace_back(GALLEY_FONT_DIR, font, "fonts");
  for (const char* schema : kSchemas) bundled.emplace_back(GALLEY_SCHEMA_DIR, schema, "schema");
  for (const auto& [folder, name, to] : bundled) {
    std::string bytes;
    const fs::path from = fs::path(folder) / name;
    if (!read_whole(from, bytes)) {
      std::fprintf(stderr, "galley: error: cannot read the bundled file %s\n", from.string().c_str());
      return InputError;
    }
    files.emplace_back(fs::path(to) / name, std::move(bytes));
  }
  // All or nothing: a starter half-written over someone's files helps no one.
  bool clash = false;
  for (const auto& [name, bytes] : files) {
    std::error_code ec;
    if (fs::exists(root / name, ec) || ec) {
      std::fprintf(stderr, "%s: error: already exists; galley init writes only into new files\n",
                   (root / name).string().c_str());
      clash = true;
    }
  }
  if (clash) return InputError;
  for (const auto& [name, bytes] : files) {
    std::error_code ec;
    fs::create_directories((root / name).parent_path(), ec);
    if (ec) {
      std::fprintf(stderr, "%s: error: cannot create the folder: %s\n", (root / name).parent_path().string().c_str(),
                   ec.message().c_str());
      return InputError;
    }
    if (auto err = write_atomically((root / name).string(), bytes); !err.empty()) {
      std::fprintf(stderr, "%s: error: %s\n", (root / name).string().c_str(), err.c_str());
      return InputError;
    }
  }
  std::printf("wrote a starter in %s: build it with\n  galley build %s -o %s\n", dir.c_str(),
              (root / "content.yaml").string().c_str(), (root / "brochure.pdf").string().c_str());
  return Ok;
}

}  // namespace galley::cli
