#include "cli/head_start.h"

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "pdf/ahead.h"

namespace galley::cli {
namespace {

// The images the descriptors name, each once: the masters' in sequence
// order, then those of the flows that are not omitted, roughly the order
// the PDF writer meets them in.
std::vector<std::string> image_paths(const model::Document& doc, const model::Layout& layout) {
  std::vector<std::string> paths;
  std::set<std::string> seen;
  auto add = [&](const std::string& path) {
    if (!path.empty() && seen.insert(path).second) paths.push_back(path);
  };
  for (const auto& entry : layout.sequence) {
    auto master = layout.masters.find(entry.master);
    if (master == layout.masters.end()) continue;
    add(master->second.background_image);
    for (const auto& element : master->second.elements)
      if (element.kind == model::Element::Kind::Image) add(element.src);
  }
  const auto& omitted = layout.omit_flows;
  for (const auto& flow : doc.flows) {
    if (std::find(omitted.begin(), omitted.end(), flow.name) != omitted.end()) continue;
    for (const auto& block : flow.blocks)
      if (block.kind == model::BlockKind::Image) add(block.src);
  }
  return paths;
}

}  // namespace

std::jthread start_head_start(const model::Document& doc, const model::Layout& layout) {
  const layout::OutputIntent intent{layout.output.standard, layout.output.icc_profile,
                                    layout.output.condition};
  return std::jthread([images = image_paths(doc, layout), intent] { pdf::prepare_ahead(images, intent); });
}

}  // namespace galley::cli
