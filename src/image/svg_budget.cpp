// How many elements an SVG draws, `<use>` references expanded, counted
// from its tags before librsvg sees it: ten levels of ten `<use>` each are
// a small file that librsvg walks for ten seconds before its own limit
// stops it. The scan is tolerant (a malformed file is librsvg's to report)
// and never recursive (nesting depth is the file's to choose).
#include <algorithm>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "detail/vector.h"

namespace galley::image::detail {
namespace {

struct Element {
  std::vector<int> children;
  std::string ref;  // a <use>'s target id
};

// The value of attribute `name` in the tag text `attrs`, or empty.
std::string_view attribute(std::string_view attrs, std::string_view name) {
  for (size_t at = 0; (at = attrs.find(name, at)) != std::string_view::npos; at += name.size()) {
    const bool starts = at == 0 || attrs[at - 1] == ' ' || attrs[at - 1] == '\t' || attrs[at - 1] == '\n' ||
                        attrs[at - 1] == '\r' || attrs[at - 1] == ':';
    size_t p = at + name.size();
    while (p < attrs.size() && (attrs[p] == ' ' || attrs[p] == '\t' || attrs[p] == '\n' || attrs[p] == '\r')) ++p;
    if (!starts || p >= attrs.size() || attrs[p] != '=') continue;
    ++p;
    while (p < attrs.size() && (attrs[p] == ' ' || attrs[p] == '\t' || attrs[p] == '\n' || attrs[p] == '\r')) ++p;
    if (p >= attrs.size() || (attrs[p] != '"' && attrs[p] != '\'')) continue;
    const size_t end = attrs.find(attrs[p], p + 1);
    if (end == std::string_view::npos) return {};
    return attrs.substr(p + 1, end - p - 1);
  }
  return {};
}

}  // namespace

uint64_t svg_drawn_elements(std::string_view svg) {
  std::vector<Element> elements{Element{}};  // 0: the document
  std::unordered_map<std::string, int> ids;
  std::vector<int> open{0};
  for (size_t at = 0; (at = svg.find('<', at)) != std::string_view::npos;) {
    auto skip = [&](std::string_view start, std::string_view end) {
      if (svg.compare(at, start.size(), start) != 0) return false;
      const size_t e = svg.find(end, at + start.size());
      at = e == std::string_view::npos ? svg.size() : e + end.size();
      return true;
    };
    if (skip("<!--", "-->") || skip("<![CDATA[", "]]>") || skip("<?", "?>") || skip("<!", ">")) continue;
    // A tag ends at the first '>' outside quotes.
    size_t end = at + 1;
    for (char quote = 0; end < svg.size() && (quote || svg[end] != '>'); ++end)
      if (svg[end] == '"' || svg[end] == '\'') quote = quote == svg[end] ? 0 : quote ? quote : svg[end];
    if (end >= svg.size()) break;
    const std::string_view tag = svg.substr(at + 1, end - at - 1);
    at = end + 1;
    if (!tag.empty() && tag[0] == '/') {
      if (open.size() > 1) open.pop_back();
      continue;
    }
    size_t name_end = 0;
    while (name_end < tag.size() && tag[name_end] != ' ' && tag[name_end] != '\t' && tag[name_end] != '\n' &&
           tag[name_end] != '\r' && tag[name_end] != '/')
      ++name_end;
    std::string_view name = tag.substr(0, name_end);
    if (const size_t colon = name.rfind(':'); colon != std::string_view::npos) name.remove_prefix(colon + 1);
    const std::string_view attrs = tag.substr(name_end);
    const int index = static_cast<int>(elements.size());
    if (elements.size() > kMaxSvgElements) return elements.size();  // over without references
    elements.emplace_back();
    elements[static_cast<size_t>(open.back())].children.push_back(index);
    if (const auto id = attribute(attrs, "id"); !id.empty()) ids.emplace(std::string(id), index);
    if (name == "use") {
      const auto href = attribute(attrs, "href");
      if (href.size() > 1 && href[0] == '#') elements.back().ref = std::string(href.substr(1));
    }
    if (tag.back() != '/') open.push_back(index);
  }
  // drawn(e) = 1 + drawn(children) + drawn(target of a <use>), by an
  // explicit post-order walk; a reference cycle (librsvg's error) adds 0.
  constexpr uint64_t kSaturated = uint64_t{1} << 40;
  std::vector<uint64_t> drawn(elements.size(), 0);
  std::vector<char> state(elements.size(), 0);  // 0 new, 1 open, 2 done
  auto target = [&](size_t e) -> int {
    if (elements[e].ref.empty()) return -1;
    auto it = ids.find(elements[e].ref);
    return it == ids.end() ? -1 : it->second;
  };
  std::vector<size_t> stack{0};
  while (!stack.empty()) {
    const size_t e = stack.back();
    if (state[e] == 0) {
      state[e] = 1;
      for (int c : elements[e].children)
        if (state[static_cast<size_t>(c)] == 0) stack.push_back(static_cast<size_t>(c));
      if (int t = target(e); t >= 0 && state[static_cast<size_t>(t)] == 0) stack.push_back(static_cast<size_t>(t));
      continue;
    }
    stack.pop_back();
    if (state[e] == 2) continue;
    uint64_t n = e == 0 ? 0 : 1;
    for (int c : elements[e].children) n += state[static_cast<size_t>(c)] == 2 ? drawn[static_cast<size_t>(c)] : 0;
    if (int t = target(e); t >= 0 && state[static_cast<size_t>(t)] == 2) n += drawn[static_cast<size_t>(t)];
    drawn[e] = std::min(n, kSaturated);
    state[e] = 2;
  }
  return drawn[0];
}

}  // namespace galley::image::detail
