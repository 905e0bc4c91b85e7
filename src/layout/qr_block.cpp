// QR codes: libqrencode at error-correction level M (qr_codes.h), drawn as vector
// modules (one rectangle per horizontal run of dark modules) inside a quiet
// zone of 4 modules, marked as one figure, at the column's left unless
// aligned otherwise; never split; optional caption below.
#include <algorithm>
#include <memory>

#include "detail/qr_block.h"
#include "detail/image_block.h"
#include "detail/image_fit.h"
#include "detail/qr_codes.h"
#include "detail/structure.h"

namespace galley::layout {

namespace {
constexpr int kQuiet = 4;
}

MeasuredBlock measure_qr(const resolve::Block& b, double width, TextSetter& ts) {
  MeasuredBlock m;
  m.loc = b.loc;
  const std::shared_ptr<const QrModules> code = encode_qr(b.figure->data);
  if (!code) {
    // The data may be kilobytes: its start says which code it is.
    size_t shown = std::min<size_t>(b.figure->data.size(), 40);
    while (shown < b.figure->data.size() && shown > 0 && (static_cast<unsigned char>(b.figure->data[shown]) & 0xC0) == 0x80) --shown;
    ts.diags().error(b.loc, "qr: cannot encode the " + std::to_string(b.figure->data.size()) + " bytes of \"" +
                                b.figure->data.substr(0, shown) + (shown < b.figure->data.size() ? "…" : "") +
                                "\": a QR code at error-correction level M holds at most 2331 bytes of text "
                                "(more when it is digits or capital letters only)");
    return m;
  }
  const int n = code->width;
  const double size = std::min(b.figure->qr_size > 0 ? b.figure->qr_size : 72.0, width);
  const double module = size / (n + 2 * kQuiet);
  const double x0 = aligned_x(b.figure->align, model::HAlign::Left, size, width);
  Slice s;
  s.gap_before = b.box->space_before;
  // Read aloud, a QR code is what it encodes.
  const int figure = add_node(m, "Figure", -1, b.loc);
  m.structure.back().alt = "QR code: " + b.figure->data;
  s.items.push_back(Mark{figure});
  s.items.push_back(Figure{"QR code: " + b.figure->data, 0, b.loc});
  Rect quiet;
  quiet.x = x0;
  quiet.w = quiet.h = size;
  quiet.fill = Color::white();
  quiet.loc = b.loc;
  s.items.push_back(quiet);
  for (int row = 0; row < n; ++row) {
    int col = 0;
    while (col < n) {
      if (!code->dark[row * n + col]) {
        ++col;
        continue;
      }
      const int start = col;
      while (col < n && code->dark[row * n + col]) ++col;
      Rect r;
      r.x = x0 + (kQuiet + start) * module;
      r.y = (kQuiet + row) * module;
      r.w = (col - start) * module;
      r.h = module;
      r.fill = Color::black();
      r.loc = b.loc;
      s.items.push_back(r);
    }
  }
  std::get<Figure>(s.items[1]).items = static_cast<uint32_t>(s.items.size() - 2);
  finish_figure(b, std::move(s), size, measure_caption(b, width, ts), m);
  return m;
}

}  // namespace galley::layout
