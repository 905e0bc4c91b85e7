#include "resolve/markup.h"

#include <cmark.h>

#include <memory>
#include <set>
#include <string_view>

#include "resolve/block_shield.h"
#include "resolve/expand.h"
#include "resolve/uppercase.h"

namespace galley::resolve {

namespace {

constexpr const char* kLineSeparator = "\xE2\x80\xA8";  // U+2028

// `\{{` → kLiteralBraces (cmark would take the backslash as an escape) and
// `{{ name }}` → `{{name}}` (spaces would end a link destination).
std::string protect_references(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    if (text.compare(i, 3, "\\{{") == 0) {
      out += kLiteralBraces;
      i += 3;
    } else if (text.compare(i, 2, "{{") == 0) {
      const size_t close = text.find("}}", i + 2);
      if (close == std::string::npos) {
        out.append(text, i, std::string::npos);
        break;
      }
      out += "{{";
      for (size_t k = i + 2; k < close; ++k)
        if (text[k] != ' ' && text[k] != '\t') out += text[k];
      out += "}}";
      i = close + 2;
    } else {
      out += text[i++];
    }
  }
  return out;
}

struct NodeFree {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};
struct IterFree {
  void operator()(cmark_iter* i) const { cmark_iter_free(i); }
};

const char* literal_of(cmark_node* n) {
  const char* s = cmark_node_get_literal(n);
  return s ? s : "";
}

class RunBuilder {
 public:
  RunBuilder(const ParaStyle& para, const Cascade* cascade, const model::Text& text, const Variables& vars,
             Diagnostics& diags)
      : cascade_(cascade), text_(text), vars_(vars), diags_(diags) {
    stack_.push_back(Cascade::plain(para));
  }

  void enter(cmark_node* n) {
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_PARAGRAPH:
        if (paragraphs_++ > 0) add(kLineSeparator);
        break;
      case CMARK_NODE_TEXT:
      case CMARK_NODE_HTML_INLINE:
        add(literal_of(n));
        break;
      case CMARK_NODE_CODE_BLOCK:
      case CMARK_NODE_HTML_BLOCK:
        if (paragraphs_++ > 0) add(kLineSeparator);
        add(literal_of(n));
        break;
      case CMARK_NODE_SOFTBREAK: add(" "); break;
      case CMARK_NODE_LINEBREAK: add(kLineSeparator); break;
      case CMARK_NODE_CODE: {
        CharStyle c = stack_.back();
        styled("code", c);
        ++state_;
        add_in(literal_of(n), c);
        ++state_;
        break;
      }
      case CMARK_NODE_EMPH: push("emphasis"); break;
      case CMARK_NODE_STRONG: push("strong"); break;
      case CMARK_NODE_LINK: {
        push("link");
        const char* url = cmark_node_get_url(n);
        ExpandOptions opts;
        opts.origin = text_.value;
        opts.reported = &reported_;
        stack_.back().link = expand(url ? url : "", vars_, text_.loc, diags_, opts);
        break;
      }
      default: break;
    }
  }

  void exit(cmark_node* n) {
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_EMPH:
      case CMARK_NODE_STRONG:
      case CMARK_NODE_LINK:
        stack_.pop_back();
        ++state_;
        break;
      default: break;
    }
  }

  // Runs of one state merged (cmark splits text at every `_`, `[`, ...), so a
  // {{name}} is always whole when it is substituted.
  std::vector<Run> finish(const ParaStyle& para) {
    std::vector<Run> out;
    ExpandOptions opts;
    opts.origin = text_.value;
    opts.reported = &reported_;
    for (Pending& p : pending_) {
      Run r{expand(p.text, vars_, text_.loc, diags_, opts), std::move(p.style)};
      if (para.uppercase) r.text = to_upper(r.text, r.style.language.empty() ? para.language : r.style.language);
      if (!r.text.empty()) out.push_back(std::move(r));
    }
    return out;
  }

 private:
  struct Pending {
    std::string text;
    CharStyle style;
    int state;
  };

  void styled(const std::string& name, CharStyle& c) const {
    if (cascade_) {
      cascade_->apply(name, c);
    } else if (name == "strong") {
      c.bold = true;
    } else if (name == "emphasis") {
      c.italic = !c.italic;
    } else if (name == "code") {
      c.code = true;
    }
  }

  void push(const std::string& name) {
    CharStyle c = stack_.back();
    styled(name, c);
    stack_.push_back(std::move(c));
    ++state_;
  }

  void add(std::string_view s) { add_in(s, stack_.back()); }

  void add_in(std::string_view s, const CharStyle& style) {
    if (s.empty()) return;
    if (!pending_.empty() && pending_.back().state == state_) {
      pending_.back().text += s;
      return;
    }
    pending_.push_back({std::string(s), style, state_});
  }

  const Cascade* cascade_;
  const model::Text& text_;
  const Variables& vars_;
  Diagnostics& diags_;
  std::vector<CharStyle> stack_;
  std::vector<Pending> pending_;
  std::set<std::string> reported_;
  int state_ = 0;
  int paragraphs_ = 0;
};

}  // namespace

std::vector<Run> markup_runs(const model::Text& text, const ParaStyle& para, const Cascade* cascade,
                             const Variables& vars, Diagnostics& diags) {
  const std::string source = shield_block_syntax(protect_references(text.value));
  // Smart punctuation stays off: the author's quotes and dashes are kept.
  std::unique_ptr<cmark_node, NodeFree> doc(
      cmark_parse_document(source.data(), source.size(), CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8));
  if (!doc) {
    diags.error(text.loc, "cannot parse the inline markup (out of memory)");
    return {};
  }
  RunBuilder builder(para, cascade, text, vars, diags);
  std::unique_ptr<cmark_iter, IterFree> it(cmark_iter_new(doc.get()));
  for (cmark_event_type ev; (ev = cmark_iter_next(it.get())) != CMARK_EVENT_DONE;) {
    cmark_node* n = cmark_iter_get_node(it.get());
    if (ev == CMARK_EVENT_ENTER) builder.enter(n);
    else if (ev == CMARK_EVENT_EXIT) builder.exit(n);
  }
  return builder.finish(para);
}

}  // namespace galley::resolve
