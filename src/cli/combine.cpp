#include "detail/combine.h"

#include <cstdint>
#include <cstdio>
#include <map>
#include <tuple>

namespace galley::cli {
namespace {

std::string fnv1a_hex(const std::string& s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

}  // namespace

layout::DisplayList combine(std::vector<layout::DisplayList> parts) {
  layout::DisplayList out;
  if (parts.empty()) return out;
  out.meta = parts[0].meta;
  out.intent = parts[0].intent;
  out.crop_marks = parts[0].crop_marks;
  out.registration_marks = parts[0].registration_marks;
  out.bleed = parts[0].bleed;

  std::string joined;
  std::map<std::tuple<std::string, unsigned>, int> font_index;
  for (size_t p = 0; p < parts.size(); ++p) {
    auto& part = parts[p];
    std::vector<int> remap(part.fonts.size());
    for (size_t f = 0; f < part.fonts.size(); ++f) {
      auto key = std::make_tuple(part.fonts[f].path, part.fonts[f].face_index);
      auto [it, fresh] = font_index.emplace(key, static_cast<int>(out.fonts.size()));
      if (fresh) out.fonts.push_back(part.fonts[f]);
      remap[f] = it->second;
    }
    // Named destinations repeat in every part; a prefix keeps each part's
    // internal links pointing into that part.
    std::string prefix = "part" + std::to_string(p + 1) + "-";
    int page_offset = static_cast<int>(out.pages.size());
    for (auto& page : part.pages) {
      for (auto& item : page.items) {
        if (auto* run = std::get_if<layout::GlyphRun>(&item)) run->font = remap[static_cast<size_t>(run->font)];
      }
      for (auto& link : page.links) {
        if (!link.dest.empty()) link.dest = prefix + link.dest;
      }
      for (auto& dest : page.destinations) dest.name = prefix + dest.name;
      out.pages.push_back(std::move(page));
    }
    for (auto& entry : part.outline) {
      entry.page += page_offset;
      out.outline.push_back(std::move(entry));
    }
    joined += part.source_hash;
  }
  out.source_hash = fnv1a_hex(joined);
  return out;
}

}  // namespace galley::cli
