#include "detail/navigation.h"

#include <map>

#include "detail/content.h"

namespace galley::pdf {
namespace {

Array xyz(Ref page, double top) {
  return Array{{page, Name{"XYZ"}, Value{}, top, Value{}}};
}

bool is_number(const std::string& s) {
  if (s.empty() || s.size() > 9 || s[0] == '0') return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

bool write_outline(hpdf::Writer& w, const layout::DisplayList& list, const std::vector<Ref>& pages) {
  struct Node {
    Ref ref;
    int parent = -1;  // index into nodes, -1 for the root
    size_t place = 0;  // among its parent's kids
    std::vector<int> kids;
  };
  auto root = w.add_object(Dict{}.set("Type", Name{"Outlines"}));
  if (!root) return false;
  std::vector<Node> nodes;
  std::vector<int> top;  // entries without a parent
  std::vector<std::pair<int, int>> stack;  // (level, node)
  for (const auto& e : list.outline) {
    auto ref = w.add_object(Dict{});
    if (!ref) return false;
    while (!stack.empty() && stack.back().first >= e.level) stack.pop_back();
    const int parent = stack.empty() ? -1 : stack.back().second;
    const size_t place = (parent < 0 ? top : nodes[parent].kids).size();
    nodes.push_back(Node{*ref, parent, place, {}});
    const int me = static_cast<int>(nodes.size() - 1);
    (parent < 0 ? top : nodes[parent].kids).push_back(me);
    stack.emplace_back(e.level, me);
  }
  const auto link_kids = [&](Dict& d, const std::vector<int>& kids) {
    if (kids.empty()) return;
    d.set("First", nodes[kids.front()].ref).set("Last", nodes[kids.back()].ref);
  };
  for (size_t i = 0; i < nodes.size(); ++i) {
    const auto& e = list.outline[i];
    const Node& n = nodes[i];
    const std::vector<int>& siblings = n.parent < 0 ? top : nodes[n.parent].kids;
    const size_t pos = n.place;
    Dict d;
    d.set("Title", text_string(e.title)).set("Parent", n.parent < 0 ? *root : nodes[n.parent].ref);
    if (pos > 0) d.set("Prev", nodes[siblings[pos - 1]].ref);
    if (pos + 1 < siblings.size()) d.set("Next", nodes[siblings[pos + 1]].ref);
    link_kids(d, n.kids);
    if (!n.kids.empty()) d.set("Count", -static_cast<int>(n.kids.size()));  // closed
    if (e.page >= 0 && static_cast<size_t>(e.page) < pages.size())
      d.set("Dest", xyz(pages[e.page], Coords::of(list.pages[e.page]).y(e.y)));
    if (!w.extend_when_written(n.ref, std::move(d))) return false;
  }
  Dict r;
  link_kids(r, top);
  r.set("Count", static_cast<int>(top.size()));
  return w.extend_when_written(*root, std::move(r)) && w.set_catalog("Outlines", *root) &&
         w.set_catalog("PageMode", Name{"UseOutlines"});
}

}  // namespace

Dict page_labels(const std::vector<std::string>& labels) {
  bool any = false;
  for (const auto& l : labels) any = any || !l.empty();
  if (!any) return {};
  Array nums;
  bool prev_numeric = false;
  long prev = 0;
  for (size_t i = 0; i < labels.size(); ++i) {
    const std::string& l = labels[i];
    if (is_number(l)) {
      const long n = std::stol(l);
      if (i > 0 && prev_numeric && n == prev + 1) {
        prev = n;
        continue;
      }
      nums.items.push_back(Value(static_cast<int64_t>(i)));
      nums.items.push_back(Dict{}.set("S", Name{"D"}).set("St", Value(static_cast<int64_t>(n))));
      prev_numeric = true;
      prev = n;
    } else {
      nums.items.push_back(Value(static_cast<int64_t>(i)));
      nums.items.push_back(l.empty() ? Dict{} : Dict{}.set("P", text_string(l)));
      prev_numeric = false;
    }
  }
  return Dict{}.set("Nums", std::move(nums));
}

bool write_navigation(hpdf::Writer& w, const layout::DisplayList& list,
                      const std::vector<Ref>& pages, Diagnostics& diags,
                      std::vector<LinkAnnotation>* annotations) {
  std::map<std::string, Array> dests;  // sorted: name trees must be
  for (size_t p = 0; p < list.pages.size() && p < pages.size(); ++p)
    for (const auto& d : list.pages[p].destinations)
      if (!d.name.empty()) dests.emplace(d.name, xyz(pages[p], Coords::of(list.pages[p]).y(d.y)));
  if (!dests.empty()) {
    Array names;
    for (auto& [name, dest] : dests) {
      names.items.push_back(String{name});
      names.items.push_back(dest);
    }
    if (!w.set_catalog("Names", Dict{}.set("Dests", Dict{}.set("Names", std::move(names)))))
      return false;
  }
  for (size_t p = 0; p < list.pages.size() && p < pages.size(); ++p) {
    const Coords at = Coords::of(list.pages[p]);
    for (const auto& link : list.pages[p].links) {
      Dict a;
      a.set("Type", Name{"Annot"})
          .set("Subtype", Name{"Link"})
          .set("Rect", Array{{at.x(link.x), at.y(link.y + link.h), at.x(link.x + link.w), at.y(link.y)}})
          .set("Border", Array{{0, 0, 0}});
      if (!link.uri.empty()) {
        a.set("A", Dict{}.set("Type", Name{"Action"}).set("S", Name{"URI"}).set("URI", String{link.uri}));
      } else if (dests.count(link.dest)) {
        a.set("Dest", String{link.dest});
      } else {
        diags.warning(link.loc, "link to '" + link.dest + "', which no block has as its id");
        continue;
      }
      if (annotations) {
        const std::string& contents = link.text.empty() ? (link.uri.empty() ? link.dest : link.uri) : link.text;
        // Printable, as PDF/A asks of every annotation.
        a.set("F", 4).set("Contents", text_string(contents))
            .set("StructParent", static_cast<int64_t>(pages.size() + annotations->size()));
      }
      auto ref = w.add_object(a);
      if (!ref || !w.add_annotation(static_cast<int>(p), *ref)) return false;
      if (annotations) annotations->push_back({*ref, p, &link});
    }
  }
  if (!list.outline.empty() && !write_outline(w, list, pages)) return false;
  std::vector<std::string> labels;
  for (const auto& page : list.pages) labels.push_back(page.label);
  Dict labels_dict = page_labels(labels);
  if (!labels_dict.entries.empty() && !w.set_catalog("PageLabels", labels_dict)) return false;
  return true;
}

}  // namespace galley::pdf
