// A parsed YAML document as the loaders read it: built from libyaml's or
// yaml-cpp's parser events into flat arrays, instead of yaml-cpp's node graph. That
// graph costs about 30 bytes per byte of YAML (a long report's 2.7 MB of
// YAML made an 80 MB tree, the peak of its whole build); this one costs a
// small multiple of the file (docs/limits.md), and building it is cheaper
// than yaml-cpp's NodeBuilder.
//
// `Node` reads like YAML::Node (IsMap(), Scalar(), Mark(), `n["key"]`,
// iteration with `it->first` / `it->second` over mappings and `*it` over
// lists), so the loaders read the same either way; it is read-only, and a
// node keeps its document alive. An alias is the anchored node itself, as
// in yaml-cpp: the tree can share nodes and even hold cycles, which
// parse_yaml's walk bounds.
#pragma once
#include <cstdint>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <yaml-cpp/emitterstyle.h>
#include <yaml-cpp/mark.h>

namespace galley::load {

enum class NodeType { Undefined, Null, Scalar, Sequence, Map };

// The arrays behind the nodes of one document. One item per node: its
// kind, where it starts, and either its scalar's index in `scalars` or its
// children's range in `children` (a mapping's as key, value, key, ...).
struct YamlTree {
  struct Item {
    NodeType type = NodeType::Null;
    bool flow = false;
    std::uint16_t tag = 0;  // index in `tags`
    std::uint32_t first = 0, count = 0;
    YAML::Mark mark = YAML::Mark::null_mark();
  };
  std::vector<Item> items;
  std::vector<std::uint32_t> children;
  std::vector<std::string> scalars;
  std::vector<std::string> tags;  // few distinct: "?", "!", and any explicit ones

  // Both readers build a collection the same way: its children's indices
  // gathered while it is open, appended to `children` when it closes.
  struct Open {
    std::uint32_t index;
    std::vector<std::uint32_t> kids;
  };
  void close(const Open& done) {
    Item& item = items[done.index];
    item.first = static_cast<std::uint32_t>(children.size());
    item.count = static_cast<std::uint32_t>(done.kids.size());
    children.insert(children.end(), done.kids.begin(), done.kids.end());
  }
};

class Node {
 public:
  class iterator;
  Node() = default;

  NodeType Type() const { return tree_ ? item().type : NodeType::Undefined; }
  bool IsDefined() const { return Type() != NodeType::Undefined; }
  bool IsNull() const { return Type() == NodeType::Null; }
  bool IsScalar() const { return Type() == NodeType::Scalar; }
  bool IsSequence() const { return Type() == NodeType::Sequence; }
  bool IsMap() const { return Type() == NodeType::Map; }
  explicit operator bool() const { return IsDefined(); }

  // The text of a scalar; empty for any other node.
  const std::string& Scalar() const;
  // "!" for a quoted scalar, "?" for a plain one, "" for a null, or the explicit tag.
  const std::string& Tag() const;
  YAML::Mark Mark() const;
  YAML::EmitterStyle::value Style() const;
  // Items of a list, pairs of a mapping; 0 for anything else.
  std::size_t size() const;
  // The value of the first pair whose key is the scalar `key`; undefined
  // when there is none or this is not a mapping.
  Node operator[](std::string_view key) const;
  // Item `i` of a list; undefined past its end or when this is not a list.
  Node operator[](std::size_t i) const;

  iterator begin() const;
  iterator end() const;

  // Node `index` of `tree`.
  Node(std::shared_ptr<const YamlTree> tree, std::uint32_t index) : tree_(std::move(tree)), index_(index) {}

 private:
  const YamlTree::Item& item() const { return tree_->items[index_]; }

  std::shared_ptr<const YamlTree> tree_;
  std::uint32_t index_ = 0;
};

// What an iterator points at: the item of a list (the Node itself), or a
// mapping's pair (`first`, `second`).
struct NodeEntry : Node {
  Node first, second;
};

class Node::iterator {
 public:
  using iterator_category = std::forward_iterator_tag;
  using value_type = NodeEntry;
  using difference_type = std::ptrdiff_t;
  using pointer = const NodeEntry*;
  using reference = const NodeEntry&;

  iterator() = default;
  reference operator*() const { return entry_; }
  pointer operator->() const { return &entry_; }
  iterator& operator++() {
    at_ += owner_.IsMap() ? 2 : 1;
    load();
    return *this;
  }
  iterator operator++(int) {
    iterator old = *this;
    ++*this;
    return old;
  }
  bool operator==(const iterator& o) const { return at_ == o.at_; }

 private:
  friend class Node;
  iterator(const Node& owner, std::uint32_t at, std::uint32_t end) : owner_(owner), at_(at), end_(end) { load(); }
  void load();

  Node owner_;
  std::uint32_t at_ = 0, end_ = 0;
  NodeEntry entry_;
};


// Which reader made a tree (for the tests): libyaml (libyaml_tree.h),
// yaml-cpp on the condensed text (stand_ins.h), or yaml-cpp on the file.
enum class TreeReader { Libyaml, StandIns, YamlCpp };

// Parses the first document of `bytes` and sets `second` to where a second
// document starts, if one does. No document at all gives a null root
// without a mark. The tree and any error (a YAML::Exception) are yaml-cpp's;
// libyaml reads the documents where it agrees with yaml-cpp, yaml-cpp the
// rest.
Node parse_tree(const std::string& bytes, std::optional<YAML::Mark>* second = nullptr, TreeReader* reader = nullptr);

// parse_tree with yaml-cpp's Parser alone, which may throw YAML::Exception.
// Long plain values are stood in for (stand_ins.h); `stood_in` says whether
// the tree came from the condensed text.
Node parse_tree_with_yaml_cpp(const std::string& bytes, std::optional<YAML::Mark>* second = nullptr,
                              bool* stood_in = nullptr);

}  // namespace galley::load
