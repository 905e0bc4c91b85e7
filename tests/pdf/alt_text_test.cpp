// Alternate descriptions: images and figures (QR codes) carry their alt text
// as marked content that a reader of the PDF finds again.
#include "read_back.h"  // first: sets qpdf options

#include <doctest/doctest.h>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include "detail/content.h"
#include "detail/write.h"
#include "shape_helper.h"

using namespace galley;
using namespace galley::testpdf;

namespace {

// Walks a page's content stream as qpdf parses it: the /Alt of every marked
// content sequence, what is drawn inside one, and whether BDC/EMC balance.
class AltReader : public QPDFObjectHandle::ParserCallbacks {
 public:
  std::vector<std::string> alts;
  int images_inside = 0, images_outside = 0, fills_inside = 0;
  int depth = 0, alt_depth = 0;
  bool unbalanced = false;

  void handleObject(QPDFObjectHandle obj, size_t, size_t) override {
    if (!obj.isOperator()) {
      operands_.push_back(obj);
      return;
    }
    const std::string op = obj.getOperatorValue();
    if (op == "BDC" || op == "BMC") {
      ++depth;
      const bool alt = op == "BDC" && operands_.size() == 2 && operands_[1].isDictionary() &&
                       operands_[1].hasKey("/Alt");
      if (alt) alts.push_back(operands_[1].getKey("/Alt").getUTF8Value());
      alt_stack_.push_back(alt);
      alt_depth += alt;
    } else if (op == "EMC") {
      if (alt_stack_.empty()) {
        unbalanced = true;
      } else {
        alt_depth -= alt_stack_.back();
        alt_stack_.pop_back();
        --depth;
      }
    } else if (op == "Do") {
      (alt_depth > 0 ? images_inside : images_outside)++;
    } else if (op == "f" && alt_depth > 0) {
      ++fills_inside;
    }
    operands_.clear();
  }
  void handleEOF() override { unbalanced = unbalanced || !alt_stack_.empty(); }

 private:
  std::vector<QPDFObjectHandle> operands_;
  std::vector<bool> alt_stack_;
};

std::string gray_png(const std::string& name) {
  const std::string path = save(name, "");
  run("convert -size 8x8 xc:gray " + path);
  return path;
}

layout::Image image_at(const std::string& path, double x, const std::string& alt) {
  layout::Image img;
  img.path = path;
  img.x = img.clip_x = x;
  img.y = img.clip_y = 100;
  img.w = img.h = img.clip_w = img.clip_h = 50;
  img.alt = alt;
  return img;
}

layout::Rect dark(double x, double y) {
  layout::Rect r;
  r.x = x, r.y = y, r.w = r.h = 4;
  r.fill = model::Color::black();
  return r;
}

layout::DisplayList figures() {
  const std::string png = gray_png("alt.png");
  auto list = letter_page();
  auto& items = list.pages[0].items;
  items.push_back(image_at(png, 72, "A (placeholder) picture \\ of the campus"));
  items.push_back(image_at(png, 150, "Café – Jacksonville"));
  items.push_back(image_at(png, 230, ""));
  items.push_back(layout::Figure{"QR code: https://college.mayo.edu/", 2, {}});
  items.push_back(dark(300, 100));
  items.push_back(dark(304, 100));
  items.push_back(dark(400, 100));  // after the figure
  return list;
}

AltReader read_alts(const std::string& bytes) {
  auto pdf = open(bytes);
  AltReader reader;
  QPDFPageDocumentHelper(*pdf).getAllPages().at(0).parseContents(&reader);
  return reader;
}

}  // namespace

TEST_CASE("alt_begin: printable ASCII as an escaped literal, other text as UTF-16BE hex") {
  CHECK(pdf::alt_begin("a (b) \\ c") == "/Span << /Alt (a \\(b\\) \\\\ c) >> BDC\n");
  CHECK(pdf::alt_begin("é") == "/Span << /Alt <FEFF00E9> >> BDC\n");
}

TEST_CASE("images and figures with alt text are marked content carrying it") {
  Diagnostics d;
  auto bytes = pdf::write_pdf(figures(), d);
  for (const auto& diag : d.all()) MESSAGE(format(diag));
  REQUIRE(bytes);
  const AltReader r = read_alts(*bytes);
  CHECK_FALSE(r.unbalanced);
  CHECK(r.depth == 0);
  CHECK(r.alts == std::vector<std::string>{"A (placeholder) picture \\ of the campus", "Café – Jacksonville",
                                           "QR code: https://college.mayo.edu/"});
  CHECK(r.images_inside == 2);
  CHECK(r.images_outside == 1);  // the image without alt text is not marked
  CHECK(r.fills_inside == 2);    // the figure covers its two items, not the third
  const std::string path = save("alt.pdf", *bytes);
  CHECK(run("qpdf --check " + path, true).find("No syntax or stream encoding errors") != std::string::npos);
  // Readable in the uncompressed file, as a prepress operator would look.
  CHECK(run("qpdf --qdf --object-streams=disable " + path + " -").find("/Alt (QR code: https://college.mayo.edu/)") !=
        std::string::npos);
}

TEST_CASE("a figure whose items run past the page end is closed; empty figures mark nothing") {
  auto list = letter_page();
  auto& items = list.pages[0].items;
  items.push_back(layout::Figure{"", 1, {}});
  items.push_back(dark(100, 100));
  items.push_back(layout::Figure{"two", 0, {}});
  items.push_back(layout::Figure{"open", 5, {}});
  items.push_back(layout::Figure{"nested", 1, {}});
  items.push_back(dark(200, 100));
  Diagnostics d;
  auto bytes = pdf::write_pdf(list, d);
  REQUIRE(bytes);
  const AltReader r = read_alts(*bytes);
  CHECK_FALSE(r.unbalanced);
  CHECK(r.alts == std::vector<std::string>{"open"});
  CHECK(r.fills_inside == 1);
}

TEST_CASE("alt text output is reproducible") {
  Diagnostics d1, d2;
  auto a = pdf::write_pdf(figures(), d1);
  auto b = pdf::write_pdf(figures(), d2);
  REQUIRE(a);
  REQUIRE(b);
  CHECK(*a == *b);
}
