// cmark parses whole documents; galley's texts are single paragraphs. Before
// parsing, every line that cmark would read as block syntax (a heading "# ",
// a list "- " or "2016. ", a quote "> ", a fence, a thematic break, a setext
// underline, block HTML, a link reference definition, indented code) gets a
// backslash escape or loses its indent, so it stays literal paragraph text
// while inline markup (`*emphasis*` at a line start too) keeps working.
#pragma once
#include <string>

namespace galley::resolve {

std::string shield_block_syntax(const std::string& text);

}  // namespace galley::resolve
