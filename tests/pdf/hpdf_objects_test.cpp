#include <doctest/doctest.h>

#include "pdf/hpdf_objects.h"
#include "read_back.h"

using namespace galley::pdf;
using namespace galley::testpdf;

TEST_CASE("writer builds objects, pages, resources and trailer entries") {
  hpdf::Writer w;
  REQUIRE(w.ok());
  Dict page_entries;
  page_entries.set("MediaBox", Array{{0, 0, 200.5, 100}});
  page_entries.set("TrimBox", Array{{9, 9, 191.5, 91}});
  auto page = w.add_page(page_entries);
  REQUIRE(page);
  auto font = w.add_object(Dict{}.set("Type", Name{"Font"}).set("Subtype", Name{"Type1"})
                               .set("BaseFont", Name{"Helvetica"}));
  REQUIRE(font);
  auto name = w.resource(*page, "Font", *font);
  REQUIRE(name);
  CHECK(*name == "F1");
  CHECK(*w.resource(*page, "Font", *font) == "F1");
  REQUIRE(w.append_content(*page, "BT /" + *name + " 12 Tf 10 10 Td (Hi) Tj ET\n"));
  auto stream = w.add_stream(Dict{}.set("Type", Name{"Metadata"}), "hello stream", hpdf::Compress::Flate);
  REQUIRE(stream);
  REQUIRE(w.set_catalog("Metadata", *stream));
  REQUIRE(w.set_trailer("ID", Array{{String{"\x01\x02"}, String{"\x01\x02"}}}));
  REQUIRE(w.set_info(Dict{}.set("Title", text_string("Caf\xC3\xA9"))));
  REQUIRE(w.set_version(6));
  auto bytes = w.save();
  REQUIRE(bytes);
  CHECK(bytes->rfind("%PDF-1.6", 0) == 0);

  auto pdf = open(*bytes);
  auto trailer = pdf->getTrailer();
  CHECK(trailer.getKey("/ID").getArrayNItems() == 2);
  CHECK(trailer.getKey("/Info").getKey("/Title").getUTF8Value() == "Caf\xC3\xA9");
  CHECK_FALSE(trailer.getKey("/Info").hasKey("/Producer"));
  auto root = pdf->getRoot();
  auto meta = root.getKey("/Metadata");
  CHECK(meta.getDict().getKey("/Filter").unparse().find("FlateDecode") != std::string::npos);
  auto data = meta.getStreamData(qpdf_dl_generalized);
  CHECK(std::string(reinterpret_cast<const char*>(data->getBuffer()), data->getSize()) == "hello stream");
  auto p = pdf->getAllPages().at(0);
  CHECK(p.getKey("/TrimBox").getArrayItem(2).getNumericValue() == doctest::Approx(191.5));
  CHECK(p.getKey("/Resources").getKey("/Font").hasKey("/F1"));
  CHECK(page_content(*pdf, 0).find("(Hi) Tj") != std::string::npos);
  auto check = run("qpdf --check " + save("objects.pdf", *bytes), true);
  CHECK(check.find("No syntax or stream encoding errors") != std::string::npos);
}

TEST_CASE("errors are recorded, not fatal") {
  hpdf::Writer w;
  CHECK_FALSE(w.append_content(3, "q Q"));
  CHECK_FALSE(w.ok());
  CHECK_FALSE(w.error().empty());
  CHECK_FALSE(w.save());
}
