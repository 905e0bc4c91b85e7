#include "detail/struct_tree.h"

#include <algorithm>
#include <cstdint>
#include <map>

#include "detail/content.h"

namespace galley::pdf {

namespace {

// One of an element's /K items, small: a long report has a hundred
// thousand, held until the element is written.
struct Kid {
  enum Kind : uint8_t { Mcid, Mcr, Element } kind;
  int32_t value;  // the MCID, or the element's Ref id
  int32_t page;   // an MCR's page
};

struct Node {
  std::optional<Ref> ref;
  std::vector<Kid> kids;  // marked content references, then child elements
  int page = -1;          // the page of its first MCID (its /Pg)
};

Array kid_array(const std::vector<Kid>& kids, const std::vector<Ref>& pages) {
  Array a;
  a.items.reserve(kids.size());
  for (const Kid& k : kids) {
    if (k.kind == Kid::Mcid)
      a.items.emplace_back(static_cast<int64_t>(k.value));
    else if (k.kind == Kid::Element)
      a.items.emplace_back(Ref{k.value});
    else
      a.items.emplace_back(Dict{}
                               .set("Type", Name{"MCR"})
                               .set("Pg", pages[static_cast<size_t>(k.page)])
                               .set("MCID", static_cast<int64_t>(k.value)));
  }
  return a;
}

Kid element_kid(Ref r) { return Kid{Kid::Element, r.id, -1}; }

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
  std::vector<std::vector<Ref>> owners_of;  // by page
  for (size_t p = 0; p < tags.size() && p < pages.size(); ++p) {
    std::vector<Ref>& owners = owners_of.emplace_back();
    const auto& mcids = tags[p].mcid_element;
    const auto& in_link = tags[p].mcid_link;
    for (size_t mcid = 0; mcid < mcids.size(); ++mcid) {
      const auto e = static_cast<size_t>(mcids[mcid]);
      auto link = mcid < in_link.size() && in_link[mcid] >= 0
                      ? annotation_of.find({p, static_cast<size_t>(in_link[mcid])})
                      : annotation_of.end();
      if (link != annotation_of.end() && !linked[link->second]) {
        // The Link stands where its words begin, among its parent's content.
        nodes[e].kids.push_back(element_kid(*link_nodes[link->second].ref));
        linked[link->second] = true;
        link_parent[link->second] = static_cast<int64_t>(e);
      }
      Node& n = link != annotation_of.end() ? link_nodes[link->second] : nodes[e];
      if (n.page < 0) n.page = static_cast<int>(p);
      n.kids.push_back(Kid{n.page == static_cast<int>(p) ? Kid::Mcid : Kid::Mcr, static_cast<int32_t>(mcid),
                           static_cast<int32_t>(p)});
      owners.push_back(*n.ref);
    }
  }

  // Child elements after their parent's content, in list order; a link is
  // a Link element in the element its words belong to.
  std::vector<Kid> top;
  for (size_t e = 0; e < elements.size(); ++e) {
    const int32_t parent = elements[e].parent;
    (parent >= 0 && static_cast<size_t>(parent) < nodes.size() ? nodes[static_cast<size_t>(parent)].kids : top)
        .push_back(element_kid(*nodes[e].ref));
  }
  std::vector<Ref> link_owners;  // the parent tree's entry of each link
  for (size_t k = 0; k < links.size(); ++k) {
    const LinkAnnotation& a = links[k];
    const int64_t owner = linked[k] ? link_parent[k] : a.link->element;
    const bool inside = owner >= 0 && static_cast<size_t>(owner) < nodes.size();
    const Ref holder = inside ? *nodes[static_cast<size_t>(owner)].ref : *document;
    Dict d;
    Node& n = link_nodes[k];
    Array kids = kid_array(n.kids, pages);
    std::vector<Kid>().swap(n.kids);
    kids.items.push_back(Dict{}.set("Type", Name{"OBJR"}).set("Obj", a.ref).set("Pg", pages[a.page]));
    d.set("Type", Name{"StructElem"})
        .set("S", Name{"Link"})
        .set("P", holder)
        .set("Pg", pages[a.page])
        .set("K", std::move(kids));
    if (!a.link->text.empty()) d.set("Alt", text_string(a.link->text));
    if (!w.extend_when_written(*n.ref, std::move(d))) return false;
    if (!linked[k]) (inside ? nodes[static_cast<size_t>(owner)].kids : top).push_back(element_kid(*n.ref));
    link_owners.push_back(*n.ref);
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
    if (!n.kids.empty()) d.set("K", kid_array(n.kids, pages));
    std::vector<Kid>().swap(n.kids);
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
  if (!top.empty()) doc.set("K", kid_array(top, pages));
  const int64_t next_key = static_cast<int64_t>(pages.size() + links.size());
  Array nums;
  for (size_t p = 0; p < owners_of.size(); ++p) {
    nums.items.push_back(static_cast<int64_t>(p));
    Array owners;
    owners.items.assign(owners_of[p].begin(), owners_of[p].end());
    std::vector<Ref>().swap(owners_of[p]);
    nums.items.push_back(std::move(owners));
  }
  for (size_t k = 0; k < link_owners.size(); ++k) {
    nums.items.push_back(static_cast<int64_t>(pages.size() + k));
    nums.items.push_back(link_owners[k]);
  }
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
  return w.extend_when_written(*document, std::move(doc)) && w.extend_when_written(*root, std::move(tree)) &&
         w.set_catalog("StructTreeRoot", *root) &&
         w.set_catalog("MarkInfo", Dict{}.set("Marked", true)) &&
         w.set_catalog("ViewerPreferences", Dict{}.set("DisplayDocTitle", true));
}

}  // namespace galley::pdf
