#include "detail/shape_cache.h"

#include "base/memo.h"

namespace galley::text {
namespace {

// Longer paragraphs are rarely repeated and would crowd out the rest.
constexpr size_t kMaxKeyBytes = size_t{64} << 10;

}  // namespace

size_t ShapeEntry::bytes() const {
  size_t n = sizeof *this + shaped.text.size();
  for (const ShapedRun& r : shaped.runs) n += sizeof r + r.glyphs.size() * sizeof(ShapedGlyph);
  for (const std::string& w : warnings) n += w.size();
  return n;
}

std::string shape_key(const resolve::Paragraph& para, const FontBook& fonts) {
  std::string key = base::memo_key("shape", fonts.id(), para.style->font, para.style->language);
  for (const resolve::Run& r : para.runs) {
    base::add_key_part(key, r.text);
#define GALLEY_STYLE_KEY_PART(name, member, type, fallback, read) base::add_key_part(key, r.style->member);
    GALLEY_CHAR_STYLE_KEYS(GALLEY_STYLE_KEY_PART)
#undef GALLEY_STYLE_KEY_PART
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
