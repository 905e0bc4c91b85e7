#include "base/gfm.h"

#include <cmark-gfm-core-extensions.h>

#include <memory>

namespace galley::base {

namespace {
struct ParserFree {
  void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};
}  // namespace

cmark_node* parse_gfm(const std::string& text, std::initializer_list<const char*> extensions) {
  // Registers the extensions once, before any thread looks one up.
  static const bool registered = (cmark_gfm_core_extensions_ensure_registered(), true);
  (void)registered;
  const int options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE;
  std::unique_ptr<cmark_parser, ParserFree> parser(cmark_parser_new(options));
  if (!parser) return nullptr;
  for (const char* name : extensions) {
    cmark_syntax_extension* ext = cmark_find_syntax_extension(name);
    if (!ext || !cmark_parser_attach_syntax_extension(parser.get(), ext)) return nullptr;
  }
  cmark_parser_feed(parser.get(), text.data(), text.size());
  return cmark_parser_finish(parser.get());
}

}  // namespace galley::base
