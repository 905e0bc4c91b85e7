#include "detail/preflight.h"

#include <algorithm>
#include <map>
#include <set>
#include <span>
#include <type_traits>
#include <variant>

#include "detail/describe.h"
#include "detail/missing_glyphs.h"
#include "detail/resolution.h"
#include "detail/safe_zone.h"
#include "detail/standards.h"
#include "image/image.h"
#include "pdf/pdf.h"

namespace galley::print {
namespace {

using namespace galley::layout;
using detail::describe;

std::string key_of(const SourceLoc& loc) {
  return loc.file + ":" + std::to_string(loc.line) + ":" + std::to_string(loc.col);
}

std::string rgb_values(const Color& c) {
  return pdf::num(c.v[0]) + " " + pdf::num(c.v[1]) + " " + pdf::num(c.v[2]);
}

// RGB uses in a PDF/X job, one finding per place the colour was written (a
// style used on 40 pages is one mistake, not 40), in order of first use.
class RgbUses {
 public:
  void add(const Color& c, const std::string& page, const std::string& what, const SourceLoc& item_loc) {
    const std::string key = c.loc.file.empty() ? key_of(item_loc) + what : key_of(c.loc);
    auto [it, fresh] = index_.try_emplace(key, uses_.size());
    if (!fresh) {
      ++uses_[it->second].more;
      return;
    }
    std::string msg = page + ": " + what + " is RGB (" + rgb_values(c) + ") in a PDF/X job; give it as CMYK";
    if (!c.loc.file.empty()) msg += " where the colour is written, " + format_loc(c.loc);
    uses_.push_back({item_loc, msg, 0});
  }

  void report(Diagnostics& diags) const {
    for (const auto& u : uses_) {
      diags.error(u.loc, u.more == 0 ? u.message
                                     : u.message + " (and " + std::to_string(u.more) + " more uses)");
    }
  }

 private:
  static std::string format_loc(const SourceLoc& loc) {
    return loc.line > 0 ? loc.file + ":" + std::to_string(loc.line) : loc.file.str();
  }
  struct Use {
    SourceLoc loc;
    std::string message;
    int more = 0;
  };
  std::vector<Use> uses_;
  std::map<std::string, size_t> index_;
};

// Link annotations of one page: poppler takes a page with more for a
// malformed file and does not display it.
constexpr size_t kMaxPageLinks = 10'000;

}  // namespace

class PagePreflight::Checks {
 public:
  explicit Checks(Diagnostics& diags) : diags_(diags) {}

  void page(const DisplayList& list, size_t p, const std::vector<Item>& items) {
    list_ = &list;
    pdfx_ = !list.intent.standard.empty();
    if (fonts_.size() < list.fonts.size()) {
      fonts_.resize(list.fonts.size());
      font_checked_.resize(list.fonts.size(), false);
    }
    const Page& page = list.pages[p];
    const std::string name = "page " + std::to_string(p + 1);
    const std::span<const Item> all(items);
    for (size_t i = 0; i < all.size(); ++i) {
      std::visit(
          [&](const auto& it) {
            if constexpr (std::is_same_v<std::decay_t<decltype(it)>, Figure>) {
              check(page, name, it, all.subspan(i + 1, std::min<size_t>(it.items, all.size() - i - 1)));
            } else {
              check(page, name, it);
            }
          },
          all[i]);
    }
    missing_.report(name, diags_);
    if (page.links.size() > kMaxPageLinks)
      diags_.error(page.links[kMaxPageLinks].loc,
                   name + " has " + std::to_string(page.links.size()) + " links; PDF readers refuse a page with more than " +
                       std::to_string(kMaxPageLinks) + " (poppler shows none of it)");
    check_pdfa_page(list, p, items, pdfa_pages_);
  }

  void finish(const DisplayList& list) {
    rgb_.report(diags_);
    check_standards(list, pdfa_pages_, diags_);
  }

 private:
  void check(const Page& page, const std::string& name, const GlyphRun& run) {
    const FontFacts facts = font(run, name);
    missing_.add(run, font_name(run.font));
    if (pdfx_ && run.color.space == Color::Space::Rgb) rgb_.add(run.color, name, describe(run), run.loc);
    if (auto ink = detail::run_bounds(run, facts)) {
      detail::check_safe_zone(page, *ink, false, [&run] { return describe(run); }, name, run.loc, diags_);
    }
  }

  void check(const Page& page, const std::string& name, const Image& image) {
    detail::check_resolution(image, name, diags_);
    const detail::Bounds visible{image.clip_x, image.clip_y, image.clip_x + image.clip_w,
                                 image.clip_y + image.clip_h};
    detail::check_safe_zone(page, visible, true, [&image] { return describe(image); }, name, image.loc, diags_);
    if (pdfx_ && image.page > 0) return check_vector_rgb(name, image);
    if (pdfx_ && !image.path.empty() && rgb_images_.insert(image.path).second) {
      Diagnostics ignored;  // an unreadable image is the PDF writer's error
      auto info = image::probe(image.path, ignored, image.loc);
      if (info && info->space == image::ColorSpace::Rgb) {
        diags_.warning(image.loc, name + ": " + describe(image) +
                                      " is RGB in a PDF/X job; the RIP converts it to the output intent's CMYK,"
                                      " which can shift its colours (convert it to CMYK to proof them)");
      }
    }
  }

  // A vector graphic's RGB that `recolor` leaves RGB; once per graphic and
  // mapping.
  void check_vector_rgb(const std::string& name, const Image& image) {
    std::string key = image.path + '\n' + std::to_string(image.page);
    for (const auto& m : image.recolor) key += ' ' + std::to_string(m.first);
    if (!rgb_images_.insert(key).second) return;
    Diagnostics ignored;  // an unreadable graphic is layout's error
    const auto page = image::probe_vector(image.path, image.page, ignored, image.loc);
    if (!page) return;
    std::string left;
    int count = 0;
    for (uint32_t rgb : page->rgb) {
      const bool mapped = std::any_of(image.recolor.begin(), image.recolor.end(),
                                      [&](const auto& m) { return m.first == rgb; });
      if (mapped) continue;
      if (count++ < 4) left += (left.empty() ? "" : ", ") + image::hex_rgb(rgb);
    }
    if (count > 4) left += ", ...";
    if (count == 0 && !page->other_rgb) return;
    const std::string what = count > 0 ? "draws in RGB (" + left + ", not mapped by 'recolor')"
                                       : "has RGB images or gradients ('recolor' maps flat colours only)";
    diags_.warning(image.loc, name + ": " + describe(image) + " " + what +
                                  " in a PDF/X job; the RIP converts it to the output intent's CMYK,"
                                  " which can shift its colours (map them to the palette with 'recolor')");
  }

  void check(const Page&, const std::string&, const Mark&) {}

  void check(const Page&, const std::string& name, const Rect& rect) {
    if (!pdfx_) return;
    if (rect.fill && rect.fill->space == Color::Space::Rgb) rgb_.add(*rect.fill, name, "box fill", rect.loc);
    if (rect.stroke && rect.stroke->space == Color::Space::Rgb) rgb_.add(*rect.stroke, name, "box stroke", rect.loc);
  }

  void check(const Page&, const std::string& name, const Path& path) {
    if (!pdfx_) return;
    if (path.fill && path.fill->space == Color::Space::Rgb) rgb_.add(*path.fill, name, "path fill", path.loc);
    if (path.stroke && path.stroke->space == Color::Space::Rgb) rgb_.add(*path.stroke, name, "line", path.loc);
  }

  // A QR code is an important element: cut into, it no longer scans, so
  // it is held to the safe zone like text, quiet zone included. Its boxes
  // are otherwise checked as boxes.
  void check(const Page& page, const std::string& name, const Figure& figure, std::span<const Item> covered) {
    if (auto ink = detail::figure_bounds(covered)) {
      detail::check_safe_zone(page, *ink, false, [&figure] { return describe(figure); }, name, figure.loc, diags_);
    }
  }

  std::string font_name(int index) const {
    if (index < 0 || static_cast<size_t>(index) >= list_->fonts.size()) return "?";
    const auto& f = list_->fonts[index];
    return f.family.empty() ? f.path : f.family;
  }

  // Reads each font once, at its first use, and reports its licence there.
  FontFacts font(const GlyphRun& run, const std::string& page) {
    if (run.font < 0 || static_cast<size_t>(run.font) >= fonts_.size()) return {};
    const size_t i = static_cast<size_t>(run.font);
    if (!font_checked_[i]) {
      font_checked_[i] = true;
      std::string error;
      if (auto facts = read_font_facts(list_->fonts[i], error)) {
        fonts_[i] = *facts;
        if (auto why = embedding_restriction(facts->fs_type); !why.empty()) {
          diags_.error(run.loc, page + ": font '" + font_name(run.font) + "' (" + list_->fonts[i].path +
                                    ") cannot go to print: " + why);
        }
      } else {
        diags_.error(run.loc, page + ": font '" + font_name(run.font) + "': " + error);
      }
    }
    return fonts_[i];
  }

  const DisplayList* list_ = nullptr;  // the pages so far
  Diagnostics& diags_;
  bool pdfx_ = false;
  Diagnostics pdfa_pages_;  // PDF/A findings of the pages, reported with the document's
  std::vector<FontFacts> fonts_;
  std::vector<bool> font_checked_;
  RgbUses rgb_;
  detail::MissingGlyphs missing_;
  std::set<std::string> rgb_images_;
};

PagePreflight::PagePreflight(Diagnostics& diags) : checks_(std::make_unique<Checks>(diags)) {}
PagePreflight::~PagePreflight() = default;

void PagePreflight::page(const DisplayList& list, size_t p, const std::vector<Item>& items) {
  checks_->page(list, p, items);
}

void PagePreflight::finish(const DisplayList& list) { checks_->finish(list); }

void preflight(const DisplayList& list, Diagnostics& diags) {
  PagePreflight checks(diags);
  for (size_t p = 0; p < list.pages.size(); ++p) checks.page(list, p, list.pages[p].items);
  checks.finish(list);
}

}  // namespace galley::print
