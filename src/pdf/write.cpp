#include "detail/write.h"

#include <algorithm>
#include <cstdlib>

#include "detail/content_deflater.h"
#include "detail/font_objects.h"
#include "detail/hpdf_objects.h"
#include "detail/image_objects.h"
#include "detail/metadata.h"
#include "detail/navigation.h"
#include "detail/output_intent.h"
#include "detail/page_writer.h"
#include "detail/struct_tree.h"

namespace galley::pdf {
namespace {

// PDF 1.6: /ActualText, soft masks, OpenType font programs, PDF/X-4.
constexpr int kPdfMinorVersion = 6;

// The two FNV-1a states document_id() starts from, carried over the pages'
// deflated contents as they are written (the /ID of a list without a
// source hash).
constexpr uint64_t kIdSeeds[2] = {1469598103934665603ull, 0x9E3779B97F4A7C15ull};

}  // namespace

struct PdfStream::State {
  explicit State(Diagnostics& d) : diags(d), errors_before(d.error_count()) {}
  // A stream given up before prepare() (a page that failed) still reports
  // its pictures' checks, where their pages asked for them.
  ~State() { images.embed(w, diags); }
  Diagnostics& diags;
  const int errors_before;
  bool started = false, failed = false;
  bool pdfx = false;
  DocumentFonts fonts;
  hpdf::Writer w;
  DocumentImages images;
  DocumentGraphics graphics;
  PageShared shared;
  std::vector<Ref> page_refs;
  StructRoles roles;  // tagged: of list.structure, or given by add_roles()
  std::vector<PageResult> tags;  // tagged: each page's MCIDs (its content dropped)
  uint64_t content_hash[2] = {kIdSeeds[0], kIdSeeds[1]};
  bool hash_contents = true;  // false: the /ID comes from the list's source hash
  bool warned_marks = false;
  // deflate_behind(): the last page painted, its content being deflated.
  struct Pending {
    PageResult result;
    bool tagged = false;
    std::string ops;  // what the deflater reads
  };
  std::optional<Pending> pending;
  std::unique_ptr<ContentDeflater> behind;  // last: its thread ends first

  // A page whose content is deflated: into the /ID's hash and the file.
  bool written(PageResult&& result, bool tagged) {
    // The deflated bytes, a tenth of the operators: the content hash is the
    // /ID only of a list without a source hash, which a streamed list gets
    // only at the end, and hashing every byte of every page's operators cost
    // a warm handout request 4 %.
    hash(w.content(result.index));
    // Into the file now: a long document's content is not held for the end.
    if (!w.send(result.index)) {
      if (!w.output_refused()) return fail();
      failed = true;  // its owner reports why
      return false;
    }
    if (tagged) {
      // Held until the end, a long report's million MCIDs: without the
      // room their vectors grew into, nor links on a page that has none.
      std::string().swap(result.content);
      if (std::all_of(result.mcid_link.begin(), result.mcid_link.end(), [](int32_t l) { return l < 0; }))
        std::vector<int32_t>().swap(result.mcid_link);
      result.mcid_link.shrink_to_fit();
      result.mcid_element.shrink_to_fit();
      tags.push_back(std::move(result));
    }
    return true;
  }

  // The pending page's bytes back from the deflater, and written. Nothing
  // but send() writes into the file before the end, so a page sent after
  // the next one is painted lands where it would have.
  bool settle() {
    if (!pending) return true;
    auto bytes = behind->take();  // before its operators go
    Pending p = std::move(*pending);
    pending.reset();
    if (!w.give_content(p.result.index, std::move(bytes))) return fail();
    return written(std::move(p.result), p.tagged);
  }

  bool fail() {
    if (!w.error().empty()) diags.error({}, "cannot write PDF: " + w.error());
    failed = true;
    return false;
  }

  bool start(const layout::DisplayList& list) {
    started = true;
    pdfx = list.intent.standard == "PDF/X-4";
    if (!list.intent.standard.empty() && !pdfx) {
      diags.error({}, "unsupported output standard '" + list.intent.standard + "' (galley writes PDF/X-4)");
      failed = true;
      return false;
    }
    // Set before any page: pages are written ahead with the header.
    if (!w.ok() || !w.set_version(kPdfMinorVersion)) return fail();
    shared.graphics = &graphics;
    shared.writer = &w;
    shared.fonts = &fonts;
    shared.images = &images;
    shared.crop_marks = list.crop_marks;
    shared.registration_marks = list.registration_marks;
    if (pdfx || !list.pdf_a.empty()) {
      shared.default_rgb = write_srgb_space(w);
      if (!shared.default_rgb) return fail();
    }
    return true;
  }

  std::optional<std::string> give_up() {
    fail();
    return std::nullopt;
  }

  void hash(std::string_view content) {
    if (!hash_contents) return;
    for (int k = 0; k < 2; ++k)
      for (unsigned char c : content) content_hash[k] = (content_hash[k] ^ c) * 1099511628211ull;
  }
};

PdfStream::PdfStream(Diagnostics& diags) : s_(std::make_unique<State>(diags)) {}

bool PdfStream::write_into(std::function<bool(std::string_view)> to) {
  if (s_->w.write_ahead_into(std::move(to))) return true;
  return s_->fail();
}
PdfStream::~PdfStream() = default;

bool PdfStream::page(const layout::DisplayList& list, size_t p, const std::vector<layout::Item>& items) {
  State& s = *s_;
  if (s.failed || (!s.started && !s.start(list))) return false;
  if (p != s.page_refs.size() || p >= list.pages.size()) {
    s.diags.error({}, "cannot write PDF: page " + std::to_string(p + 1) + " out of order");
    s.failed = true;
    return false;
  }
  // The fonts learn the page's glyphs (widths, and the text each stands
  // for) before it is drawn.
  if (!s.fonts.learn(list, items, s.diags)) {
    s.failed = true;
    return false;
  }
  for (size_t e = s.roles.size(); e < list.structure_base + list.structure.size(); ++e)
    if (e < list.structure_base || !s.roles.add(list.structure[e - list.structure_base].role)) {
      s.diags.error({}, "cannot write PDF: too many structure roles");
      s.failed = true;
      return false;
    }
  s.shared.structure = list.tagged ? &s.roles : nullptr;
  auto result = write_page(s.shared, list.pages[p], items, s.diags);
  if (!result || (!s.behind && !s.w.finish_content(result->index))) return s.fail();
  if (result->marks_dropped && !s.warned_marks) {
    s.diags.warning({}, "crop or registration marks asked for, but the slug is too small for them");
    s.warned_marks = true;
  }
  auto ref = s.w.page_ref(result->index);
  if (!ref) return s.fail();
  s.page_refs.push_back(*ref);
  if (!s.behind) return s.written(std::move(*result), list.tagged);
  auto ops = s.w.take_content(result->index);
  if (!ops) return s.fail();
  if (!s.settle()) return false;
  s.pending = State::Pending{std::move(*result), list.tagged, std::move(*ops)};
  s.behind->start(s.pending->ops);
  return true;
}

void PdfStream::id_from_source_hash() { s_->hash_contents = false; }

void PdfStream::deflate_behind() {
  if (s_->behind) return;
  s_->behind = std::make_unique<ContentDeflater>();
  if (!s_->behind->running()) s_->behind.reset();
}

bool PdfStream::add_roles(const std::vector<std::string>& roles) {
  State& s = *s_;
  for (const std::string& role : roles)
    if (!s.roles.add(role)) {
      s.diags.error({}, "cannot write PDF: too many structure roles");
      s.failed = true;
      return false;
    }
  return true;
}

bool PdfStream::under(const layout::DisplayList& list, size_t p, const std::vector<layout::Item>& items) {
  State& s = *s_;
  if (s.failed || !s.settle()) return false;
  if (p >= s.page_refs.size()) {
    s.diags.error({}, "cannot write PDF: page " + std::to_string(p + 1) + " is not written yet");
    s.failed = true;
    return false;
  }
  if (!s.fonts.learn(list, items, s.diags)) {
    s.failed = true;
    return false;
  }
  auto ops = write_layer(s.shared, list.pages[p], static_cast<int>(p), items, s.diags);
  if (!ops || !s.w.prepend_content(static_cast<int>(p), *ops)) return s.fail();
  s.hash(*ops);
  return true;
}

bool PdfStream::objects(const layout::DisplayList& list, const std::vector<int32_t>& renumber) {
  State& s = *s_;
  Diagnostics& diags = s.diags;
  if (list.pages.empty()) {
    diags.error({}, "the document has no pages");
    return false;
  }
  if (s.failed || !s.settle()) return false;
  if (s.page_refs.size() != list.pages.size()) {
    diags.error({}, "cannot write PDF: " + std::to_string(list.pages.size() - s.page_refs.size()) +
                        " pages were not written");
    return false;
  }
  hpdf::Writer& w = s.w;
  if (!s.fonts.embed(w, diags)) return s.fail();
  if (!renumber.empty()) {
    const auto to = [&renumber](int32_t e) {
      return e >= 0 && static_cast<size_t>(e) < renumber.size() ? renumber[static_cast<size_t>(e)] : e;
    };
    for (PageResult& t : s.tags) {
      for (int32_t& e : t.mcid_element) e = to(e);
      std::map<int32_t, std::array<double, 4>> boxes;
      for (const auto& [e, box] : t.figure_box) boxes.emplace(to(e), box);
      t.figure_box = std::move(boxes);
    }
  }
  std::vector<LinkAnnotation> annotations;
  if (!write_navigation(w, list, s.page_refs, diags, list.tagged ? &annotations : nullptr))
    return s.fail();
  if (list.tagged && !write_struct_tree(w, list, s.page_refs, s.tags, annotations)) {
    if (w.ok()) diags.error({}, "cannot write PDF: a page's marked content names no structure element");
    return s.fail();
  }

  const bool pdfx = s.pdfx, pdfa = !list.pdf_a.empty();
  const auto date = document_date(list.meta, std::getenv("SOURCE_DATE_EPOCH"), diags);
  if (pdfx && !date)
    diags.warning({}, "PDF/X-4 needs creation and modification dates: set meta.date or "
                      "SOURCE_DATE_EPOCH");
  if (pdfx && list.meta.title.empty())
    diags.warning({}, "PDF/X-4 needs a document title: set meta.title");
  if (!s.hash_contents && list.source_hash.empty()) {
    diags.error({}, "cannot write PDF: the document has no source hash for its /ID");
    return s.fail();
  }
  const std::string id = list.source_hash.empty() ? document_id(s.content_hash[0], s.content_hash[1])
                                                  : document_id(list.source_hash);
  auto xmp = w.add_stream(Dict{}.set("Type", Name{"Metadata"}).set("Subtype", Name{"XML"}),
                          xmp_packet(list.meta, date, id, pdfx, list.pdf_ua, list.pdf_a),
                          hpdf::Compress::None);
  if (!xmp || !w.set_catalog("Metadata", *xmp) || !w.set_info(info_dict(list.meta, date, pdfx)) ||
      !w.set_trailer("ID", Array{{String{id}, String{id}}}))
    return s.fail();
  if (!list.meta.language.empty() && !w.set_catalog("Lang", text_string(list.meta.language)))
    return s.fail();
  return !(pdfx || pdfa) || write_output_intent(w, list.intent, diags, pdfx, pdfa) || s.fail();
}

bool PdfStream::prepare(const layout::DisplayList& list, const std::vector<int32_t>& renumber) {
  State& s = *s_;
  const bool made = objects(list, renumber);
  // Last, and however the objects went: the pictures' checks, on the head
  // start's thread, have had the whole document to finish, so the pages
  // never waited for them.
  s.images.embed(s.w, s.diags);
  if (!made) return false;
  if (!s.w.ok()) return s.fail();
  return s.diags.error_count() == s.errors_before;
}

std::optional<std::string> PdfStream::finish(const layout::DisplayList& list, const std::vector<int32_t>& renumber) {
  if (!prepare(list, renumber)) return std::nullopt;
  auto bytes = s_->w.save();
  if (!bytes) return s_->give_up();
  return bytes;
}

bool PdfStream::finish(const layout::DisplayList& list, const std::vector<int32_t>& renumber,
                       const std::function<bool(std::string_view)>& to) {
  if (!prepare(list, renumber)) return false;
  if (s_->w.save(to)) return true;
  if (s_->w.output_refused()) return false;
  s_->fail();
  return false;
}

std::optional<std::string> write_pdf(const layout::DisplayList& list, Diagnostics& diags) {
  PdfStream out(diags);
  for (size_t p = 0; p < list.pages.size(); ++p)
    if (!out.page(list, p, list.pages[p].items)) return std::nullopt;
  return out.finish(list, {});
}

std::optional<std::string> write_pdf(layout::DisplayList&& list, Diagnostics& diags) {
  layout::DisplayList owned = std::move(list);
  PdfStream out(diags);
  for (size_t p = 0; p < owned.pages.size(); ++p) {
    const std::vector<layout::Item> items = std::move(owned.pages[p].items);
    if (!out.page(owned, p, items)) return std::nullopt;
  }
  return out.finish(owned, {});
}

}  // namespace galley::pdf
