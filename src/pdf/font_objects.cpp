#include "detail/font_objects.h"

#include <atomic>
#include <exception>
#include <functional>
#include <thread>

#include "base/memo.h"
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

// A font's objects as the PDF holds them, serialised once (hpdf::Serialized,
// libharu W16) and spliced into every document that uses the same glyphs
// of the same file with the same texts: what a batch's rows and a server's
// requests share of their fonts beyond the subset program.
struct FontObjects {
  std::shared_ptr<const hpdf::Serialized> file, descriptor, cid, cmap, type0;
  std::shared_ptr<const std::string> program, cmap_bytes;  // the streams' bytes
  std::string error;  // why they could not be made
  size_t bytes() const {
    size_t n = 0;
    for (const auto* o : {&file, &descriptor, &cid, &cmap, &type0}) n += *o ? (*o)->bytes() : 0;
    return n + (program ? program->size() : 0) + (cmap_bytes ? cmap_bytes->size() : 0);
  }
};

namespace {

// Kept on their first sighting, unlike shaped text: most of what a font's
// objects hold is the subset program, which subset_program()'s memo keeps
// anyway (shared, not copied); the dictionaries, /W and CMap beside it are
// a few kilobytes. A batch's rows vary a face's glyphs among a few dozen
// sets (a name's letters and digits), each seen a few times: kept on the
// second sighting, each set's objects were made twice.
constexpr size_t kFontObjectsBudget = size_t{32} << 20;

// Runs work(i) for every i < n, each once, on this thread and, when `two`
// and the machine has a second core, on one more; an exception on either
// is rethrown here once both are done.
void for_each_on_two_threads(size_t n, bool two, const std::function<void(size_t)>& work) {
  std::atomic<size_t> next{0};
  const auto drain = [&] {
    for (size_t i = next.fetch_add(1); i < n; i = next.fetch_add(1)) work(i);
  };
  if (!two || n < 2 || std::thread::hardware_concurrency() < 2) return drain();
  std::exception_ptr failed;
  {
    std::jthread helper([&] {
      try {
        drain();
      } catch (...) {
        failed = std::current_exception();
      }
    });
    drain();
  }
  if (failed) std::rethrow_exception(failed);
}

}  // namespace

// The font objects' memo key: the program's file, its glyphs and their
// texts; empty for a program read from no file (never kept).
std::string DocumentFonts::objects_key(const Used& used) {
  if (used.file.empty()) return {};
  std::string key = used.file;
  key.push_back('\n');
  base::add_key_part(key, used.gids.size());
  for (uint32_t g : used.gids) key.append(reinterpret_cast<const char*>(&g), sizeof g);
  for (const auto& [gid, text] : used.text.entries()) {
    key.append(reinterpret_cast<const char*>(&gid), sizeof gid);
    base::add_key_part(key, text);
  }
  return key;
}

bool DocumentFonts::embed(hpdf::Writer& writer, Diagnostics& diags) {
  static base::Memo<FontObjects> memo(kFontObjectsBudget);
  std::vector<Used*> fonts;
  std::vector<std::string> keys;
  for (auto& [index, used] : used_) {
    fonts.push_back(&used);
    keys.push_back(objects_key(used));
  }
  std::vector<std::shared_ptr<const FontObjects>> objects(fonts.size());
  // A face subset for the first time (a cold build) is read from its file
  // for the last time: shaping is done, and later subsets start from
  // hb-subset's copy. The pages shaping read (1.2 MiB for a brochure's six
  // faces) go before the subsets start, each face's again once its objects
  // are made, so the file pages held at the PDF's end are those of the two
  // faces being subset, not of all six.
  std::vector<char> last_read(fonts.size(), 0);
  for (size_t i = 0; i < fonts.size(); ++i) {
    last_read[i] = (keys[i].empty() || !memo.holds(keys[i])) && fonts[i]->program.never_subset();
    if (last_read[i]) fonts[i]->program.release_pages();
  }
  const auto make_one = [&](size_t i) {
    const auto make = [&font = *fonts[i]]() -> std::shared_ptr<const FontObjects> {
      auto made = std::make_shared<FontObjects>();
      made->error = make_objects(font, *made);
      return made;
    };
    if (!keys[i].empty())
      objects[i] = memo.get(keys[i], [&]() -> std::shared_ptr<const FontObjects> {
        auto made = make();
        return made->error.empty() ? made : nullptr;
      });
    if (!objects[i]) objects[i] = make();  // its failure, reported as an uncached call would
    if (last_read[i]) fonts[i]->program.release_pages();
  };
  // Subsetting and deflating is most of the PDF's end in a cold build (a
  // brochure's six faces, 24 M instructions): the faces are independent,
  // so two are made at a time when the memo holds neither.
  size_t to_make = 0;
  for (const std::string& key : keys) to_make += key.empty() || !memo.holds(key) ? 1 : 0;
  for_each_on_two_threads(fonts.size(), to_make >= 2, make_one);
  for (size_t i = 0; i < fonts.size(); ++i) {
    Used& used = *fonts[i];
    const FontObjects& made = *objects[i];
    const SourceLoc at = used.loc.file.empty() ? SourceLoc{used.path, 0, 0} : used.loc;
    if (!made.error.empty()) {
      diags.error(at, "font '" + used.path + "': " + made.error);
      return false;
    }
    auto file = writer.add(made.file, {}, made.program);
    auto desc = file ? writer.add(made.descriptor, {*file}) : std::nullopt;
    auto cid = desc ? writer.add(made.cid, {*desc}) : std::nullopt;
    auto cmap = cid ? writer.add(made.cmap, {}, made.cmap_bytes) : std::nullopt;
    if (cmap && !used.ref) used.ref = writer.reserve();
    if (!cmap || !used.ref || !writer.put(*used.ref, made.type0, {*cid, *cmap})) {
      diags.error(at, "font '" + used.path + "': cannot write font objects: " + writer.error());
      return false;
    }
  }
  return true;
}

std::string DocumentFonts::make_objects(const Used& used, FontObjects& out) {
  const FontMetrics& m = used.program.metrics();
  auto program = subset_program(used.program, used.file, used.gids);
  if (!program) return "subsetting failed";
  const std::string base = subset_tag(m.postscript_name, used.gids) + "+" + m.postscript_name;
  Dict file_dict;
  if (m.cff) file_dict.set("Subtype", Name{"OpenType"});
  else file_dict.set("Length1", Value(static_cast<int64_t>(program->length)));
  out.file = hpdf::serialise(file_dict, hpdf::Compress::Deflated);
  out.program = std::shared_ptr<const std::string>(program, &program->deflated);
  // Ref{0}, Ref{1}: the holes Writer::add() fills with the objects given.
  Dict descriptor;
  descriptor.set("Type", Name{"FontDescriptor"})
      .set("FontName", Name{base})
      .set("Flags", m.flags)
      .set("FontBBox", Array{{m.bbox[0], m.bbox[1], m.bbox[2], m.bbox[3]}})
      .set("ItalicAngle", m.italic_angle)
      .set("Ascent", m.ascent)
      .set("Descent", m.descent)
      .set("CapHeight", m.cap_height)
      .set("StemV", m.stem_v)
      .set(m.cff ? "FontFile3" : "FontFile2", Ref{0});
  out.descriptor = hpdf::serialise(descriptor);
  Dict cid;
  cid.set("Type", Name{"Font"})
      .set("Subtype", Name{m.cff ? "CIDFontType0" : "CIDFontType2"})
      .set("BaseFont", Name{base})
      .set("CIDSystemInfo", Dict{}.set("Registry", String{"Adobe"})
                                .set("Ordering", String{"Identity"})
                                .set("Supplement", 0))
      .set("DW", used.program.width(0))
      .set("W", widths(used.program, used.gids))
      .set("FontDescriptor", Ref{0});
  if (!m.cff) cid.set("CIDToGIDMap", Name{"Identity"});
  out.cid = hpdf::serialise(cid);
  auto cmap_bytes = deflated_cmap(tounicode_cmap(used.text.entries()));
  if (!cmap_bytes) return "cannot write font objects: cannot deflate its CMap";
  out.cmap = hpdf::serialise(Dict{}, hpdf::Compress::Deflated);
  out.cmap_bytes = std::shared_ptr<const std::string>(cmap_bytes, &cmap_bytes->data);
  Dict type0;
  type0.set("Type", Name{"Font"})
      .set("Subtype", Name{"Type0"})
      .set("BaseFont", Name{m.cff ? base + "-Identity-H" : base})
      .set("Encoding", Name{"Identity-H"})
      .set("DescendantFonts", Array{{Ref{0}}})
      .set("ToUnicode", Ref{1});
  out.type0 = hpdf::serialise(type0);
  if (!out.file || !out.descriptor || !out.cid || !out.cmap || !out.type0)
    return "cannot write font objects: libharu refused them";
  return "";
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
  static_assert(kUnseen == -1, "RunFont::known_widths marks a width not learnt with -1");
  rf.known_widths = &used->widths;
  rf.text = &it->second.text;
  return rf;
}

}  // namespace galley::pdf
