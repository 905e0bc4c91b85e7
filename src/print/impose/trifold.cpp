#include "print/impose/trifold.h"

#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <algorithm>
#include <cmath>

#include "pdf/pdf.h"

namespace galley::print::detail {
namespace {

using pdf::num;

// A roll fold: the panel that folds in is 1/16in narrower than the other two
// so it does not buckle against the fold it tucks into (as in
// layouts/trifold-letter.yaml); it is the leftmost panel of the outside.
std::vector<double> roll_folds(double width) {
  const double fold_in = (width - 9) / 3;
  return {fold_in, fold_in + fold_in + 4.5};
}

bool valid_folds(const std::vector<double>& folds, double width) {
  for (size_t i = 0; i < folds.size(); ++i) {
    if (!(folds[i] > 0 && folds[i] < width)) return false;
    if (i > 0 && !(folds[i] > folds[i - 1])) return false;
  }
  return true;
}

QPDFObjectHandle dictionary_at(QPDFObjectHandle parent, const std::string& key) {
  auto d = parent.getKey(key);
  if (!d.isDictionary()) {
    d = QPDFObjectHandle::newDictionary();
    parent.replaceKey(key, d);
  }
  return d;
}

}  // namespace

bool impose_trifold(QPDF& pdf, const ImposeOptions& options, Diagnostics& diags, const SourceLoc& where) {
  QPDFPageDocumentHelper doc(pdf);
  // Resources inherited from the page tree become the page's own, so adding
  // the marks' colour space cannot hide them.
  doc.pushInheritedAttributesToPage();
  auto pages = doc.getAllPages();
  if (pages.size() != 2) {
    diags.error(where, "trifold imposition needs 2 pages (outside, inside); the PDF has " +
                           std::to_string(pages.size()));
    return false;
  }
  const PdfRect outside = rect_of(pages[0].getTrimBox()), inside = rect_of(pages[1].getTrimBox());
  if (std::abs(outside.width() - inside.width()) > 0.5 || std::abs(outside.height() - inside.height()) > 0.5) {
    diags.error(where, "trifold imposition: the outside is " + num(outside.width()) + "x" +
                           num(outside.height()) + "pt but the inside is " + num(inside.width()) + "x" +
                           num(inside.height()) + "pt");
    return false;
  }
  const double width = outside.width();
  const std::vector<double> folds = options.folds.empty() ? roll_folds(width) : options.folds;
  if (!valid_folds(folds, width)) {
    diags.error(where, "trifold imposition: fold positions must ascend strictly inside the " + num(width) +
                           "pt trim width");
    return false;
  }

  const auto all = registration_space(pdf);
  for (size_t i = 0; i < pages.size(); ++i) {
    auto& page = pages[i];
    const PdfRect trim = rect_of(page.getTrimBox()), bleed = rect_of(page.getBleedBox());
    const PdfRect media = rect_of(page.getMediaBox());
    if (mark_room(bleed, media) < kMinMarkRoom) {
      diags.warning(where, "trifold imposition: page " + std::to_string(i + 1) +
                               " has no slug outside the bleed; its fold and crop marks are left out");
      continue;
    }
    // The inside is the outside mirrored across the sheet's vertical axis.
    std::vector<double> xs;
    for (const double f : folds) xs.push_back(i == 0 ? trim.llx + f : trim.urx - f);
    std::sort(xs.begin(), xs.end());
    auto resources = dictionary_at(page.getObjectHandle(), "/Resources");
    dictionary_at(resources, "/ColorSpace").replaceKey(kAllName, all);
    page.addPageContents(pdf.newStream(std::string("q\n")), true);
    // The pages keep their structure tree; the marks are not content.
    page.addPageContents(pdf.newStream("Q\n/Artifact BMC\n" + crop_mark_ops(trim, bleed, media, "GxAll") +
                                       fold_mark_ops(xs, bleed, media, "GxAll") + "EMC\n"),
                         false);
  }
  return true;
}

}  // namespace galley::print::detail
