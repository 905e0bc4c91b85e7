#include "detail/struct_tree.h"

#include <algorithm>
#include <map>

#include "detail/content.h"

namespace galley::pdf {

namespace {

struct Node {
  std::optional<Ref> ref;
  Array kids;             // marked content references, then child elements
  int page = -1;          // the page of its first MCID (its /Pg)
};

Value number(double v) { return std::stod(num(v)); }

}  // namespace

bool write_struct_tree(hpdf::Writer& w, const layout::DisplayList& list, const std::vector<Ref>& pages,
                       const std::vector<PageResult>& tags, const std::vector<LinkAnnotation>& links) {
  const auto& elements = list.structure;
  auto root = w.add_object(Dict{}.set("Type", Name{"StructTreeRoot"}));
  auto document = w.add_object(Dict{});
  if (!root || !document) return false;
  std::vector<Node> nodes(elements.size());
  for (Node& n : nodes)
    if (!(n.ref = w.add_object(Dict{}))) return false;
  const auto parent_ref = [&](int32_t parent) {
    return parent >= 0 && static_cast<size_t>(parent) < nodes.size() ? *nodes[static_cast<size_t>(parent)].ref
                                                                     : *document;
  };

  // A Link element per annotation, holding the words of the link (the
  // MCIDs the page writer gave them) and the annotation.
  std::map<std::pair<size_t, size_t>, size_t> annotation_of;  // (page, link index) -> rank
  std::vector<Node> link_nodes(links.size());
  std::vector<bool> linked(links.size(), false);  // placed among its parent's kids
  std::vector<int64_t> link_parent(links.size(), -1);
  for (size_t k = 0; k < links.size(); ++k) {
    const auto& page_links = list.pages[links[k].page].links;
    annotation_of.emplace(std::pair{links[k].page, static_cast<size_t>(links[k].link - page_links.data())}, k);
    if (!(link_nodes[k].ref = w.add_object(Dict{}))) return false;
    link_nodes[k].page = static_cast<int>(links[k].page);
  }

  // Marked content, page by page: the parent tree's array for the page
  // lists the element of each MCID.
  Array nums;
  for (size_t p = 0; p < tags.size() && p < pages.size(); ++p) {
    Array owners;
    const auto& mcids = tags[p].mcid_element;
    const auto& in_link = tags[p].mcid_link;
    for (size_t mcid = 0; mcid < mcids.size(); ++mcid) {
      const auto e = static_cast<size_t>(mcids[mcid]);
      auto link = mcid < in_link.size() && in_link[mcid] >= 0
                      ? annotation_of.find({p, static_cast<size_t>(in_link[mcid])})
                      : annotation_of.end();
      if (link != annotation_of.end() && !linked[link->second]) {
        // The Link stands where its words begin, among its parent's content.
        nodes[e].kids.items.push_back(*link_nodes[link->second].ref);
        linked[link->second] = true;
        link_parent[link->second] = static_cast<int64_t>(e);
      }
      Node& n = link != annotation_of.end() ? link_nodes[link->second] : nodes[e];
      if (n.page < 0) n.page = static_cast<int>(p);
      if (n.page == static_cast<int>(p))
        n.kids.items.push_back(static_cast<int64_t>(mcid));
      else
        n.kids.items.push_back(Dict{}
                                   .set("Type", Name{"MCR"})
                                   .set("Pg", pages[p])
                                   .set("MCID", static_cast<int64_t>(mcid)));
      owners.items.push_back(*n.ref);
    }
    nums.items.push_back(static_cast<int64_t>(p));
    nums.items.push_back(std::move(owners));
  }

  // Child elements after their parent's content, in list order; a link is
  // a Link element in the element its words belong to.
  Array top;
  for (size_t e = 0; e < elements.size(); ++e) {
    const int32_t parent = elements[e].parent;
    (parent >= 0 && static_cast<size_t>(parent) < nodes.size() ? nodes[static_cast<size_t>(parent)].kids : top)
        .items.push_back(*nodes[e].ref);
  }
  for (size_t k = 0; k < links.size(); ++k) {
    const LinkAnnotation& a = links[k];
    const int64_t owner = linked[k] ? link_parent[k] : a.link->element;
    const bool inside = owner >= 0 && static_cast<size_t>(owner) < nodes.size();
    const Ref holder = inside ? *nodes[static_cast<size_t>(owner)].ref : *document;
    Dict d;
    Node& n = link_nodes[k];
    n.kids.items.push_back(Dict{}.set("Type", Name{"OBJR"}).set("Obj", a.ref).set("Pg", pages[a.page]));
    d.set("Type", Name{"StructElem"})
        .set("S", Name{"Link"})
        .set("P", holder)
        .set("Pg", pages[a.page])
        .set("K", std::move(n.kids));
    if (!a.link->text.empty()) d.set("Alt", text_string(a.link->text));
    if (!w.extend_when_written(*n.ref, std::move(d))) return false;
    if (!linked[k]) (inside ? nodes[static_cast<size_t>(owner)].kids : top).items.push_back(*n.ref);
    nums.items.push_back(static_cast<int64_t>(pages.size() + k));
    nums.items.push_back(*n.ref);
  }

  // PDF/UA-1 asks every Note for an element identifier, and ISO 32000 for
  // the IDTree that finds the element by it.
  std::vector<std::pair<std::string, Ref>> ids;
  for (size_t e = 0; e < elements.size(); ++e) {
    const layout::StructElement& el = elements[e];
    Node& n = nodes[e];
    Dict d;
    d.set("Type", Name{"StructElem"}).set("S", Name{el.role}).set("P", parent_ref(el.parent));
    if (el.role == "Note") {
      ids.emplace_back("note-" + std::to_string(e), *n.ref);
      d.set("ID", String{ids.back().first});
    }
    if (n.page >= 0) d.set("Pg", pages[static_cast<size_t>(n.page)]);
    if (!n.kids.items.empty()) d.set("K", std::move(n.kids));
    if (!el.alt.empty()) d.set("Alt", text_string(el.alt));
    if (!el.lang.empty()) d.set("Lang", text_string(el.lang));
    if (!el.scope.empty()) d.set("A", Dict{}.set("O", Name{"Table"}).set("Scope", Name{el.scope}));
    if (el.role == "Figure" && n.page >= 0) {
      const auto& boxes = tags[static_cast<size_t>(n.page)].figure_box;
      if (auto it = boxes.find(static_cast<int32_t>(e)); it != boxes.end()) {
        const auto& b = it->second;
        d.set("A", Dict{}.set("O", Name{"Layout"}).set("BBox", Array{{number(b[0]), number(b[1]), number(b[2]), number(b[3])}}));
      }
    }
    if (!w.extend_when_written(*n.ref, std::move(d))) return false;
  }

  Dict doc;
  doc.set("Type", Name{"StructElem"}).set("S", Name{"Document"}).set("P", *root);
  if (!top.items.empty()) doc.set("K", std::move(top));
  const int64_t next_key = static_cast<int64_t>(pages.size() + links.size());
  Dict tree;
  tree.set("K", *document).set("ParentTree", Dict{}.set("Nums", std::move(nums))).set("ParentTreeNextKey", next_key);
  if (!ids.empty()) {
    std::sort(ids.begin(), ids.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    Array names;
    for (auto& [id, ref] : ids) {
      names.items.push_back(String{std::move(id)});
      names.items.push_back(ref);
    }
    tree.set("IDTree", Dict{}.set("Names", std::move(names)));
  }
  return w.extend(*document, doc) && w.extend(*root, tree) &&
         w.set_catalog("StructTreeRoot", *root) &&
         w.set_catalog("MarkInfo", Dict{}.set("Marked", true)) &&
         w.set_catalog("ViewerPreferences", Dict{}.set("DisplayDocTitle", true));
}

}  // namespace galley::pdf
