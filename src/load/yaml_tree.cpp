#include "detail/yaml_tree.h"

#include <istream>
#include <streambuf>

#include "detail/libyaml_tree.h"
#include "detail/stand_ins.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

namespace galley::load {

const std::string& Node::Scalar() const {
  static const std::string kEmpty;
  return IsScalar() ? tree_->scalars[item().first] : kEmpty;
}

const std::string& Node::Tag() const {
  static const std::string kEmpty;
  return tree_ ? tree_->tags[item().tag] : kEmpty;
}

YAML::Mark Node::Mark() const { return tree_ ? item().mark : YAML::Mark::null_mark(); }

YAML::EmitterStyle::value Node::Style() const {
  return tree_ && item().flow ? YAML::EmitterStyle::Flow : YAML::EmitterStyle::Block;
}

std::size_t Node::size() const {
  if (IsSequence()) return item().count;
  if (IsMap()) return item().count / 2;
  return 0;
}

Node Node::operator[](std::string_view key) const {
  if (!IsMap()) return {};
  const auto& it = item();
  const auto* kids = tree_->children.data() + it.first;
  for (std::uint32_t i = 0; i < it.count; i += 2) {
    const auto& k = tree_->items[kids[i]];
    if (k.type == NodeType::Scalar && tree_->scalars[k.first] == key) return Node(tree_, kids[i + 1]);
  }
  return {};
}

Node Node::operator[](std::size_t i) const {
  if (!IsSequence() || i >= item().count) return {};
  return Node(tree_, tree_->children[item().first + i]);
}

Node::iterator Node::begin() const {
  if (!IsSequence() && !IsMap()) return {};
  return iterator(*this, item().first, item().first + item().count);
}

Node::iterator Node::end() const {
  if (!IsSequence() && !IsMap()) return {};
  const std::uint32_t end = item().first + item().count;
  return iterator(*this, end, end);
}

void Node::iterator::load() {
  if (at_ >= end_) {
    entry_ = {};
    return;
  }
  const auto& kids = owner_.tree_->children;
  if (owner_.IsMap()) {
    entry_.first = Node(owner_.tree_, kids[at_]);
    entry_.second = Node(owner_.tree_, kids[at_ + 1]);
    static_cast<Node&>(entry_) = {};
  } else {
    static_cast<Node&>(entry_) = Node(owner_.tree_, kids[at_]);
  }
}

namespace {

// Builds the arrays from the parser's events. A container's children are
// collected on a stack while it is open and appended as one range when it
// closes, so each node's children stay contiguous.
//
// Given the stand-ins of a condensed text, it puts each one's bytes back
// and the file's marks, and fails (`failed()`) unless every stand-in came
// out as a plain scalar in block context at its place.
class Builder : public YAML::EventHandler {
 public:
  explicit Builder(YamlTree& tree) : tree_(tree) {}
  Builder(YamlTree& tree, std::string_view bytes, const std::vector<StandIn>& stand_ins, const Condensed& condensed)
      : tree_(tree), bytes_(bytes), stand_ins_(&stand_ins), condensed_(&condensed) {}
  bool failed() const { return failed_ || (stand_ins_ && next_ < stand_ins_->size()); }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    add(NodeType::Null, mark, "", anchor);
  }
  void OnAlias(const YAML::Mark&, YAML::anchor_t anchor) override {
    // yaml-cpp's parser throws on an alias to an unknown anchor.
    if (anchor < anchors_.size()) attach(anchors_[anchor]);
  }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    const std::uint32_t i = add(NodeType::Scalar, mark, tag, anchor);
    tree_.items[i].first = static_cast<std::uint32_t>(tree_.scalars.size());
    if (stand_ins_ && next_ < stand_ins_->size()) {
      const StandIn& s = (*stand_ins_)[next_];
      if (mark.line > s.line || (mark.line == s.line && mark.column >= s.column)) {
        if (mark.line != s.line || mark.column != s.column || tag != "?" || value != "x" || in_flow()) failed_ = true;
        ++next_;
        if (!failed_) {
          tree_.scalars.emplace_back(bytes_.substr(s.offset, s.length));
          return;
        }
      }
    }
    tree_.scalars.push_back(value);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override {
    open(NodeType::Sequence, mark, tag, anchor, style);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override {
    open(NodeType::Map, mark, tag, anchor, style);
  }
  void OnMapEnd() override { close(); }

 private:
  std::uint16_t tag_index(const std::string& tag) {
    for (std::size_t i = 0; i < tree_.tags.size(); ++i)
      if (tree_.tags[i] == tag) return static_cast<std::uint16_t>(i);
    // Explicit tags are the file's own words; past 65,535 distinct ones the
    // rest share the last slot (no loader reads explicit tags).
    if (tree_.tags.size() == 0xFFFF) return 0xFFFE;
    tree_.tags.push_back(tag);
    return static_cast<std::uint16_t>(tree_.tags.size() - 1);
  }

  std::uint32_t add(NodeType type, const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor) {
    const auto i = static_cast<std::uint32_t>(tree_.items.size());
    YamlTree::Item item;
    item.type = type;
    item.mark = condensed_ ? condensed_->original(mark) : mark;
    item.tag = tag_index(tag);
    tree_.items.push_back(item);
    if (anchor != YAML::NullAnchor) {
      // The parser numbers a document's anchors 1, 2, 3, ...
      if (anchor >= anchors_.size()) anchors_.resize(anchor + 1, 0);
      anchors_[anchor] = i;
    }
    attach(i);
    return i;
  }

  bool in_flow() const { return !open_.empty() && tree_.items[open_.back().index].flow; }

  void attach(std::uint32_t i) {
    if (!open_.empty()) open_.back().kids.push_back(i);
  }

  void open(NodeType type, const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
            YAML::EmitterStyle::value style) {
    const std::uint32_t i = add(type, mark, tag, anchor);
    tree_.items[i].flow = style == YAML::EmitterStyle::Flow;
    open_.push_back({i, {}});
  }

  void close() {
    tree_.close(open_.back());
    open_.pop_back();
  }

  using Open = YamlTree::Open;
  YamlTree& tree_;
  std::vector<Open> open_;
  std::vector<std::uint32_t> anchors_;  // by anchor number
  std::string_view bytes_;
  const std::vector<StandIn>* stand_ins_ = nullptr;
  const Condensed* condensed_ = nullptr;
  std::size_t next_ = 0;  // the first stand-in not yet met
  bool failed_ = false;
};

// Records where a document starts, and nothing else.
class DocumentStart : public YAML::EventHandler {
 public:
  YAML::Mark mark = YAML::Mark::null_mark();
  void OnDocumentStart(const YAML::Mark& m) override { mark = m; }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

// The parser reads `text` in place; an istringstream would copy it.
class TextBuffer : public std::streambuf {
 public:
  explicit TextBuffer(const std::string& text) {
    char* p = const_cast<char*>(text.data());  // only ever read
    setg(p, p, p + text.size());
  }
};

bool has_document_marker(const std::string& b) {
  return b.starts_with("---") || b.starts_with("...") || b.find("\n---") != std::string::npos ||
         b.find("\n...") != std::string::npos;
}

// The tree of `text`'s first document; with `condensed`, `text` is its
// text and the tree is the file's, or nothing when a stand-in did not come
// out as it went in.
std::shared_ptr<YamlTree> parse_text(const std::string& text, const std::string& bytes,
                                     const std::vector<StandIn>* stand_ins, const Condensed* condensed,
                                     std::optional<YAML::Mark>* second) {
  auto tree = std::make_shared<YamlTree>();
  TextBuffer buffer(text);
  std::istream in(&buffer);
  YAML::Parser parser(in);
  std::optional<Builder> builder;
  if (condensed) builder.emplace(*tree, bytes, *stand_ins, *condensed);
  else builder.emplace(*tree);
  if (!parser.HandleNextDocument(*builder) || tree->items.empty()) {
    tree->items.assign(1, YamlTree::Item{});
    tree->tags.assign(1, "");
  }
  if (builder->failed()) return nullptr;
  if (second && has_document_marker(text)) {
    DocumentStart start;
    if (parser.HandleNextDocument(start)) *second = condensed ? condensed->original(start.mark) : start.mark;
  }
  return tree;
}

}  // namespace

Node parse_tree(const std::string& bytes, std::optional<YAML::Mark>* second, TreeReader* reader) {
  if (auto tree = read_common_yaml(bytes)) {
    if (reader) *reader = TreeReader::Libyaml;
    tree->items.shrink_to_fit();
    tree->children.shrink_to_fit();
    tree->scalars.shrink_to_fit();
    return Node(std::move(tree), 0);
  }
  bool stood_in = false;
  Node root = parse_tree_with_yaml_cpp(bytes, second, &stood_in);
  if (reader) *reader = stood_in ? TreeReader::StandIns : TreeReader::YamlCpp;
  return root;
}

// yaml-cpp's LoadAll loops forever (and grows without bound) when a stray
// token follows a document, so at most two documents are asked for.
Node parse_tree_with_yaml_cpp(const std::string& bytes, std::optional<YAML::Mark>* second, bool* stood_in) {
  std::shared_ptr<YamlTree> tree;
  if (stood_in) *stood_in = false;
  if (const auto stand_ins = find_stand_ins(bytes); !stand_ins.empty()) {
    const Condensed condensed(bytes, stand_ins);
    try {
      tree = parse_text(condensed.text(), bytes, &stand_ins, &condensed, second);
    } catch (const YAML::Exception&) {
      // The file as it is gives the error, at its own place.
    }
    if (tree && stood_in) *stood_in = true;
    if (!tree && second) second->reset();
  }
  if (!tree) tree = parse_text(bytes, bytes, nullptr, nullptr, second);
  tree->items.shrink_to_fit();
  tree->children.shrink_to_fit();
  tree->scalars.shrink_to_fit();
  return Node(std::move(tree), 0);
}

}  // namespace galley::load
