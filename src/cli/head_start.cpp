#include "detail/head_start.h"

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "image/image.h"
#include "pdf/pdf.h"
#include "resolve/resolve.h"

namespace galley::cli {
namespace {

struct NamedImage {
  std::string path;
  SourceLoc loc;  // where a descriptor names it first
  int page = 1;   // a PDF's page, there
};

// A resolved flow holds every block itself.
template <class F>
void for_each_file_block(const resolve::Flow& flow, F&& f) {
  for (const resolve::Block& b : flow.blocks) f(b);
}
using model::for_each_file_block;

// Where an image block's file and page are.
const model::Block& image_fields(const model::Block& b) { return b; }
const resolve::Figure& image_fields(const resolve::Block& b) { return *b.figure; }

// The images the descriptors name, each once: the masters' in sequence
// order, then those of the flows that are not omitted, roughly the order
// the PDF writer meets them in. `Doc` is the model or the resolved
// document: their flows' image blocks are alike.
template <typename Doc>
std::vector<NamedImage> named_images(const Doc& doc, const model::Layout& layout) {
  std::vector<NamedImage> images;
  std::set<std::string> seen;
  auto add = [&](const std::string& path, const SourceLoc& loc, int page) {
    if (!path.empty() && seen.insert(path).second) images.push_back({path, loc, page});
  };
  for (const auto& entry : layout.sequence) {
    auto master = layout.masters.find(entry.master);
    if (master == layout.masters.end()) continue;
    add(master->second.background_image, master->second.loc, 1);
    for (const auto& element : master->second.elements)
      if (element.kind == model::Element::Kind::Image) add(element.src, element.loc, element.page);
  }
  const auto& omitted = layout.omit_flows;
  for (const auto& flow : doc.flows) {
    if (std::find(omitted.begin(), omitted.end(), flow.name) != omitted.end()) continue;
    for_each_file_block(flow, [&](const auto& block) {
      if (block.kind != model::BlockKind::Image) return;
      const auto& image = image_fields(block);
      add(image.src, block.loc, image.page);
    });
  }
  return images;
}

// Adds the images inside a resolved document's text to those its
// descriptors name (`images`), each file once.
void add_inline_images(const resolve::StyledDoc& styled, std::vector<NamedImage>& images) {
  std::set<std::string> seen;
  for (const auto& image : images) seen.insert(image.path);
  for (auto& image : styled.inline_images())
    if (seen.insert(image.path).second) images.push_back({std::move(image.path), image.loc});
}

std::vector<std::string> image_paths(const model::Document& doc, const model::Layout& layout) {
  std::vector<std::string> paths;
  for (auto& image : named_images(doc, layout)) paths.push_back(std::move(image.path));
  return paths;
}

std::string mebibytes(uint64_t bytes) { return std::to_string((bytes + (1 << 20) - 1) >> 20) + " MiB"; }

bool within_budget(const std::vector<NamedImage>& images, Diagnostics& diags) {
  uint64_t total = 0;
  for (const auto& image : images) {
    // A header the layout reads again anyway (image::probe keeps it); an
    // unreadable file is reported there, in its place.
    Diagnostics unused;
    const auto info = image::probe(image.path, unused, image.loc);
    if (!info) continue;
    total += image::decoded_bytes(*info);
    if (total > image::kMaxDocumentImageBytes) {
      diags.error(image.loc, "image '" + image.path + "' brings the document's images to " + mebibytes(total) +
                                 " of pixels; the limit is " + mebibytes(image::kMaxDocumentImageBytes));
      return false;
    }
  }
  return true;
}

}  // namespace

bool images_within_budget(const model::Document& doc, const model::Layout& layout, Diagnostics& diags) {
  return within_budget(named_images(doc, layout), diags);
}

bool images_within_budget(const resolve::StyledDoc& styled, const model::Layout& layout, Diagnostics& diags) {
  std::vector<NamedImage> images = named_images(styled, layout);
  const size_t named = images.size();
  add_inline_images(styled, images);
  // Without images inside text, the check of the descriptors said it all.
  return images.size() == named || within_budget(images, diags);
}

void check_image_headers(const model::Document& doc, const model::Layout& layout, Diagnostics& diags) {
  for (const auto& image : named_images(doc, layout)) {
    const auto info = image::probe(image.path, diags, image.loc);
    // A vector graphic's header is the file: its page must be there.
    if (info && (info->format == image::Format::Pdf || info->format == image::Format::Svg))
      image::probe_vector(image.path, image.page, diags, image.loc);
  }
}

std::jthread start_head_start(const model::Document& doc, const model::Layout& layout,
                              std::function<void()> first) {
  const layout::OutputIntent intent{layout.output.standard, layout.output.icc_profile,
                                    layout.output.condition, layout.output.icc_profile_loc};
  const bool pdf_a = !layout.output.pdf_a.empty();
  return std::jthread([first = std::move(first), images = image_paths(doc, layout), intent, pdf_a] {
    if (first) first();
    pdf::prepare_ahead(images, intent, pdf_a);
  });
}

}  // namespace galley::cli
