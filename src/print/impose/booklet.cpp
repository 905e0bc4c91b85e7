#include "print/impose/booklet.h"  // first: sets qpdf options
#include "print/impose/booklet_outline.h"

#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <algorithm>
#include <cmath>

#include "pdf/pdf.h"
#include "print/detail/booklet_sides.h"

namespace galley::print::detail {
namespace {

using pdf::num;

// Slug around the spread's bleed: the mark gap, the marks, a little air.
constexpr double kSlug = pdf::kMarkGap + pdf::kMarkLength + 3;
constexpr double kSizeTolerance = 0.5;  // points

struct Spread {
  double page_w = 0, page_h = 0, bleed = 0;
  PdfRect media, trim, bleed_box;
};

Spread spread_for(const PdfRect& page_trim, const PdfRect& page_bleed) {
  Spread s;
  s.page_w = page_trim.width();
  s.page_h = page_trim.height();
  // The narrowest bleed the page has on any side, so every placed page has
  // at least that much on the outer edges.
  s.bleed = std::max(0.0, std::min({page_trim.llx - page_bleed.llx, page_bleed.urx - page_trim.urx,
                                    page_trim.lly - page_bleed.lly, page_bleed.ury - page_trim.ury}));
  const double off = s.bleed + kSlug;
  s.media = {0, 0, 2 * s.page_w + 2 * off, s.page_h + 2 * off};
  s.trim = {off, off, off + 2 * s.page_w, off + s.page_h};
  s.bleed_box = {off - s.bleed, off - s.bleed, s.trim.urx + s.bleed, s.trim.ury + s.bleed};
  return s;
}

// Places a reader page on one half of the spread: its trim box lands on that
// half, clipped to the bleed on the outer edges and to the spine.
std::string place(const Spread& s, int slot, const PdfRect& page_trim, const std::string& name) {
  const double left = s.trim.llx + slot * s.page_w;
  const double clip_l = slot == 0 ? s.bleed_box.llx : left;
  const double clip_r = slot == 0 ? left + s.page_w : s.bleed_box.urx;
  return "q " + num(clip_l) + " " + num(s.bleed_box.lly) + " " + num(clip_r - clip_l) + " " +
         num(s.bleed_box.height()) + " re W n 1 0 0 1 " + num(left - page_trim.llx) + " " +
         num(s.trim.lly - page_trim.lly) + " cm " + name + " Do Q\n";
}

}  // namespace

bool impose_booklet(QPDF& pdf, Diagnostics& diags, const SourceLoc& where) {
  QPDFPageDocumentHelper doc(pdf);
  auto pages = doc.getAllPages();
  if (pages.empty()) {
    diags.error(where, "booklet imposition: the PDF has no pages");
    return false;
  }
  const PdfRect first_trim = rect_of(pages[0].getTrimBox());
  std::vector<PdfRect> trims;
  std::vector<QPDFObjectHandle> forms;
  bool ok = true;
  for (size_t i = 0; i < pages.size(); ++i) {
    auto& page = pages[i];
    const PdfRect trim = rect_of(page.getTrimBox());
    if (std::abs(trim.width() - first_trim.width()) > kSizeTolerance ||
        std::abs(trim.height() - first_trim.height()) > kSizeTolerance) {
      diags.error(where, "booklet imposition: page " + std::to_string(i + 1) + " is " + num(trim.width()) +
                             "x" + num(trim.height()) + "pt, page 1 is " + num(first_trim.width()) + "x" +
                             num(first_trim.height()) + "pt; a booklet needs one page size");
      ok = false;
    }
    auto rotate = page.getAttribute("/Rotate", false);
    if (rotate.isInteger() && rotate.getIntValue() % 360 != 0) {
      diags.error(where, "booklet imposition: page " + std::to_string(i + 1) + " is rotated");
      ok = false;
    }
    auto form = page.getFormXObjectForPage(false);
    // qpdf bounds the form by the trim box; the bleed must survive too.
    form.getDict().replaceKey("/BBox", array_of(rect_of(page.getMediaBox())));
    trims.push_back(trim);
    forms.push_back(form);
  }
  if (!ok) return false;

  const Spread s = spread_for(first_trim, rect_of(pages[0].getBleedBox()));
  const auto all = registration_space(pdf);
  const std::string marks = crop_mark_ops(s.trim, s.bleed_box, s.media, "GxAll") +
                            fold_mark_ops({s.trim.llx + s.page_w}, s.bleed_box, s.media, "GxAll");
  std::vector<QPDFObjectHandle> sheets;
  std::map<QPDFObjGen, Placement> placed;
  for (const auto& side : booklet_sides(static_cast<int>(pages.size()))) {
    auto xobjects = QPDFObjectHandle::newDictionary();
    std::string content;
    std::vector<std::pair<QPDFObjGen, Placement>> here;
    for (int slot = 0; slot < 2; ++slot) {
      const int p = side[slot];
      if (p < 0) continue;
      const std::string name = "/Fx" + std::to_string(slot);
      xobjects.replaceKey(name, forms[p]);
      content += place(s, slot, trims[p], name);
      here.emplace_back(pages[p].getObjectHandle().getObjGen(),
                        Placement{{}, s.trim.llx + slot * s.page_w - trims[p].llx, s.trim.lly - trims[p].lly});
    }
    content += marks;
    auto resources = QPDFObjectHandle::newDictionary();
    resources.replaceKey("/XObject", xobjects);
    auto spaces = QPDFObjectHandle::newDictionary();
    spaces.replaceKey(kAllName, all);
    resources.replaceKey("/ColorSpace", spaces);
    auto sheet = QPDFObjectHandle::newDictionary();
    sheet.replaceKey("/Type", QPDFObjectHandle::newName("/Page"));
    sheet.replaceKey("/MediaBox", array_of(s.media));
    sheet.replaceKey("/BleedBox", array_of(s.bleed_box));
    sheet.replaceKey("/TrimBox", array_of(s.trim));
    sheet.replaceKey("/Resources", resources);
    sheet.replaceKey("/Contents", pdf.newStream(content));
    sheets.push_back(pdf.makeIndirectObject(sheet));
    for (auto& [page, placement] : here) {
      placement.sheet = sheets.back();
      placed.emplace(page, placement);
    }
  }
  move_outline(pdf, placed);
  for (auto& page : pages) doc.removePage(page);
  for (auto& sheet : sheets) doc.addPage(QPDFPageObjectHelper(sheet), false);
  return true;
}

}  // namespace galley::print::detail
