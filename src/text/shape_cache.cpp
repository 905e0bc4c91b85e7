#include "detail/shape_cache.h"

#include "base/memo.h"

namespace galley::text {
namespace {

// Longer paragraphs are rarely repeated and would crowd out the rest.
constexpr size_t kMaxKeyBytes = size_t{64} << 10;
// Hashes of paragraphs offered once; 8 bytes each, forgotten when full.
constexpr size_t kMaxOffered = size_t{1} << 16;

}  // namespace

size_t ShapeEntry::bytes() const {
  size_t n = sizeof *this + shaped.text.size();
  for (const ShapedRun& r : shaped.runs) n += sizeof r + r.glyphs.size() * sizeof(ShapedGlyph);
  for (const std::string& w : warnings) n += w.size();
  return n;
}

std::string shape_key(const resolve::Paragraph& para, const FontBook& fonts) {
  std::string key = base::memo_key("shape", fonts.id(), para.style.font, para.style.language);
  for (const resolve::Run& r : para.runs) {
    const resolve::CharStyle& c = r.style;
    base::add_key_part(key, r.text);
    base::add_key_part(key, c.font);
    base::add_key_part(key, (c.bold ? 1 : 0) | (c.italic ? 2 : 0));
    base::add_key_part(key, c.size);
    base::add_key_part(key, c.tracking);
    base::add_key_part(key, c.language);
    base::add_key_part(key, c.features.size());
    for (const std::string& f : c.features) base::add_key_part(key, f);
    if (key.size() > kMaxKeyBytes) return {};
  }
  return key;
}

ShapedParagraph restyle(const ShapedParagraph& cached, const resolve::Paragraph& para) {
  ShapedParagraph out = cached;
  out.style = para.style;
  out.loc = para.loc;
  size_t run = 0, run_end = para.runs.empty() ? 0 : para.runs[0].text.size();
  for (ShapedRun& r : out.runs) {
    while (run + 1 < para.runs.size() && r.text_begin >= run_end) run_end += para.runs[++run].text.size();
    if (run < para.runs.size()) r.style = para.runs[run].style;
  }
  return out;
}

}  // namespace galley::text
