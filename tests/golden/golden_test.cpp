// Golden traces: every tests/golden/cases/<case>.yaml is loaded, resolved,
// shaped, broken and laid out, and three dumps are compared with the files
// checked in beside it (tests/golden/README.md):
//   text/<case>.txt       the shaped runs of every paragraph
//   linebreak/<case>.txt  every paragraph broken at its flow's column width
//   layout/<case>.json    the display list (layout::to_json), one item a line
// Set GALLEY_UPDATE_EXPECTED=1 to rewrite them, then review the diff.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include <unistd.h>

#include "cli/cli.h"
#include "layout/layout.h"
#include "linebreak/linebreak.h"
#include "resolve/resolve.h"
#include "text/text.h"

using namespace galley;
namespace fs = std::filesystem;

namespace {

// Numbers at 0.01 pt, without trailing zeros, as layout::to_json writes them.
std::string num(double v) {
  double r = std::round(v * 100) / 100;
  if (r == 0) r = 0;
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.2f", r);
  std::string s = buf;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

std::string where(const SourceLoc& l) { return l.file + ":" + std::to_string(l.line) + ":" + std::to_string(l.col); }

// Every paragraph of a block in reading order.
std::vector<const resolve::Paragraph*> paragraphs(const resolve::Block& b) {
  std::vector<const resolve::Paragraph*> out;
  for (const auto& p : b.paras) out.push_back(&p);
  for (const auto& item : b.items) out.push_back(&item.para);
  for (const auto& c : b.figure->header) out.push_back(&c.para);
  for (const auto& row : b.figure->rows)
    for (const auto& c : row) out.push_back(&c.para);
  if (b.figure->caption) out.push_back(b.figure->caption.get());
  return out;
}

// One line per run, then its glyphs as gid@cluster+advance (and the offset
// when there is one).
std::string dump_shaped(const text::ShapedParagraph& sp, const text::FontBook& fonts) {
  std::string out = "paragraph " + where(sp.loc) + " style=" + sp.style->name +
                    " base_level=" + std::to_string(sp.base_level) + "\n";
  for (const auto& run : sp.runs) {
    out += "  run " + fs::path(fonts.info(run.face).path).filename().string() + " size=" + num(run.size) +
           " level=" + std::to_string(run.bidi_level) + " [" + std::to_string(run.text_begin) + "," +
           std::to_string(run.text_end) + ") \"" + sp.text.substr(run.text_begin, run.text_end - run.text_begin) +
           "\"\n   ";
    for (const auto& g : run.glyphs) {
      out += " " + std::to_string(g.gid) + "@" + std::to_string(g.cluster) + "+" + num(g.advance);
      if (g.x_offset != 0 || g.y_offset != 0) out += "(" + num(g.x_offset) + "," + num(g.y_offset) + ")";
    }
    out += "\n";
  }
  return out;
}

std::string dump_lines(const resolve::Paragraph& para, const std::vector<linebreak::Line>& lines, double width) {
  std::string out = "paragraph " + where(para.loc) + " width=" + num(width) + "\n";
  int n = 0;
  for (const auto& line : lines) {
    std::string text;
    for (const auto& run : line.runs)
      for (const auto& c : run.clusters) text += run.text_of(c);
    std::string flags;
    if (line.justified) flags += 'J';
    if (line.hyphenated) flags += 'H';
    if (line.overfull) flags += 'O';
    if (line.last) flags += 'L';
    out += "  " + std::to_string(++n) + " " + (flags.empty() ? "-" : flags) + " ratio=" + num(line.ratio) +
           " natural=" + num(line.natural) + " |" + text + "|\n";
  }
  return out;
}

// The column width of the first frame (in master-name order) that places `flow`.
double column_width(const model::Layout& layout, const std::string& flow) {
  for (const auto& [name, master] : layout.masters)
    for (const auto& f : master.frames)
      if (f.flow == flow)
        return (f.width.resolve(layout.page.width) - 2 * f.padding - (f.columns - 1) * f.gutter) / f.columns;
  return layout.page.width;
}

// layout::to_json writes one line; pages, items and the lists of a page
// each start a line here so a change shows as a short diff.
std::string split_json(const std::string& json) {
  std::string out;
  bool in_string = false;
  for (size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (in_string) {
      if (c == '\\') {
        out += c;
        out += json[++i];
        continue;
      }
      if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
      for (const char* key : {"\"pages\"", "\"fonts\"", "\"outline\"", "\"links\"", "\"destinations\""})
        if (json.compare(i, std::strlen(key), key) == 0) out += "\n ";
    } else if (c == '{') {
      for (const char* key : {"{\"label\"", "{\"kind\""})
        if (json.compare(i, std::strlen(key), key) == 0) out += "\n  ";
    }
    out += c;
  }
  return out;
}

// Paths in the display list are absolute, and the source hash covers them:
// both are made independent of where the checkout is.
std::string portable(std::string json) {
  const std::string dir = std::string(GALLEY_SOURCE_DIR) + "/";
  for (size_t at; (at = json.find(dir)) != std::string::npos;) json.erase(at, dir.size());
  const std::string key = "\"source_hash\":\"";
  if (size_t at = json.find(key); at != std::string::npos) {
    at += key.size();
    json.replace(at, json.find('"', at) - at, "(depends on the checkout's path)");
  }
  return json;
}

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// `diff -u` of the expected file against what the build gave, for the
// failure message.
std::string diff(const fs::path& expected, const std::string& got) {
  const fs::path tmp = fs::temp_directory_path() / ("galley-golden-" + std::to_string(::getpid()));
  std::ofstream(tmp, std::ios::binary) << got;
  std::string cmd = "diff -u '" + expected.string() + "' '" + tmp.string() + "' | head -60";
  std::string out;
  if (FILE* p = ::popen(cmd.c_str(), "r")) {
    char buf[4096];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
    ::pclose(p);
  }
  fs::remove(tmp);
  return out;
}

struct Traces {
  std::string text, lines, layout, diagnostics;
};

Traces trace(const std::string& content) {
  Traces t;
  Diagnostics diags;
  auto session = cli::Session::open(content, "", false, diags);
  if (session) {
    auto styled = resolve::resolve(session->doc, session->layout, resolve::make_variables(session->doc, {}), diags,
                                   session->prepared.get());
    if (styled) {
      for (const auto& flow : styled->flows)
        for (const auto& block : flow.blocks)
          for (const resolve::Paragraph* p : paragraphs(block)) {
            auto sp = text::shape(*p, session->fonts, diags);
            t.text += dump_shaped(sp, session->fonts);
            const double width = std::max(
                1.0, column_width(session->layout, flow.name) - p->style->left_indent - p->style->right_indent);
            auto lines = linebreak::break_paragraph(sp, session->fonts, [width](int) { return width; }, {},
                                                    diags);
            t.lines += dump_lines(*p, lines, width);
          }
      auto display = layout::lay_out(std::move(*styled), session->layout, session->fonts, {}, diags);
      if (display) t.layout = split_json(portable(layout::to_json(*display)));
    }
  }
  for (const auto& d : diags.all())
    if (d.severity != Severity::Note) t.diagnostics += format(d) + "\n";
  return t;
}

}  // namespace

TEST_CASE("golden traces of shaping, line breaking and layout") {
  fs::current_path(GALLEY_SOURCE_DIR);
  const fs::path root = "tests/golden";
  std::vector<fs::path> cases;
  for (const auto& e : fs::directory_iterator(root / "cases"))
    if (e.path().extension() == ".yaml") cases.push_back(e.path());
  std::sort(cases.begin(), cases.end());
  REQUIRE(cases.size() >= 20);
  const bool update = std::getenv("GALLEY_UPDATE_EXPECTED") != nullptr;
  for (const auto& c : cases) {
    const std::string name = c.stem().string();
    INFO("case: " << c.string());
    Traces t = trace(c.string());
    CHECK_MESSAGE(t.diagnostics.empty(), t.diagnostics);
    REQUIRE_FALSE(t.layout.empty());
    for (const auto& [dir, ext, got] : {std::tuple{"text", ".txt", &t.text}, std::tuple{"linebreak", ".txt", &t.lines},
                                        std::tuple{"layout", ".json", &t.layout}}) {
      const fs::path expected = root / dir / (name + ext);
      if (update) std::ofstream(expected, std::ios::binary) << *got;
      INFO("expected: " << expected.string());
      REQUIRE(fs::exists(expected));
      const bool same = read(expected) == *got;
      CHECK_MESSAGE(same, "differs (GALLEY_UPDATE_EXPECTED=1 rewrites it):\n" << (same ? "" : diff(expected, *got)));
    }
  }
}
