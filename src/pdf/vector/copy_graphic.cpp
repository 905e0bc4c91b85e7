// The module's copy of a vector graphic's page (detail/vector_module.h):
// the page's content and every object its resources reach, read with qpdf
// and made again as pdf::Value objects through the ObjectSink, so libharu
// numbers and writes them like galley's own.
#include <algorithm>
#include <set>

#include "image/vector/pdf_graph.h"
#include "pdf/detail/vector_module.h"

namespace galley::pdf {
namespace {

// Makes the objects of a foreign page again in the writer. Indirect
// objects are made once (by object number); a dictionary gets its number
// before its entries, so dictionaries may refer to each other in cycles.
class Copier {
 public:
  explicit Copier(ObjectSink& sink, const Graphic& graphic)
      : sink_(sink), mapping_(graphic.recolor), spaces_(graphic.spaces) {}

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
          for (const Graphic::Space& s : spaces_) spaces.set(s.resource, s.ref);
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
      for (const Graphic::Space& s : spaces_) spaces.set(s.resource, s.ref);
      out.set("ColorSpace", std::move(spaces));
    }
    return Value{std::move(out)};
  }

  // A content stream with its RGB colours mapped.
  std::optional<std::string> recolored(const std::string& content, QPDFObjectHandle resources) {
    auto recolor = [&](uint32_t rgb, bool stroke) -> std::optional<std::string> {
      for (const Graphic::Mapped& m : mapping_)
        if (m.rgb == rgb) return stroke ? m.stroke : m.fill;
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
  std::optional<Value> made(QPDFObjectHandle o, QPDFObjectHandle resources, int depth) {
    const QPDFObjGen id = o.getObjGen();
    if (o.isStream()) {
      auto ref = stream(o, resources, depth);
      if (ref) made_.emplace(id, *ref);
      return ref ? std::optional<Value>(*ref) : std::nullopt;
    }
    if (o.isDictionary() && !is_page(o)) {
      auto ref = sink_.add_object(Dict{});
      if (!ref) return fail(sink_.error());
      made_.emplace(id, *ref);
      open_.erase(id);
      auto entries = dict(o, resources, depth);
      if (!entries || !sink_.extend(*ref, *entries)) return entries ? fail(sink_.error()) : std::nullopt;
      return Value{*ref};
    }
    auto v = direct(o, resources, depth);
    if (!v) return std::nullopt;
    // Arrays and scalars stay indirect, as the file had them.
    auto ref = sink_.add_object(*v);
    if (!ref) return fail(sink_.error());
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
    auto ref = sink_.add_stream(*entries, data, compress);
    if (!ref) return fail(sink_.error());
    return ref;
  }

  ObjectSink& sink_;
  const std::vector<Graphic::Mapped>& mapping_;
  const std::vector<Graphic::Space>& spaces_;
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

std::optional<Ref> copy(const Graphic& graphic, ObjectSink& sink, std::string& error) {
  auto page = image::open_page(graphic.bytes, graphic.path, graphic.page, error);
  if (!page) return std::nullopt;
  Copier copy(sink, graphic);
  try {
    auto content = image::decoded_contents(*page, copy.left(), error);
    if (!content) return std::nullopt;
    if (!graphic.recolor.empty()) {
      content = copy.recolored(*content, page->resources);
      if (!content) return error = copy.error(), std::nullopt;
    }
    auto resources = copy.resources(page->resources, 0);
    if (!resources) return error = copy.error(), std::nullopt;
    Dict form;
    form.set("Type", Name{"XObject"})
        .set("Subtype", Name{"Form"})
        .set("BBox", Array{{page->facts.box[0], page->facts.box[1], page->facts.box[2], page->facts.box[3]}})
        .set("Matrix", unit_matrix(page->facts))
        .set("Resources", std::move(*resources));
    auto ref = sink.add_stream(form, *content, hpdf::Compress::Flate);
    if (!ref) error = "cannot write to PDF: " + sink.error();
    return ref;
  } catch (const std::exception& e) {
    error = std::string("not a readable PDF file: ") + e.what();
    return std::nullopt;
  }
}

}  // namespace
}  // namespace galley::pdf

extern "C" __attribute__((visibility("default"))) const void* galley_vector_copier() {
  static const galley::pdf::GraphicCopier copier{galley::pdf::kGraphicCopierAbi, &galley::pdf::copy};
  return &copier;
}
