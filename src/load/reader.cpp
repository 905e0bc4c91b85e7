#include "detail/reader.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <sstream>
#include <tuple>

#include "load/load.h"
#include "detail/suggest.h"
#include "detail/units.h"
#include "detail/yaml_hints.h"

namespace galley::load {
namespace fs = std::filesystem;

const char* describe(const Node& n) {
  switch (n.Type()) {
    case NodeType::Sequence: return "a list";
    case NodeType::Map: return "a mapping";
    case NodeType::Scalar: return "a value";
    case NodeType::Null: return "nothing";
    default: return "nothing";
  }
}

void append_in_file_order(const Diagnostics& from, Diagnostics& to, const std::vector<std::string>& files) {
  std::vector<std::string> order = files;
  for (const auto& d : from.all())
    if (std::find(order.begin(), order.end(), d.loc.file) == order.end()) order.push_back(d.loc.file);
  auto rank = [&](const Diagnostic& d) { return std::find(order.begin(), order.end(), d.loc.file) - order.begin(); };
  std::vector<Diagnostic> items = from.all();
  std::stable_sort(items.begin(), items.end(), [&](const Diagnostic& a, const Diagnostic& b) {
    return std::tuple(rank(a), a.loc.line, a.loc.col) < std::tuple(rank(b), b.loc.line, b.loc.col);
  });
  // A hostile or badly broken file could yield a diagnostic per value;
  // nobody reads past the first screenfuls.
  constexpr size_t kShown = 100;
  size_t shown = 0, more = 0;
  for (size_t i = 0; i < items.size(); ++i) {
    if (shown++ < kShown) to.add(items[i]);
    else ++more;
    if (i + 1 == items.size() || items[i + 1].loc.file != items[i].loc.file) {
      if (more > 0) to.error({items[i].loc.file, 0, 0}, "and " + std::to_string(more) + " more problems in this file");
      shown = more = 0;
    }
  }
}

namespace {

std::string join(const std::vector<std::string_view>& words) {
  std::string out;
  for (auto w : words) {
    if (!out.empty()) out += ", ";
    out += w;
  }
  return out;
}

// Keeps messages readable when a hostile file puts megabytes in one value.
std::string shown(const std::string& s) {
  return s.size() <= 60 ? s : s.substr(0, 57) + "...";
}

}  // namespace

SourceLoc Reader::loc(const Node& n) const {
  const YAML::Mark m = n.Mark();
  if (text_) return text_->loc(path_, m);
  if (m.is_null()) return {path_, 0, 0};
  return {path_, m.line + 1, m.column + 1};
}

bool Reader::error_if_lost_to_comment(const Node& n, const std::string& message) {
  if (!n.IsNull() || !text_) return false;
  auto slip = comment_slip(text_->bytes(), n.Mark());
  if (!slip) return false;
  diags_.error(text_->loc(path_, slip->at), message + ": " + slip->hint);
  return true;
}

void Reader::error(const Node& n, std::string message) {
  if (!error_if_lost_to_comment(n, message)) diags_.error(loc(n), std::move(message));
}

void Reader::warning(const Node& n, std::string message) {
  diags_.warning(loc(n), std::move(message));
}

bool Reader::check_keys(const Node& n, std::string_view what,
                        const std::vector<std::string_view>* allowed) {
  if (n.IsNull()) return true;
  if (!n.IsMap()) {
    error(n, "expected a mapping for " + std::string(what) + ", found " + describe(n));
    return false;
  }
  std::map<std::string, int> seen;  // key → line; a set, as maps may be huge
  for (auto it = n.begin(); it != n.end(); ++it) {
    const Node key = it->first;
    if (!key.IsScalar()) {
      error(key, "keys in " + std::string(what) + " must be plain names, found " + describe(key));
      continue;
    }
    const std::string& k = key.Scalar();
    auto [first, inserted] = seen.emplace(k, 0);
    if (!inserted) {
      error(key, "duplicate key '" + shown(k) + "' (first given on line " + std::to_string(first->second) + ")");
      continue;
    }
    first->second = loc(key).line;
    if (!allowed) continue;
    bool known = false;
    for (auto a : *allowed) known = known || a == k;
    if (known) continue;
    std::string hint = did_you_mean(k, std::span<const std::string_view>(*allowed));
    if (hint.empty() && !foreign_.empty()) {
      std::string elsewhere = suggest(k, foreign_);
      if (!elsewhere.empty())
        hint = " in " + std::string(what) + " (did you mean '" + elsewhere + "'? it belongs on " + foreign_where_ + ")";
    }
    if (hint.empty())
      hint = allowed->empty() ? " (" + std::string(what) + " takes no keys)"
                              : " in " + std::string(what) + " (expected one of: " + join(*allowed) + ")";
    error(key, "unknown key '" + shown(k) + "'" + hint);
  }
  return true;
}

bool Reader::map(const Node& n, std::string_view what,
                 std::initializer_list<std::string_view> allowed) {
  std::vector<std::string_view> keys(allowed);
  return check_keys(n, what, &keys);
}

bool Reader::map(const Node& n, std::string_view what, const std::vector<std::string_view>& allowed) {
  return check_keys(n, what, &allowed);
}

bool Reader::named_map(const Node& n, std::string_view what) {
  return check_keys(n, what, nullptr);
}

Node Reader::get(const Node& map, std::string_view key) {
  return map[key];
}

bool Reader::sequence(const Node& n, std::string_view what) {
  if (n.IsSequence()) return true;
  error(n, "expected a list for " + std::string(what) + ", found " + describe(n));
  return false;
}

bool Reader::scalar(const Node& n, std::string_view what, std::string_view expected) {
  if (n.IsScalar()) return true;
  error(n, "expected " + std::string(expected) + " for " + std::string(what) + ", found " + describe(n));
  return false;
}

std::optional<std::string> Reader::string(const Node& n, std::string_view what) {
  if (!scalar(n, what, "text")) return std::nullopt;
  return n.Scalar();
}

model::Text Reader::text(const Node& n, std::string_view what) {
  model::Text t;
  t.loc = loc(n);
  if (n.IsNull()) return t;
  if (auto s = string(n, what)) t.value = *s;
  // yaml-cpp marks a quoted scalar at its quote (and tags it "!"): point at
  // the first character of the text, so offsets into it land on their column.
  if (n.Tag() == "!" && t.loc.col > 0) ++t.loc.col;
  return t;
}

std::optional<bool> Reader::boolean(const Node& n, std::string_view what) {
  if (!scalar(n, what, "true or false")) return std::nullopt;
  const std::string& s = n.Scalar();
  if (s == "true" || s == "True" || s == "TRUE") return true;
  if (s == "false" || s == "False" || s == "FALSE") return false;
  error(n, "expected true or false for " + std::string(what) + ", found '" + shown(s) + "'");
  return std::nullopt;
}

std::optional<double> Reader::number(const Node& n, std::string_view what, double lo, double hi) {
  if (!scalar(n, what, "a number")) return std::nullopt;
  auto v = parse_number(n.Scalar());
  if (!v) {
    error(n, "expected a number for " + std::string(what) + ", found '" + shown(n.Scalar()) + "'");
    return std::nullopt;
  }
  if (*v < lo || *v > hi) {
    std::ostringstream range;
    range << lo << " to " << hi;
    error(n, std::string(what) + " must be from " + range.str() + ", found " + shown(n.Scalar()));
    return std::nullopt;
  }
  return v;
}

std::optional<int> Reader::integer(const Node& n, std::string_view what, int lo, int hi) {
  if (!scalar(n, what, "a whole number")) return std::nullopt;
  auto v = parse_number(n.Scalar());
  if (!v || *v != std::floor(*v)) {
    error(n, "expected a whole number for " + std::string(what) + ", found '" + shown(n.Scalar()) + "'");
    return std::nullopt;
  }
  if (*v < lo || *v > hi) {
    error(n, std::string(what) + " must be from " + std::to_string(lo) + " to " + std::to_string(hi) +
                 ", found " + shown(n.Scalar()));
    return std::nullopt;
  }
  return static_cast<int>(*v);
}

std::optional<model::Length> Reader::length(const Node& n, std::string_view what, LengthRule rule) {
  if (!scalar(n, what, "a length")) return std::nullopt;
  std::string why;
  auto parsed = parse_length(n.Scalar(), why);
  if (!parsed) {
    error(n, why.size() > 200 ? "expected a length for " + std::string(what) : why + " for " + std::string(what));
    return std::nullopt;
  }
  bool percent_ok = rule == LengthRule::NonNegativeOrPercent || rule == LengthRule::PositiveOrPercent ||
                    rule == LengthRule::AnySignOrPercent;
  bool positive = rule == LengthRule::Positive || rule == LengthRule::PositiveOrPercent;
  bool any_sign = rule == LengthRule::AnySign || rule == LengthRule::AnySignOrPercent;
  if (parsed->percent && !percent_ok) {
    error(n, std::string(what) + " cannot be a percentage; give pt, mm, cm or in");
    return std::nullopt;
  }
  if (positive && parsed->value <= 0) {
    error(n, std::string(what) + " must be greater than zero, found " + shown(n.Scalar()));
    return std::nullopt;
  }
  if (!any_sign && parsed->value < 0) {
    error(n, std::string(what) + " cannot be negative, found " + shown(n.Scalar()));
    return std::nullopt;
  }
  // 200 inches is the largest page PDF allows; anything beyond is a typo.
  const double limit = parsed->percent ? 1000 : 14400;
  if (std::abs(parsed->value) > limit) {
    error(n, std::string(what) + " is implausibly large: " + shown(n.Scalar()));
    return std::nullopt;
  }
  model::Length l;
  l.value = parsed->value;
  l.percent = parsed->percent;
  l.loc = loc(n);
  return l;
}

std::optional<double> Reader::points(const Node& n, std::string_view what, LengthRule rule) {
  auto l = length(n, what, rule);
  if (!l) return std::nullopt;
  return l->value;
}

std::optional<std::string> Reader::choice(const Node& n, std::string_view what,
                                          std::initializer_list<std::string_view> choices) {
  if (!scalar(n, what, "a name")) return std::nullopt;
  const std::string& s = n.Scalar();
  for (auto c : choices)
    if (c == s) return s;
  std::vector<std::string_view> list(choices);
  std::string hint = did_you_mean(s, std::span<const std::string_view>(list));
  error(n, "unknown " + std::string(what) + " '" + shown(s) + "'" +
               (hint.empty() ? " (expected one of: " + join(list) + ")" : hint));
  return std::nullopt;
}

std::vector<std::string> Reader::string_list(const Node& n, std::string_view what) {
  std::vector<std::string> out;
  if (!sequence(n, what)) return out;
  for (const auto& item : n)
    if (auto s = string(item, what)) out.push_back(*s);
  return out;
}

std::string Reader::relative_path(const std::string& p) const {
  fs::path given(p);
  if (given.is_absolute()) return given.lexically_normal().string();
  return (fs::path(path_).parent_path() / given).lexically_normal().string();
}

std::optional<std::string> Reader::existing_file(const Node& n, std::string_view what) {
  auto s = string(n, what);
  if (!s) return std::nullopt;
  if (s->empty()) {
    error(n, std::string(what) + " is empty; give a file path");
    return std::nullopt;
  }
  return existing_path(*s, loc(n), what, path_);
}

std::optional<std::string> Reader::existing_path(const std::string& s, const SourceLoc& at, std::string_view what,
                                                 const std::string& relative_to) {
  if (s.empty()) {
    diags_.error(at, std::string(what) + " is empty; give a file path");
    return std::nullopt;
  }
  const fs::path given(s);
  std::string rel = given.is_absolute() ? given.lexically_normal().string()
                                        : (fs::path(relative_to).parent_path() / given).lexically_normal().string();
  // Before looking for the file, so a path outside says nothing about
  // what exists there.
  std::optional<std::string> resolved;
  if (!root_.empty() && !(resolved = inside_root(rel, root_))) {
    diags_.error(at, std::string(what) + " '" + shown(s) + "' is outside the root folder");
    return std::nullopt;
  }
  std::error_code ec;
  auto st = fs::status(rel, ec);
  if (ec || !fs::exists(st)) {
    diags_.error(at, std::string(what) + " '" + shown(s) + "' not found (looked for " + rel + ")");
    return std::nullopt;
  }
  if (!fs::is_regular_file(st)) {
    diags_.error(at, std::string(what) + " '" + shown(s) + "' is not a regular file");
    return std::nullopt;
  }
  if (resolved) return resolved;
  return fs::absolute(rel, ec).lexically_normal().string();
}

}  // namespace galley::load
