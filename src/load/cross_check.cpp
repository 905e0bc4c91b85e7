// cross_check: the content's references into the layout, and flows that
// one side names and the other lacks.
#include <algorithm>
#include <set>

#include "load/load.h"
#include "detail/suggest.h"

namespace galley::load {
namespace {

// As Reader::hint: suggestions for the first hundred problems only, so a
// hostile pair of files cannot cost problems × names edit distances.
class Hints {
 public:
  std::string operator()(const std::string& word, const std::vector<std::string>& names) {
    if (left_ <= 0) return {};
    --left_;
    return did_you_mean(word, std::span<const std::string>(names));
  }

 private:
  int left_ = 100;
};

}  // namespace

void cross_check(const model::Document& doc, const model::Layout& layout, Diagnostics& diags) {
  Hints hint;
  std::vector<std::string> styles;
  for (const auto& [name, s] : layout.styles) styles.push_back(name);
  std::set<std::string> content_flows;
  for (const auto& f : doc.flows) content_flows.insert(f.name);
  const std::vector<std::string> flow_names(content_flows.begin(), content_flows.end());

  std::vector<std::string> swatches;
  for (const auto& [name, c] : layout.colors) swatches.push_back(name);
  for (const auto& flow : doc.flows) {
    for (const auto& b : flow.blocks) {
      for (const auto& m : b.recolor) {
        if (m.swatch.empty() || layout.colors.count(m.swatch) || m.swatch == "black" || m.swatch == "white") continue;
        std::string h = hint(m.swatch, swatches);
        diags.error(m.loc, "unknown colour '" + m.swatch.substr(0, 60) + "' for 'recolor'" +
                               (h.empty() ? " (the layout " + layout.path + " defines it under 'colors:')" : h));
      }
    }
  }
  for (const auto& flow : doc.flows) {
    for (const auto& b : flow.blocks) {
      if (b.style.empty() || layout.styles.count(b.style)) continue;
      std::string h = hint(b.style, styles);
      diags.error(b.style_loc, "unknown style '" + b.style.substr(0, 60) + "'" +
                                   (h.empty() ? " (the layout " + layout.path + " does not define it)" : h));
    }
  }

  // Only masters the sequence uses put anything on paper.
  std::set<std::string> placed;
  std::set<std::string> used_masters;
  for (const auto& e : layout.sequence) used_masters.insert(e.master);
  for (const auto& [name, m] : layout.masters) {
    if (!used_masters.count(name)) continue;
    for (const auto& f : m.frames) {
      placed.insert(f.flow);
      if (f.flow.empty() || content_flows.count(f.flow)) continue;
      diags.warning(f.flow_loc, "frame '" + f.name + "' places flow '" + f.flow + "', which " + doc.path +
                                    " does not have; the frame stays empty" + hint(f.flow, flow_names));
    }
  }
  for (const auto& flow : doc.flows) {
    if (placed.count(flow.name) || flow.blocks.empty()) continue;
    if (std::find(layout.omit_flows.begin(), layout.omit_flows.end(), flow.name) != layout.omit_flows.end()) continue;
    diags.warning(flow.loc, "flow '" + flow.name + "' is placed by no frame of " + layout.path +
                                "; its content will not be printed");
  }
}

}  // namespace galley::load
