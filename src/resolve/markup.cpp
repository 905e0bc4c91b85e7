#include "detail/markup.h"

#include <cmark.h>

#include <algorithm>
#include <memory>
#include <set>
#include <string_view>

#include "detail/block_shield.h"
#include "detail/expand.h"
#include "detail/smart_quotes.h"
#include "detail/uppercase.h"

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

// Walks cmark's tree into runs of one character state, merged (cmark splits
// text at every `_`, `[`, ...), so a {{name}} is always whole when it is
// substituted.
class Parser {
 public:
  Parser() { stack_.push_back({}); }

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
        ParsedRun c = stack_.back();
        c.ops.push_back(CharOp::Code);
        ++state_;
        add_in(literal_of(n), c);
        ++state_;
        break;
      }
      case CMARK_NODE_EMPH: push(CharOp::Emphasis); break;
      case CMARK_NODE_STRONG: push(CharOp::Strong); break;
      case CMARK_NODE_IMAGE: {
        const char* url = cmark_node_get_url(n);
        out_.images.emplace_back(url ? url : "");
        break;
      }
      case CMARK_NODE_LINK: {
        push(CharOp::Link);
        const char* url = cmark_node_get_url(n);
        stack_.back().link = static_cast<int>(out_.urls.size());
        out_.urls.emplace_back(url ? url : "");
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

  ParsedMarkup finish() { return std::move(out_); }

 private:
  void push(CharOp op) {
    ParsedRun c = stack_.back();
    c.ops.push_back(op);
    stack_.push_back(std::move(c));
    ++state_;
  }

  void add(std::string_view s) { add_in(s, stack_.back()); }

  void add_in(std::string_view s, const ParsedRun& style) {
    if (s.empty()) return;
    if (!out_.runs.empty() && last_state_ == state_) {
      out_.runs.back().text += s;
      return;
    }
    out_.runs.push_back({std::string(s), style.ops, style.link});
    last_state_ = state_;
  }

  ParsedMarkup out_;
  std::vector<ParsedRun> stack_;  // the style ops (and link) open at this node
  int state_ = 0;
  int last_state_ = -1;
  int paragraphs_ = 0;
};

void apply(CharOp op, const Cascade* cascade, CharStyle& c) {
  static const std::string kNames[] = {"strong", "emphasis", "code", "link"};
  if (cascade) {
    cascade->apply(kNames[static_cast<int>(op)], c);
  } else if (op == CharOp::Strong) {
    c.bold = true;
  } else if (op == CharOp::Emphasis) {
    c.italic = !c.italic;
  } else if (op == CharOp::Code) {
    c.code = true;
  }
}

// The parse in `para`'s style with {{vars}} substituted: link destinations
// first, then the runs' text, each problem reported once.
std::vector<Run> styled_runs(const ParsedMarkup& parsed, const model::Text& text, const ParaStyle& para,
                             const Cascade* cascade, const Variables& vars, Diagnostics& diags, Expansion* expansion) {
  std::set<std::string> reported;
  ExpandOptions opts;
  opts.document = expansion;
  opts.origin = text.value;
  opts.reported = &reported;
  std::vector<std::string> urls;
  urls.reserve(parsed.urls.size());
  for (const std::string& url : parsed.urls) {
    urls.push_back(expand(url, vars, text.loc, diags, opts));
    restore_quotes(urls.back(), false);
  }
  const CharStyle plain = char_style(para);
  std::vector<Run> out;
  std::vector<bool> code;
  out.reserve(parsed.runs.size());
  for (const ParsedRun& p : parsed.runs) {
    Run r{expand(p.text, vars, text.loc, diags, opts), plain};
    for (CharOp op : p.ops) apply(op, cascade, r.style);
    if (p.link >= 0) r.style.link = urls[p.link];
    code.push_back(std::find(p.ops.begin(), p.ops.end(), CharOp::Code) != p.ops.end());
    out.push_back(std::move(r));
  }
  if (para.smart_quotes) smarten_quotes(out, code, para.language);
  for (size_t i = 0; i < out.size(); ++i) {
    Run& r = out[i];
    restore_quotes(r.text, code[i]);
    if (para.uppercase) r.text = to_upper(r.text, r.style.language.empty() ? para.language : r.style.language);
  }
  std::erase_if(out, [](const Run& r) { return r.text.empty(); });
  return out;
}

}  // namespace

std::shared_ptr<const ParsedMarkup> parse_markup(const std::string& source) {
  const std::string shielded = shield_block_syntax(protect_quotes(protect_references(source)));
  // cmark's smart punctuation stays off: quotes are made after parsing, in
  // the text's language (smart_quotes.h); dashes are the author's.
  std::unique_ptr<cmark_node, NodeFree> doc(
      cmark_parse_document(shielded.data(), shielded.size(), CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8));
  if (!doc) return nullptr;
  Parser parser;
  std::unique_ptr<cmark_iter, IterFree> it(cmark_iter_new(doc.get()));
  for (cmark_event_type ev; (ev = cmark_iter_next(it.get())) != CMARK_EVENT_DONE;) {
    cmark_node* n = cmark_iter_get_node(it.get());
    if (ev == CMARK_EVENT_ENTER) parser.enter(n);
    else if (ev == CMARK_EVENT_EXIT) parser.exit(n);
  }
  return std::make_shared<const ParsedMarkup>(parser.finish());
}

std::vector<Run> markup_runs(const model::Text& text, const ParaStyle& para, const Cascade* cascade,
                             const Variables& vars, Diagnostics& diags, MarkupCache* cache, Expansion* expansion) {
  const std::shared_ptr<const ParsedMarkup> parsed = cache ? cache->get(text.value) : parse_markup(text.value);
  if (!parsed) {
    diags.error(text.loc, "cannot parse the inline markup (out of memory)");
    return {};
  }
  if (!parsed->images.empty())
    diags.warning(text.loc, "the image '" + parsed->images.front().substr(0, 60) +
                                "' inside text is set as its description; give it an image: block of its own");
  return styled_runs(*parsed, text, para, cascade, vars, diags, expansion);
}

}  // namespace galley::resolve
