#include "detail/markup.h"


#include <algorithm>
#include <cstring>
#include <filesystem>
#include <memory>
#include <set>
#include <string_view>

#include "base/gfm.h"
#include "base/inside_root.h"
#include "detail/block_shield.h"
#include "detail/expand.h"
#include "detail/smart_quotes.h"
#include "detail/uppercase.h"

namespace galley::resolve {

namespace {

constexpr const char* kLineSeparator = "\xE2\x80\xA8";  // U+2028
// An inline image's one character: the text/ stage gives it the image's width.
constexpr const char* kObjectReplacement = "\xEF\xBF\xBC";  // U+FFFC

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
    // An image's description is its alternate text, not text of the line.
    if (image_ >= 0) {
      if (cmark_node_get_type(n) == CMARK_NODE_TEXT || cmark_node_get_type(n) == CMARK_NODE_CODE)
        out_.images[static_cast<size_t>(image_)].alt += literal_of(n);
      else if (cmark_node_get_type(n) == CMARK_NODE_SOFTBREAK)
        out_.images[static_cast<size_t>(image_)].alt += ' ';
      return;
    }
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
        image_ = static_cast<int>(out_.images.size());
        out_.images.push_back({url ? url : "", ""});
        ParsedRun icon = stack_.back();
        icon.image = image_;
        ++state_;
        add_in(kObjectReplacement, icon);
        ++state_;
        break;
      }
      case CMARK_NODE_LINK: {
        push(CharOp::Link);
        const char* url = cmark_node_get_url(n);
        stack_.back().link = static_cast<int>(out_.urls.size());
        out_.urls.emplace_back(url ? url : "");
        break;
      }
      default:
        if (is_strikethrough(n)) push(CharOp::Strike);
        break;
    }
  }

  void exit(cmark_node* n) {
    if (image_ >= 0) {
      if (cmark_node_get_type(n) == CMARK_NODE_IMAGE) image_ = -1;
      return;
    }
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_EMPH:
      case CMARK_NODE_STRONG:
      case CMARK_NODE_LINK:
        stack_.pop_back();
        ++state_;
        break;
      default:
        if (is_strikethrough(n)) {
          stack_.pop_back();
          ++state_;
        }
        break;
    }
  }

  ParsedMarkup finish() { return std::move(out_); }

 private:
  // The extension's node type is registered at run time, so it is known by name.
  static bool is_strikethrough(cmark_node* n) {
    return std::strcmp(cmark_node_get_type_string(n), "strikethrough") == 0;
  }

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
    out_.runs.push_back({std::string(s), style.ops, style.link, style.image});
    last_state_ = state_;
  }

  ParsedMarkup out_;
  std::vector<ParsedRun> stack_;  // the style ops (and link) open at this node
  int state_ = 0;
  int last_state_ = -1;
  int paragraphs_ = 0;
  int image_ = -1;  // the image whose description is being read
};

void apply(CharOp op, const Cascade* cascade, CharStyle& c) {
  static const std::string kNames[] = {"strong", "emphasis", "code", "link", "strike"};
  if (cascade) {
    cascade->apply(kNames[static_cast<int>(op)], c);
  } else if (op == CharOp::Strong) {
    c.bold = true;
  } else if (op == CharOp::Emphasis) {
    c.italic = !c.italic;
  } else if (op == CharOp::Code) {
    c.code = true;
  } else if (op == CharOp::Strike) {
    c.strike = true;
  }
}

// An inline image's file, relative to the file its text is in (the content
// file, a Markdown file, or the layout for master text), as other images;
// "" and an error at the text when it is not there or outside `root`
// (checked first, so an error says nothing of what exists outside).
std::string inline_image_path(const std::string& url, const SourceLoc& loc, const std::string& root,
                              Diagnostics& diags) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path given(url);
  const fs::path path = given.is_absolute() ? given.lexically_normal()
                                            : (fs::path(loc.file.str()).parent_path() / given).lexically_normal();
  if (!root.empty()) {
    if (auto inside = base::inside_root(path.string(), root); inside && fs::is_regular_file(*inside, ec))
      return *inside;
    diags.error(loc, "image '" + url.substr(0, 200) + "' is " +
                         (base::inside_root(path.string(), root) ? "not found" : "outside the root folder"));
    return {};
  }
  if (url.empty() || !fs::is_regular_file(path, ec)) {
    diags.error(loc, "image '" + url.substr(0, 200) + "' not found (looked for " + path.string() + ")");
    return {};
  }
  return fs::absolute(path, ec).lexically_normal().string();
}

// The parse in `para`'s style with {{vars}} substituted: link destinations
// first, then the runs' text, each problem reported once.
std::vector<Run> styled_runs(const ParsedMarkup& parsed, const model::Text& text, const Shared<ParaStyle>& shared,
                             const Variables& vars, Diagnostics& diags, Expansion* expansion, RunStyles& styles) {
  const ParaStyle& para = shared;
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
  std::vector<Run> out;
  std::vector<bool> code;
  out.reserve(parsed.runs.size());
  static const std::string kNoLink;
  for (const ParsedRun& p : parsed.runs) {
    Run r{expand(p.text, vars, text.loc, diags, opts),
          p.ops.empty() && p.link < 0 ? styles.plain(shared)
                                      : styles.marked(shared, p.ops, p.link >= 0 ? urls[p.link] : kNoLink)};
    if (p.image >= 0) {
      const InlineImage& image = parsed.images[static_cast<size_t>(p.image)];
      r.style.edit().image = inline_image_path(expand(image.url, vars, text.loc, diags, opts), text.loc,
                                        expansion ? expansion->root : std::string(), diags);
      r.style.edit().image_alt = image.alt;
      // An image that is not there is left out, its error reported.
      if (r.style->image.empty()) r.text.clear();
    }
    code.push_back(std::find(p.ops.begin(), p.ops.end(), CharOp::Code) != p.ops.end());
    out.push_back(std::move(r));
  }
  if (para.smart_quotes) smarten_quotes(out, code, para.language);
  for (size_t i = 0; i < out.size(); ++i) {
    Run& r = out[i];
    restore_quotes(r.text, code[i]);
    if (para.uppercase) r.text = to_upper(r.text, r.style->language.empty() ? para.language : r.style->language);
  }
  std::erase_if(out, [](const Run& r) { return r.text.empty(); });
  return out;
}

}  // namespace

std::shared_ptr<const ParsedMarkup> parse_markup(const std::string& source) {
  const std::string shielded = shield_block_syntax(protect_quotes(protect_references(source)));
  // cmark's smart punctuation stays off: quotes are made after parsing, in
  // the text's language (smart_quotes.h); dashes are the author's.
  std::unique_ptr<cmark_node, NodeFree> doc(base::parse_gfm(shielded, {"strikethrough"}));
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

std::vector<Run> markup_runs(const model::Text& text, const Shared<ParaStyle>& para, const Cascade* cascade,
                             const Variables& vars, Diagnostics& diags, MarkupCache* cache, Expansion* expansion,
                             RunStyles* styles) {
  const std::shared_ptr<const ParsedMarkup> parsed = cache ? cache->get(text.value) : parse_markup(text.value);
  if (!parsed) {
    diags.error(text.loc, "cannot parse the inline markup (out of memory)");
    return {};
  }
  if (styles) return styled_runs(*parsed, text, para, vars, diags, expansion, *styles);
  RunStyles own(cascade);
  return styled_runs(*parsed, text, para, vars, diags, expansion, own);
}

const Shared<CharStyle>& RunStyles::plain(const Shared<ParaStyle>& para) {
  auto [it, made] = plain_.try_emplace(&*para);
  if (made) it->second = {para, char_style(*para)};
  return it->second.style;
}

const Shared<CharStyle>& RunStyles::marked(const Shared<ParaStyle>& para, const std::vector<CharOp>& ops,
                                           const std::string& link) {
  const Shared<CharStyle>& base = plain(para);
  std::string key;
  for (CharOp op : ops) key += static_cast<char>(op);
  auto [it, made] = marked_.try_emplace({&*para, std::move(key), link});
  if (made) {
    CharStyle c = *base;
    for (CharOp op : ops) apply(op, cascade_, c);
    c.link = link;
    it->second = std::move(c);
  }
  return it->second;
}

}  // namespace galley::resolve
