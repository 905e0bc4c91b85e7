#include <filesystem>

#include "detail/describe.h"

namespace galley::print::detail {
namespace {

constexpr size_t kSnippetChars = 30;

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// The first kSnippetChars code points, "…" when there were more.
std::string snippet(const std::string& text) {
  size_t chars = 0, i = 0;
  for (; i < text.size(); ++i) {
    if (is_continuation(static_cast<unsigned char>(text[i]))) continue;
    if (chars == kSnippetChars) return text.substr(0, i) + "…";
    ++chars;
  }
  return text;
}

}  // namespace

std::string describe(const layout::GlyphRun& run) {
  std::string text;
  if (run.rtl) {
    const std::vector<text::Cluster> clusters = run.clusters.unpacked();
    for (auto it = clusters.rbegin(); it != clusters.rend(); ++it) text += run.text_of(*it);
  } else {
    for (const auto& c : run.clusters) text += run.text_of(c);
  }
  const auto first = text.find_first_not_of(" \t\n");
  text = first == std::string::npos ? std::string() : text.substr(first);
  return "text '" + snippet(text) + "'";
}

std::string describe(const layout::Figure& figure) {
  return figure.alt.empty() ? "figure" : "figure '" + snippet(figure.alt) + "'";
}

std::string describe(const layout::Image& image) {
  return "image '" + std::filesystem::path(image.path).filename().string() + "'";
}

}  // namespace galley::print::detail
