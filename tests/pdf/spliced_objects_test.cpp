#include <doctest/doctest.h>

#include <memory>
#include <string>

#include "detail/hpdf_objects.h"
#include "read_back.h"

using namespace galley::pdf;
using namespace galley::testpdf;

namespace {

std::shared_ptr<const std::string> kept(std::string bytes) { return std::make_shared<const std::string>(std::move(bytes)); }

// A document's objects, made either the usual way or spliced from bytes
// serialised once: the saved PDFs must be the same bytes.
struct Objects {
  Dict font = Dict{}.set("Type", Name{"Font"}).set("Subtype", Name{"Type1"}).set("BaseFont", Name{"Helvetica"});
  Dict odd = Dict{}
                 .set("Name", Name{"PANTONE 151 C"})        // libharu W1
                 .set("Text", String{"caf\xC3\xA9 (x)"})     // W10: binary
                 .set("Plain", String{"a (b) \\ c"})
                 .set("Real", 0.333333)
                 .set("Big", 40000.6)                        // W14
                 .set("Negative", -12.5)
                 .set("Flag", true)
                 .set("Nothing", Value{})
                 .set("Nested", Array{{Dict{}.set("K", Array{{1, 2, Name{"N#1"}}}), Array{}}});
  std::string program = std::string(9000, 'p') + "end";
  std::string jpeg = "\xFF\xD8 not really a jpeg \xFF\xD9";
};

std::string plain(const Objects& o) {
  hpdf::Writer w;
  auto page = w.add_page(Dict{}.set("MediaBox", Array{{0, 0, 100, 100}}));
  REQUIRE(page);
  auto type0 = w.add_object(Dict{});  // a font referred to before it is known
  REQUIRE(type0);
  REQUIRE(w.resource(*page, "Font", *type0));
  auto file = w.add_stream(Dict{}.set("Length1", 9003), kept(o.program), hpdf::Compress::Deflated);
  auto photo = w.add_stream(Dict{}.set("Subtype", Name{"Image"}), kept(o.jpeg), hpdf::Compress::Dct);
  auto raw = w.add_stream(Dict{}, kept("raw"), hpdf::Compress::None);
  REQUIRE((file && photo && raw));
  Dict odd = o.odd;
  odd.set("File", *file).set("Both", Array{{*photo, *file}});
  auto all = w.add_object(odd);
  REQUIRE(all);
  REQUIRE(w.extend(*type0, Dict(o.font).set("Odd", *all)));
  REQUIRE(w.set_catalog("Raw", *raw));
  REQUIRE(w.append_content(*page, "BT ET\n"));
  auto bytes = w.save();
  REQUIRE(bytes);
  return *bytes;
}

std::string spliced(const Objects& o) {
  hpdf::Writer w;
  auto page = w.add_page(Dict{}.set("MediaBox", Array{{0, 0, 100, 100}}));
  REQUIRE(page);
  auto type0 = w.reserve();
  REQUIRE(type0);
  REQUIRE(w.resource(*page, "Font", *type0));
  auto file = w.add(hpdf::serialise(Dict{}.set("Length1", 9003), hpdf::Compress::Deflated), {}, kept(o.program));
  auto photo = w.add(hpdf::serialise(Dict{}.set("Subtype", Name{"Image"}), hpdf::Compress::Dct), {}, kept(o.jpeg));
  auto raw = w.add(hpdf::serialise(Dict{}, hpdf::Compress::None), {}, kept("raw"));
  REQUIRE((file && photo && raw));
  Dict odd = o.odd;
  odd.set("File", Ref{1}).set("Both", Array{{Ref{0}, Ref{1}}});
  auto all = w.add(hpdf::serialise(odd), {*photo, *file});
  REQUIRE(all);
  REQUIRE(w.put(*type0, hpdf::serialise(Dict(o.font).set("Odd", Ref{0})), {*all}));
  REQUIRE(w.set_catalog("Raw", *raw));
  REQUIRE(w.append_content(*page, "BT ET\n"));
  auto bytes = w.save();
  REQUIRE(bytes);
  return *bytes;
}

}  // namespace

TEST_CASE("libharu W16: spliced objects are the bytes of objects made in the document") {
  const Objects o;
  const std::string made = plain(o), kept_bytes = spliced(o);
  CHECK(kept_bytes == made);
  // Read back: the references, stream lengths and xref offsets hold.
  auto pdf = open(kept_bytes);
  auto catalog = pdf->getRoot();
  CHECK(catalog.getKey("/Raw").getStreamData()->getSize() == 3);
  auto pages = pdf->getAllPages();
  REQUIRE(pages.size() == 1);
  auto font = pages[0].getKey("/Resources").getKey("/Font").getKey("/F1");
  CHECK(font.getKey("/BaseFont").getName() == "/Helvetica");
  auto odd = font.getKey("/Odd");
  CHECK(odd.getKey("/Name").getName() == "/PANTONE 151 C");
  CHECK(odd.getKey("/File").getDict().getKey("/Length1").getIntValue() == 9003);
  CHECK(odd.getKey("/File").getRawStreamData()->getSize() == o.program.size());
  CHECK(odd.getKey("/Both").getArrayItem(0).getDict().getKey("/Filter").unparse() == "[ /DCTDecode ]");
  CHECK(pdf->anyWarnings() == false);
}

TEST_CASE("libharu W16: one serialised object in two documents, its holes filled with each one's numbers") {
  const auto stream = hpdf::serialise(Dict{}.set("N", 4), hpdf::Compress::Deflated);
  const auto space = hpdf::serialise(Array{{Name{"ICCBased"}, Ref{0}}});
  REQUIRE((stream && space));
  CHECK(stream->stream);
  CHECK_FALSE(space->stream);
  for (int before : {0, 7}) {
    hpdf::Writer w;
    REQUIRE(w.add_page(Dict{}));
    for (int k = 0; k < before; ++k) REQUIRE(w.add_object(Dict{}.set("K", k)));
    auto s = w.add(stream, {}, kept("profile"));
    REQUIRE(s);
    auto a = w.add(space, {*s});
    REQUIRE(a);
    REQUIRE(w.set_catalog("Space", *a));
    auto bytes = w.save();
    REQUIRE(bytes);
    auto pdf = open(*bytes);
    auto icc = pdf->getRoot().getKey("/Space").getArrayItem(1);
    CHECK(icc.getDict().getKey("/N").getIntValue() == 4);
    CHECK(icc.getRawStreamData()->getSize() == 7);
    CHECK(pdf->anyWarnings() == false);
  }
}

TEST_CASE("libharu W16: a stream reserved before its bytes are known is the bytes of one added then") {
  const auto image = hpdf::serialise(Dict{}.set("Subtype", Name{"Image"}), hpdf::Compress::Deflated);
  REQUIRE(image);
  const auto document = [&](bool reserved) {
    hpdf::Writer w;
    auto page = w.add_page(Dict{});
    REQUIRE(page);
    auto x = reserved ? w.reserve_stream() : w.add(image, {}, kept("samples"));
    REQUIRE(x);
    REQUIRE(w.resource(*page, "XObject", *x));
    auto later = w.add_object(Dict{}.set("Later", 1));  // numbered after the stream's /Length
    REQUIRE(later);
    REQUIRE(w.set_catalog("Later", *later));
    REQUIRE(w.append_content(*page, "/X1 Do\n"));
    if (reserved) REQUIRE(w.put(*x, image, {}, kept("samples")));
    auto bytes = w.save();
    REQUIRE(bytes);
    return *bytes;
  };
  const std::string made = document(false), put = document(true);
  CHECK(put == made);
  auto pdf = open(put);
  auto pages = pdf->getAllPages();
  REQUIRE(pages.size() == 1);
  auto x = pages[0].getKey("/Resources").getKey("/XObject").getKey("/X1");
  CHECK(x.getDict().getKey("/Length").getIntValue() == 7);
  CHECK(pdf->anyWarnings() == false);
  {
    hpdf::Writer w;
    auto r = w.reserve_stream();
    REQUIRE(r);
    CHECK_FALSE(w.put(*r, hpdf::serialise(Dict{}.set("A", 1)), {}));  // a reserved stream needs a stream
  }
  {
    hpdf::Writer w;
    auto r = w.reserve_stream();
    REQUIRE(r);
    CHECK_FALSE(w.put(*r, image, {}));  // and its bytes
  }
  {
    hpdf::Writer w;
    auto r = w.reserve_stream();
    REQUIRE(r);
    REQUIRE(w.put(*r, image, {}, kept("a")));
    CHECK_FALSE(w.put(*r, image, {}, kept("b")));  // once
  }
}

TEST_CASE("libharu W16: what cannot be spliced is an error, not a broken file") {
  const auto dict = hpdf::serialise(Dict{}.set("A", Ref{1}));
  REQUIRE(dict);
  {
    hpdf::Writer w;
    auto only = w.add_object(Dict{});
    CHECK_FALSE(w.add(dict, {*only}));  // the hole Ref{1} has no object
    CHECK_FALSE(w.ok());
  }
  {
    hpdf::Writer w;
    CHECK_FALSE(w.add(hpdf::serialise(Dict{}, hpdf::Compress::Deflated), {}));  // a stream without bytes
  }
  {
    hpdf::Writer w;
    auto r = w.reserve();
    REQUIRE(r);
    CHECK_FALSE(w.put(*r, hpdf::serialise(Dict{}, hpdf::Compress::None), {}));  // a stream is not reserved
  }
  {
    hpdf::Writer w;
    auto r = w.reserve();
    REQUIRE(r);
    REQUIRE(w.put(*r, hpdf::serialise(Dict{}.set("A", 1)), {}));
    CHECK_FALSE(w.extend(*r, Dict{}.set("B", 2)));  // spliced bytes cannot grow
  }
}
