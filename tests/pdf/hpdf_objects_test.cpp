#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <random>
#include <set>
#include <string>

#include "detail/hpdf_objects.h"
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

TEST_CASE("libharu W11: errors are recorded, not fatal") {
  hpdf::Writer w;
  CHECK_FALSE(w.append_content(3, "q Q"));
  CHECK_FALSE(w.ok());
  CHECK_FALSE(w.error().empty());
  CHECK_FALSE(w.save());
}

// One test per workaround in the map at the head of src/pdf/hpdf_objects.cpp.
namespace {

// A one-page writer whose catalog holds `value` under /Probe, saved and
// read back; qpdf --check must pass.
std::shared_ptr<QPDF> probe(hpdf::Writer& w, const Value& value, std::string* bytes_out = nullptr) {
  REQUIRE(w.add_page(Dict{}.set("MediaBox", Array{{0, 0, 100, 100}})));
  REQUIRE(w.set_catalog("Probe", value));
  auto bytes = w.save();
  REQUIRE(bytes);
  const auto check = run("qpdf --check " + save("probe.pdf", *bytes), true);
  CHECK(check.find("No syntax or stream encoding errors") != std::string::npos);
  if (bytes_out) *bytes_out = *bytes;
  return open(*bytes);
}

std::string stream_data(QPDFObjectHandle stream, qpdf_stream_decode_level_e level) {
  auto data = level == qpdf_dl_none ? stream.getRawStreamData() : stream.getStreamData(level);
  return std::string(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
}

}  // namespace

TEST_CASE("libharu W1: names with spaces, '#' and non-ASCII bytes are escaped") {
  hpdf::Writer w;
  const Array names{{Name{"PANTONE 151 C"}, Name{"A#B"}, Name{"Caf\xC3\xA9"}, Name{"PANTONE 151 C"}, Name{"Plain"}}};
  std::string bytes;
  auto pdf = probe(w, names, &bytes);
  auto probe_array = pdf->getRoot().getKey("/Probe");
  REQUIRE(probe_array.getArrayNItems() == 5);
  CHECK(probe_array.getArrayItem(0).getName() == "/PANTONE 151 C");
  CHECK(probe_array.getArrayItem(1).getName() == "/A#B");
  CHECK(probe_array.getArrayItem(2).getName() == "/Caf\xC3\xA9");
  CHECK(probe_array.getArrayItem(3).getName() == "/PANTONE 151 C");
  CHECK(probe_array.getArrayItem(4).getName() == "/Plain");
  CHECK(bytes.find("/PANTONE#20151#20C") != std::string::npos);
  CHECK(bytes.find("GyN") == std::string::npos);  // no placeholder left
}

TEST_CASE("libharu W2: stream bytes larger than libharu's buffers come back exactly") {
  hpdf::Writer w;
  std::string bytes(100000, '\0');
  for (size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<char>((i * 7919) % 251);
  auto stream = w.add_stream(Dict{}, bytes, hpdf::Compress::None);
  REQUIRE(stream);
  auto pdf = probe(w, *stream);
  auto s = pdf->getRoot().getKey("/Probe");
  CHECK(s.getDict().getKey("/Length").getIntValue() == 100000);
  CHECK_FALSE(s.getDict().hasKey("/Filter"));
  CHECK(stream_data(s, qpdf_dl_none) == bytes);
}

TEST_CASE("libharu W3: deflated, pre-deflated and JPEG streams carry their /Filter") {
  hpdf::Writer w;
  const std::string text = "stream text, stream text, stream text";
  auto deflated = hpdf::deflate(text, hpdf::Compress::Flate);
  REQUIRE(deflated);
  auto flate = w.add_stream(Dict{}, text, hpdf::Compress::Flate);
  auto fast = w.add_stream(Dict{}, text, hpdf::Compress::FlateFast);
  auto kept = w.add_stream(Dict{}, *deflated, hpdf::Compress::Deflated);
  REQUIRE((flate && fast && kept));
  auto pdf = probe(w, Array{{*flate, *fast, *kept}});
  auto a = pdf->getRoot().getKey("/Probe");
  for (int i = 0; i < 3; ++i) {
    INFO("stream " << i);
    CHECK(a.getArrayItem(i).getDict().getKey("/Filter").getName() == "/FlateDecode");
    CHECK(stream_data(a.getArrayItem(i), qpdf_dl_generalized) == text);
  }
  CHECK(stream_data(a.getArrayItem(0), qpdf_dl_none) == *deflated);  // deflate() is what add_stream does
  CHECK(stream_data(a.getArrayItem(2), qpdf_dl_none) == *deflated);  // written as given

  // Not decodable, so not through qpdf --check.
  hpdf::Writer j;
  REQUIRE(j.add_page(Dict{}));
  auto jpeg = j.add_stream(Dict{}, "\xFF\xD8 not really a JPEG", hpdf::Compress::Dct);
  REQUIRE((jpeg && j.set_catalog("Probe", *jpeg)));
  auto jpeg_bytes = j.save();
  REQUIRE(jpeg_bytes);
  auto jpdf = open(*jpeg_bytes);
  auto js = jpdf->getRoot().getKey("/Probe");
  CHECK(js.getDict().getKey("/Filter").unparse().find("/DCTDecode") != std::string::npos);
  CHECK(stream_data(js, qpdf_dl_none) == "\xFF\xD8 not really a JPEG");
}

TEST_CASE("libharu W4: page content from several calls is one deflated stream") {
  hpdf::Writer w;
  auto page = w.add_page(Dict{}.set("MediaBox", Array{{0, 0, 100, 100}}));
  auto empty_page = w.add_page(Dict{}.set("MediaBox", Array{{0, 0, 100, 100}}));
  REQUIRE((page && empty_page));
  REQUIRE(w.append_content(*page, "q 1 0 0 1 10 10 cm\n"));
  REQUIRE(w.append_content(*page, "0 0 5 5 re f Q\n"));
  auto bytes = w.save();
  REQUIRE(bytes);
  auto pdf = open(*bytes);
  auto page0 = pdf->getAllPages().at(0);
  auto contents = page0.getKey("/Contents");
  CHECK(contents.getDict().getKey("/Filter").getName() == "/FlateDecode");
  CHECK(page_content(*pdf, 0) == "q 1 0 0 1 10 10 cm\n0 0 5 5 re f Q\n");
  CHECK(page_content(*pdf, 1).empty());
}

TEST_CASE("libharu W5: nested objects, references and extended dictionaries") {
  hpdf::Writer w;
  auto target = w.add_object(Dict{}.set("Type", Name{"Probe"}));
  REQUIRE(target);
  REQUIRE(w.extend(*target, Dict{}.set("Added", true)));
  auto outer = w.add_object(
      Dict{}.set("Kids", Array{{*target, Array{{1, 2.5, Value{}}}}}).set("Inner", Dict{}.set("N", -3)));
  REQUIRE(outer);
  auto pdf = probe(w, *outer);
  auto o = pdf->getRoot().getKey("/Probe");
  CHECK(o.isIndirect());
  auto kid = o.getKey("/Kids").getArrayItem(0);
  CHECK(kid.isIndirect());
  CHECK(kid.getKey("/Type").getName() == "/Probe");
  CHECK(kid.getKey("/Added").getBoolValue());
  CHECK(o.getKey("/Kids").getArrayItem(1).getArrayItem(1).getNumericValue() == doctest::Approx(2.5));
  CHECK(o.getKey("/Kids").getArrayItem(1).getArrayItem(2).isNull());
  CHECK(o.getKey("/Inner").getKey("/N").getIntValue() == -3);

  hpdf::Writer v;
  auto array = v.add_object(Array{{1}});
  REQUIRE(array);
  CHECK_FALSE(v.extend(*array, Dict{}.set("X", 1)));  // not a dictionary
  CHECK_FALSE(v.ok());
}

TEST_CASE("libharu W2: kept bytes are written in place, held until saved, as a copy would be") {
  std::string pattern(70000, '\0');
  for (size_t i = 0; i < pattern.size(); ++i) pattern[i] = static_cast<char>((i * 31) % 253);
  auto deflated = hpdf::deflate(pattern, hpdf::Compress::Flate);
  REQUIRE(deflated);
  hpdf::Writer copied;
  auto a = copied.add_stream(Dict{}.set("N", 3), *deflated, hpdf::Compress::Deflated);
  REQUIRE(a);
  std::string copy_bytes;
  probe(copied, *a, &copy_bytes);

  hpdf::Writer kept;
  auto held = std::make_shared<const std::string>(*deflated);
  std::weak_ptr<const std::string> watch = held;
  auto b = kept.add_stream(Dict{}.set("N", 3), std::move(held), hpdf::Compress::Deflated);
  REQUIRE(b);
  CHECK_FALSE(watch.expired());  // the writer holds the cache's bytes
  std::string kept_bytes;
  auto pdf = probe(kept, *b, &kept_bytes);
  CHECK(kept_bytes == copy_bytes);
  CHECK(stream_data(pdf->getRoot().getKey("/Probe"), qpdf_dl_generalized) == pattern);

  hpdf::Writer refused;
  CHECK_FALSE(refused.add_stream(Dict{}, std::make_shared<const std::string>("x"), hpdf::Compress::Flate));
  CHECK_FALSE(refused.ok());
}

TEST_CASE("libharu W12: entries made as written give extend()'s bytes, escaped names and references included") {
  // Both writers make the same objects; one adds the entries at once, the
  // other when save() reaches each dictionary.
  auto write = [](bool when_written) {
    hpdf::Writer w;
    auto page = w.add_page(Dict{}.set("MediaBox", Array{{0, 0, 100, 100}}));
    REQUIRE(page);
    auto a = w.add_object(Dict{}.set("Type", Name{"StructElem"}));
    auto b = w.add_object(Dict{});
    REQUIRE(a);
    REQUIRE(b);
    Dict da;
    da.set("S", Name{"PANTONE 151 C"}).set("P", *b).set("K", Array{{0, 1, Dict{}.set("Type", Name{"MCR"}).set("MCID", 2)}})
        .set("Alt", text_string("Caf\xC3\xA9"));
    // Every kind of value, written without libharu objects since W12 writes
    // them itself: reals (W14 too), booleans, null, strings plain, escaped,
    // binary and empty, nested arrays and dictionaries, a key given twice.
    da.set("BBox", Array{{0.5, -12.25, 1.0 / 3, 40000.6, -0.000001}})
        .set("On", true).set("Off", false).set("None", Value{})
        .set("T", String{"a (b) \\ c"}).set("Bin", String{std::string("\0\x01\xFF", 3)}).set("Empty", String{""})
        .set("Nest", Array{{Array{}, Dict{}, Dict{}.set("N", Name{"a#b"}).set("M", 7)}})
        .set("Twice", 1).set("Other", 2).set("Twice", Name{"Again"});
    Dict db;
    db.set("Type", Name{"StructElem"}).set("K", Array{{*a}}).set("Pg", *w.page_ref(*page));
    for (auto& [ref, d] : {std::pair{*a, da}, std::pair{*b, db}})
      REQUIRE((when_written ? w.extend_when_written(ref, d) : w.extend(ref, d)));
    REQUIRE(w.set_catalog("Probe", *a));
    auto bytes = w.save();
    INFO(w.error());
    REQUIRE(bytes);
    return *bytes;
  };
  const std::string now = write(false), later = write(true);
  CHECK(later == now);
  auto pdf = open(later);
  auto a = pdf->getRoot().getKey("/Probe");
  CHECK(a.getKey("/Type").getName() == "/StructElem");
  CHECK(a.getKey("/S").getName() == "/PANTONE 151 C");
  CHECK(a.getKey("/K").getArrayItem(2).getKey("/MCID").getIntValue() == 2);
  CHECK(a.getKey("/P").getKey("/K").getArrayItem(0).getKey("/S").getName() == "/PANTONE 151 C");

  hpdf::Writer v;
  auto once = v.add_object(Dict{});
  REQUIRE(once);
  REQUIRE(v.extend_when_written(*once, Dict{}.set("X", 1)));
  CHECK_FALSE(v.extend_when_written(*once, Dict{}.set("Y", 1)));  // once per object
  CHECK_FALSE(v.ok());
}

TEST_CASE("libharu W12: names, strings and numbers of every kind are written as libharu writes them") {
  // extend() makes libharu objects, which libharu writes; extend_when_written()
  // writes the same entries itself.
  Dict d;
  std::string printable;
  for (int c = 0x20; c <= 0x7E; ++c) printable.push_back(static_cast<char>(c));
  d.set("Printable", String{printable}).set("Name", Name{printable.substr(1)});
  for (char c : std::string("()<>[]{}/%#\\ ")) d.set(std::string("K") + c + "y", Name{std::string("n") + c});
  Array reals, ints;
  std::mt19937 random(16);
  std::uniform_real_distribution<double> any(-32767.0, 32767.0), small(-2.0, 2.0);
  for (int i = 0; i < 2'000; ++i) reals.items.emplace_back(i % 2 ? any(random) : small(random));
  for (double v : {0.0, -0.0, 0.000004, 0.000005, 0.000006, 0.999995, 1.5, 32766.999996, 32767.0, -32767.0, 1e-30})
    reals.items.emplace_back(v);
  for (int64_t v : {int64_t{0}, int64_t{-1}, int64_t{7}, int64_t{INT32_MAX}, int64_t{INT32_MIN}, int64_t{-1234567}})
    ints.items.emplace_back(v);
  d.set("Reals", std::move(reals)).set("Ints", std::move(ints));
  auto write = [&](bool when_written) {
    hpdf::Writer w;
    auto a = w.add_object(Dict{});
    REQUIRE(a);
    REQUIRE((when_written ? w.extend_when_written(*a, d) : w.extend(*a, d)));
    REQUIRE(w.set_catalog("Probe", *a));
    auto bytes = w.save();
    INFO(w.error());
    REQUIRE(bytes);
    return *bytes;
  };
  const std::string now = write(false), later = write(true);
  CHECK(later.size() == now.size());
  CHECK(later == now);
}

TEST_CASE("libharu W12: a dictionary set into the catalog is written as libharu writes it") {
  // The trailer's dictionaries are still libharu objects: the same value
  // set into both must come out the same.
  Array names;
  for (int i = 0; i < 3'000; ++i) {
    names.items.emplace_back(String{"dest-" + std::to_string(i)});
    names.items.emplace_back(Array{{Ref{0}, Name{"XYZ"}, Value{}, 700.5 - i / 7.0, Value{}}});
  }
  Dict d;
  d.set("S", Name{"a b"}).set("T", String{"(x)"}).set("Dests", Dict{}.set("Names", std::move(names)));
  hpdf::Writer w;
  auto page = w.add_page(Dict{});
  REQUIRE(page);
  REQUIRE(w.page_ref(*page));
  REQUIRE(w.set_catalog("Probe", d));
  REQUIRE(w.set_trailer("Probe", d));
  auto bytes = w.save();
  INFO(w.error());
  REQUIRE(bytes);
  // From "/Probe " to the end of /Dests, its last entry (no string or name
  // in it holds "\012>>").
  const auto probe = [&](size_t from) {
    const size_t at = bytes->find("/Probe <<", from);
    REQUIRE(at != std::string::npos);
    const size_t end = bytes->find("\012>>", at);
    REQUIRE(end != std::string::npos);
    return std::pair{bytes->substr(at, end + 3 - at), end};
  };
  const auto [in_catalog, after] = probe(0);
  const auto [in_trailer, unused] = probe(after);
  CHECK(in_catalog.size() > 60'000);
  CHECK(in_catalog == in_trailer);
  auto pdf = open(*bytes);
  CHECK(pdf->getRoot().getKey("/Probe").getKey("/Dests").getKey("/Names").getArrayNItems() == 6'000);
}

TEST_CASE("libharu W6: the info dictionary is exactly what was set") {
  hpdf::Writer w;
  REQUIRE(w.set_info(Dict{}.set("Title", String{"T"})));
  auto pdf = probe(w, true);
  CHECK(pdf->getTrailer().getKey("/Info").getKeys() == std::set<std::string>{"/Title"});

  hpdf::Writer v;
  REQUIRE(v.set_info(Dict{}.set("Producer", String{"galley"})));
  auto named = probe(v, true);
  CHECK(named->getTrailer().getKey("/Info").getKey("/Producer").getUTF8Value() == "galley");
}

TEST_CASE("libharu W7: the header has the version asked for") {
  for (int minor : {4, 6, 7}) {
    hpdf::Writer w;
    REQUIRE(w.set_version(minor));
    std::string bytes;
    probe(w, true, &bytes);
    CHECK(bytes.rfind("%PDF-1." + std::to_string(minor) + "\n", 0) == 0);
  }
  hpdf::Writer w;
  CHECK_FALSE(w.set_version(8));
  CHECK_FALSE(w.ok());
}

TEST_CASE("libharu W8: a PDF of many buffers is saved whole") {
  hpdf::Writer w;
  Array many;
  for (int i = 0; i < 5000; ++i) many.items.push_back(String{"item " + std::to_string(i)});
  std::string bytes;
  auto pdf = probe(w, many, &bytes);
  CHECK(bytes.size() > 8 * 4096);  // libharu's memory stream blocks are 4 KB
  CHECK(bytes.find("%%EOF") != std::string::npos);
  CHECK(pdf->getRoot().getKey("/Probe").getArrayItem(4999).getUTF8Value() == "item 4999");
}

TEST_CASE("libharu W8: a PDF handed on in pieces as it is written is save()'s bytes, names and splices included") {
  // Megabytes of streams between names libharu cannot escape (W1, replaced
  // piece by piece), entries made as written (W12) and a spliced stream
  // (W16) larger than a piece.
  std::string noise(100'000, '\0');
  uint32_t x = 2463534242u;
  for (char& c : noise) c = static_cast<char>((x ^= x << 13, x ^= x >> 17, x ^= x << 5) >> 24);
  auto kept = std::make_shared<const std::string>(std::string(1'500'000, 'k') + noise);
  const auto spliced = hpdf::serialise(Dict{}.set("Spot", Name{"PANTONE 151 C"}), hpdf::Compress::None);
  REQUIRE(spliced);
  const auto make = [&](hpdf::Writer& w) {
    REQUIRE(w.add_page(Dict{}.set("MediaBox", Array{{0, 0, 100, 100}})));
    Array all;
    for (int i = 0; i < 40; ++i) {
      auto data = w.add_stream(Dict{}.set("N", Name{"Spot " + std::to_string(i % 7)}), noise, hpdf::Compress::None);
      auto later = w.add_object(Dict{});
      REQUIRE(data);
      REQUIRE(later);
      REQUIRE(w.extend_when_written(*later, Dict{}.set("S", Name{"PANTONE " + std::to_string(i)}).set("D", *data)));
      all.items.push_back(*later);
    }
    auto big = w.add(spliced, {}, kept);
    REQUIRE(big);
    all.items.push_back(*big);
    REQUIRE(w.set_catalog("Probe", all));
  };
  hpdf::Writer whole, streamed, refused;
  make(whole);
  make(streamed);
  make(refused);
  const auto bytes = whole.save();
  REQUIRE(bytes);
  std::string pieces;
  int count = 0;
  size_t largest = 0;
  REQUIRE(streamed.save([&](std::string_view piece) {
    pieces.append(piece);
    largest = std::max(largest, piece.size());
    return ++count > 0;
  }));
  CHECK(count > 4);
  // Not the file, nor the 1.6 MB spliced stream, held whole at the end of a
  // build: 64 KB pieces and a libharu buffer.
  CHECK(largest <= (64 + 8) * 1024);
  CHECK(pieces.size() == bytes->size());
  CHECK(pieces == *bytes);
  auto pdf = open(pieces);
  CHECK(pdf->getRoot().getKey("/Probe").getArrayItem(3).getKey("/S").getName() == "/PANTONE 3");
  CHECK(pdf->getRoot().getKey("/Probe").getArrayItem(40).getDict().getKey("/Spot").getName() == "/PANTONE 151 C");

  CHECK_FALSE(refused.save([&](std::string_view) { return false; }));
  CHECK(refused.output_refused());
  CHECK_FALSE(whole.output_refused());
}

TEST_CASE("libharu W9: resource keys count per page and category, in first-use order") {
  hpdf::Writer w;
  auto p0 = w.add_page(Dict{});
  auto p1 = w.add_page(Dict{});
  auto a = w.add_object(Dict{}.set("Type", Name{"Font"}));
  auto b = w.add_object(Dict{}.set("Type", Name{"Font"}));
  auto x = w.add_object(Dict{});
  auto cs = w.add_object(Array{{Name{"ICCBased"}}});
  auto gs = w.add_object(Dict{}.set("Type", Name{"ExtGState"}));
  REQUIRE((p0 && p1 && a && b && x && cs && gs));
  CHECK(*w.resource(*p0, "Font", *a) == "F1");
  CHECK(*w.resource(*p0, "Font", *b) == "F2");
  CHECK(*w.resource(*p0, "Font", *a) == "F1");
  CHECK(*w.resource(*p1, "Font", *b) == "F1");
  CHECK(*w.resource(*p0, "XObject", *x) == "X1");
  CHECK(*w.resource(*p0, "ColorSpace", *cs) == "CS1");
  CHECK(*w.resource(*p0, "ExtGState", *gs) == "R1");
  REQUIRE(w.set_resource(*p0, "ColorSpace", "DefaultRGB", *cs));
  auto bytes = w.save();
  REQUIRE(bytes);
  auto pdf = open(*bytes);
  auto page0 = pdf->getAllPages().at(0);
  auto res = page0.getKey("/Resources");
  CHECK(res.getKey("/Font").getKeys() == std::set<std::string>{"/F1", "/F2"});
  CHECK(res.getKey("/ColorSpace").getKeys() == std::set<std::string>{"/CS1", "/DefaultRGB"});
}

TEST_CASE("libharu W10: strings with NULs or non-ASCII bytes are binary; over the limit is an error") {
  hpdf::Writer w;
  const std::string with_nul("a\0b", 3), high("\xFE\xFF\x00\x41", 4), long_text(60000, 'x');
  auto pdf = probe(w, Array{{String{"plain (text)"}, String{with_nul}, String{high}, String{long_text}}});
  auto a = pdf->getRoot().getKey("/Probe");
  CHECK(a.getArrayItem(0).getStringValue() == "plain (text)");
  CHECK(a.getArrayItem(1).getStringValue() == with_nul);
  CHECK(a.getArrayItem(2).getStringValue() == high);
  CHECK(a.getArrayItem(3).getStringValue() == long_text);

  hpdf::Writer over;
  CHECK_FALSE(over.add_object(String{std::string(70000, 'x')}));
  CHECK_FALSE(over.ok());
  CHECK_FALSE(over.error().empty());
}

TEST_CASE("libharu W15: a page's content deflated when finished, a later layer painted under it") {
  hpdf::Writer w;
  auto page = w.add_page(Dict{}.set("MediaBox", Array{{0, 0, 100, 100}}));
  REQUIRE(page);
  REQUIRE(w.append_content(*page, "0 0 1 rg 10 10 20 20 re f\n"));
  REQUIRE(w.finish_content(*page));
  // Finished: nothing more goes into the page's own stream.
  CHECK_FALSE(w.append_content(*page, "q Q\n"));
  hpdf::Writer v;
  auto other = v.add_page(Dict{}.set("MediaBox", Array{{0, 0, 100, 100}}));
  REQUIRE(other);
  REQUIRE(v.append_content(*other, "0 0 1 rg 10 10 20 20 re f\n"));
  REQUIRE(v.finish_content(*other));
  REQUIRE(v.prepend_content(*other, "1 0 0 rg 0 0 100 100 re f\n"));
  REQUIRE(v.prepend_content(*other, "0 1 0 rg 0 0 50 50 re f\n"));
  auto bytes = v.save();
  REQUIRE(bytes);
  auto pdf = open(*bytes);
  auto first = pdf->getAllPages().at(0);
  auto contents = first.getKey("/Contents");
  REQUIRE(contents.isArray());
  REQUIRE(contents.getArrayNItems() == 3);
  // The last layer first, the page's own content last (painted on top).
  const auto text = [&](int i) {
    auto data = contents.getArrayItem(i).getStreamData(qpdf_dl_generalized);
    return std::string(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
  };
  CHECK(text(0) == "0 1 0 rg 0 0 50 50 re f\n");
  CHECK(text(1) == "1 0 0 rg 0 0 100 100 re f\n");
  CHECK(text(2) == "0 0 1 rg 10 10 20 20 re f\n");
  auto check = run("qpdf --check " + save("layers.pdf", *bytes), true);
  CHECK(check.find("No syntax or stream encoding errors") != std::string::npos);
}
TEST_CASE("libharu W13: arrays past libharu's 32,767 items are written whole, references and annotations included") {
  hpdf::Writer w;
  auto page = w.add_page(Dict{}.set("MediaBox", Array{{0, 0, 100, 100}}));
  REQUIRE(page);
  auto target = w.add_object(Dict{}.set("Type", Name{"Probe"}));
  REQUIRE(target);
  constexpr int64_t kItems = 70'000;
  Array many;
  for (int64_t i = 0; i < kItems; ++i) many.items.push_back(i % 3 == 0 ? Value{*target} : Value{i});
  auto annotation = w.add_object(Dict{}.set("Type", Name{"Annot"}).set("Subtype", Name{"Link"})
                                     .set("Rect", Array{{0, 0, 1, 1}}));
  REQUIRE(annotation);
  bool added = true;
  for (int i = 0; i < 33'000; ++i) added = added && w.add_annotation(*page, *annotation);
  REQUIRE(added);
  REQUIRE(w.set_catalog("Probe", Dict{}.set("Many", std::move(many))));
  auto bytes = w.save();
  REQUIRE(bytes);
  auto pdf = open(*bytes);
  auto a = pdf->getRoot().getKey("/Probe").getKey("/Many");
  REQUIRE(a.getArrayNItems() == kItems);
  CHECK(a.getArrayItem(kItems - 2).getIntValue() == kItems - 2);  // 69,998
  CHECK(a.getArrayItem(kItems - 1).isIndirect());                  // 69,999 = 3 × 23,333
  CHECK(a.getArrayItem(kItems - 1).getKey("/Type").getName() == "/Probe");
  auto first = pdf->getAllPages().at(0);
  CHECK(first.getKey("/Annots").getArrayNItems() == 33'000);
  auto check = run("qpdf --check " + save("w13.pdf", *bytes), true);
  CHECK(check.find("No syntax or stream encoding errors") != std::string::npos);
}

TEST_CASE("libharu W11: what libharu's constructors refuse without calling back is an error, at save too") {
  for (const Value& refused : {Value{Name{std::string(128, 'N')}}, Value{Name{std::string(60, ' ')}},
                               Value{int64_t{1} << 40}, Value{1e12}}) {
    hpdf::Writer w;
    CHECK_FALSE(w.add_object(Array{{1, refused}}));
    CHECK_FALSE(w.ok());
  }
  hpdf::Writer fits;  // 127 bytes as written is libharu's longest name
  CHECK(fits.add_object(Name{std::string(127, 'N')}));
  CHECK(fits.ok());

  // An entry written into bytes when it is given (W12) fails then, and the
  // save after it fails too: the file would lack that object's entries.
  hpdf::Writer w;
  REQUIRE(w.add_page(Dict{}.set("MediaBox", Array{{0, 0, 100, 100}})));
  auto later = w.add_object(Dict{});
  REQUIRE(later);
  REQUIRE(w.set_catalog("Probe", *later));
  CHECK_FALSE(w.extend_when_written(*later, Dict{}.set("Alt", String{std::string(70000, 'a')})));
  CHECK_FALSE(w.save());
  CHECK_FALSE(w.error().empty());
}

TEST_CASE("libharu W14: reals past libharu's 32,767 are written as the nearest integer") {
  hpdf::Writer w;
  auto pdf = probe(w, Array{{40000.4, -40000.6, 32767.0, 1.5}});
  auto a = pdf->getRoot().getKey("/Probe");
  CHECK(a.getArrayItem(0).getIntValue() == 40000);
  CHECK(a.getArrayItem(1).getIntValue() == -40001);
  CHECK(a.getArrayItem(2).getNumericValue() == 32767.0);
  CHECK(a.getArrayItem(3).getNumericValue() == 1.5);
}

TEST_CASE("libharu W17: pages held as records; content written ahead keeps its numbers and reads back the same") {
  // Content past a megabyte (passed on early), an empty page, a layer under
  // a page, resources with a fixed key and an annotation.
  std::string noise;
  uint32_t x = 2463534242u;
  for (int i = 0; i < 400'000; ++i) {
    x ^= x << 13, x ^= x >> 17, x ^= x << 5;
    noise += "% " + std::to_string(x) + "\n";
  }
  const auto make = [&](hpdf::Writer& w, bool send) {
    REQUIRE(w.set_version(6));
    auto font = w.add_object(Dict{}.set("Type", Name{"Font"}).set("Subtype", Name{"Type1"}).set("BaseFont", Name{"Helvetica"}));
    auto spot = w.add_object(Array{{Name{"Separation"}, Name{"PANTONE 151 C"}, Name{"DeviceCMYK"}, Dict{}}});
    REQUIRE(font);
    REQUIRE(spot);
    for (int p = 0; p < 3; ++p) {
      auto page = w.add_page(Dict{}.set("MediaBox", Array{{0, 0, 100, 100}}).set("StructParents", p));
      REQUIRE(page);
      if (p != 1) {
        REQUIRE(w.resource(*page, "Font", *font) == "F1");
        REQUIRE(w.resource(*page, "ColorSpace", *spot) == "CS1");
        REQUIRE(w.set_resource(*page, "ColorSpace", "DefaultRGB", *spot));
        REQUIRE(w.append_content(*page, "BT /F1 12 Tf 10 10 Td (Page " + std::to_string(p) + ") Tj ET\n" + (p == 2 ? noise : "")));
      }
      REQUIRE(w.finish_content(*page));
      if (send) REQUIRE(w.send(*page));
    }
    REQUIRE(w.prepend_content(0, "0 1 0 rg 0 0 50 50 re f\n"));
    auto annot = w.add_object(Dict{}.set("Type", Name{"Annot"}).set("Subtype", Name{"Link"}).set("Rect", Array{{0, 0, 1, 1}}));
    REQUIRE(annot);
    REQUIRE(w.add_annotation(2, *annot));
  };
  hpdf::Writer held, ahead, streamed, late;
  make(held, false);
  make(ahead, true);
  std::string pieces;
  int count = 0;
  REQUIRE(streamed.write_ahead_into([&](std::string_view piece) {
    pieces.append(piece);
    return ++count > 0;
  }));
  make(streamed, true);
  const int before_save = count;
  CHECK(before_save >= 1);  // the megabyte page went out before save()
  const auto held_bytes = held.save();
  const auto ahead_bytes = ahead.save();
  REQUIRE(held_bytes);
  REQUIRE(ahead_bytes);
  REQUIRE(streamed.save([&](std::string_view piece) {
    pieces.append(piece);
    return ++count > 0;
  }));
  CHECK(pieces == *ahead_bytes);
  // The first page's content is the file's first object; objects keep the
  // numbers they have when held.
  CHECK(ahead_bytes->find(" 0 obj\n<<\n/Length ") == std::string("%PDF-1.6\n%\267\276\255\252\n").size() + 1);
  auto a = open(*held_bytes);
  auto b = open(*ahead_bytes);
  for (int p = 0; p < 3; ++p) {
    QPDFObjectHandle pa = a->getAllPages().at(static_cast<size_t>(p));
    QPDFObjectHandle pb = b->getAllPages().at(static_cast<size_t>(p));
    CHECK(pa.getObjectID() == pb.getObjectID());
    CHECK(pa.getKey("/Contents").unparse() == pb.getKey("/Contents").unparse());
    CHECK(pa.getKey("/Resources").unparse() == pb.getKey("/Resources").unparse());
    if (p > 0) CHECK(page_content(*a, p) == page_content(*b, p));
  }
  CHECK(page_content(*b, 2).find(noise) != std::string::npos);
  CHECK(page_content(*b, 1).empty());
  QPDFObjectHandle first = b->getAllPages().at(0), last = b->getAllPages().at(2);
  CHECK(first.getKey("/Resources").getKey("/ColorSpace").hasKey("/DefaultRGB"));
  CHECK(first.getKey("/Contents").getArrayNItems() == 2);
  CHECK(last.getKey("/Annots").getArrayNItems() == 1);
  CHECK(first.getKey("/Resources").getKey("/ColorSpace").getKey("/CS1").getArrayItem(1).getName() == "/PANTONE 151 C");
  for (const auto& [name, bytes] : {std::pair{"held.pdf", *held_bytes}, std::pair{"ahead.pdf", *ahead_bytes}}) {
    auto check = run("qpdf --check " + save(name, bytes), true);
    CHECK(check.find("No syntax or stream encoding errors") != std::string::npos);
  }
  // The header went out with the first page: the version cannot change.
  make(late, true);
  REQUIRE(late.set_version(7));
  CHECK_FALSE(late.save());
  // A string cannot be had of a PDF that went into an output.
  hpdf::Writer into;
  REQUIRE(into.write_ahead_into([](std::string_view) { return true; }));
  make(into, true);
  CHECK_FALSE(into.save());
}

TEST_CASE("libharu W18: objects written ahead keep the numbers and bytes of libharu's, and reach the file first") {
  // The same objects made both ways: libharu objects whose entries wait for
  // save() (W12), and numbers with no libharu object written at once.
  auto write = [](bool ahead, std::string* pieces) {
    hpdf::Writer w;
    if (pieces)
      REQUIRE(w.write_ahead_into([pieces](std::string_view piece) {
        pieces->append(piece);
        return true;
      }));
    auto page = w.add_page(Dict{}.set("MediaBox", Array{{0, 0, 100, 100}}));
    REQUIRE(page);
    REQUIRE(w.send(*page));
    auto before = w.add_object(Dict{}.set("Type", Name{"Before"}));
    REQUIRE(before);
    std::optional<Ref> a, b;
    if (ahead) {
      a = w.reserve_ahead(2);
      REQUIRE(a);
      b = Ref{a->id + 1};
    } else {
      a = w.add_object(Dict{});
      b = w.add_object(Dict{});
    }
    auto after = w.add_object(Dict{}.set("Type", Name{"After"}).set("Names", Array{{*a, *b}}));
    REQUIRE(after);
    Dict da;
    da.set("Type", Name{"StructElem"}).set("S", Name{"PANTONE 151 C"}).set("P", *b).set("Pg", *w.page_ref(*page))
        .set("Alt", text_string("Caf\xC3\xA9"));
    Dict db;
    db.set("Type", Name{"StructElem"}).set("S", Name{"Document"});
    // A long entry given as text, a reference at a time.
    std::string nums = "[ ";
    bool referred = true;
    for (int i = 0; i < 20'000; ++i) {
      nums += std::to_string(i) + ' ';
      referred = w.reference(*a, nums) && referred;
      nums += ' ';
    }
    REQUIRE(referred);
    nums += ']';
    if (ahead) {
      REQUIRE(w.begin_ahead(*b));
      REQUIRE(w.ahead_entries(db));
      REQUIRE(w.ahead_text("/Nums " + nums + "\n"));
      REQUIRE(w.end_ahead());
      REQUIRE(w.begin_ahead(*a));
      REQUIRE(w.ahead_entries(da));
      REQUIRE(w.end_ahead());
    } else {
      Array items;
      for (int i = 0; i < 20'000; ++i) items.items.push_back(i), items.items.push_back(*a);
      REQUIRE(w.extend_when_written(*a, da));
      REQUIRE(w.extend_when_written(*b, db.set("Nums", std::move(items))));
    }
    // Named from libharu's own dictionaries too.
    REQUIRE(w.set_catalog("Probe", *a));
    std::string bytes;
    if (pieces) {
      REQUIRE(w.save([pieces](std::string_view piece) {
        pieces->append(piece);
        return true;
      }));
      bytes = *pieces;
    } else {
      auto saved = w.save();
      INFO(w.error());
      REQUIRE(saved);
      bytes = *saved;
    }
    return bytes;
  };
  const std::string held = write(false, nullptr), ahead = write(true, nullptr);
  std::string pieces;
  CHECK(write(true, &pieces) == ahead);
  CHECK(ahead != held);
  CHECK(ahead.size() == held.size());
  // Written ahead, after the page's content, before libharu's objects.
  CHECK(ahead.find("/S /PANTONE#20151#20C") < ahead.find("/Type /Before"));
  CHECK(held.find("/S /PANTONE#20151#20C") > held.find("/Type /Before"));
  auto h = open(held);
  auto x = open(ahead);
  CHECK(x->getObjectCount() == h->getObjectCount());
  for (auto& o : h->getAllObjects()) {
    CAPTURE(o.getObjectID());
    CHECK(x->getObjectByID(o.getObjectID(), 0).unparseResolved() == o.unparseResolved());
  }
  auto a = x->getRoot().getKey("/Probe");
  CHECK(a.getKey("/S").getName() == "/PANTONE 151 C");
  CHECK(a.getKey("/P").getKey("/Nums").getArrayNItems() == 40'000);
  CHECK(a.getKey("/P").getKey("/Nums").getArrayItem(39'999).getObjectID() == a.getObjectID());
  auto check = run("qpdf --check " + save("ahead.pdf", ahead), true);
  CHECK(check.find("No syntax or stream encoding errors") != std::string::npos);
  CHECK(check.find("WARNING") == std::string::npos);

  // Each reserved object is written once, one at a time, and before save().
  hpdf::Writer twice;
  auto r = twice.reserve_ahead();
  REQUIRE(r);
  REQUIRE(twice.begin_ahead(*r));
  CHECK_FALSE(twice.begin_ahead(*r));
  CHECK_FALSE(twice.ok());
  hpdf::Writer unwritten;
  auto u = unwritten.reserve_ahead();
  REQUIRE(u);
  REQUIRE(unwritten.add_page(Dict{}));
  CHECK_FALSE(unwritten.save());
  // It is no libharu dictionary: extend() refuses it; a libharu object is
  // not reserved ahead.
  hpdf::Writer kinds;
  auto k = kinds.reserve_ahead();
  REQUIRE(k);
  CHECK_FALSE(kinds.extend(*k, Dict{}.set("X", 1)));
  hpdf::Writer plain;
  auto p = plain.add_object(Dict{});
  REQUIRE(p);
  CHECK_FALSE(plain.begin_ahead(*p));
}

TEST_CASE("an object written ahead an entry at a time has the bytes of its entries written as a Dict") {
  Dict d;
  d.set("Type", Name{"StructElem"})
      .set("S", Name{"PANTONE 151 C"})  // a name libharu cannot escape (W1)
      .set("ID", String{"note-(7)\\"})
      .set("Alt", text_string("Caf\xC3\xA9"))
      .set("A", Dict{}.set("O", Name{"Layout"}).set("BBox", Array{{0.5, -12.25, 1e-4, 612.0}}))
      .set("N", int64_t{-2147483648})
      .set("Marked", true);
  const auto write = [&](bool one_at_a_time) {
    hpdf::Writer w;
    auto page = w.add_page(Dict{}.set("MediaBox", Array{{0, 0, 100, 100}}));
    REQUIRE(page);
    auto r = w.reserve_ahead();
    REQUIRE(r);
    REQUIRE(w.begin_ahead(*r));
    if (one_at_a_time) {
      for (const auto& [key, value] : d.entries) REQUIRE(w.ahead_entry(key, value));
      REQUIRE(w.ahead_entry("Pg", *w.page_ref(*page)));
    } else {
      REQUIRE(w.ahead_entries(Dict{d}.set("Pg", *w.page_ref(*page))));
    }
    REQUIRE(w.end_ahead());
    REQUIRE(w.set_catalog("Probe", *r));
    auto saved = w.save();
    INFO(w.error());
    REQUIRE(saved);
    return *saved;
  };
  const std::string dict = write(false), entries = write(true);
  CHECK(entries == dict);
  CHECK(entries.find("/S /PANTONE#20151#20C\n") != std::string::npos);

  // A key libharu refuses fails the writer and writes nothing of the entry.
  hpdf::Writer w;
  auto r = w.reserve_ahead();
  REQUIRE(r);
  REQUIRE(w.begin_ahead(*r));
  CHECK_FALSE(w.ahead_entry(std::string(200, 'K'), 1));
  CHECK_FALSE(w.ok());
  hpdf::Writer w2;
  auto r2 = w2.reserve_ahead();
  REQUIRE(r2);
  REQUIRE(w2.begin_ahead(*r2));
  CHECK_FALSE(w2.ahead_entry("Big", int64_t{1} << 40));
  CHECK_FALSE(w2.ok());
}
