// Text that reaches the PDF's syntax unchecked by the loaders' rules (the
// pdf stage takes display lists from anywhere): the XMP packet must stay
// well-formed XML and names must be escaped.
#include <doctest/doctest.h>

#include "detail/metadata.h"
#include "detail/write.h"
#include "read_back.h"
#include "shape_helper.h"

using namespace galley;
using namespace galley::testpdf;

namespace {

// What python3's XML parser says of `xml`: "ok" or its error.
std::string parse_xml(const std::string& xml) {
  const std::string path = save("xmp.xml", xml);
  return run("python3 -c 'import sys, xml.etree.ElementTree as E; E.parse(sys.argv[1]); print(\"ok\")' " + path +
                 " 2>&1 | tail -1",
             true);
}

}  // namespace

TEST_CASE("the XMP packet stays well-formed XML whatever the metadata's bytes") {
  layout::Metadata meta;
  meta.title = "Bad \xFF byte, cut \xC3";
  meta.subtitle = "<b>&amp; \"quoted\" ]]> \x01\x1B[31m";
  meta.author = std::string("nul \0 inside", 12) + " \xEF\xBF\xBE\xEF\xBF\xBF non-characters";
  meta.subject = "surrogate \xED\xA0\x80 overlong \xC0\xAF";
  meta.keywords = "tab\tnewline\nok";
  const std::string packet = pdf::xmp_packet(meta, std::nullopt, std::string(16, 'x'), true);
  CHECK(parse_xml(packet) == "ok\n");
  CHECK(packet.find("Bad \xEF\xBF\xBD byte") != std::string::npos);
  CHECK(packet.find("&lt;b&gt;&amp;amp; &quot;quoted&quot;") != std::string::npos);
}

TEST_CASE("a spot colour's name with PDF delimiters is escaped and reads back whole") {
  auto list = letter_page();
  layout::Rect box;
  box.x = 72, box.y = 300, box.w = 200, box.h = 100;
  model::Color ink;
  ink.space = model::Color::Space::Spot;
  ink.v = {0, 0.5, 1, 0};
  ink.spot_name = "Ink/1 (gold) #2 [a] <b> {c} %d \xC3\xA9";
  box.fill = ink;
  list.pages[0].items.push_back(box);
  Diagnostics d;
  auto bytes = pdf::write_pdf(list, d);
  REQUIRE(bytes);
  auto pdf = open(*bytes);
  QPDFObjectHandle page = pdf->getAllPages().at(0);
  auto spaces = page.getKey("/Resources").getKey("/ColorSpace");
  std::string name;
  for (auto& key : spaces.getKeys())
    if (spaces.getKey(key).isArray()) name = spaces.getKey(key).getArrayItem(1).getName();
  CHECK(name == "/Ink/1 (gold) #2 [a] <b> {c} %d \xC3\xA9");
  CHECK(run("qpdf --check " + save("spot.pdf", *bytes), true).find("No syntax or stream encoding errors") !=
        std::string::npos);
}
