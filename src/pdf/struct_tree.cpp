#include "detail/struct_tree.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <functional>
#include <map>

#include "detail/content.h"

namespace galley::pdf {

namespace {

// A run of an element's /K items, held until the element is written: a
// long report has a million MCIDs, nearly all in runs (an element's lines
// on a page), and is kept a few words a run.
struct Kid {
  static constexpr int32_t kMcid = -1, kElement = -2;
  int32_t value;       // the run's first MCID, or the node's index
  int32_t page;        // an MCR's page, or kMcid or kElement
  uint32_t count = 1;  // MCIDs: value, value + 1, ...
};

// Every node's kids in one array (a node's are kids[first[i]..first[i+1])),
// not a vector a node: the nodes are the elements, then a Link element per
// annotation, then the Document.
struct Kids {
  std::vector<uint32_t> first;
  std::vector<Kid> kids;
};

// The tree's shape, from the pages' marked content and the elements'
// parents; written node by node afterwards, each node's object into the
// output at once (hpdf::Writer::begin_ahead), so no node is held as a
// libharu object or as bytes until save().
class Tree {
 public:
  Tree(const layout::DisplayList& list, const std::vector<Ref>& pages, const std::vector<PageResult>& tags,
       const std::vector<LinkAnnotation>& links)
      : list_(list), pages_(pages), tags_(tags), links_(links), elements_(list.structure.size()),
        nodes_(elements_ + links.size() + 1), page_(nodes_, -1), linked_(links.size(), -1) {
    for (size_t k = 0; k < links.size(); ++k) {
      const auto& page_links = list.pages[links[k].page].links;
      annotation_of_.emplace(std::pair{links[k].page, static_cast<size_t>(links[k].link - page_links.data())}, k);
      page_[elements_ + k] = static_cast<int32_t>(links[k].page);
    }
  }

  bool build() {
    // Counted, then placed: the same walk twice.
    std::vector<uint32_t> count(nodes_ + 1, 0);
    if (!walk([&](size_t node, Kid) { ++count[node + 1]; }, [](size_t) {})) return false;
    for (size_t i = 0; i < nodes_; ++i) count[i + 1] += count[i];
    kids_.kids.resize(count[nodes_]);
    kids_.first = count;
    std::fill(page_.begin(), page_.begin() + static_cast<std::ptrdiff_t>(elements_), -1);
    return walk([&](size_t node, Kid k) { kids_.kids[count[node]++] = k; },
                [&](size_t node) { ++kids_.kids[count[node] - 1].count; });
  }

  size_t elements() const { return elements_; }
  size_t document() const { return nodes_ - 1; }
  // The node drawing MCID `mcid` of page p: its element, or the Link its
  // words are in.
  size_t owner(size_t p, size_t mcid) const {
    const auto& mcids = tags_[p].mcid_element;
    const auto& in_link = tags_[p].mcid_link;
    if (mcid < in_link.size() && in_link[mcid] >= 0) {
      const auto link = annotation_of_.find({p, static_cast<size_t>(in_link[mcid])});
      if (link != annotation_of_.end()) return elements_ + link->second;
    }
    return static_cast<size_t>(mcids[mcid]);
  }
  // Where the element of link k stands: the element its words are in, else
  // the one its area was placed in; -1 for the Document.
  int64_t link_owner(size_t k) const {
    const int64_t owner = linked_[k] >= 0 ? linked_[k] : links_[k].link->element;
    return owner >= 0 && static_cast<size_t>(owner) < elements_ ? owner : -1;
  }
  int32_t page(size_t node) const { return page_[node]; }
  // The node's /K: its marked content and Links in page order, then its
  // child elements, then Links placed in it that draw no words; as text,
  // as an Array of Values is written (an element's kids are most of the
  // tree, a Value each as an Array). False for a reference to no object.
  // `last`, when given, is written as the last kid (a Link's OBJR).
  bool kid_text(size_t node, const std::function<Ref(size_t)>& ref, const hpdf::Writer& w, std::string& out,
                const std::string* last = nullptr) const {
    bool referred = true;
    out += "/K [ ";
    char digits[16];
    const auto number = [&](int64_t v) { out.append(digits, static_cast<size_t>(std::to_chars(digits, digits + 16, v).ptr - digits)); };
    for (uint32_t i = kids_.first[node]; i < kids_.first[node + 1]; ++i) {
      const Kid& k = kids_.kids[i];
      for (uint32_t n = 0; n < k.count; ++n) {
        if (k.page == Kid::kMcid) {
          number(k.value + n);
        } else if (k.page == Kid::kElement) {
          referred = w.reference(ref(static_cast<size_t>(k.value)), out) && referred;
        } else {
          out += "<<\012/Type /MCR\012/Pg ";
          referred = w.reference(pages_[static_cast<size_t>(k.page)], out) && referred;
          out += "\012/MCID ";
          number(k.value + n);
          out += "\012>>";
        }
        out.push_back(' ');
      }
    }
    if (last) {
      out += *last;
      out.push_back(' ');
    }
    out += "]\012";
    return referred;
  }
  bool has_kids(size_t node) const { return kids_.first[node + 1] > kids_.first[node]; }
  // The Document's kids are elements only: each one's node.
  template <typename F>
  void each_document_kid(F&& f) const {
    for (uint32_t i = kids_.first[document()]; i < kids_.first[document() + 1]; ++i)
      f(static_cast<size_t>(kids_.kids[i].value));
  }

 private:
  // Calls add(node, kid) for every run of kids of every node, in each
  // node's order, and extend(node) for each MCID that lengthens the run
  // added last (the node drew the MCID before it).
  template <typename Add, typename Extend>
  bool walk(Add&& add, Extend&& extend) {
    std::vector<bool> linked(links_.size(), false);  // placed among its parent's kids
    for (size_t p = 0; p < tags_.size() && p < pages_.size(); ++p) {
      const auto& mcids = tags_[p].mcid_element;
      size_t before = nodes_;  // the node of the MCID before
      for (size_t mcid = 0; mcid < mcids.size(); ++mcid) {
        if (mcids[mcid] < 0 || static_cast<size_t>(mcids[mcid]) >= elements_) return false;
        const auto e = static_cast<size_t>(mcids[mcid]);
        const size_t node = owner(p, mcid);
        if (node != e && !linked[node - elements_]) {
          // The Link stands where its words begin, among its parent's content.
          add(e, Kid{static_cast<int32_t>(node), Kid::kElement});
          linked[node - elements_] = true;
          linked_[node - elements_] = static_cast<int64_t>(e);
        }
        if (node == before) {
          extend(node);
          continue;
        }
        before = node;
        if (page_[node] < 0) page_[node] = static_cast<int32_t>(p);
        const auto page = static_cast<int32_t>(p);
        add(node, Kid{static_cast<int32_t>(mcid), page_[node] == page ? Kid::kMcid : page});
      }
    }
    // Child elements after their parent's content, in list order; a link
    // that draws no words is a Link element in the element it was placed in.
    const auto& elements = list_.structure;
    for (size_t e = 0; e < elements_; ++e) {
      const int32_t parent = elements[e].parent;
      add(parent >= 0 && static_cast<size_t>(parent) < elements_ ? static_cast<size_t>(parent) : document(),
          Kid{static_cast<int32_t>(e), Kid::kElement});
    }
    for (size_t k = 0; k < links_.size(); ++k) {
      if (linked[k]) continue;
      const int64_t owner = link_owner(k);
      add(owner >= 0 ? static_cast<size_t>(owner) : document(),
          Kid{static_cast<int32_t>(elements_ + k), Kid::kElement});
    }
    return true;
  }

  const layout::DisplayList& list_;
  const std::vector<Ref>& pages_;
  const std::vector<PageResult>& tags_;
  const std::vector<LinkAnnotation>& links_;
  const size_t elements_, nodes_;
  std::map<std::pair<size_t, size_t>, size_t> annotation_of_;  // (page, link index) -> rank
  std::vector<int32_t> page_;     // by node: the page of its first MCID (its /Pg)
  std::vector<int64_t> linked_;   // by link: the element its words begin in, or -1
  Kids kids_;
};

Value number(double v) { return std::stod(num(v)); }

}  // namespace

bool write_struct_tree(hpdf::Writer& w, const layout::DisplayList& list, const std::vector<Ref>& pages,
                       const std::vector<PageResult>& tags, const std::vector<LinkAnnotation>& links) {
  const auto& elements = list.structure;
  Tree tree(list, pages, tags, links);
  if (!tree.build()) return false;
  // Numbered as before: the root, the Document, the elements, the Links.
  const auto root = w.reserve_ahead(), first = w.reserve_ahead(elements.size() + links.size() + 1);
  if (!root || !first) return false;
  const auto ref = [&](size_t node) {
    return Ref{first->id + 1 + static_cast<int>(node == tree.document() ? -1 : static_cast<int>(node))};
  };
  const Ref document = ref(tree.document());

  // Each element's entries in order, each on its line, as a Dict of them is
  // written (ahead_entries()): a long report has a hundred thousand.
  std::string kids, last;
  for (size_t k = 0; k < links.size(); ++k) {
    const LinkAnnotation& a = links[k];
    const size_t node = tree.elements() + k;
    const int64_t owner = tree.link_owner(k);
    last = "<<\012/Type /OBJR\012/Obj ";
    if (!w.reference(a.ref, last)) return false;
    last += "\012/Pg ";
    if (!w.reference(pages[a.page], last)) return false;
    last += "\012>>";
    kids.clear();
    if (!w.begin_ahead(ref(node)) || !w.ahead_entry("Type", Name{"StructElem"}) || !w.ahead_entry("S", Name{"Link"}) ||
        !w.ahead_entry("P", owner >= 0 ? ref(static_cast<size_t>(owner)) : document) ||
        !w.ahead_entry("Pg", pages[a.page]) || !tree.kid_text(node, ref, w, kids, &last) || !w.ahead_text(kids) ||
        (!a.link->text.empty() && !w.ahead_entry("Alt", text_string(a.link->text))) || !w.end_ahead())
      return false;
  }

  // PDF/UA-1 asks every Note for an element identifier, and ISO 32000 for
  // the IDTree that finds the element by it.
  std::vector<std::pair<std::string, Ref>> ids;
  for (size_t e = 0; e < elements.size(); ++e) {
    const layout::StructureList::Element el = elements[e];
    const bool in_tree = el.parent >= 0 && static_cast<size_t>(el.parent) < elements.size();
    if (!w.begin_ahead(ref(e)) || !w.ahead_entry("Type", Name{"StructElem"}) || !w.ahead_entry("S", Name{el.role}) ||
        !w.ahead_entry("P", in_tree ? ref(static_cast<size_t>(el.parent)) : document))
      return false;
    if (el.role == "Note") {
      ids.emplace_back("note-" + std::to_string(e), ref(e));
      if (!w.ahead_entry("ID", String{ids.back().first})) return false;
    }
    const int32_t page = tree.page(e);
    if (page >= 0 && !w.ahead_entry("Pg", pages[static_cast<size_t>(page)])) return false;
    if (tree.has_kids(e)) {
      kids.clear();
      if (!tree.kid_text(e, ref, w, kids) || !w.ahead_text(kids)) return false;
    }
    if (!el.alt.empty() && !w.ahead_entry("Alt", text_string(el.alt))) return false;
    if (!el.lang.empty() && !w.ahead_entry("Lang", text_string(el.lang))) return false;
    // A Figure's Layout attributes replace a table cell's scope, in its place.
    Value attributes;
    if (!el.scope.empty()) attributes = Dict{}.set("O", Name{"Table"}).set("Scope", Name{el.scope});
    if (el.role == "Figure" && page >= 0) {
      const auto& boxes = tags[static_cast<size_t>(page)].figure_box;
      if (auto it = boxes.find(static_cast<int32_t>(e)); it != boxes.end()) {
        const auto& b = it->second;
        attributes = Dict{}.set("O", Name{"Layout"}).set("BBox", Array{{number(b[0]), number(b[1]), number(b[2]), number(b[3])}});
      }
    }
    if ((!std::holds_alternative<std::monostate>(attributes.v) && !w.ahead_entry("A", attributes)) || !w.end_ahead())
      return false;
  }

  // The Document's /K and the parent tree name every element and MCID:
  // written as text a reference at a time, never one Value.
  const auto add_ref = [&](std::string& to, size_t node) {
    w.reference(ref(node), to);
    to.push_back(' ');
  };
  if (!w.begin_ahead(document) ||
      !w.ahead_entries(Dict{}.set("Type", Name{"StructElem"}).set("S", Name{"Document"}).set("P", *root)))
    return false;
  if (tree.has_kids(tree.document())) {
    std::string k = "/K [ ";
    tree.each_document_kid([&](size_t node) { add_ref(k, node); });
    k += "]\012";
    if (!w.ahead_text(k)) return false;
  }
  if (!w.end_ahead()) return false;

  if (!w.begin_ahead(*root) ||
      !w.ahead_entries(Dict{}.set("Type", Name{"StructTreeRoot"}).set("K", document)) ||
      !w.ahead_text("/ParentTree <<\012/Nums [ "))
    return false;
  std::string nums;
  for (size_t p = 0; p < tags.size() && p < pages.size(); ++p) {
    nums += std::to_string(p) + " [ ";
    for (size_t mcid = 0; mcid < tags[p].mcid_element.size(); ++mcid) add_ref(nums, tree.owner(p, mcid));
    nums += "] ";
    if (nums.size() >= 4096) {
      if (!w.ahead_text(nums)) return false;
      nums.clear();
    }
  }
  for (size_t k = 0; k < links.size(); ++k) {
    nums += std::to_string(pages.size() + k) + ' ';
    add_ref(nums, tree.elements() + k);
  }
  nums += "]\012>>\012";
  Dict rest;
  rest.set("ParentTreeNextKey", static_cast<int64_t>(pages.size() + links.size()));
  if (!ids.empty()) {
    std::sort(ids.begin(), ids.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    Array names;
    for (auto& [id, r] : ids) {
      names.items.push_back(String{std::move(id)});
      names.items.push_back(r);
    }
    rest.set("IDTree", Dict{}.set("Names", std::move(names)));
  }
  return w.ahead_text(nums) && w.ahead_entries(rest) && w.end_ahead() && w.set_catalog("StructTreeRoot", *root) &&
         w.set_catalog("MarkInfo", Dict{}.set("Marked", true)) &&
         w.set_catalog("ViewerPreferences", Dict{}.set("DisplayDocTitle", true));
}

}  // namespace galley::pdf
