// Typed, validating access to YAML nodes for the two loaders. Every accessor
// reports a problem at the node's file:line:col and returns nothing, so the
// loaders can carry on and collect every error in one run.
#pragma once
#include <initializer_list>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "yaml_tree.h"

#include "diag/diagnostic.h"
#include "load/load.h"
#include "suggest.h"
#include "yaml_source.h"
#include "model/values.h"

namespace galley::load {

// "a list", "a mapping", ... for messages.
const char* describe(const Node& n);

// Where percentages are allowed, and what sign a length may have.
enum class LengthRule { NonNegative, Positive, AnySign, NonNegativeOrPercent, PositiveOrPercent,
                        AnySignOrPercent };

class Reader {
 public:
  // `text` turns byte columns into character columns; without it columns
  // are yaml-cpp's byte columns.
  // With a `root` (load::Options), existing_file refuses paths outside it.
  Reader(std::string path, Diagnostics& diags, std::shared_ptr<const SourceText> text = nullptr,
         std::string root = {})
      : path_(std::move(path)), diags_(diags), text_(std::move(text)), root_(std::move(root)) {}

  const std::string& path() const { return path_; }
  // The file's bytes; empty when the reader was made without them.
  const std::string& source_bytes() const {
    static const std::string kNone;
    return text_ ? text_->bytes() : kNone;
  }
  // Keys that belong elsewhere in the format: an unknown key with no close
  // match here but one there gets a hint naming `where`.
  void set_foreign_keys(std::span<const std::string_view> keys, std::string where) {
    foreign_ = keys;
    foreign_where_ = std::move(where);
  }
  Diagnostics& diags() { return diags_; }
  SourceLoc loc(const Node& n) const;
  void error(const Node& n, std::string message);
  // Reports `message` at the `#` with a hint when the empty value `n` is
  // empty because an unquoted `#` made the rest of its line a comment.
  bool error_if_lost_to_comment(const Node& n, const std::string& message);
  void warning(const Node& n, std::string message);

  // " (did you mean 'x'?)" from the names `candidates()` returns, or "".
  // Budgeted: a hostile file with thousands of bad names gets hints for the
  // first hundred only, so it cannot cost thousands × names edit distances.
  template <class Names>
  std::string hint(std::string_view word, Names&& candidates) {
    if (hints_left_ <= 0) return {};
    --hints_left_;
    const auto names = candidates();
    return did_you_mean(word, std::span(names));
  }

  // Requires a mapping whose keys are all in `allowed`; reports unknown keys
  // (with a did-you-mean), duplicate keys and non-scalar keys. `what` names
  // the mapping in messages ("page", "style 'body'").
  bool map(const Node& n, std::string_view what,
           std::initializer_list<std::string_view> allowed);
  bool map(const Node& n, std::string_view what, const std::vector<std::string_view>& allowed);
  // A mapping with free keys (names): checks only duplicates and key types.
  bool named_map(const Node& n, std::string_view what);
  bool sequence(const Node& n, std::string_view what);
  // `map[key]`: an undefined node when `map` is not a mapping or lacks the key.
  static Node get(const Node& map, std::string_view key);

  // Scalars. `what` names the value in messages ("'size'").
  std::optional<std::string> string(const Node& n, std::string_view what);
  model::Text text(const Node& n, std::string_view what);
  std::optional<bool> boolean(const Node& n, std::string_view what);
  std::optional<int> integer(const Node& n, std::string_view what, int lo, int hi);
  std::optional<double> number(const Node& n, std::string_view what, double lo, double hi);
  std::optional<model::Length> length(const Node& n, std::string_view what, LengthRule rule);
  // A length in points (no percentages).
  std::optional<double> points(const Node& n, std::string_view what,
                               LengthRule rule = LengthRule::NonNegative);
  // One of `choices`, with a did-you-mean otherwise.
  std::optional<std::string> choice(const Node& n, std::string_view what,
                                    std::initializer_list<std::string_view> choices);
  std::vector<std::string> string_list(const Node& n, std::string_view what);

  // A path relative to this file's folder, made absolute (and after
  // symlinks, with a root); reports it when no regular file is there or
  // when it resolves outside the root.
  std::optional<std::string> existing_file(const Node& n, std::string_view what);
  // The same for a path written at `at` in the file `relative_to` (a
  // Markdown file's images).
  std::optional<std::string> existing_path(const std::string& s, const SourceLoc& at, std::string_view what,
                                           const std::string& relative_to);
  // The same path kept as relative as this file's own path, for diagnostics.
  std::string relative_path(const std::string& p) const;

 private:
  bool check_keys(const Node& n, std::string_view what,
                  const std::vector<std::string_view>* allowed);
  bool scalar(const Node& n, std::string_view what, std::string_view expected);

  std::string path_;
  Diagnostics& diags_;
  std::shared_ptr<const SourceText> text_;
  std::string root_;
  int hints_left_ = 100;
  std::span<const std::string_view> foreign_;
  std::string foreign_where_;
};

// load_document() and load_layout() without the sorting and the verdict:
// the model as far as the file could be read, whatever errors `diags` got
// (a wrong value stays at its default), so the checks after loading can run
// on it too (load_descriptors). Nothing only when the file could not be
// read as YAML at all.
std::optional<model::Document> read_document(const std::string& path, Diagnostics& diags, const Options& opts);
std::optional<model::Layout> read_layout(const std::string& path, Diagnostics& diags, const Options& opts);

}  // namespace galley::load
