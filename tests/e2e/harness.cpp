#include "harness.h"

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "model/layout.h"
#include "text/text.h"

namespace e2e {
namespace fs = std::filesystem;


std::string quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += "'\\''";
    else out += c;
  }
  return out + "'";
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool has(const std::string& text, const std::string& what) { return text.find(what) != std::string::npos; }

int occurrences(const std::string& text, const std::string& what) {
  int n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

void write_file(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

namespace {

const std::string& root_dir() {
  static const std::string root = [] {
    std::string tmpl = (fs::temp_directory_path() / "galley-e2e-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) std::abort();
    return tmpl;
  }();
  return root;
}

void remove_root() {
  std::error_code ec;
  fs::remove_all(root_dir(), ec);
}

}  // namespace

std::string temp_dir() {
  static int n = [] {
    // The root must be constructed before the handler is registered, so
    // that it is destroyed after the handler has run.
    root_dir();
    std::atexit(remove_root);
    return 0;
  }();
  std::string dir = root_dir() + "/" + std::to_string(++n);
  fs::create_directories(dir);
  return dir;
}

Run sh(const std::string& command) {
  std::string dir = temp_dir();
  std::string cmd = "cd " + quote(GALLEY_SOURCE_DIR) + " && { " + command + " ; } >" + quote(dir + "/out") + " 2>" +
                    quote(dir + "/err");
  int status = std::system(cmd.c_str());
  Run r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = read_file(dir + "/out");
  r.err = read_file(dir + "/err");
  return r;
}

Run galley(const std::string& args) { return sh(quote(GALLEY_BINARY) + " " + args); }

std::string pdf_text(const std::string& pdf) {
  std::string raw = sh("pdftotext -enc UTF-8 " + quote(pdf) + " -").out;
  std::string out;
  bool space = false;
  for (size_t i = 0; i < raw.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(raw[i]);
    bool ws = c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r';
    if (c == 0xC2 && i + 1 < raw.size() && static_cast<unsigned char>(raw[i + 1]) == 0xA0) {
      ws = true;
      ++i;
    }
    if (ws) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += static_cast<char>(c);
  }
  return out;
}

int pdf_pages(const std::string& pdf) {
  std::string info = sh("pdfinfo " + quote(pdf)).out;
  auto pos = info.find("Pages:");
  if (pos == std::string::npos) return -1;
  return std::atoi(info.c_str() + pos + 6);
}

std::vector<WordBox> pdf_word_boxes(const std::string& pdf, int page) {
  const std::string p = std::to_string(page);
  const std::string html = sh("pdftotext -f " + p + " -l " + p + " -bbox " + quote(pdf) + " -").out;
  static const std::regex word_re(
      "<word xMin=\"([\\d.]+)\" yMin=\"([\\d.]+)\" xMax=\"([\\d.]+)\" yMax=\"([\\d.]+)\">([^<]*)</word>");
  std::vector<WordBox> out;
  for (std::sregex_iterator w(html.begin(), html.end(), word_re), end; w != end; ++w)
    out.push_back({std::stod((*w)[1]), std::stod((*w)[2]), std::stod((*w)[3]), std::stod((*w)[4]), (*w)[5]});
  return out;
}

void write_minimal_pair(const std::string& dir, const std::string& blocks) {
  std::string fonts = std::string(GALLEY_SOURCE_DIR) + "/fonts";
  write_file(dir + "/layout.yaml",
             "galley: 1\n"
             "page: {size: a5}\n"
             "fonts:\n"
             "  Noto Serif: {regular: " + fonts + "/NotoSerif-Regular.ttf, bold: " + fonts + "/NotoSerif-Bold.ttf}\n"
             "styles:\n"
             "  body: {font: Noto Serif, size: 10pt, leading: 13pt}\n"
             "masters:\n"
             "  page:\n"
             "    frames: [{name: body, flow: main, x: 20mm, y: 20mm, width: 108mm, height: 170mm}]\n"
             "sequence:\n"
             "  - {master: page, repeat: until-empty}\n");
  write_file(dir + "/content.yaml",
             "galley: 1\n"
             "layout: layout.yaml\n"
             "meta: {title: Test, date: 2026-11-01}\n"
             "variables: {recipient: Someone}\n"
             "flows:\n"
             "  main:\n"
             "    - paragraph: \"Hello {{recipient}}.\"\n" + blocks);
}

void write_variable_flows(const std::string& dir) {
  write_minimal_pair(dir);
  std::string layout = read_file(dir + "/layout.yaml");
  layout.replace(layout.find("leading: 13pt}"), 14, "leading: 13pt, align: justify, hyphenate: true, language: en-US}");
  layout.replace(layout.find("height: 170mm}"), 14, "height: 120mm, columns: 2, gutter: 6mm}");
  write_file(dir + "/layout.yaml", layout);
  std::string words;
  for (int i = 0; i < 60; ++i)
    words += std::string(i % 7 == 0 ? "extraordinarily " : i % 3 == 0 ? "characteristic " : "plain ") + "words ";
  std::string c = "galley: 1\nlayout: layout.yaml\nmeta: {title: Reuse, date: 2026-11-01}\n"
                  "variables: {name: Someone, place: Paris}\n"
                  "flows:\n  main:\n"
                  "    - heading: Contents\n      in-toc: false\n"
                  "    - toc: {}\n"
                  "    - heading: \"{{place}}\"\n"
                  "    - paragraph: \"Written for {{name}}: " + words + "\"\n"
                  "    - heading: Rome\n"
                  "    - paragraph: \"See [the first heading](#rome). " + words + "\"\n";
  for (int i = 0; i < 8; ++i) c += "    - paragraph: \"Fixed " + std::to_string(i) + ": " + words + "\"\n";
  c += "    - paragraph: \"A note follows.^[The note of a fixed paragraph.] " + words + "\"\n"
       "    - list: [One item of a fixed list, \"Another, " + words + "\"]\n"
       "    - table:\n        columns: [Year, Count]\n        rows: [[\"2025\", \"12\"], [\"2026\", \"14\"]]\n"
       "    - paragraph: \"The end for {{name}}.\"\n";
  write_file(dir + "/content.yaml", c);
}

double serif_advance(char32_t c) {
  static const galley::text::FontBook book = [] {
    galley::model::Layout l;
    l.path = "layout.yaml";
    const std::string f = std::string(GALLEY_SOURCE_DIR) + "/fonts/NotoSerif-Regular.ttf";
    l.fonts.push_back({"Noto Serif", f, "", "", "", galley::SourceLoc{"layout.yaml", 1, 1}});
    galley::Diagnostics d;
    return std::move(*galley::text::FontBook::load(l, d));
  }();
  return book.advance(0, book.glyph(0, c)) * 10;
}

}  // namespace e2e
