#include "detail/write.h"

#include <cstdlib>

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

std::optional<std::string> failed(hpdf::Writer& w, Diagnostics& diags) {
  if (!w.error().empty()) diags.error({}, "cannot write PDF: " + w.error());
  return std::nullopt;
}

// `drawing(p)` hands over page p's items: a reference into a list the
// caller keeps, or, from a list the writer owns, the items themselves, which
// are then freed at the end of the page's loop iteration.
template <class Drawing>
std::optional<std::string> write(const layout::DisplayList& list, Drawing drawing, Diagnostics& diags) {
  const int errors_before = diags.error_count();
  if (list.pages.empty()) {
    diags.error({}, "the document has no pages");
    return std::nullopt;
  }
  const bool pdfx = list.intent.standard == "PDF/X-4";
  if (!list.intent.standard.empty() && !pdfx) {
    diags.error({}, "unsupported output standard '" + list.intent.standard + "' (galley writes PDF/X-4)");
    return std::nullopt;
  }
  DocumentFonts fonts;
  if (!fonts.prepare(list, diags)) return std::nullopt;
  hpdf::Writer w;
  if (!w.ok()) return failed(w, diags);
  if (!fonts.embed(w, diags)) return failed(w, diags);

  DocumentImages images;
  DocumentGraphics graphics;
  PageShared shared;
  shared.graphics = &graphics;
  shared.writer = &w;
  shared.fonts = &fonts;
  shared.images = &images;
  shared.crop_marks = list.crop_marks;
  shared.registration_marks = list.registration_marks;
  if (list.tagged) shared.structure = &list.structure;
  const bool pdfa = !list.pdf_a.empty();
  if (pdfx || pdfa) {
    shared.default_rgb = write_srgb_space(w);
    if (!shared.default_rgb) return failed(w, diags);
  }
  std::vector<Ref> page_refs;
  std::vector<PageResult> tags;  // tagged: each page's MCIDs (its content dropped)
  std::string all_content;
  bool warned_marks = false;
  for (size_t p = 0; p < list.pages.size(); ++p) {
    decltype(auto) items = drawing(p);
    auto result = write_page(shared, list.pages[p], items, diags);
    if (!result) return failed(w, diags);
    if (result->marks_dropped && !warned_marks) {
      diags.warning({}, "crop or registration marks asked for, but the slug is too small for them");
      warned_marks = true;
    }
    auto ref = w.page_ref(result->index);
    if (!ref) return failed(w, diags);
    page_refs.push_back(*ref);
    // Only the fallback for a missing source hash reads it; a long
    // document's content would otherwise be held twice.
    if (list.source_hash.empty()) all_content += result->content;
    if (list.tagged) {
      std::string().swap(result->content);
      tags.push_back(std::move(*result));
    }
  }
  std::vector<LinkAnnotation> annotations;
  if (!write_navigation(w, list, page_refs, diags, list.tagged ? &annotations : nullptr))
    return failed(w, diags);
  if (list.tagged && !write_struct_tree(w, list, page_refs, tags, annotations)) return failed(w, diags);

  const auto date = document_date(list.meta, std::getenv("SOURCE_DATE_EPOCH"), diags);
  if (pdfx && !date)
    diags.warning({}, "PDF/X-4 needs creation and modification dates: set meta.date or "
                      "SOURCE_DATE_EPOCH");
  if (pdfx && list.meta.title.empty())
    diags.warning({}, "PDF/X-4 needs a document title: set meta.title");
  const std::string id = document_id(list.source_hash, all_content);
  auto xmp = w.add_stream(Dict{}.set("Type", Name{"Metadata"}).set("Subtype", Name{"XML"}),
                          xmp_packet(list.meta, date, id, pdfx, list.pdf_ua, list.pdf_a),
                          hpdf::Compress::None);
  if (!xmp || !w.set_catalog("Metadata", *xmp) || !w.set_info(info_dict(list.meta, date, pdfx)) ||
      !w.set_trailer("ID", Array{{String{id}, String{id}}}))
    return failed(w, diags);
  if (!list.meta.language.empty() && !w.set_catalog("Lang", text_string(list.meta.language)))
    return failed(w, diags);
  if ((pdfx || pdfa) && !write_output_intent(w, list.intent, diags, pdfx, pdfa)) return failed(w, diags);
  if (!w.set_version(kPdfMinorVersion)) return failed(w, diags);
  if (diags.error_count() > errors_before) return std::nullopt;
  auto bytes = w.save();
  if (!bytes) return failed(w, diags);
  return bytes;
}

}  // namespace

std::optional<std::string> write_pdf(const layout::DisplayList& list, Diagnostics& diags) {
  return write(list, [&list](size_t p) -> const std::vector<layout::Item>& { return list.pages[p].items; }, diags);
}

std::optional<std::string> write_pdf(layout::DisplayList&& list, Diagnostics& diags) {
  layout::DisplayList owned = std::move(list);
  // The fonts read every page's items before the first is taken; nothing
  // after the page writer reads them.
  return write(owned, [&owned](size_t p) { return std::move(owned.pages[p].items); }, diags);
}

}  // namespace galley::pdf
