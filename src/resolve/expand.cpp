#include "detail/expand.h"

#include <algorithm>
#include <set>
#include <vector>

#include "detail/nearest.h"

namespace galley::resolve {

namespace {

constexpr int kMaxDepth = 16;
// What one text may expand to. Sizes are counted before anything is
// expanded, so a few hundred bytes of nested references cost a walk over
// the variables, not their product.
constexpr size_t kMaxBytes = size_t{1} << 20;
constexpr size_t kMaxReports = 20;

std::string_view trim(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

class Expander {
 public:
  Expander(const Variables& vars, const SourceLoc& loc, Diagnostics& diags, const ExpandOptions& opts,
           std::string_view text)
      : vars_(vars), loc_(loc), diags_(diags), opts_(opts),
        origin_(opts.origin.empty() ? text : opts.origin), exact_(opts.origin.empty()) {
    if (!opts.self.empty()) stack_.push_back(opts.self);
  }

  void run(std::string_view text, std::string& out, int depth) {
    size_t i = 0;
    while (i < text.size() && !stopped_) {
      // Text up to the next byte that can begin "\\{{", kLiteralBraces or
      // "{{", in one piece: most text has no reference at all.
      size_t plain = i;
      while (plain < text.size() && text[plain] != '\\' && text[plain] != '{' && text[plain] != kLiteralBraces.front())
        ++plain;
      if (plain > i) {
        out.append(text.substr(i, plain - i));
        i = plain;
        continue;
      }
      if (text.compare(i, 3, "\\{{") == 0 || text.compare(i, kLiteralBraces.size(), kLiteralBraces) == 0) {
        out += opts_.keep_escapes ? "\\{{" : "{{";
        i += 3;
        continue;
      }
      if (text.compare(i, 2, "{{") != 0) {
        out += text[i++];
        continue;
      }
      const size_t close = text.find("}}", i + 2);
      if (close == std::string_view::npos) {
        report(depth == 0 ? unterminated_at() : loc_,
               "unterminated '{{' (close it with '}}', or write '\\{{' for literal braces)", "{{");
        out.append(text.substr(i));
        return;
      }
      const std::string name(trim(text.substr(i + 2, close - i - 2)));
      if (depth == 0) {
        token_name_ = name;
        token_offset_ = exact_ ? i : std::string_view::npos;
      }
      i = close + 2;
      insert(name, out, depth);
      if (out.size() > kMaxBytes && !stopped_) {
        report(token_loc(), "variables expand to more than 1 MiB of text", "size");
        stopped_ = true;
      }
    }
  }

 private:
  void insert(const std::string& name, std::string& out, int depth) {
    if (opts_.document) ++opts_.document->references;
    if (name.empty()) {
      report(token_loc(), "empty variable reference '{{}}'", "{{}}");
      return;
    }
    const auto it = vars_.find(name);
    if (it == vars_.end()) {
      if (std::find(kSlotNames.begin(), kSlotNames.end(), name) != kSlotNames.end()) {
        report(token_loc(), "'{{" + name + "}}' is only available in master page text (header, footer, text elements)", name);
        return;
      }
      std::vector<std::string> known;
      for (const auto& kv : vars_) known.push_back(kv.first);
      report(token_loc(), "undefined variable '" + name + "'" + did_you_mean(name, known), name);
      return;
    }
    if (std::find(stack_.begin(), stack_.end(), name) != stack_.end()) {
      std::string chain;
      for (const std::string& s : stack_) chain += s + " → ";
      report(token_loc(), "variable cycle: " + chain + name, "cycle " + name);
      return;
    }
    if (depth >= kMaxDepth) {
      report(token_loc(), "variables nested more than 16 deep at '" + name + "'", "depth");
      return;
    }
    if (depth == 0 && out.size() + size_of(name, 0) > kMaxBytes) {
      report(token_loc(), "'{{" + name + "}}' would expand this text past 1 MiB (" + widest_chain(name) + ")",
             "size");
      stopped_ = true;
      return;
    }
    if (depth == 0 && opts_.document && size_of(name, 0) > opts_.document->budget) {
      report(token_loc(),
             "'{{" + name + "}}' would make variables add more than 2 MiB of text to this document (" +
                 widest_chain(name) + ")",
             "document size");
      stopped_ = true;
      return;
    }
    const size_t before = out.size();
    stack_.push_back(name);
    run(it->second, out, depth + 1);
    stack_.pop_back();
    if (depth == 0 && opts_.document) opts_.document->budget -= std::min(opts_.document->budget, out.size() - before);
  }

  // The bytes `name` expands to, saturated just above kMaxBytes. Names on
  // the stack (a cycle) and nesting past kMaxDepth count nothing: run()
  // reports those.
  size_t size_of(const std::string& name, int depth) {
    const auto memo = sizes_->find(name);
    if (memo != sizes_->end() && memo->second.second <= depth) return memo->second.first;
    const auto it = vars_.find(name);
    if (it == vars_.end() || depth >= kMaxDepth ||
        std::find(sizing_.begin(), sizing_.end(), name) != sizing_.end())
      return 0;
    sizing_.push_back(name);
    size_t bytes = 0;
    for_each_reference(it->second, [&](size_t literal, const std::string& ref) {
      bytes = std::min(bytes + literal + (ref.empty() ? 0 : size_of(ref, depth + 1)), kMaxBytes + 1);
    });
    sizing_.pop_back();
    (*sizes_)[name] = {bytes, depth};
    return bytes;
  }

  // Calls `f(literal_bytes, name)` for each stretch of text and the
  // reference after it (name empty after the last stretch).
  template <class F>
  static void for_each_reference(std::string_view text, F f) {
    size_t from = 0;
    for (size_t p = text.find("{{"); p != std::string_view::npos; p = text.find("{{", from)) {
      const size_t close = text.find("}}", p + 2);
      if (close == std::string_view::npos) break;
      if (p > 0 && text[p - 1] == '\\') {
        f(p + 2 - from, std::string());
        from = p + 2;
        continue;
      }
      f(p - from, std::string(trim(text.substr(p + 2, close - p - 2))));
      from = close + 2;
    }
    f(text.size() - from, std::string());
  }

  // "a → b → c": from `name`, each time into the reference that expands to
  // the most, as far as the nesting goes.
  std::string widest_chain(const std::string& name) {
    std::string chain = name, at = name;
    for (int depth = 0; depth < kMaxDepth; ++depth) {
      std::string widest;
      size_t most = 0;
      for_each_reference(vars_.at(at), [&](size_t, const std::string& ref) {
        if (!ref.empty() && vars_.count(ref) && size_of(ref, depth + 1) > most) {
          most = size_of(ref, depth + 1);
          widest = ref;
        }
      });
      if (widest.empty()) break;
      chain += " → " + widest;
      at = widest;
    }
    return chain;
  }

  // Reports each problem once, however often a value repeats it, and at most
  // kMaxReports per text: a hostile text must not cost a search per error.
  void report(const SourceLoc& at, const std::string& message, const std::string& key) {
    if (reported_->size() > kMaxReports || !reported_->insert(key.empty() ? message : key).second) return;
    if (reported_->size() > kMaxReports) {
      diags_.error(loc_, "too many variable errors in this text; the rest are not shown");
      return;
    }
    diags_.error(at, message);
  }

  SourceLoc token_loc() const {
    if (reported_->size() >= kMaxReports) return loc_;
    return token_offset_ != std::string_view::npos ? at_offset(token_offset_) : reference_at(token_name_);
  }

  SourceLoc at_offset(size_t offset) const {
    SourceLoc l = loc_;
    if (l.line > 0 && origin_.find('\n') == std::string_view::npos) l.col += static_cast<int>(offset);
    return l;
  }

  // The first `{{ name }}` in the author's text, tokenised as run() does.
  SourceLoc reference_at(const std::string& name) const {
    for (size_t p = origin_.find("{{"); p != std::string_view::npos;) {
      const size_t close = origin_.find("}}", p + 2);
      if (close == std::string_view::npos) break;
      if (trim(origin_.substr(p + 2, close - p - 2)) == name) return at_offset(p);
      p = origin_.find("{{", close + 2);
    }
    return loc_;
  }

  SourceLoc unterminated_at() const {
    for (size_t p = origin_.find("{{"); p != std::string_view::npos;) {
      const size_t close = origin_.find("}}", p + 2);
      if (close == std::string_view::npos) return at_offset(p);
      p = origin_.find("{{", close + 2);
    }
    return loc_;
  }

  const Variables& vars_;
  const SourceLoc& loc_;
  Diagnostics& diags_;
  const ExpandOptions& opts_;
  std::string_view origin_;
  bool exact_;  // `text` is the author's text: offsets in it are columns
  std::string token_name_;
  size_t token_offset_ = std::string_view::npos;
  std::vector<std::string> stack_;
  std::vector<std::string> sizing_;
  std::map<std::string, std::pair<size_t, int>> own_sizes_;
  std::map<std::string, std::pair<size_t, int>>* sizes_ = opts_.document ? &opts_.document->sizes : &own_sizes_;
  std::set<std::string> own_reported_;
  std::set<std::string>* reported_ = opts_.reported ? opts_.reported : &own_reported_;
  bool stopped_ = false;
};

}  // namespace

std::string expand(std::string_view text, const Variables& vars, const SourceLoc& loc, Diagnostics& diags,
                   const ExpandOptions& opts) {
  std::string out;
  out.reserve(text.size());
  Expander e(vars, loc, diags, opts, text);
  e.run(text, out, 0);
  return out;
}

bool has_reference(std::string_view text) {
  for (size_t p = text.find("{{"); p != std::string_view::npos; p = text.find("{{", p + 1))
    if (p == 0 || text[p - 1] != '\\') return true;
  return false;
}

}  // namespace galley::resolve
