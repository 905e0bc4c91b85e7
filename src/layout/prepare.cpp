#include "detail/prepare.h"

#include <cctype>
#include <map>
#include <set>

namespace galley::layout {

namespace {

std::string slug(const std::string& text) {
  std::string out;
  bool dash = false;
  for (unsigned char c : text) {
    if (std::isalnum(c) && c < 0x80) {
      if (dash && !out.empty()) out += '-';
      out += static_cast<char>(std::tolower(c));
      dash = false;
    } else {
      dash = true;
    }
  }
  return out.empty() ? "section" : out;
}

void scale_style(resolve::ParaStyle& s, double k) {
  s.size *= k;
  s.leading *= k;
  s.space_before *= k;
  s.space_after *= k;
}

// Scales paragraphs by one factor, each distinct style once: paragraphs
// and runs that shared a style share its scaled copy.
class StyleScaler {
 public:
  explicit StyleScaler(double k) : k_(k) {}

  void operator()(resolve::Paragraph& p) {
    p.style = scaled(paras_, p.style, [&](resolve::ParaStyle& s) { scale_style(s, k_); });
    for (auto& r : p.runs) r.style = scaled(chars_, r.style, [&](resolve::CharStyle& c) { c.size *= k_; });
  }

 private:
  // The originals are kept with their copies, so no key's address is reused.
  template <class T>
  using Scaled = std::map<const T*, std::pair<resolve::Shared<T>, resolve::Shared<T>>>;

  template <class T, class Scale>
  static resolve::Shared<T> scaled(Scaled<T>& done, const resolve::Shared<T>& style, Scale scale) {
    auto [it, made] = done.try_emplace(&*style);
    if (made) {
      T copy = *style;
      scale(copy);
      it->second = {style, std::move(copy)};
    }
    return it->second.second;
  }

  double k_;
  Scaled<resolve::ParaStyle> paras_;
  Scaled<resolve::CharStyle> chars_;
};

std::string first_text(const resolve::Block& b) {
  if (!b.paras.empty()) return b.paras.front().plain_text();
  if (!b.items.empty()) return b.items.front().para.plain_text();
  if (!b.figure->header.empty()) return b.figure->header.front().para.plain_text();
  if (!b.figure->rows.empty() && !b.figure->rows.front().empty()) return b.figure->rows.front().front().para.plain_text();
  if (!b.figure->src.empty()) return b.figure->src.substr(b.figure->src.find_last_of('/') + 1);
  return b.figure->data;
}

const char* kind_name(model::BlockKind k) {
  using K = model::BlockKind;
  switch (k) {
    case K::Title: return "title";
    case K::Heading: return "heading";
    case K::Paragraph: return "paragraph";
    case K::List: return "list";
    case K::Image: return "image";
    case K::Table: return "table";
    case K::Quote: return "quote";
    case K::Callout: return "callout";
    case K::Qr: return "qr";
    case K::Toc: return "toc";
    case K::Break: return "break";
    case K::Chart: return "chart";
  }
  return "block";
}

}  // namespace

void assign_heading_ids(std::vector<resolve::Flow>& flows) {
  std::set<std::string> used;
  for (const auto& f : flows)
    for (const auto& b : f.blocks)
      if (!b.id.empty()) used.insert(b.id);
  // Per slug, the suffix to try next: `used` only grows, so a number found
  // taken stays taken, and a report repeating one heading a thousand times
  // does not try every suffix again for each.
  std::map<std::string, int> next;
  for (auto& f : flows)
    for (auto& b : f.blocks) {
      if (b.kind != model::BlockKind::Heading || !b.id.empty() || b.paras.empty()) continue;
      const std::string base = slug(b.paras.front().plain_text());
      std::string id = base;
      int& n = next.try_emplace(base, 2).first->second;
      for (; used.count(id); ++n) id = base + "-" + std::to_string(n);
      used.insert(id);
      b.id = id;
    }
}

void scale_flow(resolve::Flow& flow, double k) {
  StyleScaler scale_para(k);
  for (auto& b : flow.blocks) {
    for (auto& p : b.paras) scale_para(p);
    for (auto& i : b.items) scale_para(i.para);
    // Box, figure and caption may be shared with the unscaled flows:
    // scaled copies (edit() copies a shared figure).
    if (!b.figure->header.empty() || !b.figure->rows.empty() || b.figure->caption) {
      resolve::Figure& fig = b.figure.edit();
      for (auto& c : fig.header) scale_para(c.para);
      for (auto& row : fig.rows)
        for (auto& c : row) scale_para(c.para);
      if (fig.caption) {
        resolve::Paragraph caption = *fig.caption;
        scale_para(caption);
        fig.caption = std::make_shared<const resolve::Paragraph>(std::move(caption));
      }
    }
    resolve::ParaStyle box = *b.box;
    scale_style(box, k);
    b.box = std::make_shared<const resolve::ParaStyle>(std::move(box));
  }
}

std::vector<TocEntry> toc_entries(const std::vector<resolve::Flow>& flows) {
  std::vector<TocEntry> out;
  for (const auto& f : flows)
    for (const auto& b : f.blocks)
      if (b.kind == model::BlockKind::Heading && b.level <= 2 && b.in_toc && !b.paras.empty())
        out.push_back({b.paras.front().plain_text(), b.level, b.id, ""});
  return out;
}

bool has_toc(const std::vector<resolve::Flow>& flows) {
  for (const auto& f : flows)
    for (const auto& b : f.blocks)
      if (b.kind == model::BlockKind::Toc) return true;
  return false;
}

std::string describe(const resolve::Block& b) {
  constexpr int kChars = 12;
  const std::string text = first_text(b);
  size_t end = 0;
  int chars = 0;
  while (end < text.size() && chars < kChars) {
    ++end;
    while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
    ++chars;
  }
  std::string shown = text.substr(0, end);
  if (end < text.size()) {
    while (!shown.empty() && shown.back() == ' ') shown.pop_back();
    shown += "…";
  }
  std::string out = kind_name(b.kind);
  if (!shown.empty()) out += " \"" + shown + "\"";
  return out;
}

double body_size(const resolve::Flow& flow, const resolve::StyledDoc& doc) {
  for (const auto& b : flow.blocks)
    if (b.kind == model::BlockKind::Paragraph && !b.paras.empty()) return b.paras.front().style->size;
  auto it = doc.styles.find("body");
  return it != doc.styles.end() ? it->second.size : 10;
}

}  // namespace galley::layout
