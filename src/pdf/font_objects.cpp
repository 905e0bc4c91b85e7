#include "detail/font_objects.h"

#include "image/image.h"
#include "detail/font_streams.h"

namespace galley::pdf {

bool DocumentFonts::learn(const layout::DisplayList& list, const std::vector<layout::Item>& items,
                          Diagnostics& diags) {
  bool ok = true;
  for (const auto& item : items) {
    const auto* run = std::get_if<layout::GlyphRun>(&item);
    if (!run || run->glyphs.empty()) continue;
    if (run->font < 0 || static_cast<size_t>(run->font) >= list.fonts.size()) {
      diags.error(run->loc, "text refers to font " + std::to_string(run->font) +
                                ", which the document does not have");
      ok = false;
      continue;
    }
    if (failed_.count(run->font)) {
      ok = false;
      continue;
    }
    auto it = used_.find(run->font);
    if (it == used_.end()) {
      const auto& ref = list.fonts[run->font];
      // Stamped before loading, so a file rewritten meanwhile is never
      // taken for the one that was read.
      const auto stamp = image::file_stamp(ref.path);
      std::string file;
      if (stamp) file = ref.path + '\n' + std::to_string(ref.face_index) + '\n' + *stamp;
      auto program = FontProgram::load(ref.path, ref.face_index, diags, run->loc);
      if (!program) {
        failed_.insert(run->font);
        ok = false;
        continue;
      }
      const uint16_t fs = program->metrics().fs_type;
      if ((fs & 0x000F) == 0x0002 || (fs & 0x0200))
        diags.warning(run->loc, "font '" + ref.path +
                                    "' does not permit embedding (OS/2 fsType " +
                                    std::to_string(fs) + ")");
      it = used_.emplace(run->font, Used{std::move(*program), {}, {}, {}, ref.path, ref.loc, std::move(file), {}}).first;
    }
    Used& used = it->second;
    for (const auto& g : run->glyphs) {
      if (g.gid > 0xFFFF) {  // no font has it; the subsetter drops it
        used.gids.insert(g.gid);
        continue;
      }
      if (g.gid >= used.widths.size())
        used.widths.resize(std::min<size_t>(0x10000, std::max<size_t>(g.gid + 1, used.widths.size() * 2)), kUnseen);
      if (used.widths[g.gid] != kUnseen) continue;
      used.widths[g.gid] = used.program.width(g.gid);
      used.gids.insert(g.gid);
    }
    used.text.learn(*run);
  }
  return ok;
}

bool DocumentFonts::prepare(const layout::DisplayList& list, Diagnostics& diags) {
  bool ok = true;
  for (const auto& page : list.pages) ok = learn(list, page.items, diags) && ok;
  return ok;
}

Array DocumentFonts::widths(const FontProgram& program, const std::set<uint32_t>& gids) {
  Array w;
  Array group;
  uint32_t start = 0, prev = 0;
  bool open = false;
  for (uint32_t g : gids) {
    if (open && g != prev + 1) {
      w.items.push_back(Value(static_cast<int64_t>(start)));
      w.items.push_back(std::move(group));
      group = {};
      open = false;
    }
    if (!open) start = g;
    open = true;
    group.items.push_back(Value(program.width(g)));
    prev = g;
  }
  if (open) {
    w.items.push_back(Value(static_cast<int64_t>(start)));
    w.items.push_back(std::move(group));
  }
  return w;
}

bool DocumentFonts::embed(hpdf::Writer& writer, Diagnostics& diags) {
  for (auto& [index, used] : used_) {
    const FontMetrics& m = used.program.metrics();
    const SourceLoc at = used.loc.file.empty() ? SourceLoc{used.path, 0, 0} : used.loc;
    auto program = subset_program(used.program, used.file, used.gids);
    if (!program) {
      diags.error(at, "font '" + used.path + "': subsetting failed");
      return false;
    }
    const std::string base = subset_tag(m.postscript_name, used.gids) + "+" + m.postscript_name;
    Dict file_dict;
    if (m.cff) file_dict.set("Subtype", Name{"OpenType"});
    else file_dict.set("Length1", Value(static_cast<int64_t>(program->length)));
    auto file = writer.add_stream(file_dict, std::shared_ptr<const std::string>(program, &program->deflated),
                                  hpdf::Compress::Deflated);
    Dict descriptor;
    descriptor.set("Type", Name{"FontDescriptor"})
        .set("FontName", Name{base})
        .set("Flags", m.flags)
        .set("FontBBox", Array{{m.bbox[0], m.bbox[1], m.bbox[2], m.bbox[3]}})
        .set("ItalicAngle", m.italic_angle)
        .set("Ascent", m.ascent)
        .set("Descent", m.descent)
        .set("CapHeight", m.cap_height)
        .set("StemV", m.stem_v);
    if (file) descriptor.set(m.cff ? "FontFile3" : "FontFile2", *file);
    auto desc_ref = file ? writer.add_object(descriptor) : std::nullopt;
    Dict cid;
    cid.set("Type", Name{"Font"})
        .set("Subtype", Name{m.cff ? "CIDFontType0" : "CIDFontType2"})
        .set("BaseFont", Name{base})
        .set("CIDSystemInfo", Dict{}.set("Registry", String{"Adobe"})
                                  .set("Ordering", String{"Identity"})
                                  .set("Supplement", 0))
        .set("DW", program ? used.program.width(0) : 0)
        .set("W", widths(used.program, used.gids));
    if (desc_ref) cid.set("FontDescriptor", *desc_ref);
    if (!m.cff) cid.set("CIDToGIDMap", Name{"Identity"});
    auto cid_ref = desc_ref ? writer.add_object(cid) : std::nullopt;
    auto cmap_bytes = cid_ref ? deflated_cmap(tounicode_cmap(used.text.entries())) : nullptr;
    if (cid_ref && !cmap_bytes) {
      diags.error(at, "font '" + used.path + "': cannot write font objects: cannot deflate its CMap");
      return false;
    }
    auto cmap = cmap_bytes ? writer.add_stream({}, std::shared_ptr<const std::string>(cmap_bytes, &cmap_bytes->data),
                                                 hpdf::Compress::Deflated)
                           : std::nullopt;
    if (cmap) {
      Dict type0;
      type0.set("Type", Name{"Font"})
          .set("Subtype", Name{"Type0"})
          .set("BaseFont", Name{m.cff ? base + "-Identity-H" : base})
          .set("Encoding", Name{"Identity-H"})
          .set("DescendantFonts", Array{{*cid_ref}})
          .set("ToUnicode", *cmap);
      if (!used.ref) used.ref = writer.add_object(Dict{});
      if (used.ref && !writer.extend(*used.ref, type0)) used.ref.reset();
    } else {
      used.ref.reset();
    }
    if (!used.ref) {
      diags.error(at, "font '" + used.path + "': cannot write font objects: " + writer.error());
      return false;
    }
  }
  return true;
}

std::optional<Ref> DocumentFonts::ref(hpdf::Writer& writer, int font) {
  auto it = used_.find(font);
  if (it == used_.end()) return std::nullopt;
  if (!it->second.ref) it->second.ref = writer.add_object(Dict{});
  return it->second.ref;
}

RunFont DocumentFonts::run_font(int font, const std::string& resource) const {
  RunFont rf;
  rf.resource = resource;
  auto it = used_.find(font);
  if (it == used_.end()) return rf;
  const Used* used = &it->second;
  rf.width = [used](uint32_t gid) {
    return gid < used->widths.size() && used->widths[gid] != kUnseen ? used->widths[gid] : used->program.width(gid);
  };
  rf.text = &it->second.text;
  return rf;
}

}  // namespace galley::pdf
