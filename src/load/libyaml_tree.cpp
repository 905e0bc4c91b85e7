#include "detail/libyaml_tree.h"

#include "detail/stand_ins.h"

#include <yaml.h>

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace galley::load {
namespace {

// Bytes after which libyaml and yaml-cpp may disagree on lines, columns or
// text: tabs (YAML 1.1 and 1.2 differ on where they may stand), carriage
// returns, a byte-order mark, NEL, LS and PS, line breaks to libyaml
// only, and a file ending in a line of spaces.
bool plain_bytes(std::string_view b) {
  for (std::size_t i = 0; i < b.size(); ++i) {
    const auto c = static_cast<unsigned char>(b[i]);
    if (c == '\t' || c == '\r') return false;
    if (c == 0xC2 && i + 1 < b.size() && static_cast<unsigned char>(b[i + 1]) == 0x85) return false;
    if (c == 0xE2 && i + 2 < b.size() && static_cast<unsigned char>(b[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(b[i + 2]) == 0xA8 || static_cast<unsigned char>(b[i + 2]) == 0xA9))
      return false;
    if (c == 0xEF && i + 2 < b.size() && static_cast<unsigned char>(b[i + 1]) == 0xBB &&
        static_cast<unsigned char>(b[i + 2]) == 0xBF)
      return false;
  }
  // A last line of spaces without a line break: after a block scalar
  // yaml-cpp may keep a space at its end, libyaml none.
  const std::size_t last = b.find_last_not_of(' ');
  if (last != b.size() - 1 && (last == std::string_view::npos || b[last] == '\n')) return false;
  return true;
}

bool ascii(std::string_view b) {
  for (const char c : b)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

// libyaml counts a mark's index and column in characters, yaml-cpp in
// bytes. Marks come nearly in file order, so the walk from characters to
// bytes goes on from the last one.
class Marks {
 public:
  explicit Marks(std::string_view bytes) : bytes_(bytes), ascii_(ascii(bytes)) {}

  YAML::Mark at(const yaml_mark_t& m) {
    YAML::Mark out;
    out.line = static_cast<int>(m.line);
    if (ascii_) {
      out.pos = static_cast<int>(m.index);
      out.column = static_cast<int>(m.column);
      return out;
    }
    if (m.index < chars_) byte_ = chars_ = line_start_ = 0;
    while (chars_ < m.index && byte_ < bytes_.size()) {
      const auto c = static_cast<unsigned char>(bytes_[byte_]);
      if (c == '\n') line_start_ = byte_ + 1;
      byte_ += c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
      ++chars_;
    }
    out.pos = static_cast<int>(byte_);
    out.column = static_cast<int>(byte_ - line_start_);
    return out;
  }

 private:
  std::string_view bytes_;
  bool ascii_;
  std::size_t byte_ = 0, chars_ = 0, line_start_ = 0;
};

// A quoted scalar's text as written, without an escape (YAML 1.2 added
// `\/`; the two readers may differ on the rest) or a blank line inside
// (where folding keeps line breaks).
bool plain_quotes(std::string_view written) {
  if (written.find('\\') != std::string_view::npos) return false;
  for (std::size_t nl = written.find('\n'); nl != std::string_view::npos; nl = written.find('\n', nl + 1)) {
    const std::size_t next = written.find_first_not_of(' ', nl + 1);
    if (next == std::string_view::npos || written[next] == '\n') return false;
  }
  return true;
}

class Parser {
 public:
  Parser() { ok_ = yaml_parser_initialize(&parser_) != 0; }
  ~Parser() {
    if (ok_) yaml_parser_delete(&parser_);
  }
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;
  bool ok() const { return ok_; }
  yaml_parser_t* get() { return &parser_; }

 private:
  yaml_parser_t parser_;
  bool ok_ = false;
};

class Event {
 public:
  Event() = default;
  ~Event() {
    if (held_) yaml_event_delete(&event_);
  }
  Event(const Event&) = delete;
  Event& operator=(const Event&) = delete;
  bool next(yaml_parser_t* parser) {
    if (held_) yaml_event_delete(&event_);
    held_ = yaml_parser_parse(parser, &event_) != 0;
    return held_;
  }
  const yaml_event_t& operator*() const { return event_; }
  const yaml_event_t* operator->() const { return &event_; }

 private:
  yaml_event_t event_{};
  bool held_ = false;
};

// yaml-cpp reads a deeper file only to refuse it (its parser stops at 500
// levels); the loaders refuse more than kMaxDepth (prescan.h) before parsing.
constexpr std::size_t kLibyamlLevels = 256;

// Builds the arrays as yaml_tree.cpp's Builder does from yaml-cpp's events:
// a container's children gathered while it is open, appended as one range
// when it closes. Every `add` returns false to decline the document.
class Builder {
 public:
  // `bytes` is the text parsed: the file, or the file condensed with the
  // stand-ins `stand_ins`, whose values are put back.
  Builder(YamlTree& tree, std::string_view bytes, std::string_view file, const std::vector<StandIn>& stand_ins,
          const Condensed* condensed)
      : tree_(tree), bytes_(bytes), file_(file), stand_ins_(stand_ins), condensed_(condensed), marks_(bytes) {}

  bool scalar(const yaml_event_t& e) {
    const auto& s = e.data.scalar;
    if (s.tag) return false;
    const std::string_view value(reinterpret_cast<const char*>(s.value), s.length);
    const YAML::Mark mark = marks_.at(e.start_mark);
    if (s.anchor && (is_key() || !named_at(mark, '&', s.anchor))) return false;
    if (next_ < stand_ins_.size()) {
      // The next stand-in must come out where it was put, as yaml-cpp's
      // Builder requires of it (stand_ins.h); the document is declined if not.
      const StandIn& in = stand_ins_[next_];
      if (mark.line > in.line || (mark.line == in.line && mark.column >= in.column)) {
        if (mark.line != in.line || mark.column != in.column || s.style != YAML_PLAIN_SCALAR_STYLE || value != "x" ||
            s.anchor || in_flow())
          return false;
        ++next_;
        const std::uint32_t i = add(NodeType::Scalar, mark, kPlainTag, false);
        if (i == kDeclined) return false;
        tree_.items[i].first = static_cast<std::uint32_t>(tree_.scalars.size());
        tree_.scalars.emplace_back(file_.substr(in.offset, in.length));
        return true;
      }
    }
    // yaml-cpp refuses an anchored plain scalar that goes on to a second
    // line; quoted ones are left to it too.
    if (s.anchor && s.style != YAML_LITERAL_SCALAR_STYLE && s.style != YAML_FOLDED_SCALAR_STYLE &&
        e.end_mark.line != e.start_mark.line)
      return false;
    if (s.style == YAML_PLAIN_SCALAR_STYLE) {
      if (value.empty()) return false;
      // yaml-cpp ends a plain scalar in a flow collection at `?` too (an
      // error follows), libyaml only at `: `.
      if (in_flow() && value.find_first_of(":?") != std::string_view::npos) return false;
      if (value == "~" || value == "null" || value == "Null" || value == "NULL")
        return anchor(s.anchor, add(NodeType::Null, mark, kNullTag, false));
    } else if (s.style == YAML_SINGLE_QUOTED_SCALAR_STYLE || s.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE) {
      const std::size_t end = static_cast<std::size_t>(marks_.at(e.end_mark).pos);
      if (!plain_quotes(bytes_.substr(mark.pos, end - mark.pos))) return false;
    } else {
      // Block scalars: keep chomping (`+`) is where yaml-cpp and libyaml
      // part (each drops a kept line break the other keeps), and neither
      // it nor an indentation digit is read here.
      std::size_t at = static_cast<std::size_t>(mark.pos);
      if (s.anchor) at = bytes_.find_first_not_of(' ', at + 1 + std::strlen(reinterpret_cast<const char*>(s.anchor)));
      if (at >= bytes_.size() || (bytes_[at] != '|' && bytes_[at] != '>')) return false;
      const std::size_t header = at + 1;
      const std::size_t end = bytes_.find_first_of(" \n#", header);
      const std::string_view indicators = bytes_.substr(header, end - header);
      if (!indicators.empty() && indicators != "-") return false;
    }
    const std::uint32_t i = add(NodeType::Scalar, mark, s.style == YAML_PLAIN_SCALAR_STYLE ? kPlainTag : kQuotedTag,
                                false);
    if (!anchor(s.anchor, i)) return false;
    tree_.items[i].first = static_cast<std::uint32_t>(tree_.scalars.size());
    tree_.scalars.emplace_back(value);
    return true;
  }

  bool open(NodeType type, const yaml_event_t& e, const yaml_char_t* name, const yaml_char_t* tag, bool flow) {
    if (tag || open_.size() >= kLibyamlLevels || is_key()) return false;
    const YAML::Mark mark = marks_.at(e.start_mark);
    if (name && !named_at(mark, '&', name)) return false;
    // A pair in a flow sequence is a mapping without braces; an anchored
    // flow mapping's mark is left to yaml-cpp.
    if (type == NodeType::Map && flow && (name || bytes_[mark.pos] != '{')) return false;
    const std::uint32_t i = add(type, mark, kPlainTag, flow);
    // Anchored before its children, as yaml-cpp does: an alias inside
    // the node is the node itself.
    if (!anchor(name, i)) return false;
    open_.push_back({i, {}});
    return true;
  }

  // An alias is the anchored node again, as yaml_tree.cpp's Builder makes
  // it; an alias to no anchor is yaml-cpp's error, and one as a key is
  // left to it too.
  bool alias(const yaml_event_t& e) {
    const auto* name = e.data.alias.anchor;
    if (is_key() || !named_at(marks_.at(e.start_mark), '*', name)) return false;
    const auto it = anchors_.find(reinterpret_cast<const char*>(name));
    if (it == anchors_.end() || open_.empty()) return false;
    open_.back().kids.push_back(it->second);
    return true;
  }

  void close() {
    tree_.close(open_.back());
    open_.pop_back();
  }

  bool closed() const { return open_.empty(); }
  // Whether every stand-in came out.
  bool all_put_back() const { return next_ == stand_ins_.size(); }

 private:
  static constexpr std::uint32_t kDeclined = UINT32_MAX;
  // The tags yaml_tree.cpp's Builder gives: a null's, a plain scalar's or
  // collection's, a quoted or block scalar's; in the order tree_.tags holds them.
  static constexpr std::uint16_t kNullTag = 0, kPlainTag = 1, kQuotedTag = 2;

  // Whether `name` follows `sign` at `mark` and ends where yaml-cpp's
  // name ends too: libyaml's names stop at any character but a letter, a
  // digit, `-` or `_`, yaml-cpp's only at a space, a line break or one of
  // `[]{},`.
  bool named_at(const YAML::Mark& mark, char sign, const yaml_char_t* name) const {
    const std::string_view n(reinterpret_cast<const char*>(name));
    const auto at = static_cast<std::size_t>(mark.pos);
    if (at >= bytes_.size() || bytes_[at] != sign || bytes_.compare(at + 1, n.size(), n) != 0) return false;
    const std::size_t end = at + 1 + n.size();
    return end == bytes_.size() || std::string_view(" \n,]}").find(bytes_[end]) != std::string_view::npos;
  }

  // Records item `i` under anchor `name`, if any; a later node of the same
  // name takes it over, as in yaml-cpp.
  bool anchor(const yaml_char_t* name, std::uint32_t i) {
    if (i == kDeclined) return false;
    if (name) anchors_[reinterpret_cast<const char*>(name)] = i;
    return true;
  }

  bool in_flow() const { return !open_.empty() && tree_.items[open_.back().index].flow; }
  bool is_key() const {
    return !open_.empty() && tree_.items[open_.back().index].type == NodeType::Map && open_.back().kids.size() % 2 == 0;
  }

  std::uint32_t add(NodeType type, const YAML::Mark& mark, std::uint16_t tag, bool flow) {
    if (is_key()) {
      // `? key`: yaml-cpp marks such a mapping at its `?`.
      std::size_t at = static_cast<std::size_t>(mark.pos);
      while (at > 0 && bytes_[at - 1] == ' ') --at;
      if (at > 0 && bytes_[at - 1] == '?') return kDeclined;
    }
    const auto i = static_cast<std::uint32_t>(tree_.items.size());
    YamlTree::Item item;
    item.type = type;
    item.flow = flow;
    item.tag = tag;
    item.mark = condensed_ ? condensed_->original(mark) : mark;
    tree_.items.push_back(item);
    if (!open_.empty()) open_.back().kids.push_back(i);
    return i;
  }

  using Open = YamlTree::Open;
  YamlTree& tree_;
  std::string_view bytes_, file_;
  const std::vector<StandIn>& stand_ins_;
  const Condensed* condensed_;
  std::size_t next_ = 0;  // the first stand-in not yet met
  Marks marks_;
  std::vector<Open> open_;
  std::unordered_map<std::string, std::uint32_t> anchors_;
};

}  // namespace

std::shared_ptr<YamlTree> read_common_yaml(const std::string& file) {
  // libyaml too spends most of a long report's parse on its paragraphs'
  // plain text (about 110 instructions a byte): it is given the stand-ins.
  const std::vector<StandIn> stand_ins = find_stand_ins(file);
  std::optional<Condensed> condensed;
  if (!stand_ins.empty()) condensed.emplace(file, stand_ins);
  const std::string& bytes = condensed ? condensed->text() : file;
  if (!plain_bytes(bytes)) return nullptr;
  Parser parser;
  if (!parser.ok()) return nullptr;
  yaml_parser_set_input_string(parser.get(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  yaml_parser_set_encoding(parser.get(), YAML_UTF8_ENCODING);
  auto tree = std::make_shared<YamlTree>();
  tree->tags = {"", "?", "!"};
  Builder builder(*tree, bytes, file, stand_ins, condensed ? &*condensed : nullptr);
  bool documents = false;
  for (Event e; e.next(parser.get());) {
    switch (e->type) {
      case YAML_STREAM_START_EVENT: break;
      case YAML_STREAM_END_EVENT:
        if (!builder.all_put_back()) return nullptr;
        if (tree->items.empty()) {
          tree->items.assign(1, YamlTree::Item{});
          tree->tags.assign(1, "");
        }
        return tree;
      case YAML_DOCUMENT_START_EVENT:
        if (documents || !e->data.document_start.implicit || e->data.document_start.version_directive ||
            e->data.document_start.tag_directives.start != e->data.document_start.tag_directives.end)
          return nullptr;
        documents = true;
        break;
      case YAML_DOCUMENT_END_EVENT:
        if (!e->data.document_end.implicit || !builder.closed()) return nullptr;
        break;
      case YAML_ALIAS_EVENT:
        if (!builder.alias(*e)) return nullptr;
        break;
      case YAML_SCALAR_EVENT:
        if (!builder.scalar(*e)) return nullptr;
        break;
      case YAML_SEQUENCE_START_EVENT:
        if (!builder.open(NodeType::Sequence, *e, e->data.sequence_start.anchor, e->data.sequence_start.tag,
                          e->data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE))
          return nullptr;
        break;
      case YAML_MAPPING_START_EVENT:
        if (!builder.open(NodeType::Map, *e, e->data.mapping_start.anchor, e->data.mapping_start.tag,
                          e->data.mapping_start.style == YAML_FLOW_MAPPING_STYLE))
          return nullptr;
        break;
      case YAML_SEQUENCE_END_EVENT:
      case YAML_MAPPING_END_EVENT: builder.close(); break;
      case YAML_NO_EVENT: return nullptr;
    }
  }
  return nullptr;
}

}  // namespace galley::load
