#include "print/impose/booklet_outline.h"  // first: sets qpdf options

#include <qpdf/QPDFOutlineDocumentHelper.hh>

namespace galley::print::detail {
namespace {

// Offsets within a destination array ([page /kind ...]) that hold x or y
// coordinates, per kind (PDF 32000-1, table 151).
struct Coordinates {
  std::vector<size_t> xs, ys;
};

Coordinates coordinates_of(const std::string& kind) {
  if (kind == "/XYZ") return {{2}, {3}};
  if (kind == "/FitH" || kind == "/FitBH") return {{}, {2}};
  if (kind == "/FitV" || kind == "/FitBV") return {{2}, {}};
  if (kind == "/FitR") return {{2, 4}, {3, 5}};
  return {};
}

void shift(std::vector<QPDFObjectHandle>& items, const std::vector<size_t>& at, double by) {
  for (size_t i : at)
    if (i < items.size() && items[i].isNumber())
      items[i] = QPDFObjectHandle::newReal(items[i].getNumericValue() + by, 2);
}

// The destination moved onto its sheet, or null when its page is on none.
QPDFObjectHandle moved(QPDFObjectHandle dest, const std::map<QPDFObjGen, Placement>& placed) {
  if (!dest.isArray() || dest.getArrayNItems() < 2) return QPDFObjectHandle::newNull();
  auto items = dest.getArrayAsVector();
  auto found = placed.find(items[0].getObjGen());
  if (found == placed.end()) return QPDFObjectHandle::newNull();
  const Placement& p = found->second;
  items[0] = p.sheet;
  const Coordinates c = coordinates_of(items[1].isName() ? items[1].getName() : "");
  shift(items, c.xs, p.dx);
  shift(items, c.ys, p.dy);
  return QPDFObjectHandle::newArray(items);
}

void move(std::vector<QPDFOutlineObjectHelper> entries, const std::map<QPDFObjGen, Placement>& placed) {
  for (auto& entry : entries) {
    auto obj = entry.getObjectHandle();
    auto dest = moved(entry.getDest(), placed);
    // A GoTo action is replaced by the plain destination it resolved to;
    // other actions (a URI) do not point at pages and stay.
    auto action = obj.getKey("/A");
    if (action.isDictionary() && action.getKey("/S").isNameAndEquals("/GoTo")) obj.removeKey("/A");
    if (dest.isNull()) obj.removeKey("/Dest");
    else obj.replaceKey("/Dest", dest);
    move(entry.getKids(), placed);
  }
}

}  // namespace

void move_outline(QPDF& pdf, const std::map<QPDFObjGen, Placement>& placed) {
  QPDFOutlineDocumentHelper outlines(pdf);
  move(outlines.getTopLevelOutlines(), placed);
}

}  // namespace galley::print::detail
