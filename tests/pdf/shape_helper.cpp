#include "shape_helper.h"

#include <hb.h>

#include <algorithm>
#include <map>

namespace galley::testpdf {

std::string font_path(const std::string& file) {
  return std::string(GALLEY_SOURCE_DIR) + "/fonts/" + file;
}

layout::GlyphRun shape(const std::string& utf8, const std::string& font_file, double size,
                       int font_index, double x, double y) {
  hb_blob_t* blob = hb_blob_create_from_file(font_path(font_file).c_str());
  hb_face_t* face = hb_face_create(blob, 0);
  hb_font_t* font = hb_font_create(face);
  const double upem = hb_face_get_upem(face);
  hb_buffer_t* buf = hb_buffer_create();
  hb_buffer_add_utf8(buf, utf8.c_str(), static_cast<int>(utf8.size()), 0, -1);
  hb_buffer_guess_segment_properties(buf);
  const bool rtl = hb_buffer_get_direction(buf) == HB_DIRECTION_RTL;
  hb_shape(font, buf, nullptr, 0);
  unsigned n = 0;
  hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf, &n);
  hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf, &n);

  layout::GlyphRun run;
  run.font = font_index;
  run.size = size;
  run.x = x;
  run.y = y;
  run.rtl = rtl;
  double pen = 0;
  std::map<uint32_t, std::pair<uint32_t, uint32_t>> groups;  // cluster → (first glyph, count)
  for (unsigned i = 0; i < n; ++i) {
    layout::Glyph g;
    g.gid = info[i].codepoint;
    g.x = pen + pos[i].x_offset * size / upem;
    g.y = -pos[i].y_offset * size / upem;
    g.advance = pos[i].x_advance * size / upem;
    pen += g.advance;
    run.glyphs.push_back(g);
    auto [it, fresh] = groups.emplace(info[i].cluster, std::make_pair(i, 0u));
    it->second.second++;
  }
  for (auto it = groups.begin(); it != groups.end(); ++it) {
    auto next = std::next(it);
    const uint32_t end = next == groups.end() ? utf8.size() : next->first;
    run.add_cluster(it->second.first, it->second.second, utf8.substr(it->first, end - it->first));
  }
  hb_buffer_destroy(buf);
  hb_font_destroy(font);
  hb_face_destroy(face);
  hb_blob_destroy(blob);
  return run;
}

layout::DisplayList letter_page() {
  layout::DisplayList list;
  layout::Page page;
  page.trim = {0, 0, 612, 792};
  page.bleed = {-9, -9, 630, 810};
  page.media = {-45, -45, 702, 882};
  list.pages.push_back(page);
  list.bleed = 9;
  list.source_hash = "0123456789abcdef";
  return list;
}

}  // namespace galley::testpdf
