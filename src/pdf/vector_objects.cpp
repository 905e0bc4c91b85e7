#include "detail/vector_objects.h"

#include <algorithm>
#include <set>

#include "image/image.h"
#include "image/pdf_graph.h"
#include "detail/content.h"
#include "detail/hpdf_objects.h"
#include "detail/page_writer.h"

namespace galley::pdf {
namespace {

// Makes the objects of a foreign page again in the writer. Indirect
// objects are made once (by object number); a dictionary gets its number
// before its entries, so dictionaries may refer to each other in cycles.
class Copier {
 public:
  // A Separation space the recolouring adds to the resources it rewrites.
  struct Space {
    std::string resource, colorant;
    Ref ref;
  };
  // `mapping`: the recolouring (empty for none).
  Copier(hpdf::Writer& writer, const std::vector<std::pair<uint32_t, model::Color>>& mapping,
         std::vector<Space> spaces)
      : writer_(writer), mapping_(mapping), spaces_(std::move(spaces)) {}

  std::optional<Value> value(QPDFObjectHandle o, QPDFObjectHandle resources, int depth) {
    if (depth > image::kMaxVectorDepth) return fail("its objects nest more than 64 deep");
    if (o.isIndirect()) {
      const QPDFObjGen id = o.getObjGen();
      if (auto it = made_.find(id); it != made_.end()) return Value{it->second};
      if (!open_.insert(id).second) return fail("its objects refer to themselves through an array or stream");
      if (static_cast<int>(made_.size() + open_.size()) > image::kMaxVectorObjects)
        return fail("it has more than 100000 objects");
      auto v = made(o, resources, depth);
      open_.erase(id);
      return v;
    }
    return direct(o, resources, depth);
  }

  // The resources of a content stream this copy rewrites: a dictionary of
  // its own, with the spot colours' spaces added to /ColorSpace.
  std::optional<Value> resources(QPDFObjectHandle res, int depth) {
    Dict out;
    bool has_spaces = false;
    if (res.isDictionary()) {
      for (auto& [key, v] : res.ditems()) {
        if (key == "/ColorSpace" && !spaces_.empty() && v.isDictionary()) {
          Dict spaces;
          for (auto& [name, space] : v.ditems()) {
            auto copied = value(space, res, depth + 2);
            if (!copied) return std::nullopt;
            spaces.set(name.substr(1), std::move(*copied));
          }
          for (const Space& s : spaces_) spaces.set(s.resource, s.ref);
          out.set("ColorSpace", std::move(spaces));
          has_spaces = true;
          continue;
        }
        auto copied = value(v, res, depth + 1);
        if (!copied) return std::nullopt;
        out.set(key.substr(1), std::move(*copied));
      }
    }
    if (!has_spaces && !spaces_.empty()) {
      Dict spaces;
      for (const Space& s : spaces_) spaces.set(s.resource, s.ref);
      out.set("ColorSpace", std::move(spaces));
    }
    return Value{std::move(out)};
  }

  // A content stream with its RGB colours mapped.
  std::optional<std::string> recolored(const std::string& content, QPDFObjectHandle resources) {
    auto recolor = [&](uint32_t rgb, bool stroke) -> std::optional<std::string> {
      for (const auto& [from, to] : mapping_) {
        if (from != rgb) continue;
        std::string resource;
        if (to.space == model::Color::Space::Spot) resource = spot_name(to);
        return " " + color_op(to, stroke, resource);
      }
      return std::nullopt;
    };
    std::string error;
    auto out = image::rewrite_colors(content, image::rgb_space_in(resources), recolor, error);
    if (!out) fail(error);
    return out;
  }

  uint64_t& left() { return left_; }
  const std::string& error() const { return error_; }
  std::nullopt_t fail(const std::string& why) {
    if (error_.empty()) error_ = why;
    return std::nullopt;
  }

 private:
  std::string spot_name(const model::Color& c) const {
    const std::string colorant = separation_of(c).colorant;
    for (const Space& s : spaces_)
      if (s.colorant == colorant) return s.resource;
    return {};
  }

  std::optional<Value> made(QPDFObjectHandle o, QPDFObjectHandle resources, int depth) {
    const QPDFObjGen id = o.getObjGen();
    if (o.isStream()) {
      auto ref = stream(o, resources, depth);
      if (ref) made_.emplace(id, *ref);
      return ref ? std::optional<Value>(*ref) : std::nullopt;
    }
    if (o.isDictionary() && !is_page(o)) {
      auto ref = writer_.add_object(Dict{});
      if (!ref) return fail(writer_.error());
      made_.emplace(id, *ref);
      open_.erase(id);
      auto entries = dict(o, resources, depth);
      if (!entries || !writer_.extend(*ref, *entries)) return entries ? fail(writer_.error()) : std::nullopt;
      return Value{*ref};
    }
    auto v = direct(o, resources, depth);
    if (!v) return std::nullopt;
    // Arrays and scalars stay indirect, as the file had them.
    auto ref = writer_.add_object(*v);
    if (!ref) return fail(writer_.error());
    made_.emplace(id, *ref);
    return Value{*ref};
  }

  static bool is_page(QPDFObjectHandle o) {
    return o.isDictionaryOfType("/Page") || o.isDictionaryOfType("/Pages");
  }

  std::optional<Value> direct(QPDFObjectHandle o, QPDFObjectHandle resources, int depth) {
    if (o.isNull()) return Value{};
    if (o.isBool()) return Value{o.getBoolValue()};
    if (o.isInteger()) return Value{static_cast<int64_t>(o.getIntValue())};
    if (o.isReal()) return Value{o.getNumericValue()};
    if (o.isName()) return Value{Name{o.getName().substr(1)}};
    if (o.isString()) return Value{String{o.getStringValue()}};
    if (o.isArray()) {
      Array a;
      for (auto& item : o.aitems()) {
        auto v = value(item, resources, depth + 1);
        if (!v) return std::nullopt;
        a.items.push_back(std::move(*v));
      }
      return Value{std::move(a)};
    }
    // A page reached from the resources (an annotation's /P) is not copied.
    if (o.isDictionary() && is_page(o)) return Value{};
    if (o.isDictionary()) {
      auto d = dict(o, resources, depth);
      return d ? std::optional<Value>(std::move(*d)) : std::nullopt;
    }
    return fail("it has an object of an unknown kind");
  }

  std::optional<Dict> dict(QPDFObjectHandle o, QPDFObjectHandle resources, int depth,
                           const std::set<std::string>& skip = {}) {
    Dict d;
    for (auto& [key, v] : o.ditems()) {
      if (skip.count(key)) continue;
      auto copied = value(v, resources, depth + 1);
      if (!copied) return std::nullopt;
      d.entries.emplace_back(key.substr(1), std::move(*copied));
    }
    return d;
  }

  std::optional<Ref> stream(QPDFObjectHandle o, QPDFObjectHandle resources, int depth) {
    QPDFObjectHandle d = o.getDict();
    const bool content = image::draws_content(o) && !mapping_.empty();
    QPDFObjectHandle own = d.getKey("/Resources");
    if (own.isDictionary()) resources = own;
    QPDFObjectHandle filter = d.getKey("/Filter");
    if (filter.isArray() && filter.getArrayNItems() == 1) filter = filter.getArrayItem(0);
    const bool none = filter.isNull(), flate = filter.isNameAndEquals("/FlateDecode"),
               dct = filter.isNameAndEquals("/DCTDecode");
    // Raw bytes go in as they are under filters libharu can name; anything
    // else is decoded (qpdf's general-purpose filters) and deflated again.
    const bool raw = !content && (none || flate || dct);
    std::set<std::string> skip{"/Length"};
    if (!raw) skip.insert({"/Filter", "/DecodeParms", "/DL"});
    if (content) skip.insert("/Resources");
    std::string error;
    std::string data;
    hpdf::Compress compress = hpdf::Compress::Flate;
    if (raw) {
      const auto bytes = o.getRawStreamData();
      data.assign(reinterpret_cast<const char*>(bytes->getBuffer()), bytes->getSize());
      compress = none ? hpdf::Compress::None : flate ? hpdf::Compress::Deflated : hpdf::Compress::Dct;
    } else {
      auto decoded = image::decoded_stream(o, left_, error);
      if (!decoded) return fail(error);
      data = std::move(*decoded);
      if (content) {
        auto rewritten = recolored(data, resources);
        if (!rewritten) return std::nullopt;
        data = std::move(*rewritten);
      }
    }
    auto entries = dict(d, resources, depth, skip);
    if (!entries) return std::nullopt;
    if (content) {
      auto res = this->resources(own.isDictionary() ? own : resources, depth + 1);
      if (!res) return std::nullopt;
      entries->set("Resources", std::move(*res));
    }
    auto ref = writer_.add_stream(*entries, data, compress);
    if (!ref) return fail(writer_.error());
    return ref;
  }

  hpdf::Writer& writer_;
  const std::vector<std::pair<uint32_t, model::Color>>& mapping_;
  std::vector<Space> spaces_;
  std::map<QPDFObjGen, Ref> made_;
  std::set<QPDFObjGen> open_;
  uint64_t left_ = image::kMaxVectorContentBytes;
  std::string error_;
};

// The form's /Matrix: its box, turned by /Rotate (clockwise), onto the
// unit square an image XObject fills.
Array unit_matrix(const image::VectorPage& p) {
  const double x0 = p.box[0], y0 = p.box[1], bw = p.box[2] - p.box[0], bh = p.box[3] - p.box[1];
  switch (p.rotate) {
    case 90: return Array{{0.0, -1 / bw, 1 / bh, 0.0, -y0 / bh, 1 + x0 / bw}};
    case 180: return Array{{-1 / bw, 0.0, 0.0, -1 / bh, 1 + x0 / bw, 1 + y0 / bh}};
    case 270: return Array{{0.0, 1 / bw, -1 / bh, 0.0, 1 + y0 / bh, -x0 / bw}};
    default: return Array{{1 / bw, 0.0, 0.0, 1 / bh, -x0 / bw, -y0 / bh}};
  }
}

std::string key_of(const layout::Image& img) {
  std::string key = img.path + '\n' + std::to_string(img.page);
  for (const auto& [rgb, c] : img.recolor) {
    key += '\n' + image::hex_rgb(rgb) + ' ' + std::to_string(static_cast<int>(c.space)) + ' ' + c.spot_name;
    for (double v : c.v) key += ' ' + num(v);
    key += ' ' + num(c.tint);
  }
  return key;
}

}  // namespace

std::optional<Ref> DocumentGraphics::get(PageShared& shared, const layout::Image& img, Diagnostics& diags) {
  const std::string key = key_of(img);
  if (auto found = by_key_.find(key); found != by_key_.end()) return found->second;
  std::optional<Ref>& slot = by_key_[key];
  SourceLoc at = img.loc;
  if (at.file.empty()) at.file = img.path;
  const int errors_before = diags.error_count();
  auto report = [&](const std::string& why) {
    if (diags.error_count() == errors_before) diags.error(at, "image '" + img.path + "': " + why);
    return std::nullopt;
  };
  auto bytes = image::vector_pdf(img.path, diags, img.loc);
  if (!bytes) return report("cannot be read");
  std::string error;
  auto page = image::open_page(bytes, img.path, img.page, error);
  if (!page) return report(error);
  // Spot colours name Separation spaces shared with the pages.
  std::vector<Copier::Space> spaces;
  for (const auto& [rgb, c] : img.recolor) {
    if (c.space != model::Color::Space::Spot) continue;
    const Separation sep = separation_of(c);
    if (std::any_of(spaces.begin(), spaces.end(), [&](const auto& s) { return s.colorant == sep.colorant; }))
      continue;
    auto ref = separation(shared, sep);
    if (!ref) return report("cannot write to PDF: " + shared.writer->error());
    spaces.push_back({"GalleySpot" + std::to_string(spaces.size() + 1), sep.colorant, *ref});
  }
  Copier copy(*shared.writer, img.recolor, std::move(spaces));
  try {
    auto content = image::decoded_contents(*page, copy.left(), error);
    if (!content) return report(error);
    if (!img.recolor.empty()) {
      content = copy.recolored(*content, page->resources);
      if (!content) return report(copy.error());
    }
    auto resources = copy.resources(page->resources, 0);
    if (!resources) return report(copy.error());
    Dict form;
    form.set("Type", Name{"XObject"})
        .set("Subtype", Name{"Form"})
        .set("BBox", Array{{page->facts.box[0], page->facts.box[1], page->facts.box[2], page->facts.box[3]}})
        .set("Matrix", unit_matrix(page->facts))
        .set("Resources", std::move(*resources));
    slot = shared.writer->add_stream(form, *content, hpdf::Compress::Flate);
    if (!slot) return report("cannot write to PDF: " + shared.writer->error());
  } catch (const std::exception& e) {
    return report(std::string("not a readable PDF file: ") + e.what());
  }
  return slot;
}

}  // namespace galley::pdf
