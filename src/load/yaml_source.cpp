#include "detail/yaml_source.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <utility>
#include <vector>

#include <yaml-cpp/exceptions.h>

#include "detail/yaml_hints.h"

namespace galley::load {
SourceText::SourceText(std::string bytes) : bytes_(std::move(bytes)) {
  size_t start = bytes_.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  line_starts_.push_back(start);
  for (size_t i = bytes_.find('\n', start); i != std::string::npos; i = bytes_.find('\n', i + 1))
    line_starts_.push_back(i + 1);
}

SourceLoc SourceText::loc(const std::string& path, const YAML::Mark& m) const {
  if (m.is_null() || m.line < 0) return {path, 0, 0};
  int col = m.column + 1;
  if (static_cast<size_t>(m.line) < line_starts_.size()) {
    size_t start = line_starts_[m.line];
    size_t end = std::min(bytes_.size(), start + static_cast<size_t>(std::max(m.column, 0)));
    col = 1;
    for (size_t i = start; i < end; ++i)
      if ((static_cast<unsigned char>(bytes_[i]) & 0xC0) != 0x80) ++col;
  }
  return {path, m.line + 1, col};
}

namespace {

// Walks the tree with aliases expanded, iteratively (no recursion to
// overflow), so a shared-node bomb or a cycle is stopped by the budget.
bool within_limits(const Node& root, const SourceText& text, const std::string& path,
                   Diagnostics& diags) {
  std::vector<std::pair<Node, int>> stack{{root, 1}};
  long visited = 0;
  while (!stack.empty()) {
    auto [node, depth] = std::move(stack.back());
    stack.pop_back();
    if (++visited > kMaxNodes) {
      diags.error(text.loc(path, node.Mark()),
                  "the document expands to more than " + std::to_string(kMaxNodes) +
                      " nodes (too many aliases?)");
      return false;
    }
    if (depth > kMaxDepth) {
      diags.error(text.loc(path, node.Mark()),
                  "nesting deeper than " + std::to_string(kMaxDepth) + " levels (through aliases)");
      return false;
    }
    if (node.IsSequence()) {
      for (auto it = node.begin(); it != node.end(); ++it) stack.emplace_back(*it, depth + 1);
    } else if (node.IsMap()) {
      for (auto it = node.begin(); it != node.end(); ++it) {
        stack.emplace_back(it->first, depth + 1);
        stack.emplace_back(it->second, depth + 1);
      }
    }
  }
  return true;
}

const char* kind_name(const Node& n) {
  switch (n.Type()) {
    case NodeType::Sequence: return "a list";
    case NodeType::Scalar: return "a single value";
    case NodeType::Null: return "an empty document";
    default: return "something else";
  }
}

}  // namespace

std::optional<Node> parse_yaml(const SourceText& text, const std::string& path,
                                     Diagnostics& diags) {
  Node root;
  std::optional<YAML::Mark> second;
  try {
    root = parse_tree(text.bytes(), &second);
  } catch (const YAML::Exception& e) {
    const std::string hint = parse_error_hint(text.bytes(), e.msg, e.mark);
    diags.error(text.loc(path, e.mark), "malformed YAML: " + e.msg + (hint.empty() ? "" : ": " + hint));
    return std::nullopt;
  } catch (const std::exception& e) {
    diags.error({path, 0, 0}, std::string("cannot parse YAML: ") + e.what());
    return std::nullopt;
  }
  if (!root.IsDefined() || (root.IsNull() && !second && root.Mark().is_null())) {
    diags.error({path, 0, 0}, "the file holds no YAML document (only comments or blank lines)");
    return std::nullopt;
  }
  if (second) {
    diags.error(text.loc(path, *second),
                "more than one YAML document in the file (a descriptor is one document)");
    return std::nullopt;
  }
  if (!within_limits(root, text, path, diags)) return std::nullopt;
  return root;
}

std::optional<ParsedYaml> read_yaml(const std::string& path, std::string_view what,
                                    Diagnostics& diags) {
  namespace fs = std::filesystem;
  const SourceLoc file{path, 0, 0};
  std::error_code ec;
  fs::file_status st = fs::status(path, ec);
  if (ec || !fs::exists(st)) {
    diags.error(file, "cannot read " + std::string(what) + " file: no such file");
    return std::nullopt;
  }
  if (fs::is_directory(st)) {
    diags.error(file, "is a directory, not a " + std::string(what) + " file");
    return std::nullopt;
  }
  if (!fs::is_regular_file(st)) {
    diags.error(file, "is not a regular file");
    return std::nullopt;
  }
  auto size = fs::file_size(path, ec);
  if (ec) {
    diags.error(file, "cannot read " + std::string(what) + " file: " + ec.message());
    return std::nullopt;
  }
  const std::string limit = "the limit is " + std::to_string(kMaxFileBytes >> 20) + " MiB";
  if (size > kMaxFileBytes) {
    diags.error(file, "file is too large (" + std::to_string(size) + " bytes; " + limit + ")");
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diags.error(file, "cannot read " + std::string(what) + " file: " + std::strerror(errno));
    return std::nullopt;
  }
  // One byte more than the size says, to notice a file that grows while we
  // read it (it could otherwise slip past the limit).
  std::string bytes(static_cast<size_t>(size) + 1, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (in.bad()) {
    diags.error(file, "cannot read " + std::string(what) + " file: read error");
    return std::nullopt;
  }
  bytes.resize(static_cast<size_t>(in.gcount()));
  if (bytes.size() > size) {
    diags.error(file, "file changed while it was being read");
    return std::nullopt;
  }
  if (bytes.empty()) {
    diags.error(file, "file is empty (expected a " + std::string(what) + " descriptor)");
    return std::nullopt;
  }
  if (!prescan(bytes, path, diags)) return std::nullopt;
  auto text = std::make_shared<const SourceText>(std::move(bytes));
  auto root = parse_yaml(*text, path, diags);
  if (!root) return std::nullopt;
  if (!root->IsMap()) {
    diags.error(root->IsNull() ? file : text->loc(path, root->Mark()),
                std::string("expected a mapping of keys at the top level (starting with "
                            "'galley: 1'), found ") + kind_name(*root));
    return std::nullopt;
  }
  return ParsedYaml{*root, text};
}

}  // namespace galley::load
